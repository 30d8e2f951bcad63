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

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from kg.config import Settings, get_settings
from kg.errors import NotFoundError
from kg.models import Article, Extraction
from kg.pipeline import Extractor
from kg.rdf.build import build_article_graphs
from kg.rdf.iris import Iris
from kg.rdf.vocab import NS
from kg.resolve.canonical import canonical_iris
from kg.resolve.overrides import load_overrides
from kg.store import IRI, GraphStore, open_store

_HAS_LABEL = "PREFIX skos: <http://www.w3.org/2004/02/skos/core#> ASK { ?e skos:prefLabel ?l }"
_ORPHANS = """
DELETE { GRAPH <{entities}> { ?e ?p ?o } }
WHERE {
  GRAPH <{entities}> { ?e ?p ?o }
  FILTER NOT EXISTS { GRAPH ?g { { ?e ?p2 ?o2 } UNION { ?s2 ?p3 ?e } }
                      FILTER(?g != <{entities}>) }
}"""


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
        """Write one extraction: its article graph, and the entities it introduces."""
        extraction = self.overrides.apply(extraction)
        canonical = canonical_iris(extraction, self.store, self.iris, self.overrides)
        graphs = build_article_graphs(extraction, canonical, self.iris)
        new = [
            iri
            for iri in set(canonical.values())
            if not self.store.ask(_HAS_LABEL, {"e": IRI(str(iri))})
        ]
        entities = graphs.entities
        for subject in set(entities.subjects()):
            if subject not in new:
                entities.remove((subject, None, None))
        self.store.replace_graph(
            str(graphs.graph),
            graphs.article.serialize(format="nt"),
            {str(self.iris.entities_graph()): entities.serialize(format="nt")},
        )

    def delete(self, article_id: str) -> None:
        """Remove an article's graph and every entity no other article supports."""
        graph = str(self.iris.article_graph(article_id))
        if graph not in self.store.named_graphs():
            raise NotFoundError(f"no article with id {article_id!r} in the store")
        cleanup = _ORPHANS.replace("{entities}", str(self.iris.entities_graph()))
        self.store.drop_graphs([graph], cleanup)

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


def _local(iri: str) -> str:
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]
