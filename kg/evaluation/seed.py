"""Score an extraction against a gold annotation in the seed-gold YAML format.

The format (see ``shared/gold/seed-article.gold.yaml``) lists required,
acceptable and forbidden entities, relations and statements, plus dated
events. Matching follows the file's own rules:

- an entity matches when its label or an alias equals a gold name or alias,
  case-insensitively, ignoring a leading "the"; its type must agree
  ("Location" accepts Region and Place);
- a relation matches on (subject, type, object); ``symmetric: true`` relations
  in either direction;
- a statement matches on speaker and a ``contains`` phrase of its content.
  Our ``mixed`` kind (content partly quoted) matches a gold ``direct`` when the
  phrase is inside the quotation, and a gold ``reported`` when it is outside;
- an event (``events``: what, date or date_range, evidence, quantities) is
  found when a relation or statement of its actor — the first gold entity
  named in ``what`` ("Russian military personnel arrive in Caracas") — is dated
  exactly the gold day or range, read from the gold evidence ("last week"); its
  quantities ("35 tonnes of cargo") must be on those records: a quantity
  matches on its amount and every word of the gold phrase ("99 military
  staff" matches "99 Russian military staff").

Relation precision counts the distinct (subject, type, object) triples that
the extraction asserts (not negated, not future, hypothetical or demanded).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from kg.evaluation.metrics import Counts, Row
from kg.models import Entity, Extraction, Quantity, Relation, Statement
from kg.nlp.quotes import quote_spans

TYPE_MATCH = {"Location": {"Region", "Place"}}
NOT_ASSERTED = {"future", "hypothetical", "demanded"}


def load_gold(path: str | Path) -> dict[str, Any]:
    """The gold annotation as nested dicts and lists."""
    return yaml.safe_load(Path(path).read_text(encoding="utf-8"))


def _norm(name: str) -> str:
    return re.sub(r"^the\s+", "", name.strip().lower())


@dataclass
class SeedScore:
    """What matched, what is missing, what must not be there."""

    entities_missing: list[str] = field(default_factory=list)
    entities_wrong_type: list[str] = field(default_factory=list)
    entities_forbidden: list[str] = field(default_factory=list)
    relations_required: int = 0
    relations_missing: list[str] = field(default_factory=list)
    relations_predicted: int = 0
    relations_correct: int = 0
    relations_unmatched: list[str] = field(default_factory=list)
    relations_forbidden: list[str] = field(default_factory=list)
    statements_required: int = 0
    statements_missing: list[str] = field(default_factory=list)
    statements_forbidden: list[str] = field(default_factory=list)
    dates_wrong: list[str] = field(default_factory=list)
    events_required: int = 0
    events_missing: list[str] = field(default_factory=list)
    quantities_required: int = 0
    quantities_missing: list[str] = field(default_factory=list)

    @property
    def relation_recall(self) -> float:
        found = self.relations_required - len(self.relations_missing)
        return found / self.relations_required if self.relations_required else 1.0

    @property
    def relation_precision(self) -> float:
        return (
            self.relations_correct / self.relations_predicted if self.relations_predicted else 1.0
        )

    @property
    def statement_recall(self) -> float:
        found = self.statements_required - len(self.statements_missing)
        return found / self.statements_required if self.statements_required else 1.0


class _Names:
    """Which gold name each produced entity stands for."""

    def __init__(self, gold: dict[str, Any], extraction: Extraction) -> None:
        entries = [e for part in ("required", "acceptable") for e in gold["entities"].get(part, [])]
        self.gold_names = {
            e["name"]: {_norm(n) for n in [e["name"], *e.get("aliases", [])]} for e in entries
        }
        self.gold_types = {e["name"]: e["type"] for e in entries}
        self.by_id: dict[str, str] = {}
        for entity in extraction.entities:
            match = self.match(entity)
            if match is not None:
                self.by_id[entity.id] = match

    def match(self, entity: Entity) -> str | None:
        """The best gold entity for ``entity``: same name before alias, same type
        before other types ("Caracas" is a gold alias of Venezuela and a city)."""
        names = {_norm(n) for n in [entity.label, *entity.aliases]}
        ranked = []
        for gold_name, gold_names in self.gold_names.items():
            if names & gold_names:
                ranked.append(
                    (
                        _norm(gold_name) == _norm(entity.label),
                        _type_ok(self.gold_types[gold_name], entity.type),
                        gold_name,
                    )
                )
        return max(ranked)[2] if ranked else None

    def name(self, entity_id: str | None) -> str | None:
        return self.by_id.get(entity_id) if entity_id else None


def score_seed(gold: dict[str, Any], extraction: Extraction) -> SeedScore:
    """Compare one extraction with one gold annotation."""
    result = SeedScore()
    names = _Names(gold, extraction)
    _score_entities(gold, extraction, names, result)
    _score_relations(gold, extraction, names, result)
    _score_statements(gold, extraction, names, result)
    _score_events(gold, extraction, names, result)
    return result


def _type_ok(gold_type: str, produced: str) -> bool:
    return gold_type in {produced, "any"} or produced in TYPE_MATCH.get(gold_type, set())


def _score_entities(gold, extraction: Extraction, names: _Names, result: SeedScore) -> None:
    for entry in gold["entities"].get("required", []):
        wanted = {_norm(n) for n in [entry["name"], *entry.get("aliases", [])]}
        matches = [
            e for e in extraction.entities if {_norm(n) for n in [e.label, *e.aliases]} & wanted
        ]
        if not matches:
            result.entities_missing.append(entry["name"])
        elif not any(_type_ok(entry["type"], e.type) for e in matches):
            result.entities_wrong_type.append(
                f"{entry['name']}: {', '.join(sorted({e.type for e in matches}))}"
            )
    for entry in gold["entities"].get("forbidden", []):
        for entity in extraction.entities:
            labels = {_norm(n) for n in [entity.label, *entity.aliases]}
            if _norm(entry["name"]) in labels and _type_ok(entry["type"], entity.type):
                result.entities_forbidden.append(f"{entity.label} ({entity.type})")


def _triples(extraction: Extraction, names: _Names) -> set[tuple[str, str, str]]:
    found = set()
    for relation in extraction.relations:
        if relation.negated or relation.modality in NOT_ASSERTED:
            continue
        subject = names.name(relation.subject) or f"?{relation.subject}"
        obj = names.name(relation.object) or f"?{relation.object}"
        found.add((subject, relation.predicate, obj))
    return found


def relation_outcomes(gold: dict[str, Any], extraction: Extraction) -> list[tuple[Relation, bool]]:
    """Each relation told as done, and whether its triple is required or acceptable."""
    names = _Names(gold, extraction)
    relations = gold.get("relations", {})
    allowed = relations.get("required", []) + relations.get("acceptable", [])
    outcomes = []
    for relation in extraction.relations:
        if relation.negated or relation.modality in NOT_ASSERTED:
            continue
        triple = (
            names.name(relation.subject) or f"?{relation.subject}",
            relation.predicate,
            names.name(relation.object) or f"?{relation.object}",
        )
        outcomes.append((relation, any(_matches(entry, triple) for entry in allowed)))
    return outcomes


def _matches(entry: dict[str, Any], triple: tuple[str, str, str]) -> bool:
    s, p, o = triple
    if p != entry["p"]:
        return False
    if (s, o) == (entry["s"], entry["o"]):
        return True
    return bool(entry.get("symmetric")) and (o, s) == (entry["s"], entry["o"])


def _score_relations(gold, extraction: Extraction, names: _Names, result: SeedScore) -> None:
    relations = gold.get("relations", {})
    required = relations.get("required", [])
    allowed = required + relations.get("acceptable", [])
    triples = _triples(extraction, names)
    result.relations_required = len(required)
    for entry in required:
        if not any(_matches(entry, t) for t in triples):
            result.relations_missing.append(f"{entry['s']} {entry['p']} {entry['o']}")
        elif entry.get("date"):
            dated = [
                r
                for r in extraction.relations
                if _matches(
                    entry, (names.name(r.subject) or "", r.predicate, names.name(r.object) or "")
                )
                and r.time
                and r.time.day
                and r.time.day.isoformat() == str(entry["date"])
            ]
            if not dated:
                result.dates_wrong.append(
                    f"{entry['s']} {entry['p']} {entry['o']} on {entry['date']}"
                )
    result.relations_predicted = len(triples)
    for triple in sorted(triples):
        if any(_matches(entry, triple) for entry in allowed):
            result.relations_correct += 1
        else:
            result.relations_unmatched.append(" ".join(triple))
    for entry in relations.get("forbidden", []):
        if any(_matches(entry, t) for t in triples):
            result.relations_forbidden.append(f"{entry['s']} {entry['p']} {entry['o']}")


def _statement_matches(
    entry: dict[str, Any], statement: Statement, names: _Names, text: str, check_kind: bool = True
) -> bool:
    speaker = names.name(statement.speaker) or (
        statement.speaker_span.text if statement.speaker_span else ""
    )
    if _norm(entry["speaker"]) not in {_norm(speaker)} and not _norm(speaker).endswith(
        _norm(entry["speaker"])
    ):
        return False
    phrase = entry["contains"]
    position = statement.content.text.find(phrase)
    if position < 0:
        return False
    if not check_kind or "kind" not in entry or entry["kind"] == statement.kind:
        return True
    if statement.kind != "mixed":
        return False
    start = statement.content.start + position
    quoted = any(s <= start and start + len(phrase) <= e for s, e in quote_spans(text))
    return quoted == (entry["kind"] == "direct")


def _score_statements(gold, extraction: Extraction, names: _Names, result: SeedScore) -> None:
    part = gold.get("statements", {})
    text = extraction.article.text
    required = part.get("required", [])
    result.statements_required = len(required)
    for entry in required:
        found = [s for s in extraction.statements if _statement_matches(entry, s, names, text)]
        label = f"{entry['speaker']} ({entry.get('kind', 'any')}): {entry['contains']!r}"
        if not found:
            result.statements_missing.append(label)
        elif entry.get("date") and not any(
            s.time and s.time.day and s.time.day.isoformat() == str(entry["date"]) for s in found
        ):
            result.dates_wrong.append(f"statement {label} on {entry['date']}")
    for entry in part.get("forbidden", []):
        for statement in extraction.statements:
            if _statement_matches(entry, statement, names, text, check_kind=False):
                result.statements_forbidden.append(f"{entry['speaker']}: {entry['contains']!r}")


def _score_events(gold, extraction: Extraction, names: _Names, result: SeedScore) -> None:
    required = gold.get("events", {}).get("required", [])
    result.events_required = len(required)
    records = [*extraction.relations, *extraction.statements]
    for entry in required:
        actor = _event_actor(entry["what"], names)
        if "date_range" in entry:
            wanted = tuple(str(d) for d in entry["date_range"])
        else:
            wanted = (str(entry["date"]), str(entry["date"]))
        evidence = entry.get("evidence", "").lower()
        found = [
            r
            for r in records
            if actor is not None
            and names.name(r.subject if isinstance(r, Relation) else r.speaker) == actor
            and r.time is not None
            and (r.time.start.isoformat(), r.time.end.isoformat()) == wanted
            and (evidence in r.time.text.lower() or r.time.text.lower() in evidence)
        ]
        if not found:
            result.events_missing.append(f"{entry['what']} ({' - '.join(wanted)})")
        quantities = [q for r in found if isinstance(r, Relation) for q in r.quantities]
        for phrase in entry.get("quantities", []):
            result.quantities_required += 1
            if not any(_quantity_matches(phrase, q) for q in quantities):
                result.quantities_missing.append(f"{entry['what']}: {phrase}")


def _event_actor(what: str, names: _Names) -> str | None:
    """The gold entity named first in an event description."""
    found = []
    for gold_name, variants in names.gold_names.items():
        for variant in variants:
            match = re.search(rf"\b{re.escape(variant)}\b", what.lower())
            if match:
                found.append((match.start(), -len(variant), gold_name))
    return min(found)[2] if found else None


def _quantity_matches(phrase: str, quantity: Quantity) -> bool:
    from kg.extract.quantities import amount_of

    words = phrase.lower().split()
    amount = amount_of(w for w in words if amount_of([w]) is not None)
    text = quantity.span.text.lower()
    return amount == quantity.amount and all(w in text for w in words if amount_of([w]) is None)


def evaluate(extractor, shared: Path, limit: int | None = None) -> list[Row]:
    """Rows for the seed article against ``gold/seed-article.gold.yaml``."""
    from datetime import date as _date

    from kg.read import article_from_text

    gold = load_gold(shared / "gold" / "seed-article.gold.yaml")
    path = shared / "corpus" / "seed" / "seed-article.txt"
    published = _date.fromisoformat(str(gold["article"]["published"]))
    article = article_from_text(
        "seed-article", path.read_text(encoding="utf-8"), published=published
    )
    extraction = extractor.extract_one(article)
    score = score_seed(gold, extraction)
    entities_required = len(gold["entities"].get("required", []))
    missing = len(score.entities_missing) + len(score.entities_wrong_type)
    return [
        Row(
            "seed",
            "entities",
            "required",
            Counts(tp=entities_required - missing, fn=missing, fp=len(score.entities_forbidden)),
        ),
        Row(
            "seed",
            "relations",
            "all",
            Counts(
                tp=score.relations_correct,
                fp=score.relations_predicted - score.relations_correct,
                fn=len(score.relations_missing),
            ),
            {
                "required_recall": score.relation_recall,
                "forbidden": float(len(score.relations_forbidden)),
            },
            [(r.confidence, right) for r, right in relation_outcomes(gold, extraction)],
        ),
        Row(
            "seed",
            "statements",
            "required",
            Counts(
                tp=score.statements_required - len(score.statements_missing),
                fn=len(score.statements_missing),
                fp=len(score.statements_forbidden),
            ),
        ),
        Row("seed", "dates", "required", Counts(fn=len(score.dates_wrong))),
        Row(
            "seed",
            "events",
            "required",
            Counts(
                tp=score.events_required - len(score.events_missing),
                fn=len(score.events_missing),
            ),
            {
                "quantities_found": (
                    (score.quantities_required - len(score.quantities_missing))
                    / score.quantities_required
                    if score.quantities_required
                    else 1.0
                )
            },
        ),
    ]
