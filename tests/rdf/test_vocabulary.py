"""The vocabulary module and the ontology agree term for term.

Every term the code knows (``kg.rdf.vocab.KG``) is defined in ``kg.ttl`` with
a label and a definition; every defined term is used: written by the builder,
or part of the ontology's own structure (a super-class, a super-property, an
annotation), or marked ``vs:term_status "reserved"`` with a reason.
"""

from __future__ import annotations

from dataclasses import replace
from functools import cache

import rdflib
from rdflib import OWL, RDF, RDFS, Namespace, URIRef

from kg.lexicon import predicates
from kg.rdf.build import build_article_graph
from kg.rdf.vocab import ENTITY_CLASS, KG, NS, RECORD_CLASS
from ontology import ONTOLOGY
from tests.rdf.sample import CANONICAL, EXTRACTION, IRIS, RELATIONS, entities_of

SKOS = Namespace("http://www.w3.org/2004/02/skos/core#")
VS = Namespace("http://www.w3.org/2003/06/sw-vocab-status/ns#")


@cache
def ontology() -> rdflib.Graph:
    return rdflib.Graph().parse(str(ONTOLOGY), format="turtle")


def defined() -> set[str]:
    return {str(s)[len(NS) :] for s in ontology().subjects() if str(s).startswith(NS)}


def written() -> set[str]:
    """Every kg: term in the graphs the builder writes for the sample, with one
    record of every relation type of the lexicon."""
    template = RELATIONS[0]
    every_type = tuple(replace(template, predicate=name) for name in predicates())
    extraction = replace(EXTRACTION, relations=EXTRACTION.relations + every_type)
    graph = build_article_graph(extraction, CANONICAL, IRIS)
    graph += entities_of(graph, CANONICAL.values())
    terms = {str(t) for triple in graph for t in triple}
    return {t[len(NS) :] for t in terms if t.startswith(NS)}


def structural() -> set[str]:
    """kg: terms the ontology itself uses: parents, domains, ranges, annotations."""
    used = set()
    for s, p, o in ontology():
        if str(s).startswith(NS) and str(p).startswith(NS):
            used.add(str(p)[len(NS) :])
        axiom = p in (RDFS.subClassOf, RDFS.subPropertyOf, RDFS.domain, RDFS.range, RDF.type)
        if axiom and str(o).startswith(NS) and o != s:
            used.add(str(o)[len(NS) :])
    return used


def reserved() -> set[str]:
    return {
        str(s)[len(NS) :]
        for s in ontology().subjects(VS.term_status, rdflib.Literal("reserved"))
        if str(s).startswith(NS)
    }


def test_the_code_and_the_ontology_know_the_same_terms():
    used = set(KG.__annotations__)
    assert used - defined() == set(), "terms used by the code but not defined in kg.ttl"
    assert defined() - used == set(), "terms defined in kg.ttl but unknown to the code"


def test_every_term_has_a_label_and_a_definition():
    for name in defined():
        term = URIRef(NS + name)
        assert ontology().value(term, RDFS.label) is not None, name
        assert ontology().value(term, SKOS.definition) is not None, name


def test_every_property_has_a_domain_and_a_range():
    o = ontology()
    for kind in (OWL.ObjectProperty, OWL.DatatypeProperty):
        for prop in o.subjects(RDF.type, kind):
            if str(prop).startswith(NS):
                assert o.value(prop, RDFS.domain) is not None, prop
                assert o.value(prop, RDFS.range) is not None, prop


def test_every_defined_term_is_used_or_reserved():
    unused = defined() - written() - structural()
    assert unused == reserved(), "unused terms must be marked reserved, and only they"
    for name in reserved():
        assert ontology().value(URIRef(NS + name), RDFS.comment), f"{name}: say why it is reserved"


def test_every_relation_type_has_its_record_class_and_lexicon_annotations():
    o = ontology()
    for name, info in predicates().items():
        prop = KG[name]
        assert o.value(prop, KG.recordClass) == RECORD_CLASS[name], name
        parent = KG.interactsWith if info.kind == "interaction" else KG.relatedTo
        assert (prop, RDFS.subPropertyOf, parent) in o, name
        assert ((prop, RDF.type, OWL.SymmetricProperty) in o) == info.symmetric, name
        for term in (prop, RECORD_CLASS[name]):
            assert int(o.value(term, KG.polarity)) == info.polarity, name
            assert {str(v) for v in o.objects(term, KG.ploverClass)} >= (
                {info.plover} if info.plover else set()
            ), name
            assert {str(v) for v in o.objects(term, KG.cameoCode)} >= (
                {info.cameo} if info.cameo else set()
            ), name
    assert set(RECORD_CLASS) == set(predicates())


def test_every_entity_type_of_the_interface_has_a_class():
    o = ontology()
    for cls in ENTITY_CLASS.values():
        assert (cls, RDF.type, OWL.Class) in o
        assert any(
            (cls, RDFS.subClassOf, parent) in o for parent in (KG.Entity, KG.Actor, KG.Place)
        ), cls
