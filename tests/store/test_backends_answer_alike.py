"""The seed article written to every backend, and the actor API's fixed
queries asked of each: the answers must be the same."""

from __future__ import annotations

import httpx
import pytest

from kg import queries
from kg.analysis import actor_network, shortest_paths
from kg.config import Settings
from kg.graph import KnowledgeGraph
from kg.queries import Page, RelationFilter
from kg.store import GraphChange, OxigraphStore, SparqlStore
from tests.conftest import gold_said_by

BASE = "http://backends.test.example/"


def open_backend(name: str, request, tmp_path):
    if name == "embedded":
        return OxigraphStore(tmp_path / "store")
    if name == "oxigraph-server":
        url = request.getfixturevalue("oxigraph_server").url
        return SparqlStore(f"{url}/query", f"{url}/update")
    url = request.getfixturevalue("virtuoso_server").url
    return SparqlStore(f"{url}/sparql-auth", auth=httpx.DigestAuth("dba", "dba"))


@pytest.fixture(params=["embedded", "oxigraph-server", "virtuoso"])
def seeded(request, tmp_path, extractor, seed_extraction):
    store = open_backend(request.param, request, tmp_path)
    graph = KnowledgeGraph(Settings(store=":memory:", base_iri=BASE), store, extractor)
    graph.write(seed_extraction)
    yield graph
    store.apply(GraphChange(drop=[g for g in store.named_graphs() if g.startswith(BASE)]))
    store.close()


def test_the_same_answers_from_every_backend(seeded, seed_gold):
    store, entity = seeded.store, seeded.iris.entity
    supporters, count = queries.relations(
        store,
        str(entity("nicolas-maduro")),
        direction="in",
        where=RelationFilter(types=("supports",)),
    )
    assert sorted(r["sourceLabel"] for r in supporters) == ["China", "Cuba", "Russia"]
    assert count == 3 and all(r["negated"] is False for r in supporters)

    said, _ = queries.statements(store, str(entity("sergey-lavrov")), page=Page(limit=100))
    contents = [s["content"] for s in said]
    assert all(any(p in c for c in contents) for p in gold_said_by(seed_gold, "Sergey Lavrov"))
    assert {type(s["start"]) for s in said} == {int}

    found, total = queries.search_actors(store, "lavrov")
    assert [r["label"] for r in found] == ["Sergey Lavrov"] and total == 1
    lavrov = str(entity("sergey-lavrov"))
    details = queries.actor_details(store, [lavrov])[lavrov]
    assert "Foreign Minister" in {p["role"] for p in details["positions"]}

    network = actor_network(store)
    paths = shortest_paths(network, str(entity("mike-pompeo")), str(entity("maria-zakharova")))
    assert paths and all(len(p) == 3 for p in paths)

    article = queries.article(store, "seed-article")
    assert article["published"].isoformat() == "2019-03-31" and article["relations"] > 10
