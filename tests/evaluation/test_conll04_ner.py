"""Our named entities against the bare model on the CoNLL04 dev entities."""

from __future__ import annotations

import pytest

from kg.evaluation.conll04 import Sentence
from kg.evaluation.conll04_ner import evaluate, score
from kg.evaluation.metrics import Counts
from tests.conftest import SHARED, shared_path


@pytest.fixture(scope="module")
def rows(extractor):
    shared_path("eval", "conll04", "conll04_dev.json")
    found = {(row.stage, row.type): row.counts for row in evaluate(extractor, SHARED)}
    return found


@pytest.mark.parametrize("kind", ["Peop", "Org", "Loc"])
def test_at_least_as_good_as_the_bare_model(rows, kind):
    ours, bare = rows[("ours", kind)], rows[("bare", kind)]
    assert ours.precision >= bare.precision, (ours, bare)
    assert ours.recall >= bare.recall, (ours, bare)


@pytest.mark.parametrize("kind", ["Peop", "Org"])
def test_better_on_persons_and_organisations(rows, kind):
    ours, bare = rows[("ours", kind)], rows[("bare", kind)]
    assert ours.f1 > bare.f1, (ours, bare)


def test_matching_is_exact_span_and_type():
    sentence = Sentence.from_json(
        {
            "tokens": ["Ana", "Ruiz", "visited", "Lima", "on", "Friday", "."],
            "entities": [
                {"type": "Peop", "start": 0, "end": 2},
                {"type": "Loc", "start": 3, "end": 4},
                {"type": "Other", "start": 5, "end": 6},
            ],
            "relations": [],
        }
    )
    predicted = {(0, 3, "Peop"), (17, 21, "Org"), (25, 31, "Loc")}
    counts = score([sentence], [predicted])
    assert counts["Peop"] == Counts(tp=0, fp=1, fn=1)  # "Ana" is not "Ana Ruiz"
    assert counts["Loc"] == Counts(tp=0, fp=1, fn=1)  # "Lima" as Org; "Friday" is Other
    assert counts["Org"] == Counts(tp=0, fp=1, fn=0)
