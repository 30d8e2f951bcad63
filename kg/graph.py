"""The knowledge graph as a service: ingest, delete, count, export.

``KnowledgeGraph`` ties the extractor, the canonical resolver, the RDF builder
and a ``GraphStore`` together; the CLI and the API both use it.

>>> from kg.config import Settings
>>> from kg.read import article_from_text
>>> kg = KnowledgeGraph(Settings(store=":memory:"))
>>> summary = kg.ingest([article_from_text("a1", "China endorsed Maduro.")])
>>> summary.articles, summary.relations
(1, 1)
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from rdflib import OWL, RDF, RDFS, Graph, Literal, URIRef

from kg.config import Settings, get_settings
from kg.errors import NotFoundError
from kg.models import Article, Extraction
from kg.pipeline import Extractor
from kg.rdf.build import build_article_graph
from kg.rdf.entities import VIEW_PREDICATES, View, merged_description, views_in
from kg.rdf.iris import Iris
from kg.rdf.vocab import NS
from kg.resolve.canonical import canonical_iris
from kg.resolve.overrides import load_overrides
from kg.store import IRI, GraphChange, GraphStore, open_store

_ENTITIES_IN = (
    "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
    "SELECT DISTINCT ?e WHERE { GRAPH ?g { ?e rdfs:label ?label } }"
)
_VIEWS = """
SELECT ?g ?p ?v WHERE {
  GRAPH ?g { ?e ?p ?v }
  FILTER(?p IN (PREDICATES))
  FILTER(STRSTARTS(STR(?g), ?articles) && ?g != ?skip)
}""".replace("PREDICATES", ", ".join(f"<{p}>" for p in VIEW_PREDICATES))
_IRI_VALUED = {str(RDF.type), str(OWL.sameAs)}


@dataclass
class IngestSummary:
    """What one ingest run wrote."""

    articles: int = 0
    entities: int = 0
    relations: int = 0
    statements: int = 0
    seconds: float = 0.0
    ids: list[str] = field(default_factory=list)


class KnowledgeGraph:
    """Ingest articles into a store and manage what is there."""

    def __init__(
        self,
        settings: Settings | None = None,
        store: GraphStore | None = None,
        extractor: Extractor | None = None,
    ) -> None:
        self.settings = settings or get_settings()
        self.overrides = load_overrides(self.settings.identity_file)
        self.store = store or open_store(self.settings)
        self.extractor = extractor or Extractor(self.settings)
        self.iris = Iris(self.settings.base_iri)
        self._lock = threading.Lock()

    def ingest(
        self, articles: Iterable[Article], progress: Callable[[Extraction], None] | None = None
    ) -> IngestSummary:
        """Extract and write each article into its own named graph, one
        transaction per article; an article ingested again replaces its graph."""
        started = time.perf_counter()
        summary = IngestSummary()
        for extraction in self.extractor.extract(articles):
            self.write(extraction)
            summary.articles += 1
            summary.entities += len(extraction.entities)
            summary.relations += len(extraction.relations)
            summary.statements += len(extraction.statements)
            summary.ids.append(extraction.article.id)
            if progress is not None:
                progress(extraction)
        summary.seconds = round(time.perf_counter() - started, 2)
        return summary

    def write(self, extraction: Extraction) -> None:
        """Write one extraction in one transaction: its article graph replaces
        any earlier one, and the entities graph is merged anew for every
        entity the old or the new version names."""
        with self._lock:
            extraction = self.overrides.apply(extraction)
            canonical = canonical_iris(extraction, self.store, self.iris, self.overrides)
            graph = self.iris.article_graph(extraction.article.id)
            article = build_article_graph(extraction, canonical, self.iris)
            self.store.apply(self._change(graph, article))

    def delete(self, article_id: str) -> None:
        """Remove an article's graph in one transaction; entities no other
        article names leave the entities graph, the others are merged anew."""
        with self._lock:
            graph = self.iris.article_graph(article_id)
            if str(graph) not in self.store.named_graphs():
                raise NotFoundError(f"no article with id {article_id!r} in the store")
            self.store.apply(self._change(graph, None))

    def _change(self, graph: URIRef, article: Graph | None) -> GraphChange:
        """Replace (or, with no ``article``, drop) ``graph`` and re-merge the
        description of every entity it names before or after."""
        old = {URIRef(str(r["e"])) for r in self.store.select(_ENTITIES_IN, {"g": IRI(graph)})}
        new = set(article.subjects(RDFS.label)) if article is not None else set()
        entities = Graph()
        for entity in sorted(old | new):
            views = self._views(entity, graph)
            if article is not None:
                views += views_in(article, entity, str(graph))
            entities += merged_description(entity, views)
        entities_graph = str(self.iris.entities_graph())
        insert = {entities_graph: entities.serialize(format="nt")}
        if article is not None:
            insert[str(graph)] = article.serialize(format="nt")
        return GraphChange(
            drop=[str(graph)],
            retract={entities_graph: [str(e) for e in sorted(old | new)]},
            insert=insert,
        )

    def _views(self, entity: URIRef, skip: URIRef) -> list[View]:
        """What every stored article but ``skip`` says about ``entity``."""
        rows = self.store.select(
            _VIEWS,
            {"e": IRI(entity), "skip": IRI(skip), "articles": f"{self.iris.base}graph/article/"},
        )
        return [(str(r["g"]), URIRef(str(r["p"])), _view_value(str(r["p"]), r["v"])) for r in rows]

    def article_ids(self) -> list[str]:
        """Ids of the stored articles, sorted."""
        ids = (self.iris.article_id_of_graph(g) for g in self.store.named_graphs())
        return sorted(i for i in ids if i is not None)

    def stats(self) -> dict[str, dict[str, int]]:
        """Counts of nodes by class and of relation records by type."""
        classes = self.store.select(
            "SELECT ?class (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a ?class } GROUP BY ?class"
        )
        types = self.store.select(
            f"SELECT ?type (COUNT(DISTINCT ?r) AS ?n) WHERE {{ ?r <{NS}relationType> ?type }} "
            "GROUP BY ?type"
        )
        return {
            "classes": {_local(str(r["class"])): int(r["n"]) for r in classes},
            "relations": {_local(str(r["type"])): int(r["n"]) for r in types},
            "articles": {"count": len(self.article_ids())},
        }

    def close(self) -> None:
        self.store.close()


def _view_value(predicate: str, value: object) -> URIRef | Literal:
    """The RDF term of a view value: IRIs for types and outside ids, else strings."""
    return URIRef(str(value)) if predicate in _IRI_VALUED else Literal(str(value))


def _local(iri: str) -> str:
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]
