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
from dataclasses import dataclass, field, replace

from rdflib import OWL, RDF, RDFS, SKOS, Graph, Literal, URIRef

from kg.config import Settings, get_settings
from kg.errors import NotFoundError
from kg.models import Article, Extraction
from kg.pipeline import Extractor
from kg.rdf.build import build_article_graph
from kg.rdf.entities import VIEW_PREDICATES, View, merged_description, views_in
from kg.rdf.iris import Iris
from kg.rdf.vocab import ENTITY_CLASS, NS
from kg.resolve.canonical import TYPE_OF_CLASS, canonical_iris, settle
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
_KEPT = """PREFIX kg: <https://w3id.org/newskg/ns#>
PREFIX oa: <http://www.w3.org/ns/oa#>
SELECT ?start ?end ?e ?class WHERE {
  GRAPH ?g {
    ?article kg:contentHash ?hash .
    ?m kg:denotes ?e ; oa:hasSelector ?s . ?s oa:start ?start ; oa:end ?end .
  }
  GRAPH ?entities { ?e a ?class }
}"""
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
            graph = self.iris.article_graph(extraction.article.id)
            kept = self._kept(graph, extraction)
            others = tuple(e for e in extraction.entities if e.id not in kept)
            resolved = replace(extraction, entities=others)
            canonical = canonical_iris(resolved, self.store, self.iris, self.overrides)
            # read again: resolving the others may have re-pointed a kept IRI everywhere
            canonical |= {k: v for k, v in self._kept(graph, extraction).items() if k in kept}
            article = build_article_graph(extraction, canonical, self.iris)
            self.store.apply(self._change(graph, article)[0])

    def _kept(self, graph: URIRef, extraction: Extraction) -> dict[str, URIRef]:
        """The entities an article read again unchanged keeps (id -> IRI).

        Resolution depends on what the store holds: a bare surname joins the
        one full name known when its article came, and a namesake stored
        later makes it ambiguous. So when the stored version of the article
        has the same text, an entity whose every mention denoted one entity
        of its type there keeps that entity, unless the identity file says
        something about its names (then it is resolved again).
        """
        bound = {
            "g": IRI(graph),
            "hash": extraction.article.content_hash,
            "entities": IRI(self.iris.entities_graph()),
        }
        before: dict[tuple, set[tuple[str, str]]] = {}
        for row in self.store.select(_KEPT, bound):
            before.setdefault((row["start"], row["end"]), set()).add((row["e"], row["class"]))
        kept = {}
        for entity in extraction.entities:
            if not entity.mentions or self.overrides.mentions([entity.label, *entity.aliases]):
                continue
            found = set().union(*(before.get((m.start, m.end), {None}) for m in entity.mentions))
            if len(found) == 1 and None not in found:
                iri, cls = found.pop()
                if cls == str(ENTITY_CLASS[entity.type]):
                    kept[entity.id] = URIRef(iri)
        return kept

    def delete(self, article_id: str) -> None:
        """Remove an article's graph in one transaction; entities no other
        article names leave the entities graph, the others are merged anew.
        Then an entity whose IRI came from a fuller name only this article
        gave is re-pointed to the IRI of its fullest remaining name."""
        with self._lock:
            graph = self.iris.article_graph(article_id)
            if str(graph) not in self.store.named_graphs():
                raise NotFoundError(f"no article with id {article_id!r} in the store")
            change, merged = self._change(graph, None)
            self.store.apply(change)
            for entity, label in merged.subject_objects(SKOS.prefLabel):
                kind = TYPE_OF_CLASS.get(str(merged.value(entity, RDF.type)))
                if kind is not None:
                    settle(self.store, self.iris, str(entity), str(label), kind)

    def _change(self, graph: URIRef, article: Graph | None) -> tuple[GraphChange, Graph]:
        """Replace (or, with no ``article``, drop) ``graph`` and re-merge the
        description of every entity it names before or after; the change, and
        the merged descriptions it writes."""
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
        change = GraphChange(
            drop=[str(graph)],
            retract={entities_graph: [str(e) for e in sorted(old | new)]},
            insert=insert,
        )
        return change, entities

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
