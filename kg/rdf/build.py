"""Records to RDF: the named graph of one article.

``build_article_graph`` turns an ``Extraction`` (with the canonical IRI of
each of its entities, from ``kg.resolve.canonical``) into the graph that holds
everything read from the article:

- the Article node: id, text, content hash, headline, url, source, dateline,
  author, publication date;
- what the article says about each entity it names (type, its label for it,
  aliases, country, sector, outside ids): the entities graph is merged from
  these views (``kg.rdf.entities``);
- every mention, as a segment of the article's text selected by character
  offsets (W3C Web Annotation ``oa:SpecificResource`` + ``oa:TextPositionSelector``);
- every statement and relation as an n-ary record with its evidence sentence,
  character offsets, date, confidence, extractor and version, and the PLOVER
  class and CAMEO code of the event as it is told; quantities as nodes of
  their own;
- beside each asserted (or reported) and not negated relation record, the
  direct triple ``source kg:supports target``.

No blank nodes: every node has a deterministic IRI (``kg.rdf.iris``), so the
same extraction always gives the same graph.

>>> from kg.models import Article, Entity, Extraction, Relation, Span
>>> from kg.rdf.iris import Iris
>>> article = Article("a1", "Cuba endorsed Maduro.")
>>> cuba = Entity("cuba", "Cuba", "Country", mentions=(Span(0, 4, "Cuba"),))
>>> maduro = Entity("maduro", "Maduro", "Person", mentions=(Span(14, 20, "Maduro"),))
>>> backing = Relation("cuba", "supports", "maduro", Span(0, 21, article.text), 0.9, "demo/1")
>>> iris = Iris("http://e/")
>>> g = build_article_graph(
...     Extraction(article, (cuba, maduro), (backing,)),
...     {"cuba": iris.entity("cuba"), "maduro": iris.entity("nicolas-maduro")},
...     iris,
... )
>>> (iris.entity("cuba"), KG.supports, iris.entity("nicolas-maduro")) in g
True
"""

from __future__ import annotations

from decimal import Decimal

from rdflib import OWL, RDF, RDFS, SKOS, XSD, Graph, Literal, URIRef

from kg.models import Entity, Extraction, Quantity, Relation, Span, Statement, TimeSpan
from kg.rdf.iris import Iris, Unique
from kg.rdf.vocab import ENTITY_CLASS, KG, OA, PREFIXES, RECORD_CLASS, SCHEMA, predicate_iri

DIRECT_MODALITIES = frozenset({"asserted", "reported"})
"""Records in these modalities (and not negated) get the direct triple beside them."""


def new_graph() -> Graph:
    """An empty graph with the project's prefixes bound."""
    graph = Graph()
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace)
    return graph


def offset(value: int) -> Literal:
    """A character offset: an ``xsd:integer`` (Oxigraph stores the derived
    ``xsd:nonNegativeInteger`` of ``oa:start`` as ``xsd:integer`` anyway)."""
    return Literal(value, datatype=XSD.integer)


def decimal(value: float) -> Literal:
    """An ``xsd:decimal`` in its canonical form (``35``, not ``35.0``), the form
    the store keeps, so that the built graph is the stored graph.

    >>> str(decimal(35.0)), str(decimal(0.85)), str(decimal(1e3))
    ('35', '0.85', '1000')
    """
    return Literal(format(Decimal(repr(value)).normalize(), "f"), datatype=XSD.decimal)


def split_rule(rule: str) -> tuple[str, str | None]:
    """``"interactions.verb/1"`` -> ``("interactions.verb", "1")``.

    >>> split_rule("stative.apposition/2")
    ('stative.apposition', '2')
    """
    name, _, version = rule.rpartition("/")
    return (name, version) if name and version else (rule, None)


class _Builder:
    """Writes the records of one extraction into one graph."""

    def __init__(self, extraction: Extraction, canonical: dict[str, URIRef], iris: Iris) -> None:
        self.article_id = extraction.article.id
        self.canonical = canonical
        self.iris = iris
        self.node = iris.article(self.article_id)
        self.graph = new_graph()
        self.unique = Unique()

    def add(self, subject: URIRef, predicate: URIRef, value: object) -> None:
        term = value if isinstance(value, URIRef | Literal) else Literal(value)
        self.graph.add((subject, predicate, term))

    def article(self, extraction: Extraction) -> None:
        article, node = extraction.article, self.node
        self.add(node, RDF.type, KG.Article)
        self.add(node, KG.articleId, article.id)
        self.add(node, SCHEMA.text, article.text)
        self.add(node, KG.contentHash, article.content_hash)
        self.add(node, KG.bodyStart, offset(article.body_start))
        optional = [
            (SCHEMA.headline, article.title),
            (KG.newsSource, article.source),
            (KG.dateline, article.dateline),
            (SCHEMA.author, article.author),
        ]
        for predicate, value in optional:
            if value:
                self.add(node, predicate, value)
        if article.url:
            self.add(node, SCHEMA.url, Literal(article.url, datatype=XSD.anyURI))
        if article.published:
            self.add(node, SCHEMA.datePublished, Literal(article.published, datatype=XSD.date))

    def entity(self, entity: Entity) -> None:
        """What this article says about the entity, and where it names it."""
        iri = self.canonical[entity.id]
        self.add(iri, RDF.type, ENTITY_CLASS[entity.type])
        self.add(iri, RDFS.label, entity.label)
        for alias in entity.aliases:
            if alias != entity.label:
                self.add(iri, SKOS.altLabel, alias)
        if entity.country:
            self.add(iri, KG.countryCode, entity.country)
        if entity.sector:
            self.add(iri, KG.sector, entity.sector)
        for identifier in entity.identifiers:
            self.add(iri, OWL.sameAs, URIRef(identifier))
        for mention in entity.mentions:
            self.mention(iri, mention)

    def mention(self, entity: URIRef, span: Span) -> None:
        node = self.unique(self.iris.mention(self.article_id, span.start, span.end))
        selector = self.iris.selector(node)
        self.add(node, RDF.type, KG.Mention)
        self.add(node, KG.denotes, entity)
        self.add(node, KG.anchorText, span.text)
        self.add(node, OA.hasSource, self.node)
        self.add(node, OA.hasSelector, selector)
        self.add(selector, RDF.type, OA.TextPositionSelector)
        self.add(selector, OA.start, offset(span.start))
        self.add(selector, OA.end, offset(span.end))

    def relation(self, relation: Relation) -> None:
        source = self.canonical[relation.subject]
        target = self.canonical[relation.object] if relation.object is not None else None
        predicate = predicate_iri(relation.predicate)
        node = self.unique(
            self.iris.relation(
                self.article_id,
                relation.cue.start if relation.cue else relation.evidence.start,
                relation.subject,
                relation.predicate,
                relation.object or "",
                negated=relation.negated,
                modality=relation.modality,
                role=relation.role,
            )
        )
        self.add(node, RDF.type, RECORD_CLASS[relation.predicate])
        self.add(node, KG.source, source)
        if target is not None:  # an act with one participant has none ("rebels surrendered")
            self.add(node, KG.target, target)
        self.add(node, KG.relationType, predicate)
        self.add(node, KG.negated, relation.negated)
        self.add(node, KG.modality, relation.modality)
        if relation.role:
            self.add(node, KG.role, relation.role)
        if relation.plover:
            self.add(node, KG.ploverClass, relation.plover)
        if relation.cameo:
            self.add(node, KG.cameoCode, relation.cameo)
        if relation.cue:
            self.cue(node, relation.cue)
        for quantity in relation.quantities:
            self.quantity(node, quantity)
        self.time(node, relation.time)
        self.provenance(node, relation.evidence, relation.confidence, relation.rule)
        if target is not None and not relation.negated and relation.modality in DIRECT_MODALITIES:
            self.add(source, predicate, target)

    def statement(self, statement: Statement) -> None:
        node = self.unique(
            self.iris.statement(self.article_id, statement.cue.start, statement.content.start)
        )
        self.add(node, RDF.type, KG.Statement)
        if statement.speaker:
            speaker = self.canonical[statement.speaker]
            self.add(node, KG.speaker, speaker)
            self.add(speaker, KG.said, node)
        elif statement.speaker_type:
            self.add(node, KG.speakerType, statement.speaker_type)
        if statement.speaker_span:
            self.span(node, statement.speaker_span, KG.speakerText, KG.speakerStart, KG.speakerEnd)
        self.cue(node, statement.cue)
        self.add(node, KG.kind, statement.kind)
        self.span(node, statement.content, KG.content, KG.contentStart, KG.contentEnd)
        self.time(node, statement.time)
        self.provenance(node, statement.evidence, statement.confidence, statement.rule)

    def span(self, node: URIRef, span: Span, text: URIRef, start: URIRef, end: URIRef) -> None:
        self.add(node, text, span.text)
        self.add(node, start, offset(span.start))
        self.add(node, end, offset(span.end))

    def cue(self, node: URIRef, cue: Span) -> None:
        self.span(node, cue, KG.cue, KG.cueStart, KG.cueEnd)

    def quantity(self, record: URIRef, quantity: Quantity) -> None:
        node = self.unique(self.iris.quantity(record, quantity.span.start, quantity.span.end))
        self.add(record, KG.quantity, node)
        self.add(node, RDF.type, KG.Quantity)
        self.add(node, KG.amount, decimal(quantity.amount))
        if quantity.unit:
            self.add(node, KG.unit, quantity.unit)
        self.add(node, KG.measures, quantity.measures)
        self.span(node, quantity.span, KG.anchorText, KG.startOffset, KG.endOffset)

    def time(self, node: URIRef, time: TimeSpan | None) -> None:
        if time is None:
            return
        if time.day is not None:
            self.add(node, KG.date, Literal(time.day, datatype=XSD.date))
        self.add(node, KG.dateStart, Literal(time.start, datatype=XSD.date))
        self.add(node, KG.dateEnd, Literal(time.end, datatype=XSD.date))
        self.add(node, KG.datePrecision, time.precision)
        self.add(node, KG.dateText, time.text)

    def provenance(self, node: URIRef, evidence: Span, confidence: float, rule: str) -> None:
        self.add(node, KG.inArticle, self.node)
        self.span(node, evidence, KG.evidenceText, KG.evidenceStart, KG.evidenceEnd)
        self.add(node, KG.confidence, decimal(round(confidence, 3)))
        name, version = split_rule(rule)
        self.add(node, KG.extractor, name)
        if version is not None:
            self.add(node, KG.extractorVersion, version)


def build_article_graph(extraction: Extraction, canonical: dict[str, URIRef], iris: Iris) -> Graph:
    """The named graph of one article: everything read from it."""
    builder = _Builder(extraction, canonical, iris)
    builder.article(extraction)
    for entity in extraction.entities:
        builder.entity(entity)
    for relation in extraction.relations:
        builder.relation(relation)
    for statement in extraction.statements:
        builder.statement(statement)
    return builder.graph
