"""SPARQL queries served past FastAPI's routing layers.

A query to ``/sparql`` is the service's hottest request, and a typical one
takes Oxigraph under a millisecond. FastAPI's exception middleware, router,
route matching and endpoint machinery cost about half a millisecond more in
Python on each request, which alone made our endpoint twice as slow as a bare
``oxigraph serve`` (``benchmarks/service_latency.py``, profiled with cProfile).

``SparqlFastPath`` is an ASGI middleware that takes the query requests — a
``POST /sparql``, or a ``GET /sparql`` with a query string — and answers them
with the very handler the route uses (``api.routers.sparql.answer``); errors
get the same JSON answers as everywhere (``api.errors``). Everything else,
the service description included, goes on to FastAPI, where ``/sparql`` stays
declared for the OpenAPI documentation. It sits inside FastAPI's server-error
middleware, so an unexpected error is still a JSON 500.
"""

from __future__ import annotations

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.types import ASGIApp, Receive, Scope, Send

from api.errors import http_error_response, kg_error_response
from api.protocol import read_operation
from api.routers.sparql import answer
from kg.errors import KGError

PATH = "/sparql"


class SparqlFastPath:
    """Answers SPARQL query requests directly; passes the rest to ``app``."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if not _is_query(scope):
            await self.app(scope, receive, send)
            return
        request = Request(scope, receive)
        state = request.app.state
        try:
            operation = await read_operation(request, "query")
            response = await answer(request, state.sparql_runner, state.graph, operation)
        except KGError as exc:
            response = kg_error_response(exc)
        except HTTPException as exc:
            response = http_error_response(exc)
        await response(scope, receive, send)


def _is_query(scope: Scope) -> bool:
    if scope["type"] != "http" or scope["path"] != PATH:
        return False
    return scope["method"] == "POST" or (scope["method"] == "GET" and bool(scope["query_string"]))
