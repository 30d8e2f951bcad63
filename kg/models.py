"""The records that flow through the pipeline: small, frozen, typed.

Readers make ``Article``; extractors make ``Entity``, ``Relation`` and
``Statement`` records, gathered in one ``Extraction`` per article; the RDF
builder and the JSON interface read them. Offsets are always character
offsets into ``Article.text`` exactly as given.

>>> Span(0, 6, "Lavrov").text
'Lavrov'
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

EntityType = Literal[
    "Person", "Organization", "Country", "Group", "City", "Region", "Place", "Other"
]
ENTITY_TYPES: tuple[str, ...] = EntityType.__args__  # type: ignore[attr-defined]

StatementKind = Literal["direct", "reported", "mixed"]
Modality = Literal["asserted", "hypothetical", "future", "demanded", "reported"]


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of the article's text: ``text == article.text[start:end]``."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class TimeSpan:
    """When something happened, resolved against the publication date.

    ``start == end`` for a day; a week, month or year is a range with its
    ``precision``; ``text`` is the expression it was read from.
    """

    start: date
    end: date
    precision: Literal["day", "week", "month", "year", "range"]
    text: str

    @property
    def day(self) -> date | None:
        """The single day, or ``None`` when this is a longer range."""
        return self.start if self.start == self.end else None


@dataclass(frozen=True, slots=True)
class Quantity:
    """An amount attached to what it measures: ``35 tonnes of cargo``."""

    amount: float
    unit: str | None
    measures: str
    span: Span


@dataclass(frozen=True)
class Article:
    """One news article: the text and what is known about it.

    ``body_start`` is the offset where the body begins, after headline, byline
    and dateline; extraction reads facts from the body only.
    """

    id: str
    text: str
    published: date | None = None
    title: str | None = None
    url: str | None = None
    source: str | None = None
    dateline: str | None = None
    author: str | None = None
    body_start: int = 0
    origin: str | None = None

    @property
    def content_hash(self) -> str:
        """SHA-256 of the text, hex: identifies the exact content read."""
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Entity:
    """An actor or place named in one article, with all its mentions there.

    ``id`` is unique within the article (a slug of the label); ``country`` is
    the ISO 3166 alpha-3 code of the country the entity belongs to;
    ``identifiers`` are outside IRIs known offline (GeoNames, ISO 3166).
    """

    id: str
    label: str
    type: EntityType
    aliases: tuple[str, ...] = ()
    country: str | None = None
    sector: str | None = None
    mentions: tuple[Span, ...] = ()
    identifiers: tuple[str, ...] = ()


@dataclass(frozen=True)
class Relation:
    """``subject —predicate→ object``, read from one sentence.

    Stative relations (holdsPosition, memberOf, partOf, locatedIn) and
    interactions (supports, demands, ...) share this record; ``rule`` names the
    extractor and its version, ``evidence`` is the sentence. ``plover`` and
    ``cameo`` are the political-event class of an interaction as it is told —
    a promise to give aid is AGREE (CAMEO 03), a refusal REJECT (12) — or
    ``None`` when the record is no event (a negated act, an act demanded of
    someone, a stative relation). An interaction may have no ``object``: an act
    with one participant ("the rebels surrendered", "workers went on strike",
    "the minister resigned"), as PLOVER codes events without a target; a
    stative relation always has one.
    """

    subject: str
    predicate: str
    object: str | None
    evidence: Span
    confidence: float
    rule: str
    role: str | None = None
    negated: bool = False
    modality: Modality = "asserted"
    time: TimeSpan | None = None
    cue: Span | None = None
    quantities: tuple[Quantity, ...] = ()
    plover: str | None = None
    cameo: str | None = None


@dataclass(frozen=True)
class Statement:
    """Something an actor said: speaker, cue, content, direct or reported.

    An unnamed source ("a diplomatic source", "officials", "the report") has
    no ``speaker`` entity — it is no actor to merge with others — but keeps
    its ``speaker_span`` and a ``speaker_type`` (Person, Group or Other).
    """

    speaker: str | None
    speaker_span: Span | None
    cue: Span
    kind: StatementKind
    content: Span
    evidence: Span
    confidence: float
    rule: str
    time: TimeSpan | None = None
    speaker_type: EntityType | None = None


@dataclass(frozen=True)
class Extraction:
    """Everything read from one article."""

    article: Article
    entities: tuple[Entity, ...] = ()
    relations: tuple[Relation, ...] = ()
    statements: tuple[Statement, ...] = ()
    sentences: tuple[Span, ...] = field(default=(), repr=False)

    def entity(self, entity_id: str) -> Entity:
        """The entity with this article-local id (``KeyError`` when absent)."""
        for entity in self.entities:
            if entity.id == entity_id:
                return entity
        raise KeyError(entity_id)
