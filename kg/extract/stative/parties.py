"""Party affiliation: memberOf(person, party), and which organisations are parties.

- a party word qualifying a person or a role: "Republican Senator X", "a
  Democratic congressman", "Tory MP X"; or describing the person: "X, a
  Republican from Chicago", "X is a Democrat";
- the codes of US news: "Sen. X, R-Utah", "X (D-Calif.)";
- a named party as the organisation of a membership is read by ``positions``
  ("a member of the Labour Party", "a politician of the Agrarian Party").

An organisation is a party (sector "party", CAMEO's PTY) when its name ends in
a party word ("Labour Party", "Bloc Québécois" starts with one), is a listed
party name ("Fine Gael"), or when the article makes a politician, candidate
or nominee a member of it. The words are data: ``kg/lexicon/parties.tsv``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Doc, Token

from kg.extract.stative.arguments import described, is_type, relation
from kg.lexicon import PartyWord, gazetteer, party_words
from kg.models import Relation
from kg.resolve.in_article import EntityTable

CODE = re.compile(r"\s*[,(]\s*([A-Z])\s?-\s?[A-Z]")
POLITICAL_ROLES = {"politician", "candidate", "nominee"}


def party_affiliations(doc: Doc, table: EntityTable, body_start: int) -> Iterator[Relation]:
    for token in doc:
        if token.idx < body_start or not token.text[:1].isupper():
            continue
        word = party_words().get((token.lower_, "member"))
        if word is not None and not table.is_named(token):
            for person in _qualified_persons(table, token):
                party = _party(table, word)
                table.add_nested_mention(party, token.i, token.i + 1)  # "Republican" names it
                yield relation(person, "memberOf", party, token, "party-word", 0.85)
    yield from _codes(doc, table, body_start)


def mark_parties(table: EntityTable, relations: list[Relation]) -> None:
    """Give organisations that are parties the sector "party"."""
    political = {
        r.object
        for r in relations
        if r.predicate == "memberOf" and r.cue and r.cue.text.lower().rstrip("s") in POLITICAL_ROLES
    }
    for entity in table.entities:
        if entity.type == "Organization" and (
            entity.id in political or is_party_name(entity.label)
        ):
            entity.sector = "party"


def is_party_name(label: str) -> bool:
    """Whether an organisation's name is a party's.

    >>> is_party_name("the Labour Party"), is_party_name("Fine Gael"), is_party_name("Acme Corp.")
    (True, True, False)
    """
    words = gazetteer.normalise(label).split()
    if not words:
        return False
    table = party_words()
    return (
        (words[-1], "head") in table
        or (words[0], "head") in table
        or (" ".join(words), "name") in table
    )


def _party(table: EntityTable, word: PartyWord) -> str:
    label = word.label or word.surface.title()
    return table.entity_for(
        f"org:{gazetteer.normalise(label)}",
        "Organization",
        label,
        country=word.country,
        sector="party",
    )


def _qualified_persons(table: EntityTable, token: Token) -> list[str]:
    """The persons a party word qualifies ("Republican Senator X": up the chain
    of modifiers to the name) or describes ("X, a Republican")."""
    head = token
    while head.dep_ in {"amod", "compound"} and head.head.i != head.i:
        head = head.head
        entity = table.entity_at(head)
        if entity is not None and table.is_named(head):
            return [entity] if table[entity].type == "Person" else []
    candidates = described(table, head) if head.pos_ in {"NOUN", "PROPN"} else []
    return [e for e, _ in candidates if is_type(table, e, {"Person"})]


def _codes(doc: Doc, table: EntityTable, body_start: int) -> Iterator[Relation]:
    """ "Sen. Jake Garn, R-Utah", "Bill Nelson (D-Fla.)"."""
    text = doc.text  # built once: Doc.text joins every token on each call
    for entity in list(table.entities):
        if entity.type != "Person":
            continue
        for mention in entity.mentions:
            last = doc[mention.end - 1]
            end = last.idx + len(last.text)
            if last.idx < body_start:
                continue
            match = CODE.match(text, end)
            word = party_words().get((match.group(1).lower(), "code")) if match else None
            if word is not None:
                yield relation(entity.id, "memberOf", _party(table, word), last, "party-code", 0.9)
