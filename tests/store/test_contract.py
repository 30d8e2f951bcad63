"""One contract for every store backend: the embedded Oxigraph store, a remote
``oxigraph serve`` and a remote Virtuoso, each given the same calls and
expected to give the same answers."""

from __future__ import annotations

import copy
import json
from datetime import date

import httpx
import pyoxigraph as ox
import pytest
import rdflib
from rdflib.compare import isomorphic

from kg.errors import QueryError, QueryRowLimitError, QueryTimeoutError, StoreError
from kg.store import IRI, GraphChange, OxigraphStore, QueryLimits, SparqlStore
from kg.store.results import GRAPH_FORMATS, RESULT_FORMATS

T = "http://test.example/"
G1, G2, ENTITIES = f"{T}graph/one", f"{T}graph/two", f"{T}graph/entities"
XSD = "http://www.w3.org/2001/XMLSchema#"
ONE = f"""<{T}lavrov> <{T}name> "Sergey Lavrov" .
<{T}lavrov> <{T}name> "Лавров"@ru .
<{T}lavrov> <{T}said> "He said \\"no\\".\\nThen he left." .
<{T}lavrov> <{T}born> "1950-03-21"^^<{XSD}date> .
<{T}lavrov> <{T}rank> "7"^^<{XSD}integer> .
<{T}lavrov> <{T}score> "0.85"^^<{XSD}decimal> .
<{T}lavrov> <{T}active> "true"^^<{XSD}boolean> .
<{T}lavrov> <{T}knows> <{T}pompeo> .
"""
TWO = f'<{T}pompeo> <{T}name> "Mike Pompeo" .\n<{T}pompeo> <{T}knows> <{T}lavrov> .\n'
RUSSIA = f'<{T}russia> <{T}name> "Russia" .'
BACKENDS = ["embedded", "oxigraph-server", "virtuoso"]


def open_backend(name: str, request, tmp_path, limits: QueryLimits) -> object:
    if name == "embedded":
        return OxigraphStore(tmp_path / "store", limits)
    if name == "oxigraph-server":
        url = request.getfixturevalue("oxigraph_server").url
        return SparqlStore(f"{url}/query", f"{url}/update", limits=limits)
    url = request.getfixturevalue("virtuoso_server").url
    return SparqlStore(f"{url}/sparql-auth", auth=httpx.DigestAuth("dba", "dba"), limits=limits)


@pytest.fixture(params=BACKENDS)
def store(request, tmp_path):
    """A store of one backend holding the test graphs, dropped afterwards."""
    store = open_backend(request.param, request, tmp_path, QueryLimits())
    store.apply(GraphChange(insert={G1: ONE, G2: TWO, ENTITIES: RUSSIA}))
    yield store
    store.apply(GraphChange(drop=[g for g in store.named_graphs() if g.startswith(T)]))
    store.close()


def limited(store, limits: QueryLimits):
    """The same store (same data, same connection) under other limits."""
    other = copy.copy(store)
    other.limits = limits
    return other


def test_select_gives_plain_python_values(store):
    rows = store.select(
        f"SELECT ?p ?o WHERE {{ <{T}lavrov> ?p ?o FILTER(?p != <{T}name>) }} ORDER BY ?p"
    )
    values = {row["p"].removeprefix(T): row["o"] for row in rows}
    assert values == {
        "active": True,
        "born": date(1950, 3, 21),
        "knows": f"{T}pompeo",
        "rank": 7,
        "said": 'He said "no".\nThen he left.',
        "score": 0.85,
    }


@pytest.mark.parametrize(
    ("variable", "value", "expected"),
    [
        ("name", "Mike Pompeo", [f"{T}pompeo"]),
        ("name", "Лавров", []),  # a language-tagged literal is not the plain string
        ("rank", 7, [f"{T}lavrov"]),
        ("born", date(1950, 3, 21), [f"{T}lavrov"]),
        ("active", True, [f"{T}lavrov"]),
        ("knows", IRI(f"{T}lavrov"), [f"{T}pompeo"]),
        ("name", '") } } SELECT * WHERE { ?s ?p ?o } #', []),
    ],
)
def test_bound_values_select_and_cannot_change_the_query(store, variable, value, expected):
    query = f"SELECT ?s WHERE {{ ?s <{T}{variable}> ?value }}"
    assert [row["s"] for row in store.select(query, {"value": value})] == expected


def test_ask_with_bindings(store):
    query = f"ASK {{ ?s <{T}name> ?name }}"
    assert store.ask(query, {"name": "Sergey Lavrov"}) is True
    assert store.ask(query, {"name": "Nobody"}) is False


def names_in(store, graph: str) -> set:
    rows = store.select(f"SELECT ?s ?n WHERE {{ GRAPH <{graph}> {{ ?s <{T}name> ?n }} }}")
    return {(row["s"].removeprefix(T), row["n"]) for row in rows}


def test_apply_drops_then_inserts_replacing_one_graph_only(store):
    store.apply(GraphChange(drop=[G1], insert={G1: f'<{T}lavrov> <{T}name> "S. Lavrov" .'}))
    assert names_in(store, G1) == {("lavrov", "S. Lavrov")}
    assert names_in(store, ENTITIES) == {("russia", "Russia")}
    assert {G1, G2, ENTITIES} <= set(store.named_graphs())


def test_apply_drops_graphs_absent_or_not(store):
    store.apply(GraphChange(drop=[G1, f"{T}graph/absent"]))
    assert G1 not in store.named_graphs() and {G2, ENTITIES} <= set(store.named_graphs())


def test_apply_retracts_subjects_from_one_graph_before_inserting(store):
    store.apply(GraphChange(insert={ENTITIES: f'<{T}pompeo> <{T}name> "Pompeo" .'}))
    store.apply(
        GraphChange(
            retract={ENTITIES: [f"{T}russia", f"{T}pompeo"]},
            insert={ENTITIES: f'<{T}russia> <{T}name> "Russian Federation" .'},
        )
    )
    assert names_in(store, ENTITIES) == {("russia", "Russian Federation")}
    assert names_in(store, G2) == {("pompeo", "Mike Pompeo")}  # other graphs keep theirs


def test_an_empty_change_changes_nothing(store):
    before = store.export("application/n-quads")
    store.apply(GraphChange())
    store.apply(GraphChange(retract={ENTITIES: []}, insert={G1: "  "}))
    assert store.export("application/n-quads") == before


def test_a_malformed_change_is_refused_before_anything_is_written(store):
    with pytest.raises(StoreError, match="not a valid IRI"):
        store.apply(GraphChange(drop=[f"{T}g> }} ; DROP ALL ; #"], insert={G1: TWO}))
    with pytest.raises(StoreError):
        store.apply(GraphChange(drop=[G1], insert={G1: f"<{T}a> <{T}p> broken"}))
    assert names_in(store, ENTITIES) == {("russia", "Russia")}


def test_a_failed_change_leaves_the_embedded_store_as_it_was(tmp_path):
    """One transaction: Oxigraph applies all of a change or none of it."""
    store = OxigraphStore(tmp_path / "store")
    try:
        store.apply(GraphChange(insert={G1: ONE}))
        with pytest.raises(StoreError):
            store.apply(GraphChange(drop=[G1], insert={G1: f"<{T}a> <{T}p> broken"}))
        assert len(store.select(f"SELECT * WHERE {{ GRAPH <{G1}> {{ ?s ?p ?o }} }}")) == 8
    finally:
        store.close()


SELECT_NAMES = f"SELECT ?s ?n WHERE {{ ?s <{T}name> ?n }} ORDER BY ?n"


@pytest.mark.parametrize("media_type", list(RESULT_FORMATS))
def test_select_results_in_every_format(store, media_type):
    result = store.sparql(SELECT_NAMES, media_type)
    assert result.media_type == media_type
    if media_type == "text/csv":
        lines = result.body.decode().splitlines()
        assert lines[0] == "s,n" and f"{T}pompeo,Mike Pompeo" in lines
        return
    parsed = ox.parse_query_results(result.body, format=RESULT_FORMATS[media_type])
    rows = [(str(s["s"]), str(s["n"])) for s in parsed]
    assert rows == [
        (f"<{T}pompeo>", '"Mike Pompeo"'),
        (f"<{T}russia>", '"Russia"'),
        (f"<{T}lavrov>", '"Sergey Lavrov"'),
        (f"<{T}lavrov>", '"Лавров"@ru'),
    ]


@pytest.mark.parametrize("media_type", list(GRAPH_FORMATS))
def test_construct_in_every_format(store, media_type):
    query = f"CONSTRUCT {{ ?s <{T}knows> ?o }} WHERE {{ ?s <{T}knows> ?o }}"
    body = store.sparql(query, media_type).body
    formats = {
        "text/turtle": "turtle",
        "application/n-triples": "nt",
        "application/ld+json": "json-ld",
        "application/rdf+xml": "xml",
    }
    got = rdflib.Graph().parse(data=body, format=formats[media_type])
    want = rdflib.Graph().parse(
        data=f"<{T}lavrov> <{T}knows> <{T}pompeo> .\n<{T}pompeo> <{T}knows> <{T}lavrov> .\n",
        format="nt",
    )
    assert isomorphic(got, want)


@pytest.mark.parametrize("store", ["embedded", "oxigraph-server"], indirect=True)
def test_a_graph_result_holds_each_triple_once(store):
    """A triple that several graphs hold is one triple of the union: a
    DESCRIBE (which Oxigraph answers graph by graph) lists it once, and only
    distinct triples count against the row cap. (Not Virtuoso: its DESCRIBE
    follows its own rules, and answered nothing here.)"""
    store.apply(GraphChange(insert={f"{T}graph/three": RUSSIA}))
    body = store.sparql(f"DESCRIBE <{T}russia>", "application/n-triples").body
    assert body.decode().splitlines() == [RUSSIA]
    capped = limited(store, QueryLimits(max_rows=1))
    assert capped.sparql(f"DESCRIBE <{T}russia>", "application/n-triples").body == body


@pytest.mark.parametrize("answer", [True, False])
def test_ask_results(store, answer):
    name = "Mike Pompeo" if answer else "Nobody"
    body = store.sparql(f'ASK {{ ?s <{T}name> "{name}" }}', "application/sparql-results+json").body
    assert json.loads(body)["boolean"] is answer


def test_protocol_dataset(store):
    query = f"SELECT ?n WHERE {{ ?s <{T}name> ?n }}"
    only_two = store.sparql(query, "text/tab-separated-values", default_graphs=[G2]).body
    assert only_two.decode().splitlines()[1:] == ['"Mike Pompeo"']
    named = f"SELECT ?g WHERE {{ GRAPH ?g {{ ?s <{T}knows> ?o }} }}"
    body = store.sparql(named, "text/csv", default_graphs=[G2], named_graphs=[G1]).body
    assert body.decode().splitlines()[1:] == [G1]


def test_the_query_names_its_dataset_when_the_request_does_not(tmp_path):
    """``FROM`` / ``FROM NAMED`` replace the union of all graphs (the SPARQL
    1.1 Protocol, 2.1.4); the request's dataset replaces them in turn.

    The embedded store only: the remote engines decide this themselves, and
    differ (``oxigraph serve --union-default-graph`` ignores ``FROM``;
    Virtuoso merges it with ``default-graph-uri``)."""
    store = OxigraphStore(tmp_path / "store")
    store.apply(GraphChange(insert={G1: ONE, G2: TWO, ENTITIES: RUSSIA}))
    query = f"SELECT ?n FROM <{G2}> WHERE {{ ?s <{T}name> ?n }}"
    from_two = store.sparql(query, "text/tab-separated-values").body
    assert from_two.decode().splitlines()[1:] == ['"Mike Pompeo"']
    named = f"SELECT ?g FROM NAMED <{G1}> WHERE {{ GRAPH ?g {{ ?s <{T}knows> ?o }} }}"
    assert store.sparql(named, "text/csv").body.decode().splitlines()[1:] == [G1]
    empty = f"SELECT ?n FROM <{T}graph/none> WHERE {{ ?s <{T}name> ?n }}"
    assert store.sparql(empty, "text/csv").body.decode().splitlines()[1:] == []
    overridden = store.sparql(query, "text/csv", default_graphs=[ENTITIES]).body
    assert overridden.decode().splitlines()[1:] == ["Russia"]


@pytest.mark.parametrize(
    "query", ["SELECT ?x WHERE { ?x ", "SELEKT * WHERE { ?s ?p ?o }", "ASK { ?s ?p }"]
)
def test_malformed_queries_are_query_errors(store, query):
    with pytest.raises(QueryError) as error:
        store.sparql(query, "application/sparql-results+json")
    message = str(error.value)
    assert message and "\n" not in message and len(message) <= 300


def test_update_runs_and_rejects_bad_syntax(store):
    store.update(f'INSERT DATA {{ GRAPH <{G2}> {{ <{T}pompeo> <{T}name> "Pompeo" }} }}')
    assert store.ask(f'ASK {{ <{T}pompeo> <{T}name> "Pompeo" }}')
    with pytest.raises(QueryError):
        store.update("INSERT DATA { GRAPH <x:y> { broken")


def test_read_graph(store):
    body = store.read_graph(G2, "application/n-triples")
    assert isomorphic(
        rdflib.Graph().parse(data=body, format="nt"), rdflib.Graph().parse(data=TWO, format="nt")
    )
    assert store.read_graph(f"{T}graph/missing", "text/turtle") is None


def test_export_holds_every_graph(store):
    dataset = rdflib.Dataset()
    dataset.parse(data=store.export("application/n-quads"), format="nquads")
    assert {G1, G2, ENTITIES} <= {str(g.identifier) for g in dataset.graphs() if len(g)}


def test_row_cap(store):
    capped = limited(store, QueryLimits(timeout=30, max_rows=2))
    query = f"SELECT ?s ?o WHERE {{ ?s <{T}name> ?o }}"
    with pytest.raises(QueryRowLimitError, match="more than 2 rows"):
        capped.select(query)
    with pytest.raises(QueryRowLimitError):
        capped.sparql(query, "application/sparql-results+json")
    assert len(capped.select(query + " LIMIT 2")) == 2


@pytest.mark.parametrize("media_type", list(RESULT_FORMATS))
def test_row_cap_is_exact_in_every_format_whatever_the_values_hold(tmp_path, media_type):
    """Values that hold what a format's row counter looks for (JSON's ``},{``,
    a quoted line break in CSV, XML's ``<result>``) neither hide a row nor
    add one: 30 rows pass a cap of 30 and fail a cap of 29."""
    store = OxigraphStore(tmp_path / "store")
    tricky = ['a},{\\"b},{', "two\\nlines", "<result></result>", "plain"]
    lines = (f'<{T}n{i}> <{T}note> "{tricky[i % 4]}" .' for i in range(30))
    store.apply(GraphChange(insert={G1: "\n".join(lines)}))
    query = f"SELECT ?s ?note WHERE {{ ?s <{T}note> ?note }}"
    assert limited(store, QueryLimits(max_rows=30)).sparql(query, media_type).body
    with pytest.raises(QueryRowLimitError, match="more than 29 rows"):
        limited(store, QueryLimits(max_rows=29)).sparql(query, media_type)
    store.close()


def test_deadline_stops_a_long_query(store):
    many = "\n".join(f'<{T}n{i}> <{T}value> "{i}" .' for i in range(400))
    store.apply(GraphChange(insert={f"{T}graph/many": many}))
    slow = limited(store, QueryLimits(timeout=0.5, max_rows=10**9))
    cross = f"SELECT * WHERE {{ ?a <{T}value> ?x . ?b <{T}value> ?y . ?c <{T}value> ?z }}"
    with pytest.raises(QueryTimeoutError, match="deadline of 0.5 s"):
        slow.sparql(cross, "application/sparql-results+json")


def test_unreachable_endpoint_is_a_store_error():
    store = SparqlStore("http://127.0.0.1:9/query")
    with pytest.raises(StoreError, match="cannot reach the SPARQL endpoint"):
        store.select("SELECT * WHERE { ?s ?p ?o } LIMIT 1")
    store.close()
