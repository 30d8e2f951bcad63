"""Read CoNLL04 (Roth & Yih 2004) in the SpERT JSON split of ``shared/eval/conll04``.

Each item is one news sentence given as tokens, with typed entity spans
(Peop, Org, Loc, Other; token offsets, end exclusive) and relations between
them (Work_For, OrgBased_In, Located_In, Live_In, Kill; ``head`` and ``tail``
index the entity list). ``load`` joins the tokens with single spaces and
turns every span into character offsets of that text.

>>> sentence = Sentence.from_json({"tokens": ["Lavrov", "met", "Pompeo", "."],
...     "entities": [{"type": "Peop", "start": 0, "end": 1},
...                  {"type": "Peop", "start": 2, "end": 3}], "relations": []})
>>> sentence.text, sentence.entities[1]
('Lavrov met Pompeo .', GoldEntity(start=11, end=17, type='Peop', text='Pompeo'))
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class GoldEntity:
    start: int
    end: int
    type: str
    text: str


@dataclass(frozen=True)
class GoldRelation:
    type: str
    head: GoldEntity
    tail: GoldEntity


@dataclass(frozen=True)
class Sentence:
    id: str
    text: str
    entities: tuple[GoldEntity, ...]
    relations: tuple[GoldRelation, ...]

    @classmethod
    def from_json(cls, item: dict[str, Any], number: int = 0) -> Sentence:
        tokens = item["tokens"]
        starts, position = [], 0
        for token in tokens:
            starts.append(position)
            position += len(token) + 1
        text = " ".join(tokens)
        entities = []
        for entity in item["entities"]:
            start = starts[entity["start"]]
            end = starts[entity["end"] - 1] + len(tokens[entity["end"] - 1])
            entities.append(GoldEntity(start, end, entity["type"], text[start:end]))
        relations = tuple(
            GoldRelation(r["type"], entities[r["head"]], entities[r["tail"]])
            for r in item["relations"]
        )
        return cls(str(item.get("orig_id", number)), text, tuple(entities), relations)


def load(shared: Path, split: str = "dev") -> list[Sentence]:
    """The sentences of one split (``dev`` or ``train``)."""
    path = shared / "eval" / "conll04" / f"conll04_{split}.json"
    items = json.loads(path.read_text(encoding="utf-8"))
    return [Sentence.from_json(item, n) for n, item in enumerate(items)]
