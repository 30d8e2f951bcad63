"""``/paths``, ``/network``, ``/network.graphml`` and ``/relations`` on the seed article."""

from __future__ import annotations

import io
import itertools

import networkx as nx
import pytest

from tests.api.answers import get


def test_a_path_from_pompeo_to_zakharova(seed_client):
    paths = get(seed_client, "/paths", **{"from": "mike-pompeo", "to": "maria-zakharova"})
    assert paths["count"] >= 1 and paths["count"] == len(paths["data"])
    lengths = {len(p["actors"]) for p in paths["data"]}
    assert len(lengths) == 1, "all paths given are shortest, so of one length"
    for path in paths["data"]:
        ids = [a["id"] for a in path["actors"]]
        assert ids[0] == "mike-pompeo" and ids[-1] == "maria-zakharova"
        assert len(path["hops"]) == len(ids) - 1
        for (a, b), step in zip(itertools.pairwise(ids), path["hops"], strict=True):
            assert step, "every step has at least one relation"
            assert all({r["source"], r["target"]} == {a, b} for r in step)


def test_no_path_within_one_step(seed_client):
    paths = get(
        seed_client, "/paths", **{"from": "mike-pompeo", "to": "maria-zakharova", "max_length": 1}
    )
    assert paths == {"data": [], "count": 0}


def test_paths_between_unknown_actors_are_404(seed_client):
    response = seed_client.get("/paths", params={"from": "mike-pompeo", "to": "nobody-at-all"})
    assert response.status_code == 404


def test_the_ego_network_of_maduro(seed_client):
    network = get(seed_client, "/network", center="nicolas-maduro", depth=1)
    ids = {n["id"] for n in network["nodes"]}
    assert {"nicolas-maduro", "china", "cuba", "russia", "united-states", "juan-guaido"} <= ids
    edges = {(e["source"], e["type"], e["target"]): e for e in network["edges"]}
    china = edges[("china", "supports", "nicolas-maduro")]
    assert (china["polarity"], china["kind"], china["articles"]) == (1, "interaction", 1)
    assert edges[("united-states", "criticizes", "nicolas-maduro")]["polarity"] == -1
    assert all(e["source"] in ids and e["target"] in ids for e in network["edges"])


def test_network_filtered_by_type(seed_client):
    network = get(seed_client, "/network", types=["supports"])
    assert network["edges"] and all(e["type"] == "supports" for e in network["edges"])
    sources = {e["source"] for e in network["edges"] if e["target"] == "nicolas-maduro"}
    assert sources == {"china", "cuba", "russia"}


def test_graphml_holds_the_same_network(seed_client):
    as_json = get(seed_client, "/network", center="nicolas-maduro", depth=2)
    response = seed_client.get("/network.graphml", params={"center": "nicolas-maduro", "depth": 2})
    assert response.headers["content-type"].startswith("application/graphml+xml")
    graph = nx.read_graphml(io.BytesIO(response.content), force_multigraph=True)
    assert graph.number_of_nodes() == len(as_json["nodes"])
    assert graph.number_of_edges() == len(as_json["edges"])
    maduro = next(n for n, a in graph.nodes(data=True) if a["label"] == "Nicolas Maduro")
    assert graph.nodes[maduro]["country"] == "VEN"


def test_relations_of_a_type(seed_client):
    supports = get(seed_client, "/relations", type="supports", limit=1000)
    assert supports["count"] == len(supports["data"]) >= 4
    assert all(r["type"] == "supports" for r in supports["data"])
    pairs = {(r["source"]["id"], r["target"]["id"]) for r in supports["data"]}
    assert {("china", "nicolas-maduro"), ("united-states", "juan-guaido")} <= pairs
    assert get(seed_client, "/relations", type="supports", since="2019-04-01")["count"] == 0


@pytest.mark.parametrize(
    ("path", "params"),
    [
        ("/network", {"depth": "9"}),
        ("/network", {"types": "hugs"}),
        ("/paths", {"from": "mike-pompeo"}),
        ("/paths", {"from": "a", "to": "b", "max_length": "0"}),
    ],
)
def test_bad_network_parameters_are_422(seed_client, path, params):
    assert seed_client.get(path, params=params).status_code == 422
