"""What kind of SPARQL request a text is, without running it.

The text is read as words outside comments, strings and IRIs, so a keyword
inside a literal ("SERVICE" in a label) does not count.

>>> query_kind("PREFIX x: <http://x/> SELECT * WHERE { ?s ?p ?o }")
'SELECT'
>>> query_shape('SELECT * WHERE { ?s ?p "SERVICE" }')
('SELECT', False)
>>> query_shape("SELECT * WHERE { SERVICE <http://x/sparql> { ?s ?p ?o } }")
('SELECT', True)
>>> query_kind("INSERT DATA { <http://a> <http://b> <http://c> }")
Traceback (most recent call last):
...
kg.errors.QueryError: SPARQL Update (INSERT) is not allowed here; this endpoint is read-only
"""

from __future__ import annotations

import re

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
_NOISE = re.compile(
    r'#[^\n]*|"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\'|"(?:\\.|[^"\\\n])*"|\'(?:\\.|[^\'\\\n])*\'|<[^<>"{}|^`\\\s]*>'
)
_WORD = re.compile(r"[A-Za-z_][\w-]*:?")


def _words(text: str) -> list[str]:
    return _WORD.findall(_NOISE.sub(" ", text))


def query_kind(text: str) -> str:
    """SELECT, ASK, CONSTRUCT or DESCRIBE; ``QueryError`` for an update or for
    text that is not a SPARQL query."""
    return _kind(_words(text))


def query_shape(text: str) -> tuple[str, bool]:
    """``query_kind``, and whether the query calls other endpoints
    (``SERVICE``, a federated query), read in one pass."""
    words = _words(text)
    return _kind(words), _calls_service(words)


def _calls_service(words: list[str]) -> bool:
    return any(word.upper() == "SERVICE" for word in words)


def _kind(words: list[str]) -> str:
    remaining = iter(words)
    for word in remaining:
        upper = word.upper()
        if upper in {"PREFIX", "BASE"}:
            if upper == "PREFIX":
                next(remaining, None)  # the prefix name
            continue
        if upper in QUERY_FORMS:
            return upper
        if upper in UPDATE_FORMS:
            raise QueryError(
                f"SPARQL Update ({upper}) is not allowed here; this endpoint is read-only"
            )
        break
    raise QueryError("not a SPARQL query: expected SELECT, ASK, CONSTRUCT or DESCRIBE")
