"""Personal names: their parts, and when two of them can name one person.

Shared by the in-article clustering and the cross-article resolver, so both
apply one rule: a surname alone never decides between two people whose first
names conflict ("Donald Trump" / "Ivanka Trump"); an initial agrees with the
name it abbreviates ("J. Guaido" / "Juan Guaido"); a middle name present in
one form and absent in the other ("George Bush" / "George W. Bush") is a
conflict unless the caller has other evidence (both forms in one article, or
the user's identity file).

>>> PersonName.parse("George W. Bush Jr.")
PersonName(first='george', middles=('w',), surname='bush')
>>> compatible("Juan Guaido", "Guaido"), compatible("Donald Trump", "Ivanka Trump")
(True, False)
>>> compatible("George Bush", "George W. Bush"), compatible("George Bush", "George W. Bush", True)
(False, True)
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.lexicon.gazetteer import normalise

SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}


@dataclass(frozen=True)
class PersonName:
    """A name in lower case without dots: first name, middle names, surname."""

    first: str | None
    middles: tuple[str, ...]
    surname: str

    @classmethod
    def parse(cls, name: str) -> PersonName:
        words = [w for w in re.split(r"[\s.]+", normalise(name)) if w]
        while len(words) > 1 and words[-1].strip(",") in SUFFIXES:
            words.pop()
        words = [w.strip(",") for w in words] or [""]
        if len(words) == 1:
            return cls(None, (), words[0])
        return cls(words[0], tuple(words[1:-1]), words[-1])


def surname(name: str) -> str:
    """The surname of a personal name, lower case: ``surname("Maria Zakharova")``
    is ``"zakharova"``."""
    return PersonName.parse(name).surname


def _agree(a: str, b: str) -> bool:
    """Equal, or one is the initial of the other."""
    return a == b or (len(a) == 1 and b.startswith(a)) or (len(b) == 1 and a.startswith(b))


def compatible(a: str, b: str, evidence: bool = False) -> bool:
    """Whether names ``a`` and ``b`` can denote one person.

    Surnames must be equal; first names, when both are given, must agree;
    middle names must agree where both have them, and a middle name in one
    form only is accepted only with ``evidence`` (the forms seen together).
    """
    x, y = PersonName.parse(a), PersonName.parse(b)
    if x.surname != y.surname:
        return False
    if x.first is None or y.first is None:
        return True
    if not _agree(x.first, y.first):
        return False
    if len(x.middles) != len(y.middles):
        return evidence and all(_agree(m, n) for m, n in zip(x.middles, y.middles, strict=False))
    return all(_agree(m, n) for m, n in zip(x.middles, y.middles, strict=True))


def fullness(name: str) -> tuple[int, int, str]:
    """Sort key of the fullest form of a name: more words, then more letters,
    then (for a stable choice) the alphabetically first."""
    inverted = "".join(chr(0x10FFFF - ord(ch)) for ch in name)
    return (len(name.split()), len(name), inverted)
