"""Verbs of lasting relations: "X heads Y", "X works for Y", "X joined Y",
"X is based in Y", "Acme, headquartered in Y", "X is owned by Y".

The verbs are data (``kg/lexicon/stative_verbs.tsv``): lemma, where the second
argument is (direct object, passive agent, a preposition's object), the
predicate and its role. The first argument is the verb's subject (a relative
pronoun's antecedent, a coordinated verb's subject), or the noun a participle
describes ("Acme Corp., based in Dayton", "a company based in Dayton" after
"X is"), or the name after the phrase of a participle that opens the sentence
("Headquartered in McLean, Va., SAIC had ..."; "Owned by Y since 2001, X
..."). Coordinated arguments each get a relation. A negated verb gives a
negated relation; "will join" a future one.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from spacy.tokens import Doc, Token

from kg.extract.stative.arguments import (
    LOCATIONS,
    comma_neighbours,
    conjuncts,
    described,
    is_type,
    organisations_through,
    prepositional_objects,
    referents,
    relation,
    subjects,
)
from kg.extract.stative.places import inside, mention_bounds, place_right_after
from kg.lexicon import StativeVerb, stative_verbs
from kg.models import Relation
from kg.resolve.in_article import EntityTable

FIRST = {
    "holdsPosition": {"Person"},
    "memberOf": {"Person", "Group"},
    "partOf": {"Organization"},
    "locatedIn": {"Organization", "City", "Region", "Place"},
}
SECOND = {
    "holdsPosition": {"Organization", "Group"},
    "memberOf": {"Organization", "Group"},
    "partOf": {"Organization"},
    "locatedIn": {"City", "Region", "Place", "Country"},
}
FUTURE = {"will", "shall", "'ll"}


def verb_relations(doc: Doc, table: EntityTable, body_start: int) -> Iterator[Relation]:
    for verb in doc:
        if verb.idx < body_start or verb.pos_ not in {"VERB", "AUX"}:
            continue
        for entry in stative_verbs().get(verb.lemma_.lower(), ()):
            yield from _read(table, verb, entry)


def _read(table: EntityTable, verb: Token, entry: StativeVerb) -> Iterator[Relation]:
    firsts = _first_arguments(table, verb)
    seconds = second_arguments(table, verb, entry)
    if entry.predicate == "locatedIn":
        firsts = _copula_subjects(table, verb) or firsts
        seconds += _later_places(table, verb)
    opening = _opening_name(table, verb)
    if opening is not None:
        firsts.append(opening)
        if entry.predicate == "locatedIn":  # the parser often hangs its place on the name
            seconds += _place_after(table, verb, entry)
    if entry.inverse:
        firsts, seconds = seconds, firsts
    firsts = [e for e in firsts if is_type(table, e, FIRST[entry.predicate])]
    if not firsts and not entry.inverse:
        firsts = [e for e in _of_head(table, verb) if is_type(table, e, FIRST[entry.predicate])]
    seconds = [e for e in seconds if is_type(table, e, SECOND[entry.predicate])]
    negated = any(c.dep_ == "neg" for c in verb.children)
    future = any(c.dep_ == "aux" and c.lower_ in FUTURE for c in verb.children)
    for first in firsts:
        for second in seconds:
            if first == second:
                continue
            if entry.predicate == "locatedIn" and not inside(table, first, second):
                continue
            found = relation(
                first,
                entry.predicate,
                second,
                verb,
                f"verb-{entry.lemma}",
                entry.confidence,
                entry.role,
            )
            if negated or future:
                found = replace(found, negated=negated, modality="future" if future else "asserted")
            yield found


def _first_arguments(table: EntityTable, verb: Token) -> list[str]:
    """Who the verb is about: its subjects, or what its participle describes."""
    found = [e for s in subjects(verb) for e, _ in referents(table, s)]
    first = verb
    while first.dep_ == "conj":  # "a maker founded in 1925 and based in X"
        first = first.head
    if first.dep_ in {"acl", "amod"} or (first.dep_ == "advcl" and not found):
        head = first.head
        found += [e for e, _ in referents(table, head)] + [e for e, _ in described(table, head)]
    return list(dict.fromkeys(found))


def _copula_subjects(table: EntityTable, verb: Token) -> list[str]:
    """ "NFI is a team of NRA instructors headquartered in Redding", "X is a
    lender with a large capability based in Y", "X is a contractor serving
    the industry based in Y", "X, a lender with a large capability based in
    Y": a participle hung on a noun inside the phrase that a copula or an
    apposition says of a name places the name, not that noun."""
    if verb.dep_ != "acl":
        return []
    noun, steps = verb.head, 0
    while noun.dep_ in {"pobj", "dobj"} and noun.head.dep_ in {"prep", "acl"} and steps < 3:
        noun, steps = noun.head.head, steps + 1
    if steps == 0 or noun.dep_ not in {"attr", "appos"}:
        return []
    return [e for e, _ in described(table, noun)]


def _later_places(table: EntityTable, verb: Token) -> list[str]:
    """ "originally based in Wylie, Texas, later in Tyler, Texas and now in
    River Falls": the places of the phrases that continue the verb's after a
    comma or "and" and an adverb of time, however the parser hung them."""
    doc, found = verb.doc, []
    for token in doc[verb.i + 2 : verb.sent.end]:
        if token.pos_ in {"VERB", "AUX"}:
            break
        before = doc[token.i - 1]
        if (
            token.lower_ != "in"
            or before.pos_ != "ADV"
            or doc[token.i - 2].text not in {",", "and"}
        ):
            continue
        place = place_right_after(table, token.i)
        if place is not None:
            found.append(place[0])
    return found


def _opening_name(table: EntityTable, verb: Token) -> str | None:
    """ "Headquartered in McLean, Va., SAIC had ...", "Founded in 1946 and
    based in Ohio, Acme is ...": a participle that opens its sentence (no noun
    before it) describes the first name after a comma of its phrase that is
    one of the phrase's places (a place, or a name followed by a comma and
    another: "Headquartered in Alton, IL, Acme"), however the parser hung the
    two ("Based in Ohio, he ..." describes no name)."""
    doc, sentence = verb.doc, verb.sent
    if verb.tag_ != "VBN" or any(
        t.pos_ in {"NOUN", "PROPN", "PRON"} for t in doc[sentence.start : verb.i]
    ):
        return None
    for comma in doc[verb.i + 1 : sentence.end - 1]:
        if comma.text != ",":
            continue
        after = doc[comma.i + 1]
        if after.lower_ == "the" and after.i + 1 < sentence.end:
            after = doc[after.i + 1]
        entity = table.entity_at(after) if table.is_named(after) else None
        bounds = mention_bounds(table, after)
        chained = bounds is not None and _comma_and_name(table, bounds[1])
        if entity is None or not (is_type(table, entity, LOCATIONS) or chained):
            return entity
    return None


def _comma_and_name(table: EntityTable, i: int) -> bool:
    doc = table.doc
    return i + 1 < len(doc) and doc[i].text == "," and table.is_named(doc[i + 1])


def _place_after(table: EntityTable, verb: Token, entry: StativeVerb) -> list[str]:
    """The place named right after the verb's preposition ("Based in Ohio")."""
    if verb.i + 1 >= len(verb.doc) or verb.doc[verb.i + 1].lower_ not in entry.prepositions:
        return []
    found = place_right_after(table, verb.i + 1)
    return [found[0]] if found is not None else []


def _of_head(table: EntityTable, verb: Token) -> list[str]:
    """ "the chief executive of Tomoh Advisory, based in Dubai", "a maker of
    airships based in Montebello": a participle that the parser hangs on the
    noun before "of" describes the noun's object (or what the noun describes)."""
    if verb.dep_ not in {"acl", "amod"}:
        return []
    head = verb.head
    found: list[str] = []
    if head.dep_ == "pobj" and head.head.lower_ == "of":  # "of airships based in"
        head = head.head.head
        found += [e for e, _ in described(table, head)]
    objects = prepositional_objects(head, ("of",))
    found += [e for p in objects for e in organisations_through(table, p)]
    return found + comma_neighbours(table, head)  # "X, a group based in Y" misparsed


def second_arguments(table: EntityTable, verb: Token, entry: StativeVerb) -> list[str]:
    """What the verb relates its subject to, by the entry's object slots."""
    tokens: list[Token] = []
    if "-" in entry.prepositions:
        tokens += [t for c in verb.children if c.dep_ == "dobj" for t in conjuncts(c)]
    prepositions = tuple(p for p in entry.prepositions if p != "-")
    tokens += prepositional_objects(verb, prepositions)
    return list(dict.fromkeys(e for t in tokens for e in organisations_through(table, t)))
