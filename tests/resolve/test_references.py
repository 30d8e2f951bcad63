"""Pronouns and descriptions resolved inside an article, with the real model."""

from __future__ import annotations

import pytest

from kg.extract.mentions import find_mentions
from kg.extract.statements import statements
from kg.extract.stative import stative_relations
from kg.resolve.in_article import build_table
from kg.resolve.references import resolve_quoted_speakers, resolve_references

CASES = [
    # (text, the word to resolve, its occurrence, the expected entity label)
    (
        "Ivan Belov met Maria Ostrova in Oslo on Monday. She said the talks went well.",
        "She",
        0,
        "Maria Ostrova",
    ),
    (
        "Maria Ostrova met Ivan Belov in Oslo on Monday. He said the talks went well.",
        "He",
        0,
        "Ivan Belov",
    ),
    (
        "Mrs. Kell and Mr. Dunn spoke on Monday. Later she said no deal was near.",
        "she",
        0,
        "Kell",
    ),
    (
        "Norway has sent aid. Officials said the country would send more in May.",
        "country",
        0,
        "Norway",
    ),
    (
        "Troops stayed in Mali despite a request by US President Ray Dunn "
        "that they leave the country.",
        "country",
        0,
        "Mali",
    ),
    ("Oslo said on Friday that its diplomats would return.", "its", 0, "Norway"),
    (
        '"We will keep our promise," Finnish Prime Minister Anna Koski said on Monday.',
        "We",
        0,
        "Finland",
    ),
    (
        '"We will keep our promise," Finnish Prime Minister Anna Koski said on Monday.',
        "our",
        0,
        "Finland",
    ),
    ('"I am sure of it," Anna Koski told reporters in Helsinki.', "I", 0, "Anna Koski"),
    (
        '"We have done our part," the Danish Foreign Ministry said.',
        "We",
        0,
        "Danish Foreign Ministry",
    ),
]


def resolved(extractor, text: str):
    """The entity table after the identity steps, in extract_article's order."""
    doc = next(iter(extractor.nlp.pipe([text])))
    table = build_table(doc, find_mentions(doc))
    resolve_references(doc, table, pronouns=False)
    stative = list(stative_relations(doc, table))
    resolve_references(doc, table, pronouns=True)
    resolve_quoted_speakers(doc, table, list(statements(doc, table, None)), stative)
    return doc, table


@pytest.mark.parametrize(("text", "word", "occurrence", "expected"), CASES)
def test_reference_resolves_to_its_antecedent(extractor, text, word, occurrence, expected):
    doc, table = resolved(extractor, text)
    token = [t for t in doc if t.text == word][occurrence]
    entity_id = table.entity_at(token)
    assert entity_id is not None and table[entity_id].label == expected


def test_first_person_outside_a_quotation_is_left_alone(extractor):
    doc, table = resolved(extractor, "We met Anna Koski in Helsinki, where she said no.")
    assert table.entity_at(doc[0]) is None
