"""Linked-data views (GET on entity and article IRIs) and DELETE /articles/{id}."""

from __future__ import annotations

import json

import pytest
import rdflib
from fastapi.testclient import TestClient
from rdflib.compare import isomorphic

from api.app import create_app
from kg.config import Settings
from kg.rdf.vocab import KG
from tests.api.conftest import TOKEN

BASE = "http://127.0.0.1:8000/"
BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
SKOS = rdflib.Namespace("http://www.w3.org/2004/02/skos/core#")
LAVROV = rdflib.URIRef(f"{BASE}entity/sergey-lavrov")


@pytest.fixture(scope="module")
def client(seed_store):
    with TestClient(create_app(seed_store), raise_server_exceptions=False) as test_client:
        yield test_client


def turtle(response) -> rdflib.Graph:
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/turtle")
    assert response.headers["vary"] == "Accept"
    return rdflib.Graph().parse(data=response.text, format="turtle")


def test_an_entity_is_turtle_by_default(client):
    graph = turtle(client.get("/entity/sergey-lavrov"))
    assert graph.value(LAVROV, SKOS.prefLabel) == rdflib.Literal("Sergey Lavrov")
    assert (LAVROV, rdflib.RDF.type, KG.Person) in graph
    assert (LAVROV, KG.holdsPosition, rdflib.URIRef(f"{BASE}entity/russia")) in graph
    said = list(graph.objects(LAVROV, KG.said))
    assert said and all(graph.value(s, KG.content) for s in said)


def test_an_entity_as_json_ld_reads_cleanly(client):
    response = client.get("/entity/sergey-lavrov", headers={"Accept": "application/ld+json"})
    assert response.headers["content-type"].startswith("application/ld+json")
    body = response.json()
    lavrov = next(n for n in body["@graph"] if n["@id"] == str(LAVROV))
    assert lavrov["prefLabel"] == "Sergey Lavrov" and lavrov["@type"] == "Person"
    again = rdflib.Graph().parse(data=response.text, format="json-ld")
    assert isomorphic(again, turtle(client.get("/entity/sergey-lavrov")))


def test_an_entity_as_html_for_a_browser(client):
    response = client.get("/entity/sergey-lavrov", headers={"Accept": BROWSER})
    assert response.headers["content-type"].startswith("text/html")
    page = response.text
    assert "<h1>Sergey Lavrov</h1>" in page and 'href="/entity/russia">Russia</a>' in page
    assert "<script" not in page and " src=" not in page and "stylesheet" not in page


def test_an_article_is_its_whole_named_graph(client, seed_store):
    described = turtle(client.get("/article/seed-article"))
    stored = rdflib.Graph().parse(
        data=client.app.state.graph.store.read_graph(
            f"{BASE}graph/article/seed-article", "application/n-triples"
        ),
        format="nt",
    )
    assert isomorphic(described, stored)


def test_a_node_read_from_an_article_comes_with_the_nodes_under_it(client):
    article = turtle(client.get("/article/seed-article"))
    mention = next(article.subjects(rdflib.RDF.type, KG.Mention))
    path = str(mention)[len(BASE) - 1 :]
    graph = turtle(client.get(path))
    selector = graph.value(mention, rdflib.URIRef("http://www.w3.org/ns/oa#hasSelector"))
    assert selector is not None and (selector, None, None) in graph
    assert {str(s) for s in graph.subjects()} == {str(mention), str(selector)}
    page = client.get(path, headers={"Accept": "text/html"}).text
    assert f"<h1>{graph.value(mention, KG.anchorText)}</h1>" in page


@pytest.mark.parametrize(
    ("path", "accept", "status"),
    [
        ("/entity/nobody-at-all", "text/turtle", 404),
        ("/article/no-such-article", "text/turtle", 404),
        ("/article/seed-article/relation/nothing-here", "text/html", 404),
        ("/entity/sergey-lavrov", "image/png", 406),
    ],
)
def test_unknown_iris_and_formats(client, path, accept, status):
    response = client.get(path, headers={"Accept": accept})
    assert response.status_code == status
    assert set(response.json()) == {"error", "detail"}


@pytest.fixture()
def own_store(tmp_path, extractor):
    """A fresh store with two articles, and an app on it with a write token."""
    from kg.graph import KnowledgeGraph
    from kg.read import article_from_text

    settings = Settings(store=str(tmp_path / "store"), api_token=TOKEN)
    graph = KnowledgeGraph(settings, extractor=extractor)
    graph.ingest(
        [
            article_from_text("a b/c", "Cuba endorsed Nicolas Maduro on Monday."),
            article_from_text("other", "Brazil criticized Nicolas Maduro on Friday."),
        ]
    )
    graph.close()
    return settings


def test_article_ids_that_need_escaping_have_their_own_pages(own_store):
    with TestClient(create_app(own_store), raise_server_exceptions=False) as client:
        graph = turtle(client.get("/article/a%20b%2Fc"))
        article = rdflib.URIRef(f"{BASE}article/a%20b%2Fc")
        assert graph.value(article, KG.articleId) == rdflib.Literal("a b/c")


def test_delete_an_article(own_store):
    auth = {"Authorization": f"Bearer {TOKEN}"}
    with TestClient(create_app(own_store), raise_server_exceptions=False) as client:
        assert client.delete("/articles/a%20b%2Fc").status_code == 401
        assert client.get("/entity/cuba").status_code == 200
        response = client.delete("/articles/a%20b%2Fc", headers=auth)
        assert response.status_code == 204 and response.content == b""
        assert [a["id"] for a in client.get("/articles").json()["data"]] == ["other"]
        assert client.get("/article/a%20b%2Fc").status_code == 404
        assert client.get("/entity/cuba").status_code == 404  # no other article names Cuba
        maduro = turtle(client.get("/entity/nicolas-maduro"))  # Brazil's article still does
        assert (rdflib.URIRef(f"{BASE}entity/cuba"), None, None) not in maduro
        again = client.delete("/articles/a%20b%2Fc", headers=auth)
        assert again.status_code == 404 and "no article with id" in json.loads(again.text)["detail"]


@pytest.mark.parametrize("accept", ["text/turtle", "application/ld+json", "text/html"])
def test_a_description_is_written_in_a_query_worker(client, monkeypatch, accept):
    """Writing a description (large for a well-known entity) runs in the actor
    API's workers, like reading it, not on the event loop."""
    import threading

    from api.routers import linked_data

    writers = []
    for name in ("_rdf", "graph_jsonld", "render"):
        original = getattr(linked_data, name)

        def spy(*args, _original=original, **kwargs):
            writers.append(threading.current_thread().name)
            return _original(*args, **kwargs)

        monkeypatch.setattr(linked_data, name, spy)
    assert client.get("/entity/sergey-lavrov", headers={"Accept": accept}).status_code == 200
    assert len(writers) == 1 and writers[0].startswith("kg-api-")
