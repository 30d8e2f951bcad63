"""Statements: who said what, direct, reported or mixed.

A statement is found from a cue in ``speech_cues.tsv`` (a verb, a noun or a
preposition; each row says which *frames* give it its content):

- ``clause``: the cue's clausal complement — "Lavrov noted that ...",
  "Trump said Russia "needed to get out"" — or, for a parenthetical cue, the
  clause around it: "The plan, she said, is dead";
- ``quote``: a quotation next to the cue, with only the speaker, punctuation
  or the cue's own modifiers between — '"We agree," he told reporters',
  'She said: "We agree."';
- ``infinitive``: "vowed to fight on"; ``object``: "denied the report";
  ``predicative``: "called the plan a disaster";
- ``prep``: a phrase naming the source around the rest of the clause —
  "according to the ministry, ...", "in her view, ...".

When the parser attaches a cue elsewhere, the news order "CLAUSE, a
spokeswoman, Jane Roe, said" is read from the surface. Two patterns need no
cue word: a speaker and a colon opening the sentence (`Senior aide Maria
Lopez: "..."`, `Clinton camp: Trump threatens security`), and a quotation that
continues a statement (news convention: the next sentence or paragraph opens a
quotation without a new cue; it belongs to the last direct statement, with the
same speaker and cue, until another attribution intervenes).

The speaker is the resolved entity of the cue's subject (a pronoun resolves
through the ``EntityTable``; the statement keeps the pronoun's span). An
unnamed source ("a diplomatic source in Caracas", "officials") is a speaker
too: ``speaker`` stays ``None`` — it must never merge with another article's
"officials" — and ``speaker_type`` says what it is: ``Person`` for a singular
human noun, ``Group`` for a plural, ``Other`` for a document or a poll (a
noun of the lexicon: "the report said").

The kind comes from quote marks: all of the content quoted is direct, part of
it mixed, none reported. A phrase is never attributed across an attribution:
the content never reaches into a neighbouring sentence that holds its own cue,
and a cue inside a quotation belongs to the quoted words.

Confidence = the precision measured for the cue (``speech_cues.tsv``) or the
rule (``statement_confidence.tsv``) times a factor for how the speaker is known
(named, unnamed, unresolved, none), all measured on the PolNeAR train split
by ``python -m kg.evaluation.statement_confidence`` (see the README).
"""

from __future__ import annotations

import dataclasses
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from datetime import date
from functools import cache

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from kg.extract.evidence import sentence_of, token_span, trimmed
from kg.extract.time import time_of
from kg.lexicon import SpeechCue, statement_confidence, statement_cues
from kg.models import Span, Statement
from kg.nlp.quotes import quote_spans
from kg.resolve.in_article import EntityTable

VERSION = "2"
SUBJECT_DEPS = {"nsubj", "nsubjpass"}
CUE_POS = {"VERB", "AUX", "NOUN"}
CLAUSE_DEPS = {"ccomp"}
PARENTHETICAL_DEPS = {"parataxis"}
INHERIT_SUBJECT_DEPS = {"conj", "xcomp", "advcl"}
MIN_QUOTE_WORDS = 3
MAX_NAME = 6  # tokens of a speaker's name before a colon ("Republican pollster Daron Shaw:")
MAX_GAP = 40  # tokens between a quotation and its cue: a long speaker description at most

SENTENCE_END = {".", "!", "?"}
QUOTE_MARKS = "\"'`\u201c\u201d\u00ab\u00bb\u201e"
Quote = tuple[int, int]


class _Doc:
    """What every rule needs about one document, computed once."""

    def __init__(self, doc: Doc, table: EntityTable, published: date | None, body_start: int):
        self.doc = doc
        self.table = table
        self.published = published
        self.body_start = body_start
        self.cues = statement_cues()
        self.text = doc.text  # built once: Doc.text joins every token on each call
        self.quotes: list[Quote] = [q for q in quote_spans(self.text) if q[0] >= body_start]
        self.starts = doc.to_array("IDX").tolist()
        # a quotation left open by a missing mark may run over the author's words:
        # it neither hides cues nor stretches a content over them
        self.closed = [(s, e) for s, e in self.quotes if self.text[e - 1] in QUOTE_MARKS]
        self.quoted: set[int] = set()  # tokens inside closed quotations
        for start, end in self.closed:
            first = bisect_right(self.starts, start)  # the opening mark itself is outside
            last = bisect_left(self.starts, end - 1)  # and so is the closing one
            self.quoted.update(range(first, last))

    def tokens_between(self, start: int, end: int) -> list[Token]:
        """Tokens that start in ``[start, end)``."""
        return list(self.doc[bisect_left(self.starts, start) : bisect_left(self.starts, end)])

    def token_at(self, offset: int) -> Token | None:
        i = bisect_right(self.starts, offset) - 1
        return self.doc[i] if i >= 0 else None


def statements(
    doc: Doc, table: EntityTable, published: date | None, body_start: int = 0
) -> Iterator[Statement]:
    """Every statement in the body, in text order."""
    context = _Doc(doc, table, published, body_start)
    found: list[Statement] = []
    for token in doc[bisect_left(context.starts, body_start) :]:
        if token.i in context.quoted:
            continue  # a cue inside a quotation belongs to the quoted words
        found.extend(_from_cue(context, token))
    found = _outermost(found)
    found.extend(_introduced_by_colon(context, found))
    found.extend(_continuations(context, found))
    kept = _kept_apart(found, context.text)
    yield from sorted(kept, key=lambda s: (s.content.start, s.cue.start))


def _from_cue(context: _Doc, token: Token) -> list[Statement]:
    if token.pos_ not in CUE_POS and token.dep_ != "prep":
        return []
    lemma = token.lemma_.lower()
    first_words = _first_words()
    if token.dep_ == "prep" and (token.lower_, "ADP") in first_words:
        particle = _particle(token)
        phrase = f"{token.lower_} {particle.lower_}" if particle is not None else token.lower_
        if (phrase, "ADP") in context.cues:
            return _from_preposition(context, token, context.cues[(phrase, "ADP")])
    if token.pos_ in {"VERB", "AUX"} and (lemma, "VERB") in first_words:
        particle = _particle(token)
        if particle is not None and (f"{lemma} {particle.lower_}", "VERB") in context.cues:
            return _from_verb(context, token, context.cues[(f"{lemma} {particle.lower_}", "VERB")])
        if (lemma, "VERB") in context.cues:
            return _from_verb(context, token, context.cues[(lemma, "VERB")])
    elif token.pos_ == "NOUN" and (lemma, "NOUN") in context.cues:
        return _from_noun(context, token, context.cues[(lemma, "NOUN")])
    return []


@cache
def _first_words() -> frozenset[tuple[str, str]]:
    """(first word, part of speech) of every cue: a word that starts none is
    no cue, and its particle is not looked for."""
    return frozenset((lemma.split()[0], pos) for lemma, pos in statement_cues())


def _particle(token: Token) -> Token | None:
    """The particle or preposition right after a cue word ("point out", "according to")."""
    following = token.nbor(1) if token.i + 1 < len(token.doc) else None
    if following is not None and following.head == token and following.dep_ in {"prt", "prep"}:
        return following
    return None


# ------------------------------------------------------------------ verbs


def _from_verb(context: _Doc, verb: Token, cue: SpeechCue) -> list[Statement]:
    if any(c.dep_ == "neg" for c in verb.children):
        return []  # "did not say": nothing was stated
    subject = speaker_token_of(verb)
    content = _verb_content(context, verb, cue)
    if content is None and "clause" in cue.frames and not _has_subject(verb):
        content, subject = _trailing(context, verb) or (None, subject)
    if content is None:
        return []
    last = _particle(verb) if " " in cue.lemma else verb
    return _statement(context, subject, token_span(verb, last or verb), content, verb, cue)


def _has_subject(verb: Token) -> bool:
    return any(c.dep_ in SUBJECT_DEPS for c in verb.children)


def _trailing(context: _Doc, verb: Token) -> tuple[Span, Token] | None:
    """ "Facebook built the tool, a spokeswoman, Jane Roe, said on Monday": the
    news order CLAUSE, SPEAKER said — read from the surface when the parser
    attached the cue elsewhere. The speaker is the noun phrase between the
    clause's last comma and the cue; the clause before it is the content."""
    sentence = verb.sent
    commas = [t for t in sentence if t.i < verb.i and t.text == ","]
    for comma in commas:
        speaker = list(verb.doc[comma.i + 1 : verb.i])
        clause = list(verb.doc[sentence.start : comma.i])
        if not speaker or any(t.pos_ in {"VERB", "AUX"} for t in speaker):
            continue
        if not any(t.pos_ in {"VERB", "AUX"} for t in clause):
            return None
        inside = {t.i for t in speaker}
        head = next(
            (t for t in speaker if t.head.i not in inside and t.pos_ in {"NOUN", "PROPN", "PRON"}),
            None,
        )
        content = _content_of(context, clause)
        return (content, head) if head is not None and content is not None else None
    return None


def _verb_content(context: _Doc, verb: Token, cue: SpeechCue) -> Span | None:
    if "clause" in cue.frames:
        for child in verb.children:
            if child.i < verb.i and _is_cue(context, child) and _has_subject(child):
                continue  # "He said A, and asked about B, he said C": a statement of its own
            if child.dep_ in CLAUSE_DEPS or (child.dep_ == "xcomp" and not _is_infinitive(child)):
                return _content_of(context, list(child.subtree))
    if "quote" in cue.frames:
        quote = _adjacent_quote(context, verb)
        if quote is not None:
            return trimmed(context.text, *quote)
    if (
        "clause" in cue.frames
        and verb.dep_ in PARENTHETICAL_DEPS
        and not _inside(verb.head, verb)
        and not _is_cue(context, verb.head)
    ):
        return _content_of(context, [t for t in verb.head.subtree if not _inside(t, verb)])
    if "infinitive" in cue.frames:
        for child in verb.children:
            if child.dep_ == "xcomp" and _is_infinitive(child):
                return _content_of(context, list(child.subtree))
    if "predicative" in cue.frames:
        objects = [c for c in verb.children if c.dep_ in {"dobj", "oprd"}]
        complements = [c for c in verb.children if c.dep_ in {"oprd", "xcomp"} or c.lower_ == "as"]
        if objects and complements and complements[-1].i > objects[0].i:
            return _content_of(
                context, list(verb.doc[objects[0].left_edge.i : complements[-1].right_edge.i + 1])
            )
    if "object" in cue.frames:
        holder = _particle(verb) if " " in cue.lemma else verb
        for child in (holder or verb).children:
            if child.dep_ in {"dobj", "pobj"}:
                return _content_of(context, list(child.subtree))
    return None


def _inside(token: Token, root: Token) -> bool:
    return root.left_edge.i <= token.i <= root.right_edge.i


def _adjacent_quote(context: _Doc, cue: Token) -> Quote | None:
    """A quotation right before or after the cue, with only the speaker, the
    cue's modifiers (not another clause) and punctuation in between."""
    own = {t.i for t in cue.subtree}
    before = [q for q in context.quotes if q[1] <= cue.idx]
    after = [q for q in context.quotes if q[0] >= cue.idx + len(cue.text)]
    candidates = []
    if before:
        candidates.append((before[-1], context.tokens_between(before[-1][1], cue.idx)))
    if after:
        candidates.append((after[0], context.tokens_between(cue.idx + 1, after[0][0])))
    for quote, between in candidates:
        if (
            len(between) <= MAX_GAP
            and _is_speech(context.text[quote[0] : quote[1]])
            and not any(t.text in SENTENCE_END for t in between)
            and all(t.is_punct or t.is_space or (t.i in own and not _is_clause(t)) for t in between)
        ):
            return quote
    return None


def _is_speech(quotation: str) -> bool:
    """A quotation that reads as words said, not a title or a scare-quoted term:
    a few words, or words closed by punctuation inside the marks ('"Okay,"')."""
    inner = quotation.strip(QUOTE_MARKS + " \n")
    return _words(inner) >= MIN_QUOTE_WORDS or inner[-1:] in {",", ".", "!", "?"}


def _is_infinitive(verb: Token) -> bool:
    return any(c.tag_ == "TO" for c in verb.children)


def _is_cue(context: _Doc, token: Token) -> bool:
    """Whether ``token`` is a cue verb itself ("X say A, Y say B": two statements)."""
    return (token.lemma_.lower(), "VERB") in context.cues


def _is_clause(token: Token) -> bool:
    return token.dep_ in {"ccomp", "conj", "parataxis"} and token.pos_ in {"VERB", "AUX"}


def _words(text: str) -> int:
    return sum(1 for part in text.split() if any(ch.isalnum() for ch in part))


def speaker_token_of(verb: Token) -> Token | None:
    """The subject of a speech verb, or of the verb it depends on."""
    for child in verb.children:
        if child.dep_ in SUBJECT_DEPS:
            return child
        if child.dep_ == "agent":  # "it was announced by the ministry"
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    if verb.dep_ in INHERIT_SUBJECT_DEPS:
        return speaker_token_of(verb.head)
    if verb.dep_ == "acl" and verb.head.pos_ in {"NOUN", "PROPN"}:
        return verb.head  # "officials saying that ..."
    return None


# ------------------------------------------------------ nouns, prepositions


def _from_noun(context: _Doc, noun: Token, cue: SpeechCue) -> list[Statement]:
    """ "His claim that the vote was rigged", "in her view, ...", "his words: "..."" """
    holder = _holder(noun)
    if holder is None:
        return []  # "the kind words", "a statement": nobody to attribute them to
    if "prep" in cue.frames and noun.dep_ == "pobj" and noun.head.dep_ == "prep":
        return _around_phrase(context, noun.head, noun, holder, token_span(noun, noun), cue)
    content = None
    if "clause" in cue.frames:
        for child in noun.children:
            if child.dep_ in {"acl", "ccomp"} and any(
                c.dep_ == "mark" and c.lower_ == "that" for c in child.children
            ):
                content = _content_of(context, list(child.subtree))
    if content is None and "quote" in cue.frames:
        quote = _adjacent_quote(context, noun)
        content = trimmed(context.text, *quote) if quote else None
    if content is None:
        return []
    return _statement(context, holder, token_span(noun, noun), content, noun, cue)


def _holder(noun: Token) -> Token | None:
    """Who a cue noun belongs to: "his claim", "a claim by X", "X made the claim"."""
    for child in noun.children:
        if child.dep_ == "poss":
            return child
        if child.dep_ == "prep" and child.lower_ in {"by", "from"}:
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    if noun.dep_ == "dobj":
        return speaker_token_of(noun.head)
    return None


def _from_preposition(context: _Doc, prep: Token, cue: SpeechCue) -> list[Statement]:
    """ "According to the ministry, ...": the rest of the clause is the content."""
    last = _particle(prep) or prep
    source = next((c for c in last.children if c.dep_ == "pobj"), None)
    if source is None:
        return []
    return _around_phrase(context, prep, source, source, token_span(prep, last), cue)


def _around_phrase(
    context: _Doc, prep: Token, anchor: Token, source: Token | None, cue_span: Span, cue: SpeechCue
) -> list[Statement]:
    """The clause a source-naming phrase is attached to, without the phrase."""
    clause = prep.head
    content = _content_of(context, [t for t in clause.subtree if not _inside(t, prep)])
    if content is None or clause.pos_ not in {"VERB", "AUX"}:
        return []
    return _statement(context, source, cue_span, content, clause, cue)


# --------------------------------------------------- statements without cue


def _introduced_by_colon(context: _Doc, found: list[Statement]) -> Iterator[Statement]:
    """`Senior aide Jane Doe: "We never expected this."`, `Clinton camp: Trump
    threatens security` — a speaker opening the sentence, a colon, then what
    was said: a quotation, or the rest of the sentence after a short name."""
    doc = context.doc
    for colon in doc[bisect_left(context.starts, context.body_start) :]:
        if colon.text != ":" or colon.i in context.quoted or colon.i == colon.sent.start:
            continue
        phrase = doc[colon.sent.start : colon.i]
        head = phrase.root
        if head.pos_ not in {"PROPN", "NOUN"} or any(t.pos_ in {"VERB", "AUX"} for t in phrase):
            continue
        quote = next((q for q in context.quotes if q[0] >= colon.idx), None)
        if quote is not None and _only_layout(context.text[colon.idx + 1 : quote[0]]):
            content = trimmed(context.text, *quote)
        elif len(phrase) <= MAX_NAME and _names_a_source(context, phrase):
            content = _content_of(context, list(doc[colon.i + 1 : colon.sent.end]))
        else:
            continue
        if content is None or any(
            s.content.start < content.end and content.start < s.content.end for s in found
        ):
            continue
        yield from _statement(
            context, head, token_span(colon, colon), content, colon, "colon", phrase
        )


def _names_a_source(context: _Doc, phrase) -> bool:
    """A name ("Elizabeth Warren", "NY Post"), an actor, or a document ("Poll")."""
    head = phrase.root
    return (
        head.pos_ == "PROPN"
        or any(context.table.actor_at(t) for t in phrase)
        or (head.lemma_.lower(), "NOUN") in context.cues
    )


def _continuations(context: _Doc, found: list[Statement]) -> Iterator[Statement]:
    """A quotation that opens the next sentence or paragraph after a direct
    statement continues it, with no cue of its own."""
    direct = sorted((s for s in found if s.kind != "reported"), key=lambda s: s.content.end)
    cues = sorted(s.cue.start for s in found)
    added: list[Statement] = []
    for start, end in _uncovered(context, found):
        previous = [s for s in (*direct, *added) if s.content.end <= start]
        if not previous:
            continue
        last = max(previous, key=lambda s: s.content.end)
        gap_start = max(last.content.end, last.evidence.end, last.cue.end)
        if any(gap_start <= c < start for c in cues):
            continue
        if not _only_layout(context.text[gap_start:start]):
            continue
        first = context.token_at(start)
        if first is None or start < last.evidence.end or not _is_speech(context.text[start:end]):
            continue
        statement = dataclasses.replace(
            last,
            kind="direct",
            content=trimmed(context.text, start, end),
            evidence=sentence_of(first),
            confidence=_confidence("continuation", speaker_condition(last)),
            rule=f"statements.continuation/{VERSION}",
        )
        added.append(statement)
        yield statement


def _only_layout(text: str) -> bool:
    """Nothing but white space and sentence punctuation between two stretches."""
    return all(ch.isspace() or ch in ".,;:!?)\u201d\"'\u2019" for ch in text)


def _uncovered(context: _Doc, found: list[Statement]) -> list[Quote]:
    """Quotations that no statement's content touches yet, in text order."""
    return [
        (s, e)
        for s, e in context.quotes
        if not any(st.content.start < e and s < st.content.end for st in found)
    ]


# ---------------------------------------------------------------- records


def _statement(
    context: _Doc,
    subject: Token | None,
    cue_span: Span,
    content: Span,
    anchor: Token,
    cue: SpeechCue | str,
    phrase: SpacySpan | None = None,
) -> list[Statement]:
    """The records, one per speaker ("China, Cuba and Russia said ..." is said
    by each); ``cue`` is the lexicon row, or the name of a rule without one;
    ``phrase`` is the speaker's words when they are not the subject's subtree."""
    if isinstance(cue, SpeechCue):
        rule, prior = cue_rule(cue), cue.confidence
    else:
        rule, prior = cue, None
    found = []
    speakers = _speakers(context, subject)
    if phrase is not None:
        speakers = [(_phrase_actor(context, phrase), token_span(phrase[0], phrase[-1]), None)]
        if speakers[0][0] is None:
            speakers = [(None, speakers[0][1], _unnamed_type(context, phrase.root))]
    for speaker, speaker_span, speaker_type in speakers:
        statement = Statement(
            speaker=speaker,
            speaker_span=speaker_span,
            cue=cue_span,
            kind=_kind(content, context.quotes),
            content=content,
            evidence=sentence_of(anchor),
            confidence=0.0,
            rule=f"statements.{rule}/{VERSION}",
            time=time_of(anchor, context.published),
            speaker_type=speaker_type,
        )
        condition = speaker_condition(statement)
        found.append(dataclasses.replace(statement, confidence=_confidence(rule, condition, prior)))
    return found


def _speakers(
    context: _Doc, subject: Token | None
) -> list[tuple[str | None, Span | None, str | None]]:
    """The speaker, or each named actor of a coordinated subject."""
    if subject is not None:
        conjuncts = [subject, *subject.conjuncts]
        actors = {context.table.actor_at(t) for t in conjuncts} - {None}
        if len(actors) > 1:
            return [
                (actor, _own_phrase(t), None)
                for t in conjuncts
                if (actor := context.table.actor_at(t)) is not None
            ]
    return [_speaker(context, subject)]


def _phrase_actor(context: _Doc, phrase: SpacySpan) -> str | None:
    """The actor a phrase names: its head's, else the first one named in it."""
    found = [context.table.actor_at(t) for t in (phrase.root, *phrase)]
    return next((actor for actor in found if actor is not None), None)


def _own_phrase(token: Token) -> Span:
    """A conjunct's own words, without the conjuncts that hang from it."""
    tokens = [
        t
        for t in token.subtree
        if not any(_inside(t, c) for c in token.children if c.dep_ in {"conj", "cc", "punct"})
    ]
    return token_span(tokens[0], tokens[-1])


def reports_speech(statement: Statement) -> bool:
    """Whether the content is what someone said or thinks — not an intention
    ("refused to sign"), a stance ("praised the deal") or a topic ("discussed
    trade"): only then are the acts told inside it reported, not asserted."""
    cue = _cues_by_rule().get(rule_key(statement))
    return cue is None or cue.kind in {"speech", "thought"}


def cue_rule(cue: SpeechCue) -> str:
    """The rule name of a lexicon row: ``verb.say``, ``adp.according-to``."""
    return f"{cue.pos.lower()}.{cue.lemma.replace(' ', '-')}"


def rule_key(statement: Statement) -> str:
    """The rule of a statement without prefix and version: ``verb.say``, ``colon``."""
    return statement.rule.split("/", 1)[0].removeprefix("statements.")


@cache
def _cues_by_rule() -> dict[str, SpeechCue]:
    return {cue_rule(cue): cue for cue in statement_cues().values()}


def speaker_condition(statement: Statement) -> str:
    """How the speaker is known: ``named`` (a resolved entity), ``unnamed`` (a
    source without a name, typed), ``unresolved`` (a pronoun or phrase we could
    not resolve) or ``none`` (no speaker in the text: "it is said that")."""
    if statement.speaker is not None:
        return "named"
    if statement.speaker_span is None:
        return "none"
    return "unnamed" if statement.speaker_type else "unresolved"


def _confidence(rule: str, condition: str, prior: float | None = None) -> float:
    """Measured precision of the cue (or rule) times the factor of the speaker
    condition (``statement_confidence.tsv``), both from PolNeAR train."""
    table = statement_confidence()
    base = prior if prior is not None else table[f"rule:{rule}"]
    return round(min(1.0, base * table[f"speaker:{condition}"]), 3)


def _speaker(context: _Doc, subject: Token | None) -> tuple[str | None, Span | None, str | None]:
    if subject is None or subject.dep_ == "expl" or subject.lower_ in {"it", "there"}:
        return None, None, None
    table = context.table
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
    if subject.pos_ == "PRON" and subject.tag_ not in {"WP", "WDT"}:
        return entity_id, token_span(subject, subject), None
    span = token_span(subject.left_edge, subject.right_edge)
    if entity_id is not None:
        return entity_id, span, None
    return None, span, _unnamed_type(context, subject)


def _unnamed_type(context: _Doc, head: Token) -> str | None:
    """Person, Group or Other for a source without a name (see the module doc)."""
    if head.pos_ not in {"NOUN", "PROPN"}:
        return None
    if (head.lemma_.lower(), "NOUN") in context.cues:
        return "Other"  # "the report said": a document speaks for its authors
    return "Group" if head.tag_ in {"NNS", "NNPS"} else "Person"


def _content_of(context: _Doc, tokens: list[Token]) -> Span | None:
    """The text of ``tokens`` without leading/trailing punctuation and "that";
    a quotation the content opens or closes is taken whole."""
    tokens = sorted(tokens, key=lambda t: t.i)
    while tokens and (tokens[0].is_punct and not tokens[0].is_quote or tokens[0].dep_ == "mark"):
        tokens.pop(0)
    while tokens and (tokens[-1].is_punct and not tokens[-1].is_quote or tokens[-1].is_space):
        tokens.pop()
    if not tokens:
        return None
    start, end = _whole_word(tokens[0], -1).idx, _whole_word(tokens[-1], 1)
    end = end.idx + len(end.text)
    for q_start, q_end in context.closed:
        if q_start < end and start < q_end:
            start, end = min(start, q_start), max(end, q_end)
    span = trimmed(context.text, start, end)
    stripped = span.text.rstrip(",;:")
    return Span(span.start, span.start + len(stripped), stripped) if stripped else None


def _whole_word(token: Token, step: int) -> Token:
    """The last (step 1) or first (step -1) piece of a hyphenated word the
    parser split and attached apart ("re-election" as "re", "-", "election")."""
    doc = token.doc
    while 0 <= token.i + step < len(doc):
        other = doc[token.i + step]
        left, right = (token, other) if step == 1 else (other, token)
        if left.whitespace_ or "-" not in {left.text, right.text}:
            break
        token = other
    return token


def _kind(content: Span, quotes: list[Quote]) -> str:
    """direct when (nearly) all of the content's letters are quoted, mixed when
    some are, reported when none are."""
    text, start = content.text, content.start
    letters = sum(ch.isalnum() for ch in text)
    inside = 0
    for q_start, q_end in quotes:
        low, high = max(q_start + 1, start), min(q_end - 1, start + len(text))
        if low < high:
            inside += sum(ch.isalnum() for ch in text[low - start : high - start])
    if letters and inside >= 0.9 * letters:
        return "direct"
    return "mixed" if inside else "reported"


def _outermost(found: list[Statement]) -> list[Statement]:
    """Drop a statement whose cue lies inside the content of another statement
    of the same sentence: "she said they think ..." is one statement, hers (the
    inner attribution is part of what she said)."""
    kept: list[Statement] = []
    for statement in sorted(found, key=lambda s: s.content.start - s.content.end):
        if not any(
            outer.evidence.start == statement.evidence.start
            and outer.content.start <= statement.cue.start < outer.content.end
            for outer in kept
        ):
            kept.append(statement)
    return kept


def _kept_apart(found: list[Statement], text: str) -> list[Statement]:
    """Cut every content at a neighbouring sentence that has its own cue, so that
    no phrase is attributed to one speaker when its sentence names another."""
    kept = []
    for statement in found:
        start, end = statement.content.start, statement.content.end
        for other in found:
            cue = other.cue.start
            if other is statement or not start <= cue < end:
                continue
            if other.evidence.start == statement.evidence.start:
                continue  # the same sentence: a nested attribution, see _outermost
            if cue > statement.cue.start:
                end = min(end, other.evidence.start)
            else:
                start = max(start, other.evidence.end)
        if (start, end) != (statement.content.start, statement.content.end):
            content = trimmed(text, start, end) if start < end else None
            if content is None or not content.text:
                continue
            statement = dataclasses.replace(statement, content=content)
        kept.append(statement)
    return kept
