"""The ontology loads in standard OWL tool chains, and the graphs the builder
writes are consistent with it.

- owlready2 loads ``kg.ttl`` (as RDF/XML) without a warning;
- the OWL 2 RL closure (owlrl) of the ontology with the sample graph and the
  seed article's graphs finds no inconsistency and infers what the model
  promises (every interaction type is an interaction, supports implies
  interactsWith, ...), and it does find one in a graph that breaks a
  disjointness axiom;
- HermiT (Java, through owlready2) finds every class satisfiable.
"""

from __future__ import annotations

import io
from functools import cache

import owlready2
import owlrl
import pytest
from owlrl.Namespaces import ERRNS
from rdflib import RDF, RDFS, XSD, Graph

from kg.rdf.build import build_article_graph
from kg.rdf.iris import Iris
from kg.rdf.vocab import KG, PROV, SCHEMA
from ontology import ONTOLOGY
from tests.rdf.sample import CANONICAL, entities_of, sample_graph
from tests.servers import binary


@cache
def ontology() -> Graph:
    return Graph().parse(str(ONTOLOGY), format="turtle")


def load_in_owlready(graph: Graph) -> owlready2.Ontology:
    world = owlready2.World()
    xml = graph.serialize(format="xml").encode()
    return world.get_ontology("https://w3id.org/newskg/ns").load(fileobj=io.BytesIO(xml))


def closure(data: Graph) -> Graph:
    expanded = ontology() + data
    owlrl.DeductiveClosure(owlrl.OWLRL_Semantics).expand(expanded)
    return expanded


def errors(graph: Graph) -> list[str]:
    return [
        str(graph.value(m, RDFS.comment) or m) for m in graph.subjects(RDF.type, ERRNS.ErrorMessage)
    ]


def test_owlready2_loads_the_ontology_without_a_warning(capfd):
    onto = load_in_owlready(ontology())
    assert "WARNING" not in capfd.readouterr().err
    assert onto.Person in onto.Actor.descendants()
    assert onto.Support in onto.Interaction.descendants()
    assert onto.supports in onto.interactsWith.descendants()
    assert onto.said.inverse_property is onto.speaker


@pytest.fixture(scope="module")
def seed_graphs(seed_extraction) -> Graph:
    """The seed article's graph and its entities' descriptions, built directly."""
    iris = Iris("http://kg.example/")
    canonical = {e.id: iris.entity(e.id) for e in seed_extraction.entities}
    graph = build_article_graph(seed_extraction, canonical, iris)
    return graph + entities_of(graph, set(canonical.values()))


def test_the_owl_rl_closure_of_the_built_graphs_is_consistent(seed_graphs):
    expanded = closure(sample_graph() + seed_graphs)
    assert errors(expanded) == []
    ruritania, freedonia = CANONICAL["ruritania"], CANONICAL["freedonia"]
    assert (ruritania, KG.interactsWith, freedonia) in expanded
    assert (ruritania, KG.relatedTo, freedonia) in expanded
    supply = next(expanded.subjects(RDF.type, KG.Supply))
    assert {KG.Interaction, KG.Relation, PROV.Entity} <= set(expanded.objects(supply, RDF.type))
    assert (CANONICAL["anna-berg"], RDF.type, SCHEMA.Person) in expanded
    statement = next(expanded.subjects(KG.speaker, CANONICAL["anna-berg"]))
    assert (CANONICAL["anna-berg"], KG.said, statement) in expanded
    assert (supply, PROV.wasDerivedFrom, next(expanded.objects(supply, KG.inArticle))) in expanded


@pytest.mark.parametrize(
    "broken",
    [
        (CANONICAL["ruritania"], RDF.type, KG.Person),  # a country that is a person
        (next(sample_graph().subjects(RDF.type, KG.Mention)), RDF.type, KG.Statement),
    ],
)
def test_the_closure_finds_a_graph_that_breaks_a_disjointness(broken):
    graph = sample_graph()
    graph.add(broken)
    assert errors(closure(graph)) != []


def test_hermit_finds_every_class_satisfiable():
    """HermiT supports only the OWL 2 datatype map, which has no xsd:date: the
    date ranges are widened to xsd:dateTime for it (the class logic, which is
    what it checks here, does not depend on them)."""
    binary("java", "HermiT needs Java: apt-get install default-jre-headless")
    graph = ontology() + Graph()
    for s, p, _ in list(graph.triples((None, RDFS.range, XSD.date))):
        graph.set((s, p, XSD.dateTime))
    onto = load_in_owlready(graph)
    with onto:
        owlready2.sync_reasoner_hermit(onto.world, infer_property_values=False, debug=0)
    assert list(onto.world.inconsistent_classes()) == []
