"""CoNLL04 relations: the label mapping, what can be compared, and a real subset."""

from __future__ import annotations

from kg.evaluation import DATASETS, evaluator
from kg.evaluation.conll04 import Sentence
from kg.evaluation.conll04_relations import conll04_label, evaluate, predicted_pairs
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
