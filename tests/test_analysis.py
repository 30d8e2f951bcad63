"""``kg.analysis``: the actor network from the store, built from our own sentences."""

from __future__ import annotations

import io
import json
from datetime import date

import networkx as nx
import pytest

from kg.analysis import (
    INTERACTION_TYPES,
    NetworkRecords,
    actor_network,
    ego_network,
    hops,
    shortest_paths,
    to_gexf,
    to_graphml,
    to_node_link,
)
from kg.queries import RelationFilter, network_edges, relations
from kg.read import article_from_text

ARTICLES = [
    ("one", "Cuba endorsed Nicolas Maduro on Monday.", date(2019, 3, 4)),
    ("two", "Cuba praised Nicolas Maduro on Tuesday. Brazil criticized Nicolas Maduro.", None),
    ("three", "Russia did not endorse Brazil.", date(2019, 3, 9)),
]


@pytest.fixture(scope="module")
def network_store(extractor):
    from kg.config import Settings
    from kg.graph import KnowledgeGraph

    graph = KnowledgeGraph(Settings(store=":memory:"), extractor=extractor)
    published = date(2019, 3, 6)
    graph.ingest(
        [article_from_text(i, text, published=day or published) for i, text, day in ARTICLES]
    )
    yield graph
    graph.close()


def by_label(network: nx.MultiDiGraph) -> dict[str, str]:
    return {attributes["label"]: node for node, attributes in network.nodes(data=True)}


def test_edges_aggregate_records_articles_and_dates(network_store):
    network = actor_network(network_store.store)
    ids = by_label(network)
    support = network.get_edge_data(ids["Cuba"], ids["Nicolas Maduro"], key="supports")
    assert support["records"] == 2 and support["articles"] == 2
    assert (support["first_date"], support["last_date"]) == (date(2019, 3, 4), date(2019, 3, 5))
    assert (support["polarity"], support["kind"]) == (1, "interaction")
    criticism = network.get_edge_data(ids["Brazil"], ids["Nicolas Maduro"], key="criticizes")
    assert criticism["polarity"] == -1
    assert network.nodes[ids["Cuba"]]["type"] == "Country"
    assert network.nodes[ids["Cuba"]]["country"] == "CUB"
    assert network.nodes[ids["Nicolas Maduro"]]["articles"] == 2


def test_a_negated_relation_is_no_edge(network_store):
    records, _ = relations(network_store.store, where=RelationFilter(types=("supports",)))
    assert any(r["negated"] and r["sourceLabel"] == "Russia" for r in records)
    network = actor_network(network_store.store)
    assert "Russia" not in by_label(network)


def test_filters_by_type_and_date(network_store):
    only_support = actor_network(network_store.store, RelationFilter(types=("supports",)))
    assert {k for _, _, k in only_support.edges(keys=True)} == {"supports"}
    late = actor_network(network_store.store, RelationFilter(since=date(2019, 3, 5)))
    ids = by_label(late)
    support = late.get_edge_data(ids["Cuba"], ids["Nicolas Maduro"], key="supports")
    assert support["records"] == 1 and support["first_date"] == date(2019, 3, 5)


def everything(network: nx.MultiDiGraph) -> tuple[dict, dict]:
    nodes = dict(network.nodes(data=True))
    return nodes, {(s, t, k): a for s, t, k, a in network.edges(keys=True, data=True)}


@pytest.mark.parametrize(
    "where",
    [
        RelationFilter(),
        RelationFilter(types=("supports",)),
        RelationFilter(types=INTERACTION_TYPES),
        RelationFilter(since=date(2019, 3, 5)),
        RelationFilter(until=date(2019, 3, 4)),
        RelationFilter(types=("criticizes",), since=date(2019, 3, 1), until=date(2019, 3, 31)),
    ],
)
def test_records_read_once_give_the_network_a_filtered_read_gives(network_store, where):
    """What the service keeps (every record) filtered in memory is the
    network read from the store with the filter in SPARQL."""
    kept = NetworkRecords.read(network_store.store)
    assert everything(kept.network(where)) == everything(actor_network(network_store.store, where))


def test_records_read_once_filtered_by_confidence(network_store):
    kept = NetworkRecords.read(network_store.store)
    highest = max(float(row["confidence"]) for row in kept.edges)
    where = RelationFilter(min_confidence=highest)
    network = kept.network(where)
    assert 0 < network.number_of_edges() < kept.network().number_of_edges()
    assert everything(network) == everything(actor_network(network_store.store, where))


def test_paths_ego_network_and_hops(network_store):
    network = actor_network(network_store.store)
    ids = by_label(network)
    paths = shortest_paths(network, ids["Cuba"], ids["Brazil"])
    assert paths == [[ids["Cuba"], ids["Nicolas Maduro"], ids["Brazil"]]]
    assert shortest_paths(network, ids["Cuba"], ids["Brazil"], max_length=1) == []
    steps = hops(network, paths[0])
    assert [sorted(r["type"] for r in step) for step in steps] == [["supports"], ["criticizes"]]
    assert steps[1][0]["source"] == ids["Brazil"], "relations keep their own direction"
    ego = ego_network(network, ids["Cuba"], depth=1)
    assert set(ego) == {ids["Cuba"], ids["Nicolas Maduro"]}
    assert set(ego_network(network, ids["Cuba"], depth=2)) >= {ids["Brazil"]}


def test_graphml_round_trip(network_store):
    network = actor_network(network_store.store)
    again = nx.read_graphml(io.BytesIO(to_graphml(network)), force_multigraph=True)
    assert again.number_of_nodes() == network.number_of_nodes()
    assert again.number_of_edges() == network.number_of_edges()
    dates = {a.get("first_date") for _, _, a in again.edges(data=True)}
    assert "2019-03-04" in dates


def test_gexf_and_node_link_round_trips(network_store):
    network = actor_network(network_store.store)
    gexf = nx.read_gexf(io.BytesIO(to_gexf(network)))
    assert gexf.number_of_nodes() == network.number_of_nodes()
    assert gexf.number_of_edges() == network.number_of_edges()
    data = json.loads(json.dumps(to_node_link(network)))
    again = nx.node_link_graph(data, edges="links", multigraph=True, directed=True)
    assert set(again) == set(network)
    assert again.number_of_edges() == network.number_of_edges()
    labels = {attributes["label"] for _, attributes in again.nodes(data=True)}
    assert labels == {a["label"] for _, a in network.nodes(data=True)}
    assert all(
        "first_date" not in a or isinstance(a["first_date"], str)
        for *_, a in again.edges(data=True)
    )


def test_an_actor_named_in_many_articles_does_not_multiply_rows(extractor):
    """Each entity's class and country are stated in every article graph that
    names it; a record is still one row, an actor one node row."""
    from kg.config import Settings
    from kg.graph import KnowledgeGraph

    graph = KnowledgeGraph(Settings(store=":memory:"), extractor=extractor)
    try:
        graph.ingest(
            article_from_text(
                f"day-{n}", "Cuba endorsed Nicolas Maduro.", published=date(2019, 3, n)
            )
            for n in range(1, 26)
        )
        rows = network_edges(graph.store, RelationFilter(types=("supports",)))
        assert len(rows) == len({row["record"] for row in rows}) == 25
        network = actor_network(graph.store, RelationFilter(types=("supports",)))
        assert sorted(a["articles"] for _, a in network.nodes(data=True)) == [25, 25]
        assert [a["articles"] for *_, a in network.edges(data=True)] == [25]
    finally:
        graph.close()
