"""Pronouns and descriptions to the entities they stand for, inside one article.

- "the country", "the nation" -> the last country named before;
- "the personnel", "the ministry" -> the last collective or organisation with
  that head noun;
- "the self-proclaimed interim president" -> the person who was given that role
  (by a title, an apposition or a self-designation);
- he / she / they (and his, her, their ...) -> the most salient earlier actor
  that agrees in gender and number: subjects before other mentions, the same
  and previous sentences before older ones. A person's gender comes from the
  article itself: gendered titles ("spokeswoman"), honorifics ("Mrs"), and the
  pronouns already resolved to them.

Resolution is recorded in the ``EntityTable`` (``table.refer``); pronouns never
become entities of their own.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from kg.lexicon import institutions, roles
from kg.resolve.in_article import EntityTable

MALE = {"he", "him", "his", "himself"}
FEMALE = {"she", "her", "hers", "herself"}
PLURAL = {"they", "them", "their", "theirs", "themselves"}
COUNTRY_NOUNS = {"country", "nation"}
HONORIFICS = {
    "mr": "male",
    "mr.": "male",
    "mrs": "female",
    "mrs.": "female",
    "ms": "female",
    "ms.": "female",
    "miss": "female",
    "sir": "male",
    "madam": "female",
}
SENTENCE_WINDOW = 3


def resolve_references(
    doc: Doc, table: EntityTable, body_start: int = 0, pronouns: bool = True
) -> None:
    """Resolve the pronouns and definite descriptions of the body, in text order.

    Run once with ``pronouns=False`` before roles are known (for "the country"),
    and again afterwards: tokens already resolved are left as they are.
    """
    _honorific_genders(doc, table)
    for token in doc:
        if token.idx < body_start or table.entity_at(token) is not None:
            continue
        lower = token.lower_
        if token.pos_ == "PRON" and lower in MALE | FEMALE | PLURAL:
            if pronouns:
                _pronoun(doc, table, token)
        elif token.pos_ == "NOUN" and _is_definite(token):
            _description(doc, table, token)


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
                gender = HONORIFICS.get(doc[mention.start - 1].lower_)
                if gender:
                    entity.gender = gender
                    break


def _earlier_mentions(doc: Doc, table: EntityTable, token: Token) -> list[tuple[int, str, bool]]:
    """(token index, entity id, is subject) of resolved tokens before ``token``
    within the sentence window, most recent first."""
    sent_starts = [s.start for s in doc.sents if s.start <= token.i]
    window_start = sent_starts[-SENTENCE_WINDOW] if len(sent_starts) >= SENTENCE_WINDOW else 0
    found = []
    seen_heads: set[tuple[int, str]] = set()
    for i in range(token.i - 1, window_start - 1, -1):
        entity_id = table.entity_at(doc[i])
        if entity_id is None:
            continue
        head = doc[i]
        while head.head.i != head.i and table.entity_at(head.head) == entity_id:
            head = head.head
        if (head.i, entity_id) in seen_heads:
            continue
        seen_heads.add((head.i, entity_id))
        found.append((i, entity_id, head.dep_ in {"nsubj", "nsubjpass"}))
    return found


def _pronoun(doc: Doc, table: EntityTable, token: Token) -> None:
    lower = token.lower_
    candidates = []
    for i, entity_id, is_subject in _earlier_mentions(doc, table, token):
        entity = table[entity_id]
        if lower in PLURAL:
            if entity.type not in {"Group", "Organization", "Country"}:
                continue
        else:
            if entity.type != "Person":
                continue
            wanted = "male" if lower in MALE else "female"
            if entity.gender and entity.gender != wanted:
                continue
        same_sentence = doc[i].sent.start == token.sent.start
        score = (is_subject, same_sentence or is_subject, i)
        candidates.append((score, entity_id))
    if candidates:
        best = max(candidates)[1]
        table.refer(token, best)
        entity = table[best]
        if entity.type == "Person" and entity.gender is None and lower not in PLURAL:
            entity.gender = "male" if lower in MALE else "female"


def _description(doc: Doc, table: EntityTable, token: Token) -> None:
    lemma = token.lemma_.lower()
    if lemma in COUNTRY_NOUNS:
        named = [c for c in _all_before(doc, table, token) if table.is_named(doc[c[0]])]
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
                _all_before(doc, table, token),
                lambda e, p=phrase: e.type == "Person" and any(r.endswith(p) for r in e.roles),
            )
            return
    entry = institutions().get(lemma)
    if entry is not None:
        label = entry.label.lower()
        _refer_first(
            table,
            token,
            _all_before(doc, table, token),
            lambda e: (
                e.type == entry.type
                and (e.label.lower().endswith(label) or e.label.lower().endswith(lemma))
            ),
        )


def _all_before(doc: Doc, table: EntityTable, token: Token) -> list[tuple[int, str, bool]]:
    found = []
    for i in range(token.i - 1, -1, -1):
        entity_id = table.entity_at(doc[i])
        if entity_id is not None:
            found.append((i, entity_id, False))
    return found


def _refer_first(table: EntityTable, token: Token, candidates, accept) -> None:
    for _, entity_id, _ in candidates:
        if accept(table[entity_id]):
            table.refer(token, entity_id)
            return
