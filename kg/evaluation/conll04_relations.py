"""CoNLL04 relations: our stative relations scored on Work_For, OrgBased_In, Located_In.

Every sentence of the dev split (``shared/eval/conll04``, read by
``kg.evaluation.conll04``) is extracted as an article of its own, with no
publication date. Nothing is fitted to CoNLL04: the extractor uses its rules
and lexicons only.

Mapping of our predicates to the CoNLL04 labels (by the types of our entities):

============================================  ===========  ==========================
ours                                          CoNLL04      why
============================================  ===========  ==========================
holdsPosition / memberOf, Person → Organization  Work_For  person works for an organisation
  or Group
locatedIn, Organization → place or Country    OrgBased_In  organisation based in a place
partOf, Organization → Country                OrgBased_In  "the U.S. Congress" is based in the U.S.
locatedIn, place or Country → place or Country  Located_In  place in a place
============================================  ===========  ==========================

(place = City, Region or Place.) locatedIn stands for both OrgBased_In and
Located_In: CoNLL04 tells them apart by the type of the subject only, and its
types are not spaCy's (a facility, "Shands Hospital", "GSA Depot", is a
location there and an organisation for spaCy; a dateline's "DAYTON" is an
organisation for spaCy). The relation is scored here, the typing by the NER
check of issue 3: a locatedIn matches a gold relation of either label and
counts under that label; one that matches none is a false positive under the
label its subject's type gives. A position held in a country ("Haitian
President X") is not Work_For: CoNLL04 annotates it as Live_In, which is not
scored here, so such relations are left out of the counts, as are all other
predicates. Live_In and Kill are not stative relations of ours.

Matching (``kg.evaluation.relation_matching``): a relation is brought back to
text through its entities' mentions in the sentence. CoNLL04 annotates a
relation between mentions, once for each pair of mentions ("the NRC ... NRC
experts" based in Rockville is two gold relations); ours is between entities,
and so says it of every pair of their mentions: each (subject mention, object
mention) pair is scored on its own, right or wrong. A pair matches a gold
relation of the same label when its subject mention overlaps the gold head
span and its object mention the gold tail span, one-to-one. Overlap rather
than exact offsets because CoNLL04's spans include what our mentions leave out
("The Associated Press", "President Kennedy", a final "." glued to a word);
the exact-offset F1 is reported beside it (``f1_exact``).

Two kinds of relation cannot be compared with span annotations and are left
out of the counts (they are neither right nor wrong here):

- a relation to an entity that the sentence names by no mention of its own
  (the party of "R-Utah") or only by an adjective of nationality or party
  ("Russian" in "the Russian Defence Ministry", "Republican Senator X"), which
  CoNLL04 does not mark as a location or an organisation;
- a relation between two parts of what CoNLL04 annotates as one entity: the
  data set marks "Kinderhook , N.Y." sometimes as one location, sometimes as
  two with a Located_In between them; when it is one, no relation can be there.

Where an organisation's name holds the name of the place it is in ("the U.S.
Congress", "the Supreme Court of Canada"), CoNLL04 annotates two entities,
"U.S." and "Congress", and the relation between them; our organisation's
mention covers both, so for such a relation it stands for the words outside
the place's name ("Congress").
"""

from __future__ import annotations

from pathlib import Path

from kg.evaluation.conll04 import Sentence, load
from kg.evaluation.metrics import Counts, Row
from kg.evaluation.relation_matching import Pair, count_matches, spans_match
from kg.lexicon import gazetteer, party_words
from kg.models import Article, Entity, Extraction, Relation

LABELS = ("Work_For", "OrgBased_In", "Located_In")
LOCATED = frozenset({"OrgBased_In", "Located_In"})
PLACES = {"City", "Region", "Place"}
LOCATIONS = PLACES | {"Country"}


def conll04_label(relation: Relation, subject: Entity, obj: Entity) -> str | None:
    """The CoNLL04 label our relation stands for, or None when it has none."""
    if relation.negated or relation.modality in {"hypothetical", "future", "demanded"}:
        return None
    predicate = relation.predicate
    if predicate in {"holdsPosition", "memberOf"}:
        if subject.type == "Person" and obj.type in {"Organization", "Group"}:
            return "Work_For"
    elif predicate == "locatedIn" and obj.type in LOCATIONS:
        if subject.type == "Organization":
            return "OrgBased_In"
        if subject.type in LOCATIONS:
            return "Located_In"
    elif predicate == "partOf" and subject.type == "Organization" and obj.type == "Country":
        return "OrgBased_In"
    return None


def predicted_pairs(extraction: Extraction, sentence: Sentence) -> list[Pair]:
    """Our relations as labelled pairs of mentions, one per (label, subject
    mention, object mention), leaving out those the annotation cannot hold (see
    the module docstring)."""
    entities = {e.id: e for e in extraction.entities}
    found: dict[tuple[str, tuple[int, int], tuple[int, int]], Pair] = {}
    for relation in extraction.relations:
        if relation.object is None:
            continue  # an act with one participant: no pair
        subject, obj = entities[relation.subject], entities[relation.object]
        label = conll04_label(relation, subject, obj)
        if label is None:
            continue
        accepts = LOCATED if relation.predicate == "locatedIn" else frozenset()
        object_spans = _spans(obj)
        for subject_span in _outside(_spans(subject), object_spans, sentence.text):
            for object_span in object_spans:
                pair = Pair(label, (subject_span,), (object_span,), accepts)
                if _comparable(pair, sentence):
                    found.setdefault((label, subject_span, object_span), pair)
    return list(found.values())


def _comparable(pair: Pair, sentence: Sentence) -> bool:
    if not pair.subject or not pair.object:
        return False
    return not any(
        spans_match(pair.subject, [(e.start, e.end)], "overlap")
        and spans_match(pair.object, [(e.start, e.end)], "overlap")
        for e in sentence.entities
    )


def gold_pairs(sentence: Sentence) -> list[Pair]:
    return [
        Pair(r.type, ((r.head.start, r.head.end),), ((r.tail.start, r.tail.end),))
        for r in sentence.relations
        if r.type in LABELS
    ]


def _spans(entity: Entity) -> tuple[tuple[int, int], ...]:
    """The entity's mentions, but for adjectives of nationality or party."""
    return tuple((m.start, m.end) for m in entity.mentions if not _is_adjective(m.text))


def _outside(spans: tuple, inner: tuple, text: str) -> tuple[tuple[int, int], ...]:
    """Each span without an inner span that opens or closes it, and without the
    spaces between them: "U.S. Congress" without "U.S." is "Congress"."""
    found = []
    for start, end in spans:
        for a, b in inner:
            if (a, b) != (start, end) and start <= a and b <= end:
                if a == start:
                    start = b + len(text[b:end]) - len(text[b:end].lstrip())
                elif b == end:
                    end = a - (len(text[start:a]) - len(text[start:a].rstrip()))
        found.append((start, end))
    return tuple(found)


def _is_adjective(text: str) -> bool:
    if (text.lower(), "member") in party_words():
        return True
    return gazetteer.demonym(text) is not None and gazetteer.country(text) is None


def evaluate(extractor, shared: Path, limit: int | None = None, split: str = "dev") -> list[Row]:
    """Rows per label and their micro-average, for the first ``limit`` sentences."""
    sentences = load(shared, split)[:limit]
    articles = [Article(id=f"conll04-{split}-{s.id}", text=s.text) for s in sentences]
    overlap = {label: Counts() for label in LABELS}
    exact = {label: Counts() for label in LABELS}
    for sentence, extraction in zip(sentences, extractor.extract(articles), strict=True):
        predicted, gold = predicted_pairs(extraction, sentence), gold_pairs(sentence)
        for counts, mode in ((overlap, "overlap"), (exact, "exact")):
            for label, found in count_matches(predicted, gold, mode).items():
                counts[label] += found
    rows = [
        Row("conll04", "relations", label, overlap[label], {"f1_exact": exact[label].f1})
        for label in LABELS
    ]
    micro, micro_exact = sum(overlap.values(), Counts()), sum(exact.values(), Counts())
    rows.append(Row("conll04", "relations", "micro", micro, {"f1_exact": micro_exact.f1}))
    return rows
