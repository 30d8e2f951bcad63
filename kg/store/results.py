"""Query results to plain rows or to bytes, counted and timed as they pass.

Every backend evaluates a query into pyoxigraph result objects — solutions,
a boolean, or triples — whether it ran the query itself (the embedded store)
or parsed a remote endpoint's answer (``kg.store.sparql``). This module turns
those objects into what callers want, under the query's ``Budget``:

- ``rows``: SELECT solutions as dicts of plain Python values (the fixed
  queries of the API and the CLI);
- ``serialize``: any result in a media type of the SPARQL 1.1 Protocol.
  Solutions are written by Oxigraph (in Rust, fast) straight in the requested
  format into a sink that counts the solutions in each chunk it receives and
  checks the deadline (``_CountingSink``): one ``<result>`` element per
  solution in XML, one line in TSV, one ``},{`` between two solutions in JSON
  (an upper bound, since a string may hold those bytes too; past the cap the
  whole output is counted exactly, its strings left out). CSV may quote line
  breaks inside values, so it is counted as TSV first and then converted by
  Oxigraph. Triples pass one by one, each distinct one once, through a
  counting generator into Oxigraph's serialiser.

>>> import pyoxigraph as ox
>>> from kg.store.limits import Budget, QueryLimits
>>> store = ox.Store()
>>> store.add(ox.Quad(ox.NamedNode("http://e/a"), ox.NamedNode("http://e/p"), ox.Literal("1")))
>>> rows(store.query("SELECT ?s ?o WHERE { ?s ?p ?o }"), Budget(QueryLimits()))
[{'s': 'http://e/a', 'o': '1'}]
>>> serialize(store.query("SELECT ?o WHERE { ?s ?p ?o }"), "text/csv", Budget(QueryLimits()))
b'o\\r\\n1\\r\\n'
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from datetime import date
from decimal import Decimal

import pyoxigraph as ox

from kg.errors import QueryError
from kg.store.base import Row, Value
from kg.store.limits import Budget

RESULT_FORMATS = {
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
    "text/csv": ox.QueryResultsFormat.CSV,
    "text/tab-separated-values": ox.QueryResultsFormat.TSV,
}
"""Media types of SELECT and ASK results, the preferred one first."""

GRAPH_FORMATS = {
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "application/ld+json": ox.RdfFormat.JSON_LD,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
}
"""Media types of CONSTRUCT and DESCRIBE results, the preferred one first."""

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

Result = ox.QuerySolutions | ox.QueryBoolean | Iterable[ox.Triple | ox.Quad]


def rows(solutions: ox.QuerySolutions, budget: Budget) -> list[Row]:
    """The solutions as dicts of plain values, at most ``budget.max_rows`` of them."""
    names = [variable.value for variable in solutions.variables]
    found = []
    for solution in solutions:
        budget.tick()
        found.append({name: to_value(solution[name]) for name in names})
    return found


def serialize(result: Result, media_type: str, budget: Budget) -> bytes:
    """``result`` written as ``media_type``; ``QueryError`` when the media type
    does not fit the kind of result (a graph as CSV, a table as Turtle)."""
    if isinstance(result, ox.QueryBoolean):
        return result.serialize(format=_results_format(media_type, "an ASK answer"))
    if isinstance(result, ox.QuerySolutions):
        wanted = _results_format(media_type, "SELECT results")
        if wanted in _ROW_COUNTERS:
            sink = _CountingSink(budget, _ROW_COUNTERS[wanted]())
            result.serialize(sink, format=wanted)
            return sink.getvalue()
        sink = _CountingSink(budget, _TsvRows())
        result.serialize(sink, format=ox.QueryResultsFormat.TSV)
        table = ox.parse_query_results(sink.getvalue(), format=ox.QueryResultsFormat.TSV)
        return table.serialize(format=wanted)
    rdf_format = GRAPH_FORMATS.get(media_type)
    if rdf_format is None:
        raise QueryError(f"a graph cannot be written as {media_type}; use {_list(GRAPH_FORMATS)}")
    return ox.serialize(_counted(result, budget), format=rdf_format) or b""


def _results_format(media_type: str, what: str) -> ox.QueryResultsFormat:
    found = RESULT_FORMATS.get(media_type)
    if found is None:
        raise QueryError(f"{what} cannot be written as {media_type}; use {_list(RESULT_FORMATS)}")
    return found


def _list(formats: dict) -> str:
    return ", ".join(formats)


def _counted(triples: Iterable[ox.Triple | ox.Quad], budget: Budget) -> Iterator[ox.Triple]:
    """Each distinct triple once (a graph is a set; Oxigraph answers a
    DESCRIBE over the union of graphs graph by graph, repeating a triple that
    several of them hold), counted against the row cap."""
    seen: set[ox.Triple | ox.Quad] = set()
    for triple in triples:
        if triple in seen:
            continue
        seen.add(triple)
        budget.tick()
        yield triple


class _CountingSink:
    """A file-like target for Oxigraph's results writers that counts the
    solutions as they are written (``rows``) and checks the deadline."""

    def __init__(self, budget: Budget, rows: _Rows) -> None:
        self.budget = budget
        self.rows = rows
        self.parts: list[bytes] = []

    def write(self, data: bytes) -> int:
        chunk = bytes(data)
        self.parts.append(chunk)
        count = self.rows.feed(chunk)
        if count > self.budget.max_rows:
            count = self.rows.exact(self.getvalue())
        self.budget.tick(count - self.budget.rows)
        return len(chunk)

    def flush(self) -> None:
        """Nothing to flush: the parts are kept in memory."""

    def getvalue(self) -> bytes:
        return b"".join(self.parts)


class _Rows:
    """Counts the solutions of a results document from its chunks:
    ``feed`` returns the count so far, or an upper bound that ``exact``
    (given the whole output so far) settles."""

    def feed(self, chunk: bytes) -> int:
        raise NotImplementedError

    def exact(self, output: bytes) -> int:
        raise NotImplementedError


class _MarkedRows(_Rows):
    """One ``marker`` per solution, never inside a value (``header`` markers
    before the first one), so the count is exact; a marker may straddle two
    chunks."""

    marker = b""
    header = 0

    def __init__(self) -> None:
        self.count = -self.header
        self.tail = b""

    def feed(self, chunk: bytes) -> int:
        joined = self.tail + chunk  # the tail is too short to hold a whole marker
        self.count += joined.count(self.marker)
        self.tail = joined[max(0, len(joined) - len(self.marker) + 1) :]
        return self.count

    def exact(self, output: bytes) -> int:
        return self.count


class _TsvRows(_MarkedRows):
    """TSV: one line per solution after the header line (line breaks in
    values are escaped)."""

    marker = b"\n"
    header = 1


class _XmlRows(_MarkedRows):
    """XML: one ``<result>`` element per solution (``<`` is escaped in values)."""

    marker = b"<result>"


class _JsonRows(_Rows):
    """JSON: solutions are objects in one array, written without spaces, so
    ``},{`` stands between two of them; a string value may hold those bytes
    too, so the count is an upper bound until ``exact`` reads the output
    without its strings."""

    STRING = re.compile(rb'"[^"\\]*(?:\\.[^"\\]*)*"')

    def __init__(self) -> None:
        self.separators = 0
        self.in_strings = 0  # separators found inside strings by ``exact``
        self.tail = b""

    def feed(self, chunk: bytes) -> int:
        joined = self.tail + chunk
        self.separators += joined.count(b"},{")
        self.tail = joined[-2:]
        return self.separators - self.in_strings + 1

    def exact(self, output: bytes) -> int:
        bare = self.STRING.sub(b"", output)
        separators = bare.count(b"},{")
        self.in_strings = self.separators - separators
        return separators + bare.count(b"[{")


_ROW_COUNTERS: dict[ox.QueryResultsFormat, type[_Rows]] = {
    ox.QueryResultsFormat.JSON: _JsonRows,
    ox.QueryResultsFormat.XML: _XmlRows,
    ox.QueryResultsFormat.TSV: _TsvRows,
}


def to_value(term: ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple | None) -> Value:
    """A plain Python value for a pyoxigraph term.

    >>> to_value(ox.Literal("2019-03-31", datatype=ox.NamedNode(XSD + "date")))
    datetime.date(2019, 3, 31)
    """
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
