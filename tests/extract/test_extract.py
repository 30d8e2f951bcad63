"""Extraction with the real model on short news sentences: (text, expected records).

Each row is a linguistic pattern that holds across news text, not a sentence
of the seed article.
"""

from __future__ import annotations

from datetime import date

import pytest

from kg.read import article_from_text

PUBLISHED = date(2021, 6, 13)  # a Sunday


def _extract(extractor, text):
    extraction = extractor.extract_one(article_from_text("t", text, published=PUBLISHED))
    labels = {e.id: e.label for e in extraction.entities}
    return extraction, labels


def _triples(extractor, text, *, asserted_only=False):
    extraction, labels = _extract(extractor, text)
    return {
        (labels[r.subject], r.predicate, labels.get(r.object))  # None: an act with no target
        for r in extraction.relations
        if not asserted_only or (not r.negated and r.modality in {"asserted", "reported"})
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "China, Cuba and Iran have endorsed Maduro as president.",
            {
                ("China", "supports", "Maduro"),
                ("Cuba", "supports", "Maduro"),
                ("Iran", "supports", "Maduro"),
            },
        ),
        ("Maduro was endorsed by Turkey on Friday.", {("Turkey", "supports", "Maduro")}),
        ("Germany condemned Maduro's re-election.", {("Germany", "criticizes", "Maduro")}),
        (
            "Japanese Prime Minister Shinzo Abe met Narendra Modi in Tokyo.",
            {("Shinzo Abe", "consults", "Narendra Modi")},
        ),
        (
            "Angela Merkel spoke in a phone call with Vladimir Putin on Monday.",
            {("Angela Merkel", "consults", "Vladimir Putin")},
        ),
        ("Biden urged Russia to withdraw its troops.", {("Biden", "demands", "Russia")}),
        (
            "Guaido received the support of the United States.",
            {("United States", "supports", "Guaido")},
        ),
    ],
)
def test_interactions(extractor, text, expected):
    assert expected <= _triples(extractor, text)


def test_negation_is_never_a_plain_assertion(extractor):
    extraction, labels = _extract(extractor, "Brazil did not endorse Maduro.")
    [relation] = [r for r in extraction.relations if r.predicate == "supports"]
    assert relation.negated
    assert ("Brazil", "supports", "Maduro") not in _triples(
        extractor, "Brazil did not endorse Maduro.", asserted_only=True
    )


def test_future_is_marked(extractor):
    extraction, _ = _extract(extractor, "France will sanction Iran.")
    assert {r.modality for r in extraction.relations if r.predicate == "sanctions"} == {"future"}


@pytest.mark.parametrize(
    ("text", "person", "role", "organisation"),
    [
        (
            "Russian Foreign Minister Sergey Lavrov arrived in Ankara.",
            "Sergey Lavrov",
            "Foreign Minister",
            "Russia",
        ),
        (
            "US Secretary of State Antony Blinken spoke.",
            "Antony Blinken",
            "Secretary of State",
            "United States",
        ),
        ("German Chancellor Angela Merkel spoke.", "Angela Merkel", "Chancellor", "Germany"),
        (
            "The leader of Belarus's opposition, Svetlana Tikhanovskaya, spoke.",
            "Svetlana Tikhanovskaya",
            "opposition leader",
            "Belarus",
        ),
        (
            "Bolivian opposition leader Carlos Mesa asked for a recount.",
            "Carlos Mesa",
            "opposition leader",
            "Bolivia",
        ),
    ],
)
def test_positions(extractor, text, person, role, organisation):
    extraction, labels = _extract(extractor, text)
    positions = {
        (labels[r.subject], r.role, labels[r.object])
        for r in extraction.relations
        if r.predicate == "holdsPosition"
    }
    assert (person, role, organisation) in positions


@pytest.mark.parametrize(
    ("text", "speaker", "kind", "content"),
    [
        ('"We will not leave," Lavrov said.', "Lavrov", "direct", '"We will not leave,"'),
        ("Lavrov said that Russia would stay.", "Lavrov", "reported", "Russia would stay"),
        ('Lavrov said Russia "would stay" there.', "Lavrov", "mixed", 'Russia "would stay" there'),
        (
            "Maria Zakharova spoke on Friday. She added that the talks had failed.",
            "Maria Zakharova",
            "reported",
            "the talks had failed",
        ),
        (
            "According to Iranian media, the talks had failed.",
            "Iranian media",
            "reported",
            "the talks had failed",
        ),
    ],
)
def test_statements(extractor, text, speaker, kind, content):
    extraction, labels = _extract(extractor, text)
    found = {(labels.get(s.speaker), s.kind, s.content.text) for s in extraction.statements}
    assert (speaker, kind, content) in found


def test_statement_offsets_index_the_text(extractor):
    text = 'Headline here\n\nGENEVA (Wire) - "We agree," Lavrov said on Friday.'
    extraction, _ = _extract(extractor, text)
    [statement] = extraction.statements
    for span in (statement.cue, statement.content, statement.speaker_span, statement.evidence):
        assert text[span.start : span.end] == span.text
    assert statement.time.day == date(2021, 6, 11)


def test_unbalanced_quotes_do_not_crash(extractor):
    extraction, _ = _extract(extractor, 'Lavrov said "we agree. Pompeo said that talks "failed.')
    assert extraction.statements
