"""What every backend shares: reading and writing on top of two primitives.

A backend implements ``evaluate`` — a context manager that yields the
pyoxigraph result of a query (the embedded store runs it; the remote store
parses the endpoint's streamed answer) — and ``update``, which runs a SPARQL
1.1 Update. ``Backend`` builds the rest on them, so limits, errors, result
formats and write transactions are the same whatever the backend:

- every query runs under a ``Budget`` (deadline and row cap, ``kg.store.limits``);
- ``select`` and ``ask`` run fixed queries over the union of all graphs, with
  values bound by ``kg.store.bindings`` (never spliced into the text);
- ``sparql`` runs a user's query over the dataset the SPARQL Protocol names
  (``default-graph-uri`` / ``named-graph-uri``; without them, the query's own
  ``FROM`` / ``FROM NAMED``; without those, the union of all graphs) and
  serialises the result in the requested media type;
- errors of the engine, raised when the query is parsed or while its results
  are read, become a ``QueryError`` with a short message (no paths, no dumps);
- every write is one ``GraphChange`` sent as one SPARQL Update request
  (``kg.store.update``), which the store applies as one transaction (Oxigraph
  does; see ``kg.store.sparql`` for remote endpoints).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from contextlib import AbstractContextManager, contextmanager

import pyoxigraph as ox

from kg.errors import QueryError, StoreError
from kg.store.base import GraphChange, QueryResult, Row, Value
from kg.store.bindings import inline_values
from kg.store.limits import Budget, QueryLimits
from kg.store.results import Result, rows, serialize
from kg.store.update import update_text


class Backend:
    """The ``GraphStore`` methods built on a backend's ``evaluate`` and ``update``."""

    limits: QueryLimits = QueryLimits()
    dialect: str = "generic"

    def update(self, update: str, base_iri: str | None = None) -> None:
        """Run a SPARQL 1.1 Update; ``QueryError`` when it is malformed."""
        raise NotImplementedError

    def evaluate(
        self,
        query: str,
        budget: Budget,
        default_graphs: Sequence[str] = (),
        named_graphs: Sequence[str] = (),
        base_iri: str | None = None,
    ) -> AbstractContextManager[Result]:
        """The result of ``query``, valid inside the ``with`` block; without
        ``default_graphs``, the dataset the query names (``FROM``, ``FROM
        NAMED``), else the union of all graphs as the default graph."""
        raise NotImplementedError

    # ------------------------------------------------------------ writing

    def apply(self, change: GraphChange) -> None:
        text = update_text(change)
        if text:
            self._write(text)

    def _write(self, update: str) -> None:
        try:
            self.update(update)
        except QueryError as exc:  # a bug of ours, not of the user
            raise StoreError(f"an internal update was rejected: {exc}") from exc

    # ------------------------------------------------------------ reading

    def select(self, query: str, bindings: Mapping[str, Value] | None = None) -> list[Row]:
        budget = Budget(self.limits)
        with self._reading(inline_values(query, bindings), budget) as result:
            if not isinstance(result, ox.QuerySolutions):
                raise QueryError("expected a SELECT query")
            return rows(result, budget)

    def ask(self, query: str, bindings: Mapping[str, Value] | None = None) -> bool:
        with self._reading(inline_values(query, bindings), Budget(self.limits)) as result:
            if not isinstance(result, ox.QueryBoolean):
                raise QueryError("expected an ASK query")
            return bool(result)

    def sparql(
        self,
        query: str,
        media_type: str,
        *,
        default_graphs: Sequence[str] = (),
        named_graphs: Sequence[str] = (),
        base_iri: str | None = None,
    ) -> QueryResult:
        budget = Budget(self.limits)
        with self._reading(query, budget, default_graphs, named_graphs, base_iri) as result:
            return QueryResult(serialize(result, media_type, budget), media_type)

    @contextmanager
    def _reading(
        self,
        query: str,
        budget: Budget,
        default_graphs: Sequence[str] = (),
        named_graphs: Sequence[str] = (),
        base_iri: str | None = None,
    ) -> Iterator[Result]:
        budget.deadline.check()
        try:
            with self.evaluate(query, budget, default_graphs, named_graphs, base_iri) as result:
                yield result
        except (SyntaxError, ValueError, OSError) as exc:
            raise QueryError(short_message(str(exc))) from None


def short_message(message: str) -> str:
    """An engine's error message without internal paths or multi-line dumps.

    >>> short_message("error at 1:7: expected '{'\\n  at /usr/lib/thing.rs:12")
    "error at 1:7: expected '{'"
    """
    first = message.strip().splitlines()[0] if message.strip() else "invalid query"
    return first[:300]
