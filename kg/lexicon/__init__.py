"""Curated lexicons: data in TSV files beside this module, read once.

Each table is documented in its own header; this module only parses them into
typed rows. To extend a lexicon, add a row to its file: no code changes.

>>> predicates()["supports"].plover
'SUPPORT'
>>> [cue.predicate for cue in interaction_cues()[("endorse", "VERB")]]
['supports']
>>> plover_classes()["AID"].intended, modality_cues()["refuse"]
('AGREE', 'refusal')
"""

from __future__ import annotations

import csv
from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

SPEECH_FRAMES = {"clause", "quote", "infinitive", "object", "predicative", "prep"}
CUE_CLASSES = {"speech", "thought", "intention", "stance", "topic"}


@dataclass(frozen=True)
class PredicateInfo:
    name: str
    kind: str  # stative | interaction
    plover: str | None
    cameo: str | None
    polarity: int
    symmetric: bool
    aligns: bool  # puts its two actors on the same side (camps are found over these)
    definition: str


@dataclass(frozen=True)
class InteractionCue:
    """One row of ``interaction_cues.tsv`` (see its header)."""

    lemma: str
    pos: str
    objects: frozenset[str]
    excludes: bool  # True: ``objects`` are the objects that do NOT make this cue
    predicate: str
    plover: str
    cameo: str
    polarity: int
    target: tuple[tuple[str, ...], ...]  # alternatives, tried in order; each a set of slots
    source: tuple[str, ...]
    conditions: tuple[tuple[str, str], ...]  # (side, value): ("target", "place")
    confidence: float

    @property
    def slots(self) -> frozenset[str]:
        """Every target slot of every alternative."""
        return frozenset(slot for alternative in self.target for slot in alternative)


@dataclass(frozen=True)
class PloverClass:
    """One row of ``plover_classes.tsv``: a class, its CAMEO root, and its class
    when the act is intended or refused rather than done."""

    name: str
    cameo: str
    intended: str
    refused: str | None


@dataclass(frozen=True)
class SpeechCue:
    """One row of ``speech_cues.tsv`` (see its header)."""

    lemma: str
    pos: str
    kind: str  # speech | thought | intention | stance | topic
    frames: tuple[str, ...]
    confidence: float


@dataclass(frozen=True)
class Role:
    surface: str
    role: str
    sector: str | None
    gender: str | None
    predicate: str = "holdsPosition"
    prepositions: tuple[str, ...] = ("of", "for", "at", "with", "in")
    personal: bool = True  # only a person holds it (not "leader", "member", "owner")


@dataclass(frozen=True)
class StativeVerb:
    lemma: str
    prepositions: tuple[str, ...]  # "-" the direct object, "by" a passive's agent
    predicate: str
    role: str | None
    confidence: float
    inverse: bool = False


@dataclass(frozen=True)
class PartyWord:
    surface: str
    kind: str  # head | name | member | code
    label: str | None
    country: str | None


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
    for name, kind, plover, cameo, polarity, symmetric, aligns, definition in rows(
        "predicates.tsv"
    ):
        table[name] = PredicateInfo(
            name,
            kind,
            plover or None,
            cameo or None,
            int(polarity),
            symmetric == "yes",
            aligns == "yes",
            definition,
        )
    return table


@cache
def interaction_cues() -> dict[tuple[str, str], list[InteractionCue]]:
    """Interaction triggers by (lemma, part of speech); rows naming objects first."""
    table: dict[tuple[str, str], list[InteractionCue]] = defaultdict(list)
    known, classes = predicates(), plover_classes()
    for row in rows("interaction_cues.tsv"):
        lemma, pos, objects, predicate, plover, cameo, polarity, target, source = row[:9]
        condition, confidence = row[9:]
        if predicate not in known:
            raise ValueError(f"interaction_cues.tsv: unknown predicate {predicate!r} ({lemma})")
        if plover not in classes:
            raise ValueError(f"interaction_cues.tsv: unknown PLOVER class {plover!r} ({lemma})")
        table[(lemma, pos)].append(
            InteractionCue(
                lemma=lemma,
                pos=pos,
                objects=frozenset(objects.lstrip("!").split("|")) if objects else frozenset(),
                excludes=objects.startswith("!"),
                predicate=predicate,
                plover=plover,
                cameo=cameo,
                polarity=int(polarity),
                target=tuple(tuple(a.split("|")) for a in target.split(">")),
                source=tuple(source.split("|")),
                conditions=tuple(
                    tuple(c.split("=", 1))
                    for c in condition.split("|")
                    if c  # type: ignore[misc]
                ),
                confidence=float(confidence),
            )
        )
    for cues in table.values():
        cues.sort(key=lambda cue: not cue.objects or cue.excludes)
    return dict(table)


@cache
def plover_classes() -> dict[str, PloverClass]:
    """PLOVER classes by name, with their CAMEO root and intended/refused classes."""
    return {
        name: PloverClass(name, cameo, intended, refused or None)
        for name, cameo, intended, refused in _padded(rows("plover_classes.tsv"), 4)
    }


@cache
def modality_cues() -> dict[str, str]:
    """Words that decide how an act is told: word -> role (future, intent, refusal ...)."""
    return dict(rows("modality_cues.tsv"))  # type: ignore[arg-type]


@cache
def statement_cues() -> dict[tuple[str, str], SpeechCue]:
    """Every cue of a statement by (lemma, part of speech)."""
    table = {}
    for lemma, pos, kind, frames, confidence in rows("speech_cues.tsv"):
        unknown = set(frames.split("|")) - SPEECH_FRAMES
        if unknown or kind not in CUE_CLASSES:
            problem = f"frame {sorted(unknown)[0]!r}" if unknown else f"class {kind!r}"
            raise ValueError(f"speech_cues.tsv: {lemma}: unknown {problem}")
        table[(lemma, pos)] = SpeechCue(
            lemma, pos, kind, tuple(frames.split("|")), float(confidence)
        )
    return table


@cache
def speech_cues() -> dict[tuple[str, str], SpeechCue]:
    """The reporting verbs and nouns: speech or thought with a clause ("said
    that ...", "believes ..."); what they report is not asserted by the text."""
    return {
        key: cue
        for key, cue in statement_cues().items()
        if cue.kind in {"speech", "thought"} and "clause" in cue.frames
    }


@cache
def statement_confidence() -> dict[str, float]:
    """Measured precision of statement rules and speaker factors, by key."""
    return {key: float(value) for key, value in rows("statement_confidence.tsv")}


@cache
def roles() -> dict[str, Role]:
    """Titles by lower-case surface form."""
    table = {}
    for surface, role, sector, gender, predicate, preps, holder in _padded(rows("roles.tsv"), 7):
        table[surface.lower()] = Role(
            surface.lower(),
            role,
            sector or None,
            gender or None,
            predicate or "holdsPosition",
            tuple(preps.split("|")) if preps else Role.prepositions,
            holder != "any",
        )
    return table


@cache
def non_affiliations() -> frozenset[str]:
    """Person nouns that never make a person a member of an organisation."""
    return frozenset(row[0].lower() for row in rows("non_affiliations.tsv"))


@cache
def part_nouns() -> dict[str, bool]:
    """Nouns of one organisation being part of another -> whether inverse."""
    return {noun.lower(): inverse == "yes" for noun, inverse in rows("part_nouns.tsv")}


@cache
def stative_verbs() -> dict[str, list[StativeVerb]]:
    """Verbs of lasting relations, by lemma."""
    table: dict[str, list[StativeVerb]] = defaultdict(list)
    known = predicates()
    for lemma, preps, predicate, role, confidence, inverse in _padded(rows("stative_verbs.tsv"), 6):
        if predicate not in known:
            raise ValueError(f"stative_verbs.tsv: unknown predicate {predicate!r}")
        table[lemma].append(
            StativeVerb(
                lemma,
                tuple(preps.split("|")),
                predicate,
                role or None,
                float(confidence),
                inverse == "yes",
            )
        )
    return dict(table)


@cache
def party_words() -> dict[tuple[str, str], PartyWord]:
    """Party words by (lower-case surface, kind)."""
    return {
        (surface.lower(), kind): PartyWord(surface.lower(), kind, label or None, country or None)
        for surface, kind, label, country in _padded(rows("parties.tsv"), 4)
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


@cache
def title_words() -> frozenset[str]:
    """Words that qualify a title ("emeritus", "chief", "senior")."""
    return frozenset(row[0].lower() for row in rows("title_words.tsv"))


@cache
def person_noun_endings() -> tuple[str, ...]:
    """Endings of nouns that name a person by occupation ("-ologist", "-ician")."""
    return tuple(row[0] for row in rows("person_noun_endings.tsv"))


@cache
def light_verbs() -> frozenset[str]:
    """Verbs that lend their subject to the event noun they govern ("held talks")."""
    return frozenset(row[0] for row in rows("light_verbs.tsv"))


@cache
def leading_participles() -> frozenset[str]:
    """Participles whose hyphenated name owns the group they qualify ("US-led coalition")."""
    return frozenset(row[0] for row in rows("leading_participles.tsv"))


@cache
def interaction_confidence() -> dict[str, float]:
    """Factors of trust in interactions by rule and mark: "rule:noun", "flag:owned"."""
    return {key: float(value) for key, value in rows("interaction_confidence.tsv")}


@cache
def units() -> dict[str, str]:
    """Units of measure: lower-case word or symbol -> canonical unit."""
    return dict(rows("units.tsv"))  # type: ignore[arg-type]


@cache
def number_words() -> dict[str, tuple[float, bool]]:
    """Numbers written as words: word -> (value, whether it multiplies the number before)."""
    return {
        word: (float(value), kind == "multiplier") for word, value, kind in rows("number_words.tsv")
    }


def _padded(table: list[list[str]], width: int) -> list[list[str]]:
    return [row + [""] * (width - len(row)) for row in table]
