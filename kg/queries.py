"""Fixed SPARQL for the questions users ask about actors, relations and articles.

Every query here is fixed text, composed only from fragments written in this
module (a filter is added when its parameter is given), with the caller's
values bound by ``kg.store.bindings`` — never spliced into the text — and run
through the ``GraphStore`` interface. Functions return plain rows (dicts of
``str``/``int``/``float``/``bool``/``date``); lists come as ``(rows, count)``,
a page and the total. The API, the CLI, ``kg.analysis`` and the notebooks
share them.

Dates: a record's date is the day it happened (``kg:date``), else the start
of its time range, else the publication date of its article — the day the
news reported it. ``since`` / ``until`` filter on that date, and lists are
newest first.

>>> from kg.config import Settings
>>> from kg.graph import KnowledgeGraph
>>> from kg.read import article_from_text
>>> kg = KnowledgeGraph(Settings(store=":memory:"))
>>> _ = kg.ingest([article_from_text("a", "Cuba endorsed Maduro.")])
>>> rows, count = search_actors(kg.store, "cub")
>>> [row["label"] for row in rows], count
(['Cuba'], 1)
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from kg.rdf.build import DIRECT_MODALITIES
from kg.rdf.vocab import NS
from kg.rdf.vocab import PREFIXES as VOCABULARY_PREFIXES
from kg.store import IRI, GraphStore, Row
from kg.store.bindings import values_clause

PREFIXES = "".join(f"PREFIX {name}: <{iri}>\n" for name, iri in VOCABULARY_PREFIXES.items())
ACTOR_CLASSES = ("Person", "Organization", "Country", "Group")
FACTUAL = ", ".join(f'"{modality}"' for modality in sorted(DIRECT_MODALITIES))
"""Modalities of records that state a fact (not hypothetical, future or demanded):
those the builder writes the direct triple for."""


@dataclass(frozen=True)
class Page:
    """Which slice of a list to return."""

    limit: int = 50
    offset: int = 0

    @property
    def clause(self) -> str:
        """``LIMIT`` and ``OFFSET`` (integers, checked here: no text reaches the query)."""
        return f"LIMIT {int(self.limit)} OFFSET {int(self.offset)}"


@dataclass(frozen=True)
class RelationFilter:
    """Which relation records to read.

    ``types`` are predicate names (``supports``, ``holdsPosition`` ...; empty:
    all); ``factual`` keeps only records that state a fact: not negated, and
    asserted or reported.
    """

    types: tuple[str, ...] = ()
    since: date | None = None
    until: date | None = None
    min_confidence: float = 0.0
    factual: bool = False

    def clauses(self) -> tuple[str, dict[str, object]]:
        """Filter text (fixed fragments) and the values it binds."""
        text, bound = "", {}
        if self.types:
            bound["typeIri"] = [IRI(NS + name) for name in self.types]
        if self.since is not None:
            text += " FILTER(?when >= ?since)"
            bound["since"] = self.since
        if self.until is not None:
            text += " FILTER(?when <= ?until)"
            bound["until"] = self.until
        if self.min_confidence > 0:
            text += " FILTER(?confidence >= ?minConfidence)"
            bound["minConfidence"] = float(self.min_confidence)
        if self.factual:
            text += f" FILTER(!?negated && ?modality IN ({FACTUAL}))"
        return text, bound


EVERY_RELATION = RelationFilter()
FIRST_PAGE = Page()


def _actor_classes() -> list[IRI]:
    return [IRI(NS + name) for name in ACTOR_CLASSES]


def _listed(store: GraphStore, where: str, bound: dict, select: str, order: str, page: Page):
    """A page of rows and the total number of distinct ``?record``s."""
    count = store.select(
        f"{PREFIXES}SELECT (COUNT(DISTINCT ?record) AS ?n) WHERE {{{where}}}", bound
    )
    rows = store.select(
        f"{PREFIXES}SELECT DISTINCT {select} WHERE {{{where}}} ORDER BY {order} {page.clause}",
        bound,
    )
    return rows, int(count[0]["n"] or 0) if count else 0


# ---------------------------------------------------------------- actors

_NAME_MATCHES = """
  { ?actor skos:prefLabel ?name } UNION { ?actor skos:altLabel ?name }
  FILTER(CONTAINS(LCASE(STR(?name)), ?q))"""
_ACTOR_ROW = """
  ?actor skos:prefLabel ?label ; a ?class .
  OPTIONAL { ?actor kg:countryCode ?country }"""


def search_actors(
    store: GraphStore,
    q: str = "",
    type_: str | None = None,
    country: str | None = None,
    page: Page = FIRST_PAGE,
) -> tuple[list[Row], int]:
    """Actors whose label or an alias contains ``q`` (case-insensitive), most
    mentioned first: rows of ``actor``, ``label``, ``class``, ``country``,
    ``articles``; and how many there are.

    The names are matched, and the articles counted, in a subquery that
    binds ``?q`` itself: the engine then counts mentions of the matching
    actors only (a filter on the outer query would make it count them all).
    """
    matching = f"{values_clause({'q': q.lower()})} {_NAME_MATCHES}" if q else ""
    counted = f"""{{ SELECT ?actor (COUNT(DISTINCT ?article) AS ?articles) WHERE {{
    {matching}
    ?m kg:denotes ?actor ; oa:hasSource ?article
  }} GROUP BY ?actor }}"""
    where = _ACTOR_ROW
    bound: dict[str, object] = {"class": [IRI(NS + type_)] if type_ else _actor_classes()}
    if country:
        where += " FILTER(?country = ?wanted)"
        bound["wanted"] = country.upper()
    count = store.select(
        f"{PREFIXES}SELECT (COUNT(DISTINCT ?actor) AS ?n) WHERE {{ {counted} {where} }}", bound
    )
    rows = store.select(
        f"""{PREFIXES}SELECT DISTINCT ?actor ?label ?class ?country ?articles
WHERE {{ {counted} {where}
}} ORDER BY DESC(?articles) ?label ?actor {page.clause}""",
        bound,
    )
    return rows, int(count[0]["n"] or 0)


_ACTOR = (
    PREFIXES
    + """SELECT ?label ?class ?country ?sector WHERE {
  ?actor skos:prefLabel ?label ; a ?class .
  OPTIONAL { ?actor kg:countryCode ?country }
  OPTIONAL { ?actor kg:sector ?sector }
} ORDER BY ?class LIMIT 1"""
)
_ALIASES = (
    PREFIXES
    + """SELECT DISTINCT ?alias WHERE {
  { ?actor skos:altLabel ?alias } UNION { ?actor rdfs:label ?alias }
  ?actor skos:prefLabel ?label FILTER(?alias != ?label)
} ORDER BY ?alias"""
)
_IDS = PREFIXES + "SELECT DISTINCT ?id WHERE { ?actor owl:sameAs ?id } ORDER BY ?id"
_ARTICLE_COUNT = (
    PREFIXES
    + """SELECT (COUNT(DISTINCT ?article) AS ?n) WHERE {
  ?m kg:denotes ?actor ; oa:hasSource ?article
}"""
)
_POSITIONS = (
    PREFIXES
    + """SELECT DISTINCT ?role ?org ?orgLabel WHERE {
  ?r a kg:PositionHolding ; kg:source ?actor ; kg:target ?org ; kg:negated ?negated .
  FILTER(!?negated)
  OPTIONAL { ?r kg:role ?role }
  ?org skos:prefLabel ?orgLabel .
} ORDER BY ?orgLabel ?role"""
)


def actor(store: GraphStore, iri: str) -> Row | None:
    """Label, class, country and sector of an actor (or of any entity), or None."""
    rows = store.select(_ACTOR, {"actor": IRI(iri)})
    return rows[0] if rows else None


def actor_details(store: GraphStore, iri: str) -> dict[str, object]:
    """Aliases, outside ids, positions held and the number of articles naming the actor."""
    bound = {"actor": IRI(iri)}
    return {
        "aliases": [str(r["alias"]) for r in store.select(_ALIASES, bound)],
        "identifiers": [str(r["id"]) for r in store.select(_IDS, bound)],
        "positions": store.select(_POSITIONS, bound),
        "articles": int(store.select(_ARTICLE_COUNT, bound)[0]["n"] or 0),
    }


# ---------------------------------------------------------------- relations

_RECORD = """
  ?record kg:relationType ?typeIri ; kg:inArticle ?article .
  OPTIONAL { ?record kg:negated ?negated ; kg:modality ?modality ; kg:confidence ?confidence ;
             kg:extractor ?extractor ; kg:evidenceText ?evidence ; kg:evidenceStart ?start ;
             kg:evidenceEnd ?end }
  FILTER(BOUND(?end))
  ?article kg:articleId ?articleId .
  OPTIONAL { ?article schema:datePublished ?published }
  OPTIONAL { ?record kg:date ?date }
  OPTIONAL { ?record kg:dateStart ?dateStart ; kg:dateEnd ?dateEnd }
  BIND(COALESCE(?date, ?dateStart, ?published) AS ?when)
"""
"""A relation record with its details. The details sit in one OPTIONAL group
that must match (``BOUND``): the same answers as plain required patterns, but
Virtuoso plans a long star of required patterns very slowly (seconds)."""
_ENDS = {
    "out": """
  ?record kg:source ?actor ; kg:target ?other .
  BIND(?actor AS ?source) BIND(?other AS ?target) BIND("out" AS ?direction)""",
    "in": """
  ?record kg:target ?actor ; kg:source ?other .
  BIND(?other AS ?source) BIND(?actor AS ?target) BIND("in" AS ?direction)""",
    "all": """
  ?record kg:source ?source ; kg:target ?target .""",
}
_RELATION_COLUMNS = """?record ?typeIri ?direction ?source ?sourceLabel ?target ?targetLabel
  ?role ?cue ?plover ?cameo ?negated ?modality ?date ?dateStart ?dateEnd ?published ?when
  ?confidence ?extractor ?extractorVersion ?evidence ?start ?end ?articleId"""
_LABELS = """
  OPTIONAL { ?source skos:prefLabel ?sourceLabel }
  OPTIONAL { ?target skos:prefLabel ?targetLabel }
  OPTIONAL { ?record kg:role ?role }
  OPTIONAL { ?record kg:cue ?cue }
  OPTIONAL { ?record kg:ploverClass ?plover }
  OPTIONAL { ?record kg:cameoCode ?cameo }
  OPTIONAL { ?record kg:extractorVersion ?extractorVersion }"""
NEWEST_FIRST = "DESC(?when) ?articleId ?start ?record"


def relations(
    store: GraphStore,
    actor: str | None = None,
    *,
    other: str | None = None,
    direction: str = "both",
    where: RelationFilter = EVERY_RELATION,
    page: Page = FIRST_PAGE,
) -> tuple[list[Row], int]:
    """Relation records, newest first, with both ends, their labels, type,
    date, confidence and evidence; and how many there are.

    Without ``actor``: every record (of ``where.types``). With it: the records
    where the actor is the source (``direction="out"``), the target
    (``"in"``) or either (``"both"``); with ``other`` too, only those between
    the two actors. ``"both"`` runs the two directions as separate queries and
    merges them: engines (Oxigraph among them) plan a union of the two far
    worse than each alone.
    """
    if actor is None:
        return _relations(store, _ENDS["all"], {}, where, page)
    ends_bound = {"actor": IRI(actor)}
    if other is not None:
        ends_bound["other"] = IRI(other)
    if direction != "both":
        return _relations(store, _ENDS[direction], ends_bound, where, page)
    top = Page(page.offset + page.limit, 0)
    out_rows, out_count = _relations(store, _ENDS["out"], ends_bound, where, top)
    in_ends = _ENDS["in"] + " FILTER(?other != ?actor)"  # a self-relation is listed once, as out
    in_rows, in_count = _relations(store, in_ends, ends_bound, where, top)
    merged = sorted(out_rows + in_rows, key=lambda r: (r["articleId"], r["start"], r["record"]))
    merged.sort(key=lambda r: (r["when"] is not None, r["when"] or date.min), reverse=True)
    return merged[page.offset : page.offset + page.limit], out_count + in_count


def _relations(
    store: GraphStore, ends: str, bound: dict, where: RelationFilter, page: Page
) -> tuple[list[Row], int]:
    filters, filter_bound = where.clauses()
    text = ends + _RECORD + filters + _LABELS
    rows, count = _listed(
        store, text, {**bound, **filter_bound}, _RELATION_COLUMNS, NEWEST_FIRST, page
    )
    for row in rows:
        row["type"] = str(row.pop("typeIri")).removeprefix(NS)
    return rows, count


_STATEMENTS = """
  ?record kg:speaker ?speaker ; a kg:Statement ; kg:inArticle ?article .
  OPTIONAL { ?record kg:kind ?kind ; kg:cue ?cue ; kg:content ?content ;
             kg:confidence ?confidence ; kg:extractor ?extractor ; kg:evidenceText ?evidence ;
             kg:evidenceStart ?start ; kg:evidenceEnd ?end }
  FILTER(BOUND(?end))
  ?article kg:articleId ?articleId .
  OPTIONAL { ?article schema:datePublished ?published }
  OPTIONAL { ?record kg:date ?date }
  OPTIONAL { ?record kg:dateStart ?dateStart }
  BIND(COALESCE(?date, ?dateStart, ?published) AS ?when)
"""
"""A statement with its details (grouped as in ``_RECORD``)."""
_STATEMENT_COLUMNS = """?record ?speaker ?speakerLabel ?speakerText ?kind ?cue ?content ?date
  ?published ?confidence ?extractor ?extractorVersion ?evidence ?start ?end ?articleId"""
_SPEAKER = """
  OPTIONAL { ?speaker skos:prefLabel ?speakerLabel }
  OPTIONAL { ?record kg:speakerText ?speakerText }
  OPTIONAL { ?record kg:extractorVersion ?extractorVersion }"""


def statements(
    store: GraphStore,
    speaker: str,
    *,
    since: date | None = None,
    until: date | None = None,
    page: Page = FIRST_PAGE,
) -> tuple[list[Row], int]:
    """What ``speaker`` said, newest first, with evidence; and how many statements."""
    filters, bound = RelationFilter(since=since, until=until).clauses()
    bound["speaker"] = IRI(speaker)
    text = _STATEMENTS + filters + _SPEAKER
    return _listed(store, text, bound, _STATEMENT_COLUMNS, NEWEST_FIRST, page)


# ---------------------------------------------------------------- the actor network

_EDGES = """
  ?record kg:source ?source ; kg:target ?target ; kg:relationType ?typeIri ;
          kg:negated ?negated ; kg:modality ?modality ; kg:confidence ?confidence ;
          kg:inArticle ?article .
  FILTER EXISTS { ?source a ?sourceClass } FILTER EXISTS { ?target a ?targetClass }
  OPTIONAL { ?article schema:datePublished ?published }
  OPTIONAL { ?record kg:date ?date }
  OPTIONAL { ?record kg:dateStart ?dateStart }
  BIND(COALESCE(?date, ?dateStart, ?published) AS ?when)
"""
# An entity's class and country are stated again in every article graph that
# names it, and the default graph is their union: joined directly, an actor
# named in a hundred articles would multiply each row a hundredfold per
# property. Existence tests and grouped sub-queries read each fact once.
_NODES = """SELECT ?actor ?label ?class ?country ?sector ?articles WHERE {
  ?actor skos:prefLabel ?label .
  FILTER EXISTS { ?actor a ?class }
  OPTIONAL { SELECT DISTINCT ?actor ?country WHERE { ?actor kg:countryCode ?country } }
  OPTIONAL { SELECT DISTINCT ?actor ?sector WHERE { ?actor kg:sector ?sector } }
  OPTIONAL { SELECT ?actor (COUNT(DISTINCT ?article) AS ?articles)
             WHERE { ?m kg:denotes ?actor ; oa:hasSource ?article } GROUP BY ?actor }
}"""


def network_edges(store: GraphStore, where: RelationFilter = EVERY_RELATION) -> list[Row]:
    """Rows of factual relation records between two actors: ``record``,
    ``source``, ``target``, ``type``, ``when``, ``confidence``, ``article``
    (a record may come twice when an end has two actor classes)."""
    filters, bound = RelationFilter(
        where.types, where.since, where.until, where.min_confidence, factual=True
    ).clauses()
    bound["sourceClass"] = bound["targetClass"] = _actor_classes()
    rows = store.select(
        f"""{PREFIXES}SELECT ?record ?source ?target ?typeIri ?when ?confidence ?article
WHERE {{{_EDGES}{filters}}}""",
        bound,
    )
    for row in rows:
        row["type"] = str(row.pop("typeIri")).removeprefix(NS)
    return rows


def network_nodes(store: GraphStore, actors: list[str]) -> list[Row]:
    """Label, class, country, sector and article count of each of ``actors``."""
    if not actors:
        return []
    bound = {"actor": [IRI(a) for a in actors], "class": _actor_classes()}
    return store.select(PREFIXES + _NODES, bound)


# ---------------------------------------------------------------- articles

_ARTICLES = """
  ?record a kg:Article ; kg:articleId ?id .
  OPTIONAL { ?record schema:headline ?title }
  OPTIONAL { ?record schema:datePublished ?published }
  OPTIONAL { ?record kg:newsSource ?source }
  OPTIONAL { ?record schema:url ?url }
"""
_ARTICLE_COUNTS = (
    PREFIXES
    + """SELECT (COUNT(DISTINCT ?entity) AS ?entities) (COUNT(DISTINCT ?relation) AS ?relations)
       (COUNT(DISTINCT ?statement) AS ?statements) WHERE {
  { ?m kg:denotes ?entity ; oa:hasSource ?article }
  UNION { ?relation kg:relationType ?type ; kg:inArticle ?article }
  UNION { ?statement a kg:Statement ; kg:inArticle ?article }
}"""
)


def articles(store: GraphStore, page: Page = FIRST_PAGE) -> tuple[list[Row], int]:
    """Stored articles, newest first: ``id``, ``title``, ``published``, ``source``, ``url``."""
    columns = "?record ?id ?title ?published ?source ?url"
    return _listed(store, _ARTICLES, {}, columns, "DESC(?published) ?id", page)


def article(store: GraphStore, article_id: str) -> Row | None:
    """One article's metadata and how many entities, relations and statements
    were read from it, or None."""
    rows = store.select(
        f"{PREFIXES}SELECT ?record ?title ?published ?source ?url WHERE {{{_ARTICLES}}} LIMIT 1",
        {"id": article_id},
    )
    if not rows:
        return None
    counts = store.select(_ARTICLE_COUNTS, {"article": IRI(str(rows[0]["record"]))})[0]
    return {**rows[0], "id": article_id, **{k: int(v or 0) for k, v in counts.items()}}
