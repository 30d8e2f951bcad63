"""The FastAPI application factory.

Heavy objects (the store, the spaCy model) are opened in the lifespan, not at
import; handlers that touch them are plain ``def`` functions, which FastAPI
runs in its thread pool, so the event loop never blocks.

>>> from kg.config import Settings
>>> app = create_app(Settings(store=":memory:"))
>>> sorted(path for path in app.openapi()["paths"] if path.startswith("/actors"))
['/actors', '/actors/{actor_id}', '/actors/{actor_id}/relations']
"""

from __future__ import annotations

import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from api import errors
from api.routers import actors, articles, health, sparql
from kg import __version__
from kg.config import Settings, get_settings
from kg.graph import KnowledgeGraph


def create_app(settings: Settings | None = None) -> FastAPI:
    """A new app serving the store that ``settings`` names."""
    settings = settings or get_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        app.state.graph = KnowledgeGraph(settings)
        app.state.write_lock = threading.Lock()
        try:
            yield
        finally:
            app.state.graph.close()

    app = FastAPI(
        title="newskg",
        version=__version__,
        description="A knowledge graph of the news: who did what to whom, who said what, "
        "and when — every fact with the sentence it came from.",
        lifespan=lifespan,
    )
    errors.install(app)
    for module in (health, sparql, actors, articles):
        app.include_router(module.router)
    return app
