"""The participants of an act, read off the dependency parse.

- subjects: the act's subject, or the subject of the clause it hangs on
  ("Guaido proclaimed himself ..., contesting the re-election" -> Guaido;
  "Syria is willing to withdraw" -> Syria), or the object of a demand ("urged
  Russia to leave" -> Russia leaves); a relative clause's subject is its
  antecedent; a passive's agent is its "by" phrase;
- slots: the direct or indirect object, the subject of a that-clause, or the
  object of a preposition (shared by a preposition left without one: "established
  ties with and opened an embassy in Tehran");
- coordination: every conjunct counts ("China, Cuba and Russia"), also
  coordinated modifiers ("Hungarian and Romanian officials": the Romanian ones
  stand for Romania when the entity stage found only "Hungarian officials";
  "U.S. and Russian negotiators");
- the actor of a phrase: the actor it names, or the actor it belongs to when
  it names none ("a top U.S. official" -> United States, "Maduro's
  re-election" -> Maduro, "rebels in the Ivory Coast" -> Ivory Coast, "crimes
  committed by Croat forces" -> Croat forces; "the US-led coalition" -> United
  States, ``leading_participles.tsv``), as event coders code actors by country
  and sector.

>>> import spacy
>>> from spacy.tokens import Doc
>>> doc = Doc(spacy.blank("en").vocab, words=["China", ",", "Cuba", "and", "Iran", "won"],
...           heads=[5, 0, 0, 2, 2, 5], deps=["nsubj", "punct", "conj", "cc", "conj", "ROOT"])
>>> [t.text for t in subjects(doc[5])]
['China', 'Cuba', 'Iran']
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Token

from kg.extract.modality import owed, role_of
from kg.lexicon import gazetteer, leading_participles
from kg.resolve.in_article import ACTOR_TYPES, EntityTable

CLIMB_DEPS = {"xcomp", "advcl", "conj", "acl", "acomp"}
OWNER_DEPS = ("compound", "amod", "nmod", "poss")  # in order: "its EC partners" -> EC
OWNER_PREPOSITIONS = {"of", "by", "from", "in", "throughout", "across"}
PLACE_TYPES = {"City", "Region", "Place", "Country"}


def conjoined(tokens: Iterable[Token]) -> list[Token]:
    """Tokens with every token coordinated with them, and with their coordinated
    modifiers: "China, Cuba and Russia"; "Hungarian and Romanian officials"; "U.S. and
    Russian negotiators" (the parser hangs "U.S." as nmod)."""
    out: list[Token] = []
    for token in tokens:
        for found in (token, *token.conjuncts):
            if found not in out:
                out.append(found)
            for child in found.children:
                if child.dep_ in {"amod", "compound", "nmod"}:
                    out.extend(c for c in child.conjuncts if c not in out)
    return out


def subjects(verb: Token) -> list[Token]:
    """Who does the act ``verb`` names."""
    token = verb
    for _ in range(6):
        found = [c for c in token.children if c.dep_ in {"nsubj", "csubj"}]
        if found:
            return conjoined(found)
        if token.dep_ == "relcl":
            return conjoined([token.head])
        if token.dep_ == "xcomp" and role_of(token.head) == "demand":
            objects = [c for c in token.head.children if c.dep_ in {"dobj", "dative"}]
            if objects:
                return conjoined(objects)  # "urged Russia to leave": Russia leaves
        if token.dep_ == "acl" and token.head.pos_ == "NOUN":
            owner = [c for c in token.head.children if c.dep_ == "poss"] or agents(token.head)
            if owner:
                return conjoined(owner)  # "Turkey's refusal to back Sweden": Turkey
            if token.head.dep_ != "dobj":
                return []
            token = token.head.head  # "issued a declaration demanding ...": the issuer
            continue
        if token.dep_ not in CLIMB_DEPS or token.head.i == token.i:
            return []
        token = token.head
    return []


def agents(verb: Token) -> list[Token]:
    """The "by" phrase of a passive."""
    return conjoined(
        p for a in verb.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"
    )


def is_passive(verb: Token) -> bool:
    return any(c.dep_ in {"nsubjpass", "auxpass"} for c in verb.children) or (
        verb.dep_ in {"acl", "amod"} and verb.tag_ == "VBN"
    )


def slot(head: Token, name: str) -> list[Token]:
    """The tokens filling one slot of ``head`` (see ``interaction_cues.tsv``)."""
    if name == "dobj":
        found = [c for c in head.children if c.dep_ in {"dobj", "dative"} and c.pos_ != "ADP"]
        return found or _up_to(head)
    if name == "dative":
        return [c for c in head.children if c.dep_ == "dative" and c.pos_ != "ADP"]
    if name == "nsubjpass":
        return [c for c in head.children if c.dep_ == "nsubjpass"]
    if name == "xsubj":  # "allowed Ouattara to run": the subject of the clause allowed
        return [
            s
            for c in head.children
            if c.dep_ in {"ccomp", "xcomp"}
            for s in c.children
            if s.dep_ == "nsubj"
        ]
    if name == "ccomp":  # "demanded that X ...", "its demand that X ...": what X is to do
        return [
            s
            for c in head.children
            if (c.dep_ == "ccomp" or (c.dep_ == "acl" and _opens_with_that(c))) and owed(c)
            for s in c.children
            if s.dep_ in {"nsubj", "nsubjpass"}
        ]
    return [
        p
        for prep in head.children
        if prep.dep_ in {"prep", "dative", "agent"} and prep.lower_ == name
        for p in [c for c in prep.children if c.dep_ == "pobj"] or _shared_object(prep)
    ]


def _shared_object(prep: Token) -> list[Token]:
    """The object a preposition left without one before "and" shares with the next
    conjunct: "established ties with and opened an embassy in Tehran" -> Tehran; "sold
    arms to and trained the rebels" -> the rebels."""
    doc = prep.doc
    if prep.i + 1 >= len(doc) or doc[prep.i + 1].dep_ != "cc":
        return []
    conjunct = next((c for c in doc[prep.i + 1].head.conjuncts if c.i > prep.i), None)
    if conjunct is None:
        return []
    objects = [t for t in conjunct.subtree if t.dep_ in {"pobj", "dobj"}]
    return objects[-1:]


def _up_to(verb: Token) -> list[Token]:
    """The object of "kidnapped up to 16 advisers", which the parser hangs on "up to"."""
    return [
        p
        for up in verb.children
        if up.dep_ == "prt" and up.lower_ == "up"
        for to in up.children
        if to.lower_ == "to"
        for p in to.children
        if p.dep_ == "pobj"
    ]


def _opens_with_that(clause: Token) -> bool:
    return any(m.dep_ == "mark" and m.lower_ == "that" for m in clause.children)


def slots(head: Token, names: Iterable[str]) -> list[Token]:
    return conjoined(t for name in names for t in slot(head, name))


class Actors:
    """Which actor (or, where allowed, place) a phrase denotes, in one article."""

    def __init__(self, table: EntityTable) -> None:
        self.table = table

    def of(self, token: Token, places: bool = False, depth: int = 3) -> tuple[str, bool] | None:
        """(entity id, whether it is the owner rather than the phrase itself), or None."""
        found = self.named(token, places)
        country = _coordinated_demonym(token)
        if country is not None and (found is None or self.table[found].country != country):
            # "Hungarian and Romanian officials": Romania's, not the Hungarian ones the
            # phrase was read as
            return self.table.country_entity(country), True
        if found is not None:
            return found, False
        if depth == 0 or token.pos_ not in {"NOUN", "PROPN", "X"}:
            return None
        for owner in owners(token):
            owned = self.of(owner, places, depth - 1)
            if owned is not None:
                return owned[0], True
        return None

    def named(self, token: Token, places: bool = False) -> str | None:
        actor = self.table.actor_at(token)
        if actor is not None:
            return actor
        entity = self.table.entity_at(token)
        if entity is not None and places and self.table[entity].type in PLACE_TYPES:
            return entity
        return None

    def is_actor(self, entity_id: str) -> bool:
        return self.table[entity_id].type in ACTOR_TYPES


def _coordinated_demonym(token: Token) -> str | None:
    """The country (ISO3) of a demonym coordinated with the modifier of a noun, which the
    noun's actor has for one country only: "Romanian" in "Hungarian and Romanian
    officials", "Russian" in "U.S. and Russian negotiators"."""
    if token.dep_ != "conj" or token.head.dep_ not in {"amod", "compound", "nmod"}:
        return None
    info = gazetteer.demonym(token.text) or gazetteer.country(token.text)
    return info.iso3 if info is not None else None


def _leader(modifier: Token) -> list[Token]:
    """Who leads a group qualified by "X-led" ("the US-led coalition" -> US;
    ``leading_participles.tsv``); empty for any other modifier."""
    if modifier.dep_ != "amod" or modifier.lemma_.lower() not in leading_participles():
        return []
    return [
        c
        for c in modifier.children
        if c.dep_ in {"npadvmod", "compound", "nmod", "amod"} and c.i < modifier.i
    ]


def owners(token: Token) -> list[Token]:
    """The phrases a noun belongs to: possessor, modifiers, of/by/from/in phrases; the
    parts of a hyphenated noun ("re - election of Maduro") count as one."""
    parts = [token]
    doc = token.doc
    if token.i + 2 < len(doc) and doc[token.i + 1].text == "-":
        parts += [doc[token.i + 1], doc[token.i + 2]]
    found: list[Token] = []
    for part in parts:
        modifiers = [c for c in part.children if c.dep_ in OWNER_DEPS]
        for modifier in sorted(modifiers, key=lambda c: OWNER_DEPS.index(c.dep_)):
            found.extend(_leader(modifier) or [modifier])
        for child in part.children:
            if child.dep_ == "prep" and child.lower_ in OWNER_PREPOSITIONS:
                found.extend(p for p in child.children if p.dep_ == "pobj")
            elif child.dep_ == "acl":  # "crimes committed by Croat forces"
                found.extend(agents(child))
    return found
