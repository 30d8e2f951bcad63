"""Graph stores: the ``GraphStore`` interface and its backends.

>>> from kg.config import Settings
>>> store = open_store(Settings(store=":memory:"))
>>> store.named_graphs()
[]
"""

from __future__ import annotations

from kg.config import Settings
from kg.store.base import GraphStore, QueryResult, Row, Value
from kg.store.bindings import IRI
from kg.store.oxigraph import OxigraphStore


def open_store(settings: Settings) -> GraphStore:
    """The store that ``settings.store`` names: ``:memory:`` for a throw-away
    in-memory store, else a folder for the embedded Oxigraph store."""
    if settings.store == ":memory:":
        return OxigraphStore(None)
    return OxigraphStore(settings.store_path)


__all__ = ["GraphStore", "IRI", "OxigraphStore", "QueryResult", "Row", "Value", "open_store"]
