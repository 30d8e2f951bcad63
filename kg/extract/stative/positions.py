"""Positions and membership: who holds which role in which organisation or country.

Read from the shapes that news and biographies use to introduce people:

- a title before the name: "Russian Foreign Minister Sergey Lavrov",
  "Chevron spokesman Jon Lifa", "Apple's CEO Tim Cook";
- a role noun that describes the person, in an apposition either way ("X,
  the chief executive of Y", "the leader of the country's opposition, X", "X,
  an ecologist at Cornell"), after a copula or a naming verb ("X is chairman
  of Y", "X became CEO of Y", "X was named president of Y", "X, who is ..."),
  or after "as" ("X serves as chairman of Y", "X retired as CEO of Y"); the
  organisation is the role noun's of/for/at/with phrase, its possessor ("Y's
  president", "its CEO") or the name before it ("the Y spokesman");
- a name with an organisation: "Dr. X of the Y Institute", "X at Y",
  "Harvard's X";
- self-designations: "proclaimed himself interim president" (a role that later
  descriptions refer to: "the self-proclaimed interim president").

Titles come from ``kg/lexicon/roles.tsv``, which also says whether holding
one is a position (holdsPosition, with the role) or membership (memberOf: a
member, an employee, a politician of a party). A person noun that is not a
listed title still relates a person to an organisation in an apposition,
a copula or after "as", unless ``non_affiliations.tsv`` lists it ("a
graduate of", "a critic of"). A country is an affiliation only for public
offices ("Venezuelan President X", not "American actor X"). Every role found
is recorded on the person (``EntityDraft.roles``, with the sector and gender
the title implies) for description and pronoun resolution.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Token

from kg.extract.stative.arguments import (
    COPULAS,
    agent_subjects,
    conjuncts,
    described,
    is_type,
    misparsed_apposition,
    organisations_through,
    prepositional_objects,
    referent,
    relation,
    subjects,
)
from kg.extract.stative.verbs import second_arguments
from kg.lexicon import Role, non_affiliations, roles, stative_verbs
from kg.models import Relation
from kg.resolve.in_article import EntityTable

PUBLIC_SECTORS = {
    None,  # "leader", "head", "chief": "the Russian leader"
    "government",
    "diplomacy",
    "military",
    "legislature",
    "judiciary",
    "opposition",
    "international",
}
DESIGNATION_VERBS = {"proclaim", "declare", "name", "appoint", "elect", "nominate", "crown"}
NAME_PREPOSITIONS = ("of", "at", "from")
# prior confidence by how the role noun finds its holder (measured on the
# training splits: copulas are the surest, appositions the most often misparsed)
HOW_CONFIDENCE = {"copula": 0.85, "as": 0.8, "apposition": 0.8}
AFFILIATES = {"Organization", "Group"}
TITLE_POS = {"PROPN", "NOUN", "ADJ"}
POSSESSIVES = {"its", "their", "his", "her"}


def positions(doc: Doc, table: EntityTable, body_start: int) -> Iterator[Relation]:
    """holdsPosition and memberOf relations of persons, in text order of the rules."""
    yield from title_positions(doc, table, body_start)
    yield from noun_positions(doc, table, body_start)
    yield from name_affiliations(doc, table, body_start)


def note_roles(doc: Doc, table: EntityTable, body_start: int) -> None:
    """Record the roles that titles, appositions and self-designations give
    persons, before pronouns are resolved (they need gender and roles)."""
    for _ in positions(doc, table, body_start):
        pass
    _self_designations(doc, table, body_start)


# --- roles -----------------------------------------------------------------


def longest_role(tokens: list[Token]) -> tuple[int, Role] | None:
    """(index where the role starts, role) for the longest listed title at the
    end of ``tokens`` ("Foreign Minister" in "Russian Foreign Minister",
    "Secretary-General", "Lt.")."""
    table = roles()
    for k in range(len(tokens)):
        if tokens[k].is_punct:
            continue
        phrase = "".join(t.text_with_ws for t in tokens[k:]).strip().lower()
        role = table.get(phrase) or table.get(" ".join(phrase.split()))
        if role is not None:
            return k, role
    return None


def _note_role(
    table: EntityTable, person: str, role: Role, affiliation: str | None, qualifier: str = ""
) -> None:
    draft = table[person]
    label = qualified_role(qualifier, role.role).lower()
    if label not in draft.roles:
        draft.roles.append(label)
    draft.sector = draft.sector or role.sector
    draft.gender = draft.gender or role.gender
    if affiliation is not None and draft.country is None:
        draft.country = table[affiliation].country


def qualified_role(qualifier: str, role: str) -> str:
    """A role named with the group it is held in, unless its name says so
    already ("leader" of the opposition, "opposition leader" of it).

    >>> qualified_role("opposition", "leader")
    'opposition leader'
    >>> qualified_role("opposition", "Opposition Leader")
    'Opposition Leader'
    >>> qualified_role("", "spokesman")
    'spokesman'
    """
    if set(qualifier.lower().split()) <= set(role.lower().split()):
        return role
    return f"{qualifier} {role}"


def _holding(
    table: EntityTable,
    person: str,
    role: Role,
    affiliation: str,
    cue: Token,
    rule: str,
    confidence: float,
) -> Iterator[Relation]:
    """The relations that holding ``role`` in ``affiliation`` amounts to."""
    group = table[affiliation]
    if group.type == "Group" and group.country:
        # "leader of the country's opposition": the country's "opposition leader"
        qualifier = group.label.split(" ", 1)[-1]
        country = table.country_entity(group.country)
        _note_role(table, person, role, country, qualifier)
        yield relation(
            person,
            "holdsPosition",
            country,
            cue,
            rule,
            confidence - 0.05,
            qualified_role(qualifier, role.role),
        )
        yield relation(person, "memberOf", affiliation, cue, rule, confidence - 0.1)
        return
    _note_role(table, person, role, affiliation)
    if role.predicate == "memberOf":
        yield relation(person, "memberOf", affiliation, cue, rule, confidence)
    else:
        yield relation(person, "holdsPosition", affiliation, cue, rule, confidence, role.role)


def _allowed(table: EntityTable, role: Role, listed: bool, affiliation: str | None) -> bool:
    if affiliation is None:
        return False
    if table[affiliation].type in AFFILIATES:
        return True
    public = listed and role.sector in PUBLIC_SECTORS and role.predicate == "holdsPosition"
    return public and table[affiliation].type == "Country"


# --- titles before a name ----------------------------------------------------


def title_positions(doc: Doc, table: EntityTable, body_start: int) -> Iterator[Relation]:
    """ "Russian Foreign Minister Sergey Lavrov", "Chevron spokesman Jon Lifa"."""
    for entity in list(table.entities):
        if entity.type != "Person":
            continue
        for mention in entity.mentions:
            if doc[mention.start].idx < body_start:
                continue
            title = title_tokens(doc, table, mention.start)
            found = _title_role(title)
            if found is None:
                continue
            k, role, listed = found
            found_affiliations = _title_affiliations(table, title[:k])
            if not found_affiliations and title and title[0].i > 0:
                before = doc[title[0].i - 1]
                if before.lower_ in POSSESSIVES:  # "its CEO Tim Cook"
                    found_affiliations = [referent(table, before)]
            if not found_affiliations and listed:  # "It is led by CEO Jane Roe"
                found_affiliations = agent_subjects(table, doc[mention.head])
            if listed:
                _note_role(table, entity.id, role, None)
            confidence = 0.9 if listed else 0.75
            for affiliation in found_affiliations:
                if _allowed(table, role, listed, affiliation):
                    yield from _holding(
                        table, entity.id, role, affiliation, title[k], "title", confidence
                    )


def title_tokens(doc: Doc, table: EntityTable, start: int) -> list[Token]:
    """The title words right before a name: capitalised words, demonyms, role
    words, common nouns compounded with the name, "of" and "'s" inside them
    ("US Secretary of State", "Russia's Foreign Minister", "KAL attorney"),
    up to a verb, a determiner, a date or punctuation."""
    tokens: list[Token] = []
    i = start - 1
    sent_start = doc[start].sent.start
    while i >= sent_start:
        token = doc[i]
        joiner = token.lower_ == "of" or token.tag_ == "POS"
        if joiner and tokens and i > sent_start and doc[i - 1].pos_ in TITLE_POS:
            tokens.insert(0, token)
            i -= 1
            continue
        if token.text == ")" and tokens:  # "PAN (National Action Party) candidate X"
            before = range(i - 1, sent_start - 1, -1)
            opening = next((j for j in before if doc[j].text == "("), None)
            if opening is not None and i - opening <= 8 and opening > sent_start:
                tokens[:0] = list(doc[opening : i + 1])
                i = opening - 1
                continue
        coordinated = token.lower_ in {"and", "&", ","} and tokens and i > sent_start
        if coordinated and doc[i - 1].lower_ in roles():  # "Chairman and CEO X"
            tokens.insert(0, token)
            i -= 1
            continue
        hyphen = token.tag_ == "HYPH" and tokens and not token.whitespace_
        if hyphen and i > sent_start and doc[i - 1].pos_ in TITLE_POS:
            tokens.insert(0, token)  # "Secretary-General"
            i -= 1
            continue
        if token.pos_ not in TITLE_POS or token.ent_type_ in {"DATE", "TIME", "CARDINAL"}:
            break
        compounded = token.dep_ == "compound" and token.head.i > token.i
        if not (token.text[:1].isupper() or token.lower_ in roles() or compounded):
            break
        other = table.entity_at(token)
        if other is not None and table[other].type == "Person":
            break
        tokens.insert(0, token)
        i -= 1
    return tokens


def _title_role(title: list[Token]) -> tuple[int, Role, bool] | None:
    """(start, role, listed) of the role in a title: the longest listed title
    at its end, else its last common noun ("KAL attorney", "ITAR-TASS correspondent")."""
    found = longest_role(title)
    if found is not None:
        return found[0], found[1], True
    if title and title[-1].pos_ == "NOUN" and title[-1].lemma_.lower() not in non_affiliations():
        noun = title[-1]
        return len(title) - 1, Role(noun.lower_, noun.lemma_.lower(), None, None), False
    return None


def _title_affiliations(table: EntityTable, tokens: list[Token]) -> list[str]:
    """The organisations (preferred; a name and its abbreviation in brackets
    are both kept) or else the country named by the words before a role."""
    if not tokens:
        return []
    found = table.mentions_in(tokens[0].i, tokens[-1].i + 1)
    actors = [table[e] for e in found if table[e].type in {"Organization", "Country", "Group"}]
    orgs = [a.id for a in actors if a.type == "Organization"]
    return orgs or [a.id for a in actors[-1:]]


# --- role nouns: appositions, copulas, "as" -----------------------------------


def noun_positions(doc: Doc, table: EntityTable, body_start: int) -> Iterator[Relation]:
    """ "X, the CEO of Y", "X is a member of Y", "X serves as chairman of Y"."""
    for noun in doc:
        if noun.idx < body_start or noun.pos_ not in {"NOUN", "PROPN"} or table.is_named(noun):
            continue
        found = known_role(noun)
        if found is None:
            continue
        role, listed = found
        holders = [
            (person, how)
            for person, how in described(table, noun)
            if table[person].type == "Person"
        ]
        if not holders:
            continue
        found_affiliations = affiliations(table, noun, role.prepositions, shared=listed)
        if not found_affiliations and listed:  # "It was founded by its CEO, X"
            found_affiliations = agent_subjects(table, noun)
        if not found_affiliations and listed and (named := _apposed_to(table, noun)) is not None:
            found_affiliations = agent_subjects(table, named)  # "led by X, its president"
        for affiliation in found_affiliations:
            if not _allowed(table, role, listed, affiliation):
                continue
            for person, how in holders:
                confidence = HOW_CONFIDENCE[how] - (0.0 if listed else 0.15)
                yield from _holding(table, person, role, affiliation, noun, how, confidence)


def known_role(noun: Token) -> tuple[Role, bool] | None:
    """``role_of``, read once per token of a doc: ``note_roles`` asks before
    pronouns are resolved and ``positions`` again after, and a noun's role
    depends on the parse alone."""
    known = noun.doc.user_data.setdefault("roles", {})
    if noun.i not in known:
        known[noun.i] = role_of(noun)
    return known[noun.i]


def role_of(noun: Token) -> tuple[Role, bool] | None:
    """(role, listed) of a person noun with its modifiers: "chief executive
    officer", "plant physiologist"; None for nouns that are no role."""
    start = min([noun.i, *(c.i for c in noun.lefts if c.dep_ in {"amod", "compound"})])
    found = longest_role(list(noun.doc[start : noun.i + 1]))
    lemma = noun.lemma_.lower()
    if found is None and lemma in roles():  # plural: "members", "founders"
        return roles()[lemma], True
    if found is not None:
        return found[1], True
    if noun.pos_ != "NOUN" or lemma in non_affiliations() or not noun.text.islower():
        return None
    return Role(lemma, lemma, None, None), False


def affiliations(
    table: EntityTable, noun: Token, prepositions: tuple[str, ...], shared: bool = True
) -> list[str]:
    """The organisations, groups or countries a role noun names: its preposition
    phrases (through "the board of Y"), its possessor, a name or demonym
    before it; a coordinated role noun without its own shares its conjuncts'
    ("chairman and chief executive of Y") when ``shared``. A noun that is no
    listed title (``shared`` False) takes its organisation from a preposition
    or a possessor only: "a Physical Theatre artist" names a genre."""
    own = _affiliations_of(table, noun, prepositions, modifiers=shared)
    own = own or _joined_as(table, noun)
    if own or not shared:
        return own
    found: list[str] = []
    for other in title_list(noun):
        if other.i != noun.i:
            found += _affiliations_of(table, other, prepositions)
    first = noun
    while first.dep_ == "conj":
        first = first.head
    if not found and first.dep_ == "appos":  # "a businessman, chairman and CEO of Y"
        found += [
            e
            for pobj in prepositional_objects(first.head, prepositions)
            if pobj.i > noun.i
            for e in organisations_through(table, pobj)
        ]
    return list(dict.fromkeys(e for e in found if is_type(table, e, AFFILIATES | {"Country"})))


def title_list(noun: Token) -> list[Token]:
    """The words listed together with a role noun, in text order: its
    conjuncts, and listed titles the parser set in apposition in a list ("the
    President, CEO, and Managing Director of Y": "CEO" is in apposition to
    "President", "Director" coordinated with "CEO"). Only two listed titles
    make an apposition part of the list, so "X, chairman of A, and Y, CEO of
    B" stays two lists."""
    found = {noun.i: noun}
    todo = [noun]
    while todo:
        token = todo.pop()
        linked = [c for c in token.children if c.dep_ in {"conj", "appos"}]
        if token.dep_ in {"conj", "appos"}:
            linked.append(token.head)
        for other in linked:
            if other.i in found:
                continue
            apposed = other.dep_ == "appos" or (token.dep_ == "appos" and other.i == token.head.i)
            if apposed and not (_listed_title(token) and _listed_title(other)):
                continue
            found[other.i] = other
            todo.append(other)
    return sorted(found.values(), key=lambda t: t.i)


def _listed_title(token: Token) -> bool:
    found = known_role(token) if token.pos_ in {"NOUN", "PROPN"} else None
    return found is not None and found[1]


def _joined_as(table: EntityTable, noun: Token) -> list[str]:
    """ "X joined Y as CEO", "X was employed by Y as an engineer": the role
    after "as" is held where a verb of membership (``stative_verbs.tsv``)
    places its holder; "Y hired X as CEO", "the board of Y appointed X as
    CEO", "Y named X chief executive": a verb whose subject is the
    organisation (an inverse entry) gives the role in its subject."""
    if noun.dep_ == "pobj" and noun.head.lower_ == "as":
        verb = noun.head.head
    elif noun.dep_ == "oprd":
        verb = noun.head
    else:
        return []
    if verb.pos_ not in {"VERB", "AUX"}:
        return []
    found: list[str] = []
    for entry in stative_verbs().get(verb.lemma_.lower(), ()):
        if entry.predicate not in {"memberOf", "holdsPosition"}:
            continue
        if not entry.inverse:
            found += second_arguments(table, verb, entry)
        elif not any(c.dep_ == "nsubjpass" for c in verb.children):
            found += [e for s in subjects(verb) for e in organisations_through(table, s)]
    return list(dict.fromkeys(e for e in found if is_type(table, e, AFFILIATES)))


def _apposed_to(table: EntityTable, noun: Token) -> Token | None:
    """The name a role noun (or the first of coordinated ones) is in apposition to."""
    named = misparsed_apposition(table, noun)
    if named is not None:
        return named
    while noun.dep_ == "conj":
        noun = noun.head
    return noun.head if noun.dep_ == "appos" else None


def _affiliations_of(
    table: EntityTable, noun: Token, prepositions: tuple[str, ...], modifiers: bool = True
) -> list[str]:
    found: list[str] = []
    for pobj in prepositional_objects(noun, prepositions):
        found += _owners(table, pobj, organisations_through(table, pobj))
    for pobj in _verb_phrase_after(noun, prepositions):
        found += _owners(table, pobj, organisations_through(table, pobj))
    if found:  # "professor at A, B and C": the parser hangs B and C on "professor"
        found += [
            e
            for c in conjuncts(noun)
            if c.i > noun.i
            and table.is_named(c)
            and is_type(table, e := referent(table, c), AFFILIATES)
        ]
    for child in noun.children:
        if child.dep_ == "poss" or (
            modifiers and child.dep_ in {"compound", "amod", "nmod"} and child.i < noun.i
        ):
            entity = referent(table, child)
            if entity is not None:
                found.append(entity)
    return list(dict.fromkeys(e for e in found if is_type(table, e, AFFILIATES | {"Country"})))


def _owners(table: EntityTable, pobj: Token, found: list[str]) -> list[str]:
    """The organisation whose body a named one is: "a member of the Board of
    Directors of Y", "chairman of the Supervisory Board of Y" hold their seat
    in Y. The name of the body ends right before "of" and Y's name."""
    doc = pobj.doc
    named = table.entity_at(pobj)
    if named not in found:
        return found
    end = pobj.i
    while end + 1 < len(doc) and table.entity_at(doc[end + 1]) == named:
        end += 1
    k = end + 2 + (end + 2 < len(doc) and doc[end + 2].lower_ == "the")
    if k >= len(doc) or doc[end + 1].lower_ != "of":
        return found
    owner = table.entity_at(doc[k])
    if owner == named or not is_type(table, owner, {"Organization"}):
        return found
    return [owner if e == named else e for e in found]


def _verb_phrase_after(noun: Token, prepositions: tuple[str, ...]) -> Iterator[Token]:
    """ "X was a zoologist at Y": the parser often hangs "at Y" on the copula; a
    phrase right after the role noun, or opening the clause ("At Y, X was
    chief engineer"), still names where the role is held; so does the
    antecedent of "where" ("Y, where she was project manager")."""
    verb = noun.head
    if noun.dep_ not in {"attr", "oprd"} or verb.lemma_ not in COPULAS:
        return
    for child in verb.children:
        right_after = child.i == noun.right_edge.i + 1
        opening = child.i < min(s.i for s in subjects(verb)) if subjects(verb) else False
        if child.dep_ == "prep" and (right_after or opening) and child.lower_ in prepositions:
            pobjs = [c for c in child.children if c.dep_ == "pobj"]
            yield from (p for c in pobjs for p in conjuncts(c) if p.pos_ == "PROPN")
    if verb.dep_ == "relcl" and any(c.lower_ == "where" for c in verb.children):
        yield verb.head


# --- names with an organisation ----------------------------------------------


def name_affiliations(doc: Doc, table: EntityTable, body_start: int) -> Iterator[Relation]:
    """ "Dr. X of the Y Institute", "X at Y", "Harvard's X": memberOf."""
    for entity in list(table.entities):
        if entity.type != "Person":
            continue
        for mention in entity.mentions:
            head = doc[mention.head]
            if head.idx < body_start or not mention.is_name:
                continue
            for pobj in _name_prepositional_objects(head):
                for org in organisations_through(table, pobj)[:1]:  # "X of the Rollei company"
                    if is_type(table, org, AFFILIATES):
                        yield relation(entity.id, "memberOf", org, pobj, "name-of", 0.7)
            for child in head.children:
                org = referent(table, child) if child.dep_ == "poss" else None
                if is_type(table, org, {"Organization"}):
                    yield relation(entity.id, "memberOf", org, child, "name-possessive", 0.7)


def _name_prepositional_objects(name: Token) -> list[Token]:
    """The of/at/from objects of a name; "A and B of C": the parser hangs "of C"
    on A, and it holds for both."""
    first = name
    while first.dep_ == "conj":
        first = first.head
    found = list(prepositional_objects(name, NAME_PREPOSITIONS))
    if first is not name:
        found += [p for p in prepositional_objects(first, NAME_PREPOSITIONS) if p.i > name.i]
    return found


# --- self-designations ---------------------------------------------------------


def _self_designations(doc: Doc, table: EntityTable, body_start: int) -> None:
    """ "Guaido proclaimed himself interim president": the role is noted on the
    person, so that "the self-proclaimed interim president" finds him."""
    for token in doc:
        if token.idx < body_start or token.lemma_.lower() not in DESIGNATION_VERBS:
            continue
        holders = [referent(table, s) for s in subjects(token)]
        person = next((h for h in holders if is_type(table, h, {"Person"})), None)
        if person is None:
            continue
        for child in token.children:
            if child.dep_ in {"dobj", "oprd", "attr", "xcomp"} and child.pos_ == "NOUN":
                start = min(
                    [child.i, *(c.i for c in child.children if c.dep_ in {"amod", "compound"})]
                )
                words = list(doc[start : child.i + 1])
                found = longest_role(words)
                if found is not None:
                    qualifier = " ".join(t.lower_ for t in words[: found[0]])
                    _note_role(table, person, found[1], None, qualifier)
