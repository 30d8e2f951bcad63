"""The JSON-LD context: every term of the vocabulary, typed as the ontology says,
and JSON-LD written with it reads cleanly and parses back to the same data."""

from __future__ import annotations

import json
from functools import cache

import pytest
from rdflib import OWL, RDF, RDFS, XSD, Dataset, Graph, URIRef
from rdflib.compare import isomorphic

from kg.config import Settings
from kg.graph import KnowledgeGraph
from kg.rdf.jsonld import context, dataset_jsonld, graph_jsonld
from kg.rdf.vocab import NS
from kg.read import read_articles
from ontology import ONTOLOGY
from tests.conftest import EXAMPLES
from tests.datasets import named_graphs
from tests.rdf.sample import sample_graph

NATIVE = {XSD.integer, XSD.boolean, XSD.string}  # JSON numbers, booleans and strings


@cache
def ontology() -> Graph:
    return Graph().parse(str(ONTOLOGY), format="turtle")


def kg_terms(kind) -> list[str]:
    return sorted(
        str(s)[len(NS) :] for s in ontology().subjects(RDF.type, kind) if str(s).startswith(NS)
    )


@pytest.mark.parametrize("name", kg_terms(OWL.Class))
def test_every_class_is_a_plain_name(name):
    assert context()[name] == f"kg:{name}"


@pytest.mark.parametrize("name", kg_terms(OWL.ObjectProperty))
def test_every_object_property_takes_iris(name):
    assert context()[name] == {"@id": f"kg:{name}", "@type": "@id"}


@pytest.mark.parametrize("name", kg_terms(OWL.DatatypeProperty))
def test_every_datatype_property_keeps_its_range(name):
    term = URIRef(NS + name)
    range_ = ontology().value(term, RDFS.range)
    if range_ in NATIVE:
        assert context()[name] == f"kg:{name}"
    else:
        datatype = str(range_).rsplit("#", 1)[1]
        assert context()[name] == {"@id": f"kg:{name}", "@type": f"xsd:{datatype}"}


def test_relation_types_read_as_names():
    assert context()["relationType"] == {"@id": "kg:relationType", "@type": "@vocab"}
    body = json.loads(graph_jsonld(sample_graph()))
    types = {node.get("relationType") for node in body["@graph"]}
    assert {"supplies", "holdsPosition", "supports", "locatedIn"} <= types


def test_a_graph_reads_cleanly_and_parses_back_unchanged():
    graph = sample_graph()
    text = graph_jsonld(graph).decode()
    body = json.loads(text)
    nodes = body["@graph"]
    assert all(key.isidentifier() or key.startswith("@") for node in nodes for key in node)
    assert NS not in json.dumps(nodes) and '"kg:' not in json.dumps(nodes)
    supply = next(node for node in nodes if node["@type"] == "Supply")
    assert supply["negated"] is False and isinstance(supply["evidenceStart"], int)
    assert supply["confidence"] == "0.8" and supply["date"] == "2024-05-06"
    assert isomorphic(Graph().parse(data=text, format="json-ld"), graph)


def test_the_exported_dataset_parses_back_to_the_same_quads(extractor):
    graph = KnowledgeGraph(Settings(store=":memory:"), extractor=extractor)
    try:
        graph.ingest(read_articles([EXAMPLES]))
        stored = named_graphs(graph.store)
        exported = dataset_jsonld(graph.store.export("application/n-quads"))
    finally:
        graph.close()
    back = Dataset()
    back.parse(data=exported, format="json-ld")
    parsed = {str(g.identifier): g for g in back.graphs() if len(g)}
    assert parsed.keys() == stored.keys() and len(stored) == 4
    for name, g in stored.items():
        assert set(parsed[name]) == set(g), name
