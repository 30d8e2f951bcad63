"""KnowledgeNet: reading passages into articles, grouping coreferent gold
facts, the label mapping, and a real subset."""

from __future__ import annotations

from kg.evaluation import evaluator
from kg.evaluation.knowledgenet import (
    Document,
    Passage,
    Predicted,
    count,
    evaluate,
    gold_facts,
    properties_of,
)
from kg.models import Entity, Relation, Span
from tests.conftest import SHARED, shared_path

# Our own passages, at document offsets 100 and 160.
FIRST = "Kelpie Systems, which Arden Holdings owns, makes pumps."
SECOND = "It is based in Tulsa and he runs it."


def _fact(prop, subject, obj, subject_uri=None, object_uri=None, base=100, text=FIRST):
    s, o = text.index(subject), text.index(obj)
    return {
        "property": prop,
        "subjectStart": base + s,
        "subjectEnd": base + s + len(subject),
        "subjectText": subject,
        "subjectUri": subject_uri,
        "objectStart": base + o,
        "objectEnd": base + o + len(obj),
        "objectText": obj,
        "objectUri": object_uri,
    }


def _document():
    first = Passage(
        "d",
        100,
        FIRST,
        frozenset({"SUBSIDIARY_OF"}),
        [
            _fact("SUBSIDIARY_OF", "Kelpie Systems", "Arden Holdings", "Q1"),
            _fact("SUBSIDIARY_OF", "which", "Arden Holdings", "Q1"),
        ],
    )
    second = Passage(
        "d",
        160,
        SECOND,
        frozenset({"HEADQUARTERS"}),
        [_fact("HEADQUARTERS", "It", "Tulsa", "Q1", base=160, text=SECOND)],
    )
    document = Document("d", [first, second])
    document.article()
    return document


def test_passages_become_one_article_with_their_offsets():
    document = _document()
    article = document.article()
    for passage in document.passages:
        assert article.text[passage.offset : passage.end] == passage.text


def test_coreferent_gold_facts_are_one_fact():
    document = _document()
    [fact] = gold_facts(document.passages[0], document)
    assert fact.subject.spans == ((0, 14),)  # "Kelpie Systems"; "which" joins it


def test_a_pronoun_named_elsewhere_matches_through_its_uri():
    document = _document()
    second = document.passages[1]
    [fact] = gold_facts(second, document)
    assert fact.subject.spans == ((0, 14),)
    kelpie = Entity(
        "k", "Kelpie Systems", "Organization", mentions=(Span(0, 14, "Kelpie Systems"),)
    )
    tulsa_at = second.offset + SECOND.index("Tulsa")
    tulsa = Entity("t", "Tulsa", "City", mentions=(Span(tulsa_at, tulsa_at + 5, "Tulsa"),))
    found = count([Predicted("HEADQUARTERS", kelpie, tulsa)], [fact], second)
    assert (found.tp, found.fp, found.fn) == (1, 0, 0)


def test_our_predicates_map_to_knowledgenet_properties():
    person = Entity("p", "Ann Reyes", "Person")
    bank = Entity("b", "Norden Bank", "Organization")
    party = Entity("l", "Labour Party", "Organization", sector="party")
    evidence = Span(0, 1, "x")
    ceo = Relation("p", "holdsPosition", "b", evidence, 0.9, "t", role="chief executive")
    assert {p for p, _, _ in properties_of(ceo, person, bank)} == {
        "CEO",
        "EMPLOYEE_OR_MEMBER_OF",
    }
    assert [(p, s.id, o.id) for p, s, o in properties_of(ceo, person, bank) if p == "CEO"] == [
        ("CEO", "b", "p")
    ]
    member = Relation("p", "memberOf", "l", evidence, 0.9, "t")
    assert {p for p, _, _ in properties_of(member, person, party)} == {
        "EMPLOYEE_OR_MEMBER_OF",
        "POLITICAL_AFFILIATION",
    }


def test_knowledgenet_is_registered():
    assert evaluator("knowledgenet") is evaluate


def test_subset_floor(extractor):
    shared_path("eval", "knowledgenet", "folds1-3.jsonl")
    rows = {row.type: row for row in evaluate(extractor, SHARED, limit=150)}
    micro = rows["micro"].counts
    assert micro.precision >= 0.78 and micro.f1 >= 0.5
