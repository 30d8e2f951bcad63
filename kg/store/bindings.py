"""Bound values for fixed SPARQL queries, never user text pasted into them.

A value is turned into an RDF term by pyoxigraph (which validates IRIs and
escapes literals) and joined into the query as a ``VALUES`` block at the top
of its outermost group, so filters inside the group see it. A list or tuple
binds its variable to any of its values (an empty one matches nothing).

>>> inline_values("SELECT ?e WHERE { ?e ?p ?name }", {"name": 'say "hi"'})
'SELECT ?e WHERE { VALUES (?name) { ("say \\\\"hi\\\\"") } ?e ?p ?name }'
>>> inline_values("SELECT ?e WHERE { ?e ?p ?n }", {"n": ["a", "b"]})
'SELECT ?e WHERE { VALUES ?n { "a" "b" } ?e ?p ?n }'
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date

import pyoxigraph as ox

from kg.errors import QueryError

XSD = "http://www.w3.org/2001/XMLSchema#"
_GROUP = re.compile(r"\bWHERE\s*\{|\bASK\s*\{", re.IGNORECASE)


class IRI(str):
    """A value to bind as an IRI rather than as a string literal."""


def to_term(value: object) -> ox.NamedNode | ox.Literal:
    """A pyoxigraph term for a Python value (``IRI`` values become IRIs)."""
    if isinstance(value, IRI):
        try:
            return ox.NamedNode(str(value))
        except ValueError:
            raise QueryError(f"not a valid IRI: {str(value)[:100]!r}") from None
    if isinstance(value, bool):
        return ox.Literal(str(value).lower(), datatype=ox.NamedNode(f"{XSD}boolean"))
    if isinstance(value, int):
        return ox.Literal(str(value), datatype=ox.NamedNode(f"{XSD}integer"))
    if isinstance(value, float):
        return ox.Literal(repr(value), datatype=ox.NamedNode(f"{XSD}decimal"))
    if isinstance(value, date):
        return ox.Literal(value.isoformat(), datatype=ox.NamedNode(f"{XSD}date"))
    return ox.Literal(str(value))


def values_clause(bindings: Mapping[str, object]) -> str:
    """``VALUES`` blocks binding each name to its value (or, for a list or
    tuple, to any of its values), the values escaped by pyoxigraph. Queries
    whose inner groups need a binding (a union branch, a subquery) place this
    text there themselves.

    >>> values_clause({"q": "lavrov", "n": ["a", "b"]})
    'VALUES (?q) { ("lavrov") } VALUES ?n { "a" "b" }'
    """
    scalars = {k: v for k, v in bindings.items() if not isinstance(v, list | tuple)}
    blocks = []
    if scalars:
        names = " ".join(f"?{name}" for name in scalars)
        terms = " ".join(str(to_term(value)) for value in scalars.values())
        blocks.append(f"VALUES ({names}) {{ ({terms}) }}")
    for name, values in bindings.items():
        if isinstance(values, list | tuple):
            blocks.append(f"VALUES ?{name} {{ {' '.join(str(to_term(v)) for v in values)} }}")
    return " ".join(blocks)


def inline_values(query: str, bindings: Mapping[str, object] | None) -> str:
    """``query`` with ``bindings`` joined in as VALUES blocks at the top of its
    outermost group."""
    if not bindings:
        return query
    match = _GROUP.search(query)
    if match is None:
        raise ValueError("bindings need a query with a WHERE (or ASK) group")
    return query[: match.end()] + " " + values_clause(bindings) + query[match.end() :]
