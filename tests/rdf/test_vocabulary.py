"""The vocabulary module and the ontology agree term for term."""

import rdflib

from kg.rdf.vocab import KG, NS
from ontology import ONTOLOGY


def test_ontology_parses_and_mirrors_the_vocabulary():
    graph = rdflib.Graph().parse(str(ONTOLOGY), format="turtle")
    defined = {str(s)[len(NS) :] for s in graph.subjects() if str(s).startswith(NS)}
    used = set(KG.__annotations__)
    assert used - defined == set(), "terms used by the code but not defined in kg.ttl"
    assert defined - used == set(), "terms defined in kg.ttl but unknown to the code"


def test_every_term_has_a_label_and_a_definition():
    graph = rdflib.Graph().parse(str(ONTOLOGY), format="turtle")
    skos = rdflib.Namespace("http://www.w3.org/2004/02/skos/core#")
    for name in KG.__annotations__:
        term = rdflib.URIRef(NS + name)
        assert graph.value(term, rdflib.RDFS.label) is not None, name
        assert graph.value(term, skos.definition) is not None, name
