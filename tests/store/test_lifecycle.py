"""Writing, re-writing and deleting articles in the store."""

from __future__ import annotations

import pyoxigraph as ox
from rdflib.compare import isomorphic

from kg.read import article_from_text
from tests.datasets import named_graphs, quads

ONE = "Cuba endorsed Maduro on Monday. Lavrov said that Russia would stay."
TWO = "Russian Foreign Minister Sergey Lavrov met Mike Pompeo in Sochi."


def test_reingest_replaces_the_graph(memory_graph):
    memory_graph.ingest([article_from_text("a", ONE), article_from_text("b", TWO)])
    first, first_graphs = quads(memory_graph.store), named_graphs(memory_graph.store)
    memory_graph.ingest([article_from_text("a", ONE)])
    assert quads(memory_graph.store) == first
    again = named_graphs(memory_graph.store)
    assert again.keys() == first_graphs.keys()
    assert all(isomorphic(again[name], first_graphs[name]) for name in again)


def test_changed_article_leaves_no_trace_of_the_old_version(memory_graph):
    memory_graph.ingest([article_from_text("a", ONE)])
    memory_graph.ingest([article_from_text("a", "Brazil criticized Maduro.")])
    texts = memory_graph.store.select("SELECT ?t WHERE { ?a <https://schema.org/text> ?t }")
    assert [r["t"] for r in texts] == ["Brazil criticized Maduro."]
    assert not memory_graph.store.ask("ASK { ?s <https://w3id.org/newskg/ns#supports> ?o }")


def test_delete_removes_the_graph_and_orphan_entities(memory_graph):
    memory_graph.ingest([article_from_text("a", ONE), article_from_text("b", TWO)])
    memory_graph.delete("a")
    assert memory_graph.article_ids() == ["b"]
    labels = {
        r["l"]
        for r in memory_graph.store.select(
            "SELECT ?l WHERE { ?e <http://www.w3.org/2004/02/skos/core#prefLabel> ?l }"
        )
    }
    assert "Cuba" not in labels and "Sergey Lavrov" in labels


def test_one_entity_per_person_across_articles(memory_graph):
    memory_graph.ingest(
        [article_from_text("a", TWO), article_from_text("b", "Lavrov said that talks would go on.")]
    )
    people = memory_graph.store.select(
        "SELECT DISTINCT ?e WHERE { ?e a <https://w3id.org/newskg/ns#Person> }"
    )
    assert len(people) == 2  # Lavrov and Pompeo


def test_bound_values_cannot_change_a_query(memory_graph):
    memory_graph.ingest([article_from_text("a", ONE)])
    evil = '") } } SELECT * WHERE { ?s ?p ?o } #'
    rows = memory_graph.store.select(
        "SELECT ?e WHERE { ?e <http://www.w3.org/2004/02/skos/core#prefLabel> ?name }",
        {"name": evil},
    )
    assert rows == []
    assert isinstance(ox.Literal(evil), ox.Literal)
