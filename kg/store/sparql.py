"""A remote store: any SPARQL 1.1 endpoint (oxigraph serve, Virtuoso, Fuseki ...).

Selected when ``KG_STORE`` is an http(s) URL, the query endpoint; updates go to
``KG_STORE_UPDATE`` (default: the same URL). Everything goes through the
SPARQL 1.1 Protocol, so any conformant server works, with two requirements:

- the endpoint's default graph is the union of its named graphs, as the
  embedded store's is (Virtuoso and GraphDB do this by default; start
  ``oxigraph serve --union-default-graph``; Fuseki: ``tdb2:unionDefaultGraph``);
- the update endpoint accepts our writes (Virtuoso: grant ``SPARQL_UPDATE``, or
  use ``/sparql-auth`` with ``KG_STORE_USER``, ``KG_STORE_PASSWORD`` and
  ``KG_STORE_AUTH=digest``).

Each write is one SPARQL Update request; Oxigraph and Fuseki apply a request
in one transaction, other servers may not (Virtuoso commits each operation).

Queries are sent form-encoded; the answer is parsed by pyoxigraph as it
streams in, so the row cap stops the download, and the deadline is both the
HTTP client's timeout and a check between chunks. A query cut off by the
deadline may go on running on the server: give the server its own limit
(``oxigraph serve --timeout-s``, Virtuoso's ``MaxQueryExecutionTime``).
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from urllib.parse import urlencode

import httpx
import pyoxigraph as ox

from kg import __version__
from kg.errors import QueryError, StoreError
from kg.sparql_kind import query_kind
from kg.store.backend import Backend, short_message
from kg.store.limits import Budget, Deadline, QueryLimits
from kg.store.results import Result, serialize

RESULT_PARSERS = {
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
    "application/xml": ox.QueryResultsFormat.XML,
    "text/tab-separated-values": ox.QueryResultsFormat.TSV,
}
GRAPH_PARSERS = {
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "text/plain": ox.RdfFormat.N_TRIPLES,
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
    "application/n-quads": ox.RdfFormat.N_QUADS,
}
_EXPORT = QueryLimits(timeout=24 * 3600.0, max_rows=2**62)
"""An export is a deliberate read of everything: no row cap, a day's deadline."""
ACCEPT_RESULTS = "application/sparql-results+json, application/sparql-results+xml;q=0.9"
ACCEPT_GRAPH = "application/n-triples, text/turtle;q=0.9, application/rdf+xml;q=0.8"


class SparqlStore(Backend):
    """A ``GraphStore`` on a remote SPARQL 1.1 endpoint.

    >>> store = SparqlStore("http://localhost:7878/query", "http://localhost:7878/update")
    >>> store.update_url
    'http://localhost:7878/update'
    >>> store.close()
    """

    def __init__(
        self,
        query_url: str,
        update_url: str | None = None,
        *,
        auth: httpx.Auth | None = None,
        limits: QueryLimits | None = None,
    ) -> None:
        self.query_url = query_url
        self.update_url = update_url or query_url
        self.limits = limits or QueryLimits()
        self._client = httpx.Client(
            auth=auth, headers={"User-Agent": f"newskg/{__version__}"}, follow_redirects=True
        )
        self._dialect: str | None = None

    @property
    def dialect(self) -> str:
        """The engine behind the endpoint, from its ``Server`` header (asked once)."""
        if self._dialect is None:
            form = urlencode({"query": "ASK {}"}).encode()
            headers = {"Content-Type": "application/x-www-form-urlencoded"}
            deadline = Deadline(self.limits.timeout)
            with self._send(self.query_url, deadline, content=form, headers=headers) as answer:
                server = answer.headers.get("server", "").lower()
            known = ("virtuoso", "oxigraph")
            self._dialect = next((name for name in known if name in server), "generic")
        return self._dialect

    # ------------------------------------------------------------ writing

    def update(self, update: str, base_iri: str | None = None) -> None:
        deadline = Deadline(self.limits.timeout)
        with self._send(
            self.update_url,
            deadline,
            content=_based(update, base_iri).encode("utf-8"),
            headers={"Content-Type": "application/sparql-update; charset=utf-8"},
        ):
            pass

    # ------------------------------------------------------------ reading

    @contextmanager
    def evaluate(
        self,
        query: str,
        budget: Budget,
        default_graphs: Sequence[str] = (),
        named_graphs: Sequence[str] = (),
        base_iri: str | None = None,
    ) -> Iterator[Result]:
        kind = query_kind(query)
        form = [("query", _based(query, base_iri))]
        form += [("default-graph-uri", g) for g in default_graphs]
        form += [("named-graph-uri", g) for g in named_graphs]
        accept = ACCEPT_GRAPH if kind in {"CONSTRUCT", "DESCRIBE"} else ACCEPT_RESULTS
        headers = {"Accept": accept, "Content-Type": "application/x-www-form-urlencoded"}
        with self._send(
            self.query_url, budget.deadline, content=urlencode(form).encode(), headers=headers
        ) as response:
            media_type = response.headers.get("content-type", "").split(";")[0].strip().lower()
            body = _Body(response, budget.deadline, self.query_url)
            if media_type in RESULT_PARSERS:
                result = ox.parse_query_results(body, format=RESULT_PARSERS[media_type])
                if kind == "ASK" and isinstance(result, ox.QuerySolutions):
                    result = _table_as_boolean(result)
                yield result
            elif media_type in GRAPH_PARSERS:
                yield ox.parse(body, format=GRAPH_PARSERS[media_type])
            else:
                raise StoreError(
                    f"the SPARQL endpoint {self.query_url} answered with {media_type!r}, "
                    "not SPARQL results; is KG_STORE the query endpoint?"
                )

    def read_graph(self, graph: str | None, media_type: str) -> bytes | None:
        budget = Budget(self.limits)
        if graph is None:
            query = "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }"
        else:
            iri = str(ox.NamedNode(graph))
            if not self.ask(f"ASK {{ GRAPH {iri} {{ ?s ?p ?o }} }}"):
                return None
            query = f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH {iri} {{ ?s ?p ?o }} }}"
        with self._reading(query, budget) as triples:
            return serialize(triples, media_type, budget)

    def named_graphs(self) -> list[str]:
        rows = self.select("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
        return sorted(str(row["g"]) for row in rows)

    def export(self, media_type: str) -> bytes:
        budget = Budget(_EXPORT)
        query = "SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } }"
        with self._reading(query, budget) as solutions:
            quads = (ox.Quad(s["s"], s["p"], s["o"], s["g"]) for s in solutions)
            return ox.serialize(quads, format=ox.RdfFormat.from_media_type(media_type)) or b""

    def close(self) -> None:
        self._client.close()

    # ------------------------------------------------------------ HTTP

    @contextmanager
    def _send(self, url: str, deadline: Deadline, **request) -> Iterator[httpx.Response]:
        """POST to ``url`` and yield the streamed response; errors become ours."""
        timeout = max(deadline.remaining(), 0.001)
        try:
            with self._client.stream("POST", url, timeout=timeout, **request) as response:
                if response.status_code >= 400:
                    response.read()
                    raise _refusal(url, response)
                yield response
        except httpx.TimeoutException:
            raise deadline.error() from None
        except httpx.HTTPError as exc:
            raise StoreError(f"cannot reach the SPARQL endpoint {url}: {exc}") from None


def _based(text: str, base_iri: str | None) -> str:
    """``text`` with a ``BASE`` declaration in front (on the same line, so the
    server's error positions stay right except on the first line)."""
    return text if base_iri is None else f"BASE {ox.NamedNode(base_iri)} {text}"


def _refusal(url: str, response: httpx.Response) -> StoreError:
    message = short_message(response.text) if response.text.strip() else response.reason_phrase
    if response.status_code == 400:
        return QueryError(message)
    if response.status_code in (401, 403):
        return StoreError(
            f"the SPARQL endpoint {url} refused access (HTTP {response.status_code}); "
            "set KG_STORE_USER, KG_STORE_PASSWORD and KG_STORE_AUTH"
        )
    return StoreError(f"the SPARQL endpoint {url} failed (HTTP {response.status_code}): {message}")


def _table_as_boolean(solutions: ox.QuerySolutions) -> ox.QueryBoolean:
    """Virtuoso 7 answers ASK as a table: one row (``__ASK_RETVAL`` 1) for
    true, no row for false. Read it as the boolean it stands for."""
    answer = any(
        term is not None and term.value in {"1", "true"} for row in solutions for term in row
    )
    document = json.dumps({"head": {}, "boolean": answer})
    return ox.parse_query_results(document, format=ox.QueryResultsFormat.JSON)


class _Body:
    """The response body as a file-like object for pyoxigraph's parsers,
    checking the deadline before every chunk."""

    def __init__(self, response: httpx.Response, deadline: Deadline, url: str) -> None:
        self._chunks = response.iter_bytes()
        self._buffer = b""
        self._deadline = deadline
        self._url = url

    def read(self, size: int = -1) -> bytes:
        while size < 0 or len(self._buffer) < size:
            self._deadline.check()
            try:
                chunk = next(self._chunks, None)
            except httpx.TimeoutException:
                raise self._deadline.error() from None
            except httpx.HTTPError as exc:
                raise StoreError(f"reading the answer of {self._url} failed: {exc}") from None
            if chunk is None:
                break
            self._buffer += chunk
        if size < 0:
            data, self._buffer = self._buffer, b""
        else:
            data, self._buffer = self._buffer[:size], self._buffer[size:]
        return data
