"""Interactions: who did what to whom, typed in the PLOVER / CAMEO vocabulary.

Triggers come from ``kg/lexicon/interaction_cues.tsv`` (data, not code):

- verbs, active and passive: "China, Cuba, Russia ... have endorsed Maduro"
  (coordinated subjects give one relation each), "Maduro was endorsed by
  China"; the subject of a verb without one comes from the clause it hangs on
  ("Guaido proclaimed himself ..., contesting the re-election of Maduro");
- nouns: "the call on Russia by Trump", "received support of the United
  States" (the giver is the of-phrase, the receiver the subject), "in a phone
  call with Lavrov" (the other party is the subject of the verb the phrase
  modifies), "the agreement between Moscow and Caracas";
- demands inside speech: "Trump said Russia 'needed to get out'" -> Trump
  demands of Russia.

An object that is an event rather than an actor stands for its owner
("denounced Maduro's re-election" -> Maduro). A capital that acts is its
government. A relation with a collective actor ("Russian military personnel")
is also recorded for that actor's country, as event coders do (CAMEO actor
codes), with a lower confidence.

Negation ("did not endorse") and modality (future, hypothetical, demanded,
reported) are recorded; they never turn into a plain assertion.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace
from datetime import date

from spacy.tokens import Doc, Token

from kg.extract.evidence import sentence_of, token_span
from kg.extract.statements import speaker_token_of
from kg.extract.time import time_of
from kg.lexicon import InteractionCue, interaction_cues, predicates, speech_cues
from kg.models import Modality, Relation, Span
from kg.nlp.quotes import quote_spans
from kg.resolve.in_article import ACTOR_TYPES, EntityTable

VERSION = "1"
RECEIVE_VERBS = {"receive", "get", "win", "gain", "secure", "enjoy", "garner", "earn", "obtain"}
NEGATIVE_IMPLICATIVES = {"refuse", "decline", "fail", "reject"}
FUTURE_GOVERNORS = {
    "plan",
    "intend",
    "want",
    "hope",
    "seek",
    "expect",
    "prepare",
    "aim",
    "threaten",
    "vow",
    "pledge",
    "promise",
    "wish",
    "try",
    "attempt",
}
DEMAND_GOVERNORS = {"urge", "demand", "ask", "call", "press", "tell", "order", "request"}
HYPOTHETICAL_AUX = {"would", "could", "might", "may", "can", "should"}
FUTURE_AUX = {"will", "shall"}
OBLIGATION_AUX = {"must", "should", "ought"}
OBLIGATION_VERBS = {"need", "have"}
PLACE_TYPES = {"City", "Region", "Place", "Country"}


def interactions(
    doc: Doc,
    table: EntityTable,
    published: date | None,
    body_start: int = 0,
    speech: Iterable[Span] = (),
) -> Iterator[Relation]:
    """Every interaction in the body, with its country-level copy for collectives.

    ``speech`` are the contents of the article's statements: an interaction
    read inside one is marked as reported.
    """
    quotes = quote_spans(doc.text)
    found: list[Relation] = []
    for token in doc:
        if token.idx < body_start:
            continue
        if token.pos_ == "VERB":
            found.extend(_verbal(table, token, published))
            found.extend(_demand_in_speech(table, token, published))
        elif token.pos_ in {"NOUN", "PROPN"}:
            found.extend(_nominal(table, token, published))
    contents = [(span.start, span.end) for span in speech]
    for relation in _with_country_level(table, found):
        yield _marked_reported(relation, contents, quotes)


# ----------------------------------------------------------------- verbs


def _cues_for(token: Token, pos: str) -> list[InteractionCue]:
    """The most specific cue rows for a trigger: "call on" before "call",
    "phone call" before "call"."""
    table = interaction_cues()
    lemma = token.lemma_.lower()
    if pos == "VERB":
        for child in token.children:
            if child.dep_ in {"prep", "prt"}:
                rows = table.get((f"{lemma} {child.lower_}", pos))
                if rows:
                    return rows
    else:
        for child in token.children:
            if child.dep_ == "compound":
                rows = table.get((f"{child.lower_} {lemma}", pos))
                if rows:
                    return rows
    return table.get((lemma, pos), [])


def _verbal(table: EntityTable, verb: Token, published: date | None) -> Iterator[Relation]:
    cues = _cues_for(verb, "VERB")
    if not cues:
        return
    passive = any(c.dep_ in {"nsubjpass", "auxpass"} for c in verb.children)
    negated = _negated(verb)
    modality = _modality(verb)
    when = time_of(verb, published)
    for cue in cues:
        if passive:
            sources = _conjoined(_agents(verb))
            targets = _conjoined([c for c in verb.children if c.dep_ == "nsubjpass"])
        else:
            sources = _subjects(verb)
            targets = _targets(verb, cue.target)
        yield from _pairs(
            table,
            cue,
            verb,
            sources,
            targets,
            negated,
            modality,
            when,
            "verb-passive" if passive else "verb",
        )


def _subjects(verb: Token) -> list[Token]:
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if subjects:
        return _conjoined(subjects)
    if verb.dep_ == "relcl":
        return _conjoined([verb.head])
    if verb.dep_ in {"xcomp", "advcl", "conj", "acl"} and verb.head.pos_ in {"VERB", "AUX"}:
        if verb.dep_ == "xcomp":
            objects = [c for c in verb.head.children if c.dep_ == "dobj"]
            if objects and verb.head.lemma_.lower() in DEMAND_GOVERNORS:
                return _conjoined(objects)  # "urged Russia to leave": Russia leaves
        return _subjects(verb.head)
    return []


def _agents(verb: Token) -> list[Token]:
    return [p for a in verb.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"]


def _targets(head: Token, slots: Iterable[str]) -> list[Token]:
    found: list[Token] = []
    for slot in slots:
        if slot == "dobj":
            found += [c for c in head.children if c.dep_ in {"dobj", "dative"} and c.lower_ != "to"]
        elif slot == "dative":
            found += [c for c in head.children if c.dep_ == "dative" and c.pos_ != "ADP"]
        else:
            for prep in head.children:
                if prep.dep_ in {"prep", "dative", "agent"} and prep.lower_ == slot:
                    found += [p for p in prep.children if p.dep_ == "pobj"]
    return _conjoined(found)


def _conjoined(tokens: list[Token]) -> list[Token]:
    """Tokens with every token coordinated with them ("China, Cuba and Russia")."""
    out: list[Token] = []
    for token in tokens:
        out.append(token)
        out.extend(t for t in token.conjuncts if t.i > token.i and t not in out)
    return out


def _negated(verb: Token) -> bool:
    if any(c.dep_ == "neg" for c in verb.children):
        return True
    head = verb.head
    return verb.dep_ == "xcomp" and (
        head.lemma_.lower() in NEGATIVE_IMPLICATIVES or any(c.dep_ == "neg" for c in head.children)
    )


def _modality(verb: Token) -> Modality:
    aux = {c.lower_ for c in verb.children if c.dep_ == "aux"}
    if aux & FUTURE_AUX or "going" in aux:
        return "future"
    if aux & HYPOTHETICAL_AUX or any(c.dep_ == "mark" and c.lower_ == "if" for c in verb.children):
        return "hypothetical"
    if verb.dep_ == "xcomp":
        governor = verb.head.lemma_.lower()
        if governor in DEMAND_GOVERNORS:
            return "demanded"
        if governor in FUTURE_GOVERNORS:
            return "future"
    return "asserted"


# ----------------------------------------------------------------- nouns


def _nominal(table: EntityTable, noun: Token, published: date | None) -> Iterator[Relation]:
    cues = _cues_for(noun, "NOUN")
    present = {c.lower_ for c in noun.children if c.dep_ == "prep"}
    marked = [cue for cue in cues if present & (set(cue.target) - set(cue.source))]
    cues = marked or cues  # "the call on Russia" is a demand, not a phone call
    if not cues:
        return
    governor = noun.head if noun.dep_ in {"dobj", "pobj", "nsubj"} else None
    if governor is not None and governor.dep_ == "prep" and noun.dep_ == "pobj":
        governor = governor.head
    when = time_of(noun, published) or (
        time_of(governor, published) if governor is not None and governor.pos_ == "VERB" else None
    )
    negated = governor is not None and governor.pos_ == "VERB" and _negated(governor)
    modality = (
        _modality(governor) if governor is not None and governor.pos_ == "VERB" else "asserted"
    )
    for cue in cues:
        info = predicates()[cue.predicate]
        received = (
            governor is not None
            and noun.dep_ == "dobj"
            and governor.lemma_.lower() in RECEIVE_VERBS
        )
        if received:
            sources = _targets(noun, ("of", "from", "by"))
            targets = _subjects(governor)
        elif info.symmetric:
            yield from _symmetric(table, cue, noun, governor, negated, modality, when)
            continue
        else:
            sources = [c for c in noun.children if c.dep_ == "poss" and "poss" in cue.source]
            sources += _targets(noun, [s for s in cue.source if s not in {"poss", "nsubj"}])
            targets = _targets(noun, cue.target)
        yield from _pairs(
            table,
            cue,
            noun,
            _conjoined(sources),
            targets,
            negated,
            modality,
            when,
            "noun-receive" if received else "noun",
        )


def _symmetric(
    table: EntityTable,
    cue: InteractionCue,
    noun: Token,
    governor: Token | None,
    negated: bool,
    modality: Modality,
    when,
) -> Iterator[Relation]:
    """consults / cooperatesWith: everyone taking part, paired with the first."""
    parties: list[Token] = []
    if governor is not None and governor.pos_ in {"VERB", "AUX"}:
        parties += _subjects(governor)
    parties += [c for c in noun.children if c.dep_ == "poss"]
    parties += _targets(noun, ("by", "with", "from", "between", "among", "to"))
    actors: list[str] = []
    for token in _conjoined(parties):
        actor = table.actor_at(token)
        if actor is not None and actor not in actors:
            actors.append(actor)
    for other in actors[1:]:
        yield _relation(
            table, cue, noun, actors[0], other, negated, modality, when, "noun-symmetric"
        )


# ----------------------------------------------------------------- speech


def _demand_in_speech(
    table: EntityTable, verb: Token, published: date | None
) -> Iterator[Relation]:
    """ "Trump said Russia needed to get out": the speaker demands of Russia."""
    if (verb.lemma_.lower(), "VERB") not in speech_cues():
        return
    speaker_token = speaker_token_of(verb)
    speaker = table.actor_at(speaker_token) if speaker_token is not None else None
    if speaker is None:
        return
    for clause in verb.children:
        if clause.dep_ != "ccomp":
            continue
        aux = {c.lower_ for c in clause.children if c.dep_ == "aux"}
        obliged = bool(aux & OBLIGATION_AUX) or (
            clause.lemma_.lower() in OBLIGATION_VERBS
            and any(c.dep_ == "xcomp" for c in clause.children)
        )
        if not obliged:
            continue
        cue = interaction_cues()[("demand", "VERB")][0]
        for subject in _conjoined([c for c in clause.children if c.dep_ == "nsubj"]):
            target = table.actor_at(subject)
            if target is not None and target != speaker:
                yield _relation(
                    table,
                    cue,
                    verb,
                    speaker,
                    target,
                    _negated(verb),
                    "asserted",
                    time_of(verb, published),
                    "speech-obligation",
                    cue_span=token_span(clause, clause),
                )


# ----------------------------------------------------------------- shared


def _pairs(
    table: EntityTable,
    cue: InteractionCue,
    trigger: Token,
    sources: list[Token],
    targets: list[Token],
    negated: bool,
    modality: Modality,
    when,
    rule: str,
) -> Iterator[Relation]:
    for source_token in sources:
        source = table.actor_at(source_token)
        if source is None or not _condition_ok(table, cue, source, "source"):
            continue
        for target_token in targets:
            target = _target(table, target_token, cue)
            if (
                target is None
                or target == source
                or not _condition_ok(table, cue, target, "target")
            ):
                continue
            yield _relation(table, cue, trigger, source, target, negated, modality, when, rule)


def _target(table: EntityTable, token: Token, cue: InteractionCue) -> str | None:
    """The actor (or, for deployments, the place) a target phrase denotes; an
    event noun stands for its owner ("Maduro's re-election" -> Maduro)."""
    actor = table.actor_at(token)
    if actor is not None:
        return actor
    entity = table.entity_at(token)
    if entity is not None and cue.predicate == "deployedTo" and table[entity].type in PLACE_TYPES:
        return entity
    owners = [c for c in token.children if c.dep_ == "poss"]
    owners += [
        p
        for c in token.children
        if c.dep_ == "prep" and c.lower_ == "of"
        for p in c.children
        if p.dep_ == "pobj"
    ]
    if token.i + 2 < len(token.doc) and token.nbor(1).text == "-":  # "re - election"
        owners += [
            c
            for t in (token.nbor(1), token.nbor(2))
            for c in t.children
            if c.dep_ == "prep" and c.lower_ == "of"
            for c in c.children
            if c.dep_ == "pobj"
        ]
    for owner in owners:
        found = _target(table, owner, cue)
        if found is not None:
            return found
    return None


def _condition_ok(table: EntityTable, cue: InteractionCue, entity_id: str, side: str) -> bool:
    if not cue.condition or not cue.condition.startswith(side):
        return True
    wanted = cue.condition.split("=", 1)[1]
    entity = table[entity_id]
    if wanted == "military":
        return entity.sector == "military"
    if wanted == "actor":
        return entity.type in ACTOR_TYPES
    if wanted == "person":
        return entity.type == "Person"
    return True


def _relation(
    table: EntityTable,
    cue: InteractionCue,
    trigger: Token,
    source: str,
    target: str,
    negated: bool,
    modality: Modality,
    when,
    rule: str,
    cue_span: Span | None = None,
) -> Relation:
    confidence = cue.confidence * (0.6 if negated else 1.0)
    if modality != "asserted":
        confidence *= 0.8
    return Relation(
        subject=source,
        predicate=cue.predicate,
        object=target,
        evidence=sentence_of(trigger),
        confidence=round(confidence, 3),
        rule=f"interactions.{rule}/{VERSION}",
        negated=negated,
        modality=modality,
        time=when,
        cue=cue_span or token_span(trigger, trigger),
    )


def _with_country_level(table: EntityTable, relations: list[Relation]) -> Iterator[Relation]:
    """Each relation, then its copy at country level for collective actors and
    for places inside a country (deployments to a city are to its country)."""
    seen: set[tuple] = set()
    for relation in relations:
        for candidate in (relation, _country_level(table, relation)):
            if candidate is None:
                continue
            key = (
                candidate.subject,
                candidate.predicate,
                candidate.object,
                candidate.evidence.start,
                candidate.negated,
            )
            if key not in seen and candidate.subject != candidate.object:
                seen.add(key)
                yield candidate


def _country_level(table: EntityTable, relation: Relation) -> Relation | None:
    def lift(entity_id: str) -> str:
        entity = table[entity_id]
        if entity.country and entity.type in {"Group", "City", "Region", "Place"}:
            return table.country_entity(entity.country)
        return entity_id

    subject, obj = lift(relation.subject), lift(relation.object)
    if (subject, obj) == (relation.subject, relation.object):
        return None
    return replace(
        relation,
        subject=subject,
        object=obj,
        confidence=round(relation.confidence * 0.85, 3),
        rule=relation.rule.replace("/", "+country-level/"),
    )


def _marked_reported(
    relation: Relation, speech: list[tuple[int, int]], quotes: list[tuple[int, int]]
) -> Relation:
    cue = relation.cue
    if cue is None or relation.modality != "asserted" or "speech" in relation.rule:
        return relation
    inside = any(s <= cue.start < e for s, e in speech) or any(s < cue.start < e for s, e in quotes)
    return replace(relation, modality="reported") if inside else relation
