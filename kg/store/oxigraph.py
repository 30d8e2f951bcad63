"""The embedded store: Oxigraph (pyoxigraph) on disk.

One process opens the folder read-write at a time (Oxigraph locks it); a
second one gets a ``StoreError`` saying so. Every write is one SPARQL Update
(a ``GraphChange`` is sent as one, ``kg.store.update``), which Oxigraph applies
in a single transaction: a failed write leaves the store as it was. Reading
(``select``, ``ask``, ``sparql``) is shared with the other backends
(``kg.store.backend``); queries run lazily in Rust, outside the GIL, so other
threads go on while one runs.

>>> from kg.store.base import GraphChange
>>> store = OxigraphStore(None)  # in memory
>>> store.apply(GraphChange(insert={"http://e/g": "<http://e/a> <http://e/p> \\"1\\" ."}))
>>> store.select("SELECT ?o WHERE { ?s ?p ?o }")
[{'o': '1'}]
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from contextlib import nullcontext
from pathlib import Path

import pyoxigraph as ox

from kg.errors import QueryError, StoreError
from kg.sparql_kind import declares_dataset
from kg.store.backend import Backend, short_message
from kg.store.limits import Budget, QueryLimits
from kg.store.results import Result, serialize


class OxigraphStore(Backend):
    """A ``GraphStore`` backed by pyoxigraph, on disk (or in memory when ``path`` is None)."""

    dialect = "oxigraph"

    def __init__(self, path: str | Path | None, limits: QueryLimits | None = None) -> None:
        self.path = Path(path) if path is not None else None
        self.limits = limits or QueryLimits()
        try:
            if self.path is None:
                self._store = ox.Store()
            else:
                self.path.mkdir(parents=True, exist_ok=True)
                self._store = ox.Store(str(self.path))
        except OSError as exc:
            if "lock" in str(exc).lower():
                raise StoreError(
                    f"the store {self.path} is open in another process (is `kg serve` "
                    "running?); stop it, or send articles to its POST /articles"
                ) from None
            raise StoreError(f"cannot open the store {self.path}: {exc}") from None

    # ------------------------------------------------------------ writing

    def update(self, update: str, base_iri: str | None = None) -> None:
        try:
            self._store.update(update, base_iri=base_iri)
        except SyntaxError as exc:
            raise QueryError(short_message(str(exc))) from None
        except OSError as exc:
            raise StoreError(f"writing to the store failed: {short_message(str(exc))}") from None

    # ------------------------------------------------------------ reading

    def evaluate(
        self,
        query: str,
        budget: Budget,
        default_graphs: Sequence[str] = (),
        named_graphs: Sequence[str] = (),
        base_iri: str | None = None,
    ) -> nullcontext[Result]:
        """The result, which needs no closing (so a plain context)."""
        options: dict = {"base_iri": base_iri}
        if default_graphs:
            options["default_graph"] = [ox.NamedNode(g) for g in default_graphs]
        elif not declares_dataset(query):  # Oxigraph's union would override FROM
            options["use_default_graph_as_union"] = True
        if named_graphs:
            options["named_graphs"] = [ox.NamedNode(g) for g in named_graphs]
        return nullcontext(self._store.query(query, **options))

    def read_graph(self, graph: str | None, media_type: str) -> bytes | None:
        name = ox.DefaultGraph() if graph is None else ox.NamedNode(graph)
        if graph is not None and not self._holds_triples(name):
            return None
        triples = (q.triple for q in self._store.quads_for_pattern(None, None, None, name))
        return serialize(triples, media_type, Budget(self.limits))

    def named_graphs(self) -> list[str]:
        """Named graphs that hold triples (Oxigraph also keeps emptied ones)."""
        return sorted(g.value for g in self._store.named_graphs() if self._holds_triples(g))

    def _holds_triples(self, graph: ox.NamedNode) -> bool:
        return next(self._store.quads_for_pattern(None, None, None, graph), None) is not None

    def export(self, media_type: str) -> bytes:
        output = io.BytesIO()
        self._store.dump(output, format=ox.RdfFormat.from_media_type(media_type))
        return output.getvalue()

    def close(self) -> None:
        self._store.flush() if self.path is not None else None
        del self._store
