"""Quotation finding is tolerant: unbalanced marks never raise."""

import pytest

from kg.nlp.quotes import quote_spans


@pytest.mark.parametrize(
    ("text", "quotes"),
    [
        ('He said "we agree" and left.', ['"we agree"']),
        ("\u201cCurly\u201d and \u201cmore\u201d", ["\u201cCurly\u201d", "\u201cmore\u201d"]),
        ('An odd " mark here.', ['" mark here.']),
        (
            '"First paragraph goes on.\n\n"And ends here," he said.',
            ['"First paragraph goes on.\n\n"And ends here,"'],
        ),
        ('A 5" screen, "nice".', ['"nice"']),
        ("No quotes at all.", []),
    ],
)
def test_quote_spans(text, quotes):
    assert [text[s:e] for s, e in quote_spans(text)] == quotes
