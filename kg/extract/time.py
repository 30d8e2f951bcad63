"""Dates: time expressions resolved against the publication date.

>>> from datetime import date
>>> published = date(2019, 3, 31)            # a Sunday
>>> resolve("On Wednesday", published).day
datetime.date(2019, 3, 27)
>>> resolve("last week", published).start, resolve("last week", published).end
(datetime.date(2019, 3, 18), datetime.date(2019, 3, 24))
>>> resolve("since January", published).precision
'month'
>>> resolve("two weeks ago", published).start
datetime.date(2019, 3, 11)

``time_of(verb)`` finds the expression that dates one event: a date phrase
attached to the event's own verb, never one inside a clause below it (the
date of the saying is not the date of what was said). ``event_time(act)``
also dates an act by the clause it shares its time with: a participle ("...
on Monday, killing 20"), an infinitive ("agreed on Monday to ..."), a
coordinated verb without its own subject, and a relative clause opened by "when"
("since January, when Guaido proclaimed himself ..." -> January).
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from kg.extract.quantities import amount_of
from kg.models import TimeSpan
from kg.read.news import MONTHS

WEEKDAYS = {
    name: i
    for i, name in enumerate(
        ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
    )
}
CLAUSE_DEPS = {"ccomp", "xcomp", "advcl", "relcl", "acl", "conj", "parataxis", "csubj"}
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_YEAR = re.compile(r"\b((?:19|20)\d\d)\b")
_DAY = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\b")


def resolve(text: str, published: date | None) -> TimeSpan | None:
    """The time an expression denotes, or None when it cannot be pinned down."""
    lower = text.lower().strip()
    iso = _ISO.search(lower)
    if iso:
        day = _safe_date(int(iso[1]), int(iso[2]), int(iso[3]))
        return TimeSpan(day, day, "day", text) if day else None
    words = re.findall(r"[a-z]+\.?|\d+", lower)
    month = next((MONTHS[w.rstrip(".")] for w in words if w.rstrip(".") in MONTHS), None)
    year_match = _YEAR.search(lower)
    year = int(year_match[1]) if year_match else None
    if month is not None:
        day_match = _DAY.search(_YEAR.sub(" ", lower))
        if year is None:
            if published is None:
                return None
            year = published.year if month <= published.month else published.year - 1
            if "last" in words and month == published.month:
                year -= 1  # "last March", said in March
            elif "next" in words and month <= published.month:
                year += 1
        if day_match:
            day = _safe_date(year, month, int(day_match[1]))
            return TimeSpan(day, day, "day", text) if day else None
        last = calendar.monthrange(year, month)[1]
        return TimeSpan(date(year, month, 1), date(year, month, last), "month", text)
    if year is not None and not any(w in WEEKDAYS for w in words):
        return TimeSpan(date(year, 1, 1), date(year, 12, 31), "year", text)
    if published is None:
        return None
    return _relative(words, text, published)


def _relative(words: list[str], text: str, published: date) -> TimeSpan | None:
    back = "last" in words or "previous" in words or "past" in words
    ahead = "next" in words or "coming" in words
    ago = _ago(words, text, published)
    if ago is not None:
        return ago
    for word in words:
        if word in WEEKDAYS:
            if ahead:
                day = published + timedelta(days=(WEEKDAYS[word] - published.weekday()) % 7 or 7)
            else:
                offset = (published.weekday() - WEEKDAYS[word]) % 7
                day = published - timedelta(days=offset or (7 if "last" in words else 0))
            return TimeSpan(day, day, "day", text)
    if "today" in words or "tonight" in words:
        return TimeSpan(published, published, "day", text)
    if "yesterday" in words:
        day = published - timedelta(days=1)
        return TimeSpan(day, day, "day", text)
    if "tomorrow" in words:
        day = published + timedelta(days=1)
        return TimeSpan(day, day, "day", text)
    monday = published - timedelta(days=published.weekday())
    shift = -7 if back else 7 if ahead else 0
    if "weekend" in words:
        saturday = monday + timedelta(days=5 + shift)
        return TimeSpan(saturday, saturday + timedelta(days=1), "range", text)
    if "week" in words:
        start = monday + timedelta(days=shift)
        return TimeSpan(start, start + timedelta(days=6), "week", text)
    if "month" in words:
        first = published.replace(day=1)
        if back:
            first = (first - timedelta(days=1)).replace(day=1)
        elif ahead:
            first = (first + timedelta(days=32)).replace(day=1)
        last = calendar.monthrange(first.year, first.month)[1]
        return TimeSpan(first, first.replace(day=last), "month", text)
    if "year" in words:
        year = published.year - 1 if back else published.year + 1 if ahead else published.year
        return TimeSpan(date(year, 1, 1), date(year, 12, 31), "year", text)
    return None


def _ago(words: list[str], text: str, published: date) -> TimeSpan | None:
    """ "three days ago" (a day), "two weeks ago" (that week), "a year ago" (that year)."""
    if "ago" not in words:
        return None
    at = words.index("ago")
    if at < 2:
        return None
    count = amount_of([words[at - 2]]) or (1.0 if words[at - 2] in {"a", "one"} else None)
    unit = words[at - 1].rstrip("s")
    if count is None or count != int(count):
        return None
    n = int(count)
    if unit == "day":
        day = published - timedelta(days=n)
        return TimeSpan(day, day, "day", text)
    if unit == "week":
        day = published - timedelta(weeks=n)
        start = day - timedelta(days=day.weekday())
        return TimeSpan(start, start + timedelta(days=6), "week", text)
    if unit == "year":
        year = published.year - n
        return TimeSpan(date(year, 1, 1), date(year, 12, 31), "year", text)
    return None


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def time_of(verb: Token, published: date | None) -> TimeSpan | None:
    """The date of the event that ``verb`` (or event noun) expresses."""
    for token in _own_dependents(verb):
        found = _date_at(token, published)
        if found is not None:
            return found
    return None


def event_time(act: Token, published: date | None, depth: int = 4) -> TimeSpan | None:
    """The date of an act: its own date phrase, else that of the clause it shares
    its time with (see the module docstring)."""
    head = act.head
    shares = depth > 0 and head.i != act.i and _shares_time(act)
    if shares and act.tag_ == "VBG" and act.dep_ == "advcl":
        # a participle is told at the time of its clause; a date at its end
        # usually belongs to its object ("contesting the election last year")
        return event_time(head, published, depth - 1) or time_of(act, published)
    own = time_of(act, published)
    if own is not None or depth == 0:
        return own
    if shares:
        return event_time(head, published, depth - 1)
    if any(c.lower_ == "when" and c.dep_ == "advmod" for c in act.children):
        return _antecedent_date(act, published)
    return None


def _antecedent_date(clause: Token, published: date | None) -> TimeSpan | None:
    """The date a "when" clause refers back to: "since January, when ..."."""
    if clause.dep_ == "relcl":
        found = _date_at(clause.head, published)
        if found is not None:
            return found
    start = clause.left_edge.i
    before = clause.doc[start - 1] if start > 0 else None
    if before is not None and before.is_punct and start > 1:
        before = clause.doc[start - 2]
    return _date_at(before, published) if before is not None else None


def _shares_time(act: Token) -> bool:
    if act.dep_ in {"xcomp", "acomp"}:
        return True
    if act.dep_ == "advcl":
        return not any(c.dep_ in {"mark", "nsubj"} for c in act.children)
    if act.dep_ == "conj":
        return not any(c.dep_ in {"nsubj", "nsubjpass"} for c in act.children)
    return False


def _entity_around(token: Token) -> SpacySpan:
    """The named-entity span ``token`` is part of, read from its neighbours' IOB tags
    (``doc.ents`` would build every entity of the document)."""
    doc = token.doc
    start = token.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = token.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return doc[start:end]


def _date_at(token: Token, published: date | None) -> TimeSpan | None:
    """The time of the date phrase ``token`` is part of, with its preposition."""
    if token.ent_type_ != "DATE":
        return None
    ent = _entity_around(token)
    text = ent.text
    prep = ent.root.head if ent.root.dep_ == "pobj" else None
    if prep is not None and prep.lower_ in {"since", "on", "in", "by", "until"}:
        text = f"{prep.text} {text}"
    return resolve(text, published)


def _own_dependents(verb: Token) -> list[Token]:
    """Tokens below ``verb`` that are not inside a lower clause, nearest first."""
    found: list[Token] = []
    stack = [c for c in verb.children if c.dep_ not in CLAUSE_DEPS]
    while stack:
        token = stack.pop(0)
        found.append(token)
        stack.extend(c for c in token.children if c.dep_ not in CLAUSE_DEPS)
    return found
