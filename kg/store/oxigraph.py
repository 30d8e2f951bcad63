"""The embedded store: Oxigraph (pyoxigraph) on disk.

One process opens the folder read-write at a time (Oxigraph locks it); a
second one gets a ``StoreError`` saying so. Every write is one SPARQL Update,
which Oxigraph applies in a single transaction: a failed write leaves the
store as it was.

>>> store = OxigraphStore(None)  # in memory
>>> store.replace_graph("http://e/g", "<http://e/a> <http://e/p> \\"1\\" .", {})
>>> store.select("SELECT ?o WHERE { ?s ?p ?o }")
[{'o': '1'}]
"""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from datetime import date
from decimal import Decimal
from pathlib import Path

import pyoxigraph as ox

from kg.errors import QueryError, StoreError
from kg.store.base import QueryResult, Row, Value
from kg.store.bindings import inline_values

XSD = "http://www.w3.org/2001/XMLSchema#"
_INTEGERS = {
    f"{XSD}{t}"
    for t in (
        "integer",
        "int",
        "long",
        "short",
        "byte",
        "nonNegativeInteger",
        "positiveInteger",
        "negativeInteger",
        "nonPositiveInteger",
        "unsignedInt",
        "unsignedLong",
    )
}
_FLOATS = {f"{XSD}decimal", f"{XSD}double", f"{XSD}float"}


class OxigraphStore:
    """A ``GraphStore`` backed by pyoxigraph, on disk (or in memory when ``path`` is None)."""

    def __init__(self, path: str | Path | None) -> None:
        self.path = Path(path) if path is not None else None
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

    def replace_graph(self, graph: str, ntriples: str, extra: Mapping[str, str]) -> None:
        parts = [
            f"DROP SILENT GRAPH <{graph}> ;",
            f"INSERT DATA {{ GRAPH <{graph}> {{ {ntriples} }} }}",
        ]
        for other, triples in extra.items():
            if triples.strip():
                parts.append(f"; INSERT DATA {{ GRAPH <{other}> {{ {triples} }} }}")
        self._update(" ".join(parts))

    def drop_graphs(self, graphs: Sequence[str], cleanup: str | None = None) -> None:
        parts = [f"DROP SILENT GRAPH <{g}>" for g in graphs]
        if cleanup:
            parts.append(cleanup)
        if parts:
            self._update(" ;\n".join(parts))

    def update(self, update: str) -> None:
        self._update(update)

    def _update(self, update: str) -> None:
        try:
            self._store.update(update)
        except SyntaxError as exc:  # a bug of ours, not of the user
            raise StoreError(f"internal update was rejected by Oxigraph: {exc}") from exc
        except OSError as exc:
            raise StoreError(f"writing to the store failed: {exc}") from None

    # ------------------------------------------------------------ reading

    def _query(
        self,
        query: str,
        bindings: Mapping[str, Value] | None = None,
        default_graphs: Sequence[str] = (),
        named_graphs: Sequence[str] = (),
    ):
        options: dict = {}
        if default_graphs:
            options["default_graph"] = [ox.NamedNode(g) for g in default_graphs]
        else:
            options["use_default_graph_as_union"] = True
        if named_graphs:
            options["named_graphs"] = [ox.NamedNode(g) for g in named_graphs]
        try:
            return self._store.query(inline_values(query, bindings), **options)
        except SyntaxError as exc:
            raise QueryError(_short(str(exc))) from None
        except (OSError, ValueError) as exc:
            raise QueryError(_short(str(exc))) from None

    def select(self, query: str, bindings: Mapping[str, Value] | None = None) -> list[Row]:
        solutions = self._query(query, bindings)
        if not isinstance(solutions, ox.QuerySolutions):
            raise QueryError("expected a SELECT query")
        names = [v.value for v in solutions.variables]
        return [{name: to_value(solution[name]) for name in names} for solution in solutions]

    def ask(self, query: str, bindings: Mapping[str, Value] | None = None) -> bool:
        answer = self._query(query, bindings)
        if not isinstance(answer, ox.QueryBoolean):
            raise QueryError("expected an ASK query")
        return bool(answer)

    def sparql(
        self,
        query: str,
        media_type: str,
        *,
        default_graphs: Sequence[str] = (),
        named_graphs: Sequence[str] = (),
    ) -> QueryResult:
        result = self._query(query, None, default_graphs, named_graphs)
        try:
            if isinstance(result, ox.QueryTriples):
                body = result.serialize(format=ox.RdfFormat.from_media_type(media_type))
            else:
                body = result.serialize(format=ox.QueryResultsFormat.from_media_type(media_type))
        except (OSError, ValueError) as exc:
            raise QueryError(_short(str(exc))) from None
        return QueryResult(body or b"", media_type)

    def named_graphs(self) -> list[str]:
        return sorted(g.value for g in self._store.named_graphs())

    def export(self, media_type: str) -> bytes:
        output = io.BytesIO()
        self._store.dump(output, format=ox.RdfFormat.from_media_type(media_type))
        return output.getvalue()

    def close(self) -> None:
        self._store.flush() if self.path is not None else None
        del self._store


def _short(message: str) -> str:
    """An error message without internal paths or multi-line dumps."""
    first = message.strip().splitlines()[0] if message.strip() else "invalid query"
    return first[:300]


def to_value(term) -> Value:
    """A plain Python value for a pyoxigraph term."""
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return term.value
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if isinstance(term, ox.Literal):
        datatype = term.datatype.value if term.datatype else ""
        try:
            if datatype in _INTEGERS:
                return int(term.value)
            if datatype in _FLOATS:
                return float(Decimal(term.value))
            if datatype == f"{XSD}boolean":
                return term.value in {"true", "1"}
            if datatype == f"{XSD}date":
                return date.fromisoformat(term.value[:10])
        except ValueError:
            return term.value
        return term.value
    return str(term)
