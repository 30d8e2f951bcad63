"""Real SPARQL clients against a running ``kg serve`` holding the seed article:
SPARQLWrapper, rdflib's SPARQLStore, and curl with each content type."""

from __future__ import annotations

import csv
import io
import json
import subprocess

import pyoxigraph as ox
import pytest
import rdflib
from rdflib.plugins.stores.sparqlstore import SPARQLStore
from SPARQLWrapper import (
    CSV,
    JSON,
    JSONLD,
    POST,
    POSTDIRECTLY,
    RDFXML,
    TSV,
    TURTLE,
    XML,
    SPARQLWrapper,
)
from SPARQLWrapper.SPARQLExceptions import QueryBadFormed

from kg.store.results import RESULT_FORMATS
from tests.servers import binary

PREFIXES = """PREFIX kg: <https://w3id.org/newskg/ns#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
"""
WHO_SUPPORTS_MADURO = (
    PREFIXES
    + """SELECT DISTINCT ?who WHERE {
  ?s kg:supports ?o . ?o skos:prefLabel "Nicolas Maduro" . ?s skos:prefLabel ?who .
} ORDER BY ?who"""
)
SUPPORT_GRAPH = PREFIXES + "CONSTRUCT { ?s kg:supports ?o } WHERE { ?s kg:supports ?o }"
MADURO_SUPPORTERS = ["China", "Cuba", "Russia"]


def wrapper(server, return_format, method="GET") -> SPARQLWrapper:
    client = SPARQLWrapper(f"{server.url}/sparql")
    client.setReturnFormat(return_format)
    client.setMethod("GET" if method == "GET" else POST)
    if method == "POSTDIRECTLY":
        client.setRequestMethod(POSTDIRECTLY)
    return client


@pytest.mark.parametrize("method", ["GET", "POST", "POSTDIRECTLY"])
@pytest.mark.parametrize("return_format", [JSON, XML, CSV, TSV])
def test_sparqlwrapper_select(served_seed, return_format, method):
    client = wrapper(served_seed, return_format, method)
    client.setQuery(WHO_SUPPORTS_MADURO)
    result = client.query()
    converted = result.convert()
    if return_format == JSON:
        who = [b["who"]["value"] for b in converted["results"]["bindings"]]
    elif return_format == XML:
        who = [n.firstChild.nodeValue for n in converted.getElementsByTagName("literal")]
    elif return_format == CSV:
        who = [row["who"] for row in csv.DictReader(io.StringIO(converted.decode()))]
    else:
        who = [line.strip('"') for line in converted.decode().splitlines()[1:]]
    assert who == MADURO_SUPPORTERS


@pytest.mark.parametrize("return_format", [TURTLE, RDFXML, JSONLD])
def test_sparqlwrapper_construct(served_seed, return_format):
    client = wrapper(served_seed, return_format)
    client.setQuery(SUPPORT_GRAPH)
    converted = client.query().convert()
    graph = converted if isinstance(converted, rdflib.Graph) else None
    if graph is None:  # SPARQLWrapper hands Turtle and JSON-LD over as bytes
        fmt = "turtle" if return_format == TURTLE else "json-ld"
        graph = rdflib.Graph().parse(data=converted, format=fmt)
    supporters = {str(s) for s, _, o in graph if str(o).endswith("/entity/nicolas-maduro")}
    assert {s.rsplit("/", 1)[-1] for s in supporters} == {"china", "cuba", "russia"}


def test_sparqlwrapper_ask_and_bad_query(served_seed):
    client = wrapper(served_seed, JSON)
    client.setQuery(PREFIXES + 'ASK { ?s skos:prefLabel "Sergey Lavrov" }')
    assert client.query().convert()["boolean"] is True
    client.setQuery("SELECT ?x WHERE { ?x ")
    with pytest.raises(QueryBadFormed):
        client.query()


@pytest.mark.parametrize("method", ["GET", "POST"])
def test_rdflib_sparqlstore(served_seed, method):
    store = SPARQLStore(f"{served_seed.url}/sparql", method=method)
    graph = rdflib.Graph(store=store)
    who = [str(row.who) for row in graph.query(WHO_SUPPORTS_MADURO)]
    assert who == MADURO_SUPPORTERS
    lavrov = rdflib.URIRef(f"{_base(graph)}entity/sergey-lavrov")
    labels = set(graph.objects(lavrov, rdflib.SKOS.prefLabel))
    assert labels == {rdflib.Literal("Sergey Lavrov")}
    store.close()


def _base(graph: rdflib.Graph) -> str:
    row = next(iter(graph.query(PREFIXES + 'SELECT ?e WHERE { ?e skos:prefLabel "Cuba" }')))
    return str(row.e).rsplit("entity/", 1)[0]


def read_who(media_type: str, body: str) -> list[str]:
    """The ``who`` column of SELECT results in any of the four formats."""
    if media_type == "text/csv":
        return [row["who"] for row in csv.DictReader(io.StringIO(body))]
    fmt = RESULT_FORMATS[media_type]
    return [solution["who"].value for solution in ox.parse_query_results(body, format=fmt)]


def curl(*arguments: str) -> tuple[int, str, str]:
    """Run curl; the HTTP status, the content type and the body."""
    command = [binary("curl", "apt-get install curl"), "-s", "-w", "\n%{http_code} %{content_type}"]
    output = subprocess.run([*command, *arguments], capture_output=True, text=True, check=True)
    body, _, status_line = output.stdout.rpartition("\n")
    status, _, content_type = status_line.partition(" ")
    return int(status), content_type, body


@pytest.mark.parametrize("accept", list(RESULT_FORMATS))
def test_curl_select(served_seed, accept):
    status, content_type, body = curl(
        "-G", f"{served_seed.url}/sparql", "--data-urlencode", f"query={WHO_SUPPORTS_MADURO}",
        "-H", f"Accept: {accept}",
    )  # fmt: skip
    assert status == 200 and content_type.startswith(accept)
    assert read_who(accept, body) == MADURO_SUPPORTERS


@pytest.mark.parametrize(
    ("accept", "rdflib_format"),
    [
        ("text/turtle", "turtle"),
        ("application/n-triples", "nt"),
        ("application/ld+json", "json-ld"),
        ("application/rdf+xml", "xml"),
    ],
)
def test_curl_construct(served_seed, accept, rdflib_format):
    status, content_type, body = curl(
        "-X", "POST", f"{served_seed.url}/sparql", "--data-binary", SUPPORT_GRAPH,
        "-H", "Content-Type: application/sparql-query", "-H", f"Accept: {accept}",
    )  # fmt: skip
    assert status == 200 and content_type.startswith(accept)
    graph = rdflib.Graph().parse(data=body, format=rdflib_format)
    assert len(graph) >= 4


def test_curl_without_accept_and_with_nothing_acceptable(served_seed):
    status, content_type, _ = curl(
        "--data-urlencode", f"query={WHO_SUPPORTS_MADURO}", f"{served_seed.url}/sparql"
    )
    assert status == 200 and content_type.startswith("application/sparql-results+json")
    status, content_type, body = curl(
        "--data-urlencode", f"query={WHO_SUPPORTS_MADURO}", "-H", "Accept: image/png",
        f"{served_seed.url}/sparql",
    )  # fmt: skip
    assert status == 406 and json.loads(body)["error"] == "not_acceptable"
