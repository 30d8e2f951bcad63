"""Inside one article: which mentions name the same entity, and what each
pronoun or description refers to.

``build_table`` clusters mentions into entities ("Lavrov", "Sergey Lavrov"
and "Russian Foreign Minister Sergey Lavrov" are one person; "US" and "the
United States" one country; "Trump" tagged as an organisation joins the person
Donald Trump) and returns an ``EntityTable``: the map from tokens to entities
that every relation extractor asks "who is this?".

Persons are merged on full-name evidence only: a bare surname joins the
nearest earlier full name that ends with it; two full names with different
first names stay apart ("Donald Trump", "Ivanka Trump"). Names the text
itself gives as one entity's are merged: "the International Monetary Fund
(IMF)", "X, formerly known as Y" (``kg.resolve.aliases``). A person's gender is
read from the article: a first name, a title ("spokeswoman"), an honorific.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from kg.extract.mentions import Mention
from kg.lexicon import gazetteer, seats_of_power
from kg.read.loader import slugify
from kg.resolve.aliases import alias_pairs, is_abbreviation
from kg.resolve.name_types import gender_of
from kg.resolve.names import compatible, surname

ACTOR_TYPES = {"Person", "Organization", "Country", "Group"}
COLLECTIVE_HEADS = {"group", "number", "team", "delegation", "contingent", "batch", "unit"}


@dataclass
class EntityDraft:
    """An entity while the article is being read (mutable; frozen at the end)."""

    key: str
    type: str
    label: str
    mentions: list[Mention] = field(default_factory=list)
    country: str | None = None
    sector: str | None = None
    identifiers: tuple[str, ...] = ()
    roles: list[str] = field(default_factory=list)
    gender: str | None = None
    id: str = ""

    @property
    def aliases(self) -> list[str]:
        seen: dict[str, None] = {}
        for mention in self.mentions:
            named = mention.is_name or mention.type in {"Group", "Organization"}
            if named and mention.text != self.label:
                seen.setdefault(mention.text, None)
        return list(seen)


class EntityTable:
    """Entities of one article and the tokens that refer to them.

    ``entity_at(token)`` answers for names, pronouns and descriptions alike;
    ``actor_at(token)`` also reads a capital or seat of power that acts as
    its government ("Moscow said" -> Russia) and "a group of X" as X.
    """

    def __init__(self, doc: Doc, entities: list[EntityDraft]) -> None:
        self.doc = doc
        self.entities = entities
        self._by_id = {e.id: e for e in entities}
        self._token: dict[int, str] = {}
        self._head: dict[int, str] = {}
        self._named: set[int] = set()
        for entity in entities:
            for mention in entity.mentions:
                for i in range(mention.start, mention.end):
                    self._token[i] = entity.id
                    if mention.is_name:
                        self._named.add(i)
                self._head[mention.head] = entity.id
        self._references: dict[int, str] = {}

    def __getitem__(self, entity_id: str) -> EntityDraft:
        return self._by_id[entity_id]

    def __contains__(self, entity_id: str) -> bool:
        return entity_id in self._by_id

    def is_named(self, token: Token) -> bool:
        """Whether ``token`` is part of a proper name (not a demonym or a noun)."""
        return token.i in self._named

    def refer(self, token: Token, entity_id: str) -> None:
        """Record that ``token`` (a pronoun or description) refers to an entity."""
        self._references[token.i] = entity_id

    def referent(self, token: Token) -> str | None:
        """The entity a pronoun or description refers to, if resolved."""
        return self._references.get(token.i)

    def entity_at(self, token: Token) -> str | None:
        """The entity this token names or refers to, if any."""
        if token.i in self._references:
            return self._references[token.i]
        if token.i in self._head:
            return self._head[token.i]
        if token.i in self._token:
            return self._token[token.i]
        return None

    def actor_at(self, token: Token) -> str | None:
        """The actor a noun phrase headed by ``token`` denotes, or None.

        Relative pronouns take their antecedent ("the United States, which
        has ..."); "a group of Russian servicemen" is the servicemen; a
        capital or a seat of power that acts is its country's government.
        """
        if token.tag_ in {"WDT", "WP"} and token.head.dep_ == "relcl":
            return self.actor_at(token.head.head)
        entity_id = self.entity_at(token)
        if entity_id is None and token.lemma_.lower() in COLLECTIVE_HEADS:
            for prep in token.children:
                if prep.dep_ == "prep" and prep.lower_ == "of":
                    for pobj in prep.children:
                        if pobj.dep_ == "pobj":
                            return self.actor_at(pobj)
        if entity_id is None:  # "the leader of the opposition, Juan Guaido"
            for child in token.children:
                if child.dep_ == "appos" and self.entity_at(child) is not None:
                    return self.actor_at(child)
            return None
        return self.as_actor(entity_id)

    def as_actor(self, entity_id: str) -> str | None:
        """The entity itself when it can act, else its government (a capital or
        seat of power stands for its country); None for other places."""
        entity = self._by_id[entity_id]
        if entity.type in ACTOR_TYPES:
            return entity_id
        if entity.type == "City":
            country = gazetteer.capital_of(entity.label)
            if country is not None:
                return self.country_entity(country.iso3)
        return None

    def country_entity(self, iso3: str) -> str:
        """The id of the article's entity for this country, created when missing."""
        for entity in self.entities:
            if entity.type == "Country" and entity.country == iso3:
                return entity.id
        info = gazetteer.country_by_code(iso3)
        draft = EntityDraft(
            key=f"country:{iso3}",
            type="Country",
            label=info.name if info else iso3,
            country=iso3,
            identifiers=info.identifiers if info else (),
        )
        draft.id = _unique_id(draft, {e.id for e in self.entities})
        self.entities.append(draft)
        self._by_id[draft.id] = draft
        return draft.id

    def entity_for(self, key: str, type_: str, label: str, **attributes: object) -> str:
        """The id of the article's entity with this cluster key ("org:labour party"),
        created without mentions when missing: an actor that the text names only
        by an adjective or a code ("Republican Senator X", "(D-Calif.)")."""
        for entity in self.entities:
            if entity.key == key:
                return entity.id
        draft = EntityDraft(key=key, type=type_, label=label, **attributes)  # type: ignore[arg-type]
        draft.id = _unique_id(draft, {e.id for e in self.entities})
        self.entities.append(draft)
        self._by_id[draft.id] = draft
        return draft.id

    def add_nested_mention(self, entity_id: str, start: int, end: int) -> None:
        """Record tokens ``[start, end)`` inside another entity's name as a
        mention of ``entity_id`` ("U.S." in "the U.S. Congress" names the United
        States), for provenance; token lookups still answer the enclosing name."""
        draft = self._by_id[entity_id]
        if any(m.start == start and m.end == end for m in draft.mentions):
            return
        span = self.doc[start:end]
        draft.mentions.append(
            Mention(start, end, span.text, draft.type, draft.key, span.root.i, is_name=False)
        )
        draft.mentions.sort(key=lambda m: m.start)

    def mentions_in(self, start: int, end: int) -> list[str]:
        """Entity ids named by tokens in ``[start, end)``, in order, once each."""
        found: dict[str, None] = {}
        for i in range(start, end):
            entity_id = self._references.get(i) or self._token.get(i)
            if entity_id:
                found.setdefault(entity_id, None)
        return list(found)


def build_table(doc: Doc, mentions: list[Mention]) -> EntityTable:
    """Cluster ``mentions`` into entities and index them by token."""
    drafts: dict[str, EntityDraft] = {}
    surname_owner: dict[str, str] = {}
    for mention in mentions:
        key = _cluster_key(mention, drafts, surname_owner)
        draft = drafts.get(key)
        if draft is None:
            draft = drafts[key] = EntityDraft(
                key=key,
                type=mention.type,
                label=mention.label or mention.text,
                country=mention.country,
                sector=mention.sector,
                identifiers=mention.identifiers,
            )
        _absorb(draft, mention)
        if mention.type == "Person" and len(mention.text.split()) > 1:
            surname_owner[surname(mention.text)] = key
    _merge_aliases(doc, mentions, drafts)
    entities = _merge_organisations(list(drafts.values()))
    used: set[str] = set()
    for entity in entities:
        entity.id = _unique_id(entity, used)
        used.add(entity.id)
    return EntityTable(doc, entities)


def _normal(text: str) -> str:
    return gazetteer.normalise(text)


def _cluster_key(
    mention: Mention, drafts: dict[str, EntityDraft], surname_owner: dict[str, str]
) -> str:
    """Persons: a bare surname joins the nearest earlier full name ending with it
    (or the one a later full name brings); full names join when compatible
    (both forms in one article are evidence for a middle initial)."""
    if mention.type != "Person":
        return mention.key
    words = mention.text.split()
    if len(words) == 1:
        owner = surname_owner.get(surname(mention.text))
        if owner is not None:
            return owner
        for key, draft in drafts.items():
            if draft.type == "Person" and surname(draft.label) == surname(mention.text):
                return key
        return mention.key
    for key, draft in drafts.items():
        if draft.type == "Person" and compatible(draft.label, mention.text, evidence=True):
            return key
    return mention.key


def _absorb(draft: EntityDraft, mention: Mention) -> None:
    draft.mentions.append(mention)
    if mention.type == "Person" and draft.type != "Person":
        draft.type = "Person"
    if draft.type == "Person" and draft.gender is None:
        words = mention.text.split()
        draft.gender = mention.extra.get("gender") or (
            gender_of(words[0]) if len(words) > 1 else None
        )
    longer_name = draft.type == "Person" and len(mention.text.split()) > len(draft.label.split())
    fuller_org = (
        draft.type == "Organization"
        and mention.is_name
        and (len(mention.text) > len(draft.label) or not draft.mentions[0].is_name)
    )
    if longer_name or fuller_org:
        draft.label = mention.text
    draft.country = draft.country or mention.country
    draft.sector = draft.sector or mention.sector
    draft.identifiers = draft.identifiers or mention.identifiers


def _merge_aliases(doc: Doc, mentions: list[Mention], drafts: dict[str, EntityDraft]) -> None:
    """ "the International Monetary Fund (IMF)", "X, formerly known as Y": one
    entity (``kg.resolve.aliases``), of the type the text itself gives."""
    owner = {id(m): key for key, draft in drafts.items() for m in draft.mentions}
    for first, second in alias_pairs(doc, mentions):
        a, b = owner.get(id(first)), owner.get(id(second))
        if a is None or b is None or a == b:
            continue
        target, source = drafts[a], drafts.pop(b)
        kind = _alias_type(target, source)
        target.type = kind
        for mention in source.mentions:
            mention.type = kind
            _absorb(target, mention)
            owner[id(mention)] = a
        target.mentions.sort(key=lambda m: m.start)


def _alias_type(first: EntityDraft, second: EntityDraft) -> str:
    """The type of two names of one entity: the one the text gives over the
    model's guess; when both are guesses, an organisation for an abbreviation
    ("PAN" as a place), else the first name's ("Ana Ruiz, known as Chela")."""
    if first.type == second.type:
        return first.type
    known = [d.type for d in (first, second) if not all(m.typed_by_model for m in d.mentions)]
    if len(known) == 1:
        return known[0]
    if any(is_abbreviation(d.label) for d in (first, second)):
        return "Organization"
    return first.type


def _merge_organisations(entities: list[EntityDraft]) -> list[EntityDraft]:
    """ "Foreign Ministry" joins "Russian Foreign Ministry" when it is the only
    organisation whose name ends with it."""
    orgs = [e for e in entities if e.type == "Organization"]
    merged: set[int] = set()
    for short in orgs:
        words = _normal(short.label).split()
        longer = [
            o
            for o in orgs
            if o is not short
            and id(o) not in merged
            and _normal(o.label).split()[-len(words) :] == words
            and len(_normal(o.label).split()) > len(words)
        ]
        if len(longer) == 1 and not _is_seat(short.label):
            target = longer[0]
            for mention in short.mentions:
                _absorb(target, mention)
            target.mentions.sort(key=lambda m: m.start)
            merged.add(id(short))
    return [e for e in entities if id(e) not in merged]


def _is_seat(label: str) -> bool:
    return _normal(label) in seats_of_power()


def _unique_id(entity: EntityDraft, used: set[str]) -> str:
    base = slugify(entity.label)
    candidate, n = base, 2
    while candidate in used:
        candidate = f"{base}-{n}"
        n += 1
    return candidate
