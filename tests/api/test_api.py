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


@pytest.fixture(scope="module")
def client(seed_store):
    with TestClient(create_app(seed_store), raise_server_exceptions=False) as test_client:
        yield test_client


def test_health(client):
    body = client.get("/health").json()
    assert body["status"] == "ok" and body["articles"] == 4


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


def test_service_description(client):
    response = client.get("/sparql")
    assert response.headers["content-type"].startswith("text/turtle")
    assert "sd:Service" in response.text


def test_actor_search_and_details(client):
    found = client.get("/actors", params={"q": "lavrov"}).json()
    assert found["count"] == 1
    lavrov = found["data"][0]
    assert (lavrov["id"], lavrov["label"], lavrov["type"]) == (
        "sergey-lavrov",
        "Sergey Lavrov",
        "Person",
    )
    details = client.get("/actors/sergey-lavrov").json()
    assert details["country"] == "RUS" and "Lavrov" in details["aliases"]
    assert {
        "role": "Foreign Minister",
        "organization": "russia",
        "organization_label": "Russia",
    } in details["positions"]
    assert details["articles"] >= 2


def test_lavrov_relations_show_statements_and_position(client):
    relations = client.get("/actors/sergey-lavrov/relations").json()["data"]
    said = [r for r in relations if r["type"] == "said"]
    assert any("We have explained what our servicemen are doing" in r["content"] for r in said)
    assert any("Russian servicemen are in Venezuela legally" in r["content"] for r in said)
    positions = [r for r in relations if r["type"] == "holdsPosition"]
    assert any(r["role"] == "Foreign Minister" and r["other"] == "russia" for r in positions)
    for relation in relations:
        evidence = relation["evidence"]
        assert evidence["sentence"] and evidence["end"] > evidence["start"]


def test_unknown_actor_is_404(client):
    response = client.get("/actors/no-such-actor")
    assert response.status_code == 404 and response.json()["error"] == "not_found"


@pytest.mark.parametrize(
    ("payload", "status"),
    [
        ({"id": "x"}, 422),
        ({"id": "", "text": "Cuba endorsed Maduro."}, 422),
        ({"id": "x", "text": "   "}, 400),
        ({"id": "x", "text": "ok", "published": "yesterday"}, 422),
        ({"id": "x", "text": "\x00\x01\x02"}, 400),
    ],
)
def test_bad_articles_are_4xx(client, payload, status):
    response = client.post("/articles", json=payload)
    assert response.status_code == status, response.text
    assert set(response.json()) == {"error", "detail"}


def test_post_article_then_query_it(client):
    response = client.post(
        "/articles",
        json={
            "id": "posted",
            "text": "Brazil endorsed Juan Guaido on Monday.",
            "published": "2019-02-01",
        },
    )
    assert response.status_code == 201
    assert response.json()["relations"] >= 1
    assert "posted" in client.get("/articles").json()
    rows = client.get(
        "/sparql", params={"query": WHO_SUPPORTS_GUAIDO.replace('"seed-article"', '"posted"')}
    ).json()["results"]["bindings"]
    assert [r["who"]["value"] for r in rows] == ["Brazil"]


def test_openapi_docs(client):
    assert client.get("/docs").status_code == 200
    paths = client.get("/openapi.json").json()["paths"]
    assert {
        "/sparql",
        "/actors",
        "/actors/{actor_id}",
        "/actors/{actor_id}/relations",
        "/articles",
        "/health",
    } <= set(paths)
