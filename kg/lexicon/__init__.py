"""Curated lexicons: data in TSV files beside this module, read once.

Each table is documented in its own header; this module only parses them into
typed rows. To extend a lexicon, add a row to its file: no code changes.

>>> predicates()["supports"].plover
'SUPPORT'
>>> [cue.predicate for cue in interaction_cues()[("endorse", "VERB")]]
['supports']
"""

from __future__ import annotations

import csv
from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from importlib.resources import files


@dataclass(frozen=True)
class PredicateInfo:
    name: str
    kind: str  # stative | interaction
    plover: str | None
    cameo: str | None
    polarity: int
    symmetric: bool
    definition: str


@dataclass(frozen=True)
class InteractionCue:
    lemma: str
    pos: str
    predicate: str
    target: tuple[str, ...]
    source: tuple[str, ...]
    condition: str | None
    confidence: float


@dataclass(frozen=True)
class Role:
    surface: str
    role: str
    sector: str | None
    gender: str | None


@dataclass(frozen=True)
class NameClass:
    """What a word says about the name it heads or stands beside."""

    type: str
    sector: str | None
    gender: str | None = None


@dataclass(frozen=True)
class Institution:
    head: str
    type: str
    sector: str
    label: str
    part_of: bool


def rows(name: str) -> list[list[str]]:
    """The data rows of ``kg/lexicon/<name>``: tab-separated, ``#`` comments skipped."""
    text = files("kg.lexicon").joinpath(name).read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return [[cell.strip() for cell in row] for row in csv.reader(lines, delimiter="\t")]


@cache
def predicates() -> dict[str, PredicateInfo]:
    """Every predicate of the core vocabulary, by name."""
    table = {}
    for name, kind, plover, cameo, polarity, symmetric, definition in rows("predicates.tsv"):
        table[name] = PredicateInfo(
            name, kind, plover or None, cameo or None, int(polarity), symmetric == "yes", definition
        )
    return table


@cache
def interaction_cues() -> dict[tuple[str, str], list[InteractionCue]]:
    """Interaction triggers by (lemma, part of speech)."""
    table: dict[tuple[str, str], list[InteractionCue]] = defaultdict(list)
    known = predicates()
    for lemma, pos, predicate, target, source, condition, confidence in rows(
        "interaction_cues.tsv"
    ):
        if predicate not in known:
            raise ValueError(f"interaction_cues.tsv: unknown predicate {predicate!r}")
        table[(lemma, pos)].append(
            InteractionCue(
                lemma,
                pos,
                predicate,
                tuple(target.split("|")),
                tuple(source.split("|")),
                condition or None,
                float(confidence),
            )
        )
    return dict(table)


@cache
def speech_cues() -> dict[tuple[str, str], float]:
    """Reported-speech cues: (lemma, part of speech) -> prior confidence."""
    return {(lemma, pos): float(conf) for lemma, pos, conf in rows("speech_cues.tsv")}


@cache
def roles() -> dict[str, Role]:
    """Titles by lower-case surface form."""
    return {
        surface.lower(): Role(surface.lower(), role, sector or None, gender or None)
        for surface, role, sector, gender in _padded(rows("roles.tsv"), 4)
    }


@cache
def institutions() -> dict[str, Institution]:
    """Institution and collective nouns by lower-case head."""
    return {
        head: Institution(head, type_, sector, label, part_of == "yes")
        for head, type_, sector, label, part_of in rows("institutions.tsv")
    }


@cache
def media() -> dict[str, str]:
    """News organisations: lower-case name -> ISO3 country."""
    return {name.lower(): iso3 for name, iso3 in rows("media.tsv")}


@cache
def seats_of_power() -> dict[str, tuple[str, str]]:
    """Seats of power: lower-case name -> (ISO3, sector)."""
    return {name.lower(): (iso3, sector) for name, iso3, sector in rows("seats_of_power.tsv")}


@cache
def group_labels() -> dict[str, str]:
    """The label of a country's Group of each sector: the first one listed."""
    labels: dict[str, str] = {}
    for entry in institutions().values():
        if entry.type == "Group":
            labels.setdefault(entry.sector, entry.label)
    return labels


@cache
def national_institutions() -> dict[str, tuple[str, str]]:
    """Named institutions of one country: lower-case name -> (ISO3, sector)."""
    table = rows("national_institutions.tsv")
    return {name.lower(): (iso3, sector) for name, iso3, sector in table}


@cache
def given_names() -> dict[str, str]:
    """Given names: lower case -> the gender they usually carry."""
    return {name.lower(): gender for name, gender in rows("given_names.tsv")}


@cache
def honorifics() -> dict[str, str | None]:
    """Honorifics: lower case -> gender, or None when they have none."""
    return {word.lower(): gender or None for word, gender in _padded(rows("honorifics.tsv"), 2)}


@cache
def name_heads() -> dict[str, NameClass]:
    """Last words of proper names that type them: "Inc." -> Organization."""
    return {
        word: NameClass(type_, sector or None)
        for word, type_, sector in _padded(rows("name_heads.tsv"), 3)
    }


@cache
def class_nouns() -> dict[str, NameClass]:
    """Common nouns that type the name beside them: "company" -> Organization."""
    return {
        noun: NameClass(type_, sector or None, gender or None)
        for noun, type_, sector, gender in _padded(rows("class_nouns.tsv"), 4)
    }


def _padded(table: list[list[str]], width: int) -> list[list[str]]:
    return [row + [""] * (width - len(row)) for row in table]
