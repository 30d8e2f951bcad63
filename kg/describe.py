"""Descriptions of the graph's own IRIs, for the linked-data views.

Every IRI the builder mints lives under ``KG_BASE_IRI``, so the API can
answer a ``GET`` on it (``api.routers.linked_data``). This module says what
such a description holds, as an rdflib graph:

- an entity (``entity/{slug}``): its canonical description (entities graph),
  every direct relation from or to it and what it said (with the content of
  each statement), read from all article graphs, and the preferred labels of
  the entities it is related to;
- an article (``article/{id}``): its whole named graph, everything read from it;
- a node read from an article (``article/{id}/relation/...``, ``.../mention/...``):
  its triples and those of the nodes under it (a mention's selector, a
  record's quantities), from that article's graph.

>>> from kg.config import Settings
>>> from kg.graph import KnowledgeGraph
>>> from kg.read import article_from_text
>>> kg = KnowledgeGraph(Settings(store=":memory:"))
>>> _ = kg.ingest([article_from_text("a1", "Cuba endorsed Nicolas Maduro on Monday.")])
>>> cuba = describe(kg.store, kg.iris, str(kg.iris.entity("cuba")))
>>> (kg.iris.entity("cuba"), KG.supports, kg.iris.entity("nicolas-maduro")) in cuba
True
>>> describe(kg.store, kg.iris, str(kg.iris.entity("nobody"))) is None
True
"""

from __future__ import annotations

from rdflib import Graph, URIRef

from kg.rdf.build import new_graph
from kg.rdf.iris import Iris
from kg.rdf.vocab import KG, RECORD_CLASS
from kg.store import IRI, GraphStore
from kg.store.bindings import inline_values

_DIRECT = ", ".join(f"<{KG[name]}>" for name in [*RECORD_CLASS, "said"])
_ENTITY = """PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX kg: <https://w3id.org/newskg/ns#>
CONSTRUCT { ?e ?p ?o . ?s ?q ?e . ?other skos:prefLabel ?label . ?o kg:content ?content . }
WHERE {
  { GRAPH ?entities { ?e ?p ?o } }
  UNION
  { GRAPH ?g { ?e ?p ?o } FILTER (?p IN (DIRECT))
    OPTIONAL { GRAPH ?entities { ?o skos:prefLabel ?label } } BIND (?o AS ?other)
    OPTIONAL { GRAPH ?g { ?o kg:content ?content } } }
  UNION
  { GRAPH ?g { ?s ?q ?e } FILTER (?q IN (DIRECT))
    OPTIONAL { GRAPH ?entities { ?s skos:prefLabel ?label } } BIND (?s AS ?other) }
}""".replace("DIRECT", _DIRECT)
_GRAPH = "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }"
_UNDER = """CONSTRUCT { ?s ?p ?o } WHERE {
  GRAPH ?g { ?s ?p ?o } FILTER (?s = ?node || STRSTARTS(STR(?s), ?prefix))
}"""


def describe(store: GraphStore, iris: Iris, iri: str) -> Graph | None:
    """The description of one of the graph's own IRIs, or None when the store
    says nothing about it (or it is not an entity or article IRI)."""
    if iris.entity_slug(iri) is not None:
        query = inline_values(_ENTITY, {"e": IRI(iri), "entities": IRI(str(iris.entities_graph()))})
    else:
        article_id = iris.article_of(iri)
        if article_id is None:
            return None
        graph = IRI(str(iris.article_graph(article_id)))
        if iri == str(iris.article(article_id)):
            query = inline_values(_GRAPH, {"g": graph})
        else:
            query = inline_values(_UNDER, {"g": graph, "node": IRI(iri), "prefix": f"{iri}/"})
    description = new_graph()
    description.parse(data=store.sparql(query, "application/n-triples").body, format="nt")
    if (URIRef(iri), None, None) not in description:
        return None
    return description
