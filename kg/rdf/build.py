"""Records to RDF: one named graph per article, canonical entities apart.

``build_article_graphs`` turns an ``Extraction`` (with the canonical IRI of
each of its entities) into two graphs:

- the article graph: the Article node, every mention (char offsets), what the
  article says about each entity (type, labels, country, sector), every
  statement and relation as an n-ary record with its evidence, and beside each
  asserted relation the direct triple ``source kg:supports target``;
- the entity graph: what an entity is, independent of any article (type,
  preferred label, country, outside ids), written when the entity is new.

No blank nodes: every node has a deterministic IRI (``kg.rdf.iris``), so the
same article always gives the same graph.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from rdflib import OWL, RDF, RDFS, SKOS, XSD, Graph, Literal, URIRef

from kg.models import Extraction, Relation, Statement, TimeSpan
from kg.rdf.iris import Iris
from kg.rdf.vocab import ENTITY_CLASS, KG, PROV, RECORD_CLASS, SCHEMA, predicate_iri

NO_DIRECT_TRIPLE = {"hypothetical", "future", "demanded"}


@dataclass
class ArticleGraphs:
    """The graphs written for one article."""

    graph: URIRef
    article: Graph
    entities: Graph


def new_graph() -> Graph:
    graph = Graph()
    graph.bind("kg", KG._NS)
    graph.bind("schema", SCHEMA)
    graph.bind("prov", PROV)
    graph.bind("skos", SKOS)
    return graph


def build_article_graphs(
    extraction: Extraction, canonical: dict[str, URIRef], iris: Iris
) -> ArticleGraphs:
    """The article graph and the entity descriptions of one extraction."""
    article = extraction.article
    node = iris.article(article.id)
    g = new_graph()
    _article(g, node, extraction)
    for entity in extraction.entities:
        iri = canonical[entity.id]
        g.add((iri, RDF.type, ENTITY_CLASS[entity.type]))
        g.add((iri, RDFS.label, Literal(entity.label)))
        for alias in entity.aliases:
            g.add((iri, SKOS.altLabel, Literal(alias)))
        if entity.country:
            g.add((iri, KG.countryCode, Literal(entity.country)))
        if entity.sector:
            g.add((iri, KG.sector, Literal(entity.sector)))
        for mention in entity.mentions:
            m = iris.mention(article.id, mention.start, mention.end)
            g.add((m, RDF.type, KG.Mention))
            g.add((m, KG.denotes, iri))
            g.add((m, KG.inArticle, node))
            g.add((m, KG.anchorText, Literal(mention.text)))
            g.add((m, KG.startOffset, Literal(mention.start)))
            g.add((m, KG.endOffset, Literal(mention.end)))
    for relation in extraction.relations:
        _relation(g, iris, node, article.id, relation, canonical)
    for statement in extraction.statements:
        _statement(g, iris, node, article.id, statement, canonical)
    return ArticleGraphs(iris.article_graph(article.id), g, _entities(extraction, canonical))


def _article(g: Graph, node: URIRef, extraction: Extraction) -> None:
    article = extraction.article
    g.add((node, RDF.type, KG.Article))
    g.add((node, KG.articleId, Literal(article.id)))
    g.add((node, SCHEMA.text, Literal(article.text)))
    g.add((node, KG.contentHash, Literal(article.content_hash)))
    g.add((node, KG.bodyStart, Literal(article.body_start)))
    optional = [
        (SCHEMA.headline, article.title),
        (SCHEMA.url, article.url),
        (KG.newsSource, article.source),
        (KG.dateline, article.dateline),
        (SCHEMA.author, article.author),
    ]
    for predicate, value in optional:
        if value:
            g.add((node, predicate, Literal(value)))
    if article.published:
        g.add((node, SCHEMA.datePublished, Literal(article.published, datatype=XSD.date)))


def _entities(extraction: Extraction, canonical: dict[str, URIRef]) -> Graph:
    g = new_graph()
    for entity in extraction.entities:
        iri = canonical[entity.id]
        g.add((iri, RDF.type, ENTITY_CLASS[entity.type]))
        g.add((iri, SKOS.prefLabel, Literal(entity.label)))
        if entity.country:
            g.add((iri, KG.countryCode, Literal(entity.country)))
        for identifier in entity.identifiers:
            g.add((iri, OWL.sameAs, URIRef(identifier)))
    return g


def _time(g: Graph, node: URIRef, time: TimeSpan | None) -> None:
    if time is None:
        return
    if time.day is not None:
        g.add((node, KG.date, Literal(time.day, datatype=XSD.date)))
    g.add((node, KG.dateStart, Literal(time.start, datatype=XSD.date)))
    g.add((node, KG.dateEnd, Literal(time.end, datatype=XSD.date)))
    g.add((node, KG.datePrecision, Literal(time.precision)))
    g.add((node, KG.dateText, Literal(time.text)))


def _provenance(
    g: Graph, node: URIRef, article: URIRef, evidence, confidence: float, rule: str
) -> None:
    g.add((node, KG.inArticle, article))
    g.add((node, KG.evidenceText, Literal(evidence.text)))
    g.add((node, KG.evidenceStart, Literal(evidence.start)))
    g.add((node, KG.evidenceEnd, Literal(evidence.end)))
    g.add((node, KG.confidence, Literal(Decimal(str(round(confidence, 3))), datatype=XSD.decimal)))
    g.add((node, KG.extractor, Literal(rule)))


def _relation(
    g: Graph,
    iris: Iris,
    article: URIRef,
    article_id: str,
    relation: Relation,
    canonical: dict[str, URIRef],
) -> None:
    source, target = canonical[relation.subject], canonical[relation.object]
    node = iris.relation(
        article_id,
        relation.subject,
        relation.predicate,
        relation.object,
        relation.role,
        relation.negated,
        relation.modality,
        relation.evidence.start,
    )
    g.add((node, RDF.type, RECORD_CLASS[relation.predicate]))
    g.add((node, KG.source, source))
    g.add((node, KG.target, target))
    g.add((node, KG.relationType, predicate_iri(relation.predicate)))
    g.add((node, KG.negated, Literal(relation.negated)))
    g.add((node, KG.modality, Literal(relation.modality)))
    if relation.role:
        g.add((node, KG.role, Literal(relation.role)))
    if relation.cue:
        g.add((node, KG.cue, Literal(relation.cue.text)))
        g.add((node, KG.cueStart, Literal(relation.cue.start)))
        g.add((node, KG.cueEnd, Literal(relation.cue.end)))
    _time(g, node, relation.time)
    _provenance(g, node, article, relation.evidence, relation.confidence, relation.rule)
    if not relation.negated and relation.modality not in NO_DIRECT_TRIPLE:
        g.add((source, predicate_iri(relation.predicate), target))


def _statement(
    g: Graph,
    iris: Iris,
    article: URIRef,
    article_id: str,
    statement: Statement,
    canonical: dict[str, URIRef],
) -> None:
    node = iris.statement(article_id, statement.cue.start, statement.content.start)
    g.add((node, RDF.type, KG.Statement))
    if statement.speaker:
        speaker = canonical[statement.speaker]
        g.add((node, KG.speaker, speaker))
        g.add((speaker, KG.said, node))
    if statement.speaker_span:
        g.add((node, KG.speakerText, Literal(statement.speaker_span.text)))
        g.add((node, KG.speakerStart, Literal(statement.speaker_span.start)))
        g.add((node, KG.speakerEnd, Literal(statement.speaker_span.end)))
    g.add((node, KG.cue, Literal(statement.cue.text)))
    g.add((node, KG.cueStart, Literal(statement.cue.start)))
    g.add((node, KG.cueEnd, Literal(statement.cue.end)))
    g.add((node, KG.kind, Literal(statement.kind)))
    g.add((node, KG.content, Literal(statement.content.text)))
    g.add((node, KG.contentStart, Literal(statement.content.start)))
    g.add((node, KG.contentEnd, Literal(statement.content.end)))
    _time(g, node, statement.time)
    _provenance(g, node, article, statement.evidence, statement.confidence, statement.rule)
