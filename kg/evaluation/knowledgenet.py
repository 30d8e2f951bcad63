"""KnowledgeNet (folds 1-3): positions, membership, headquarters, subsidiaries.

``shared/eval/knowledgenet/folds1-3.jsonl`` holds one annotated passage (a
sentence) per line, with document-level character offsets; only the
properties listed in a passage's ``annotatedProperties`` were annotated
exhaustively there, so a property is scored only in passages annotated for it.

How we read it: the passages of one document are joined, in order, into one
article (a blank line between passages, no publication date), so that a
pronoun can find a person named in an earlier passage. Every relation of ours
belongs to the passage its evidence sentence starts in. Nothing is fitted to
KnowledgeNet.

Mapping of our predicates to the five properties scored (by our entity types):

=====================  ==============================================================
KnowledgeNet           ours
=====================  ==============================================================
CEO (org → person)     holdsPosition(person → Organization) with role "chief executive"
EMPLOYEE_OR_MEMBER_OF  holdsPosition or memberOf (person → Organization or Group),
                       a CEO or a party member included (the data set annotates both)
POLITICAL_AFFILIATION  holdsPosition or memberOf (person → Organization whose sector
                       is "party")
HEADQUARTERS           locatedIn(Organization → City, Region, Place or Country)
SUBSIDIARY_OF          partOf(Organization → Organization)
=====================  ==============================================================

Matching. A relation of ours is brought back to text through its entities'
mentions in the document; an argument matches a gold span when a mention
overlaps it (the data set's own default, "span overlap"). The gold annotates
every coreferent span separately ("CargoNet AB" and "which" are both
subsidiaries; "He", "his" and "he" all hold the same CEO position), while our
relations link entities, which have no pronoun mentions. So the facts of one
passage and property are first grouped into one gold fact per pair of
referents:

- two arguments co-refer when they are the same span, carry the same
  Wikidata URI, or one is a pronoun (he, his, which, who, where ...) whose
  antecedent is the other: its URI's named span in the passage, else the
  nearest named span before it in the same role, else the nearest after it;
- a group is found when one of our relations matches any of its members, and
  counts once; each relation is credited for at most one group;
- an argument that is only a pronoun in the passage (its antecedent is
  elsewhere) matches through the named spans that carry its URI anywhere in
  the document; when it has no URI, it matches an entity of ours of a
  compatible type (he/she/who: a person; it/its/which: not a person) that is
  not named in the passage, i.e. one reached through reference resolution.

First-person arguments ("I", "our") have no referent in the text; they stay
in the gold and count as misses. Two kinds of relation of ours cannot be
compared with the annotation and are left out of the counts: a relation with
an entity that has no mention in the document (the party of "(D-Calif.)"),
and a relation read from inside one name ("the National Bank of Ukraine" is
in Ukraine): the annotation never relates a span to a part of itself.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kg.evaluation.metrics import Counts, Row
from kg.evaluation.relation_matching import Offsets, maximum_matching, spans_match
from kg.models import Article, Entity, Extraction, Relation

PROPERTIES = (
    "CEO",
    "EMPLOYEE_OR_MEMBER_OF",
    "POLITICAL_AFFILIATION",
    "HEADQUARTERS",
    "SUBSIDIARY_OF",
)
CHIEF_EXECUTIVE = "chief executive"
PLACES = {"City", "Region", "Place", "Country"}
PERSON_PRONOUNS = {"he", "she", "him", "his", "her", "himself", "herself", "who", "whom", "whose"}
THING_PRONOUNS = {"it", "its", "itself", "which", "where"}
OTHER_PRONOUNS = {"they", "them", "their", "theirs", "themselves", "that", "this"}
FIRST_PERSON = {"i", "me", "my", "mine", "myself", "we", "us", "our", "ours", "ourselves"}
PRONOUNS = PERSON_PRONOUNS | THING_PRONOUNS | OTHER_PRONOUNS | FIRST_PERSON
NOT_PERSON = {"Organization", "Group", "Country", "City", "Region", "Place", "Other"}


@dataclass
class Passage:
    """One annotated passage, placed in its document's article text at ``offset``."""

    document: str
    start: int
    text: str
    properties: frozenset[str]
    facts: list[dict[str, Any]]
    offset: int = 0

    @property
    def end(self) -> int:
        return self.offset + len(self.text)

    def local(self, document_offset: int) -> int:
        """A document-level offset as an offset of the article text."""
        return self.offset + document_offset - self.start


@dataclass(frozen=True)
class GoldArgument:
    """What a gold argument may be matched by: named spans (article offsets), or,
    for a pronoun whose antecedent lies outside the passage, an entity of one of
    the ``outside`` types that the passage does not name."""

    spans: tuple[Offsets, ...]
    outside: frozenset[str] = frozenset()


@dataclass(frozen=True)
class GoldFact:
    property: str
    subject: GoldArgument
    object: GoldArgument


@dataclass(frozen=True)
class Predicted:
    property: str
    subject: Entity
    object: Entity


@dataclass
class Document:
    id: str
    passages: list[Passage] = field(default_factory=list)

    def article(self) -> Article:
        parts, position = [], 0
        for passage in self.passages:
            passage.offset = position
            parts.append(passage.text)
            position += len(passage.text) + 2
        return Article(id=f"knowledgenet-{self.id}", text="\n\n".join(parts))


def load(shared: Path, limit: int | None = None) -> list[Document]:
    """Documents with at least one passage annotated for a scored property."""
    documents: dict[str, Document] = {}
    path = shared / "eval" / "knowledgenet" / "folds1-3.jsonl"
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            item = json.loads(line)
            document = documents.setdefault(item["documentId"], Document(item["documentId"]))
            document.passages.append(
                Passage(
                    item["documentId"],
                    item["passageStart"],
                    item["passageText"],
                    frozenset(item["annotatedProperties"]),
                    item["facts"],
                )
            )
    scored = [
        d for d in documents.values() if any(p.properties & set(PROPERTIES) for p in d.passages)
    ]
    for document in scored:
        document.passages.sort(key=lambda p: p.start)
    return scored[:limit]


def properties_of(
    relation: Relation, subject: Entity, obj: Entity
) -> list[tuple[str, Entity, Entity]]:
    """The KnowledgeNet facts one relation of ours states: (property, subject, object)."""
    if relation.negated or relation.modality in {"hypothetical", "future", "demanded"}:
        return []
    found: list[tuple[str, Entity, Entity]] = []
    predicate = relation.predicate
    if predicate in {"holdsPosition", "memberOf"} and subject.type == "Person":
        if obj.type in {"Organization", "Group"}:
            found.append(("EMPLOYEE_OR_MEMBER_OF", subject, obj))
        if obj.type == "Organization" and obj.sector == "party":
            found.append(("POLITICAL_AFFILIATION", subject, obj))
        if obj.type == "Organization" and (relation.role or "").lower() == CHIEF_EXECUTIVE:
            found.append(("CEO", obj, subject))
    elif predicate == "locatedIn" and subject.type == "Organization" and obj.type in PLACES:
        found.append(("HEADQUARTERS", subject, obj))
    elif predicate == "partOf" and subject.type == "Organization" and obj.type == "Organization":
        found.append(("SUBSIDIARY_OF", subject, obj))
    return found


def predictions(extraction: Extraction, passage: Passage) -> list[Predicted]:
    """Our facts stated in ``passage``, once each, for the properties annotated there."""
    entities = {e.id: e for e in extraction.entities}
    found: dict[tuple[str, str, str], Predicted] = {}
    for relation in extraction.relations:
        if relation.object is None or not passage.offset <= relation.evidence.start < passage.end:
            continue
        first, second = entities[relation.subject], entities[relation.object]
        if not _comparable(first, second):
            continue
        for prop, subject, obj in properties_of(relation, first, second):
            if prop in passage.properties:
                found.setdefault((prop, subject.id, obj.id), Predicted(prop, subject, obj))
    return list(found.values())


def _comparable(subject: Entity, obj: Entity) -> bool:
    """Both arguments have mentions, and neither is named only inside the other's names."""
    if not subject.mentions or not obj.mentions:
        return False
    return not any(
        all(any(_within(m, n) for n in large.mentions) for m in small.mentions)
        for small, large in ((obj, subject), (subject, obj))
    )


def _within(a, b) -> bool:
    return b.start <= a.start and a.end <= b.end


def gold_facts(passage: Passage, document: Document) -> list[GoldFact]:
    """One gold fact per property and pair of referents (see the module docstring)."""
    by_uri = _named_spans_by_uri(document)
    facts: list[GoldFact] = []
    for prop in PROPERTIES:
        if prop not in passage.properties:
            continue
        records = _unique([f for f in passage.facts if f["property"] == prop])
        subjects = [_Argument.of(passage, f, "subject") for f in records]
        objects = [_Argument.of(passage, f, "object") for f in records]
        subject_keys = _referents(subjects)
        object_keys = _referents(objects)
        groups: dict[tuple, list[int]] = defaultdict(list)
        for i in range(len(records)):
            groups[(subject_keys[i], object_keys[i])].append(i)
        for members in groups.values():
            facts.append(
                GoldFact(
                    prop,
                    _gold_argument([subjects[i] for i in members], by_uri),
                    _gold_argument([objects[i] for i in members], by_uri),
                )
            )
    return facts


@dataclass(frozen=True)
class _Argument:
    span: Offsets
    text: str
    uri: str | None

    @classmethod
    def of(cls, passage: Passage, fact: dict[str, Any], role: str) -> _Argument:
        start, end = fact[f"{role}Start"], fact[f"{role}End"]
        return cls(
            (passage.local(start), passage.local(end)), fact[f"{role}Text"], fact[f"{role}Uri"]
        )

    @property
    def is_pronoun(self) -> bool:
        return self.text.strip().lower() in PRONOUNS


def _unique(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    seen: dict[tuple, dict[str, Any]] = {}
    for f in records:
        seen.setdefault((f["subjectStart"], f["subjectEnd"], f["objectStart"], f["objectEnd"]), f)
    return list(seen.values())


def _referents(arguments: list[_Argument]) -> list[tuple]:
    """A key per argument: equal keys mean the same referent in this passage."""
    named = [a for a in arguments if not a.is_pronoun]
    keys = []
    for argument in arguments:
        antecedent = argument if not argument.is_pronoun else _antecedent(argument, named)
        if antecedent is None:
            keys.append(("outside", argument.uri or argument.text.lower()))
        elif antecedent.uri:
            keys.append(("uri", antecedent.uri))
        else:
            keys.append(("span", antecedent.span))
    return keys


def _antecedent(pronoun: _Argument, named: list[_Argument]) -> _Argument | None:
    if pronoun.text.strip().lower() in FIRST_PERSON:
        return None
    same_uri = [a for a in named if pronoun.uri and a.uri == pronoun.uri]
    if same_uri:
        return same_uri[0]
    before = [a for a in named if a.span[0] < pronoun.span[0]]
    if before:
        return max(before, key=lambda a: a.span[0])
    after = [a for a in named if a.span[0] > pronoun.span[0]]
    return min(after, key=lambda a: a.span[0]) if after else None


def _gold_argument(members: list[_Argument], by_uri: dict[str, list[Offsets]]) -> GoldArgument:
    named = tuple(sorted({a.span for a in members if not a.is_pronoun}))
    if named:
        return GoldArgument(named)
    uris = {a.uri for a in members if a.uri}
    elsewhere = tuple(sorted({s for uri in uris for s in by_uri.get(uri, [])}))
    if elsewhere:
        return GoldArgument(elsewhere)
    words = {a.text.strip().lower() for a in members}
    if words <= FIRST_PERSON:
        return GoldArgument((), frozenset())
    if words & PERSON_PRONOUNS:
        return GoldArgument((), frozenset({"Person"}))
    if words & THING_PRONOUNS:
        return GoldArgument((), frozenset(NOT_PERSON))
    return GoldArgument((), frozenset(NOT_PERSON | {"Person"}))


def _named_spans_by_uri(document: Document) -> dict[str, list[Offsets]]:
    found: dict[str, list[Offsets]] = defaultdict(list)
    for passage in document.passages:
        for fact in passage.facts:
            for role in ("subject", "object"):
                argument = _Argument.of(passage, fact, role)
                if argument.uri and not argument.is_pronoun:
                    found[argument.uri].append(argument.span)
    return found


def _matches(entity: Entity, gold: GoldArgument, passage: Passage) -> bool:
    spans = [(m.start, m.end) for m in entity.mentions]
    if spans_match(spans, gold.spans, "overlap"):
        return True
    named_here = any(passage.offset <= s < passage.end for s, _ in spans)
    return entity.type in gold.outside and not named_here


def count(predicted: list[Predicted], gold: list[GoldFact], passage: Passage) -> Counts:
    def edge(i: int, j: int) -> bool:
        p, g = predicted[i], gold[j]
        return (
            p.property == g.property
            and _matches(p.subject, g.subject, passage)
            and _matches(p.object, g.object, passage)
        )

    matched = len(maximum_matching(len(predicted), len(gold), edge))
    return Counts(tp=matched, fp=len(predicted) - matched, fn=len(gold) - matched)


def scored_passages(
    extractor, documents: list[Document]
) -> Iterator[tuple[Document, Passage, Extraction]]:
    """Each passage annotated for a scored property, with its document's extraction."""
    articles = [d.article() for d in documents]
    for document, extraction in zip(documents, extractor.extract(articles), strict=True):
        for passage in document.passages:
            if passage.properties & set(PROPERTIES):
                yield document, passage, extraction


def evaluate(extractor, shared: Path, limit: int | None = None) -> list[Row]:
    """Rows per property and their micro-average over the first ``limit`` documents."""
    counts = {prop: Counts() for prop in PROPERTIES}
    for document, passage, extraction in scored_passages(extractor, load(shared, limit)):
        predicted = predictions(extraction, passage)
        gold = gold_facts(passage, document)
        for prop in PROPERTIES:
            counts[prop] += count(
                [p for p in predicted if p.property == prop],
                [g for g in gold if g.property == prop],
                passage,
            )
    rows = [Row("knowledgenet", "relations", prop, counts[prop]) for prop in PROPERTIES]
    rows.append(Row("knowledgenet", "relations", "micro", sum(counts.values(), Counts())))
    return rows
