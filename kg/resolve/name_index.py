"""The stored entities' names, types and outside ids, indexed in memory.

Cross-article resolution asks, for every entity of every new article, "which
stored entity has this name / this surname / this GeoNames id?". Asked of the
store with a case-insensitive filter, each question scans every label, and
ingesting n articles costs O(n^2). The index answers from dictionaries: it is
read from the entities graph once per store, and the resolver adds what each
article brings and moves what it re-points.

The store stays the authority: a candidate the index proposes is checked with
one indexed ASK (the entity still has that type and that name) before it is
used, so an entity or a name removed since (``kg delete``, an update through
the SPARQL endpoint) is dropped from the index instead of being joined.
"""

from __future__ import annotations

import contextlib
import weakref
from collections import defaultdict
from collections.abc import Iterable

from kg.lexicon.gazetteer import normalise
from kg.rdf.vocab import ENTITY_CLASS
from kg.resolve.names import fullness, surname
from kg.store import IRI, GraphStore
from kg.store.bindings import to_term

TYPE_OF_CLASS = {str(cls): name for name, cls in ENTITY_CLASS.items()}
_SKOS = "http://www.w3.org/2004/02/skos/core#"
_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_SAME_AS = "http://www.w3.org/2002/07/owl#sameAs"
_ALL = (
    "SELECT ?e ?p ?o WHERE {{ GRAPH {graph} {{ ?e ?p ?o }} "
    f"FILTER(?p IN (<{_RDF_TYPE}>, <{_SAME_AS}>, <{_SKOS}prefLabel>, <{_SKOS}altLabel>)) }}}}"
)
_STILL_THERE = (
    "ASK {{ GRAPH {graph} {{ {entity} a {cls} . "
    "{{ {entity} <" + _SKOS + "prefLabel> {name} }} UNION "
    "{{ {entity} <" + _SKOS + "altLabel> {name} }} }} }}"
)

_DESCRIPTION = "SELECT ?p ?o WHERE {{ GRAPH {graph} {{ {entity} ?p ?o }} }}"

_INDEXES: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


class NameIndex:
    """Entities by (type, name), by surname (persons) and by outside id."""

    def __init__(self, store: GraphStore, graph: str) -> None:
        self.store = store
        self.graph = graph
        self.info: dict[str, tuple[str, str]] = {}  # IRI -> (type, preferred label)
        self.names: dict[str, set[str]] = defaultdict(set)  # IRI -> every name
        self.by_name: dict[tuple[str, str], set[str]] = defaultdict(set)
        self.by_surname: dict[str, set[str]] = defaultdict(set)
        self.by_id: dict[tuple[str, str], set[str]] = defaultdict(set)

    @classmethod
    def of(cls, store: GraphStore, graph: str) -> NameIndex:
        """The index of ``store``'s entities graph ``graph``, read on first use."""
        try:
            index = _INDEXES.get(store)
        except TypeError:  # a store that cannot be weakly referenced: no caching
            index = None
        if index is None or index.graph != graph:
            index = cls(store, graph)
            index._load()
            with contextlib.suppress(TypeError):
                _INDEXES[store] = index
        return index

    def _load(self) -> None:
        types: dict[str, str] = {}
        labels: dict[str, list[str]] = defaultdict(list)
        preferred: dict[str, str] = {}
        ids: dict[str, list[str]] = defaultdict(list)
        for row in self.store.select(_ALL.format(graph=to_term(IRI(self.graph)))):
            iri, predicate, value = str(row["e"]), str(row["p"]), str(row["o"])
            if predicate == _RDF_TYPE and value in TYPE_OF_CLASS:
                types[iri] = TYPE_OF_CLASS[value]
            elif predicate == _SAME_AS:
                ids[iri].append(value)
            else:
                labels[iri].append(value)
                if predicate.endswith("prefLabel"):
                    preferred[iri] = value
        for iri, type_ in types.items():
            self.add(iri, type_, [preferred.get(iri, ""), *labels[iri]], ids[iri])

    # ------------------------------------------------------------ changing

    def add(self, iri: str, type_: str, names: Iterable[str], ids: Iterable[str] = ()) -> None:
        """Record that ``iri`` is an entity of ``type_`` with these names and ids."""
        names = [n for n in names if n]
        known = self.names[iri]
        known.update(names)
        label = max(known, key=fullness) if known else ""
        self.info[iri] = (type_, label)
        for name in names:
            self.by_name[(type_, normalise(name))].add(iri)
        if type_ == "Person" and label:
            self.by_surname[surname(label)].add(iri)
        for identifier in ids:
            self.by_id[(type_, identifier)].add(iri)

    def move(self, old: str, new: str) -> None:
        """``old`` is now called ``new``."""
        if old not in self.info:
            return
        type_ = self.info[old][0]
        names = set(self.names[old])
        ids = [i for (t, i), iris in self.by_id.items() if t == type_ and old in iris]
        self.forget(old)
        self.add(new, type_, names, ids)

    def forget(self, iri: str) -> None:
        """Drop ``iri`` from every table."""
        self.info.pop(iri, None)
        self.names.pop(iri, None)
        for table in (self.by_name, self.by_surname, self.by_id):
            for iris in table.values():
                iris.discard(iri)

    # ------------------------------------------------------------ asking

    def named(self, type_: str, name: str) -> list[str]:
        """Stored entities of ``type_`` with this name (ignoring case and "the")."""
        key = (type_, normalise(name))
        self.confirmed(self.by_name.get(key, ()), type_)
        return sorted(self.by_name.get(key, ()))

    def with_surname(self, last: str) -> list[str]:
        """Stored persons whose preferred name ends with the surname ``last``."""
        self.confirmed(self.by_surname.get(last, ()), "Person")
        return sorted(self.by_surname.get(last, ()))

    def with_id(self, type_: str, identifier: str) -> list[str]:
        """Stored entities of ``type_`` that carry this outside id."""
        self.confirmed(self.by_id.get((type_, identifier), ()), type_)
        return sorted(self.by_id.get((type_, identifier), ()))

    def label(self, iri: str) -> str | None:
        return self.info[iri][1] if iri in self.info else None

    def type(self, iri: str) -> str | None:
        return self.info[iri][0] if iri in self.info else None

    def confirmed(self, iris: Iterable[str], type_: str) -> list[str]:
        """The candidates the store confirms, in a stable order; the others are
        read again from the store (an article deleted since may have taken some
        of their names, or all of them)."""
        found = []
        for iri in sorted(iris):
            # terms escaped by pyoxigraph and written in (not bound as VALUES), so
            # that Oxigraph answers from its indexes instead of scanning the graph
            query = _STILL_THERE.format(
                graph=to_term(IRI(self.graph)),
                entity=to_term(IRI(iri)),
                cls=to_term(IRI(str(ENTITY_CLASS[type_]))),
                name=to_term(self.label(iri) or ""),
            )
            if self.store.ask(query):
                found.append(iri)
            else:
                self.refresh(iri)
        return found

    def refresh(self, iri: str) -> None:
        """Read what the entities graph now says about ``iri`` (forget it when
        nothing)."""
        query = _DESCRIPTION.format(graph=to_term(IRI(self.graph)), entity=to_term(IRI(iri)))
        self.forget(iri)
        type_, labels, ids = None, [], []
        for row in self.store.select(query):
            predicate, value = str(row["p"]), str(row["o"])
            if predicate == _RDF_TYPE and value in TYPE_OF_CLASS:
                type_ = TYPE_OF_CLASS[value]
            elif predicate == _SAME_AS:
                ids.append(value)
            elif predicate.startswith(_SKOS):
                labels.append(value)
        if type_ is not None:
            self.add(iri, type_, labels, ids)
