"""The entities graph: one canonical description per entity, merged from articles.

Each article graph says what that article says about the entities it names
(``kg.rdf.build``): their type, its label for them (``rdfs:label``), aliases,
country, sector and outside ids. The entities graph holds, for every entity
that at least one stored article names, the merge of those views:

- every type and every outside id (``owl:sameAs``) any article gives;
- ``skos:prefLabel``: the fullest of the labels (``kg.resolve.names.fullness``:
  most words, then most letters, then the first in alphabetical order), the
  same choice canonical resolution makes when it names an entity's IRI;
- ``skos:altLabel``: every other label and alias;
- ``kg:countryCode`` and ``kg:sector``: the value most articles give (ties go
  to the first in alphabetical order).

The merge depends only on the set of article views, not on the order the
articles came in, so a store that was written, re-written and pruned in any
order holds the same entities graph as one written fresh; an entity no
article names any more has no description left.

>>> from rdflib import Literal, URIRef
>>> e = URIRef("http://e/entity/lavrov")
>>> views = [
...     ("http://e/graph/article/a", RDFS.label, Literal("Lavrov")),
...     ("http://e/graph/article/b", RDFS.label, Literal("Sergey Lavrov")),
...     ("http://e/graph/article/b", KG.countryCode, Literal("RUS")),
... ]
>>> g = merged_description(e, views)
>>> str(g.value(e, SKOS.prefLabel)), str(g.value(e, SKOS.altLabel)), str(g.value(e, KG.countryCode))
('Sergey Lavrov', 'Lavrov', 'RUS')
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from rdflib import OWL, RDF, RDFS, SKOS, Graph, Literal, URIRef
from rdflib.term import Node

from kg.rdf.vocab import KG
from kg.resolve.names import fullness

VIEW_PREDICATES = (RDF.type, RDFS.label, SKOS.altLabel, KG.countryCode, KG.sector, OWL.sameAs)
"""The predicates of what an article says about an entity."""

View = tuple[str, URIRef, Node]
"""One fact of an article's view of an entity: (article graph IRI, predicate, value)."""


def views_in(graph: Graph, entity: URIRef, graph_iri: str) -> list[View]:
    """The view of ``entity`` in one article graph."""
    return [
        (graph_iri, predicate, value)
        for predicate in VIEW_PREDICATES
        for value in graph.objects(entity, predicate)
    ]


def _most_articles(values: dict[Node, set[str]]) -> Node | None:
    """The value given by the most articles; ties go to the smallest value."""
    if not values:
        return None
    return min(values, key=lambda v: (-len(values[v]), str(v)))


def merged_description(entity: URIRef, views: Iterable[View]) -> Graph:
    """The canonical description of ``entity`` merged from article views
    (empty when there are none: no article names it any more)."""
    by_predicate: dict[URIRef, dict[Node, set[str]]] = defaultdict(lambda: defaultdict(set))
    for graph_iri, predicate, value in views:
        by_predicate[predicate][value].add(graph_iri)
    description = Graph()
    labels = by_predicate[RDFS.label]
    if not labels:
        return description
    preferred = max(labels, key=lambda v: fullness(str(v)))
    description.add((entity, SKOS.prefLabel, Literal(str(preferred))))
    names = {str(v) for v in labels} | {str(v) for v in by_predicate[SKOS.altLabel]}
    for name in sorted(names - {str(preferred)}):
        description.add((entity, SKOS.altLabel, Literal(name)))
    for predicate in (RDF.type, OWL.sameAs):
        for value in by_predicate[predicate]:
            description.add((entity, predicate, value))
    for predicate in (KG.countryCode, KG.sector):
        value = _most_articles(by_predicate[predicate])
        if value is not None:
            description.add((entity, predicate, value))
    return description
