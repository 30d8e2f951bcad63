"""The political-event class (PLOVER) and CAMEO code of an act as it is told.

A cue names what kind of act it is ("give" aid: AID, CAMEO 07); how the act
is told can change the event it reports, as the PLOVER manual (3.1, 3.10,
3.11) and CAMEO code it:

- an intended cooperative act is an expression of intent to cooperate:
  "Finland will give Tanzania a grant" is AGREE (CAMEO 03);
- an intended act of material conflict is a threat: "Israel threatened to
  ban voting" is THREATEN (CAMEO 13);
- a refused cooperative act is a rejection: "Pakistan refused to deploy
  peacekeepers" is REJECT (CAMEO 12);
- a negated act that is no refusal ("did not endorse"), an act demanded of
  someone (the demand is its own event), and a hypothetical are no events.

The table of these changes is data (``kg/lexicon/plover_classes.tsv``).

>>> from kg.extract.modality import Telling
>>> from kg.lexicon import interaction_cues
>>> give = interaction_cues()[("give", "VERB")][0]
>>> event_class(give, Telling()), event_class(give, Telling(modality="future"))
(('AID', '070'), ('AGREE', '03'))
>>> event_class(give, Telling(negated=True, refused=True, modality="future"))
('REJECT', '12')
>>> event_class(give, Telling(negated=True))
(None, None)
"""

from __future__ import annotations

from kg.extract.modality import Telling
from kg.lexicon import InteractionCue, plover_classes

NO_EVENT: tuple[None, None] = (None, None)


def event_class(cue: InteractionCue, telling: Telling) -> tuple[str | None, str | None]:
    """(PLOVER class, CAMEO code) of the act ``cue`` names, told as ``telling``."""
    classes = plover_classes()
    if telling.modality in {"demanded", "hypothetical"}:
        return NO_EVENT  # "urged X to refuse ...": no refusal yet
    if telling.negated:
        refused = classes[cue.plover].refused if telling.refused else None
        return (refused, classes[refused].cameo) if refused else NO_EVENT
    if telling.modality == "future":
        intended = classes[cue.plover].intended
        if intended != cue.plover:
            return intended, classes[intended].cameo
    return cue.plover, cue.cameo
