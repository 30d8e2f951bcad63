"""What the stative rules share: who a noun phrase stands for, who a clause is
about, coordination, and the ``Relation`` record they make.

A relation's arguments are found through the ``EntityTable``: a name, a
pronoun or description already resolved, a relative pronoun's antecedent
("X, which is based in Y"), or a common noun with a name in apposition ("the
mining company Minpeco"). Coordination spreads a relation over conjuncts:
"X and Y are members of Z", "director of A and B".
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from kg.extract.evidence import sentence_of, token_span
from kg.lexicon import roles
from kg.models import Relation
from kg.resolve.in_article import EntityTable

VERSION = "2"
PLACES = {"City", "Region", "Place"}
LOCATIONS = PLACES | {"Country"}
RELATIVE_TAGS = {"WDT", "WP", "WP$", "WRB"}
SUBJECTS = {"nsubj", "nsubjpass"}
INHERITS_SUBJECT = {"conj", "xcomp", "advcl", "acl"}
IT = {"it", "its", "itself"}
COPULAS = {"be", "become", "remain", "stay"}
SUCCESSION = {"succeed", "replace"}
NAMING_VERBS = {
    "name",
    "appoint",
    "elect",
    "reelect",
    "re-elect",
    "make",
    "hire",
    "promote",
    "install",
    "nominate",
    "choose",
    "select",
    "confirm",
    "designate",
    "proclaim",
    "declare",
    "crown",
    "swear",
}


def relation(
    subject: str,
    predicate: str,
    obj: str,
    cue: Token,
    rule: str,
    confidence: float,
    role: str | None = None,
) -> Relation:
    """A stative relation read at ``cue`` (the title, noun or verb that says it)."""
    return Relation(
        subject=subject,
        predicate=predicate,
        object=obj,
        evidence=sentence_of(cue),
        confidence=round(confidence, 2),
        rule=f"stative.{rule}/{VERSION}",
        role=role,
        cue=token_span(cue, cue),
    )


def conjuncts(token: Token) -> list[Token]:
    """The token and the tokens coordinated with it, in text order."""
    return sorted({token, *token.conjuncts}, key=lambda t: t.i)


def referent(table: EntityTable, token: Token) -> str | None:
    """The entity a noun phrase headed by ``token`` stands for, if any."""
    if token.tag_ in RELATIVE_TAGS:
        return _antecedent(table, token)
    found = table.entity_at(token)
    if found is not None:
        return found
    if token.lower_ in IT:
        return _it(table, token)
    for child in token.children:  # "the company Minpeco", "Acme Systems, Inc."
        if child.dep_ in {"appos", "nmod"} and table.is_named(child):
            return table.entity_at(child)
        if child.dep_ == "acl" and child.lemma_ in {"call", "name"}:  # "an agency called X"
            for named in child.children:
                if named.dep_ in {"oprd", "xcomp", "dobj", "attr"} and table.is_named(named):
                    return table.entity_at(named)
    return None


def referents(table: EntityTable, token: Token) -> list[tuple[str, Token]]:
    """(entity, head token) for the token and its conjuncts, once each."""
    found: dict[str, Token] = {}
    if token.tag_ in RELATIVE_TAGS:  # "the EU and NATO, which are based in Brussels"
        relative = next((a for a in token.ancestors if a.dep_ == "relcl"), None)
        if relative is not None and relative.head.pos_ == "PROPN":
            token = relative.head
    for conjunct in conjuncts(token):
        entity = referent(table, conjunct)
        if entity is not None:
            found.setdefault(entity, conjunct)
    return list(found.items())


def _antecedent(table: EntityTable, token: Token) -> str | None:
    """ "X, which/who/whose ..." -> X: the head of the relative clause."""
    for ancestor in token.ancestors:
        if ancestor.dep_ == "relcl":
            head = ancestor.head
            found = referent(table, head)
            if found is None and head.pos_ == "NOUN":  # "X is an economist who ..."
                found = next((e for e, _ in described(table, head)), None)
            return found
    return None


def _it(table: EntityTable, token: Token) -> str | None:
    """ "it"/"its" -> an organisation: the subject of the clause when it comes
    first ("Acme said its ..."), else the nearest organisation named before it
    in the sentence, else the subject of the previous sentence, else the last
    organisation named there. (The reference resolver leaves "it" alone.)"""
    verb = next((t for t in token.ancestors if t.pos_ in {"VERB", "AUX"}), None)
    for subject in subjects(verb) if verb is not None else []:
        entity = table.entity_at(subject)
        if subject.i < token.i and _is_organisation(table, entity):
            return entity
    sentence = token.sent
    for i in range(token.i - 1, sentence.start - 1, -1):
        if _is_organisation(table, entity := table.entity_at(token.doc[i])):
            return entity
    if sentence.start == 0:
        return None
    previous = token.doc[sentence.start - 1].sent
    named = [table.entity_at(t) for t in previous if t.dep_ in SUBJECTS]
    named += [table.entity_at(t) for t in reversed(previous)]
    return next((e for e in named if _is_organisation(table, e)), None)


def _is_organisation(table: EntityTable, entity: str | None) -> bool:
    return entity is not None and table[entity].type == "Organization"


def subjects(verb: Token) -> list[Token]:
    """The subjects of a verb (with conjuncts); a coordinated or subordinate verb
    without its own takes its head's ("joined X and became its chairman")."""
    while True:
        found = [c for c in verb.children if c.dep_ in SUBJECTS]
        if found:
            return [s for f in found for s in conjuncts(f)]
        clausal = [c for c in verb.children if c.dep_ == "csubj" and c.i < verb.i]
        if clausal:  # "X (born 1962) is ...": the parser makes "born" the subject
            names = [t for t in clausal[0].subtree if t.pos_ == "PROPN" and t.i < clausal[0].i]
            return names[-1:]
        if verb.dep_ == "relcl":
            return [verb.head]
        if verb.dep_ == "xcomp":  # "elected X to be chairman": X
            objects = [c for c in verb.head.children if c.dep_ == "dobj"]
            if objects:
                return [o for c in objects for o in conjuncts(c)]
        if verb.dep_ == "pcomp":  # "Before joining Apple, he was ..."
            governing = next((t for t in verb.ancestors if t.pos_ in {"VERB", "AUX"}), None)
            if governing is None:
                return []
            verb = governing
            continue
        if verb.dep_ not in INHERITS_SUBJECT or verb.head.i == verb.i:
            return []
        verb = verb.head


def prepositional_objects(
    token: Token, prepositions: set[str] | tuple[str, ...]
) -> Iterator[Token]:
    """Objects of the token's prepositions in ``prepositions``, with conjuncts."""
    for child in token.children:
        if child.dep_ in {"prep", "agent"} and child.lower_ in prepositions:
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    yield from conjuncts(pobj)


def is_type(table: EntityTable, entity: str | None, types: set[str]) -> bool:
    return entity is not None and table[entity].type in types


def described(table: EntityTable, noun: Token, depth: int = 0) -> list[tuple[str, str]]:
    """(entity, how) for the entities a common noun describes: its appositions
    ("X, the chairman", "the chairman, X"), the subject of its copula or naming
    verb ("X is chairman", "X was named chairman"), the subject of "as" ("X
    serves as chairman"). A coordinated noun shares its first conjunct's; a
    noun in apposition to another common noun shares what that one describes
    ("X is a businessman, chairman of Y"); a noun phrase opening the sentence
    describes the subject after it ("A professor at Y, X wrote ...")."""
    head = noun
    found: list[tuple[str, str]] = []
    named = misparsed_apposition(table, noun)
    if named is not None:  # "led by X, President and CEO"
        return [(e, "apposition") for e, _ in referents(table, named)]
    while head.dep_ == "conj":
        if head.head.pos_ in {"VERB", "AUX"}:  # "X was a psychiatrist, and a professor at Y"
            if head.head.lemma_ in COPULAS:
                found += [
                    (e, "copula") for s in subjects(head.head) for e, _ in referents(table, s)
                ]
            return found
        head = head.head
    if head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.lower_ == "one":
        head = head.head.head  # "X, one of the founders of Y"
    if head.dep_ == "appos":
        anchor = head.head  # "Sen. X, D-Ariz., chairman of ...": up a chain of appositions
        while anchor.dep_ == "appos" and not is_type(table, referent(table, anchor), {"Person"}):
            anchor = anchor.head
        found += [(e, "apposition") for e, _ in referents(table, anchor)]
        if not found and _describes_too(table, head, anchor) and depth < 2:
            found += described(table, anchor, depth + 1)
    for child in head.children:
        if child.dep_ == "appos":
            found += [(e, "apposition") for e, _ in referents(table, child)]
    for pobj in prepositional_objects(head, ("of",)):  # "the leader of the opposition, X"
        for child in pobj.children:
            if child.dep_ == "appos" and is_type(table, referent(table, child), {"Person"}):
                found += [(e, "apposition") for e, _ in referents(table, child)]
    verb = head.head
    if head.dep_ in {"attr", "oprd", "acomp"} and verb.lemma_ in COPULAS | NAMING_VERBS:
        found += [(e, "copula") for s in _holders_of(verb) for e, _ in referents(table, s)]
        for clause in verb.children:  # "X was named CEO of Y, succeeding Z": Z was
            if clause.dep_ == "advcl" and clause.lemma_ in SUCCESSION:
                previous = [c for c in clause.children if c.dep_ == "dobj"]
                found += [(e, "as") for s in previous for e, _ in referents(table, s)]
    if head.dep_ == "dobj" and verb.lemma_ in NAMING_VERBS:  # "X was appointed CEO of Y"
        passive = [c for c in verb.children if c.dep_ == "nsubjpass"]
        found += [(e, "copula") for s in passive for e, _ in referents(table, s)]
    if head.dep_ == "nsubj" and verb.lemma_ in COPULAS:  # "the CEO of Y is X"
        named = [c for c in verb.children if c.dep_ == "attr"]
        found += [(e, "copula") for s in named for e, _ in referents(table, s)]
    after_as = verb.lower_ == "as" or (verb.lower_ == "to" and verb.head.lemma_ in NAMING_VERBS)
    if head.dep_ == "pobj" and verb.lower_ == "as" and verb.head.pos_ == "NOUN":
        owners = [c for c in verb.head.children if c.dep_ == "poss"]  # "his tenure as CEO"
        found += [(e, "as") for s in owners for e, _ in referents(table, s)]
    if head.dep_ == "pobj" and after_as and verb.head.pos_ in {"VERB", "AUX"}:
        found += [(e, "as") for s in _holders_of(verb.head) for e, _ in referents(table, s)]
        if verb.head.lemma_ in SUCCESSION:  # "X succeeded Y as CEO": Y held it before
            previous = [c for c in verb.head.children if c.dep_ == "dobj"]
            found += [(e, "as") for s in previous for e, _ in referents(table, s)]
    if not found:
        found += [(e, "apposition") for s in _fronted_subject(head) for e, _ in referents(table, s)]
    if not found and depth == 0:
        found += [(e, "apposition") for e in comma_neighbours(table, head)]
    return list(dict.fromkeys(found))


def misparsed_apposition(table: EntityTable, noun: Token) -> Token | None:
    """ "run by X, President and CEO": the person's name when the parser
    coordinated a list of titles set off by a comma with it, instead of
    setting it in apposition."""
    first = noun
    while first.dep_ == "conj" and not table.is_named(first.head):
        first = first.head
    if first.dep_ != "conj" or first.left_edge.i == 0 or first.lower_ not in roles():
        return None
    name = first.head
    comma = first.doc[first.left_edge.i - 1]
    if comma.text != "," or not is_type(table, table.entity_at(name), {"Person"}):
        return None
    return name


def _describes_too(table: EntityTable, noun: Token, anchor: Token) -> bool:
    """A noun in apposition to ``anchor`` describes what the anchor does when the
    anchor is a common noun ("X is a businessman, chairman of Y"), or when both
    are titles in a list ("X was President, CEO and Managing Director of Y")."""
    if anchor.pos_ == "NOUN":
        return True
    titles = roles()
    return (
        anchor.pos_ == "PROPN"
        and not table.is_named(anchor)
        and anchor.lower_ in titles
        and noun.lower_ in titles
    )


def _fronted_subject(noun: Token) -> list[Token]:
    """ "A professor at Y, she has written ...", "A former banker, X now runs
    ...": a noun phrase that opens the sentence, set off by a comma right before
    the subject of its clause, describes that subject."""
    doc, edge = noun.doc, noun.right_edge.i
    if noun.dep_ not in {"advcl", "nsubj", "npadvmod", "dep"} or not noun.left_edge.is_sent_start:
        return []
    if edge + 2 >= len(doc) or doc[edge + 1].text != ",":
        return []
    verb = noun.head
    return [s for s in subjects(verb) if s.i != noun.i and s.left_edge.i == edge + 2]


def _holders_of(verb: Token) -> list[Token]:
    """Who a copula or naming verb gives the role to: the object of an active
    naming verb ("the board named X chairman"), else the subject."""
    if verb.lemma_ in NAMING_VERBS:
        objects = [o for c in verb.children if c.dep_ == "dobj" for o in conjuncts(c)]
        if objects:
            return objects
    return subjects(verb)


def comma_neighbours(table: EntityTable, noun: Token) -> list[str]:
    """A name set off by commas right before or after the noun phrase: "X, the
    GE attorney, said" when the parser has missed the apposition."""
    doc = noun.doc
    left, right = noun.left_edge.i, noun.right_edge.i
    found = []
    if left >= 2 and doc[left - 1].text == "," and table.is_named(doc[left - 2]):
        found.append(table.entity_at(doc[left - 2]))
    if right + 2 < len(doc) and doc[right + 1].text == "," and table.is_named(doc[right + 2]):
        after = doc[right + 2]
        ends = after.i + 1 >= len(doc) or doc[after.i + 1].text in {",", ".", ";"}
        if ends or after.dep_ == "nsubj":
            found.append(table.entity_at(after))
    return [e for e in found if e is not None]


def organisations_through(table: EntityTable, pobj: Token, depth: int = 0) -> list[str]:
    """ "the board of directors of Y", "the faculty at Y" -> Y."""
    entity = referent(table, pobj)
    if entity is not None:
        return [entity]
    if depth > 2 or pobj.pos_ not in {"NOUN", "PROPN"}:
        return []
    owners = [  # "the USDA's research service", "the Senate Banking subcommittee"
        e
        for c in pobj.children
        if c.dep_ == "poss" or (c.dep_ == "compound" and table.is_named(c))
        if (e := referent(table, c)) is not None
    ]
    return owners + [
        e
        for inner in prepositional_objects(pobj, ("of", "at"))
        for e in organisations_through(table, inner, depth + 1)
    ]


def agent_subjects(table: EntityTable, token: Token) -> list[str]:
    """ "The company is headed by its chief executive, X": for a noun in the
    "by" phrase of a passive verb, what the verb's subject stands for."""
    while token.dep_ == "conj":
        token = token.head
    if token.dep_ != "pobj" or token.head.dep_ != "agent":
        return []
    verb = token.head.head
    passive = [c for c in verb.children if c.dep_ == "nsubjpass"] or subjects(verb)
    return [e for s in passive for e, _ in referents(table, s)]
