"""What the article itself says a name denotes, whatever the model tagged.

The small English model mistypes names in news in predictable ways: a person
tagged as an organisation or a place ("Zakharova, the ministry's
spokeswoman"), a company tagged as a place, a town tagged as an organisation.
The sentence usually says what the name is, and these functions read it:

- the name's last word: "Oberlin College", "Drexel Burnham Lambert Inc.",
  "Cameron Parish", "Nelson Street" (``name_heads.tsv``);
- a class noun or a title beside it: in apposition ("Codelco, the state
  copper company"; "Lazutkin, a former deputy director"), as its head ("the
  NHK network"), before it ("the town of Lowman"; "Prince Norodom
  Ranariddh") (``class_nouns.tsv``, ``roles.tsv``, ``honorifics.tsv``);
- an age in commas after it: "Cheek, 53, is a former ..." is a person;
- a first name ("Marie Ferraro") or a middle initial ("Ulf D. Merbold").

Each function takes a name's span and returns a ``NameClass`` (type, sector,
gender) or None when the sentence says nothing.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from kg.lexicon import NameClass, class_nouns, given_names, honorifics, name_heads, roles

PERSON = NameClass("Person", None)
PLACE_TYPES = {"City", "Region", "Place"}
MAX_AGE = 120


def name_class(span: Span, model_label: str) -> NameClass | None:
    """The type the sentence gives the name ``span``, strongest evidence first."""
    if len(span) > 1:
        head = name_heads().get(span[-1].text)
        if head is not None:
            return head
    return (
        _class_beside(span)
        or (PERSON if followed_by_age(span) or title_before(span) is not None else None)
        or (PERSON if model_label != "PERSON" and looks_personal(span) else None)
    )


def noun_class(token: Token) -> NameClass | None:
    """What a common noun says about a name beside it: a class noun, or a title
    (a position is held by a person)."""
    found = class_nouns().get(token.lemma_.lower()) or class_nouns().get(token.lower_)
    if found is not None:
        return found
    role = roles().get(token.lower_) or roles().get(token.lemma_.lower())
    return NameClass("Person", role.sector, role.gender) if role is not None else None


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
            found = noun_class(child)
            if found is not None and found.type != "Work":
                return found
    if root.dep_ == "appos":
        found = noun_class(root.head)
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
