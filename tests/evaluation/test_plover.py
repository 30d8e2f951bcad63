"""The PLOVER scorer: record format, matching rules, and the dev records."""

from __future__ import annotations

import pytest

from kg.evaluation.plover import GoldEvent, evaluate, score_event
from kg.models import Article
from tests.conftest import SHARED, shared_path


def _record(text, event, source, target, markup=""):
    return {
        "id": "x",
        "date": "2000-01-01",
        "text": text,
        "event": event,
        "source": source,
        "target": target,
        "textInfo": {"markup": markup},
    }


def _scored(extractor, record):
    event = GoldEvent.from_json(record)
    extraction = extractor.extract_one(Article(id="x", text=event.text, published=event.published))
    score = score_event(event, extraction)
    return event, (score.counts, score.predicted)


def test_reading_a_record():
    event = GoldEvent.from_json(
        _record(
            "Chilean and Peruvian negotiators agreed on Monday.",
            "DEMAND",
            [{"actorText": "Chilean", "code": "CHL"}, {"actorText": "Peruvian", "code": "PER"}],
            "",
            "(SRC/TAR: Chilean) and (SRC/TAR: Peruvian) negotiators (EVT: agreed)",
        )
    )
    assert event.plover == "REQUEST"  # PLOVER 0.6 names compared in 2021 names
    assert event.reciprocal and event.targets == ()
    assert event.sources[1].span == (12, 20)
    assert len(event.triples()) == 1  # one pair of reciprocal actors


def test_a_matching_relation_is_found_by_code_or_text(extractor):
    record = _record(
        "France condemned Russian officials on Friday.",
        "DISAPPROVE",
        [{"actorText": "France", "code": "FRA"}],
        [{"actorText": "Russian officials", "code": "RUS", "sector": "GOV"}],
    )
    event = GoldEvent.from_json(record)
    extraction = extractor.extract_one(Article(id="x", text=event.text, published=event.published))
    assert score_event(event, extraction).sectors == (1, 1)  # officials: government, GOV
    event, (counts, predicted) = _scored(
        extractor,
        _record(
            "France condemned Russian officials on Friday.",
            "DISAPPROVE",
            [{"actorText": "France", "code": "FRA"}],
            [{"actorText": "Russian officials", "code": "RUS", "sector": "GOV"}],
        ),
    )
    assert predicted == "ACCUSE"
    assert (counts.tp, counts.fn) == (1, 0)


def test_a_wrong_class_is_a_miss_and_a_false_positive(extractor):
    _, (counts, predicted) = _scored(
        extractor,
        _record(
            "France condemned Russia on Friday.",
            "SUPPORT",
            [{"actorText": "France", "code": "FRA"}],
            [{"actorText": "Russia", "code": "RUS"}],
        ),
    )
    assert predicted == "ACCUSE"
    assert (counts.tp, counts.fp, counts.fn) == (0, 1, 1)


def test_an_act_without_target_matches_only_a_record_without_target(extractor):
    source = [{"actorText": "Malian rebels", "code": "MLI", "sector": "REB"}]
    text = "Malian rebels surrendered on Friday."
    _, (counts, predicted) = _scored(extractor, _record(text, "RETREAT", source, None))
    assert predicted == "RETREAT" and (counts.tp, counts.fp, counts.fn) == (1, 0, 0)
    text = "Malian rebels surrendered to the army on Friday."
    target = [{"actorText": "the army", "code": "MLI", "sector": "MIL"}]  # not read as an actor
    _, (counts, predicted) = _scored(extractor, _record(text, "RETREAT", source, target))
    assert predicted == "RETREAT"  # the source agrees: the class is judged
    assert (counts.tp, counts.fn) == (0, 1) and counts.fp >= 1


def test_a_record_without_prediction_has_no_class(extractor):
    _, (counts, predicted) = _scored(
        extractor,
        _record("The weather was fine.", "CONSULT", [{"actorText": "weather"}], None),
    )
    assert predicted is None and counts.fn == 1


@pytest.fixture(scope="module")
def dev_rows(extractor):
    shared_path("eval", "plover", "plover_gsr_dev.json")
    return {row.type: row for row in evaluate(extractor, SHARED, None)}


def test_dev_triple_f1(dev_rows):
    assert dev_rows["all"].counts.f1 >= 0.55


def test_dev_class_accuracy_so_far(dev_rows):
    # the target is 0.75 (see README for the figure reached)
    assert dev_rows["all"].measures["class_accuracy"] >= 0.7


def test_dev_records_are_all_read(dev_rows):
    total = dev_rows["all"].counts
    assert total.tp + total.fn >= 160  # one gold triple at least per record


def test_dev_confidence_means_something(dev_rows):
    """Predictions above the median confidence are right more often than those below."""
    outcomes = sorted(dev_rows["all"].outcomes)
    half = len(outcomes) // 2
    low, high = outcomes[:half], outcomes[half:]
    assert sum(ok for _, ok in high) / len(high) > sum(ok for _, ok in low) / len(low)
