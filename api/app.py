"""The FastAPI application factory.

Heavy objects (the store, the spaCy model, the query workers) are opened in
the lifespan, not at import. Handlers never touch the store on the event
loop: reads go to a ``QueryRunner`` (``api.querying``) with a deadline,
writes to the thread pool under one write lock (``api.writing``), which
also drops the actor network kept between requests (``api.network_cache``).
From startup on, new threads get big stacks (``api.querying.STACK_BYTES``):
Oxigraph parses queries, updates and RDF by recursion, and deeply nested
text must not overflow a thread's stack, which ends the whole process.

>>> from kg.config import Settings
>>> app = create_app(Settings(store=":memory:"))
>>> sorted(path for path in app.openapi()["paths"] if path.startswith("/sparql"))
['/sparql']
"""

from __future__ import annotations

import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from starlette.types import Receive, Scope, Send

from api import body_limit, errors
from api.fast_path import answer_query, is_query
from api.network_cache import NetworkCache
from api.querying import STACK_BYTES, QueryRunner
from api.routers import (
    actors,
    articles,
    graph_store,
    health,
    linked_data,
    network,
    relations,
    sparql,
    update,
)
from api.writing import Writing
from kg import __version__
from kg.config import Settings, get_settings
from kg.graph import KnowledgeGraph

ROUTERS = (health, sparql, update, graph_store, actors, relations, network, articles, linked_data)


class Service(FastAPI):
    """The FastAPI app, with request bodies held to ``max_request_bytes``
    (``api.body_limit``) and SPARQL query requests answered ahead of all its
    layers when ``sparql_fast_path`` is on (``api.fast_path``)."""

    sparql_fast_path = True
    max_request_bytes = Settings.model_fields["max_request_bytes"].default

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            checked = await body_limit.check(self.max_request_bytes, scope, receive, send)
            if checked is None:
                return
            receive = checked
        if self.sparql_fast_path and is_query(scope):
            await answer_query(self.state, scope, receive, send)
        else:
            await super().__call__(scope, receive, send)


def create_app(settings: Settings | None = None, sparql_fast_path: bool = True) -> Service:
    """A new app serving the store that ``settings`` names; SPARQL queries
    answered ahead of FastAPI unless ``sparql_fast_path`` is False (``api.fast_path``)."""
    settings = settings or get_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        # Threads started from now on get big stacks (``api.querying.STACK_BYTES``),
        # Starlette's pool included, which runs updates and Graph Store bodies:
        # Oxigraph parses them by recursion too.
        stack_size = threading.stack_size(STACK_BYTES)
        app.state.graph = graph = KnowledgeGraph(settings)
        app.state.network = NetworkCache(graph.store, _network_max_age(settings))
        app.state.writing = Writing(app.state.network.invalidate)
        workers, timeout = settings.query_workers, settings.query_timeout
        app.state.api_runner = QueryRunner(workers, timeout, "api")
        app.state.sparql_runner = QueryRunner(workers, timeout, "sparql")
        try:
            yield
        finally:
            app.state.api_runner.close()
            app.state.sparql_runner.close()
            app.state.graph.close()
            threading.stack_size(stack_size)

    app = Service(
        title="newskg",
        version=__version__,
        description="A knowledge graph of the news: who did what to whom, who said what, "
        "and when — every fact with the sentence it came from.",
        lifespan=lifespan,
    )
    errors.install(app)
    app.sparql_fast_path = sparql_fast_path
    app.max_request_bytes = settings.max_request_bytes
    for module in ROUTERS:
        app.include_router(module.router)
    return app


def _network_max_age(settings: Settings) -> float | None:
    """How long the actor network may be kept (``api.network_cache``)."""
    if settings.network_max_age is not None:
        return settings.network_max_age
    return 0.0 if settings.is_remote else None
