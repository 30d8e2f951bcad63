"""Second names of one entity given in the same breath.

- "the International Monetary Fund (IMF)", "the PRD (Party of the Democratic
  Revolution)": an abbreviation in brackets right after a name, or a name in
  brackets right after an abbreviation, names the same organisation;
- "Norvenka Holdings, formerly known as Baltic Timber", "Pacific Resources,
  also known as PacRes", "Henry Ivatt, known as George Ivatt": a cue of
  ``kg/lexicon/alias_cues.tsv`` between two names.

``alias_pairs`` returns the pairs of mentions; ``build_table`` merges their
clusters. A pair is kept only when the two can be one entity: the same type,
or one of them typed by the model alone (an abbreviation the model calls a
place). A known place takes no alias this way: "Madrid (Spain)" says where
Madrid lies, "DAYTON, Ohio (AP)" is a dateline.

>>> is_abbreviation("IMF"), is_abbreviation("PacRes"), is_abbreviation("Spain")
(True, False, False)
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

from spacy.tokens import Doc

from kg.extract.mentions import Mention
from kg.lexicon import rows

MAX_ABBREVIATION = 10
PLACES = {"Country", "City", "Region", "Place"}


@cache
def _cues() -> frozenset[tuple[str, ...]]:
    return frozenset(tuple(row[0].split()) for row in rows("alias_cues.tsv"))


def is_abbreviation(text: str) -> bool:
    """An all-capitals short form: "IMF", "U.S.", "EZLN", "N-TV"."""
    letters = [c for c in text if c.isalpha()]
    return 2 <= len(letters) <= MAX_ABBREVIATION and all(c.isupper() for c in letters)


def alias_pairs(doc: Doc, mentions: list[Mention]) -> Iterator[tuple[Mention, Mention]]:
    """(first, second) mentions that name one entity, in text order."""
    by_start = {m.start: m for m in mentions if m.is_name}
    for first in mentions:
        if not first.is_name:
            continue
        second = _bracketed(doc, first, by_start) or _after_cue(doc, first, by_start)
        if second is not None and _compatible(first, second):
            yield first, second


def _bracketed(doc: Doc, first: Mention, by_start: dict[int, Mention]) -> Mention | None:
    """ "NAME (ABBR)" or "ABBR (NAME)"."""
    if first.end + 2 >= len(doc) or doc[first.end].text != "(":
        return None
    second = by_start.get(first.end + 1)
    if second is None or second.end >= len(doc) or doc[second.end].text != ")":
        return None
    if is_abbreviation(second.text) != is_abbreviation(first.text):
        return second
    return None


def _after_cue(doc: Doc, first: Mention, by_start: dict[int, Mention]) -> Mention | None:
    """ "NAME, also known as NAME", "NAME (formerly NAME)"."""
    i = first.end
    if i < len(doc) and doc[i].text in {",", "("}:
        i += 1
    for cue in sorted(_cues(), key=len, reverse=True):
        words = tuple(t.lower_ for t in doc[i : i + len(cue)])
        if words == cue:
            j = i + len(cue)
            while j < len(doc) and doc[j].lower_ in {"the", ":"}:
                j += 1
            return by_start.get(j)
    return None


def _compatible(first: Mention, second: Mention) -> bool:
    """Two names that can be one entity: never a known place ("Madrid (Spain)"
    is where Madrid lies; "DAYTON, Ohio (AP)" a dateline)."""
    if any(m.type in PLACES and not m.typed_by_model for m in (first, second)):
        return False
    if any(m.type in PLACES for m in (first, second)) and any(
        m.sector == "media" for m in (first, second)
    ):
        return False  # "BELGRADE, Yugoslavia (AP)"
    if first.type == second.type:
        return True
    return first.typed_by_model or second.typed_by_model or is_abbreviation(second.text)
