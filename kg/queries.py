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

Written so that engines plan them well (measured on Oxigraph and Virtuoso):

- a bound value sits in the group whose patterns use it — at the top of the
  query, or inside a ``GRAPH`` block, a union branch or a subquery —
  because engines do not carry ``VALUES`` into nested groups: they evaluate
  the group alone, over the whole store, and join afterwards;
- an entity's canonical description (label, type, country, sector, aliases,
  outside ids) is read inside the graph that gives its ``skos:prefLabel``,
  the entities graph (``kg.rdf.entities``): the union of all graphs repeats
  what each article says of it (Oxigraph evaluates the union as a multiset),
  and articles may disagree on a country;
- a record's required properties form one flat pattern, which Oxigraph
  answers by index lookups; Virtuoso (``store.dialect == "virtuoso"``) takes
  seconds to plan a long flat pattern, so for it they go in one ``OPTIONAL``
  group that a ``BOUND`` filter makes required — the same answers;
- relations in both directions are two queries merged, not a union;
- one ``VALUES`` block per group: two of them (say, actors and classes) made
  Oxigraph 40 times slower than one and a ``FILTER(... IN ...)``.

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

    def admits(self, row: Row) -> bool:
        """Whether a record already read (a ``network_edges`` row: ``type``,
        ``when``, ``confidence``) passes the type, date and confidence tests
        of ``clauses``: what a network kept in memory is filtered by. A record
        without a date fails a date test, as the unbound ``?when`` does in
        SPARQL. (``factual`` is not tested: ``network_edges`` reads only
        factual records.)"""
        when = row["when"]
        return (
            (not self.types or row["type"] in self.types)
            and (self.since is None or (isinstance(when, date) and when >= self.since))
            and (self.until is None or (isinstance(when, date) and when <= self.until))
            and float(row["confidence"] or 0) >= self.min_confidence
        )


EVERY_RELATION = RelationFilter()
FIRST_PAGE = Page()


def _grouped(store: GraphStore) -> bool:
    """Whether the store's engine wants a record's details grouped (see above)."""
    return getattr(store, "dialect", "generic") == "virtuoso"


def _details(store: GraphStore, subject: str, properties: str) -> str:
    """The required ``properties`` of ``subject`` (flat, or grouped for Virtuoso)."""
    if _grouped(store):
        last = properties.rsplit("?", 1)[-1].strip(" .;")
        return f"OPTIONAL {{ {subject} {properties} }} FILTER(BOUND(?{last}))"
    return f"{subject} {properties} ."


def _described(actor: IRI | None, more: str = "") -> str:
    """A pattern over the canonical description of ``?actor`` (bound to
    ``actor`` inside the graph when given): its label and class, and ``more``."""
    bound = values_clause({"actor": actor}) if actor is not None else ""
    return f"GRAPH ?described {{ {bound} ?actor skos:prefLabel ?label ; a ?class . {more} }}"


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
  GRAPH ?described { { ?actor skos:prefLabel ?name } UNION { ?actor skos:altLabel ?name } }
  FILTER(CONTAINS(LCASE(STR(?name)), ?q))"""
"""Actors a label or an alias of which contains ``?q``. (Not joined with the
label of the description here: ``actor_rows`` reads that next, and with the
join, made for every name before the filter, matching "reagan" on 2,000
Reuters articles took 33 ms; 7 ms without it, for the same actors.)"""
_COUNTRY = "OPTIONAL { ?actor kg:countryCode ?country }"
_COUNTRY_AND_SECTOR = _COUNTRY + " OPTIONAL { ?actor kg:sector ?sector }"


def search_actors(
    store: GraphStore,
    q: str = "",
    type_: str | None = None,
    country: str | None = None,
    page: Page = FIRST_PAGE,
) -> tuple[list[Row], int]:
    """Actors whose label or an alias contains ``q`` (case-insensitive), most
    mentioned first: rows of ``actor``, ``label``, ``class``, ``country``,
    ``sector``, ``articles``; and how many there are.

    The names are matched first, then the matching actors described and their
    articles counted (``actor_rows``); ordering and paging happen here, over
    the described rows.
    """
    matching = None
    if q:
        found = store.select(
            f"{PREFIXES}SELECT DISTINCT ?actor WHERE {{ {values_clause({'q': q.lower()})}"
            f"{_NAME_MATCHES} }}"
        )
        matching = [str(row["actor"]) for row in found]
    rows = actor_rows(store, matching, (type_,) if type_ else ACTOR_CLASSES)
    if country:
        rows = [row for row in rows if row["country"] == country.upper()]
    rows.sort(key=lambda r: (-int(r["articles"]), str(r["label"]), str(r["actor"])))
    return rows[page.offset : page.offset + page.limit], len(rows)


def actor_rows(
    store: GraphStore, actors: list[str] | None, classes: tuple[str, ...] = ACTOR_CLASSES
) -> list[Row]:
    """``actor``, ``label``, ``class``, ``country``, ``sector`` and ``articles``
    (how many articles name it) of each of ``actors`` (``None``: every actor)
    that is of one of ``classes``; one row per actor, its class the first of
    ``classes`` it has."""
    if actors is not None and not actors:
        return []
    unknown = set(classes) - set(ACTOR_CLASSES)
    if unknown:
        raise ValueError(f"not actor classes: {sorted(unknown)}")
    chosen = values_clause({"actor": [IRI(a) for a in actors]}) if actors is not None else ""
    wanted = ", ".join(f"kg:{name}" for name in classes)  # names checked just above
    rows = store.select(f"""{PREFIXES}SELECT ?actor ?label ?class ?country ?sector ?articles
WHERE {{
  {{ SELECT ?actor (COUNT(DISTINCT ?article) AS ?articles) WHERE {{
      {chosen} ?m kg:denotes ?actor ; oa:hasSource ?article }} GROUP BY ?actor }}
  GRAPH ?described {{ {chosen} ?actor skos:prefLabel ?label ; a ?class .
                     {_COUNTRY_AND_SECTOR} }}
  FILTER(?class IN ({wanted}))
}}""")
    rank = {NS + name: position for position, name in enumerate(classes)}
    first: dict[str, Row] = {}
    for row in sorted(rows, key=lambda r: rank[str(r["class"])]):
        first.setdefault(str(row["actor"]), row)
    return list(first.values())


_ARTICLE_COUNTS = (
    PREFIXES
    + """SELECT ?actor (COUNT(DISTINCT ?article) AS ?n) WHERE {
  ?m kg:denotes ?actor ; oa:hasSource ?article
} GROUP BY ?actor"""
)
_POSITIONS = (
    PREFIXES
    + """SELECT DISTINCT ?actor ?role ?org ?orgLabel WHERE {
  ?r kg:source ?actor ; a kg:PositionHolding ; kg:target ?org ; kg:negated false .
  OPTIONAL { ?r kg:role ?role }
  GRAPH ?described { ?org skos:prefLabel ?orgLabel }
} ORDER BY ?orgLabel ?role"""
)


def actor(store: GraphStore, iri: str) -> Row | None:
    """Label, class, country and sector of an actor (or of any entity), or None."""
    rows = store.select(
        f"""{PREFIXES}SELECT ?label ?class ?country ?sector WHERE {{
  {_described(IRI(iri), _COUNTRY_AND_SECTOR)} }} ORDER BY ?class LIMIT 1"""
    )
    return rows[0] if rows else None


def actor_details(store: GraphStore, iris: list[str]) -> dict[str, dict[str, object]]:
    """Aliases, outside ids, positions held and the number of articles naming
    each of ``iris``: four queries for a whole page of actors. (Positions match
    ``kg:negated false`` rather than filter on it: with a filter, Oxigraph
    read every position record before the page's actors, 1,000 times slower
    for a page of 50 on 2,000 articles.)"""
    if not iris:
        return {}
    bound = {"actor": [IRI(iri) for iri in iris]}
    named = values_clause(bound)
    details: dict[str, dict] = {
        iri: {"aliases": [], "identifiers": [], "positions": [], "articles": 0} for iri in iris
    }
    for key, term in (("aliases", "skos:altLabel"), ("identifiers", "owl:sameAs")):
        found = store.select(
            f"""{PREFIXES}SELECT DISTINCT ?actor ?value WHERE {{ GRAPH ?described {{
  {named} ?actor skos:prefLabel ?label ; {term} ?value }} }} ORDER BY ?value"""
        )
        for row in found:
            details[str(row["actor"])][key].append(str(row["value"]))
    for row in store.select(_POSITIONS, bound):
        details[str(row["actor"])]["positions"].append(row)
    for row in store.select(_ARTICLE_COUNTS, bound):
        details[str(row["actor"])]["articles"] = int(row["n"] or 0)
    return details


# ---------------------------------------------------------------- relations

_RECORD_DETAILS = """kg:negated ?negated ; kg:modality ?modality ; kg:confidence ?confidence ;
  kg:extractor ?extractor ; kg:evidenceText ?evidence ; kg:evidenceStart ?start ;
  kg:evidenceEnd ?end"""
_RECORD_DATES = """
  ?article kg:articleId ?articleId .
  OPTIONAL { ?article schema:datePublished ?published }
  OPTIONAL { ?record kg:date ?date }
  OPTIONAL { ?record kg:dateStart ?dateStart ; kg:dateEnd ?dateEnd }
  BIND(COALESCE(?date, ?dateStart, ?published) AS ?when)
"""


def _record(store: GraphStore) -> str:
    """A relation record with its details, its article and its date."""
    core = "?record kg:relationType ?typeIri ; kg:inArticle ?article ."
    return f"\n  {core}\n  {_details(store, '?record', _RECORD_DETAILS)}{_RECORD_DATES}"


_OUT = 'BIND(?actor AS ?source) BIND(?other AS ?target) BIND("out" AS ?direction)'
_ENDS = {  # (patterns before the record's, patterns after them)
    "out": (
        "?record kg:source ?actor .",
        f"OPTIONAL {{ ?record kg:target ?other OPTIONAL {{ ?other skos:prefLabel ?targetLabel }} }}"
        f" {_OUT}",
    ),
    "out to other": (
        "?record kg:source ?actor ; kg:target ?other .",
        f"OPTIONAL {{ ?other skos:prefLabel ?targetLabel }} {_OUT}",
    ),
    "in": (
        "?record kg:target ?actor ; kg:source ?other .",
        "OPTIONAL { ?actor skos:prefLabel ?targetLabel }"
        ' BIND(?other AS ?source) BIND(?actor AS ?target) BIND("in" AS ?direction)',
    ),
    "all": (
        "?record kg:source ?source .",
        "OPTIONAL { ?record kg:target ?target OPTIONAL { ?target skos:prefLabel ?targetLabel } }",
    ),
}
"""How a record's ends are matched, with the target's label. An act with
one participant ("Lavrov rejected the criticism": no ``kg:target``) is among
an actor's ``out`` records and among ``all`` records, its target unbound; the
records between two actors (``out to other``, ``in``) have both ends. The
optional target comes after the record's own patterns, so that engines find
the records (by type, by actor) before they look for targets, and its label
is looked up inside the same ``OPTIONAL``: on its own, a label pattern on an
unbound ``?target`` would match every label."""
_RELATION_COLUMNS = """?record ?typeIri ?direction ?source ?sourceLabel ?target ?targetLabel
  ?role ?cue ?plover ?cameo ?negated ?modality ?date ?dateStart ?dateEnd ?published ?when
  ?confidence ?extractor ?extractorVersion ?evidence ?start ?end ?articleId"""
_LABELS = """
  OPTIONAL { ?source skos:prefLabel ?sourceLabel }
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
    the two actors. Acts with one participant come with the first two and
    ``"out"``, with ``target`` None. ``"both"`` runs the two directions as separate queries and
    merges them: engines (Oxigraph among them) plan a union of the two far
    worse than each alone.
    """
    if actor is None:
        return _relations(store, _ENDS["all"], {}, where, page)
    ends_bound = {"actor": IRI(actor)}
    if other is not None:
        ends_bound["other"] = IRI(other)
    out = _ENDS["out" if other is None else "out to other"]
    if direction != "both":
        ends = out if direction == "out" else _ENDS["in"]
        return _relations(store, ends, ends_bound, where, page)
    top = Page(page.offset + page.limit, 0)
    out_rows, out_count = _relations(store, out, ends_bound, where, top)
    head, tail = _ENDS["in"]
    in_ends = (head, tail + " FILTER(?other != ?actor)")  # a self-relation is listed once, as out
    in_rows, in_count = _relations(store, in_ends, ends_bound, where, top)
    merged = sorted(out_rows + in_rows, key=lambda r: (r["articleId"], r["start"], r["record"]))
    merged.sort(key=lambda r: (r["when"] is not None, r["when"] or date.min), reverse=True)
    return merged[page.offset : page.offset + page.limit], out_count + in_count


def _relations(
    store: GraphStore, ends: tuple[str, str], bound: dict, where: RelationFilter, page: Page
) -> tuple[list[Row], int]:
    filters, filter_bound = where.clauses()
    before, after = ends
    text = f"\n  {before}{_record(store)}  {after}{filters}{_LABELS}"
    rows, count = _listed(
        store, text, {**bound, **filter_bound}, _RELATION_COLUMNS, NEWEST_FIRST, page
    )
    for row in rows:
        row["type"] = str(row.pop("typeIri")).removeprefix(NS)
    return rows, count


_STATEMENT_DETAILS = """kg:kind ?kind ; kg:cue ?cue ; kg:content ?content ;
  kg:confidence ?confidence ; kg:extractor ?extractor ; kg:evidenceText ?evidence ;
  kg:evidenceStart ?start ; kg:evidenceEnd ?end"""
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
    core = "?record kg:speaker ?speaker ; a kg:Statement ; kg:inArticle ?article ."
    details = _details(store, "?record", _STATEMENT_DETAILS)
    text = f"\n  {core}\n  {details}{_RECORD_DATES}{filters}{_SPEAKER}"
    return _listed(store, text, bound, _STATEMENT_COLUMNS, NEWEST_FIRST, page)


# ---------------------------------------------------------------- the actor network

_EDGES = """
  ?record kg:source ?source ; kg:target ?target ; kg:relationType ?typeIri ;
          kg:negated ?negated ; kg:modality ?modality ; kg:confidence ?confidence ;
          kg:inArticle ?article .
  OPTIONAL { ?article schema:datePublished ?published }
  OPTIONAL { ?record kg:date ?date }
  OPTIONAL { ?record kg:dateStart ?dateStart }
  BIND(COALESCE(?date, ?dateStart, ?published) AS ?when)
"""


def network_edges(store: GraphStore, where: RelationFilter = EVERY_RELATION) -> list[Row]:
    """Rows of factual relation records: ``record``, ``source``, ``target``,
    ``type``, ``when``, ``confidence``, ``article``. Records with a place at
    one end come too: the caller keeps those between actors (``actor_rows``
    tells which are), cheaper than a test per record here."""
    filters, bound = RelationFilter(
        where.types, where.since, where.until, where.min_confidence, factual=True
    ).clauses()
    rows = store.select(
        f"""{PREFIXES}SELECT ?record ?source ?target ?typeIri ?when ?confidence ?article
WHERE {{{_EDGES}{filters}}}""",
        bound,
    )
    for row in rows:
        row["type"] = str(row.pop("typeIri")).removeprefix(NS)
    return rows


# ---------------------------------------------------------------- articles

_ARTICLES = """
  ?record a kg:Article ; kg:articleId ?id .
  OPTIONAL { ?record schema:headline ?title }
  OPTIONAL { ?record schema:datePublished ?published }
  OPTIONAL { ?record kg:newsSource ?source }
  OPTIONAL { ?record schema:url ?url }
"""


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
    bound = values_clause({"article": IRI(str(rows[0]["record"]))})  # in each branch
    counts = store.select(f"""{PREFIXES}SELECT (COUNT(DISTINCT ?entity) AS ?entities)
       (COUNT(DISTINCT ?relation) AS ?relations) (COUNT(DISTINCT ?statement) AS ?statements)
WHERE {{
  {{ {bound} ?m kg:denotes ?entity ; oa:hasSource ?article }}
  UNION {{ {bound} ?relation kg:relationType ?type ; kg:inArticle ?article }}
  UNION {{ {bound} ?statement a kg:Statement ; kg:inArticle ?article }}
}}""")[0]
    return {**rows[0], "id": article_id, **{k: int(v or 0) for k, v in counts.items()}}
