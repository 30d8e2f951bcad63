"""Request and response schemas, one family per resource.

``XIn`` is what a client sends, ``XPublic`` what it gets back, ``XsPublic``
a page of them with the total ``count``.
"""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, Field


class ErrorPublic(BaseModel):
    """Every error answer: what went wrong and how to fix it."""

    error: str = Field(examples=["not_found"])
    detail: str = Field(examples=["no actor with id 'sergey-lavrov'"])


class HealthPublic(BaseModel):
    status: str = "ok"
    store: str
    articles: int
    model: str


class EvidencePublic(BaseModel):
    """Where a fact was read: the article, the sentence, its character offsets."""

    article: str
    sentence: str
    start: int
    end: int


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
    identifiers: list[str] = []
    positions: list[PositionPublic] = []
    articles: int = 0


class ActorsPublic(BaseModel):
    data: list[ActorPublic]
    count: int


class RelationPublic(BaseModel):
    """One relation of an actor, or one of its statements (type ``said``)."""

    type: str
    direction: str = Field(description="out: the actor is the source; in: the target")
    other: str | None = Field(default=None, description="id of the other actor")
    other_label: str | None = None
    role: str | None = None
    content: str | None = Field(default=None, description="what was said (statements)")
    kind: str | None = Field(default=None, description="direct, reported or mixed (statements)")
    cue: str | None = None
    negated: bool = False
    modality: str = "asserted"
    date: dt.date | None = None
    date_start: dt.date | None = None
    date_end: dt.date | None = None
    confidence: float
    extractor: str
    evidence: EvidencePublic


class RelationsPublic(BaseModel):
    data: list[RelationPublic]
    count: int


class ArticleIn(BaseModel):
    """An article to ingest."""

    id: str = Field(min_length=1, max_length=200, examples=["lavrov-venezuela-2019-03-31"])
    text: str = Field(min_length=1, examples=["MOSCOW, March 31 (Agency) - Russia endorsed ..."])
    published: dt.date | None = None
    title: str | None = None
    url: str | None = None
    source: str | None = None


class ArticleIngestedPublic(BaseModel):
    id: str
    graph: str
    entities: int
    relations: int
    statements: int
