"""Merging what articles say about an entity into its canonical description."""

from __future__ import annotations

import itertools

import pytest
from rdflib import OWL, RDF, RDFS, SKOS, Literal, URIRef
from rdflib.compare import isomorphic

from kg.rdf.entities import merged_description
from kg.rdf.vocab import KG

E = URIRef("http://e/entity/x")
A, B, C = (f"http://e/graph/article/{n}" for n in "abc")
GEONAMES = URIRef("https://sws.geonames.org/2017370/")


def label(graph: str, text: str):
    return (graph, RDFS.label, Literal(text))


@pytest.mark.parametrize(
    ("views", "preferred", "alternatives"),
    [
        ([label(A, "Lavrov"), label(B, "Sergey Lavrov")], "Sergey Lavrov", {"Lavrov"}),
        # the same number of words: the longer label
        (
            [label(A, "Moscow"), label(B, "Russia"), label(C, "Kremlin")],
            "Kremlin",
            {"Moscow", "Russia"},
        ),
        # a tie everywhere: the first in alphabetical order
        ([label(A, "Cuba"), label(B, "Chad")], "Chad", {"Cuba"}),
        # aliases join the alternatives; the preferred label is never one
        (
            [label(A, "Maduro"), (A, SKOS.altLabel, Literal("Nicolas Maduro"))],
            "Maduro",
            {"Nicolas Maduro"},
        ),
    ],
)
def test_preferred_and_alternative_labels(views, preferred, alternatives):
    g = merged_description(E, views)
    assert [str(v) for v in g.objects(E, SKOS.prefLabel)] == [preferred]
    assert {str(v) for v in g.objects(E, SKOS.altLabel)} == alternatives


def test_single_valued_facts_go_to_the_majority_and_ties_are_stable():
    views = [
        label(A, "X"),
        (A, KG.countryCode, Literal("VEN")),
        (B, KG.countryCode, Literal("RUS")),
        (C, KG.countryCode, Literal("RUS")),
        (A, KG.sector, Literal("media")),
        (B, KG.sector, Literal("government")),
    ]
    g = merged_description(E, views)
    assert str(g.value(E, KG.countryCode)) == "RUS"
    assert str(g.value(E, KG.sector)) == "government"


def test_types_and_outside_ids_are_all_kept():
    views = [label(A, "Russia"), (A, RDF.type, KG.Country), (B, OWL.sameAs, GEONAMES)]
    g = merged_description(E, views)
    assert set(g.objects(E, RDF.type)) == {KG.Country}
    assert set(g.objects(E, OWL.sameAs)) == {GEONAMES}


def test_the_merge_does_not_depend_on_the_order_of_the_articles():
    views = [
        label(A, "Lavrov"),
        (A, KG.countryCode, Literal("RUS")),
        label(B, "Sergey Lavrov"),
        (B, SKOS.altLabel, Literal("Sergei Lavrov")),
        (C, KG.sector, Literal("government")),
        label(C, "Lavrov"),
    ]
    first = merged_description(E, views)
    for order in itertools.permutations(views):
        assert isomorphic(merged_description(E, order), first)


def test_an_entity_no_article_names_has_no_description():
    assert len(merged_description(E, [])) == 0
    assert len(merged_description(E, [(A, KG.countryCode, Literal("RUS"))])) == 0


def test_an_unnamed_source_is_typed_on_the_statement_not_an_entity(memory_graph):
    from kg.read import article_from_text

    memory_graph.ingest([article_from_text("u", "Officials said the talks would go on.")])
    rows = memory_graph.store.select(
        "PREFIX kg: <https://w3id.org/newskg/ns#> "
        "SELECT ?words ?type ?speaker WHERE { ?s a kg:Statement ; kg:speakerText ?words ; "
        "kg:speakerType ?type . OPTIONAL { ?s kg:speaker ?speaker } }"
    )
    assert rows == [{"words": "Officials", "type": "Group", "speaker": None}]
