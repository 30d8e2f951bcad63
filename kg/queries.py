"""Fixed SPARQL for the questions users ask about actors.

Each function runs one fixed query with bound values (``kg.store.bindings``)
through the ``GraphStore`` interface and returns plain rows; the API, the CLI
and the notebooks share them.

>>> from kg.config import Settings
>>> from kg.graph import KnowledgeGraph
>>> from kg.read import article_from_text
>>> kg = KnowledgeGraph(Settings(store=":memory:"))
>>> _ = kg.ingest([article_from_text("a", "Cuba endorsed Maduro.")])
>>> [row["label"] for row in search_actors(kg.store, "cub")]
['Cuba']
"""

from __future__ import annotations

from kg.rdf.vocab import NS
from kg.store import IRI, GraphStore, Row

PREFIXES = f"""PREFIX kg: <{NS}>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
PREFIX schema: <https://schema.org/>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
PREFIX oa: <http://www.w3.org/ns/oa#>
"""
ACTOR_CLASSES = ("Person", "Organization", "Country", "Group")

_SEARCH = (
    PREFIXES
    + """
SELECT ?actor ?label ?class ?country (COUNT(DISTINCT ?article) AS ?articles) WHERE {
  ?actor skos:prefLabel ?label ; a ?class .
  FILTER(?class IN (kg:Person, kg:Organization, kg:Country, kg:Group))
  OPTIONAL { ?actor kg:countryCode ?country }
  OPTIONAL { ?m kg:denotes ?actor ; oa:hasSource ?article }
  { ?actor skos:prefLabel ?name } UNION { ?actor skos:altLabel ?name }
  FILTER(CONTAINS(LCASE(STR(?name)), ?q))
  FILTER(?type = "" || ?class = ?typeIri)
  FILTER(?wanted = "" || ?country = ?wanted)
} GROUP BY ?actor ?label ?class ?country ORDER BY DESC(?articles) ?label
"""
)

_ACTOR = (
    PREFIXES
    + """
SELECT ?label ?class ?country ?sector WHERE {
  ?actor skos:prefLabel ?label ; a ?class .
  OPTIONAL { ?actor kg:countryCode ?country }
  OPTIONAL { ?actor kg:sector ?sector }
} LIMIT 1
"""
)
_ALIASES = (
    PREFIXES
    + """
SELECT DISTINCT ?alias WHERE {
  { ?actor skos:altLabel ?alias } UNION { ?actor rdfs:label ?alias }
  ?actor skos:prefLabel ?label FILTER(?alias != ?label)
} ORDER BY ?alias
"""
)
_IDS = PREFIXES + "SELECT DISTINCT ?id WHERE { ?actor owl:sameAs ?id } ORDER BY ?id"
_ARTICLES = (
    PREFIXES
    + """
SELECT (COUNT(DISTINCT ?article) AS ?n) WHERE { ?m kg:denotes ?actor ; oa:hasSource ?article }
"""
)
_POSITIONS = (
    PREFIXES
    + """
SELECT DISTINCT ?role ?org ?orgLabel WHERE {
  ?r a kg:PositionHolding ; kg:source ?actor ; kg:target ?org .
  OPTIONAL { ?r kg:role ?role }
  ?org skos:prefLabel ?orgLabel .
} ORDER BY ?orgLabel ?role
"""
)
_RELATIONS = (
    PREFIXES
    + """
SELECT ?record ?type ?direction ?other ?otherLabel ?role ?negated ?modality ?date ?dateStart
       ?dateEnd ?confidence ?extractor ?evidence ?start ?end ?articleId ?cue WHERE {
  { ?record kg:source ?actor ; kg:target ?other . BIND("out" AS ?direction) }
  UNION
  { ?record kg:target ?actor ; kg:source ?other . BIND("in" AS ?direction) }
  ?record kg:relationType ?typeIri ; kg:negated ?negated ; kg:modality ?modality ;
          kg:confidence ?confidence ; kg:extractor ?extractor ; kg:evidenceText ?evidence ;
          kg:evidenceStart ?start ; kg:evidenceEnd ?end ; kg:inArticle ?article .
  ?article kg:articleId ?articleId .
  ?other skos:prefLabel ?otherLabel .
  OPTIONAL { ?record kg:role ?role }
  OPTIONAL { ?record kg:cue ?cue }
  OPTIONAL { ?record kg:date ?date }
  OPTIONAL { ?record kg:dateStart ?dateStart ; kg:dateEnd ?dateEnd }
  BIND(STRAFTER(STR(?typeIri), "#") AS ?type)
} ORDER BY DESC(COALESCE(?date, ?dateStart, "0001-01-01"^^xsd:date)) ?type ?otherLabel
"""
)
_STATEMENTS = (
    PREFIXES
    + """
SELECT ?record ?kind ?cue ?content ?date ?confidence ?extractor ?evidence ?start ?end
       ?articleId ?speakerText WHERE {
  ?record a kg:Statement ; kg:speaker ?actor ; kg:kind ?kind ; kg:cue ?cue ;
          kg:content ?content ; kg:confidence ?confidence ; kg:extractor ?extractor ;
          kg:evidenceText ?evidence ; kg:evidenceStart ?start ; kg:evidenceEnd ?end ;
          kg:inArticle ?article .
  ?article kg:articleId ?articleId .
  OPTIONAL { ?record kg:speakerText ?speakerText }
  OPTIONAL { ?record kg:date ?date }
} ORDER BY DESC(COALESCE(?date, "0001-01-01"^^xsd:date)) ?articleId ?start
"""
)


def search_actors(
    store: GraphStore, q: str = "", type_: str | None = None, country: str | None = None
) -> list[Row]:
    """Actors whose label or an alias contains ``q`` (case-insensitive)."""
    bindings: dict[str, object] = {
        "q": q.lower(),
        "type": type_ or "",
        "wanted": (country or "").upper(),
        "typeIri": IRI(NS + (type_ or "Actor")),
    }
    return store.select(_SEARCH, bindings)


def actor(store: GraphStore, iri: str) -> Row | None:
    """Label, class, country and sector of an actor, or None."""
    rows = store.select(_ACTOR, {"actor": IRI(iri)})
    return rows[0] if rows else None


def actor_details(store: GraphStore, iri: str) -> dict[str, object]:
    """Aliases, outside ids, positions and article count of an actor."""
    bound = {"actor": IRI(iri)}
    return {
        "aliases": [str(r["alias"]) for r in store.select(_ALIASES, bound)],
        "identifiers": [str(r["id"]) for r in store.select(_IDS, bound)],
        "positions": store.select(_POSITIONS, bound),
        "articles": int(store.select(_ARTICLES, bound)[0]["n"] or 0),
    }


def actor_relations(store: GraphStore, iri: str) -> list[Row]:
    """Every relation record with the actor as source or target, newest first."""
    return store.select(_RELATIONS, {"actor": IRI(iri)})


def actor_statements(store: GraphStore, iri: str) -> list[Row]:
    """Everything the actor said, newest first."""
    return store.select(_STATEMENTS, {"actor": IRI(iri)})
