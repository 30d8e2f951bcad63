"""The machine-readable extraction interface (``kg extract``), as JSON.

One object per article, with entities, relations and statements; the schema
is fixed (other tools and the evaluation depend on it) and documented in the
README. A relation is always between two entities here: an act with one
participant ("the rebels surrendered", ``Relation.object`` None) is in the RDF
graph (an Interaction with no ``kg:target``) but not in this interface.
``SCHEMA`` is its JSON Schema; ``to_record`` builds one object.
"""

from __future__ import annotations

from typing import Any

from kg.lexicon import predicates
from kg.models import ENTITY_TYPES, Extraction, Span

PREDICATES = tuple(predicates())
_SPAN = {
    "type": "object",
    "required": ["start", "end", "text"],
    "properties": {
        "start": {"type": "integer"},
        "end": {"type": "integer"},
        "text": {"type": "string"},
    },
}
_DATE = {"type": ["string", "null"], "pattern": r"^\d{4}-\d{2}-\d{2}$"}
SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "type": "object",
    "required": ["id", "entities", "relations", "statements"],
    "properties": {
        "id": {"type": "string"},
        "entities": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["id", "label", "type", "aliases", "country", "mentions"],
                "properties": {
                    "id": {"type": "string"},
                    "label": {"type": "string"},
                    "type": {"enum": list(ENTITY_TYPES)},
                    "aliases": {"type": "array", "items": {"type": "string"}},
                    "country": {"type": ["string", "null"], "pattern": "^[A-Z]{3}$"},
                    "mentions": {"type": "array", "items": _SPAN},
                },
            },
        },
        "relations": {
            "type": "array",
            "items": {
                "type": "object",
                "required": [
                    "subject",
                    "predicate",
                    "object",
                    "role",
                    "negated",
                    "date",
                    "confidence",
                    "plover",
                    "cameo",
                    "evidence",
                ],
                "properties": {
                    "subject": {"type": "string"},
                    "predicate": {"enum": list(PREDICATES)},
                    "object": {"type": "string"},
                    "role": {"type": ["string", "null"]},
                    "negated": {"type": "boolean"},
                    "date": _DATE,
                    "confidence": {"type": "number", "minimum": 0, "maximum": 1},
                    "plover": {"type": ["string", "null"]},
                    "cameo": {"type": ["string", "null"]},
                    "evidence": _SPAN,
                },
            },
        },
        "statements": {
            "type": "array",
            "items": {
                "type": "object",
                "required": [
                    "speaker",
                    "speaker_text",
                    "speaker_start",
                    "speaker_end",
                    "cue",
                    "cue_start",
                    "cue_end",
                    "kind",
                    "content",
                    "content_start",
                    "content_end",
                    "date",
                ],
                "properties": {
                    "speaker": {"type": ["string", "null"]},
                    "speaker_text": {"type": ["string", "null"]},
                    "speaker_start": {"type": ["integer", "null"]},
                    "speaker_end": {"type": ["integer", "null"]},
                    "cue": {"type": "string"},
                    "cue_start": {"type": "integer"},
                    "cue_end": {"type": "integer"},
                    "kind": {"enum": ["direct", "reported", "mixed"]},
                    "content": {"type": "string"},
                    "content_start": {"type": "integer"},
                    "content_end": {"type": "integer"},
                    "date": _DATE,
                },
            },
        },
    },
}


def to_record(extraction: Extraction) -> dict[str, Any]:
    """The interface object for one article."""
    return {
        "id": extraction.article.id,
        "entities": [
            {
                "id": e.id,
                "label": e.label,
                "type": e.type,
                "aliases": list(e.aliases),
                "country": e.country,
                "mentions": [_span(m) for m in e.mentions],
            }
            for e in extraction.entities
        ],
        "relations": [
            {
                "subject": r.subject,
                "predicate": r.predicate,
                "object": r.object,
                "role": r.role,
                "negated": r.negated,
                "date": r.time.day.isoformat() if r.time and r.time.day else None,
                "confidence": r.confidence,
                "plover": r.plover,
                "cameo": r.cameo,
                "evidence": _span(r.evidence),
            }
            for r in extraction.relations
            if r.object is not None
        ],
        "statements": [
            {
                "speaker": s.speaker,
                "speaker_text": s.speaker_span.text if s.speaker_span else None,
                "speaker_start": s.speaker_span.start if s.speaker_span else None,
                "speaker_end": s.speaker_span.end if s.speaker_span else None,
                "cue": s.cue.text,
                "cue_start": s.cue.start,
                "cue_end": s.cue.end,
                "kind": s.kind,
                "content": s.content.text,
                "content_start": s.content.start,
                "content_end": s.content.end,
                "date": s.time.day.isoformat() if s.time and s.time.day else None,
            }
            for s in extraction.statements
        ],
    }


def _span(span: Span) -> dict[str, Any]:
    return {"start": span.start, "end": span.end, "text": span.text}
