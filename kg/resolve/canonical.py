"""Across articles: one canonical entity per real-world actor, with an IRI
that does not depend on the order in which articles arrive.

``canonical_iris`` maps each entity of a new extraction to the IRI of the
stored entity it names, or mints one:

- countries, cities and regions by their outside ids (ISO 3166, GeoNames);
- persons, organisations and groups by a label or alias of the same class; a
  person's bare surname ("Lavrov") joins the one stored person whose name
  ends with it, and a full name joins a stored bare surname when no other
  stored full name has that surname; first names must agree ("Donald Trump"
  never joins "Ivanka Trump"), and a middle name in one form only ("George
  Bush" / "George W. Bush") needs evidence: both forms in one article, or the
  user's identity file (``kg.resolve.overrides``), which also merges, splits
  and retypes entities.

IRIs are minted from the entity's *fullest* label (``entity/juan-guaido``),
never from whichever form came first: when a later article brings a fuller
name for a stored entity ("Juan Guaido" for a stored "Guaido"), the entity is
re-pointed to the IRI of the fuller name, in every graph. Two entities of
different types whose labels give the same slug share it by type priority
(a country keeps ``entity/georgia``, the US state becomes
``entity/georgia-region``), again whatever the order. So the same articles
give the same IRIs in any order, as long as the names are unambiguous (a bare
surname that two stored full names share stays an entity of its own).
"""

from __future__ import annotations

from rdflib import URIRef

from kg.models import Entity, Extraction
from kg.rdf.iris import Iris
from kg.rdf.vocab import ENTITY_CLASS
from kg.read.loader import slugify
from kg.resolve.names import compatible, fullness, surname
from kg.resolve.overrides import NO_OVERRIDES, IdentityOverrides
from kg.store import IRI, GraphStore
from kg.store.bindings import to_term

RENAMED_TYPES = {"Person", "Organization", "Group"}
"""Types whose IRI follows the fullest name known (others keep theirs)."""
TYPE_PRIORITY = ("Country", "City", "Region", "Organization", "Person", "Group", "Place", "Other")
TYPE_OF_CLASS = {str(cls): name for name, cls in ENTITY_CLASS.items()}
PREFIXES = """PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
"""
_BY_NAME = (
    PREFIXES
    + """SELECT DISTINCT ?e WHERE {
  ?e a ?class .
  { ?e skos:prefLabel ?l } UNION { ?e skos:altLabel ?l } UNION { ?e rdfs:label ?l }
  FILTER(LCASE(STR(?l)) = ?name)
} ORDER BY ?e LIMIT 5"""
)
_BY_SURNAME = (
    PREFIXES
    + """SELECT DISTINCT ?e ?l WHERE {
  ?e a ?class ; skos:prefLabel ?l .
  FILTER(STRENDS(LCASE(STR(?l)), ?suffix) || LCASE(STR(?l)) = ?name)
} ORDER BY ?e LIMIT 20"""
)
_BY_SAME_AS = PREFIXES + "SELECT ?e WHERE { ?e a ?class ; owl:sameAs ?id } ORDER BY ?e LIMIT 1"
_DESCRIBE = (
    PREFIXES
    + """SELECT ?class ?label WHERE {
  ?e a ?class . OPTIONAL { ?e skos:prefLabel ?label }
} LIMIT 1"""
)
_NAMES = (
    PREFIXES
    + """SELECT DISTINCT ?l WHERE {
  { ?e skos:prefLabel ?l } UNION { ?e skos:altLabel ?l } UNION { ?e rdfs:label ?l }
}"""
)
_REPOINT = """DELETE {{ GRAPH ?g {{ {old} ?p ?o }} }} INSERT {{ GRAPH ?g {{ {new} ?p ?o }} }}
WHERE {{ GRAPH ?g {{ {old} ?p ?o }} }} ;
DELETE {{ GRAPH ?g {{ ?s ?p {old} }} }} INSERT {{ GRAPH ?g {{ ?s ?p {new} }} }}
WHERE {{ GRAPH ?g {{ ?s ?p {old} }} }}"""
_RELABEL = """PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
DELETE {{ GRAPH ?g {{ {entity} skos:prefLabel ?l }} }}
INSERT {{ GRAPH ?g {{ {entity} skos:prefLabel {label} }} }}
WHERE {{ GRAPH ?g {{ {entity} skos:prefLabel ?l }} }}"""


def canonical_iris(
    extraction: Extraction,
    store: GraphStore,
    iris: Iris,
    overrides: IdentityOverrides = NO_OVERRIDES,
) -> dict[str, URIRef]:
    """Canonical IRI of every entity of ``extraction`` (article-local id -> IRI).

    Stored entities that this article names more fully, or whose slug a
    higher-priority type now claims, are re-pointed in the store first.
    """
    resolver = _Resolver(store, iris, overrides)
    for entity in extraction.entities:
        resolver.assigned[entity.id] = resolver.resolve(entity)
    return {key: URIRef(iri) for key, iri in resolver.assigned.items()}


def settle(store: GraphStore, iris: Iris, iri: str, label: str, type_: str) -> str:
    """The IRI a stored entity should have now that ``label`` is the fullest
    name the stored articles give it; re-pointed in every graph when it
    differs. After an article is deleted, this undoes the re-pointing its
    fuller name caused, so the IRIs are those the remaining articles give.
    """
    if type_ not in RENAMED_TYPES:
        return iri
    resolver = _Resolver(store, iris, NO_OVERRIDES)
    wanted = resolver._slug_iri(label, type_, exclude=iri)
    if wanted != iri:
        resolver._repoint(iri, wanted)
    return wanted


class _Resolver:
    def __init__(self, store: GraphStore, iris: Iris, overrides: IdentityOverrides) -> None:
        self.store = store
        self.iris = iris
        self.overrides = overrides
        self.pending: dict[str, tuple[str, str]] = {}  # IRI minted in this article -> (type, label)
        self.assigned: dict[str, str] = {}  # entity id -> IRI, kept right when IRIs move

    # ------------------------------------------------------------ finding

    def resolve(self, entity: Entity) -> str:
        entry = self.overrides.entry_for([entity.label, *entity.aliases])
        if entry is not None:
            rows = self.store.select(_BY_NAME, {"class": _cls(entity), "name": entry.label.lower()})
            if rows:
                return str(rows[0]["e"])
            return self._mint(entry.label, entity.type)
        found = self._existing(entity)
        if found is None:
            return self._mint(entity.label, entity.type)
        return self._with_fullest_label(found, entity)

    def _existing(self, entity: Entity) -> str | None:
        cls = _cls(entity)
        for identifier in entity.identifiers:
            rows = self.store.select(_BY_SAME_AS, {"class": cls, "id": IRI(identifier)})
            if rows:
                return str(rows[0]["e"])
        for iri, (type_, label) in self.pending.items():  # minted earlier in this article
            if type_ == entity.type and label.lower() == entity.label.lower():
                return iri
        names = [entity.label, *entity.aliases]
        if entity.type == "Person":  # a bare surname is no evidence by itself
            names = [n for n in names if len(n.split()) > 1]
        for name in names:
            rows = self.store.select(_BY_NAME, {"class": cls, "name": name.lower()})
            joinable = [str(r["e"]) for r in rows if self._may_join(entity, str(r["e"]), True)]
            if len(joinable) == 1:
                return joinable[0]
        return self._by_surname(entity) if entity.type == "Person" else None

    def _by_surname(self, entity: Entity) -> str | None:
        """A bare surname joins the one full name that ends with it; a full name
        joins a bare surname when it is the only full name with that surname."""
        last = surname(entity.label)
        rows = self.store.select(
            _BY_SURNAME, {"class": _cls(entity), "suffix": f" {last}", "name": last}
        )
        full = [str(r["e"]) for r in rows if len(str(r["l"]).split()) > 1]
        bare = [str(r["e"]) for r in rows if len(str(r["l"]).split()) == 1]
        if len(entity.label.split()) == 1:
            joinable = [iri for iri in full if self._may_join(entity, iri, False)]
            if len(joinable) == 1:
                return joinable[0]
            return bare[0] if len(bare) == 1 else None
        joinable = [iri for iri in full if self._may_join(entity, iri, False)]
        if len(joinable) == 1:
            return joinable[0]
        if not full and len(bare) == 1 and self._may_join(entity, bare[0], False):
            return bare[0]
        return None

    def _may_join(self, entity: Entity, iri: str, evidence: bool) -> bool:
        """Whether ``entity`` may be the stored entity ``iri``: no name conflict
        (persons), and no ``distinct`` group of the identity file between them."""
        stored = [str(r["l"]) for r in self.store.select(_NAMES, {"e": IRI(iri)})]
        names = [entity.label, *entity.aliases]
        if self.overrides.are_distinct(names, stored):
            return False
        if entity.type != "Person":
            return True
        label = self._label(iri) or ""
        return compatible(label, entity.label, evidence)

    # ------------------------------------------------------------ minting

    def _with_fullest_label(self, iri: str, entity: Entity) -> str:
        """The stored entity, re-pointed to the IRI of a fuller name when this
        article gives one."""
        label = self._label(iri)
        if label is None or entity.type not in RENAMED_TYPES:
            return iri
        best = max(label, entity.label, key=fullness)
        if best == label:
            return iri
        self._update(_RELABEL.format(entity=to_term(IRI(iri)), label=to_term(best)))
        wanted = self._slug_iri(best, entity.type, exclude=iri)
        if wanted != iri:
            self._repoint(iri, wanted)
        return wanted

    def _mint(self, label: str, type_: str) -> str:
        iri = self._slug_iri(label, type_)
        self.pending[iri] = (type_, label)
        return iri

    def _slug_iri(
        self, label: str, type_: str, exclude: str | None = None, skip_base: bool = False
    ) -> str:
        """The IRI an entity with this label and type should have (``exclude``:
        its own current IRI, free for it). A holder of the bare slug with a
        lower type priority is moved to its own type-qualified slug."""
        base = slugify(label)
        typed = f"{base}-{type_.lower()}"
        slugs = [base, typed, *(f"{typed}-{n}" for n in range(2, 1000))]
        for slug in slugs[1:] if skip_base else slugs:
            iri = str(self.iris.entity(slug))
            holder = self._holder(iri)
            if holder is None or iri == exclude:
                return iri
            if slug == base and _priority(type_) < _priority(holder[0]):
                moved = self._slug_iri(holder[1] or label, holder[0], skip_base=True)
                self._repoint(iri, moved)
                return iri
        raise RuntimeError(f"no free IRI for {label!r}")  # pragma: no cover

    def _holder(self, iri: str) -> tuple[str, str | None] | None:
        """(type, label) of the entity that has this IRI, if any."""
        if iri in self.pending:
            return self.pending[iri]
        rows = self.store.select(_DESCRIBE, {"e": IRI(iri)})
        for row in rows:
            type_ = TYPE_OF_CLASS.get(str(row["class"]))
            if type_ is not None:
                return type_, (str(row["label"]) if row["label"] is not None else None)
        return None

    def _label(self, iri: str) -> str | None:
        holder = self._holder(iri)
        return holder[1] if holder else None

    def _repoint(self, old: str, new: str) -> None:
        if old in self.pending:
            self.pending[new] = self.pending.pop(old)
        else:
            self._update(_REPOINT.format(old=to_term(IRI(old)), new=to_term(IRI(new))))
        for key, iri in self.assigned.items():
            if iri == old:
                self.assigned[key] = new

    def _update(self, update: str) -> None:
        self.store.update(update)


def _cls(entity: Entity) -> IRI:
    return IRI(str(ENTITY_CLASS[entity.type]))


def _priority(type_: str) -> int:
    return TYPE_PRIORITY.index(type_) if type_ in TYPE_PRIORITY else len(TYPE_PRIORITY)
