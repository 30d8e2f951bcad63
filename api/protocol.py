"""Reading a SPARQL 1.1 Protocol request: the operation and its dataset.

A query (or an update) arrives in one of three ways, and each has its rules
(https://www.w3.org/TR/sparql11-protocol/):

- ``GET`` with the parameters in the URL (queries only);
- ``POST`` with ``application/x-www-form-urlencoded``: the parameters in the
  body (dataset parameters may also be in the URL);
- ``POST`` with ``application/sparql-query`` (``application/sparql-update``):
  the operation is the body, UTF-8; the dataset parameters are in the URL.

Anything else is a 4xx with a short message: two operations, none, an
unsupported media type (415), a charset other than UTF-8, bytes that are not
UTF-8, a dataset parameter that is no absolute IRI, or an update sent to
the query endpoint.

>>> parse_form("query=ASK%20%7B%7D&default-graph-uri=http%3A%2F%2Fe%2Fg")
{'query': ['ASK {}'], 'default-graph-uri': ['http://e/g']}
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal
from urllib.parse import parse_qs

import pyoxigraph as ox
from fastapi import Request
from starlette.exceptions import HTTPException

from kg.errors import InputError, QueryError

FORM = "application/x-www-form-urlencoded"
DIRECT = {"query": "application/sparql-query", "update": "application/sparql-update"}
MAX_OPERATION_CHARS = 100_000
"""The longest query or update taken. Within it, no nesting or chain of
operators is deep enough to exhaust the query workers' stacks
(``api.querying.STACK_BYTES``); beyond it, one request could end the server."""
DATASET = {
    "query": ("default-graph-uri", "named-graph-uri"),
    "update": ("using-graph-uri", "using-named-graph-uri"),
}


@dataclass
class Operation:
    """A query or an update, with the dataset the request names."""

    text: str
    default_graphs: list[str] = field(default_factory=list)
    named_graphs: list[str] = field(default_factory=list)


def parse_form(text: str) -> dict[str, list[str]]:
    """Parameters of a URL query string or a form body (strictly UTF-8)."""
    try:
        return parse_qs(text, keep_blank_values=True, errors="strict")
    except UnicodeDecodeError:
        raise InputError("request", "parameters are not UTF-8 once percent-decoded") from None


async def read_operation(request: Request, kind: Literal["query", "update"]) -> Operation:
    """The query (``kind="query"``) or update of a protocol request."""
    body = await request.body() if request.method == "POST" else b""
    content_type = request.headers.get("content-type", "")
    return operation_of(kind, request.method, request.url.query, content_type, body)


def operation_of(
    kind: Literal["query", "update"], method: str, query_string: str, content_type: str, body: bytes
) -> Operation:
    """The operation of a request, from its parts (``api.fast_path`` reads
    them straight from the ASGI scope).

    >>> operation_of("query", "POST", "", "application/sparql-query", b"ASK {}").text
    'ASK {}'
    """
    params = parse_form(query_string)
    if method == "POST":
        media_type, charset = _content_type(content_type)
        if charset not in (None, "utf-8", "utf8"):
            raise HTTPException(415, f"send the {kind} as UTF-8, not {charset}")
        text = _utf8(body, "the request body")
        if media_type == FORM:
            for name, values in parse_form(text).items():
                params.setdefault(name, []).extend(values)
        elif media_type == DIRECT[kind]:
            if kind in params:
                raise QueryError(f"give the {kind} either in the body or as a parameter, not both")
            params[kind] = [text]
        elif kind == "query" and media_type == DIRECT["update"]:
            raise QueryError("SPARQL Update is not allowed on the query endpoint; use POST /update")
        else:
            raise HTTPException(
                415, f"send the {kind} as {FORM} or {DIRECT[kind]}, not {media_type or 'untyped'}"
            )
    return _operation(params, kind)


def _operation(params: dict[str, list[str]], kind: str) -> Operation:
    other = "update" if kind == "query" else "query"
    if other in params:
        if kind == "query":
            raise QueryError("SPARQL Update is not allowed on the query endpoint; use POST /update")
        raise QueryError("this is the update endpoint; send queries to /sparql")
    texts = params.get(kind, [])
    if len(texts) != 1 or not texts[0].strip():
        raise QueryError(f"give exactly one non-empty '{kind}' parameter")
    if len(texts[0]) > MAX_OPERATION_CHARS:
        raise QueryError(
            f"the {kind} is {len(texts[0]):,} characters long; this server takes at most "
            f"{MAX_OPERATION_CHARS:,}"
        )
    default_name, named_name = DATASET[kind]
    default_graphs, named_graphs = params.get(default_name, []), params.get(named_name, [])
    for name, graphs in ((default_name, default_graphs), (named_name, named_graphs)):
        for graph in graphs:
            _check_iri(name, graph)
    return Operation(texts[0], default_graphs, named_graphs)


def _check_iri(parameter: str, value: str) -> None:
    try:
        ox.NamedNode(value)
    except ValueError:
        raise QueryError(f"{parameter}: {value[:100]!r} is not an absolute IRI") from None


def _content_type(header: str) -> tuple[str, str | None]:
    media_type, *parameters = (part.strip() for part in header.split(";"))
    charset = None
    for parameter in parameters:
        name, _, value = parameter.partition("=")
        if name.strip().lower() == "charset":
            charset = value.strip().strip('"').lower()
    return media_type.lower(), charset


def _utf8(body: bytes, what: str) -> str:
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        raise InputError(what, "is not UTF-8") from None
