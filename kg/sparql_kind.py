"""What kind of SPARQL request a text is, without running it.

>>> query_kind("PREFIX x: <http://x/> SELECT * WHERE { ?s ?p ?o }")
'SELECT'
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


def query_kind(text: str) -> str:
    """SELECT, ASK, CONSTRUCT or DESCRIBE; ``QueryError`` for an update or for
    text that is not a SPARQL query."""
    cleaned = _NOISE.sub(" ", text)
    words = iter(_WORD.findall(cleaned))
    for word in words:
        upper = word.upper()
        if upper in {"PREFIX", "BASE"}:
            if upper == "PREFIX":
                next(words, None)  # the prefix name
            continue
        if upper in QUERY_FORMS:
            return upper
        if upper in UPDATE_FORMS:
            raise QueryError(
                f"SPARQL Update ({upper}) is not allowed here; this endpoint is read-only"
            )
        break
    raise QueryError("not a SPARQL query: expected SELECT, ASK, CONSTRUCT or DESCRIBE")
