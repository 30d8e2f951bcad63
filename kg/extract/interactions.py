"""Interactions: who did what to whom, typed in the PLOVER / CAMEO vocabulary.

Triggers are data (``kg/lexicon/interaction_cues.tsv``: cue -> predicate,
PLOVER class, CAMEO code, polarity, where source and target are):

- verbs, active and passive: "China, Cuba and Russia have endorsed Maduro"
  (one relation per conjunct), "Maduro was endorsed by Turkey", "weapons
  supplied by Iran to the rebels"; a verb with its particle ("turned down")
  or with the object that completes it ("imposed sanctions on X", "withdrew
  its ambassador from X", "opened fire on X");
- nouns: "the call on Russia by Trump", "received support of the United
  States" (after a receive verb the of-phrase gives), "in a phone call with
  Lavrov" (the other party is the subject of the clause), "the defense
  agreement between Moscow and Caracas", "held talks with X" (a noun object
  takes the verb's subject as its source), "a mediation effort between X and
  Y" (an event noun as a compound); a light verb ("gave his support to X",
  ``light_verbs.tsv``) leaves the act to its noun;
- partners acting together: "the United States and Jordan agreed" (a
  symmetric cue that takes a "with" partner);
- protests aimed at those their purpose clause makes demands of ("staged
  demonstrations to demand reforms by X");
- acts with one participant ("the rebels surrendered", "the minister
  resigned", "soldiers attacked a market"): a cue marked ``target=optional``
  that names no other actor gives a relation with its source alone (``object``
  None), as PLOVER codes events without a recipient; such an act gives way to
  the act it governs or to its source's act with a target in the same chain of
  clauses ("refused to resign" is the refused resignation, "threatened to
  attack Iraq" the threat of an attack on Iraq), and a threat is aimed at the
  subject of the condition it sets ("threatened to close its airspace unless
  Greece withdraws");
- demands inside speech: "Trump said Russia 'needed to get out'" -> Trump
  demands of Russia (an obligation in what a speaker says is a demand).

Participants come from ``kg.extract.arguments``: a phrase that names no
actor stands for the actor it belongs to ("a top U.S. official", "Maduro's
re-election"), with a lower confidence. A delivery whose receiver is not named
goes to the one country the sentence places it in ("target=located"), with a
lower confidence.

How the act is told (``kg.extract.modality``) is recorded — negated,
refused, future, hypothetical, demanded; an interaction read inside what
someone said is ``reported`` — and never becomes a plain assertion; the
PLOVER class follows the telling (``kg.extract.event_class``): "will give
aid" is AGREE, "refused to deploy" REJECT. Each relation carries its date
(``kg.extract.time.event_time``; an undated retelling of the same act in the
next sentences takes the first telling's date) and the quantities it governs
(``kg.extract.quantities``). A relation with a collective actor ("Russian
military personnel") is also recorded for that actor's country, as event
coders do, with a lower confidence.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import date

from spacy.tokens import Doc, Token

from kg.extract.arguments import (
    Actors,
    agents,
    conjoined,
    is_passive,
    owners,
    slot,
    slots,
    subjects,
)
from kg.extract.event_class import event_class
from kg.extract.evidence import sentence_of, token_span
from kg.extract.modality import Telling, role_of, told
from kg.extract.quantities import attach
from kg.extract.statements import speaker_token_of
from kg.extract.time import event_time
from kg.lexicon import (
    InteractionCue,
    interaction_confidence,
    interaction_cues,
    light_verbs,
    predicates,
    speech_cues,
)
from kg.models import Relation, Span, TimeSpan
from kg.nlp.quotes import quote_spans
from kg.resolve.in_article import ACTOR_TYPES, EntityTable

VERSION = "2"
CONTEXT_SENTENCES = 2  # how far back an undated retelling looks for its date
GOVERNED_NOUN_DEPS = {"dobj", "nsubj", "nsubjpass", "attr"}
ARMED_SECTORS = {"military", "police"}
BOUND_NOUN_DEPS = {"det", "amod", "compound", "poss", "nummod"}
MANNER_TARGETS = ("of", "at", "over")  # "in protest of X", "in protest at X's decision"
NON_PREPOSITIONS = {"dobj", "dative", "ccomp", "xsubj", "nsubjpass"}


@dataclass
class _Found:
    relation: Relation
    trigger: Token


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
    reader = _Reader(doc, table, published)
    body = [t for t in doc if t.idx >= body_start]
    found: list[_Found] = []
    for token in body:
        if token.pos_ == "VERB":
            found.extend(reader.verbal(token))
            found.extend(reader.demand_in_speech(token))
    for token in body:
        if token.pos_ in {"NOUN", "PROPN"} and token.i not in reader.consumed:
            found.extend(reader.nominal(token))
    found = reader.conditioned(_without_told_targets(found))
    found = _dated_by_context(found)
    found = _with_quantities(found, doc, body_start)
    contents = [(span.start, span.end) for span in speech]
    quotes = quote_spans(doc.text)
    for relation in _with_country_level(table, [f.relation for f in found]):
        yield _marked_reported(relation, contents, quotes)


class _Reader:
    """Reads the interactions of one parsed article."""

    def __init__(self, doc: Doc, table: EntityTable, published: date | None) -> None:
        self.doc = doc
        self.table = table
        self.actors = Actors(table)
        self.published = published
        self.consumed: set[int] = set()  # object nouns that complete a verb cue
        self.produced: dict[int, set[str]] = {}  # verb -> predicates it gave relations for

    # ------------------------------------------------------------- verbs

    def verbal(self, verb: Token) -> Iterator[_Found]:
        cues, completing = _verb_cues(verb)
        if not cues:
            return
        found = list(self._verbal(verb, cues, completing))
        if found:  # the object completed the cue: it is no trigger of its own
            self.consumed.update(t.i for t in completing)
        self.produced[verb.i] = {f.relation.predicate for f in found}
        yield from found

    def _verbal(
        self, verb: Token, cues: list[InteractionCue], completing: list[Token]
    ) -> Iterator[_Found]:
        passive = is_passive(verb)
        telling = told(verb)
        when = event_time(verb, self.published)
        for cue in cues:
            if passive:
                sources = agents(verb)
                rule = "verb-passive"
                if not sources and verb.dep_ in {"acl", "amod"} and not self._names(verb.head):
                    # "supplied Russian equipment": the maker of the thing supplied (not
                    # "assassinated prime minister X": a person acted on is no thing made)
                    sources = [o for o in owners(verb.head) if o is not verb]
                    rule = "verb-participle"
            else:
                sources = subjects(verb)
                rule = "verb"
            parties = self._resolved(sources, False)
            exclude = frozenset(a for a, _ in parties)
            targets = self._targets(verb, cue, passive, completing, exclude=exclude)
            targets = targets or self._purpose_targets(cue, verb)
            together = predicates()[cue.predicate].symmetric and "with" in cue.slots
            if not targets and together and len(parties) > 1:
                # "the United States and Jordan agreed": partners (a cue taking "with")
                sources, targets = [], parties[1:]
                rule = "verb-together"
                yield from self._pairs(
                    cue, verb, [], targets, telling, when, rule, resolved=parties[:1]
                )
                continue
            yield from self._pairs(cue, verb, sources, targets, telling, when, rule)

    def _targets(
        self,
        head: Token,
        cue: InteractionCue,
        passive: bool,
        completing: list[Token],
        extra: tuple[str, ...] = (),
        exclude: frozenset[str] = frozenset(),
    ) -> list[tuple[str, bool]]:
        """The target actors of the first alternative of ``cue.target`` that names one
        other than the sources (``exclude``); ``extra`` slots are read too (the indirect
        object of a light verb)."""
        places = ("target", "place") in cue.conditions
        for alternative in cue.target:
            names = [s for s in (*alternative, *extra) if not (completing and s == "dobj")]
            if passive:
                names = ["nsubjpass" if s == "dobj" else s for s in names]
            tokens = [t for t in slots(head, names) if t not in completing]
            resolved = self._resolved(tokens, places, exclude)
            if not resolved:
                # "imposed sanctions on X", "threatened action against X", "a suspension
                # of links with X", "reneged on its commitment to X", "rioted at a jail in
                # X": the preposition may hang on the object or on a phrase of the head
                prepositions = [n for n in names if n not in NON_PREPOSITIONS]
                inner = completing or [
                    n
                    for o in (*slot(head, "dobj"), *_prepositional_objects(head))
                    for n in (o, *_of_objects(o))
                ]
                inner += [c for word in inner for c in word.children if c.dep_ == "acl"]
                resolved = self._resolved(  # "the curfew imposed in X": on its clause
                    (t for word in inner for t in slots(word, prepositions)), places, exclude
                )
            if passive and "nsubjpass" in names and head.dep_ in {"acl", "amod"}:
                named = self.actors.named(head.head, places)  # "rebels attacked by militiamen"
                if named is not None and named not in {a for a, _ in resolved}:
                    resolved.append((named, False))
            if resolved:
                return resolved
        return []

    def _purpose_targets(self, cue: InteractionCue, *heads: Token) -> list[tuple[str, bool]]:
        """Whom a protest is aimed at when it names no one: those its purpose clause
        makes demands of ("staged demonstrations to demand reforms by Suharto's
        government"), as PLOVER codes the target of a protest."""
        if cue.plover != "PROTEST":
            return []
        for head in heads:
            for clause in head.children:
                if clause.dep_ not in {"advcl", "xcomp"} or clause.pos_ != "VERB":
                    continue
                for demand in _verb_cues(clause)[0]:
                    if demand.predicate == "demands":
                        found = self._targets(clause, demand, False, [])
                        if found:
                            return found
        return []

    def _resolved(
        self, tokens: Iterable[Token], places: bool, exclude: frozenset[str] = frozenset()
    ) -> list[tuple[str, bool]]:
        """The actors of ``tokens``, once each, but those in ``exclude`` (the sources, when
        targets are read: "reneged on his commitment to X" is no act on himself)."""
        found: list[tuple[str, bool]] = []
        for token in tokens:
            actor = self.actors.of(token, places) or self._speaker_itself(token)
            if actor is not None and actor[0] in exclude:
                continue
            if actor is not None and actor[0] not in {a for a, _ in found}:
                found.append(actor)
        return found

    def _speaker_itself(self, pronoun: Token) -> tuple[str, bool] | None:
        """ "Syria says it will ...": an unresolved personal pronoun subject of reported
        speech is the speaker (a stopgap until pronoun resolution reads "it")."""
        if pronoun.tag_ != "PRP" or pronoun.dep_ not in {"nsubj", "nsubjpass"}:
            return None
        if pronoun.morph.get("Person") != ["3"]:
            return None  # "we" in a quotation is the speaker's side, not the speaker
        clause = pronoun.head
        while clause.dep_ in {"conj", "xcomp"} and clause.head.i != clause.i:
            clause = clause.head
        verb = clause.head
        if clause.dep_ != "ccomp" or (verb.lemma_.lower(), "VERB") not in speech_cues():
            return None
        speaker = speaker_token_of(verb)
        if speaker is None or speaker.tag_ == "PRP":
            return None
        actor = self.actors.of(speaker)
        neuter = pronoun.morph.get("Gender") == ["Neut"]
        if actor is not None and neuter and self.table[actor[0]].type == "Person":
            return None  # "it" is no person
        return actor

    # ------------------------------------------------------------- nouns

    def nominal(self, noun: Token) -> Iterator[_Found]:
        cues = _noun_cues(noun)
        if not cues:
            return
        governor = _governor(noun)
        verb = governor if governor is not None and governor.pos_ in {"VERB", "AUX"} else None
        if verb is not None:  # "agreed on a pact": the verb already told it
            cues = [c for c in cues if c.predicate not in self.produced.get(verb.i, ())]
            if not cues:
                return
        telling = told(verb) if verb is not None else Telling()
        if verb is not None and noun.dep_ == "dobj" and role_of(verb) == "refusal":
            telling = Telling(True, True, telling.modality)  # "refused talks with X"
        when = event_time(noun, self.published) or (
            event_time(verb, self.published) if verb is not None else None
        )
        received = verb is not None and noun.dep_ == "dobj" and role_of(verb) == "receive"
        manner = _manner_of(noun)
        for cue in cues:
            if received:
                sources = slots(noun, ("of", "from", "by"))
                targets = self._resolved(subjects(verb), False)
                rule = "noun-receive"
            elif predicates()[cue.predicate].symmetric:
                yield from self._symmetric(cue, noun, verb, telling, when)
                continue
            elif manner is not None:
                # "recalled its envoy in protest at X's decision", "marched in support of
                # X": the clause's subject acts; the of-phrase is whom the act is aimed at
                sources = subjects(manner)
                exclude = frozenset(a for a, _ in self._resolved(sources, False))
                targets = self._targets(noun, cue, False, [], exclude=exclude)
                targets = targets or self._resolved(slots(noun, MANNER_TARGETS), False, exclude)
                rule = "noun-manner"
            else:
                sources = [c for c in noun.children if c.dep_ == "poss" and "poss" in cue.source]
                sources += slots(noun, [s for s in cue.source if s not in {"poss", "nsubj"}])
                if not self._resolved(sources, False):
                    # "US sanctions", "Palestinian riots": the modifier acts
                    sources = [c for c in noun.children if c.dep_ in {"amod", "compound", "nmod"}]
                if (
                    not self._resolved(sources, False)
                    and verb is not None
                    and noun.dep_ == "dobj"
                    and not _verb_cues(verb)[0]
                ):  # "imposed sanctions on X", "reiterated its demand"; not "condemned the
                    # deployment": who condemns an act is not who does it
                    sources = subjects(verb)
                exclude = frozenset(a for a, _ in self._resolved(sources, False))
                targets = self._targets(noun, cue, False, [], exclude=exclude)
                if not targets and verb is not None and noun.dep_ == "dobj":
                    # "gave Estonia a loan", "held talks with X": on the light verb
                    targets = self._targets(
                        verb, cue, False, [noun], extra=("dative",), exclude=exclude
                    )
                    targets = targets or self._purpose_targets(cue, verb)
                rule = "noun"
            yield from self._pairs(cue, noun, conjoined(sources), targets, telling, when, rule)

    def _symmetric(
        self,
        cue: InteractionCue,
        noun: Token,
        verb: Token | None,
        telling: Telling,
        when: TimeSpan | None,
    ) -> Iterator[_Found]:
        """consults / cooperatesWith: everyone taking part, paired with the first."""
        parties: list[Token] = []
        if verb is not None and (noun.dep_ == "pobj" or not _verb_cues(verb)[0]):
            parties += subjects(verb)  # "in a phone call with X", "held talks with X"
        parties += [c for c in noun.children if c.dep_ == "poss"]
        parties += slots(noun, ("by", "with", "from", "between", "among", "to"))
        actors = self._resolved(conjoined(parties), False)
        if len(actors) < 2:
            return
        yield from self._pairs(
            cue, noun, [], actors[1:], telling, when, "noun-symmetric", resolved=[actors[0]]
        )

    # ------------------------------------------------------------- speech

    def demand_in_speech(self, verb: Token) -> Iterator[_Found]:
        """ "Trump said Russia needed to get out": the speaker demands of Russia."""
        if (verb.lemma_.lower(), "VERB") not in speech_cues():
            return
        speaker_token = speaker_token_of(verb)
        if speaker_token is None:
            return
        if speaker_token.pos_ == "VERB":  # "The Red Cross operating in Iraq said": parsed
            speaker_token = next(  # as if "operating" spoke; its subject is the speaker
                (c for c in speaker_token.children if c.dep_ == "nsubj"), speaker_token
            )
        cue = interaction_cues()[("demand", "VERB")][0]
        for clause in conjoined(c for c in verb.children if c.dep_ == "ccomp"):
            if not _obliged(clause):
                continue
            targets = self._resolved(  # "X should be punished" asks nothing of X
                conjoined(c for c in clause.children if c.dep_ == "nsubj"), False
            )
            yield from self._pairs(
                cue,
                verb,
                [speaker_token],
                targets,
                told(verb),
                event_time(verb, self.published),
                "speech-obligation",
                cue_span=token_span(clause, clause),
            )

    # ------------------------------------------------------------- shared

    def _pairs(
        self,
        cue: InteractionCue,
        trigger: Token,
        sources: list[Token],
        targets: list[tuple[str, bool]],
        telling: Telling,
        when: TimeSpan | None,
        rule: str,
        cue_span: Span | None = None,
        resolved: list[tuple[str, bool]] | None = None,
    ) -> Iterator[_Found]:
        source_actors = resolved if resolved is not None else self._resolved(sources, False)
        located = False
        if not targets and source_actors and ("target", "located") in cue.conditions:
            targets = [(t, False) for t in self._located(trigger, {s for s, _ in source_actors})]
            located = True
        plover, cameo = event_class(cue, telling)
        others = {t for t, _ in targets} - {s for s, _ in source_actors}
        # no one but the sources themselves ("pressed their demands"): an act with no target
        lone: list[tuple[str | None, bool]] = [(None, False)]
        alone = not others and ("target", "optional") in cue.conditions
        trust = interaction_confidence()
        for source, source_owned in source_actors:
            if not self._allowed(cue, source, "source"):
                continue
            for target, target_owned in lone if alone else targets:
                if target == source or not self._allowed(cue, target, "target"):
                    continue
                if target_owned and ("target", "direct") in cue.conditions:
                    continue
                flags = [
                    f
                    for f, on in (
                        ("owned", source_owned or target_owned),
                        ("located", located),
                        ("alone", target is None),
                    )
                    if on
                ]
                confidence = cue.confidence * trust.get(f"rule:{rule}", 1.0)
                for flag in flags:
                    confidence *= trust[f"flag:{flag}"]
                yield _Found(
                    Relation(
                        subject=source,
                        predicate=cue.predicate,
                        object=target,
                        evidence=sentence_of(trigger),
                        confidence=round(confidence, 3),
                        rule=_rule_name(rule, cue, flags),
                        negated=telling.negated,
                        modality=telling.modality,
                        time=when,
                        cue=cue_span or token_span(trigger, trigger),
                        plover=plover,
                        cameo=cameo,
                    ),
                    trigger,
                )

    def conditioned(self, found: list[_Found]) -> list[_Found]:
        """A threat told with no target is aimed at the subject of the condition it sets
        ("threatened to close its airspace unless Greece withdraws its ships": Greece), as
        event coders read threats; the condition hangs on the threat, on the act threatened
        or on a clause above them."""
        trust = interaction_confidence()
        out: list[_Found] = []
        for item in found:
            relation = item.relation
            targets = []
            if relation.object is None and relation.plover == "THREATEN":
                targets = self._conditioned(item.trigger, frozenset({relation.subject}))
            confidence = relation.confidence / trust["flag:alone"] * trust["flag:conditioned"]
            out += [
                _Found(
                    replace(
                        relation,
                        object=target,
                        confidence=round(min(confidence, 1.0), 3),
                        rule=relation.rule.replace("+alone", "+conditioned"),
                    ),
                    item.trigger,
                )
                for target, _ in targets
            ] or [item]
        return out

    def _conditioned(self, trigger: Token, exclude: frozenset[str]) -> list[tuple[str, bool]]:
        heads = [trigger]
        while heads[-1].dep_ != "conj" and heads[-1].head.i != heads[-1].i:
            heads.append(heads[-1].head)
        heads += [c for h in list(heads) for c in h.children if c.dep_ in {"xcomp", "ccomp"}]
        for head in heads:
            for clause in head.children:
                conditional = any(
                    m.dep_ == "mark" and role_of(m) == "condition" for m in clause.children
                )
                if clause.dep_ == "advcl" and conditional:
                    subjects_ = (s for s in clause.children if s.dep_ in {"nsubj", "nsubjpass"})
                    found = self._resolved(subjects_, False, exclude)
                    if found:
                        return found
        return []

    def _names(self, token: Token) -> bool:
        return self.actors.named(token) is not None

    def _allowed(self, cue: InteractionCue, entity_id: str | None, side: str) -> bool:
        if entity_id is None:
            return True  # an act with no target ("target=optional")
        entity = self.table[entity_id]
        for where, wanted in cue.conditions:
            if where != side:
                continue
            if wanted == "armed" and entity.sector not in ARMED_SECTORS:
                return False
            if wanted == "actor" and entity.type not in ACTOR_TYPES:
                return False
            if wanted == "person" and entity.type != "Person":
                return False
            if wanted == "collective" and entity.type == "Person":
                return False
        return True

    def _located(self, trigger: Token, sources: set[str]) -> list[str]:
        """The one country the trigger's sentence places things in ("in Venezuela")."""
        countries: set[str] = set()
        for token in trigger.sent:
            if token.dep_ == "pobj" and token.head.lower_ == "in":
                actor = self.actors.named(token)
                if actor is not None and self.table[actor].type == "Country":
                    countries.add(actor)
        countries -= sources
        return list(countries) if len(countries) == 1 else []


# ----------------------------------------------------------------- cues


def _rule_name(rule: str, cue: InteractionCue, flags: list[str]) -> str:
    """``interactions.<rule>.<cue>[+<mark>...]/<version>``: which rule, which lexicon
    cue ("phone call" as phone_call) and which marks made a relation."""
    marks = "".join(f"+{flag}" for flag in flags)
    return f"interactions.{rule}.{cue.lemma.replace(' ', '_')}{marks}/{VERSION}"


def _verb_cues(verb: Token) -> tuple[list[InteractionCue], list[Token]]:
    """The cue rows a verb matches, most specific first, and the object nouns that
    complete them: "call on" before "call", "withdraw" + "ambassador" before "withdraw"."""
    table = interaction_cues()
    lemma = verb.lemma_.lower()
    rows: list[InteractionCue] = []
    for child in verb.children:
        if child.dep_ in {"prep", "prt"}:
            rows = table.get((f"{lemma} {child.lower_}", "VERB"), [])
            if rows:
                break
    rows = rows or table.get((lemma, "VERB"), [])
    if not rows:
        return [], []
    groups = _object_groups(verb)
    for nouns in groups:
        for word in (w for noun in nouns for w in (*_compounds(noun), noun)):
            completed = [r for r in rows if not r.excludes and word.lemma_.lower() in r.objects]
            if completed:
                return completed, nouns
    heads = {nouns[0].lemma_.lower() for nouns in groups}
    if lemma in light_verbs() and any(_noun_cues(nouns[0]) for nouns in groups):
        return [], []  # "gave his support to X": the noun tells the act
    return [r for r in rows if not r.objects or (r.excludes and not heads & r.objects)], []


def _object_groups(verb: Token) -> list[list[Token]]:
    """The objects of a verb, each with the noun of its of-phrase: "a day-old blockade",
    "part of a military aid program" (part, program), "air links"."""
    objects = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}]
    if verb.dep_ in {"acl", "amod"} and verb.tag_ == "VBN":
        objects.append(verb.head)
    if verb.dep_ == "relcl":  # "the package that Reagan sent": the package
        objects = [verb.head if o.tag_ in {"WDT", "WP"} else o for o in objects]
    return [[head, *_of_objects(head)] for head in objects]


def _of_objects(noun: Token) -> list[Token]:
    return [
        p
        for c in noun.children
        if c.dep_ == "prep" and c.lower_ == "of"
        for p in c.children
        if p.dep_ == "pobj"
    ]


def _prepositional_objects(head: Token) -> list[Token]:
    return [p for c in head.children if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj"]


def _compounds(noun: Token) -> list[Token]:
    return [c for c in noun.children if c.dep_ == "compound"]


def _noun_cues(noun: Token) -> list[InteractionCue]:
    """Cue rows of a noun ("phone call" before "call"), keeping the readings whose
    target preposition is present: "the call on Russia" is a demand, not a phone call."""
    table = interaction_cues()
    lemma = noun.lemma_.lower()
    rows: list[InteractionCue] = []
    for child in noun.children:
        if child.dep_ in {"compound", "amod"}:
            rows = table.get((f"{child.lower_} {lemma}", "NOUN"), [])
            if rows:
                break
    rows = rows or table.get((lemma, "NOUN"), [])
    if not rows:  # "a mediation effort between X and Y", "an aid package to X"
        rows = next(
            (
                table[(c.lemma_.lower(), "NOUN")]
                for c in noun.children
                if c.dep_ == "compound" and (c.lemma_.lower(), "NOUN") in table
            ),
            [],
        )
    rows = _completed_by_of(noun, rows)
    present = {c.lower_ for c in noun.children if c.dep_ == "prep"}
    marked = [cue for cue in rows if present & (cue.slots - set(cue.source))]
    return marked or rows


def _completed_by_of(noun: Token, rows: list[InteractionCue]) -> list[InteractionCue]:
    """The rows of an event noun that its of-phrase completes, as an object completes a
    verb's: "the deployment of peacekeeping troops" is aid, as "deployed peacekeepers" is;
    else the rows that need no object."""
    if not any(r.objects for r in rows):
        return rows
    words = [w.lemma_.lower() for o in _of_objects(noun) for w in (*_compounds(o), o)]
    completed = [r for r in rows if r.objects and not r.excludes and r.objects & set(words)]
    return completed or [r for r in rows if not r.objects or r.excludes]


def _governor(noun: Token) -> Token | None:
    """The word an event noun is an argument of: "imposed sanctions", "in a phone call"."""
    if noun.dep_ in GOVERNED_NOUN_DEPS:
        return noun.head
    if noun.dep_ == "pobj" and noun.head.dep_ == "prep":
        return noun.head.head
    return None


def _manner_of(noun: Token) -> Token | None:
    """The verb whose act an event noun after "in" tells the manner of: "marched in
    support of X", "recalled its envoy in protest at X" (the parser may hang the phrase
    on the verb's object)."""
    if noun.dep_ != "pobj" or noun.head.lower_ != "in" or noun.head.dep_ != "prep":
        return None
    if noun.tag_ != "NN" or any(c.dep_ in BOUND_NOUN_DEPS for c in noun.children):
        return None  # "killed in the riots", "in nationalist riots": where, not how
    head = noun.head.head
    for _ in range(3):
        if head.pos_ in {"VERB", "AUX"}:
            return head
        if head.dep_ not in {"dobj", "pobj", "prep"}:
            return None
        head = head.head
    return None


def _obliged(clause: Token) -> bool:
    """An obligation: "Russia must leave", "Russia needed to get out"; not a prediction
    ("would have to raise taxes")."""
    modals = {role_of(c) for c in clause.children if c.tag_ == "MD"}
    if modals & {"future", "conditional", "hypothetical"} or clause.pos_ != "VERB":
        return False  # "should be able to" wishes, it asks no act
    if "obligation" in modals:
        return True
    following = clause.nbor(1) if clause.i + 1 < len(clause.doc) else None
    return (  # "needed to get out", not "has had four years to prepare"
        role_of(clause) == "obligation" and following is not None and following.tag_ == "TO"
    )


# ----------------------------------------------------------------- after reading


def _without_told_targets(found: list[_Found]) -> list[_Found]:
    """An act with no target is left out when the same source's act is told more fully in
    the same chain of clauses: one with a target ("Iran threatened to attack Iraq" is a
    threat to Iraq, not also a threat to no one), or the act it governs ("promised to
    withdraw", "refused to resign": the withdrawal, promised; the resignation, refused).
    Coordinated acts are each kept ("the army withdrew and attacked X")."""

    def told_more_fully(lone: _Found, other: _Found) -> bool:
        return (
            other is not lone
            and other.relation.subject == lone.relation.subject
            and _one_chain(lone.trigger, other.trigger)
            and (other.relation.object is not None or lone.trigger.is_ancestor(other.trigger))
        )

    return [
        f
        for f in found
        if f.relation.object is not None or not any(told_more_fully(f, g) for g in found)
    ]


def _one_chain(first: Token, second: Token) -> bool:
    """Whether one word governs the other through complements, not coordination."""
    if second.is_ancestor(first):
        first, second = second, first
    if not first.is_ancestor(second):
        return False
    token = second
    while token != first:
        if token.dep_ == "conj":
            return False
        token = token.head
    return True


def _dated_by_context(found: list[_Found]) -> list[_Found]:
    """An undated relation that retells an act dated in the sentences just before
    (same subject, predicate, object and trigger word) takes that date."""
    dated: dict[tuple[str, str, str, str], tuple[int, TimeSpan]] = {}
    sentence_number = {}
    out: list[_Found] = []
    for item in sorted(found, key=lambda f: f.trigger.i):
        sent = item.trigger.sent.start
        number = sentence_number.setdefault(sent, len(sentence_number))
        relation = item.relation
        key = (relation.subject, relation.predicate, relation.object, item.trigger.lemma_)
        if relation.time is None and key in dated:
            at, when = dated[key]
            if 0 < number - at <= CONTEXT_SENTENCES:
                item = _Found(replace(relation, time=when), item.trigger)
        elif relation.time is not None:
            dated[key] = (number, relation.time)
        out.append(item)
    return out


def _with_quantities(found: list[_Found], doc: Doc, body_start: int) -> list[_Found]:
    anchors: dict[int, list[int]] = {}
    for number, item in enumerate(found):
        anchors.setdefault(item.trigger.i, []).append(number)
    attached = attach(anchors, doc, body_start)
    return [
        _Found(replace(item.relation, quantities=tuple(attached[n])), item.trigger)
        if n in attached
        else item
        for n, item in enumerate(found)
    ]


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
    def lift(entity_id: str | None) -> str | None:
        if entity_id is None:
            return None
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
        confidence=round(relation.confidence * interaction_confidence()["flag:country-level"], 3),
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
