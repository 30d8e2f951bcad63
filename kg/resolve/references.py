"""Pronouns and descriptions to the entities they stand for, inside one article.

- "the country", "the nation" -> the last country named before as a noun
  phrase of its own (not as a modifier: "US President Trump");
- "the personnel", "the ministry" -> the last collective or organisation with
  that head noun;
- "the self-proclaimed interim president" -> the person who was given that role
  (by a title, an apposition or a self-designation);
- he / she / they / its (and his, her, their, him, them ...) -> the most
  salient earlier actor that agrees in gender and number: subjects before
  other mentions, the same and previous sentences before older ones. A
  person's gender comes from the article itself: a first name, a gendered
  title ("spokeswoman"), an honorific ("Mrs"), and the pronouns already
  resolved to them. When no person comes before "he" or "his", the subject
  of its sentence that only the model typed as an organisation or a place is
  a person ("Maduro repeated his claim");
- inside a direct quotation, I / me / my are its speaker and we / us / our the
  speaker's side: the speaker itself when it is an organisation, a country or
  a group; for a person, the country of a state official, else the
  organisation the person holds a position in ("which we have delivered", in
  a Russian minister's quote, is Russia). This needs the statements, so
  ``resolve_quoted_speakers`` runs after them.

Resolution is recorded in the ``EntityTable`` (``table.refer``); pronouns never
become entities of their own. Each pass walks the body once and keeps the
resolved mentions met so far, so an article of n tokens costs O(n) plus a
bounded look-back per pronoun.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from functools import cache

from spacy.tokens import Doc, Token

from kg.lexicon import honorifics, institutions, roles
from kg.models import Relation, Statement
from kg.nlp.quotes import quote_spans
from kg.resolve.in_article import EntityTable

MALE = {"he", "him", "his", "himself"}
FEMALE = {"she", "her", "hers", "herself"}
PLURAL = {"they", "them", "their", "theirs", "themselves"}
NEUTER = {"its", "itself"}
REFLEXIVE = {"himself", "herself"}
FIRST_SINGULAR = {"i", "me", "my", "mine", "myself"}
FIRST_PLURAL = {"we", "us", "our", "ours", "ourselves"}
COUNTRY_NOUNS = {"country", "nation"}
SENTENCE_WINDOW = 3
STATE_SECTORS = {"government", "military", "diplomacy", "legislature", "police", "intelligence"}


def resolve_references(
    doc: Doc, table: EntityTable, body_start: int = 0, pronouns: bool = True
) -> None:
    """Resolve the pronouns and definite descriptions of the body, in text order.

    Run once with ``pronouns=False`` before roles are known (for "the country"),
    and again afterwards: tokens already resolved are left as they are.
    """
    _honorific_genders(doc, table)
    history = _History(doc)
    descriptions = _description_heads()
    third_person = MALE | FEMALE | PLURAL | NEUTER
    for token in doc:
        if token.idx < body_start:
            continue
        if table.entity_at(token) is None:
            lower = token.lower_
            if token.pos_ == "PRON" and lower in third_person:
                if pronouns:
                    _pronoun(doc, table, token, history)
            elif (
                token.pos_ == "NOUN"
                and (token.lemma_.lower() in descriptions or token.lower_ in descriptions)
                and _is_definite(token)
            ):
                _description(doc, table, token, history)
        entity_id = table.entity_at(token)
        if entity_id is not None:
            history.add(token, entity_id)


class _History:
    """The resolved tokens met so far, in text order, with sentence numbers."""

    def __init__(self, doc: Doc) -> None:
        self.sent_starts = [s.start for s in doc.sents]
        self.items: list[tuple[int, str]] = []  # (token index, entity id)

    def add(self, token: Token, entity_id: str) -> None:
        self.items.append((token.i, entity_id))

    def sentence(self, i: int) -> int:
        return bisect_right(self.sent_starts, i) - 1

    def window(self, token: Token) -> Iterable[tuple[int, str]]:
        """Resolved tokens of this and the previous sentences, most recent first."""
        first = self.sent_starts[max(0, self.sentence(token.i) - SENTENCE_WINDOW + 1)]
        for i, entity_id in reversed(self.items):
            if i < first:
                break
            yield i, entity_id

    def before(self) -> Iterable[tuple[int, str]]:
        """Every resolved token so far, most recent first."""
        return reversed(self.items)


@cache
def _description_heads() -> frozenset[str]:
    """Nouns that can head a description of an entity ("the ministry")."""
    return frozenset(COUNTRY_NOUNS | set(institutions()) | {r.split()[-1] for r in roles()})


def _is_definite(token: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ in {"the", "this", "that"} for c in token.children) or (
        any(c.dep_ == "amod" and c.lower_ == "self" for c in token.subtree)
    )


def _honorific_genders(doc: Doc, table: EntityTable) -> None:
    for entity in table.entities:
        if entity.type != "Person" or entity.gender:
            continue
        for mention in entity.mentions:
            if mention.start > 0:
                gender = honorifics().get(doc[mention.start - 1].lower_)
                if gender:
                    entity.gender = gender
                    break


def _earlier_mentions(
    doc: Doc, table: EntityTable, token: Token, history: _History
) -> list[tuple[int, str, bool]]:
    """(token index, entity id, is subject) of resolved tokens before ``token``
    within the sentence window, most recent first, one per phrase."""
    found = []
    seen_heads: set[tuple[int, str]] = set()
    for i, entity_id in history.window(token):
        head = doc[i]
        while head.head.i != head.i and table.entity_at(head.head) == entity_id:
            head = head.head
        if (head.i, entity_id) in seen_heads:
            continue
        seen_heads.add((head.i, entity_id))
        found.append((i, entity_id, head.dep_ in {"nsubj", "nsubjpass"}))
    return found


def _agrees(entity, lower: str) -> bool:
    if lower in PLURAL:
        return entity.type in {"Group", "Organization", "Country"}
    if lower in NEUTER:
        return entity.type in {"Organization", "Country"}
    if entity.type != "Person":
        return False
    wanted = "male" if lower in MALE else "female"
    return entity.gender is None or entity.gender == wanted


def _pronoun(doc: Doc, table: EntityTable, token: Token, history: _History) -> None:
    lower = token.lower_
    sentence = history.sentence(token.i)
    candidates = []
    for i, entity_id, is_subject in _earlier_mentions(doc, table, token, history):
        if lower in PLURAL | NEUTER:  # "Moscow ... its specialists": the country
            entity_id = table.as_actor(entity_id) or entity_id
        entity = table[entity_id]
        if not _agrees(entity, lower):
            continue
        same_sentence = history.sentence(i) == sentence
        known_gender = entity.gender is not None and entity.type == "Person"
        score = (is_subject, same_sentence or is_subject, known_gender, i)
        candidates.append((score, entity_id))
    if not candidates and (lower in REFLEXIVE or (lower in MALE | FEMALE and token.dep_ == "poss")):
        candidates = _mistyped_person(doc, table, token, history)
    if candidates:
        best = max(candidates)[1]
        table.refer(token, best)
        entity = table[best]
        if entity.type == "Person" and entity.gender is None and lower in MALE | FEMALE:
            entity.gender = "male" if lower in MALE else "female"


CLAUSES = {"ccomp", "advcl", "relcl", "csubj", "parataxis"}


def _mistyped_person(
    doc: Doc, table: EntityTable, token: Token, history: _History
) -> list[tuple[tuple, str]]:
    """ "Maduro repeated his claim": with no person before it, "his" is the subject
    of its own clause when only the model typed that name (an organisation or a
    place): the pronoun is the article's evidence that the name is a person.
    ("Acme said his offer ...": "his" is in another clause and stays open;
    "Acme hired her": an object is someone else.)"""
    verb = token.head
    while verb.pos_ not in {"VERB", "AUX"} and verb.dep_ not in CLAUSES and verb.head.i != verb.i:
        verb = verb.head
    subjects = {c.i for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}}
    for i, entity_id, is_subject in _earlier_mentions(doc, table, token, history):
        entity = table[entity_id]
        if not is_subject or not subjects.intersection(m.head for m in entity.mentions):
            continue
        if entity.type in {"Organization", "Place"} and all(
            m.is_name and m.typed_by_model for m in entity.mentions
        ):
            entity.type = "Person"
            for mention in entity.mentions:
                mention.type = "Person"
            entity.country = entity.sector = None
            return [((True, True, True, i), entity_id)]
    return []


def _description(doc: Doc, table: EntityTable, token: Token, history: _History) -> None:
    lemma = token.lemma_.lower()
    if lemma in COUNTRY_NOUNS:  # a country named as a noun phrase, not "US President"
        named = [
            c
            for c in history.before()
            if table.is_named(doc[c[0]]) and doc[c[0]].dep_ not in {"compound", "amod"}
        ]
        _refer_first(table, token, named, lambda e: e.type == "Country")
        return
    words = [c.lower_ for c in token.children if c.dep_ in {"amod", "compound"} and c.i < token.i]
    words = [w for w in words if w not in {"self", "-", "proclaimed"}] + [token.lower_]
    for k in range(len(words)):
        phrase = " ".join(words[k:])
        if phrase in roles():
            _refer_first(
                table,
                token,
                history.before(),
                lambda e, p=phrase: e.type == "Person" and any(r.endswith(p) for r in e.roles),
            )
            return
    entry = institutions().get(lemma)
    if entry is not None:
        label = entry.label.lower()
        _refer_first(
            table,
            token,
            history.before(),
            lambda e: (
                e.type == entry.type
                and (e.label.lower().endswith(label) or e.label.lower().endswith(lemma))
            ),
        )


def _refer_first(table: EntityTable, token: Token, candidates, accept) -> None:
    for _, entity_id, *_ in candidates:
        if accept(table[entity_id]):
            table.refer(token, entity_id)
            return


def resolve_quoted_speakers(
    doc: Doc, table: EntityTable, said: Iterable[Statement], relations: Iterable[Relation] = ()
) -> None:
    """First-person pronouns inside each statement's quotation: I / me / my are
    the speaker, we / us / our the speaker's side (see the module docstring)."""
    quotes = quote_spans(doc.text)
    affiliation: dict[str, str] = {}
    for relation in relations:
        if relation.predicate in {"holdsPosition", "memberOf"}:
            affiliation.setdefault(relation.subject, relation.object)
    for statement in said:
        if statement.speaker is None or statement.kind == "reported":
            continue
        side = _side_of(table, statement.speaker, affiliation)
        content = doc.char_span(
            statement.content.start, statement.content.end, alignment_mode="expand"
        )
        for token in content or ():
            lower = token.lower_
            if lower not in FIRST_SINGULAR | FIRST_PLURAL or table.entity_at(token) is not None:
                continue
            if not any(start < token.idx < end for start, end in quotes):
                continue
            target = statement.speaker if lower in FIRST_SINGULAR else side
            if target is not None:
                table.refer(token, target)


def _side_of(table: EntityTable, speaker: str, affiliation: dict[str, str]) -> str | None:
    """Who "we" is in a speaker's mouth."""
    entity = table[speaker]
    if entity.type != "Person":
        return speaker
    if entity.country and (entity.sector in STATE_SECTORS or speaker not in affiliation):
        return table.country_entity(entity.country)
    return affiliation.get(speaker)
