"""Stative relations: who holds which position, what is part of or located in what.

Read from the shapes that news uses to introduce people and places:

- titles before a name: "Russian Foreign Minister Sergey Lavrov",
  "Russian Foreign Ministry spokeswoman Maria Zakharova";
- appositions: "the leader of the country's opposition, Juan Guaido",
  "Sergey Lavrov, Russia's foreign minister";
- self-designations: "proclaimed himself interim president" (a role that later
  descriptions refer to: "the self-proclaimed interim president");
- country-qualified institutions: "the Russian Foreign Ministry" is part of
  Russia, "Russian servicemen" are members of Russia's military;
- "the Venezuelan capital of Caracas", "Caracas, Venezuela": located in.

Every role found is also recorded on the person (``EntityDraft.roles``, with
the sector and gender the title implies), for later description and pronoun
resolution.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Token

from kg.extract.evidence import sentence_of
from kg.lexicon import Role, roles
from kg.models import Relation
from kg.resolve.in_article import EntityTable

VERSION = "1"
PLACE_NOUNS = {
    "capital",
    "city",
    "town",
    "port",
    "village",
    "province",
    "region",
    "state",
    "district",
    "island",
    "enclave",
}
DESIGNATION_VERBS = {
    "proclaim",
    "declare",
    "name",
    "appoint",
    "elect",
    "nominate",
    "crown",
    "install",
    "swear",
}
TITLE_POS = {"PROPN", "NOUN", "ADJ"}


def stative_relations(doc: Doc, table: EntityTable, body_start: int = 0) -> Iterator[Relation]:
    """Positions, membership, part-of and location relations of the article."""
    yield from _title_positions(doc, table, body_start)
    yield from _appositive_positions(doc, table, body_start)
    _self_designations(doc, table, body_start)
    yield from _institution_parts(table)
    yield from _locations(doc, table, body_start)


def _relation(
    subject: str,
    predicate: str,
    obj: str,
    token: Token,
    rule: str,
    confidence: float,
    role: str | None = None,
) -> Relation:
    return Relation(
        subject=subject,
        predicate=predicate,
        object=obj,
        evidence=sentence_of(token),
        confidence=confidence,
        rule=f"stative.{rule}/{VERSION}",
        role=role,
    )


def _longest_role(words: list[str]) -> tuple[int, Role] | None:
    """(index where the role starts, role) for the longest title suffix."""
    table = roles()
    for k in range(len(words)):
        role = table.get(" ".join(words[k:]))
        if role is not None:
            return k, role
    return None


def _note_role(
    table: EntityTable,
    person: str,
    role: Role,
    affiliation: str | None,
    qualifier: str | None = None,
) -> None:
    draft = table[person]
    label = f"{qualifier} {role.role}" if qualifier else role.role
    draft.roles.append(label.lower())
    draft.sector = draft.sector or role.sector
    draft.gender = draft.gender or role.gender
    if affiliation is not None and draft.country is None:
        draft.country = table[affiliation].country


def _title_positions(doc: Doc, table: EntityTable, body_start: int) -> Iterator[Relation]:
    for entity in list(table.entities):
        if entity.type != "Person":
            continue
        for mention in entity.mentions:
            if doc[mention.start].idx < body_start:
                continue
            title = _title_tokens(doc, table, mention.start, mention.end)
            found = _longest_role([t.lower_ for t in title])
            if found is None:
                continue
            k, role = found
            affiliation = _affiliation(table, title[:k])
            _note_role(table, entity.id, role, affiliation)
            if affiliation is not None:
                yield _relation(
                    entity.id,
                    "holdsPosition",
                    affiliation,
                    doc[mention.start],
                    "title",
                    0.9,
                    role.role,
                )


def _title_tokens(doc: Doc, table: EntityTable, start: int, end: int) -> list[Token]:
    """The title words right before a name: capitalised words, demonyms, role
    words, "of" and "'s" inside them ("US Secretary of State", "Russia's
    Foreign Minister"), up to a verb, a determiner, a date or punctuation."""
    tokens: list[Token] = []
    i = start - 1
    sent_start = doc[start].sent.start
    while i >= sent_start:
        token = doc[i]
        joiner = token.lower_ == "of" or token.tag_ == "POS"
        if joiner and tokens and i > sent_start and doc[i - 1].pos_ in TITLE_POS | {"PROPN"}:
            tokens.insert(0, token)
            i -= 1
            continue
        if token.pos_ not in TITLE_POS or token.ent_type_ in {"DATE", "TIME", "CARDINAL"}:
            break
        if token.pos_ != "PROPN" and not token.text[:1].isupper() and token.lower_ not in roles():
            break
        other = table.entity_at(token)
        if other is not None and table[other].type == "Person":
            break
        tokens.insert(0, token)
        i -= 1
    return tokens


def _affiliation(table: EntityTable, tokens: list[Token]) -> str | None:
    """The organisation (preferred) or country named by the words before a role."""
    if not tokens:
        return None
    found = table.mentions_in(tokens[0].i, tokens[-1].i + 1)
    actors = [table[e] for e in found if table[e].type in {"Organization", "Country", "Group"}]
    orgs = [a for a in actors if a.type == "Organization"]
    if orgs:
        return orgs[-1].id
    return actors[-1].id if actors else None


def _appositive_positions(doc: Doc, table: EntityTable, body_start: int) -> Iterator[Relation]:
    for token in doc:
        if token.idx < body_start or token.dep_ != "appos":
            continue
        pairs = [(token, _role_head(token.head)), (token.head, token)]
        for name, title in pairs:
            person = table.entity_at(name)
            if person is None or table[person].type != "Person" or title.pos_ != "NOUN":
                continue
            yield from _position_from_noun(doc, table, person, title, "apposition")


def _role_head(noun: Token) -> Token:
    """ "the leader of the opposition, X": X hangs on "opposition"; the role
    noun is "leader", two steps up."""
    if noun.lemma_.lower() not in roles() and noun.dep_ == "pobj" and noun.head.lower_ == "of":
        head = noun.head.head
        if head.pos_ == "NOUN" and head.lemma_.lower() in roles():
            return head
    return noun


def _position_from_noun(
    doc: Doc, table: EntityTable, person: str, noun: Token, rule: str
) -> Iterator[Relation]:
    """A role noun with its modifiers and "of" phrase: "the leader of the
    country's opposition", "Russia's foreign minister", "the Russian envoy"."""
    modifiers = [c for c in noun.children if c.dep_ in {"amod", "compound"} and c.i < noun.i]
    words = [t.lower_ for t in modifiers] + [noun.lower_]
    found = _longest_role(words)
    if found is None:
        return
    k, role = found
    affiliation = _affiliation(table, modifiers[:k])
    for child in noun.children:
        if child.dep_ == "poss":
            affiliation = table.actor_at(child) or affiliation
        if child.dep_ == "prep" and child.lower_ in {"of", "at", "for"}:
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    affiliation = table.actor_at(pobj) or affiliation
    if affiliation is None:
        _note_role(table, person, role, None)
        return
    group = table[affiliation]
    if group.type == "Group" and group.country:
        # "leader of the opposition" of a country: the country's "opposition leader"
        qualifier = group.label.split(" ", 1)[-1]
        country = table.country_entity(group.country)
        _note_role(table, person, role, country, qualifier)
        yield _relation(
            person, "holdsPosition", country, noun, rule, 0.8, f"{qualifier} {role.role}"
        )
        yield _relation(person, "memberOf", affiliation, noun, rule, 0.75)
        return
    _note_role(table, person, role, affiliation)
    yield _relation(person, "holdsPosition", affiliation, noun, rule, 0.85, role.role)


def _self_designations(doc: Doc, table: EntityTable, body_start: int) -> None:
    """ "Guaido proclaimed himself interim president": the role is noted on the
    person, so that "the self-proclaimed interim president" finds him."""
    for token in doc:
        if token.idx < body_start or token.lemma_.lower() not in DESIGNATION_VERBS:
            continue
        subject = _subject(table, token)
        if subject is None or table[subject].type != "Person":
            continue
        for child in token.children:
            if child.dep_ in {"dobj", "oprd", "attr", "xcomp"} and child.pos_ == "NOUN":
                words = [
                    c.lower_
                    for c in child.children
                    if c.dep_ in {"amod", "compound"} and c.i < child.i
                ] + [child.lower_]
                found = _longest_role(words)
                if found is not None:
                    role = found[1]
                    qualifier = " ".join(words[: found[0]]) or None
                    _note_role(table, subject, role, None, qualifier)


def _subject(table: EntityTable, verb: Token) -> str | None:
    for child in verb.children:
        if child.dep_ in {"nsubj", "nsubjpass"}:
            return table.actor_at(child)
    if verb.dep_ == "relcl":
        return table.actor_at(verb.head)
    return None


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
        yield _relation(entity.id, "partOf", country, table.doc[mention.head], "institution", 0.8)


def _locations(doc: Doc, table: EntityTable, body_start: int) -> Iterator[Relation]:
    for token in doc:
        if token.idx < body_start:
            continue
        if token.lemma_.lower() in PLACE_NOUNS:
            yield from _place_of(table, token)
        place = table.entity_at(token)
        if place is None or table[place].type not in {"City", "Region", "Place"}:
            continue
        after = token.i + 1
        if (
            after + 1 < len(doc)
            and doc[after].text == ","
            and token.i + 1 == _mention_end(table, token)
        ):
            country = table.entity_at(doc[after + 1])
            if country is not None and country != place and table[country].type == "Country":
                yield _relation(place, "locatedIn", country, token, "place-comma-country", 0.85)


def _mention_end(table: EntityTable, token: Token) -> int:
    entity_id = table.entity_at(token)
    for mention in table[entity_id].mentions if entity_id else ():
        if mention.start <= token.i < mention.end:
            return mention.end
    return token.i + 1


def _place_of(table: EntityTable, noun: Token) -> Iterator[Relation]:
    """ "the Venezuelan capital of Caracas": Caracas is located in Venezuela."""
    country = None
    for child in noun.children:
        if child.dep_ in {"amod", "compound", "poss"}:
            found = table.entity_at(child)
            if found is not None and table[found].type == "Country":
                country = found
    if country is None:
        return
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for pobj in prep.children:
                place = table.entity_at(pobj) if pobj.dep_ == "pobj" else None
                if place is not None and table[place].type in {"City", "Region", "Place"}:
                    yield _relation(place, "locatedIn", country, noun, "place-of-country", 0.9)
