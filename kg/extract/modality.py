"""How an act is told: done, intended, demanded, hypothetical, negated or refused.

"Brazil did not endorse Maduro" is no support, "France will sanction Iran" no
sanction yet, "Biden urged Russia to withdraw" no withdrawal: the extractor
keeps these acts, marked, and never turns them into plain assertions. The
words that decide are data (``kg/lexicon/modality_cues.tsv``); this module
reads them off the parse:

- the act's own auxiliaries and negation ("will", "would", "must", "not");
- the verb or adjective that governs it ("plans to", "willing to", "refused
  to", "urged X to"), up a chain of such governors ("has not agreed to try to");
- a that-clause under a demand, in the subjunctive ("demanded that the US
  cancel ...");
- a purpose clause is intended, not done ("arrived to take part in talks");
- "would" is the future of reported speech ("said they would meet") and a
  hypothetical elsewhere; "if"/"unless" make a clause hypothetical.

A refusal is a negated act that someone declines to do: "refused to back",
"will not accept"; a plain past negation ("did not endorse") is no refusal.

>>> import spacy
>>> from spacy.tokens import Doc
>>> words = ["France", "will", "not", "sanction", "Iran"]
>>> doc = Doc(spacy.blank("en").vocab, words=words, heads=[3, 3, 3, 3, 3],
...           deps=["nsubj", "aux", "neg", "ROOT", "dobj"], tags=["NNP", "MD", "RB", "VB", "NNP"])
>>> told(doc[3])
Telling(negated=True, refused=True, modality='future')
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from kg.lexicon import modality_cues, speech_cues
from kg.models import Modality

GOVERNED_DEPS = {"xcomp"}
ASSERTED = "asserted"


@dataclass(frozen=True)
class Telling:
    """Negation and modality of one act."""

    negated: bool = False
    refused: bool = False
    modality: Modality = ASSERTED


def role_of(token: Token) -> str | None:
    """The modality role of a word: its written form first, then its lemma."""
    cues = modality_cues()
    return cues.get(token.lower_) or cues.get(token.lemma_.lower())


def told(act: Token) -> Telling:
    """How the act headed by ``act`` (a verb, or the verb governing an event noun) is told."""
    negated = any(c.dep_ == "neg" for c in act.children)
    modality = _own_modality(act)
    refused = False
    governor = _governor(act)
    if governor is not None:
        role = role_of(governor)
        outer = told(governor)
        negated = negated or outer.negated
        refused = outer.refused
        if role == "refusal":
            negated = refused = True
        elif role == "denial":
            negated = True
        elif role == "demand":
            modality = "demanded"
        elif role in {"intent", "obligation"}:
            modality = "future" if role == "intent" else "demanded"
        if modality == ASSERTED:
            modality = outer.modality
    elif act.dep_ == "ccomp" and role_of(act.head) == "demand" and owed(act):
        modality = "demanded"  # "demanded that the US cancel ..."
    elif act.dep_ == "advcl" and _infinitive(act):
        modality = modality if modality != ASSERTED else "future"  # "arrived to take part"
    if negated and modality in {"future", "hypothetical"}:
        refused = True  # "will not accept", "would not meet"
    return Telling(negated, refused, modality)


def _governor(act: Token) -> Token | None:
    """The word an act is the complement of: "plans to X", "willing to X", "its
    refusal to X"."""
    if act.dep_ in GOVERNED_DEPS and act.head.i != act.i:
        return act.head
    if act.dep_ == "acl" and act.head.pos_ == "NOUN" and _infinitive(act):
        return act.head
    return None


def _infinitive(verb: Token) -> bool:
    return any(c.tag_ == "TO" for c in verb.children)


def _own_modality(act: Token) -> Modality:
    modality: Modality = ASSERTED
    for child in act.children:
        if child.dep_ not in {"aux", "auxpass"} or child.tag_ != "MD":
            continue
        role = role_of(child)
        if role == "future":
            return "future"
        if role == "conditional":
            modality = "future" if in_reported_speech(act) else "hypothetical"
        elif role == "hypothetical" and modality == ASSERTED:
            modality = "hypothetical"
        elif role == "obligation" and modality == ASSERTED:
            modality = "demanded"
    if modality == ASSERTED and act.lower_ == "going":
        modality = "future"
    if modality == ASSERTED and any(
        c.dep_ == "mark" and role_of(c) == "condition" for c in act.children
    ):
        modality = "hypothetical"
    return modality


def owed(clause: Token) -> bool:
    """A clause that asks for an act: a subjunctive ("that the US cancel") or a modal of
    obligation ("that Israel should ease"), not a claim ("insisted it had been met")."""
    present = clause.tag_ == "VB" or (clause.tag_ == "VBP" and clause.pos_ == "VERB")
    if present and not any(c.dep_ in {"aux", "auxpass"} for c in clause.children):
        return True  # the parser often tags a subjunctive after a plural subject as VBP
    return any(c.tag_ == "MD" and role_of(c) == "obligation" for c in clause.children)


def in_reported_speech(act: Token) -> bool:
    """Whether the clause of ``act`` is what a speech verb reports ("said they would ...")."""
    token = act
    while token.dep_ in {"ccomp", "conj", "xcomp"} and token.head.i != token.i:
        token = token.head
        if token.pos_ == "VERB" and (token.lemma_.lower(), "VERB") in speech_cues():
            return True
    return False
