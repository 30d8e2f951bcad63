"""Recognise the parts of a news article around its body.

Wire stories start with a headline (sometimes repeated), a byline or a social
handle, and a dateline ("MOSCOW, March 31 (Reuters) - ...") before the first
body sentence. These are not sentences of the story: ``read_layout`` finds
where the body starts and what the dateline says (place, date, source),
without changing the text, so offsets still index the original.

>>> layout = read_layout("Talks resume\\n\\nGENEVA, May 4 (Agency) - Envoys met on Monday.")
>>> layout.body_start, layout.dateline, layout.source
(39, 'Geneva', 'Agency')
>>> layout.published  # no year in the dateline, none given
>>> read_layout("Kyiv, 12 March 2022 - Talks resumed.").published
datetime.date(2022, 3, 12)
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from kg.models import Span

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_DATE_PATTERNS = [
    re.compile(rf"\b{_DAY}\s+{_MONTH},?\s+{_YEAR}\b", re.I),
    re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b", re.I),
    re.compile(rf"\b{_MONTH}\s+{_DAY}\b", re.I),
    re.compile(rf"\b{_DAY}\s+{_MONTH}\b", re.I),
]
_HANDLE = re.compile(r"^\(?@\w+\)?$")
_BYLINE = re.compile(r"^(?:By|BY)\s+[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){0,3}$")
_DASH = re.compile(r"\s[-\u2013\u2014]{1,2}\s")
_END_PUNCT = (".", "!", "?", '"', "\u201d", "'")
_MAX_DATELINE = 300


@dataclass(frozen=True)
class NewsLayout:
    """Where the body starts and what the article's header says."""

    body_start: int
    headline: Span | None = None
    dateline: str | None = None
    published: date | None = None
    source: str | None = None
    byline: str | None = None


def read_layout(text: str, published: date | None = None, title: str | None = None) -> NewsLayout:
    """Find headline, byline and dateline at the top of ``text``.

    ``published`` (when known) fills in a dateline date that has no year; when
    it is not known, the dateline's own date is the publication date. A first
    line equal to the known ``title`` (an HTML page's) is the headline.
    """
    headline: Span | None = None
    byline: str | None = None
    pos = 0
    blocks = _blocks(text)
    for number, (start, end) in enumerate(blocks):
        block = text[start:end].strip()
        if _HANDLE.match(block) or _BYLINE.match(block):
            byline = byline or _byline_name(block)
            pos = end
            continue
        if headline and _same(block, headline.text):
            pos = end
            continue
        last = number == len(blocks) - 1
        if not headline and not last and _looks_like_headline(block):
            headline, pos = Span(start, start + len(block), block), end
            continue
        first_line = block.split("\n", 1)[0]
        rest = _skip_space(text, start + len(first_line))
        if not headline and "\n" in block and _looks_like_headline(first_line):
            titled = title is not None and _same(first_line, title)
            if titled or _read_dateline(text, rest, published) is not None:
                headline, pos = Span(start, start + len(first_line), first_line), rest
        break
    body_start = _skip_space(text, pos)
    dateline = _read_dateline(text, body_start, published)
    if dateline is None:
        return NewsLayout(body_start, headline, None, published, None, byline)
    place, when, source, body_start = dateline
    return NewsLayout(body_start, headline, place, published or when, source, byline)


def _byline_name(block: str) -> str:
    """The name in "By Anna Koski" or the handle in "(@handle)"."""
    return re.sub(r"^(?:By|BY)\s+", "", block.strip("()"))


def _blocks(text: str) -> list[tuple[int, int]]:
    """Paragraphs: runs of text separated by blank lines, as (start, end)."""
    blocks = []
    for match in re.finditer(r"[^\n]+(?:\n(?!\s*\n)[^\n]+)*", text):
        if match.group().strip():
            blocks.append((match.start(), match.end()))
    return blocks


def _looks_like_headline(block: str) -> bool:
    return (
        "\n" not in block
        and len(block) <= 200
        and not block.endswith(_END_PUNCT)
        and _DASH.search(block[:_MAX_DATELINE]) is None
        or _is_title_with_dashes(block)
    )


def _is_title_with_dashes(block: str) -> bool:
    """``UPDATE - Specialists Help Servicing Equipment - Lavrov``: a headline with
    dashes, every word capitalised and no sentence punctuation."""
    words = re.findall(r"[A-Za-z][\w'-]*", block)
    return (
        "\n" not in block
        and len(block) <= 200
        and not block.endswith(_END_PUNCT)
        and len(words) >= 3
        and sum(w[0].isupper() for w in words) >= 0.8 * len(words)
    )


def _same(a: str, b: str) -> bool:
    return re.sub(r"\W+", " ", a).lower().strip() == re.sub(r"\W+", " ", b).lower().strip()


def _skip_space(text: str, pos: int) -> int:
    while pos < len(text) and text[pos].isspace():
        pos += 1
    return pos


def _read_dateline(
    text: str, start: int, published: date | None
) -> tuple[str | None, date | None, str | None, int] | None:
    """(place, date, source, body_start) when a dateline opens the body:
    "MOSCOW, March 31 (Reuters) - ", "WASHINGTON (AP) — ", "March 31 (Sputnik) -",
    "Kyiv, 12 March 2022 - ", or a lone "(Agency / Source - 31st March, 2019)"."""
    dash = _first_dash_outside_parens(text, start, min(len(text), start + _MAX_DATELINE))
    if dash is None:
        return _parenthesised_dateline(text, start, published)
    prefix = text[start : dash.start()]
    outside = re.sub(r"\([^()]*\)", " ", prefix)
    words = re.findall(r"[^\s,]+", outside)
    if not words or not all(w[0].isupper() or w[0].isdigit() for w in words):
        return None
    first = words[0]
    when = _dateline_date(prefix, published)
    place = None
    if first.isupper() and len(first) >= 3 and first.lower() not in MONTHS:
        head = re.split(r"[(,]", prefix, maxsplit=1)[0]
        place = " ".join(w for w in head.split() if w.isupper()).title() or None
    elif first.lower().rstrip(".") not in MONTHS:
        head = re.split(r"[(,]", prefix, maxsplit=1)[0].strip()
        if "," not in prefix or not _has_date(prefix) or len(head.split()) > 3:
            return None
        place = head  # "Kyiv, 12 March 2022 -": a place as written, then a date
    groups = re.findall(r"\(([^()]*)\)", prefix)
    return place, when, _dateline_source(groups), dash.end()


def _parenthesised_dateline(
    text: str, start: int, published: date | None
) -> tuple[str | None, date | None, str | None, int] | None:
    """ "(UrduPoint news / Sputnik - 31st March, 2019) Russia said ...": a
    parenthesised source and date opening the body, without a dash after it."""
    match = re.match(r"\(([^()\n]{3,120})\)\s*", text[start:])
    if match is None or not _has_date(match.group(1)):
        return None
    when = _dateline_date(match.group(1), published)
    return None, when, _dateline_source([match.group(1)]), start + match.end()


def _has_date(value: str) -> bool:
    return any(pattern.search(value) for pattern in _DATE_PATTERNS)


def _first_dash_outside_parens(text: str, start: int, stop: int) -> re.Match[str] | None:
    depth = 0
    for i in range(start, stop):
        ch = text[i]
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        elif ch == "\n":
            return None
        elif depth == 0 and ch in "-\u2013\u2014":
            match = _DASH.match(text, i - 1)
            if match:
                return match
    return None


def _dateline_date(prefix: str, published: date | None) -> date | None:
    for pattern in _DATE_PATTERNS:
        for match in pattern.finditer(prefix):
            parts = match.groupdict()
            year = (
                int(parts["year"]) if parts.get("year") else (published.year if published else None)
            )
            if year is None:
                continue
            try:
                return date(year, MONTHS[parts["month"].lower()], int(parts["day"]))
            except ValueError:
                continue
    return None


def _dateline_source(groups: list[str]) -> str | None:
    """The agency named in the dateline's parentheses: the last one wins, since
    ``(UrduPoint news / Sputnik - 31st March, 2019) ... (Sputnik)`` names the
    original agency last."""
    for group in reversed(groups):
        name = group
        for pattern in _DATE_PATTERNS:
            name = pattern.sub(" ", name)
        if "/" in name:  # "UrduPoint news / Sputnik - ": the original agency
            parts = [p.strip(" ,-") for p in re.split(r"\s[-\u2013\u2014]\s|/", name)]
            name = next((p for p in reversed(parts) if p), "")
        name = re.sub(r"[\s,\-\u2013\u2014]+$", "", name).strip(" ,-")
        if name and name[0].isupper() and len(name.split()) <= 4 and "'" not in name:
            return name
    return None
