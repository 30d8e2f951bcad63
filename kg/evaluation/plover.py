"""Score interactions against the PLOVER gold-standard records (political events).

The data (``shared/eval/plover``, see its PROVENANCE.md, README.upstream.md and
PLOVER_GSR_CAMEO_readme.pdf): a JSON list whose first record is a DOCUMENT
header; every other record is one news sentence (``text``) coded with one
event: ``source`` and ``target`` are lists of actors ``{actorText, code,
sector}`` (``code`` an ISO 3166 alpha-3 country code, or IGO, NGO, IMG ...),
``target`` may be missing, empty or a bare string when the event has no
recipient; ``event`` is the PLOVER class; ``textInfo.markup`` marks
"SRC/TAR" when the actors are reciprocal (they act together: "X and Y agreed").

Classes. The records are coded in PLOVER 0.6 names; our extractor speaks
PLOVER 2021 (the manual 0.8 and CAMEO2PLOVER-2021), which merges some: the
comparison is made in 2021 names, DEMAND -> REQUEST, DISAPPROVE -> ACCUSE,
INVESTIGATE -> ACCUSE (an ACCUSE mode since 2021), FIGHT -> ASSAULT; the
others are the same. Our predicates map to classes per cue
(``kg/lexicon/interaction_cues.tsv``) and by how the act is told
(``kg/lexicon/plover_classes.tsv``): supports -> SUPPORT, criticizes -> ACCUSE,
demands -> REQUEST, rejects -> REJECT, consults -> CONSULT, cooperatesWith ->
COOPERATE (AGREE for "agree", SUPPORT for signing an agreement), supplies -> AID,
deployedTo -> MOBILIZE (AID for peacekeepers), threatens -> THREATEN,
sanctions -> SANCTION (COERCE for arrests, bans, curfews), protests -> PROTEST,
attacks -> ASSAULT, concedes -> CONCEDE or RETREAT; any cooperative act told
as intended is AGREE, an intended act of material conflict THREATEN, a refused
cooperative act REJECT. Relations that are no events (negated, demanded,
hypothetical: ``plover`` is None) are not predictions.

Matching. A predicted actor matches a gold actor when one of its mentions
overlaps the gold ``actorText`` in the sentence, or when both have the same
country (the gold code is an ISO 3166 country and is the entity's country),
as event data are compared by country codes.

- triples: each record gives gold triples (source, class, target), one per
  source x target; reciprocal actors give one per pair (either direction);
  a record without target gives (source, class, any), which a prediction
  with or without a target of its own matches (an act with one participant,
  ``Relation.object`` None, matches only such records). A gold triple is found
  (tp) when a predicted relation of its sentence has its class and matching
  actors, else it is missed (fn); a predicted relation that matches no gold
  triple of its sentence is a false positive (fp). Several predictions of one
  gold triple (the group and its country) count once.
- class accuracy: per record, the class of the prediction whose actors best
  agree with the gold (source and target, then source, then target, then
  none; then acts told as done before intended ones, as the event a sentence
  reports is its main act and not the purpose of it; then by confidence) must
  equal the gold class; a record without any prediction counts as wrong.
- sector agreement: over the actors of the found triples that have a sector
  on both sides, how often our sector is the gold's CAMEO sector (its first
  three letters: GOV, MIL, REB ...; ``SECTORS`` maps ours to them).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from kg.evaluation.metrics import Counts, Row
from kg.lexicon import gazetteer
from kg.models import Article, Extraction, Relation

DONE = {"asserted", "reported"}
RENAMED = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}
SECTORS = {  # our sectors -> CAMEO sector codes
    "government": "GOV",
    "diplomacy": "GOV",
    "military": "MIL",
    "police": "COP",
    "rebels": "REB",
    "opposition": "OPP",
    "legislature": "LEG",
    "judiciary": "JUD",
    "media": "JRN",
    "business": "BUS",
    "civilians": "CVL",
    "religion": "REL",
}


@dataclass(frozen=True)
class GoldActor:
    text: str
    code: str | None
    sector: str | None
    span: tuple[int, int] | None  # where ``text`` is in the sentence, when found


@dataclass(frozen=True)
class GoldEvent:
    id: str
    text: str
    plover: str  # in PLOVER 2021 names
    published: date
    sources: tuple[GoldActor, ...]
    targets: tuple[GoldActor, ...]
    reciprocal: bool

    @classmethod
    def from_json(cls, record: dict[str, Any]) -> GoldEvent:
        text = record["text"]
        markup = record.get("textInfo") or {}
        markup = markup.get("markup", "") if isinstance(markup, dict) else ""
        return cls(
            id=record["id"],
            text=text,
            plover=RENAMED.get(record["event"], record["event"]),
            published=date.fromisoformat(record.get("date") or "2000-01-01"),
            sources=_actors(record.get("source"), text),
            targets=_actors(record.get("target"), text),
            reciprocal="SRC/TAR" in markup,
        )

    def triples(self) -> list[tuple[GoldActor | None, GoldActor | None]]:
        """(source, target) pairs; None is "any" (no recipient, or no source given)."""
        if self.reciprocal and len(self.sources) > 1:
            return [(a, b) for i, a in enumerate(self.sources) for b in self.sources[i + 1 :]]
        sources: list[GoldActor | None] = list(self.sources) or [None]
        targets: list[GoldActor | None] = list(self.targets) or [None]
        return [(s, t) for s in sources for t in targets]


def _actors(value: Any, text: str) -> tuple[GoldActor, ...]:
    if not isinstance(value, list):
        return ()
    return tuple(
        GoldActor(a.get("actorText", ""), a.get("code"), a.get("sector"), _find(a, text))
        for a in value
        if isinstance(a, dict)
    )


def _find(actor: dict[str, Any], text: str) -> tuple[int, int] | None:
    """Where the actor text is in the sentence ("U.S. ... negotiators" in two parts)."""
    parts = [p.strip() for p in actor.get("actorText", "").split("...") if p.strip()]
    lower = text.lower()
    positions = [lower.find(p.lower()) for p in parts]
    if not parts or min(positions) < 0:
        return None
    return positions[0], positions[-1] + len(parts[-1])


def load(shared: Path, split: str = "dev") -> list[GoldEvent]:
    """The event records of a split (the DOCUMENT header is skipped)."""
    path = shared / "eval" / "plover" / f"plover_gsr_{split}.json"
    records = json.loads(path.read_text(encoding="utf-8"))
    return [GoldEvent.from_json(r) for r in records if r.get("text") and r.get("event")]


class _Matcher:
    """Actor matching inside one record's extraction."""

    def __init__(self, extraction: Extraction) -> None:
        self.entities = {e.id: e for e in extraction.entities}

    def matches(self, entity_id: str | None, gold: GoldActor | None) -> bool:
        """Whether our actor is the gold actor; no gold actor ("any") takes any actor and
        none, and our act with no target (``entity_id`` None) matches no gold actor."""
        if gold is None:
            return True
        if entity_id is None:
            return False
        entity = self.entities[entity_id]
        if gold.code and entity.country == gold.code and gazetteer.country_by_code(gold.code):
            return True
        if gold.span is None:
            return False
        start, end = gold.span
        return any(m.start < end and start < m.end for m in entity.mentions)

    def pair(
        self,
        relation: Relation,
        source: GoldActor | None,
        target: GoldActor | None,
        reciprocal: bool,
    ) -> bool:
        forward = self.matches(relation.subject, source) and self.matches(relation.object, target)
        if forward or not reciprocal:
            return forward
        return self.matches(relation.subject, target) and self.matches(relation.object, source)

    def agreement(self, relation: Relation, event: GoldEvent) -> int:
        """2 for a matching source, 1 for a matching target (either way when reciprocal)."""
        sources = event.sources or (None,)
        targets = (event.targets or event.sources) if event.reciprocal else event.targets
        score = 2 * any(self.matches(relation.subject, s) for s in sources)
        if targets:
            score += any(self.matches(relation.object, t) for t in targets)
        return score


def outcomes(event: GoldEvent, extraction: Extraction) -> list[tuple[Relation, bool]]:
    """Every prediction of one record, and whether it matches one of its gold triples."""
    matcher = _Matcher(extraction)
    return [
        (
            relation,
            relation.plover == event.plover
            and any(matcher.pair(relation, s, t, event.reciprocal) for s, t in event.triples()),
        )
        for relation in extraction.relations
        if relation.plover is not None
    ]


@dataclass
class EventScore:
    """One record: triple counts, the class predicted, sectors compared (agreed, compared)."""

    counts: Counts
    predicted: str | None
    sectors: tuple[int, int]


def score_event(event: GoldEvent, extraction: Extraction) -> EventScore:
    """Triple counts of one record, the class predicted for it, and sector agreement."""
    predicted = [r for r in extraction.relations if r.plover is not None]
    matcher = _Matcher(extraction)
    counts = Counts()
    agreed = compared = 0
    for source, target in event.triples():
        found = [
            r
            for r in predicted
            if r.plover == event.plover and matcher.pair(r, source, target, event.reciprocal)
        ]
        counts += Counts(tp=1) if found else Counts(fn=1)
        for relation in found[:1]:
            for entity_id, gold in ((relation.subject, source), (relation.object, target)):
                if entity_id is None:
                    continue
                ours = SECTORS.get(matcher.entities[entity_id].sector or "")
                theirs = (gold.sector or "")[:3] if gold is not None else ""
                if ours and theirs.isalpha():
                    compared += 1
                    agreed += ours == theirs
    counts += Counts(fp=sum(not right for _, right in outcomes(event, extraction)))
    best = max(
        predicted,
        key=lambda r: (matcher.agreement(r, event), r.modality in DONE, r.confidence),
        default=None,
    )
    return EventScore(counts, best.plover if best is not None else None, (agreed, compared))


def evaluate(extractor, shared: Path, limit: int | None = None) -> list[Row]:
    """Rows per gold class and overall: triple P/R/F1 and class accuracy."""
    events = load(shared)[:limit]
    articles = [Article(id=e.id, text=e.text, published=e.published) for e in events]
    per_class: dict[str, tuple[Counts, int, int]] = {}
    agreed = compared = 0
    judged: list[tuple[float, bool]] = []
    for event, extraction in zip(events, extractor.extract(articles), strict=True):
        score = score_event(event, extraction)
        judged += [(r.confidence, right) for r, right in outcomes(event, extraction)]
        total, right, seen = per_class.get(event.plover, (Counts(), 0, 0))
        per_class[event.plover] = (
            total + score.counts,
            right + (score.predicted == event.plover),
            seen + 1,
        )
        agreed, compared = agreed + score.sectors[0], compared + score.sectors[1]
    rows = [
        Row("plover", "events", name, counts, {"class_accuracy": right / seen})
        for name, (counts, right, seen) in sorted(per_class.items())
    ]
    overall = sum((c for c, _, _ in per_class.values()), Counts())
    right = sum(r for _, r, _ in per_class.values())
    seen = sum(s for _, _, s in per_class.values())
    measures = {"class_accuracy": right / seen if seen else 0.0}
    if compared:
        measures["sector_agreement"] = agreed / compared
    rows.append(Row("plover", "events", "all", overall, measures, judged))
    return rows
