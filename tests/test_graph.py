"""The article life cycle: ingest, re-ingest and delete round trips.

The targets: re-ingesting an article replaces its graph in one transaction
and leaves a dataset identical to a fresh ingest; deleting it leaves the
store exactly as it was before the article came (its graph gone, entities no
other article names gone, the others described as the remaining articles say).
"""

from __future__ import annotations

import pytest
from rdflib.compare import isomorphic

from kg.config import Settings
from kg.errors import NotFoundError
from kg.graph import KnowledgeGraph
from kg.rdf.vocab import KG
from kg.read import article_from_text, read_articles
from kg.store import IRI
from tests.conftest import EXAMPLES
from tests.datasets import named_graphs, quads

CUBA = article_from_text(
    "cuba", "Cuba endorsed Nicolas Maduro on Monday. Havana said it would stand by Caracas."
)
SOCHI = article_from_text(
    "sochi",
    "Russian Foreign Minister Sergey Lavrov met Mike Pompeo in Sochi on Tuesday. "
    "Lavrov praised Maduro and criticized the sanctions.",
)
BRASILIA = article_from_text(
    "brasilia", "Brazil criticized Nicolas Maduro on Friday. Sergey Lavrov rejected the criticism."
)
SKOS_PREF = "<http://www.w3.org/2004/02/skos/core#prefLabel>"


@pytest.fixture()
def fresh(extractor):
    """A factory of new in-memory knowledge graphs sharing the one extractor."""
    opened: list[KnowledgeGraph] = []

    def make() -> KnowledgeGraph:
        opened.append(KnowledgeGraph(Settings(store=":memory:"), extractor=extractor))
        return opened[-1]

    yield make
    for graph in opened:
        graph.close()


def assert_same_dataset(one: KnowledgeGraph, other: KnowledgeGraph) -> None:
    assert quads(one.store) == quads(other.store)
    graphs, others = named_graphs(one.store), named_graphs(other.store)
    assert graphs.keys() == others.keys()
    for name, graph in graphs.items():
        assert isomorphic(graph, others[name]), name


def test_reingest_gives_the_dataset_of_a_fresh_ingest(fresh):
    kg = fresh()
    kg.ingest([CUBA, SOCHI, BRASILIA])
    kg.ingest([SOCHI])
    kg.ingest([CUBA])
    reference = fresh()
    reference.ingest([CUBA, SOCHI, BRASILIA])
    assert_same_dataset(kg, reference)


def test_ingest_then_delete_gives_back_the_store_before(fresh):
    kg = fresh()
    kg.ingest([CUBA, BRASILIA])
    before = quads(kg.store)
    kg.ingest([SOCHI])
    kg.ingest([SOCHI])
    assert quads(kg.store) != before
    kg.delete("sochi")
    assert quads(kg.store) == before


def test_delete_prunes_only_entities_no_other_article_names(fresh):
    kg = fresh()
    kg.ingest([SOCHI, BRASILIA])
    lavrov = {"e": IRI(str(kg.iris.entity("sergey-lavrov")))}
    described = f"SELECT ?p ?v WHERE {{ GRAPH <{kg.iris.entities_graph()}> {{ ?e ?p ?v }} }}"

    def labels() -> set[str]:
        rows = kg.store.select(f"SELECT ?l WHERE {{ ?e {SKOS_PREF} ?l }}")
        return {str(r["l"]) for r in rows}

    assert {"Sergey Lavrov", "Mike Pompeo", "Brazil"} <= labels()
    assert {"p": str(KG.countryCode), "v": "RUS"} in kg.store.select(described, lavrov)
    kg.delete("sochi")
    assert "Mike Pompeo" not in labels() and "Brazil" in labels()
    # Lavrov stays, described now only by what the remaining article says:
    # it does not say he is Russian.
    assert {"p": str(KG.countryCode), "v": "RUS"} not in kg.store.select(described, lavrov)
    assert {"p": SKOS_PREF[1:-1], "v": "Sergey Lavrov"} in kg.store.select(described, lavrov)
    kg.delete("brasilia")
    assert kg.article_ids() == [] and quads(kg.store) == set()


def test_the_seed_article_round_trips(fresh, seed_extraction):
    kg = fresh()
    kg.ingest(read_articles([EXAMPLES]))
    before = quads(kg.store)
    kg.write(seed_extraction)
    with_seed = quads(kg.store)
    kg.write(seed_extraction)
    assert quads(kg.store) == with_seed
    kg.delete(seed_extraction.article.id)
    assert quads(kg.store) == before


def test_deleting_an_unknown_article_says_so_and_changes_nothing(fresh):
    kg = fresh()
    kg.ingest([CUBA])
    before = quads(kg.store)
    with pytest.raises(NotFoundError, match="no article with id 'nope'"):
        kg.delete("nope")
    assert quads(kg.store) == before


def test_reingest_keeps_what_a_later_article_would_make_ambiguous(fresh):
    """A bare surname joins the one full name known when its article came; a
    later namesake must not change that when the article is read again."""
    first = article_from_text("first", "Cuban Foreign Minister Bruno Rodriguez met Sergey Lavrov.")
    second = article_from_text(
        "second", "The minister, Mr. Rodriguez, said Havana stood by Caracas."
    )
    third = article_from_text("third", "Venezuelan Vice President Delcy Rodriguez visited Moscow.")
    kg = fresh()
    kg.ingest([first, second, third])
    reference = quads(kg.store)
    kg.ingest([second])
    assert quads(kg.store) == reference


def test_deleting_the_article_that_gave_a_fuller_name_gives_the_iri_back(fresh):
    """A fuller name re-points an entity to its IRI in every graph; deleting
    the only article with that name points it back."""
    bare = article_from_text("bare", "The minister, Mr. Rodriguez, said Havana stood by Caracas.")
    full = article_from_text("full", "Cuban Foreign Minister Bruno Rodriguez met Sergey Lavrov.")
    kg = fresh()
    kg.ingest([bare])
    before = quads(kg.store)
    kg.ingest([full])
    assert f"<{kg.iris.entity('bruno-rodriguez')}>" in "".join(quads(kg.store))
    kg.delete("full")
    assert quads(kg.store) == before
