"""Find quoted stretches of text, tolerant of unbalanced quote marks.

Straight double quotes alternate open/close within a paragraph; curly quotes
say which they are. Two apostrophes in a row stand for a straight double
quote, and two backticks open what two apostrophes close (text converted from
typewriter or Penn Treebank style); a straight mark also closes a curly one
(sloppy typing). News convention for quotes running over
paragraphs is honoured: a paragraph that opens a quote and never closes it continues into
the next paragraph when that one opens with a quote mark again. An unmatched
mark never raises: the quote ends at its paragraph's end (best effort).

>>> text = 'He said "we agree." Then "no".'
>>> [text[s:e] for s, e in quote_spans(text)]
['"we agree."', '"no"']
>>> text = "''We agree,'' he said."
>>> [text[s:e] for s, e in quote_spans(text)]
["''We agree,''"]
"""

from __future__ import annotations

import re

OPEN = {
    '"': '"',
    "''": "''",
    "``": "''",
    "\u201c": "\u201d",
    "\u00ab": "\u00bb",
    "\u201e": "\u201c",
}
CLOSERS = {'"', "''", "\u201d", "\u00bb", "\u201c"}
STRAIGHT = {'"', "''"}
_MARK = re.compile("''|``|[\"\u201c\u201d\u00ab\u00bb\u201e]")
_PARAGRAPH = re.compile(r"\n\s*\n")


def quote_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every quotation, quote marks included, in text order."""
    spans: list[tuple[int, int]] = []
    carry: int | None = None  # start of a quote left open at the previous paragraph
    for para_start, para_end in _paragraphs(text):
        open_at: int | None = None
        opener = ""
        first = _first_non_space(text, para_start, para_end)
        for mark in _MARK.finditer(text, para_start, para_end):
            i, ch = mark.start(), mark.group()
            if open_at is None:
                if ch in OPEN and not _is_inch(text, i, ch):
                    open_at, opener = i, ch
            elif ch == OPEN[opener] or ch in STRAIGHT or (opener in STRAIGHT and ch in CLOSERS):
                start = carry if carry is not None and open_at == first else open_at
                spans.append((start, mark.end()))
                open_at, carry = None, None
        if open_at is not None:
            # unclosed: the quote may continue in the next paragraph
            if carry is not None and open_at == first:
                open_at = carry
            spans.append((open_at, _last_non_space(text, para_start, para_end)))
            carry = open_at
        else:
            carry = None
    return _merge_continuations(spans)


def _paragraphs(text: str) -> list[tuple[int, int]]:
    bounds, start = [], 0
    for match in _PARAGRAPH.finditer(text):
        bounds.append((start, match.start()))
        start = match.end()
    bounds.append((start, len(text)))
    return [(s, e) for s, e in bounds if s < e]


def _first_non_space(text: str, start: int, end: int) -> int:
    while start < end and text[start].isspace():
        start += 1
    return start


def _last_non_space(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def _is_inch(text: str, i: int, mark: str) -> bool:
    """``5"`` or ``5''`` (inches) is not a quote mark."""
    after = i + len(mark)
    return (
        mark in STRAIGHT
        and i > 0
        and text[i - 1].isdigit()
        and (after == len(text) or not text[after].isalpha())
    )


def _merge_continuations(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """An unclosed paragraph quote followed by its continuation becomes one span."""
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and merged[-1][0] == start:
            merged[-1] = (start, max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged
