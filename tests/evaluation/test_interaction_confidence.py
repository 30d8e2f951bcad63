"""Measured interaction confidences: rule names, factors and cue precisions."""

from __future__ import annotations

from kg.evaluation.interaction_confidence import measure, parts
from kg.models import Relation, Span

EVIDENCE = Span(0, 5, "Hello")


def _relation(rule: str, confidence: float = 0.8) -> Relation:
    return Relation("a", "supports", "b", EVIDENCE, confidence, rule, cue=EVIDENCE)


def test_rule_names_are_read_back():
    relation = _relation("interactions.noun.phone_call+owned+country-level/2")
    assert parts(relation) == ("noun", "phone call", "NOUN", ["owned", "country-level"])
    assert parts(_relation("interactions.speech-obligation.demand/2"))[1:3] == ("demand", "VERB")


def test_a_cue_that_is_more_often_right_gets_a_higher_precision():
    outcomes = [(_relation("interactions.verb.endorse/2"), True)] * 9
    outcomes += [(_relation("interactions.verb.endorse/2"), False)]
    outcomes += [(_relation("interactions.verb.back/2"), True)] * 5
    outcomes += [(_relation("interactions.verb.back/2"), False)] * 5
    factors, precisions, _, _ = measure(outcomes)
    assert precisions[("endorse", "VERB")] > precisions[("back", "VERB")]
    assert 0 < precisions[("back", "VERB")] < precisions["SUPPORT"] < 1
    assert factors["rule:verb"] == 1.0


def test_a_mark_that_lowers_precision_gets_a_factor_below_one():
    outcomes = [(_relation("interactions.verb.endorse/2"), True)] * 10
    outcomes += [(_relation("interactions.verb.endorse+owned/2"), ok) for ok in [True, False] * 5]
    factors, _, _, _ = measure(outcomes)
    assert factors["flag:owned"] < 1.0
    assert factors["flag:located"] == 1.0  # never seen: no evidence against it
