"""CoNLL04 relations: the label mapping, what can be compared, and a real subset."""

from __future__ import annotations

from kg.evaluation import DATASETS, evaluator
from kg.evaluation.conll04 import Sentence
from kg.evaluation.conll04_relations import conll04_label, evaluate, gold_pairs, predicted_pairs
from kg.evaluation.metrics import Counts
from kg.evaluation.relation_matching import count_matches
from kg.models import Article, Entity, Extraction, Relation, Span
from tests.conftest import SHARED, shared_path

TEXT = "Ann Reyes of Norden Bank flew from Lyon , France ."


def _entity(id_, type_, start, end):
    return Entity(id_, TEXT[start:end], type_, mentions=(Span(start, end, TEXT[start:end]),))


ANN = _entity("ann", "Person", 0, 9)
BANK = _entity("bank", "Organization", 13, 24)
LYON = _entity("lyon", "City", 35, 39)
FRANCE = _entity("france", "Country", 42, 48)


def _relation(subject, predicate, obj, **kwargs):
    return Relation(subject.id, predicate, obj.id, Span(0, len(TEXT), TEXT), 0.9, "test", **kwargs)


def test_our_predicates_map_to_conll04_labels():
    assert conll04_label(_relation(ANN, "memberOf", BANK), ANN, BANK) == "Work_For"
    assert conll04_label(_relation(BANK, "locatedIn", LYON), BANK, LYON) == "OrgBased_In"
    assert conll04_label(_relation(LYON, "locatedIn", FRANCE), LYON, FRANCE) == "Located_In"
    # a position in a country is Live_In in CoNLL04, which is not scored
    assert conll04_label(_relation(ANN, "holdsPosition", FRANCE), ANN, FRANCE) is None
    assert conll04_label(_relation(ANN, "memberOf", BANK, negated=True), ANN, BANK) is None


def test_relations_inside_one_gold_entity_are_not_compared():
    sentence = Sentence.from_json(
        {
            "tokens": TEXT.split(),
            "entities": [{"type": "Loc", "start": 7, "end": 10}],  # "Lyon , France" as one
            "relations": [],
        }
    )
    extraction = Extraction(
        Article("t", TEXT),
        entities=(ANN, BANK, LYON, FRANCE),
        relations=(_relation(LYON, "locatedIn", FRANCE), _relation(ANN, "memberOf", BANK)),
    )
    assert [p.label for p in predicted_pairs(extraction, sentence)] == ["Work_For"]


def test_a_relation_counts_for_every_pair_of_its_mentions():
    text = "Norden Bank of Lyon hired Ann Reyes ; Norden Bank staff cheered in Paris ."
    starts = [text.index("Norden"), text.index("Norden", 5), text.index("Lyon")]
    bank = Entity(
        "bank",
        "Norden Bank",
        "Organization",
        mentions=tuple(Span(s, s + 11, "Norden Bank") for s in starts[:2]),
    )
    lyon = Entity("lyon", "Lyon", "City", mentions=(Span(starts[2], starts[2] + 4, "Lyon"),))
    paris = _entity_in(text, "paris", "City", "Paris")
    located = Relation("bank", "locatedIn", "lyon", Span(0, len(text), text), 0.9, "test")
    wrong = Relation("bank", "locatedIn", "paris", Span(0, len(text), text), 0.9, "test")
    extraction = Extraction(
        Article("t", text), entities=(bank, lyon, paris), relations=(located, wrong)
    )
    tokens = text.split()
    sentence = Sentence.from_json(
        {
            "tokens": tokens,
            "entities": [
                {"type": "Org", "start": 0, "end": 2},
                {"type": "Loc", "start": 3, "end": 4},
                {"type": "Org", "start": 8, "end": 10},
                {"type": "Loc", "start": 13, "end": 14},
            ],
            "relations": [
                {"type": "OrgBased_In", "head": 0, "tail": 1},
                {"type": "OrgBased_In", "head": 2, "tail": 1},
            ],
        }
    )
    counts = count_matches(predicted_pairs(extraction, sentence), gold_pairs(sentence), "overlap")
    # both gold pairs are found; Paris is wrong for each mention of the bank
    assert counts["OrgBased_In"] == Counts(tp=2, fp=2, fn=0)


def _entity_in(text, id_, type_, name):
    start = text.index(name)
    return Entity(id_, name, type_, mentions=(Span(start, start + len(name), name),))


def test_conll04_is_registered():
    assert evaluator("conll04") is evaluate
    assert "conll04" in DATASETS


def test_dev_subset_floor(extractor):
    shared_path("eval", "conll04", "conll04_dev.json")
    rows = {row.type: row for row in evaluate(extractor, SHARED, limit=100)}
    assert set(rows) == {"Work_For", "OrgBased_In", "Located_In", "micro"}
    micro = rows["micro"].counts
    assert micro.precision >= 0.75 and micro.f1 >= 0.4
    assert rows["Work_For"].counts.f1 >= 0.5
