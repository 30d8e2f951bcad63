"""The HTTP API with real extraction on the seed article and the examples."""

from __future__ import annotations

import csv
import io

import pytest
import rdflib
from fastapi.testclient import TestClient

from api.app import create_app

WHO_SUPPORTS_MADURO = """PREFIX kg: <https://w3id.org/newskg/ns#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT DISTINCT ?who ?evidence WHERE {
  ?s kg:supports ?o . ?o skos:prefLabel "Nicolas Maduro" . ?s skos:prefLabel ?who .
  ?r kg:source ?s ; kg:target ?o ; kg:relationType kg:supports ; kg:evidenceText ?evidence ;
     kg:inArticle ?a . ?a kg:articleId "seed-article" .
} ORDER BY ?who"""
WHO_SUPPORTS_GUAIDO = WHO_SUPPORTS_MADURO.replace("Nicolas Maduro", "Juan Guaido")


@pytest.fixture(scope="module", params=[True, False], ids=["fast-path", "routed"])
def client(seed_store, request):
    """The app with SPARQL queries answered ahead of routing (as served) and
    through FastAPI's routes: every test here holds for both."""
    app = create_app(seed_store, sparql_fast_path=request.param)
    with TestClient(app, raise_server_exceptions=False) as test_client:
        yield test_client


def test_health_and_stats(client):
    body = client.get("/health").json()
    assert body["status"] == "ok" and body["articles"] == 4 and body["store"] == "embedded"
    stats = client.get("/stats").json()
    assert stats["articles"] == 4
    assert stats["classes"]["Person"] >= 5 and stats["relations"]["supports"] >= 4


def test_sparql_json_answers_who_supports_maduro_with_evidence(client):
    response = client.get(
        "/sparql",
        params={"query": WHO_SUPPORTS_MADURO},
        headers={"Accept": "application/sparql-results+json"},
    )
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/sparql-results+json")
    rows = response.json()["results"]["bindings"]
    assert {r["who"]["value"] for r in rows} == {"China", "Cuba", "Russia"}
    assert all("endorsed Maduro" in r["evidence"]["value"] for r in rows)


def test_sparql_post_form_and_direct(client):
    form = client.post(
        "/sparql", data={"query": WHO_SUPPORTS_GUAIDO}, headers={"Accept": "text/csv"}
    )
    assert form.status_code == 200 and form.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(form.text)))
    assert [r["who"] for r in rows] == ["United States"]
    assert "received support of the United States" in rows[0]["evidence"]
    direct = client.post(
        "/sparql", content=WHO_SUPPORTS_GUAIDO, headers={"Content-Type": "application/sparql-query"}
    )
    assert direct.status_code == 200
    assert direct.json()["results"]["bindings"][0]["who"]["value"] == "United States"


def test_sparql_construct_is_turtle(client):
    response = client.get(
        "/sparql",
        params={
            "query": "CONSTRUCT { ?s <https://w3id.org/newskg/ns#supports> ?o } "
            "WHERE { ?s <https://w3id.org/newskg/ns#supports> ?o }"
        },
    )
    assert response.headers["content-type"].startswith("text/turtle")
    assert len(rdflib.Graph().parse(data=response.text, format="turtle")) >= 4


@pytest.mark.parametrize(
    ("method", "kwargs", "status"),
    [
        ("get", {"params": {"query": "SELECT ?x WHERE { ?x "}}, 400),
        ("get", {"params": {"query": "DELETE WHERE { ?s ?p ?o }"}}, 400),
        ("post", {"data": {"update": "DROP ALL"}}, 400),
        (
            "post",
            {"content": "DROP ALL", "headers": {"Content-Type": "application/sparql-update"}},
            400,
        ),
        (
            "get",
            {
                "params": {"query": "SELECT * WHERE { ?s ?p ?o } LIMIT 1"},
                "headers": {"Accept": "image/png"},
            },
            406,
        ),
        ("post", {"content": "SELECT * {}", "headers": {"Content-Type": "text/plain"}}, 415),
    ],
)
def test_sparql_errors_are_short_4xx(client, method, kwargs, status):
    response = getattr(client, method)("/sparql", **kwargs)
    assert response.status_code == status
    body = response.json()
    assert set(body) == {"error", "detail"}
    assert "Traceback" not in body["detail"] and "/work/" not in body["detail"]


@pytest.mark.parametrize(
    ("accept", "rdflib_format"),
    [(None, "turtle"), ("application/ld+json", "json-ld"), ("application/rdf+xml", "xml")],
)
def test_service_description(client, accept, rdflib_format):
    response = client.get("/sparql", headers={"Accept": accept} if accept else {})
    assert response.headers["content-type"].startswith(accept or "text/turtle")
    description = rdflib.Graph().parse(data=response.text, format=rdflib_format)
    sd = rdflib.Namespace("http://www.w3.org/ns/sparql-service-description#")
    service = next(description.subjects(rdflib.RDF.type, sd.Service))
    assert str(service) == "http://testserver/sparql"
    assert (service, sd.supportedLanguage, sd.SPARQL11Query) in description
    assert (service, sd.feature, sd.UnionDefaultGraph) in description


@pytest.mark.parametrize("parameter", ["default-graph-uri", "named-graph-uri"])
@pytest.mark.parametrize("value", ["", "not an iri", "relative/graph"])
def test_a_dataset_graph_that_is_no_iri_is_400_naming_the_parameter(client, parameter, value):
    response = client.get("/sparql", params={"query": "ASK {}", parameter: value})
    assert response.status_code == 400
    assert response.json()["detail"].startswith(f"{parameter}: ")


def test_service_description_in_no_acceptable_format_is_406(client):
    response = client.get("/sparql", headers={"Accept": "application/sparql-results+json"})
    assert response.status_code == 406 and "text/turtle" in response.json()["detail"]


def test_federated_queries_are_off_by_default(client):
    query = "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }"
    response = client.get("/sparql", params={"query": query})
    assert response.status_code == 400 and "KG_SPARQL_FEDERATION" in response.json()["detail"]


def test_queries_with_the_empty_prefix_or_a_variable_named_service_are_answered(client):
    """Neither is an update or a federated query: the endpoint runs them."""
    query = (
        "PREFIX : <https://w3id.org/newskg/ns#> "
        'SELECT ?service WHERE { ?service :countryCode "CUB" }'
    )
    response = client.get("/sparql", params={"query": query}, headers={"Accept": "text/csv"})
    assert response.status_code == 200, response.text
    assert response.text.splitlines()[1].endswith("/entity/cuba")


def test_a_query_with_from_reads_that_graph_alone(client):
    """Without ``default-graph-uri``, a query's ``FROM`` names its default
    graph; the union of all graphs is the default only when nothing does."""
    iris = client.app.state.graph.iris
    entities, nowhere = str(iris.entities_graph()), str(iris.article_graph("no-such-article"))
    count = "SELECT (COUNT(*) AS ?n) {} WHERE {{ ?s ?p ?o }}"

    def triples(query: str, **params) -> int:
        response = client.get("/sparql", params={"query": query, **params})
        assert response.status_code == 200, response.text
        return int(response.json()["results"]["bindings"][0]["n"]["value"])

    in_entities = triples(count.format(""), **{"default-graph-uri": entities})
    assert 0 < in_entities < triples(count.format(""))
    assert triples(count.format(f"FROM <{entities}>")) == in_entities
    assert triples(count.format(f"FROM <{nowhere}>")) == 0


def test_openapi_docs(client):
    assert client.get("/docs").status_code == 200
    paths = client.get("/openapi.json").json()["paths"]
    assert {
        "/sparql",
        "/update",
        "/store",
        "/actors",
        "/actors/{actor_id}",
        "/actors/{actor_id}/relations",
        "/actors/{actor_id}/statements",
        "/actors/{actor_id}/relations/{other_id}",
        "/paths",
        "/network",
        "/network.graphml",
        "/relations",
        "/articles",
        "/articles/{article_id}",
        "/stats",
        "/health",
    } <= set(paths)


def test_every_schema_the_openapi_description_refers_to_is_in_it(client):
    """A ``$ref`` to a schema the description lacks leaves clients (and
    generated code) without the shape of that body."""
    description = client.get("/openapi.json").json()

    def refs(node) -> list[str]:
        if isinstance(node, dict):
            found = [node["$ref"]] if isinstance(node.get("$ref"), str) else []
            return found + [r for value in node.values() for r in refs(value)]
        if isinstance(node, list):
            return [r for value in node for r in refs(value)]
        return []

    named = {f"#/components/schemas/{name}" for name in description["components"]["schemas"]}
    assert set(refs(description)) <= named
    body = description["paths"]["/articles"]["post"]["requestBody"]["content"]
    assert set(body["application/json"]["schema"]["required"]) == {"id", "text"}
