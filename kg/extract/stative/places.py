"""Where places and organisations are: locatedIn.

- "Caracas, Venezuela", "Petaluma, Calif.", "Acme Corp., Dayton, Ohio": a
  name followed by a comma and a larger place; in a chain each is in every
  later one (a list, "Paris, Rome and Madrid", is no chain, nor are three
  names and "and": "Brazoria, Fort Bend, Galveston and Harris counties";
  "Jackson, Wyo., and Gunnison, Colo." are two chains);
- "St. Nicholas Hospital in Gosforth", "Pacific Marine Inc. of Houston",
  "Gosforth in northern England": an organisation or place with an in (of)
  phrase that names a place, also where the parser hung the phrase on the
  verb ("who headed the Centers for Disease Control in Atlanta");
- place nouns: "the Venezuelan capital of Caracas", "Caracas, the capital of
  Venezuela", "Lake Worth is a city in Florida";
- a place qualifying an organisation: "Tokyo-based Eisai", "a UK-based
  company", "a Hong Kong construction firm" (a demonym does not: "an American
  manufacturer" says nothing of where it is based);
- "with headquarters in Y", "its headquarters are in Y";
- organisations named after a noun in a place: "the two main parties in
  Norway, Labour and the Centre Party, ..." (two or more names, or one
  closed by a comma; see ``_organisations_listed``);
- a name that ends in "of" and a city: "the University of Chicago",
  "Pacific Steel Corp. of Pittsburgh" (the city, one of 100,000 people or a
  capital, becomes a mention of its own inside the name; "the Chamber of
  Commerce" names no town, "the Bank of Washington" no one place). Not a
  country or a region: "the National Film Board of Canada", "Tube Products
  of India", "the University of North Dakota" say whose they are or whom
  they serve, not where they are based;
- source citations: "Moscow ITAR-TASS in English 0548 GMT 5 Mar 94" (the
  city a source is published in; a dateline, which says where a story was
  filed, is not read).

"based in", "headquartered in", "located in" are verbs of
``kg/lexicon/stative_verbs.tsv`` (see ``verbs``). ``closure`` then adds what
follows inside one sentence: based in West Point, and West Point is in
Georgia, so based in Georgia.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Token

from kg.extract.mentions import gazetteer_place
from kg.extract.source_lines import source_citations
from kg.extract.stative.arguments import (
    LOCATIONS,
    PLACES,
    VERSION,
    described,
    is_type,
    prepositional_objects,
    referent,
    referents,
    relation,
    subjects,
)
from kg.lexicon import class_nouns, gazetteer
from kg.models import Relation
from kg.resolve.in_article import EntityTable

PLACE_NOUNS = {
    "capital",
    "city",
    "town",
    "village",
    "port",
    "province",
    "region",
    "state",
    "district",
    "county",
    "municipality",
    "suburb",
    "island",
    "enclave",
    "nation",
    "country",
    "territory",
}
HEADQUARTERS = {"headquarters", "headquarter", "head office", "seat"}
SIZE = {"Organization": 0, "City": 1, "Place": 2, "Region": 3, "Country": 4}
LOCATED = PLACES | {"Organization"}
VERBS = {"VERB", "AUX"}
LARGE_CITY = 100_000  # a city a name may hold ("Bank of Reading"; not "Chamber of Commerce")
MAX_CHAIN = 3  # "Gosforth, Newcastle, England"; more names in commas are a list


def locations(doc: Doc, table: EntityTable, body_start: int) -> Iterator[Relation]:
    for token in doc:
        if token.idx < body_start:
            continue
        if token.lemma_.lower() in PLACE_NOUNS and not table.is_named(token):
            yield from _place_noun(table, token)
        if token.lemma_.lower() in HEADQUARTERS:
            yield from _headquarters(table, token)
        if token.lower_ == "based" and token.dep_ in {"amod", "compound", "acl"}:
            yield from _based_adjective(table, token)
        if token.dep_ == "compound" and token.head.pos_ == "NOUN":
            yield from _place_qualifier(table, token)
        if token.pos_ == "NOUN" and token.lemma_.lower() not in PLACE_NOUNS:
            yield from _organisation_noun(table, token)
            yield from _organisations_after_noun(table, token)
    yield from _comma_chains(doc, table, body_start)
    yield from _names_ending_in_places(table, body_start)
    yield from _place_phrases(doc, table, body_start)
    yield from _citations(doc, table, body_start)


def inside(table: EntityTable, part: str, whole: str) -> bool:
    """Whether ``part`` can lie in ``whole``: a place or an organisation in a
    larger place (an unknown place may lie in another)."""
    a, b = _sizes(table, part), _sizes(table, whole)
    if part == whole or a is None or b is None or table[whole].type not in LOCATIONS:
        return False
    return a[0] < b[1] or a[0] == b[1] == SIZE["Place"]


def _sizes(table: EntityTable, entity: str) -> tuple[int, int] | None:
    """The smallest and largest rank an entity's extent may have: a place that
    is also a region's name may be either ("Washington, D.C." and "Whitefish,
    Montana" both read right)."""
    draft = table[entity]
    size = SIZE.get(draft.type)
    if size is None:
        return None
    if draft.type in PLACES and gazetteer.region(draft.label) is not None:
        return min(size, SIZE["Region"]), max(size, SIZE["Region"])
    return size, size


def place_at(table: EntityTable, token: Token) -> str | None:
    """The place a noun phrase names: "Umbria province" and "this California
    city" name Umbria and California."""
    if table.is_named(token):
        return table.entity_at(token)
    if token.lemma_.lower() in PLACE_NOUNS:
        for child in token.children:
            if child.dep_ in {"compound", "amod"} and table.is_named(child):
                return table.entity_at(child)
    return None


def mention_bounds(table: EntityTable, token: Token) -> tuple[int, int] | None:
    entity = table.entity_at(token)
    for mention in table[entity].mentions if entity else ():
        if mention.start <= token.i < mention.end:
            return mention.start, mention.end
    return None


# --- "A, B, C" -------------------------------------------------------------------


def _comma_chains(doc: Doc, table: EntityTable, body_start: int) -> Iterator[Relation]:
    i = 0
    while i < len(doc):
        chain = _chain_at(doc, table, i) if doc[i].idx >= body_start else []
        if len(chain) < 2:
            i += 1
            continue
        first = chain[0][1]
        coordinated = [  # "Salida and Gunnison, Colorado": both in Colorado
            (entity, t)
            for entity, t in referents(table, first)
            if t.i < first.i and not _has_own_chain(doc, table, t)
        ]
        for k, (part, token) in enumerate(chain):
            for whole, _ in chain[k + 1 :]:
                if inside(table, part, whole):
                    yield relation(part, "locatedIn", whole, token, "place-comma", 0.85)
        for part, token in coordinated:
            for whole, _ in chain[1:]:
                if inside(table, part, whole):
                    yield relation(part, "locatedIn", whole, token, "place-comma", 0.8)
        i = chain[-1][1].i + 1


def _has_own_chain(doc: Doc, table: EntityTable, token: Token) -> bool:
    """ "Jackson, Wyo., and Gunnison, Colo.": Jackson has its own larger place."""
    bounds = mention_bounds(table, token)
    if bounds is None or bounds[1] + 1 >= len(doc) or doc[bounds[1]].text != ",":
        return False
    following = doc[bounds[1] + 1]
    return table.is_named(following) and is_type(table, table.entity_at(following), LOCATIONS)


def _chain_at(doc: Doc, table: EntityTable, i: int) -> list[tuple[str, Token]]:
    """Names separated by single commas from token ``i`` on, unless they are a
    list ("Paris, Rome and Madrid") or continue one (a name, tagged or not,
    and a comma before them)."""
    bounds = mention_bounds(table, doc[i])
    if bounds is None or bounds[0] != i:
        return []
    if i >= 2 and doc[i - 1].text == "," and _names_something(table, doc[i - 2]):
        return []
    chain = []
    while bounds is not None:
        start, end = bounds
        chain.append((table.entity_at(doc[start]), doc[start]))
        if end + 1 >= len(doc) or doc[end].text not in {",", "("}:
            break
        following = mention_bounds(table, doc[end + 1])
        if following is None or following[0] != end + 1:
            break
        if doc[end].text == "(":  # "Madrid (Spain)"
            closing = following[1]
            if closing >= len(doc) or doc[closing].text != ")":
                break
            chain.append((table.entity_at(doc[end + 1]), doc[end + 1]))
            break
        bounds = following
    end = bounds[1] if bounds else chain[-1][1].i + 1
    if len(chain) > MAX_CHAIN or _list_goes_on(doc, table, end, len(chain)):
        return []  # "Aloha, Continental, Delta, Piedmont, Southwest": a list, however typed
    return chain


def _names_something(table: EntityTable, token: Token) -> bool:
    """A mention, or a capitalised name the model left untagged: "... American,
    Continental, Delta, Orion, Piedmont, Southwest" is a list however the names
    before were typed."""
    return mention_bounds(table, token) is not None or (
        token.pos_ == "PROPN" and token.text[:1].isupper()
    )


def _list_goes_on(doc: Doc, table: EntityTable, end: int, names: int) -> bool:
    """Whether the names end in "..., and X" or "... or X": a list when X is a
    place, or when three names came before it ("Brazoria, Fort Bend, Galveston
    and southern Harris Counties"; but "Folsom, Calif., and Ed Ray of ..." is no
    list of places)."""
    i = end + (end < len(doc) and doc[end].text == ",")
    if i >= len(doc) or doc[i].lower_ not in {"and", "or"}:
        return False
    i += 1
    while i < len(doc) and doc[i].pos_ in {"DET", "ADJ"} and not table.is_named(doc[i]):
        i += 1  # "and the", "and southern"
    if i >= len(doc) or _has_own_chain(doc, table, doc[i]):
        return False  # "Jackson, Wyo., and Gunnison, Colo.": places, each with its own
    return is_type(table, table.entity_at(doc[i]), LOCATIONS) or (
        names >= MAX_CHAIN and _names_something(table, doc[i])
    )


# --- "X in Y", "X of Y" -------------------------------------------------------------


def _place_phrases(doc: Doc, table: EntityTable, body_start: int) -> Iterator[Relation]:
    for entity in list(table.entities):
        if entity.type not in LOCATED:
            continue
        for mention in entity.mentions:
            head = doc[mention.head]
            if head.idx < body_start:
                continue
            if entity.type in PLACES:
                yield from _place_in_place(table, entity.id, mention)
            elif entity.type == "Organization" and mention.is_name:
                yield from _organisation_in_place(table, entity.id, mention)
            prepositions = ("in", "of", "at") if entity.type == "Organization" else ("in",)
            phrase = _with_class_noun(table, head)
            last = doc[mention.end - 1]
            if entity.type == "Organization" and last.i != head.i and last.pos_ == "PROPN":
                phrase += (last,)  # "the 21st Brigade of Cerro Muriano in Cordoba"
            for pobj in (p for h in phrase for p in prepositional_objects(h, prepositions)):
                place = place_at(table, pobj)
                if place is not None and inside(table, entity.id, place):
                    yield relation(entity.id, "locatedIn", place, pobj, "place-in", 0.75)
            for child in (c for h in phrase for c in h.children):
                place = place_at(table, child) if child.dep_ == "poss" else None
                if place is not None and inside(table, entity.id, place):
                    yield relation(entity.id, "locatedIn", place, child, "place-possessive", 0.75)


def _with_class_noun(table: EntityTable, head: Token) -> tuple[Token, ...]:
    """A name's head word, and the class noun of an organisation that it is the
    compound of: "Hamburg's Nordwerk bank", "the Minox company in Heuchelheim",
    also past an abbreviation in parentheses, where the parser makes the name a
    noun modifier: "Kenya's Orange Democratic Movement (ODM) party" (not a
    facility: "the Telefarm complex in Shoreview" is where the complex is)."""
    noun = head.head
    modifies = head.dep_ in {"compound", "nmod"} and head.i < noun.i
    found = class_nouns().get(noun.lemma_.lower()) if modifies else None
    if found is not None and found.type == "Organization" and not table.is_named(noun):
        return head, noun
    return (head,)


def _place_in_place(table: EntityTable, place: str, mention) -> Iterator[Relation]:
    """ "Gosforth in northeast England", "Haifa in northern Israel": a place
    right followed by "in" and a larger place, however the parser attached
    the phrase."""
    found = place_right_after(table, mention.end)
    if found is not None:
        whole, cue = found
        if inside(table, place, whole) and table[whole].type != "City":
            yield relation(place, "locatedIn", whole, cue, "place-in", 0.75)


def _organisation_in_place(table: EntityTable, org: str, mention) -> Iterator[Relation]:
    """ "who headed the Centers for Disease Control in Atlanta", "founded the
    Minox company in Heuchelheim", "scientists at Centro Nacional (CNM) in
    Barcelona": an organisation (with its class noun, its abbreviation) right
    followed by "in" or "at" and a place, where the parser hung the phrase on
    the verb."""
    doc = table.doc
    i = mention.end
    while i < len(doc) and doc[i].pos_ == "NOUN" and doc[i].text.islower() and i - mention.end < 2:
        i += 1  # "the Minox company in", "a K mart store in"
    if i < len(doc) and doc[i].text == "(":
        closing = next((t.i for t in doc[i : i + 6] if t.text == ")"), None)
        i = closing + 1 if closing is not None else i
    if i >= len(doc) or doc[i].lower_ not in {"in", "at"} or doc[i].head.pos_ not in VERBS:
        return
    found = place_right_after(table, i)
    if found is not None and inside(table, org, found[0]):
        yield relation(org, "locatedIn", found[0], found[1], "place-after", 0.65)


def place_right_after(table: EntityTable, i: int) -> tuple[str, Token] | None:
    """The named place after the preposition at ``i`` ("in northeast England"),
    with the preposition."""
    doc = table.doc
    if i >= len(doc) or doc[i].lower_ not in {"in", "at"}:
        return None
    j = i + 1
    while j < len(doc) and doc[j].pos_ in {"DET", "ADJ"} and not table.is_named(doc[j]):
        j += 1
    bounds = mention_bounds(table, doc[j]) if j < len(doc) else None
    if bounds is None or bounds[0] != j or not table.is_named(doc[j]):
        return None
    whole = table.entity_at(doc[j])
    return (whole, doc[i]) if whole is not None else None


# --- place nouns -------------------------------------------------------------------------


def _place_noun(table: EntityTable, noun: Token) -> Iterator[Relation]:
    """ "the Venezuelan capital of Caracas"; "Caracas, the capital of Venezuela";
    "Lake Worth is a city in Florida"."""
    qualifiers = [
        referent(table, c) for c in noun.children if c.dep_ in {"amod", "compound", "poss"}
    ]
    wholes = [q for q in qualifiers if is_type(table, q, LOCATIONS)]
    holders = [e for e, _ in described(table, noun) if is_type(table, e, PLACES | {"Country"})]
    if wholes and not holders:  # "the Venezuelan capital of Caracas"
        for pobj in prepositional_objects(noun, ("of",)):
            place = place_at(table, pobj)
            for whole in wholes:
                if place is not None and inside(table, place, whole):
                    yield relation(place, "locatedIn", whole, noun, "place-of-country", 0.9)
        return
    if not holders and any(True for _ in prepositional_objects(noun, ("in",))):
        holders = [  # "Umbria and Lazio provinces in central Italy"
            e
            for c in noun.children
            if c.dep_ == "compound" and table.is_named(c)
            for e, _ in referents(table, c)
            if is_type(table, e, PLACES)
        ]
        wholes = []
    containers = wholes + [place_at(table, p) for p in prepositional_objects(noun, ("in", "of"))]
    for holder in holders:
        for whole in containers:
            if whole is not None and inside(table, holder, whole):
                yield relation(holder, "locatedIn", whole, noun, "place-noun", 0.85)


# --- organisations qualified by places ------------------------------------------------------


def _based_adjective(table: EntityTable, based: Token) -> Iterator[Relation]:
    """ "Tokyo-based Eisai", "a UK-based company", "a California based label"."""
    doc = based.doc
    before = based.i - 2 if based.i >= 2 and doc[based.i - 1].text in {"-", "–"} else based.i - 1
    if before < 0 or not table.is_named(doc[before]):
        return
    place = table.entity_at(doc[before])
    for org in _organisations(table, based.head):
        if place is not None and inside(table, org, place):
            yield relation(org, "locatedIn", place, based, "based-adjective", 0.9)


def _place_qualifier(table: EntityTable, token: Token) -> Iterator[Relation]:
    """ "a Hong Kong construction firm": a named place compounded with a common
    noun that describes an organisation."""
    noun = token.head
    place = table.entity_at(token)
    if place is None or not table.is_named(token) or table.is_named(noun):
        return
    if table[place].type not in LOCATIONS:
        return
    bounds = mention_bounds(table, token)
    if bounds is None or bounds[1] - 1 != token.i:  # the place name's last word only
        return
    for org in _organisations(table, noun):
        if inside(table, org, place):
            yield relation(org, "locatedIn", place, token, "place-qualifier", 0.75)


def _names_ending_in_places(table: EntityTable, body_start: int) -> Iterator[Relation]:
    """ "the University of Chicago", "Pacific Steel Corp. of Pittsburgh": an
    organisation's name that ends in "of" and a city is based there."""
    doc = table.doc
    for entity in list(table.entities):
        if entity.type != "Organization":
            continue
        for mention in entity.mentions:
            if not mention.is_name or doc[mention.start].idx < body_start:
                continue
            of = next(
                (i for i in range(mention.end - 2, mention.start, -1) if doc[i].lower_ == "of"),
                None,
            )
            place = _place_in_name(table, doc[of + 1 : mention.end]) if of else None
            if place is not None and inside(table, entity.id, place):
                table.add_nested_mention(place, of + 1, mention.end)
                yield relation(entity.id, "locatedIn", place, doc[of], "name-place", 0.7)


def _place_in_name(table: EntityTable, span) -> str | None:
    """The entity for the city that words of a longer name name, if the
    gazetteer knows it well enough to read it there: a small town's name is
    often a word ("Commerce", "Enterprise")."""
    found = gazetteer_place(span)
    if found is None or found.type != "City":
        return None
    city = gazetteer.city(span.text)
    if city is None or not (city.is_capital or city.population >= LARGE_CITY):
        return None
    if gazetteer.region(span.text) is not None:
        return None  # "First Interstate Bank of Washington": the state or the city
    return table.entity_for(
        found.key,
        found.type,
        found.label or found.text,
        country=found.country,
        identifiers=found.identifiers,
    )


def _organisation_noun(table: EntityTable, noun: Token) -> Iterator[Relation]:
    """ "X is a publisher in Vietnam", "X, one of Ukraine's leading producers":
    a common noun describing an organisation, with a place it is in or of."""
    if noun.dep_ == "pobj" and noun.head.head.lower_ != "one":
        return  # "At a briefing in Y, X said": a phrase's noun describes no one
    orgs = [e for e, _ in described(table, noun) if is_type(table, e, {"Organization"})]
    if not orgs:
        return
    places = [place_at(table, p) for p in prepositional_objects(noun, ("in",))]
    places += [place_at(table, c) for c in noun.children if c.dep_ == "poss"]
    for org in orgs:
        for place in dict.fromkeys(p for p in places if p is not None):
            if inside(table, org, place):
                yield relation(org, "locatedIn", place, noun, "organisation-noun", 0.7)


def _organisations_after_noun(table: EntityTable, noun: Token) -> Iterator[Relation]:
    """ "the two main parties in Norway, the Labour Party and the Centre Party,
    agreed": a noun in a place, and the organisations that the names after it
    list (the parser hangs them anywhere; they are read from the words)."""
    if noun.dep_ == "pobj" or table.is_named(noun):
        return  # "For banks in Kenya, the IMF, which ...": a phrase's noun describes no one
    for pobj in prepositional_objects(noun, ("in",)):
        place, bounds = place_at(table, pobj), mention_bounds(table, pobj)
        if place is None or bounds is None:
            continue
        for org in _organisations_listed(table, bounds[1]):
            if inside(table, org, place):
                yield relation(org, "locatedIn", place, noun, "organisation-list", 0.7)


def _organisations_listed(table: EntityTable, i: int) -> list[str]:
    """The organisations named from the comma at token ``i`` on ("X, Y and
    the Z (ZP)"), when they are a whole apposition: two or more names closed
    by a verb, or names closed by a comma ("Police in Paris, the Interior
    Ministry said" lists no one). A word in parentheses and a capitalised
    word the model left out of a name are passed over."""
    doc, found = table.doc, []
    if i >= len(doc) or doc[i].text != ",":
        return []
    named = _organisation_named_at(table, i + 1)
    while named is not None:
        found.append(named[0])
        i = _past_name_rest(doc, named[1])
        if i >= len(doc):
            return []
        if doc[i].text == "," and i + 1 < len(doc) and doc[i + 1].lower_ in {"and", "or"}:
            i += 1
        if doc[i].lower_ in {"and", "or"}:
            named = _organisation_named_at(table, i + 1)
            if named is None:
                return []
        elif doc[i].text == ",":
            named = _organisation_named_at(table, i + 1)
            if named is None:
                return found
        else:
            return found if len(found) >= 2 and doc[i].pos_ in VERBS else []
    return []


def _organisation_named_at(table: EntityTable, i: int) -> tuple[str, int] | None:
    """The organisation whose name starts at token ``i`` (after a "the"), with
    the token after the name."""
    doc = table.doc
    i += i < len(doc) and doc[i].lower_ == "the"
    bounds = mention_bounds(table, doc[i]) if i < len(doc) else None
    if bounds is None or bounds[0] != i:
        return None
    org = table.entity_at(doc[i])
    return (org, bounds[1]) if is_type(table, org, {"Organization"}) else None


def _past_name_rest(doc: Doc, i: int) -> int:
    """The token after a name's parentheses ("(SDS)", "(formerly Communist)")
    and capitalised words the model left out of the name ("Party")."""
    while i < len(doc):
        if doc[i].text == "(":
            closing = next((t.i for t in doc[i : i + 6] if t.text == ")"), None)
            if closing is None:
                return i
            i = closing + 1
        elif doc[i].pos_ == "PROPN" and doc[i].text[:1].isupper():
            i += 1
        else:
            return i
    return i


def _organisations(table: EntityTable, noun: Token) -> list[str]:
    """The organisations a noun names or describes."""
    found = [referent(table, noun)] + [e for e, _ in described(table, noun)]
    return [e for e in dict.fromkeys(found) if is_type(table, e, {"Organization"})]


def _headquarters(table: EntityTable, noun: Token) -> Iterator[Relation]:
    """ "X's headquarters in Y", "at X headquarters in Y", "X has its
    headquarters in Y", "X, with headquarters in Y", "its headquarters are in Y"."""
    owners = [referent(table, c) for c in noun.children if c.dep_ in {"poss", "compound"}]
    owners += [referent(table, p) for p in prepositional_objects(noun, ("of",))]
    head = noun.head
    if noun.dep_ in {"dobj", "pobj"} and not owners:  # not "X said at Y headquarters"
        verb = head.head if noun.dep_ == "pobj" else head
        owners += [referent(table, s) for s in subjects(verb)]
        if noun.dep_ == "pobj" and head.lower_ == "with":
            owners += _organisations(table, head.head)
    places = list(prepositional_objects(noun, ("in", "at")))
    after = noun.doc[noun.i + 1] if noun.i + 1 < len(noun.doc) else None
    if not places and after is not None and after.lower_ in {"in", "at"} and after.dep_ == "prep":
        places = [c for c in after.children if c.dep_ == "pobj"]  # hung on "a briefing"
    for participle in noun.children:  # "headquarters based in Vancouver"
        if participle.dep_ == "acl" and participle.lemma_ in {"base", "locate", "situate"}:
            places += prepositional_objects(participle, ("in", "at"))
    if noun.dep_ == "nsubj":
        places += prepositional_objects(head, ("in", "at"))
        for child in head.children:
            if child.dep_ in {"acomp", "attr", "xcomp"}:
                places += prepositional_objects(child, ("in", "at"))
    for owner in dict.fromkeys(o for o in owners if is_type(table, o, {"Organization"})):
        for place, _ in (r for p in places for r in referents(table, p)):
            if inside(table, owner, place):
                yield relation(owner, "locatedIn", place, noun, "headquarters", 0.9)


def _citations(doc: Doc, table: EntityTable, body_start: int) -> Iterator[Relation]:
    """ "Moscow ITAR-TASS in English ...": a source citation names the city its
    source is published in (``kg.extract.source_lines``; a dateline is not read)."""
    for (city, _), (source, _) in source_citations(doc):
        if doc[source].idx < body_start:
            continue
        org, place = table.entity_at(doc[source]), table.entity_at(doc[city])
        if is_type(table, org, {"Organization"}) and place and inside(table, org, place):
            yield relation(org, "locatedIn", place, doc[source], "source-citation", 0.85)


# --- what follows in a sentence ---------------------------------------------------------------


def closure(relations: list[Relation], table: EntityTable) -> Iterator[Relation]:
    """locatedIn(A, B) and locatedIn(B, C) in one sentence give locatedIn(A, C)."""
    located = [r for r in relations if r.predicate == "locatedIn" and not r.negated]
    known = {(r.subject, r.object, r.evidence.start) for r in located}
    for first in located:
        for second in located:
            key = (first.subject, second.object, first.evidence.start)
            if (
                first.object == second.subject
                and first.evidence.start == second.evidence.start
                and key not in known
                and inside(table, first.subject, second.object)
            ):
                known.add(key)
                yield Relation(
                    subject=first.subject,
                    predicate="locatedIn",
                    object=second.object,
                    evidence=first.evidence,
                    confidence=round(min(first.confidence, second.confidence) - 0.05, 2),
                    rule=f"stative.place-closure/{VERSION}",
                    cue=first.cue,
                )
