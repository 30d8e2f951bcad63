"""The actor network kept between requests (``api.network_cache``): a write
through the service shows in ``/paths`` and ``/network`` right after it,
whichever route wrote."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from pydantic import SecretStr

from api.app import create_app
from api.network_cache import NetworkCache
from kg.config import Settings
from kg.graph import KnowledgeGraph
from kg.read import article_from_text
from tests.api.answers import get

TOKEN = "a-token-for-tests"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
BACKING = "Iceland endorsed Nicolas Maduro on Monday."


@pytest.fixture()
def client(writable_settings):
    """The seed store's copy, served with every write route on."""
    settings = writable_settings.model_copy(
        update={"api_token": SecretStr(TOKEN), "sparql_update": True, "graph_store": True}
    )
    with TestClient(create_app(settings), raise_server_exceptions=False) as test_client:
        yield test_client


def neighbours(client, center: str) -> set[str]:
    return {n["id"] for n in get(client, "/network", center=center)["nodes"]}


def test_a_posted_article_is_on_the_paths_and_its_deletion_takes_it_off(client):
    assert "iceland" not in neighbours(client, "nicolas-maduro")  # the network is now kept
    posted = client.post(
        "/articles",
        json={"id": "iceland", "text": BACKING, "published": "2019-03-06"},
        headers=AUTH,
    )
    assert posted.status_code == 201, posted.text
    assert "iceland" in neighbours(client, "nicolas-maduro")
    paths = get(client, "/paths", **{"from": "iceland", "to": "cuba"})["data"]
    assert [[a["id"] for a in path["actors"]] for path in paths] == [
        ["iceland", "nicolas-maduro", "cuba"]
    ]
    assert [r["type"] for r in paths[0]["hops"][0]] == ["supports"]

    assert client.delete("/articles/iceland", headers=AUTH).status_code == 204
    assert "iceland" not in neighbours(client, "nicolas-maduro")
    assert client.get("/paths", params={"from": "iceland", "to": "cuba"}).status_code == 404


def test_a_sparql_update_shows_in_the_network(client):
    assert get(client, "/network", types="supports")["edges"]
    removal = """PREFIX kg: <https://w3id.org/newskg/ns#>
DELETE { GRAPH ?g { ?r ?p ?o } } WHERE { GRAPH ?g { ?r kg:relationType kg:supports ; ?p ?o } }"""
    assert client.post("/update", data={"update": removal}, headers=AUTH).status_code == 204
    assert get(client, "/network", types="supports")["edges"] == []
    assert get(client, "/network")["edges"], "the other relations stay"


def test_graphs_deleted_through_the_graph_store_leave_the_network(client):
    assert get(client, "/network")["edges"]
    for article in get(client, "/articles", limit=1000)["data"]:
        deleted = client.delete("/store", params={"graph": graph_of(client, article)}, headers=AUTH)
        assert deleted.status_code == 204
    assert get(client, "/network") == {"nodes": [], "edges": []}


def graph_of(client, article: dict) -> str:
    """The named graph of a listed article (``GET /articles/{id}`` has no graph field)."""
    return article["iri"].replace("/article/", "/graph/article/", 1)


class _StoreWrittenDuringRead:
    """A store whose first query sees a write land (the cache told of it) midway."""

    def __init__(self, store, cache_box: list) -> None:
        self._store, self._cache_box, self.queries = store, cache_box, 0

    def select(self, query, bindings=None):
        self.queries += 1
        if self.queries == 1:
            self._cache_box[0].invalidate()
        return self._store.select(query, bindings)


@pytest.fixture()
def backing_graph(extractor):
    graph = KnowledgeGraph(Settings(store=":memory:"), extractor=extractor)
    graph.ingest([article_from_text("a", BACKING)])
    yield graph
    graph.close()


def test_a_network_read_while_a_write_lands_is_not_kept(backing_graph):
    box: list[NetworkCache] = []
    store = _StoreWrittenDuringRead(backing_graph.store, box)
    box.append(NetworkCache(store))
    cache = box[0]
    cache.network()
    reads = store.queries
    cache.network()
    assert store.queries == 2 * reads, "read again: the first read may predate the write"
    cache.network()
    assert store.queries == 2 * reads, "kept once read with no write under way"


def test_with_no_age_allowed_every_request_reads_the_store(backing_graph):
    cache = NetworkCache(backing_graph.store, max_age=0)
    kept = NetworkCache(backing_graph.store)
    assert cache.network().number_of_edges() == kept.network().number_of_edges() == 1
    backing_graph.ingest([article_from_text("b", "Peru endorsed Nicolas Maduro.")])
    assert cache.network().number_of_edges() == 2, "a remote store's other writers show"
    assert kept.network().number_of_edges() == 1
