"""SPARQL queries answered by a bare ASGI handler, ahead of FastAPI.

A query to ``/sparql`` is the service's hottest request, and a typical one
takes Oxigraph under a millisecond, so every tenth of a millisecond of Python
around it shows against a bare ``oxigraph serve``
(``benchmarks/service_latency.py``). FastAPI's middleware (error, telemetry
and body-limit layers, each wrapping ``send``), its router and its
``Request``/``Response`` objects cost about as much as the query.

``answer_query`` therefore reads a query request — a ``POST /sparql``, or a
``GET /sparql`` with a query string (``is_query``) — straight from the ASGI
scope: the headers it needs in one pass over the list, the body from
``receive``; it checks and negotiates with the same functions as the route
(``api.protocol.operation_of``, ``api.routers.sparql.result_media_type``,
whose Accept lookup is cached), runs and serialises the query in ONE hop to
the SPARQL runner's worker (``run_query``: deadline and row cap included), and
sends the answer as one start and one body message. Errors get the same JSON
answers as everywhere (``api.errors``), an unexpected one a logged 500.
Everything else — the service description included — goes to FastAPI, where
``/sparql`` stays declared for the OpenAPI documentation.
"""

from __future__ import annotations

from starlette.exceptions import HTTPException
from starlette.types import Receive, Scope, Send

from api.errors import http_error_response, kg_error_response, unexpected_error_response
from api.protocol import operation_of
from api.routers.sparql import endpoint_iri, result_media_type, run_query, with_charset
from kg.errors import KGError

PATH = "/sparql"


def is_query(scope: Scope) -> bool:
    """Whether an ASGI request is a SPARQL query sent to ``/sparql``."""
    if scope["type"] != "http" or scope["path"] != PATH:
        return False
    return scope["method"] == "POST" or (scope["method"] == "GET" and bool(scope["query_string"]))


async def answer_query(state: object, scope: Scope, receive: Receive, send: Send) -> None:
    """Answer the query request ``scope`` with the graph and SPARQL runner of
    the app's ``state`` (opened by its lifespan)."""
    try:
        body = await _answer(state, scope, receive)
    except KGError as exc:
        response = kg_error_response(exc)
    except HTTPException as exc:
        response = http_error_response(exc)
    except _ClientGone:
        return
    except Exception as exc:
        response = unexpected_error_response(exc)
    else:
        media_type, content = body
        headers = [
            (b"content-type", with_charset(media_type).encode("latin-1")),
            (b"content-length", str(len(content)).encode("latin-1")),
            (b"vary", b"Accept"),
        ]
        await send({"type": "http.response.start", "status": 200, "headers": headers})
        await send({"type": "http.response.body", "body": content})
        return
    await response(scope, receive, send)


async def _answer(state: object, scope: Scope, receive: Receive) -> tuple[str, bytes]:
    accept = content_type = None
    for name, value in scope["headers"]:
        if name == b"accept" and accept is None:
            accept = value.decode("latin-1")
        elif name == b"content-type" and content_type is None:
            content_type = value.decode("latin-1")
    method = scope["method"]
    body = await _body(receive) if method == "POST" else b""
    query_string = scope["query_string"].decode("latin-1")
    operation = operation_of("query", method, query_string, content_type or "", body)
    graph = state.graph  # type: ignore[attr-defined]
    media_type = result_media_type(graph, operation, accept)
    runner = state.sparql_runner  # type: ignore[attr-defined]
    return media_type, await run_query(runner, graph, operation, media_type, endpoint_iri(scope))


class _ClientGone(Exception):
    """The client disconnected before sending its whole request."""


async def _body(receive: Receive) -> bytes:
    chunks = []
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            raise _ClientGone
        chunks.append(message.get("body", b""))
        if not message.get("more_body", False):
            return b"".join(chunks)
