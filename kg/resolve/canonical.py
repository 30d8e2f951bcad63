"""Across articles: one canonical entity per real-world actor.

``canonical_iris`` maps each entity of a new extraction to the IRI of the
entity already in the store that it names, or mints a new IRI:

- countries by ISO 3166 code, cities and regions by GeoNames id;
- persons, organisations and groups by label or alias of the same class; a
  bare surname ("Lavrov") joins the one stored person whose name ends with it,
  a full name joins a stored bare surname, but never across conflicting first
  names ("Donald Trump" / "Ivanka Trump");
- new IRIs are readable slugs of the label (``entity/sergey-lavrov``), made
  unique when another entity already has that slug.
"""

from __future__ import annotations

from rdflib import URIRef

from kg.models import Entity, Extraction
from kg.rdf.iris import Iris
from kg.rdf.vocab import ENTITY_CLASS
from kg.read.loader import slugify
from kg.store import IRI, GraphStore

_BY_NAME = """
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT DISTINCT ?e WHERE {
  ?e a ?class .
  { ?e skos:prefLabel ?l } UNION { ?e skos:altLabel ?l } UNION { ?e rdfs:label ?l }
  FILTER(LCASE(STR(?l)) = ?name)
} ORDER BY ?e LIMIT 5
"""
_BY_SURNAME = """
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT DISTINCT ?e ?l WHERE {
  ?e a ?class ; skos:prefLabel ?l .
  FILTER(STRENDS(LCASE(STR(?l)), ?suffix) || LCASE(STR(?l)) = ?name)
} ORDER BY ?e LIMIT 5
"""
_BY_SAME_AS = """
PREFIX owl: <http://www.w3.org/2002/07/owl#>
SELECT DISTINCT ?e WHERE { ?e a ?class ; owl:sameAs ?id } ORDER BY ?e LIMIT 1
"""
_TAKEN = "ASK { { ?iri ?p ?o } UNION { ?s ?p ?iri } }"


def canonical_iris(extraction: Extraction, store: GraphStore, iris: Iris) -> dict[str, URIRef]:
    """Canonical IRI of every entity of ``extraction`` (article-local id -> IRI)."""
    found: dict[str, URIRef] = {}
    minted: set[str] = set()
    for entity in extraction.entities:
        iri = _existing(entity, store, iris)
        if iri is None:
            iri = _mint(entity, store, iris, minted)
        minted.add(str(iri))
        found[entity.id] = iri
    return found


def _existing(entity: Entity, store: GraphStore, iris: Iris) -> URIRef | None:
    cls = IRI(str(ENTITY_CLASS[entity.type]))
    if entity.type == "Country" and entity.country:
        return iris.entity(slugify(entity.label))
    for identifier in entity.identifiers:
        rows = store.select(_BY_SAME_AS, {"class": cls, "id": IRI(identifier)})
        if rows:
            return URIRef(str(rows[0]["e"]))
    names = [entity.label, *entity.aliases]
    for name in names:
        rows = store.select(_BY_NAME, {"class": cls, "name": name.lower()})
        rows = [r for r in rows if entity.type != "Person" or _compatible(store, r["e"], entity)]
        if len(rows) == 1:
            return URIRef(str(rows[0]["e"]))
    if entity.type == "Person":
        return _by_surname(entity, store, cls)
    return None


def _by_surname(entity: Entity, store: GraphStore, cls: IRI) -> URIRef | None:
    words = entity.label.split()
    surname = words[-1].lower()
    rows = store.select(_BY_SURNAME, {"class": cls, "suffix": f" {surname}", "name": surname})
    candidates = [r for r in rows if _first_names_agree(str(r["l"]).split(), words)]
    return URIRef(str(candidates[0]["e"])) if len(candidates) == 1 else None


def _compatible(store: GraphStore, iri, entity: Entity) -> bool:
    rows = store.select(
        "PREFIX skos: <http://www.w3.org/2004/02/skos/core#> "
        "SELECT ?l WHERE { ?e skos:prefLabel ?l } LIMIT 1",
        {"e": IRI(str(iri))},
    )
    return not rows or _first_names_agree(str(rows[0]["l"]).split(), entity.label.split())


def _first_names_agree(a: list[str], b: list[str]) -> bool:
    """Same surname, and first names equal, initials of each other, or one absent."""
    if not a or not b or a[-1].lower() != b[-1].lower():
        return False
    if len(a) == 1 or len(b) == 1:
        return True
    first_a, first_b = a[0].lower().rstrip("."), b[0].lower().rstrip(".")
    return (
        first_a == first_b
        or (len(first_a) == 1 and first_b.startswith(first_a))
        or (len(first_b) == 1 and first_a.startswith(first_b))
    )


def _mint(entity: Entity, store: GraphStore, iris: Iris, minted: set[str]) -> URIRef:
    base = slugify(entity.label)
    candidates = [base, f"{base}-{entity.type.lower()}"]
    candidates += [f"{base}-{entity.type.lower()}-{n}" for n in range(2, 1000)]
    for slug in candidates:
        iri = iris.entity(slug)
        if str(iri) not in minted and not store.ask(_TAKEN, {"iri": IRI(str(iri))}):
            return iri
    raise RuntimeError(f"no free IRI for {entity.label!r}")  # pragma: no cover
