"""Quantities: amounts attached to what they measure, with their unit.

"99 Russian military staff" measures the staff (no unit); "35 tonnes of
cargo" is 35 of the unit tonne and measures the cargo; "$5.1 million of aid"
is 5,100,000 dollars of aid; "a grant of 580 million shillings" measures the
grant; "$5 million" alone measures dollars. An amount whose object is not said
("killed 20") is left out. Numbers written as words and units are data
(``kg/lexicon/number_words.tsv``, ``units.tsv``). Dates, times, ordinals and
years are not quantities.

``quantity_phrases(doc)`` finds them; ``attach`` gives each to the
interactions whose trigger governs it most closely: in "99 staff arrived ...
on board two planes, which also delivered 35 tonnes of cargo" all three
belong to the arrival.

>>> amount_of(["5.1", "million"]), amount_of(["two"]), amount_of(["1,000"])
(5100000.0, 2.0, 1000.0)
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.tokens import Doc, Token

from kg.extract.evidence import token_span
from kg.lexicon import number_words, units
from kg.models import Quantity

NOT_QUANTITIES = {"DATE", "TIME", "ORDINAL"}
NAMES = {"FAC", "ORG", "EVENT", "WORK_OF_ART", "LAW", "GPE", "PERSON", "PRODUCT", "LOC", "NORP"}
CLAUSES = {"advcl", "ccomp", "xcomp", "parataxis", "conj", "csubj"}  # other acts' clauses
NUMBER_DEPS = {"nummod", "compound", "quantmod"}


def amount_of(words: Iterable[str]) -> float | None:
    """The value of a number written in digits and words ("5.1 million", "two")."""
    total, current, seen = 0.0, 0.0, False
    for word in words:
        lower = word.lower().replace(",", "")
        known = number_words().get(lower)
        if known is not None:
            value, multiplies = known
            if multiplies:
                total += (current or 1.0) * value
                current = 0.0
            else:
                current += value
            seen = True
            continue
        try:
            current += float(lower)
            seen = True
        except ValueError:
            continue
    return total + current if seen else None


def quantity_phrases(doc: Doc, body_start: int = 0) -> Iterator[tuple[Token, Quantity]]:
    """(the token the quantity hangs on, the quantity) for every amount in the body."""
    for token in doc:
        if token.idx < body_start or not _is_number(token):
            continue
        if token.ent_type_ in NOT_QUANTITIES | NAMES:
            continue  # a date, or a number inside a name: "10 Downing Street", "Six Nations"
        if token.dep_ in NUMBER_DEPS and _is_number(token.head):
            continue  # part of a larger number: "5.1" in "5.1 million"
        counted = token.head if token.dep_ in {"nummod", "quantmod"} else token
        found = _quantity(token, counted)
        if found is not None:
            yield counted, found


def attach(anchors: dict[int, list[int]], doc: Doc, body_start: int = 0) -> dict[int, list]:
    """Quantities per record: ``anchors`` maps trigger token index -> record numbers."""
    attached: dict[int, list[Quantity]] = {}
    for counted, quantity in quantity_phrases(doc, body_start):
        token = counted
        for _ in range(12):
            if token.i in anchors:
                for record in anchors[token.i]:
                    attached.setdefault(record, []).append(quantity)
                break
            if token.head.i == token.i or token.dep_ in CLAUSES:
                break  # "criticised the economy, pointing to 800,000 lost jobs": not its own
            token = token.head
    return attached


def _is_number(token: Token) -> bool:
    if token.lower_ in {"m", "bn"}:  # "375m": a multiplier only right after a number
        before = token.doc[token.i - 1] if token.i > 0 else None
        return before is not None and before.like_num and not before.whitespace_
    return (token.like_num or token.lower_ in number_words()) and not _is_year(token)


def _is_year(token: Token) -> bool:
    return token.text.isdigit() and len(token.text) == 4 and token.text[:2] in {"19", "20"}


def _quantity(number: Token, counted: Token) -> Quantity | None:
    written = [t for t in number.subtree if t.i <= number.i]  # "more than 1,000", "$ 5.1 million"
    amount = amount_of(t.text for t in written if _is_number(t))
    if amount is None or counted.i < number.i:
        return None  # "Resolution 1441" names, it does not count
    before = number.doc[written[0].i - 1] if written[0].i > 0 else None
    if before is not None and _unit(before):
        written = [before, *written]  # "dollars 375m", as some papers write it
    if counted is number:  # "two of its nationals", "$5.1 million of aid", "$5 million in aid"
        unit = next((_unit(t) for t in written if _unit(t)), None)
        measured = _of_object(number) or (_of_object(number, "in") if unit else None)
    else:
        unit = _unit(counted)
        measured = counted if unit is None else _of_object(counted)
        if measured is None and counted.dep_ == "pobj" and counted.head.lower_ == "of":
            measured = counted.head.head  # "a grant of 580 million shillings"
    measures = _noun_phrase(measured, after=number.i) if measured is not None else unit
    if not measures:
        return None  # "killed 20": what is counted is not said
    last = max(
        (t for t in (counted, measured) if t is not None and t.i >= number.i), key=lambda t: t.i
    )
    return Quantity(amount, unit, measures, token_span(written[0], last))


def _unit(token: Token) -> str | None:
    return units().get(token.lower_) or units().get(token.lemma_.lower())


def _of_object(token: Token, preposition: str = "of") -> Token | None:
    for prep in token.children:
        if prep.dep_ == "prep" and prep.lower_ == preposition:
            for pobj in prep.children:
                if pobj.dep_ == "pobj":
                    return pobj
    return None


def _noun_phrase(head: Token, after: int) -> str:
    """The head noun with its modifiers between the number and it: "Russian military staff"."""
    modifiers = [
        t for t in head.lefts if t.dep_ in {"amod", "compound", "nmod", "poss"} and t.i > after
    ]
    start = min([head.i, *(max(m.left_edge.i, after + 1) for m in modifiers)])
    words = head.doc[start : head.i + 1]
    return " ".join(t.text for t in words if not (t.is_punct or t.like_num or t.dep_ == "det"))
