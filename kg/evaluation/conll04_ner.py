"""CoNLL04 entity annotations: our named entities against the bare spaCy model.

Every dev sentence of ``shared/eval/conll04`` is read as a one-sentence
article (no headline or dateline: the body is the whole sentence) and parsed
once; both systems are scored on the same parse.

- ``bare``: the model's own entities, PERSON -> Peop, ORG -> Org and GPE, LOC,
  FAC -> Loc. NORP ("Russian", "Serbs") names a nationality or group, not a
  person, organisation or place, and is not counted; nor are dates, numbers...
- ``ours``: the named mentions of the entity table that the identity steps
  build (``find_mentions`` then ``build_table``), typed with their entity's
  final type: Person -> Peop, Organization -> Org, Country / City / Region /
  Place -> Loc. A demonym mention ("Russian" read as Russia) and a nominal
  mention ("the Venezuelan parliament", "Russian servicemen") are not names
  and are not counted, just as the bare model's NORP is not; Group and Other
  entities are not counted either.

Matching is exact: a predicted mention is a true positive when its character
span and its type equal those of a gold entity; any other prediction is a
false positive, and every gold Peop / Org / Loc entity left unmatched a false
negative. Gold "Other" entities (dates, amounts, nationalities) are outside
the three types: they are neither missed nor matched, and a Peop / Org / Loc
prediction on one is a false positive.

``kg eval conll04-ner --shared ../shared`` prints both systems side by side,
per type and over all three.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from spacy.tokens import Doc

from kg.evaluation.conll04 import Sentence, load
from kg.evaluation.metrics import Counts, Row
from kg.extract.mentions import find_mentions
from kg.models import Article
from kg.nlp import parse_articles
from kg.resolve.in_article import build_table

TYPES = ("Peop", "Org", "Loc")
BARE_TYPES = {"PERSON": "Peop", "ORG": "Org", "GPE": "Loc", "LOC": "Loc", "FAC": "Loc"}
OUR_TYPES = {
    "Person": "Peop",
    "Organization": "Org",
    "Country": "Loc",
    "City": "Loc",
    "Region": "Loc",
    "Place": "Loc",
}
Predicted = set[tuple[int, int, str]]


def bare_entities(doc: Doc) -> Predicted:
    """(start, end, type) of the model's own person, organisation and place names."""
    return {
        (ent.start_char, ent.end_char, BARE_TYPES[ent.label_])
        for ent in doc.ents
        if ent.label_ in BARE_TYPES
    }


def our_entities(doc: Doc, body_start: int = 0) -> Predicted:
    """(start, end, type) of the named mentions after the identity steps."""
    table = build_table(doc, find_mentions(doc, body_start))
    found: Predicted = set()
    for entity in table.entities:
        kind = OUR_TYPES.get(entity.type)
        if kind is None:
            continue
        for mention in entity.mentions:
            if mention.is_name:
                last = doc[mention.end - 1]
                found.add((doc[mention.start].idx, last.idx + len(last.text), kind))
    return found


def score(gold: Iterable[Sentence], predicted: Iterable[Predicted]) -> dict[str, Counts]:
    """Counts per type (exact span and type)."""
    counts = {kind: Counts() for kind in TYPES}
    for sentence, guesses in zip(gold, predicted, strict=True):
        truth = {(e.start, e.end, e.type) for e in sentence.entities if e.type in TYPES}
        for kind in TYPES:
            mine = {g for g in guesses if g[2] == kind}
            theirs = {t for t in truth if t[2] == kind}
            counts[kind] += Counts(len(mine & theirs), len(mine - theirs), len(theirs - mine))
    return counts


def _docs(extractor, sentences: list[Sentence]) -> Iterator[Doc]:
    articles = [Article(id=s.id, text=s.text) for s in sentences]
    for _, doc in parse_articles(extractor.nlp, articles, extractor.settings.batch_size):
        yield doc


def evaluate(extractor, shared: Path, limit: int | None = None) -> list[Row]:
    """Rows for ``bare`` and ``ours``, per type and ``all``, on the dev split."""
    sentences = load(shared, "dev")[:limit]
    bare: list[Predicted] = []
    ours: list[Predicted] = []
    for doc in _docs(extractor, sentences):
        bare.append(bare_entities(doc))
        ours.append(our_entities(doc))
    rows = []
    for kind in (*TYPES, "all"):
        for stage, predicted in (("bare", bare), ("ours", ours)):
            counts = score(sentences, predicted)
            total = sum(counts.values(), Counts()) if kind == "all" else counts[kind]
            rows.append(Row("conll04-ner", stage, kind, total))
    return rows
