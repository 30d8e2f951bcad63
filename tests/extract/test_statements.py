"""Statement patterns with the real model: (text, expected statement) tables.

Every sentence here is written for these tests; each row is a pattern of news
prose, not a sentence of a corpus. The basic kinds (direct, reported, mixed),
a pronoun speaker and "according to" are in ``test_extract.py``.
"""

from __future__ import annotations

from datetime import date

import pytest

from kg.read import article_from_text

PUBLISHED = date(2021, 6, 13)  # a Sunday


def _statements(extractor, text):
    extraction = extractor.extract_one(article_from_text("t", text, published=PUBLISHED))
    labels = {e.id: e.label for e in extraction.entities}
    return extraction, labels


def _who(statement, labels):
    """The speaker's label, or the words of an unnamed one."""
    if statement.speaker is not None:
        return labels[statement.speaker]
    return statement.speaker_span.text if statement.speaker_span else None


@pytest.mark.parametrize(
    ("text", "speaker", "kind", "content"),
    [
        # the quotation after the cue, with a colon or a comma
        (
            'Angela Merkel told reporters: "The door remains open."',
            "Angela Merkel",
            "direct",
            '"The door remains open."',
        ),
        (
            'The mayor said, "we are ready to act."',
            "The mayor",
            "direct",
            '"we are ready to act."',
        ),
        # inverted order and a long speaker description
        (
            '"The talks were useful," said Pedro Alves, a trade envoy who led the delegation.',
            "Pedro Alves",
            "direct",
            '"The talks were useful,"',
        ),
        # two apostrophes as quote marks
        (
            "''We will win this seat,'' the senator said.",
            "the senator",
            "direct",
            "''We will win this seat,''",
        ),
        # X told Y that ...: the recipient is not the content
        (
            "Pompeo told reporters that the sanctions would stay.",
            "Pompeo",
            "reported",
            "the sanctions would stay",
        ),
        # in X's view ...
        (
            "In Lavrov's view, the agreement is dead.",
            "Lavrov",
            "reported",
            "the agreement is dead",
        ),
        # other cue verbs, and what they take as content
        (
            "The minister warned that prices would rise.",
            "The minister",
            "reported",
            "prices would rise",
        ),
        (
            "Pompeo denounced the deployment of foreign troops.",
            "Pompeo",
            "reported",
            "the deployment of foreign troops",
        ),
        (  # a hyphenated word the parser splits stays whole
            "The United States, which has denounced Maduro's re-election, backed Guaido.",
            "United States",
            "reported",
            "Maduro's re-election",
        ),
        (
            "The governor vowed to rebuild the bridge.",
            "The governor",
            "reported",
            "to rebuild the bridge",
        ),
        (
            "Maduro called the sanctions an act of war.",
            "Maduro",
            "reported",
            "the sanctions an act of war",
        ),
        # a cue noun with its holder
        (
            "Maduro's claim that the vote had been rigged drew criticism.",
            "Maduro",
            "reported",
            "the vote had been rigged",
        ),
        # a name, a colon and a quotation
        (
            'Senior aide Maria Lopez: "We never expected this to happen."',
            "Maria Lopez",
            "direct",
            '"We never expected this to happen."',
        ),
    ],
)
def test_statement_patterns(extractor, text, speaker, kind, content):
    extraction, labels = _statements(extractor, text)
    found = {(_who(s, labels), s.kind, s.content.text) for s in extraction.statements}
    assert (speaker, kind, content) in found


def test_parenthetical_cue(extractor):
    extraction, labels = _statements(
        extractor, "The embargo, the trade minister said, would be lifted in May."
    )
    [statement] = extraction.statements
    assert statement.speaker_span.text == "the trade minister"
    assert "would be lifted in May" in statement.content.text


def test_trailing_speaker_after_the_clause(extractor):
    text = (
        "The plant will close next year, a company spokeswoman, Jane Roe, said on Monday, "
        "and the workers will be moved."
    )
    extraction, labels = _statements(extractor, text)
    [statement] = extraction.statements
    assert statement.content.text == "The plant will close next year"
    assert labels.get(statement.speaker) == "Jane Roe"
    assert statement.time.day == date(2021, 6, 7)


def test_quotation_continued_in_the_next_paragraph(extractor):
    text = (
        '"We will rebuild the bridge," Mayor Ana Silva said on Friday.\n\n'
        '"It will take two years, and it will not be cheap."'
    )
    extraction, labels = _statements(extractor, text)
    first, second = extraction.statements
    assert second.content.text == '"It will take two years, and it will not be cheap."'
    assert second.rule.startswith("statements.continuation/")
    assert (second.speaker, second.cue, second.kind) == (first.speaker, first.cue, "direct")
    assert labels[second.speaker].endswith("Ana Silva")


def test_quotation_after_another_attribution_is_not_continued(extractor):
    text = (
        '"We will rebuild the bridge," Mayor Ana Silva said.\n\n'
        "Critics doubt it. The council voted against the plan.\n\n"
        '"Nobody asked us about the money."'
    )
    extraction, _ = _statements(extractor, text)
    assert not any(s.rule.startswith("statements.continuation/") for s in extraction.statements)


@pytest.mark.parametrize(
    ("text", "speaker_text", "speaker_type"),
    [
        ("Officials said the border would reopen.", "Officials", "Group"),
        (
            "A diplomatic source in Lima told the agency that the envoy had left.",
            "A diplomatic source in Lima",
            "Person",
        ),
        ("The report said that emissions had fallen.", "The report", "Other"),
    ],
)
def test_unnamed_sources_are_speakers_typed_not_entities(
    extractor, text, speaker_text, speaker_type
):
    extraction, _ = _statements(extractor, text)
    [statement] = extraction.statements
    assert statement.speaker is None
    assert statement.speaker_span.text == speaker_text
    assert statement.speaker_type == speaker_type


def test_coordinated_speakers_each_said_it(extractor):
    extraction, labels = _statements(extractor, "China and Cuba said the vote was fair.")
    assert {labels[s.speaker] for s in extraction.statements} == {"China", "Cuba"}
    assert {s.content.text for s in extraction.statements} == {"the vote was fair"}


def test_date_of_the_saying(extractor):
    extraction, _ = _statements(
        extractor, "Zakharova said on March 28 that the staff would stay until May."
    )
    [statement] = extraction.statements
    assert statement.time.day == date(2021, 3, 28)


@pytest.mark.parametrize(
    "text",
    [
        "Lavrov did not say that Russia would leave.",  # negated: nothing was stated
        'The film "A Long Way Home" opened on Friday.',  # a title in quotes
        "He said nothing and left the room.",
    ],
)
def test_no_statement(extractor, text):
    extraction, _ = _statements(extractor, text)
    assert extraction.statements == ()


def test_cue_inside_a_quotation_belongs_to_the_quote(extractor):
    extraction, labels = _statements(
        extractor, '"They told us it would rain," Mayor Ana Silva said.'
    )
    [statement] = extraction.statements
    assert labels[statement.speaker].endswith("Ana Silva")


def test_nested_attribution_is_part_of_the_outer_statement(extractor):
    extraction, labels = _statements(
        extractor, "Lavrov said he believes the talks will resume in June."
    )
    [statement] = extraction.statements
    assert labels[statement.speaker] == "Lavrov"
    assert statement.content.text == "he believes the talks will resume in June"


def test_content_never_crosses_into_another_attribution(extractor):
    # the first quotation is never closed: it must not swallow Pompeo's statement
    text = 'Lavrov said the talks "were over. Pompeo said the talks would resume in May.'
    extraction, labels = _statements(extractor, text)
    by_speaker = {labels.get(s.speaker): s.content.text for s in extraction.statements}
    assert by_speaker["Pompeo"] == "the talks would resume in May"
    assert "resume" not in by_speaker["Lavrov"]


def test_unbalanced_quote_marks_do_not_crash(extractor):
    for text in ['"', '""', 'He said "', "''", 'A "b" c " d', "\u201cOpen only, he said."]:
        _statements(extractor, text)


def test_offsets_and_confidence(extractor):
    text = 'Headline here\n\nGENEVA (Wire) - "We agree," Lavrov said, and Officials said so.'
    extraction, _ = _statements(extractor, text)
    assert extraction.statements
    for statement in extraction.statements:
        for span in (statement.cue, statement.content, statement.speaker_span):
            assert text[span.start : span.end] == span.text
        assert 0.0 < statement.confidence <= 1.0
