"""Graph stores: the ``GraphStore`` interface and its backends.

- ``OxigraphStore``: the embedded store, a folder on disk (or in memory);
- ``SparqlStore``: any SPARQL 1.1 endpoint, when ``KG_STORE`` is an http(s) URL.

>>> from kg.config import Settings
>>> store = open_store(Settings(store=":memory:"))
>>> store.named_graphs()
[]
"""

from __future__ import annotations

import httpx

from kg.config import Settings
from kg.store.base import GraphChange, GraphStore, QueryResult, Row, Value
from kg.store.bindings import IRI
from kg.store.limits import QueryLimits
from kg.store.oxigraph import OxigraphStore
from kg.store.sparql import SparqlStore


def open_store(settings: Settings) -> GraphStore:
    """The store that ``settings.store`` names: ``:memory:`` for a throw-away
    in-memory store, an http(s) URL for a remote SPARQL endpoint, else a folder
    for the embedded Oxigraph store."""
    limits = QueryLimits(timeout=settings.query_timeout, max_rows=settings.query_max_rows)
    if settings.is_remote:
        return SparqlStore(
            settings.store, settings.store_update, auth=_auth(settings), limits=limits
        )
    if settings.store == ":memory:":
        return OxigraphStore(None, limits)
    return OxigraphStore(settings.store_path, limits)


def _auth(settings: Settings) -> httpx.Auth | None:
    if settings.store_user is None:
        return None
    password = settings.store_password.get_secret_value() if settings.store_password else ""
    if settings.store_auth == "digest":
        return httpx.DigestAuth(settings.store_user, password)
    return httpx.BasicAuth(settings.store_user, password)


__all__ = [
    "GraphChange",
    "GraphStore",
    "IRI",
    "OxigraphStore",
    "QueryLimits",
    "QueryResult",
    "Row",
    "SparqlStore",
    "Value",
    "open_store",
]
