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

Lookups go through ``kg.resolve.name_index`` (the stored names in memory,
checked against the store before use), so ingesting n articles stays linear.
"""

from __future__ import annotations

from rdflib import URIRef

from kg.models import Entity, Extraction
from kg.rdf.iris import Iris
from kg.read.loader import slugify
from kg.resolve.name_index import TYPE_OF_CLASS, NameIndex
from kg.resolve.names import compatible, fullness, surname
from kg.resolve.overrides import NO_OVERRIDES, IdentityOverrides
from kg.store import IRI, GraphStore
from kg.store.bindings import to_term

RENAMED_TYPES = {"Person", "Organization", "Group"}
"""Types whose IRI follows the fullest name known (others keep theirs)."""
TYPE_PRIORITY = ("Country", "City", "Region", "Organization", "Person", "Group", "Place", "Other")
_REPOINT = """DELETE {{ GRAPH ?g {{ {old} ?p ?o }} }} INSERT {{ GRAPH ?g {{ {new} ?p ?o }} }}
WHERE {{ GRAPH ?g {{ {old} ?p ?o }} }} ;
DELETE {{ GRAPH ?g {{ ?s ?p {old} }} }} INSERT {{ GRAPH ?g {{ ?s ?p {new} }} }}
WHERE {{ GRAPH ?g {{ ?s ?p {old} }} }}"""
_DESCRIBE = """SELECT ?class ?label WHERE {{ GRAPH {graph} {{
  {entity} a ?class . OPTIONAL {{ {entity} <http://www.w3.org/2004/02/skos/core#prefLabel> ?label }}
}} }}"""


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
    index = NameIndex.of(store, str(iris.entities_graph()))
    resolver = _Resolver(store, iris, overrides, index)
    for entity in extraction.entities:
        resolver.assigned[entity.id] = resolver.resolve(entity)
    for entity in extraction.entities:
        names = [entity.label, *entity.aliases]
        index.add(resolver.assigned[entity.id], entity.type, names, entity.identifiers)
    return {key: URIRef(iri) for key, iri in resolver.assigned.items()}


def settle(store: GraphStore, iris: Iris, iri: str, label: str, type_: str) -> str:
    """The IRI a stored entity should have now that ``label`` is the fullest
    name the stored articles give it; re-pointed in every graph when it
    differs. After an article is deleted, this undoes the re-pointing its
    fuller name caused, so the IRIs are those the remaining articles give.
    """
    if type_ not in RENAMED_TYPES:
        return iri
    index = NameIndex.of(store, str(iris.entities_graph()))
    resolver = _Resolver(store, iris, NO_OVERRIDES, index)
    wanted = resolver._slug_iri(label, type_, exclude=iri)
    if wanted != iri:
        resolver._repoint(iri, wanted)
    index.refresh(wanted)
    return wanted


class _Resolver:
    def __init__(
        self, store: GraphStore, iris: Iris, overrides: IdentityOverrides, index: NameIndex
    ) -> None:
        self.store = store
        self.iris = iris
        self.overrides = overrides
        self.index = index
        self.pending: dict[str, tuple[str, str]] = {}  # IRI minted in this article -> (type, label)
        self.assigned: dict[str, str] = {}  # entity id -> IRI, kept right when IRIs move

    # ------------------------------------------------------------ finding

    def resolve(self, entity: Entity) -> str:
        entry = self.overrides.entry_for([entity.label, *entity.aliases])
        if entry is not None:
            stored = self.index.named(entity.type, entry.label)
            return stored[0] if stored else self._mint(entry.label, entity.type)
        found = self._existing(entity)
        if found is None:
            return self._mint(entity.label, entity.type)
        return self._with_fullest_label(found, entity)

    def _existing(self, entity: Entity) -> str | None:
        for identifier in entity.identifiers:
            stored = self.index.with_id(entity.type, identifier)
            if stored:
                return stored[0]
        for iri, (type_, label) in self.pending.items():  # minted earlier in this article
            if type_ == entity.type and label.lower() == entity.label.lower():
                return iri
        names = [entity.label, *entity.aliases]
        if entity.type == "Person":  # a bare surname is no evidence by itself
            names = [n for n in names if len(n.split()) > 1]
        for name in names:
            stored = self.index.named(entity.type, name)
            joinable = [iri for iri in stored if self._may_join(entity, iri, True)]
            if len(joinable) == 1:
                return joinable[0]
        return self._by_surname(entity) if entity.type == "Person" else None

    def _by_surname(self, entity: Entity) -> str | None:
        """A bare surname joins the one full name that ends with it; a full name
        joins a bare surname when it is the only full name with that surname."""
        stored = self.index.with_surname(surname(entity.label))
        full = [iri for iri in stored if len((self.index.label(iri) or "").split()) > 1]
        bare = [iri for iri in stored if len((self.index.label(iri) or "").split()) == 1]
        joinable = [iri for iri in full if self._may_join(entity, iri, False)]
        if len(joinable) == 1:
            return joinable[0]
        if len(entity.label.split()) == 1:
            return bare[0] if len(bare) == 1 else None
        if not full and len(bare) == 1 and self._may_join(entity, bare[0], False):
            return bare[0]
        return None

    def _may_join(self, entity: Entity, iri: str, evidence: bool) -> bool:
        """Whether ``entity`` may be the stored entity ``iri``: no name conflict
        (persons), and no ``distinct`` group of the identity file between them."""
        names = [entity.label, *entity.aliases]
        if self.overrides.are_distinct(names, self.index.names.get(iri, ())):
            return False
        if entity.type != "Person":
            return True
        return compatible(self.index.label(iri) or "", entity.label, evidence)

    # ------------------------------------------------------------ minting

    def _with_fullest_label(self, iri: str, entity: Entity) -> str:
        """The stored entity, re-pointed to the IRI of a fuller name when this
        article gives one (the entities graph then prefers that name too)."""
        label = self.index.label(iri)
        if label is None or entity.type not in RENAMED_TYPES:
            return iri
        best = max(label, entity.label, key=fullness)
        wanted = self._slug_iri(best, entity.type, exclude=iri) if best != label else iri
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
        graph = to_term(IRI(str(self.iris.entities_graph())))
        # terms written in, not bound: Oxigraph then reads them through its indexes
        for row in self.store.select(_DESCRIBE.format(graph=graph, entity=to_term(IRI(iri)))):
            type_ = TYPE_OF_CLASS.get(str(row["class"]))
            if type_ is not None:
                return type_, self.index.label(iri) or (str(row["label"]) if row["label"] else None)
        return None

    def _repoint(self, old: str, new: str) -> None:
        if old in self.pending:
            self.pending[new] = self.pending.pop(old)
        else:
            self.store.update(_REPOINT.format(old=to_term(IRI(old)), new=to_term(IRI(new))))
            self.index.move(old, new)
        for key, iri in self.assigned.items():
            if iri == old:
                self.assigned[key] = new


def _priority(type_: str) -> int:
    return TYPE_PRIORITY.index(type_) if type_ in TYPE_PRIORITY else len(TYPE_PRIORITY)
