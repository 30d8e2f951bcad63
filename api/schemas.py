"""Request and response schemas, one family per resource.

``XIn`` is what a client sends, ``XPublic`` what it gets back, ``XsPublic``
a page of them with the total ``count`` (``data`` holds at most ``limit``
items from ``offset`` on). Actors are named by their id, the last segment of
their IRI (``sergey-lavrov``).
"""

from __future__ import annotations

import datetime as dt
import re
from enum import StrEnum
from typing import Annotated

from pydantic import BaseModel, BeforeValidator, Field

from kg.lexicon import predicates


def _iso_day(value: object) -> object:
    """A day as clients write it, ``YYYY-MM-DD``: not a number, which pydantic
    would read as a Unix timestamp (``since=2019`` as 1970-01-01)."""
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
        return value.strip()
    if isinstance(value, dt.date):
        return value
    raise ValueError("give a day as YYYY-MM-DD")


Day = Annotated[dt.date, BeforeValidator(_iso_day)]
"""A day sent by a client (a parameter or a field), written ``YYYY-MM-DD``."""

RelationType = StrEnum("RelationType", {name: name for name in predicates()})
"""The relation types of the vocabulary (``kg/lexicon/predicates.tsv``)."""


class Direction(StrEnum):
    """Which relations of an actor: done by it, done to it, or both."""

    out = "out"
    in_ = "in"
    both = "both"


class ActorType(StrEnum):
    Person = "Person"
    Organization = "Organization"
    Country = "Country"
    Group = "Group"


class ErrorPublic(BaseModel):
    """Every error answer: what went wrong and how to fix it."""

    error: str = Field(examples=["not_found"])
    detail: str = Field(examples=["no actor with id 'sergey-lavrov'"])


class HealthPublic(BaseModel):
    status: str = "ok"
    version: str
    store: str = Field(description="embedded, memory or remote")
    articles: int
    model: str


class StatsPublic(BaseModel):
    """How much the graph holds."""

    articles: int
    classes: dict[str, int] = Field(description="Nodes by class.")
    relations: dict[str, int] = Field(description="Relation records by type.")


# ---------------------------------------------------------------- actors


class ActorRefPublic(BaseModel):
    """An actor named in a relation, a statement or a path."""

    id: str
    label: str | None = None


class PositionPublic(BaseModel):
    role: str | None
    organization: str
    organization_label: str


class ActorPublic(BaseModel):
    id: str
    iri: str
    label: str
    type: str
    country: str | None = None
    sector: str | None = None
    aliases: list[str] = []
    identifiers: list[str] = Field(default=[], description="Outside ids (ISO 3166, GeoNames).")
    positions: list[PositionPublic] = []
    articles: int = Field(default=0, description="How many articles name the actor.")


class ActorsPublic(BaseModel):
    data: list[ActorPublic]
    count: int


# ---------------------------------------------------------------- relations and statements


class EvidencePublic(BaseModel):
    """Where a fact was read: the article, the sentence, its character offsets."""

    article: str
    published: dt.date | None = None
    sentence: str
    start: int
    end: int


class RelationPublic(BaseModel):
    """One relation record: ``source`` —``type``→ ``target``, as read from one
    sentence; or an act with one participant ("X resigned", "Y protested"),
    whose ``target`` is null."""

    id: str = Field(description="IRI of the relation record.")
    type: str
    direction: str | None = Field(
        default=None,
        description="For an actor's relations: out (it is the source, or the one participant "
        "of an act) or in.",
    )
    source: ActorRefPublic
    target: ActorRefPublic | None = Field(
        default=None,
        description="The other actor; null for an act with one participant (the source acted "
        "alone: 'Lavrov rejected the criticism').",
    )
    role: str | None = None
    cue: str | None = None
    plover: str | None = Field(default=None, description="PLOVER event class (interactions).")
    cameo: str | None = Field(default=None, description="CAMEO event code (interactions).")
    negated: bool = False
    modality: str = "asserted"
    date: dt.date | None = None
    date_start: dt.date | None = None
    date_end: dt.date | None = None
    confidence: float
    extractor: str = Field(description="The rule that read it, with its version.")
    evidence: EvidencePublic


class RelationsPublic(BaseModel):
    data: list[RelationPublic]
    count: int


class StatementPublic(BaseModel):
    """Something an actor said."""

    id: str = Field(description="IRI of the statement record.")
    speaker: ActorRefPublic
    speaker_text: str | None = Field(default=None, description="How the article named the speaker.")
    kind: str = Field(description="direct, reported or mixed")
    cue: str
    content: str
    date: dt.date | None = None
    confidence: float
    extractor: str
    evidence: EvidencePublic


class StatementsPublic(BaseModel):
    data: list[StatementPublic]
    count: int


# ---------------------------------------------------------------- the network


class NodePublic(BaseModel):
    """An actor of the network."""

    id: str
    label: str
    type: str
    country: str | None = None
    sector: str | None = None
    articles: int


class EdgePublic(BaseModel):
    """All relations of one type from one actor to another."""

    source: str
    target: str
    type: str
    kind: str = Field(description="interaction or stative")
    polarity: int = Field(description="+1 cooperative, -1 conflictual, 0 stative")
    records: int = Field(description="How many relation records.")
    articles: int = Field(description="How many articles report it.")
    first_date: dt.date | None = None
    last_date: dt.date | None = None
    confidence: float = Field(description="The highest confidence among the records.")


class NetworkPublic(BaseModel):
    """Nodes and edges, ready for a graph viewer."""

    nodes: list[NodePublic]
    edges: list[EdgePublic]


class PathPublic(BaseModel):
    """A shortest path: its actors, and the relations on each step."""

    actors: list[ActorRefPublic]
    hops: list[list[EdgePublic]] = Field(
        description="For step i (actors[i] to actors[i+1]), the relations between them, "
        "in either direction."
    )


class PathsPublic(BaseModel):
    data: list[PathPublic]
    count: int = Field(description="How many paths are in data: at most limit, all shortest.")


# ---------------------------------------------------------------- articles


class ArticleIn(BaseModel):
    """An article to ingest."""

    id: str = Field(
        min_length=1,
        max_length=200,
        pattern=r"^\S(?:.*\S)?$",
        description="Neither blank nor with spaces at either end.",
        examples=["lavrov-venezuela-2019-03-31"],
    )
    text: str = Field(
        min_length=1, max_length=1_000_000, examples=["MOSCOW, March 31 (Agency) - Russia ..."]
    )
    published: Day | None = None
    title: str | None = Field(default=None, max_length=1000)
    url: str | None = Field(default=None, max_length=2000)
    source: str | None = Field(default=None, max_length=200)


class ArticlePublic(BaseModel):
    id: str
    iri: str
    title: str | None = None
    published: dt.date | None = None
    source: str | None = None
    url: str | None = None
    entities: int | None = Field(default=None, description="Entities read from it (one article).")
    relations: int | None = None
    statements: int | None = None


class ArticlesPublic(BaseModel):
    data: list[ArticlePublic]
    count: int


class ArticleIngestedPublic(BaseModel):
    """What was read from an ingested article."""

    id: str
    graph: str = Field(description="IRI of the article's named graph.")
    entities: int
    relations: int
    statements: int
    extraction: dict = Field(
        description="Everything extracted, in the `kg extract` JSON interface (see the README)."
    )
