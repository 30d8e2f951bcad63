"""Statements: who said what, direct, reported or mixed.

A statement is found from a speech cue (``speech_cues.tsv``):

- a cue verb with a clausal complement: "Lavrov noted that ...",
  "... , Foreign Minister Sergey Lavrov said", '"We have explained ...,"
  Lavrov said' (the complement is the content);
- "according to X, ..." (X is the speaker of the rest of the sentence).

The speaker is the resolved entity of the cue's subject (a pronoun resolves
to its person); an unnamed source ("a diplomatic source in Caracas") is kept
as ``speaker_text`` with no entity. The kind comes from quote marks: all of
the content quoted is direct, part of it mixed, none reported. The content
never reaches outside the cue's own sentence (plus a quotation it opens or
closes), so a phrase is never attributed to the speaker of a neighbouring
sentence.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from spacy.tokens import Doc, Token

from kg.extract.evidence import sentence_of, token_span, trimmed
from kg.extract.time import time_of
from kg.lexicon import speech_cues
from kg.models import Span, Statement
from kg.nlp.quotes import quote_spans
from kg.resolve.in_article import EntityTable

VERSION = "1"
CONTENT_DEPS = {"ccomp"}
SUBJECT_DEPS = {"nsubj"}


def statements(
    doc: Doc, table: EntityTable, published: date | None, body_start: int = 0
) -> Iterator[Statement]:
    """Every statement in the body, in text order."""
    quotes = [q for q in quote_spans(doc.text) if q[0] >= body_start]
    cues = speech_cues()
    for token in doc:
        if token.idx < body_start or any(s < token.idx < e for s, e in quotes):
            continue  # a cue inside a quotation belongs to the quoted words
        lemma = token.lemma_.lower()
        if token.pos_ in {"VERB", "AUX"} and (lemma, "VERB") in cues:
            found = _from_verb(doc, table, token, cues[(lemma, "VERB")], quotes, published)
            if found is not None:
                yield found
        elif lemma == "accord" and token.dep_ == "prep":
            found = _according_to(doc, table, token, quotes, published)
            if found is not None:
                yield found


def _from_verb(
    doc: Doc,
    table: EntityTable,
    verb: Token,
    prior: float,
    quotes: list[tuple[int, int]],
    published: date | None,
) -> Statement | None:
    if any(c.dep_ == "neg" for c in verb.children):
        return None
    content_root = next((c for c in verb.children if c.dep_ in CONTENT_DEPS), None)
    if content_root is None:
        return None
    content = _content_span(doc, content_root, quotes)
    if content is None:
        return None
    subject = speaker_token_of(verb)
    speaker, speaker_span = _speaker(table, subject)
    confidence = prior * (1.0 if speaker else 0.8)
    return Statement(
        speaker=speaker,
        speaker_span=speaker_span,
        cue=token_span(verb, verb),
        kind=_kind(content, quotes),
        content=content,
        evidence=sentence_of(verb),
        confidence=round(confidence, 3),
        rule=f"statements.cue-verb/{VERSION}",
        time=time_of(verb, published),
    )


def speaker_token_of(verb: Token) -> Token | None:
    """The subject of a speech verb, or of the verb it is coordinated with."""
    for child in verb.children:
        if child.dep_ in SUBJECT_DEPS:
            return child
    if verb.dep_ in {"conj", "xcomp", "advcl"}:
        return speaker_token_of(verb.head)
    return None


def _speaker(table: EntityTable, subject: Token | None) -> tuple[str | None, Span | None]:
    if subject is None:
        return None, None
    entity_id = table.actor_at(subject)
    if entity_id is None:  # "Venezuelan media reports": the media
        entity_id = next(
            (
                table.actor_at(c)
                for c in subject.children
                if c.dep_ == "compound" and table.actor_at(c)
            ),
            None,
        )
    if entity_id is not None and subject.pos_ == "PRON" and subject.tag_ not in {"WP", "WDT"}:
        return entity_id, token_span(subject, subject)
    left, right = subject.left_edge, subject.right_edge
    return entity_id, token_span(left, right)


def _content_span(doc: Doc, root: Token, quotes: list[tuple[int, int]]) -> Span | None:
    tokens = [t for t in root.subtree]
    while tokens and (tokens[0].is_punct and not tokens[0].is_quote or tokens[0].dep_ == "mark"):
        tokens.pop(0)
    while tokens and tokens[-1].is_punct and not tokens[-1].is_quote:
        tokens.pop()
    if not tokens:
        return None
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    for q_start, q_end in quotes:  # a quotation the content opens or closes is whole
        if q_start < end and start < q_end:
            start, end = min(start, q_start), max(end, q_end)
    span = trimmed(doc.text, start, end)
    stripped = span.text.rstrip(",;:")
    return Span(span.start, span.start + len(stripped), stripped) if stripped else None


def _kind(content: Span, quotes: list[tuple[int, int]]) -> str:
    inside = 0
    letters = 0
    for i, ch in enumerate(content.text, start=content.start):
        if ch.isalnum():
            letters += 1
            if any(s < i < e for s, e in quotes):
                inside += 1
    if letters and inside >= 0.9 * letters:
        return "direct"
    return "mixed" if inside else "reported"


def _according_to(
    doc: Doc,
    table: EntityTable,
    accord: Token,
    quotes: list[tuple[int, int]],
    published: date | None,
) -> Statement | None:
    to = next((c for c in accord.children if c.lower_ == "to"), None)
    source = next((c for c in to.children if c.dep_ == "pobj"), None) if to else None
    if source is None:
        return None
    clause = accord.head
    tokens = [t for t in clause.subtree if not (accord.left_edge.i <= t.i <= accord.right_edge.i)]
    while tokens and tokens[0].is_punct:
        tokens.pop(0)
    while tokens and tokens[-1].is_punct and not tokens[-1].is_quote:
        tokens.pop()
    if not tokens:
        return None
    content = trimmed(doc.text, tokens[0].idx, tokens[-1].idx + len(tokens[-1].text))
    speaker, speaker_span = _speaker(table, source)
    cue = token_span(accord, to)
    return Statement(
        speaker=speaker,
        speaker_span=speaker_span,
        cue=cue,
        kind=_kind(content, quotes),
        content=content,
        evidence=sentence_of(accord),
        confidence=round(
            speech_cues().get(("according to", "ADP"), 0.9) * (1.0 if speaker else 0.8), 3
        ),
        rule=f"statements.according-to/{VERSION}",
        time=time_of(clause, published),
    )
