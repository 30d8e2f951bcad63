"""The ``GraphStore`` interface that every backend implements.

Everything that reads or writes the graph (ingest, the API, the CLI, the
notebooks) goes through this interface, so a backend can be swapped by
configuration. Values in ``select`` rows are plain Python: IRIs and strings
as ``str``, numbers as ``int``/``float``, booleans, ``datetime.date``.

Writes are whole ``GraphChange`` records applied in one transaction, so a
reader never sees half an article and a failed write changes nothing:

>>> GraphChange(drop=["http://e/g"], insert={"http://e/h": "<http://e/a> <http://e/p> 1 ."})
GraphChange(drop=['http://e/g'], retract={}, insert={'http://e/h': '<http://e/a> <http://e/p> 1 .'})
"""  # noqa: E501

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Protocol

from kg.store.limits import QueryLimits

Value = str | int | float | bool | date | None
Row = dict[str, Value]


@dataclass(frozen=True)
class QueryResult:
    """A serialised SPARQL result: the bytes and their media type."""

    body: bytes
    media_type: str


@dataclass(frozen=True)
class GraphChange:
    """One atomic change of the dataset, applied in this order:

    1. ``drop``: named graphs removed whole;
    2. ``retract``: graph IRI -> subjects; every triple of those subjects is
       removed from that graph (and nothing else);
    3. ``insert``: graph IRI -> N-Triples added to that graph.
    """

    drop: Sequence[str] = ()
    retract: Mapping[str, Sequence[str]] = field(default_factory=dict)
    insert: Mapping[str, str] = field(default_factory=dict)

    def graphs(self) -> list[str]:
        """Every graph the change touches, sorted."""
        return sorted({*self.drop, *self.retract, *self.insert})


class GraphStore(Protocol):
    """Read and write access to the knowledge graph."""

    def apply(self, change: GraphChange) -> None:
        """Apply ``change`` as one SPARQL Update request: in one transaction, all
        of it or (on error) none of it, on stores that run a request as one
        transaction (Oxigraph, Fuseki; not Virtuoso, see ``kg.store.sparql``)."""

    def update(self, update: str, base_iri: str | None = None) -> None:
        """Run one SPARQL Update in one transaction (``QueryError`` when it is
        malformed); relative IRIs in it resolve against ``base_iri``. Internal
        callers build it from fixed text and terms escaped by
        ``kg.store.bindings.to_term``; user text comes only through the
        token-guarded ``/update`` and ``/store`` routes."""

    limits: QueryLimits
    """The deadline and row cap of every query (``kg.store.limits``)."""

    dialect: str
    """The engine, for the few fixed queries written differently for one
    (``kg.queries``): ``oxigraph``, ``virtuoso`` or ``generic``."""

    def select(self, query: str, bindings: Mapping[str, Value] | None = None) -> list[Row]:
        """Rows of a SELECT query over the union of all graphs; ``bindings``
        are values for variables of the query (never spliced into its text)."""

    def ask(self, query: str, bindings: Mapping[str, Value] | None = None) -> bool:
        """The answer of an ASK query over the union of all graphs."""

    def sparql(
        self,
        query: str,
        media_type: str,
        *,
        default_graphs: Sequence[str] = (),
        named_graphs: Sequence[str] = (),
        base_iri: str | None = None,
    ) -> QueryResult:
        """Run a read-only SPARQL query and serialise its result as ``media_type``
        (one of ``kg.store.results.RESULT_FORMATS`` or ``GRAPH_FORMATS``);
        without ``default_graphs``, the query's own ``FROM`` / ``FROM NAMED``,
        else the union of all graphs as the default graph;
        relative IRIs in the query resolve against ``base_iri``."""

    def read_graph(self, graph: str | None, media_type: str) -> bytes | None:
        """One graph serialised as ``media_type`` (``None``: the store's own
        default graph, not the union), or ``None`` when the named graph does
        not exist."""

    def named_graphs(self) -> list[str]:
        """IRIs of every named graph."""

    def export(self, media_type: str) -> bytes:
        """The whole dataset serialised as ``media_type`` (TriG, N-Quads, JSON-LD ...)."""

    def close(self) -> None:
        """Release the store (files, connections)."""
