"""IRIs: minted here and nowhere else.

Every IRI the builder writes is deterministic (the same article always gives
the same IRIs, so re-ingesting it gives the same graph), readable where
possible, and no node is blank. Under the base IRI (``KG_BASE_IRI``):

=====================================================  ==========================
``entity/{slug}``                                      a canonical entity
``article/{id}``                                       an article
``article/{id}/mention/{start}-{end}``                 a mention (text segment)
``article/{id}/mention/{start}-{end}/position``        its TextPositionSelector
``article/{id}/statement/{cue}-{content}``             a statement
``article/{id}/relation/{at}-{subject}-{type}-{object}``  a relation record
``article/{id}/relation/.../quantity/{start}-{end}``   a quantity of a record
``graph/article/{id}``                                 the article's named graph
``graph/entities``                                     the canonical entities
=====================================================  ==========================

Offsets are character offsets into the article text; ``{subject}`` and
``{object}`` are the article-local entity ids. The builder makes IRIs that
would still collide (two records the same in every named part) unique with a
``-2``, ``-3`` suffix in record order (``Unique``).

>>> iris = Iris("http://127.0.0.1:8000/")
>>> iris.entity("sergey-lavrov")
rdflib.term.URIRef('http://127.0.0.1:8000/entity/sergey-lavrov')
>>> iris.article_graph("Seed article")
rdflib.term.URIRef('http://127.0.0.1:8000/graph/article/Seed%20article')
>>> str(iris.relation("a1", 97, "russia", "supports", "nicolas-maduro", negated=True))
'http://127.0.0.1:8000/article/a1/relation/97-russia-not-supports-nicolas-maduro'
>>> iris.article_of("http://127.0.0.1:8000/article/a%2F1/mention/3-9")
'a/1'
"""

from __future__ import annotations

from urllib.parse import quote, unquote

from rdflib import URIRef

from kg.read.loader import slugify


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

    @staticmethod
    def selector(mention: URIRef) -> URIRef:
        """The TextPositionSelector of a mention."""
        return URIRef(f"{mention}/position")

    def statement(self, article_id: str, cue_start: int, content_start: int) -> URIRef:
        return URIRef(f"{self.article(article_id)}/statement/{cue_start}-{content_start}")

    def relation(
        self,
        article_id: str,
        at: int,
        subject: str,
        predicate: str,
        object_: str,
        *,
        negated: bool = False,
        modality: str = "asserted",
        role: str | None = None,
    ) -> URIRef:
        """A relation record: where it was read (cue or sentence offset), what
        it says, and what sets it apart (negation, modality other than
        asserted, role)."""
        parts = [str(at), subject, "not" if negated else "", predicate, object_]
        parts += ["" if modality == "asserted" else modality, slugify(role) if role else ""]
        name = "-".join(self._segment(p) for p in parts if p)
        return URIRef(f"{self.article(article_id)}/relation/{name}")

    @staticmethod
    def quantity(record: URIRef, start: int, end: int) -> URIRef:
        return URIRef(f"{record}/quantity/{start}-{end}")

    def article_id_of_graph(self, graph: str) -> str | None:
        """The article id of an article graph IRI, or None for other graphs."""
        prefix = f"{self.base}graph/article/"
        return unquote(graph[len(prefix) :]) if graph.startswith(prefix) else None

    def article_of(self, iri: str) -> str | None:
        """The id of the article an IRI belongs to (the article itself or a
        node read from it), or None for other IRIs."""
        prefix = f"{self.base}article/"
        if not iri.startswith(prefix) or len(iri) == len(prefix):
            return None
        return unquote(iri[len(prefix) :].split("/", 1)[0])

    def entity_slug(self, iri: str) -> str | None:
        """The slug of an entity IRI, or None for other IRIs."""
        prefix = f"{self.base}entity/"
        return unquote(iri[len(prefix) :]) if iri.startswith(prefix) else None


class Unique:
    """Makes IRIs unique within one graph: the second ``x`` becomes ``x-2``.

    >>> unique = Unique()
    >>> [str(unique(URIRef("http://e/r"))) for _ in range(3)]
    ['http://e/r', 'http://e/r-2', 'http://e/r-3']
    """

    def __init__(self) -> None:
        self._seen: dict[URIRef, int] = {}

    def __call__(self, iri: URIRef) -> URIRef:
        count = self._seen.get(iri, 0) + 1
        self._seen[iri] = count
        if count == 1:
            return iri
        return self(URIRef(f"{iri}-{count}"))
