"""What is part of what: partOf between organisations, and institutions of countries.

- part nouns (``kg/lexicon/part_nouns.tsv``): "X, a subsidiary of Y", "X is a
  unit of Y", "Y's subsidiary X", "the Y subsidiary X"; inverse nouns name the
  whole: "X's parent company Y", "Y, the parent of X";
- "owned by", "acquired by" are verbs (``stative_verbs.tsv``, see ``verbs``);
- country-qualified institutions: "the Russian Foreign Ministry" is part of
  Russia, and so is an organisation whose name opens with its country ("the
  Bulgarian Socialist Party", "the U.S. 6th Fleet"; the mention says so:
  ``Mention.part_of_country``).
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Span, Token

from kg.extract.stative.arguments import (
    described,
    is_type,
    organisations_through,
    prepositional_objects,
    referent,
    relation,
)
from kg.lexicon import gazetteer, part_nouns
from kg.models import Relation
from kg.resolve.in_article import EntityTable

ORG = {"Organization"}


def parts(doc: Doc, table: EntityTable, body_start: int) -> Iterator[Relation]:
    for token in doc:
        if token.idx < body_start or token.pos_ not in {"NOUN", "PROPN"} or table.is_named(token):
            continue
        inverse = _part_noun(token)
        if inverse is not None:
            yield from _part_of(table, token, inverse)
    yield from _institution_parts(table)


def _part_noun(noun: Token) -> bool | None:
    """Whether a part noun is inverse ("parent company"), None if it is none."""
    table = part_nouns()
    compounds = [c.lower_ for c in noun.children if c.dep_ in {"compound", "amod"} and c.i < noun.i]
    for k in range(len(compounds) + 1):
        phrase = " ".join([*compounds[k:], noun.lemma_.lower()])
        if phrase in table:
            return table[phrase]
    return None


def _part_of(table: EntityTable, noun: Token, inverse: bool) -> Iterator[Relation]:
    holders = [e for e, _ in described(table, noun) if is_type(table, e, ORG)]
    if noun.dep_ == "compound" and not holders:  # "the Y subsidiary X"
        named = referent(table, noun.head)
        holders = [named] if is_type(table, named, ORG) else []
    prepositions = ("of", "to", "for") if inverse else ("of",)  # "the parent company to Y"
    others = [
        e
        for p in prepositional_objects(noun, prepositions)
        for e in organisations_through(table, p)
    ]
    others += [
        referent(table, c)
        for c in noun.children
        if c.dep_ == "poss" or (c.dep_ in {"compound", "nmod"} and c.i < noun.i)
    ]
    for holder in holders:
        for other in dict.fromkeys(o for o in others if is_type(table, o, ORG)):
            if other == holder:
                continue
            part, whole = (other, holder) if inverse else (holder, other)
            yield relation(part, "partOf", whole, noun, "part-noun", 0.85)


def _institution_parts(table: EntityTable) -> Iterator[Relation]:
    """ "the Russian Foreign Ministry" is part of Russia. (A collective such as
    "Russian servicemen" carries its country as an attribute instead.)"""
    for entity in list(table.entities):
        if entity.type != "Organization" or not entity.country:
            continue
        mention = next((m for m in entity.mentions if m.part_of_country), None)
        if mention is None:
            continue
        country = table.country_entity(entity.country)
        qualifier = country_words(table.doc[mention.start : mention.end], entity.country)
        cue = table.doc[mention.head]
        if qualifier is not None:  # "U.S." in "the U.S. Congress" names the country
            table.add_nested_mention(country, qualifier.start, qualifier.end)
            cue = qualifier[0]
        yield relation(entity.id, "partOf", country, cue, "institution", 0.8)


def country_words(name: Span, iso3: str) -> Span | None:
    """The words of a name that name its country: "U.S." in "the U.S.
    Congress", "Russian" in "the Russian Foreign Ministry"."""
    for size in (3, 2, 1):
        for i in range(len(name) - size + 1):
            part = name[i : i + size]
            if not part[0].text[:1].isupper() or len(part) == len(name):
                continue
            info = gazetteer.country(part.text) or gazetteer.demonym(part.text)
            if info is not None and info.iso3 == iso3:
                return part
    return None
