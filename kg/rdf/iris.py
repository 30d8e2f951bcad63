"""IRIs: minted here and nowhere else.

Every IRI the builder writes is deterministic (so re-ingesting an article
gives the same graph), readable where possible and free of blank nodes.

>>> iris = Iris("http://127.0.0.1:8000/")
>>> iris.entity("sergey-lavrov")
rdflib.term.URIRef('http://127.0.0.1:8000/entity/sergey-lavrov')
>>> iris.article_graph("Seed article")
rdflib.term.URIRef('http://127.0.0.1:8000/graph/article/Seed%20article')
"""

from __future__ import annotations

import hashlib
from urllib.parse import quote, unquote

from rdflib import URIRef


class Iris:
    """The IRI scheme under one base IRI (``KG_BASE_IRI``)."""

    def __init__(self, base: str) -> None:
        self.base = base if base.endswith("/") else base + "/"

    @staticmethod
    def _segment(value: str) -> str:
        return quote(value, safe="-_.~")

    def entity(self, slug: str) -> URIRef:
        return URIRef(f"{self.base}entity/{self._segment(slug)}")

    def article(self, article_id: str) -> URIRef:
        return URIRef(f"{self.base}article/{self._segment(article_id)}")

    def article_graph(self, article_id: str) -> URIRef:
        return URIRef(f"{self.base}graph/article/{self._segment(article_id)}")

    def entities_graph(self) -> URIRef:
        return URIRef(f"{self.base}graph/entities")

    def mention(self, article_id: str, start: int, end: int) -> URIRef:
        return URIRef(f"{self.article(article_id)}/mention/{start}-{end}")

    def statement(self, article_id: str, cue_start: int, content_start: int) -> URIRef:
        return URIRef(f"{self.article(article_id)}/statement/{cue_start}-{content_start}")

    def relation(self, article_id: str, *key: object) -> URIRef:
        digest = hashlib.sha1("|".join(map(str, key)).encode()).hexdigest()[:12]
        return URIRef(f"{self.article(article_id)}/relation/{digest}")

    def article_id_of_graph(self, graph: str) -> str | None:
        """The article id of an article graph IRI, or None for other graphs."""
        prefix = f"{self.base}graph/article/"
        return unquote(graph[len(prefix) :]) if graph.startswith(prefix) else None

    def entity_slug(self, iri: str) -> str | None:
        """The slug of an entity IRI, or None for other IRIs."""
        prefix = f"{self.base}entity/"
        return unquote(iri[len(prefix) :]) if iri.startswith(prefix) else None
