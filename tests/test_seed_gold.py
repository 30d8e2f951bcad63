"""The seed article against its gold annotation, with the real model."""

from __future__ import annotations

import pytest

from kg.evaluation.seed import load_gold, score_seed
from tests.conftest import shared_path

HEADLINE_FACTS = [
    "China supports Nicolas Maduro",
    "Cuba supports Nicolas Maduro",
    "Russia supports Nicolas Maduro",
    "United States supports Juan Guaido",
    "Sergey Lavrov holdsPosition Russia",
]


@pytest.fixture(scope="module")
def score(seed_extraction):
    gold = load_gold(shared_path("gold", "seed-article.gold.yaml"))
    return score_seed(gold, seed_extraction)


def test_every_required_entity_with_its_type(score):
    assert score.entities_missing == []
    assert score.entities_wrong_type == []


def test_no_forbidden_entity(score):
    assert score.entities_forbidden == []


@pytest.mark.parametrize("fact", HEADLINE_FACTS)
def test_headline_facts(score, fact):
    assert fact not in score.relations_missing


def test_no_forbidden_relation_or_statement(score):
    assert score.relations_forbidden == []
    assert score.statements_forbidden == []


def test_relation_precision(score):
    assert score.relation_precision >= 0.9, score.relations_unmatched


def test_every_required_relation(score):
    assert score.relation_recall == 1.0, score.relations_missing


def test_every_required_statement(score):
    assert score.statements_missing == []


def test_dates_of_required_facts(score):
    assert score.dates_wrong == []


def test_every_required_event_with_its_date_and_quantities(score):
    assert score.events_required == 4
    assert score.events_missing == []
    assert score.quantities_missing == []
