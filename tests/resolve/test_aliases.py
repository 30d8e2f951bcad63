"""Second names given in the same breath are one entity, with the real model."""

from __future__ import annotations

import pytest

from kg.models import Article


def _entities(extractor, text):
    return extractor.extract_one(Article(id="t", text=text)).entities


@pytest.mark.parametrize(
    ("text", "label", "alias"),
    [
        (
            "The International Monetary Fund (IMF) said on Monday that the IMF would lend more.",
            "International Monetary Fund",
            "IMF",
        ),
        (
            "The Republican People's Party (CHP) won, and CHP leaders celebrated.",
            "Republican People's Party",
            "CHP",
        ),
        (
            "Norvenka Holdings, formerly known as Baltic Timber, reported a loss.",
            "Norvenka Holdings",
            "Baltic Timber",
        ),
        (
            "Pacific Resources, also known as PacRes, bought the mine.",
            "Pacific Resources",
            "PacRes",
        ),
        (
            "Henry George Ivatt, known as George Ivatt, built the engines.",
            "Henry George Ivatt",
            "George Ivatt",
        ),
    ],
)
def test_an_alias_joins_the_entity_it_names(extractor, text, label, alias):
    entity = next(e for e in _entities(extractor, text) if e.label == label)
    assert alias in entity.aliases
    assert not [e for e in _entities(extractor, text) if e.label == alias]


@pytest.mark.parametrize(
    "text",
    [
        "The talks were held in Madrid (Spain) on Monday.",
        "BERGEN, Norway (AP) _ Fishermen protested on Monday.",
    ],
)
def test_a_place_in_brackets_is_no_alias(extractor, text):
    for entity in _entities(extractor, text):
        assert len({m.text for m in entity.mentions}) == 1, entity
