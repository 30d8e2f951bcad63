"""What kind of SPARQL request a text is, without running it.

The text is read as words outside comments, strings and IRIs, so a keyword
inside a literal ("SERVICE" in a label) does not count; nor does a variable
(``?service``), a prefixed name (``ex:from``) or a language tag that reads
like a keyword. A word ending in a colon is a prefix name (``ex:``; the empty
prefix ``:`` is no word at all), never a keyword.

>>> query_kind("PREFIX x: <http://x/> SELECT * WHERE { ?s ?p ?o }")
'SELECT'
>>> query_shape('SELECT * WHERE { ?s ?p "SERVICE" }')
('SELECT', False)
>>> query_shape("SELECT * WHERE { SERVICE <http://x/sparql> { ?s ?p ?o } }")
('SELECT', True)
>>> declares_dataset("SELECT * FROM <http://x/g> WHERE { ?s ?p ?o }")
True
>>> query_kind("INSERT DATA { <http://a> <http://b> <http://c> }")
Traceback (most recent call last):
...
kg.errors.QueryError: SPARQL Update (INSERT) is not allowed here; this endpoint is read-only
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from kg.errors import QueryError

QUERY_FORMS = {"SELECT", "ASK", "CONSTRUCT", "DESCRIBE"}
UPDATE_FORMS = {
    "INSERT",
    "DELETE",
    "LOAD",
    "CLEAR",
    "DROP",
    "CREATE",
    "ADD",
    "MOVE",
    "COPY",
    "WITH",
}
_NOISE = (
    r'#[^\n]*|"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\'|"(?:\\.|[^"\\\n])*"|\'(?:\\.|[^\'\\\n])*\''
    r'|<[^<>"{}|^`\\\s]*>'
)
_TOKENS = re.compile(rf"(?:{_NOISE})|(?<![\w?$:@-])([A-Za-z_][\w.-]*:?)")
"""Comments, strings and IRIs (no group), or a word (group 1)."""


def _words(text: str) -> Iterator[str]:
    """The words of ``text`` outside comments, strings and IRIs, read lazily:
    the kind of a query is known after its prologue."""
    for match in _TOKENS.finditer(text):
        if match.group(1):
            yield match.group(1)


def query_kind(text: str) -> str:
    """SELECT, ASK, CONSTRUCT or DESCRIBE; ``QueryError`` for an update or for
    text that is not a SPARQL query."""
    return _kind(_words(text))


def query_shape(text: str) -> tuple[str, bool]:
    """``query_kind``, and whether the query calls other endpoints
    (``SERVICE``, a federated query). Only a text that holds the letters of
    ``SERVICE`` somewhere is read to its end."""
    kind = _kind(_words(text))
    return kind, "SERVICE" in text.upper() and _calls_service(_words(text))


def _calls_service(words: Iterator[str]) -> bool:
    return any(word.upper() == "SERVICE" for word in words)


def declares_dataset(text: str) -> bool:
    """Whether a query names its own dataset (``FROM`` or ``FROM NAMED``),
    which then replaces the store's default dataset (the SPARQL 1.1 Protocol,
    section 2.1.4, when the request names none). Only a text that holds the
    letters of ``FROM`` somewhere is read."""
    return "FROM" in text.upper() and any(word.upper() == "FROM" for word in _words(text))


def _kind(words: Iterator[str]) -> str:
    for word in words:
        upper = word.upper()
        if upper in {"PREFIX", "BASE"} or word.endswith(":"):
            continue  # a prologue keyword or a prefix name (its IRI is no word)
        if upper in QUERY_FORMS:
            return upper
        if upper in UPDATE_FORMS:
            raise QueryError(
                f"SPARQL Update ({upper}) is not allowed here; this endpoint is read-only"
            )
        break
    raise QueryError("not a SPARQL query: expected SELECT, ASK, CONSTRUCT or DESCRIBE")
