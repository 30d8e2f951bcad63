"""What the article itself says a name denotes, whatever the model tagged.

The small English model mistypes names in news in predictable ways: a person
tagged as an organisation or a place ("Zakharova, the ministry's
spokeswoman"), a company tagged as a place, a town tagged as an organisation.
The sentence usually says what the name is, and these functions read it:

- the name's head word: "Oberlin College", "Drexel Burnham Lambert Inc.",
  "Cameron Parish", "Nelson Street", "University of Michigan" (``name_heads.tsv``);
- a class noun or a title beside it: in apposition ("Codelco, the state
  copper company"; "Lazutkin, a former deputy director"), as its head ("the
  NHK network"), before it ("the town of Lowman"; "Prince Norodom
  Ranariddh") (``class_nouns.tsv``, ``roles.tsv``, ``honorifics.tsv``);
- an age in commas after it: "Cheek, 53, is a former ..." is a person;
- what its clause says of it: "X, who ...", "X is a professor at ...", "X
  served as chief counsel", "X was born in ..." (a person noun that only a
  person is: not "X is a leader in chips", ``roles.tsv`` column holder);
- a first name ("Marie Ferraro", or "Javier" alone) or a middle initial ("Ulf
  D. Merbold");
- the verb it is the organisation of: "joined Timbercreek", "taught at the
  Sorbonne" (``stative_verbs.tsv``; ``joined``, for names that are no known
  place: one serves in Helmand, too);
- a name tagged as a person that is headquartered: "Cole Carbide is
  headquartered in Warren", "Headquartered in Alton, Ill., Acme ..." (a person
  may be based somewhere, never headquartered).

Each function takes a name's span and returns a ``NameClass`` (type, sector,
gender) or None when the sentence says nothing.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from kg.lexicon import (
    NameClass,
    class_nouns,
    given_names,
    honorifics,
    name_heads,
    person_noun_endings,
    roles,
    stative_verbs,
)

PERSON = NameClass("Person", None)
ORGANISATION = NameClass("Organization", None)
WHO = {"who", "whom", "whose"}
COPULAS = {"be", "become", "remain"}
NAME_PREPOSITIONS = {"of", "for", "on", "de", "del", "di", "des", "du", "della"}
PLACE_TYPES = {"City", "Region", "Place"}
MAX_AGE = 120
EMPLOYER_SECTORS = {"business", "education", "media", "health", "culture", "sports", "membership"}


def name_class(span: Span, model_label: str) -> NameClass | None:
    """The type the sentence gives the name ``span``, strongest evidence first."""
    head = name_head(span)
    if head is not None:
        return head
    if model_label == "PERSON":
        return (
            _class_beside(span)
            or (ORGANISATION if headquartered(span) else None)
            or (PERSON if followed_by_age(span) or title_before(span) is not None else None)
        )
    return (
        _class_beside(span)
        or (PERSON if followed_by_age(span) or title_before(span) is not None else None)
        or (PERSON if looks_personal(span) or clause_says_person(span) else None)
        or (PERSON if model_label == "ORG" and _first_name_alone(span) else None)
    )


def _first_name_alone(span: Span) -> bool:
    """ "Javier joined ...": a known first name standing alone, as biographies
    name their subject, is a person's, whatever the model tagged."""
    return len(span) == 1 and span[0].lower_ in given_names() and span[0].text[1:].islower()


def headquartered(span: Span) -> bool:
    """ "Cole Carbide is headquartered in Warren", "Headquartered in Alton, Ill.,
    Acme has ...": the subject of "headquartered", or the name after the comma
    of a sentence that opens with it."""
    root = span.root
    if root.dep_ in {"nsubj", "nsubjpass"} and root.head.lemma_ == "headquarter":
        return True
    doc = span.doc
    opening = next((t for t in doc[span.sent.start : span.start] if t.pos_ != "ADV"), None)
    return (
        opening is not None
        and opening.lemma_ == "headquarter"
        and doc[span.start - 1].text == ","
        and not any(t.pos_ in {"NOUN", "PRON"} for t in doc[opening.i : span.start])
    )


def joined(span: Span) -> bool:
    """ "joined Timbercreek", "taught at the Sorbonne", "works for Acme": what a
    verb of employment or membership (``stative_verbs.tsv``) takes as the
    organisation; "a professor at X", "an engineer with X"."""
    root = span.root
    head = root.head
    if root.dep_ == "dobj":
        verb, preposition = head, "-"
    elif root.dep_ == "pobj" and head.dep_ == "prep":
        verb, preposition = head.head, head.lower_
        if preposition in {"at", "with"} and _personal_noun(verb):  # "a professor at X"
            return True
    else:
        return False
    return any(
        entry.predicate in {"holdsPosition", "memberOf"}
        and not entry.inverse
        and preposition in entry.prepositions
        for entry in stative_verbs().get(verb.lemma_.lower(), ())
    )


def employer(span: Span) -> bool:
    """ "joined Vantorix", "after leaving Brightwave", "the chairman of Qellum": a
    name that a verb of employment takes as its object, or that a title outside
    government names with its preposition, is where the position is held, even
    where the model took it for a person (not "joined Smith in calling for ...",
    "a scientist with Smith", or "the mayor of X", which may be a town)."""
    root = span.root
    head = root.head
    if root.dep_ == "dobj":
        return joined(span) and not any(
            c.dep_ == "prep" and c.lower_ == "in" and any(g.tag_ == "VBG" for g in c.children)
            for c in head.children
        )
    if root.dep_ != "pobj" or head.dep_ != "prep":
        return False
    noun = head.head
    role = roles().get(noun.lower_) or roles().get(noun.lemma_.lower())
    preposition = head.lower_  # "a scientist with X": X may be the person worked with
    return (
        role is not None
        and role.sector in EMPLOYER_SECTORS
        and preposition in role.prepositions
        and preposition != "with"
    )


def name_head(span: Span) -> NameClass | None:
    """What the name's head word says: its last word ("Oberlin College"), or,
    when a preposition follows inside the name, the word before it or the
    first word ("Massachusetts Institute of Technology", "University of
    Michigan", "Centro Nacional de Microelectronica")."""
    if len(span) < 2:
        return None
    heads = name_heads()
    head = heads.get(span[-1].text)
    inner = next((t.i for t in span[1:-1] if t.lower_ in NAME_PREPOSITIONS), None)
    if head is None and inner is not None:
        head = heads.get(span.doc[inner - 1].text) or heads.get(span[0].text)
    return head


def noun_class(token: Token, described: bool = False) -> NameClass | None:
    """What a common noun says about a name beside it: a class noun, a title, or
    a person noun by its ending ("zoologist", "physician"). A title before the
    name is a person's ("candidate Ana Ruiz"); one that ``described`` the name
    (in apposition, after a copula) only when only a person holds it
    ("Zakharova, the spokeswoman"; not "Acme, a leader in chips")."""
    found = class_nouns().get(token.lemma_.lower()) or class_nouns().get(token.lower_)
    if found is not None:
        return found
    role = roles().get(token.lower_) or roles().get(token.lemma_.lower())
    if role is not None:
        if described and not role.personal:
            return None
        return NameClass("Person", role.sector, role.gender)
    lemma = token.lemma_.lower()
    if token.pos_ == "NOUN" and lemma.isalpha() and lemma.endswith(person_noun_endings()):
        return PERSON
    return None


def _class_beside(span: Span) -> NameClass | None:
    root = span.root
    if span.start > 0:
        before = span.doc[span.start - 1]  # "the copper company Kestrava", however parsed
        if before.pos_ == "NOUN" and before.text.islower():
            found = noun_class(before)
            if found is not None and found.type != "Work":
                return found
    for child in root.children:
        if child.dep_ == "appos" or (child.dep_ in {"compound", "amod"} and child.i < span.start):
            found = noun_class(child, described=child.dep_ == "appos")
            if found is not None and found.type != "Work":
                return found
    if root.dep_ == "appos":
        found = noun_class(root.head, described=True)
        if found is not None and found.type != "Work":
            return found
    if root.dep_ == "compound" and root.head.i >= span.end:
        found = noun_class(root.head)  # "the NHK network": not "the Lavrov interview"
        if found is not None and found.type not in {"Person", "Work"}:
            return found
    if root.dep_ == "pobj" and root.head.lower_ == "of":
        found = noun_class(root.head.head)  # "the town of Lowman" (not "the mayor of X")
        if found is not None and found.type in PLACE_TYPES:
            return found
    return None


def clause_says_person(span: Span) -> bool:
    """ "X, who ...", "X is a professor", "X served as chairman", "X was born":
    the name's own clause says that only a person can be meant."""
    root = span.root
    for child in root.children:
        if child.dep_ == "relcl" and any(t.lower_ in WHO for t in child.children):
            return True
    if root.dep_ not in {"nsubj", "nsubjpass"}:
        return False
    verb = root.head
    if verb.lemma_ == "bear" and verb.tag_ == "VBN":  # "X was born in ..."
        return True
    complements = [c for c in verb.children if c.dep_ in {"attr", "oprd"}]
    if verb.lemma_ in {"serve", "work"}:  # "X served as chief counsel"
        complements += [
            p for c in verb.children if c.dep_ == "prep" and c.lower_ == "as" for p in c.children
        ]
    elif verb.lemma_ not in COPULAS:
        return False
    return any(_personal_noun(n) for c in complements for n in (c, *c.conjuncts))


def _personal_noun(noun: Token) -> bool:
    """A noun only a person can be: "professor", "physicist", "chief executive"."""
    if noun.pos_ not in {"NOUN", "PROPN"}:
        return False
    words = [noun, *(c for c in noun.children if c.dep_ == "compound" and c.i < noun.i)]
    found = [noun_class(w, described=True) for w in words]  # "Professor Emeritus"
    return any(f is not None and f.type == "Person" for f in found)


def person_word(word: str) -> bool:
    """Whether a capitalised word before a name is an occupation or title that
    only a person has ("Soprano", "Linguist", "Actress"), not a first name
    ("Christian", "Brian")."""
    lower = word.lower()
    if lower in given_names():
        return False
    found = class_nouns().get(lower)
    if found is not None:
        return found.type == "Person"
    role = roles().get(lower)
    if role is not None:
        return role.personal
    return lower.isalpha() and lower.endswith(person_noun_endings())


def followed_by_age(span: Span) -> bool:
    """ "Cheek, 53, is ...": a name, a comma, a small number, a comma."""
    doc, end = span.doc, span.end
    if end + 2 >= len(doc) or doc[end].text != "," or doc[end + 2].text not in {",", ")"}:
        return False
    number = doc[end + 1].text
    return number.isdigit() and 0 < int(number) <= MAX_AGE


def title_before(span: Span) -> str | None:
    """The gender (or "" when none) of an honorific or a title right before the
    name ("Mrs. Higgins", "President Maduro", "Sen. Garn"), else None."""
    if span.start == 0:
        return None
    before = span.doc[span.start - 1]
    if not before.text[:1].isupper():
        return None
    if before.lower_ in honorifics():
        return honorifics()[before.lower_] or ""
    role = roles().get(before.lower_)
    return (role.gender or "") if role is not None else None


def looks_personal(span: Span) -> bool:
    """Two to four capitalised words that start with a known first name or hold
    a middle initial: "Marie Magdefrau Ferraro", "Ulf D. Merbold"."""
    words = [t for t in span if not t.is_punct]
    if not 2 <= len(words) <= 4 or not all(t.text[:1].isupper() for t in words):
        return False
    if words[0].lower_ in given_names():
        return True
    return len(words) == 3 and len(words[1].text.rstrip(".")) == 1 and words[1].text.endswith(".")


def gender_of(first_word: str) -> str | None:
    """The gender a first name usually carries, if it is a known one."""
    return given_names().get(first_word.lower())
