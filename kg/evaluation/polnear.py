"""Score statements against PolNeAR (Newell, Margolin & Ruths, LREC 2018).

PolNeAR annotates *attributions* in US political news of 2015-16: a Source
(who), a Cue (the words that signal attribution) and a Content (what is
attributed), in brat standoff files beside the raw text
(``data/{split}/text/NAME.txt``, ``data/{split}/attributions/NAME_ANNOTATOR.ann``):

- ``T7<TAB>Cue 1674 1678<TAB>said`` is a text span: a label, character
  offsets into the text (end exclusive; a discontinuous span lists its
  fragments separated by ``;``) and the covered text;
- ``E3<TAB>Attribution:T12 Content:T11 Cue:T10 Source:T9`` joins the spans of
  one attribution (``Attribution-no-source`` when there is no source; a
  second content fragment is ``Content2``);
- ``Discuss`` and ``Discard`` spans, ``#`` notes and stray lines are
  annotators' work notes and are ignored.

An article annotated by several annotators (the agreement articles) is read
with the first annotator that ``metadata.tsv`` lists for it, so every article
counts once. The publication date comes from ``metadata.tsv``.

Matching (one-to-one, greedy by overlap): a predicted statement matches a
gold attribution when their cue spans overlap, or when their contents share
at least half of the tokens of the shorter of the two (the overlap
coefficient of their word sets of character positions, >= 0.5). Detection
precision, recall and F1 count matched pairs, unmatched predictions and
unmatched gold attributions. This is the usual "partial match" of
attribution evaluation (Pareti 2016): the boundaries of spans vary between
annotators; whether the same act of attribution was found does not.

Speaker accuracy, on matched pairs whose gold attribution has a Source: our
speaker is right when its span overlaps the gold Source, or when one of the
mentions of the entity we resolved it to overlaps it (we name "she", the gold
marks an earlier "Hillary Clinton", or the reverse).

PolNeAR is broader than statements: it also attributes beliefs, intentions
and perceptions ("thinks", "wants", "plans to"). They stay in the gold, so
recall is measured against every attribution.

>>> [a.cue for a in read_ann("T1\\tSource 0 2\\the\\nT2\\tCue 3 7\\tsaid\\n"
...     "T3\\tContent 8 12;14 16\\tyes no\\nE1\\tAttribution:T2 Content:T3 Cue:T2 Source:T1\\n")]
[((3, 7),)]
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from kg.evaluation.metrics import Counts, Row
from kg.models import Extraction, Statement

Fragments = tuple[tuple[int, int], ...]
CONTENT_OVERLAP = 0.5
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Attribution:
    """One gold attribution: character fragments of its source, cue and content."""

    id: str
    source: Fragments
    cue: Fragments
    content: Fragments


@dataclass(frozen=True)
class Document:
    name: str
    text: str
    published: date | None
    annotator: str
    attributions: tuple[Attribution, ...]


def read_ann(text: str) -> list[Attribution]:
    """The attributions of one brat standoff file, in file order."""
    spans: dict[str, Fragments] = {}
    events: list[tuple[str, dict[str, str]]] = []
    for line in text.splitlines():
        fields = line.split("\t")
        if len(fields) < 2:
            continue
        if fields[0].startswith("T"):
            label, _, offsets = fields[1].partition(" ")
            if label in {"Source", "Cue", "Content", "Attribution", "Attribution-no-source"}:
                spans[fields[0]] = _fragments(offsets)
        elif fields[0].startswith("E"):
            roles = dict(arg.split(":", 1) for arg in fields[1].split() if ":" in arg)
            events.append((fields[0], roles))
    found = []
    for event_id, roles in events:
        contents = [spans.get(roles.get(r, ""), ()) for r in ("Content", "Content2")]
        cue = spans.get(roles.get("Cue", ""), ())
        content = tuple(f for fragments in contents for f in fragments)
        if cue and content:
            found.append(
                Attribution(event_id, spans.get(roles.get("Source", ""), ()), cue, content)
            )
    return found


def _fragments(offsets: str) -> Fragments:
    return tuple(
        (int(start), int(end)) for start, end in (part.split() for part in offsets.split(";"))
    )


def load(shared: Path, split: str = "dev", limit: int | None = None) -> list[Document]:
    """The annotated articles of one split (``dev`` or ``train``), sorted by name."""
    root = shared / "eval" / "polnear" / "data"
    metadata = _metadata(root / "metadata.tsv")
    documents = []
    for path in sorted((root / split / "text").glob("*.txt")):
        name = path.stem
        published, annotators = metadata.get(name, (None, []))
        ann = _annotation_file(root / split / "attributions", name, annotators)
        if ann is None:
            continue
        documents.append(
            Document(
                name,
                path.read_text(encoding="utf-8"),
                published,
                ann.stem.rsplit("_", 1)[1],
                tuple(read_ann(ann.read_text(encoding="utf-8"))),
            )
        )
        if limit is not None and len(documents) >= limit:
            break
    return documents


def _metadata(path: Path) -> dict[str, tuple[date | None, list[str]]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return {
            row["filename"]: (
                _date(row.get("publication_date", "")),
                (row.get("annotators") or "").split("|"),
            )
            for row in csv.DictReader(handle, delimiter="\t")
        }


def _date(value: str) -> date | None:
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def _annotation_file(folder: Path, name: str, annotators: list[str]) -> Path | None:
    for annotator in annotators:
        path = folder / f"{name}_{annotator}.ann"
        if path.exists():
            return path
    return next(iter(sorted(folder.glob(f"{name}_*.ann"))), None)


def _words(fragments: Iterable[tuple[int, int]], text: str) -> set[int]:
    """Start offsets of the words inside the fragments: a token set for overlap."""
    return {start + m.start() for start, end in fragments for m in _WORD.finditer(text[start:end])}


def _overlaps(a: Iterable[tuple[int, int]], b: Iterable[tuple[int, int]]) -> bool:
    b = list(b)
    return any(s1 < e2 and s2 < e1 for s1, e1 in a for s2, e2 in b)


@dataclass
class Prediction:
    """Our statements that share one cue: one act of attribution (a quotation
    continued over several sentences is one PolNeAR attribution too)."""

    statements: list[Statement]

    @property
    def first(self) -> Statement:
        return self.statements[0]

    @property
    def cue(self) -> Fragments:
        return ((self.first.cue.start, self.first.cue.end),)

    @property
    def content(self) -> Fragments:
        return tuple((s.content.start, s.content.end) for s in self.statements)


@dataclass
class Pair:
    """A prediction and the gold attribution it matched (or None); each of its
    statements is right when the pair matched and, for a continuation, when its
    content overlaps the gold content."""

    prediction: Prediction
    gold: Attribution | None
    speaker_correct: bool | None = None
    statements_correct: list[bool] = field(default_factory=list)

    def outcomes(self) -> list[tuple[Statement, bool]]:
        return list(zip(self.prediction.statements, self.statements_correct, strict=True))


@dataclass
class DocumentScore:
    counts: Counts = field(default_factory=Counts)
    pairs: list[Pair] = field(default_factory=list)

    @property
    def speakers(self) -> tuple[int, int]:
        """(right, judged) speakers among matched pairs with a gold Source."""
        judged = [p.speaker_correct for p in self.pairs if p.speaker_correct is not None]
        return sum(judged), len(judged)


def predictions(extraction: Extraction) -> list[Prediction]:
    """The extraction's statements grouped by cue, in text order."""
    groups: dict[tuple[int, int], list[Statement]] = {}
    for statement in sorted(extraction.statements, key=lambda s: s.content.start):
        groups.setdefault((statement.cue.start, statement.cue.end), []).append(statement)
    return [Prediction(group) for group in groups.values()]


def score_document(
    document: Document, extraction: Extraction, strict: bool = False
) -> DocumentScore:
    """Match predictions to gold attributions one-to-one and judge speakers;
    ``strict`` asks for both the cue and the content to match."""
    text = document.text
    predicted = predictions(extraction)
    gold = list(document.attributions)
    gold_words = [_words(a.content, text) for a in gold]
    candidates = []
    for i, prediction in enumerate(predicted):
        ours = _words(prediction.content, text)
        for j, attribution in enumerate(gold):
            theirs = gold_words[j]
            shared_words = len(ours & theirs)
            coefficient = shared_words / min(len(ours), len(theirs)) if ours and theirs else 0.0
            cue = _overlaps(prediction.cue, attribution.cue)
            content = coefficient >= CONTENT_OVERLAP
            if (cue and content) if strict else (cue or content):
                candidates.append((cue, coefficient, i, j))
    taken_i: set[int] = set()
    taken_j: set[int] = set()
    matched: dict[int, int] = {}
    for _, _, i, j in sorted(candidates, reverse=True):
        if i not in taken_i and j not in taken_j:
            taken_i.add(i)
            taken_j.add(j)
            matched[i] = j
    mentions = {e.id: [(m.start, m.end) for m in e.mentions] for e in extraction.entities}
    result = DocumentScore(
        Counts(tp=len(matched), fp=len(predicted) - len(matched), fn=len(gold) - len(matched))
    )
    for i, prediction in enumerate(predicted):
        attribution = gold[matched[i]] if i in matched else None
        pair = Pair(prediction, attribution)
        if attribution is not None:
            theirs = gold_words[matched[i]]
            pair.statements_correct = [
                n == 0 or bool(_words([(s.content.start, s.content.end)], text) & theirs)
                for n, s in enumerate(prediction.statements)
            ]
            if attribution.source:
                pair.speaker_correct = _speaker_correct(prediction.first, attribution, mentions)
        else:
            pair.statements_correct = [False] * len(prediction.statements)
        result.pairs.append(pair)
    return result


def _speaker_correct(
    statement: Statement, gold: Attribution, mentions: dict[str, list[tuple[int, int]]]
) -> bool:
    spans = mentions.get(statement.speaker or "", [])
    if statement.speaker_span is not None:
        spans = [*spans, (statement.speaker_span.start, statement.speaker_span.end)]
    return _overlaps(spans, gold.source)


def extracted(extractor, documents: list[Document]) -> Iterator[tuple[Document, Extraction]]:
    """Each document with its extraction, extracting in batches."""
    from kg.read import article_from_text

    articles = [article_from_text(d.name, d.text, published=d.published) for d in documents]
    yield from zip(documents, extractor.extract(articles), strict=True)


def row(scores: Iterable[DocumentScore], split: str = "dev", type_: str = "attribution") -> Row:
    """Detection P/R/F1 and speaker accuracy, with one (confidence, correct)
    outcome per statement for the reliability table."""
    counts = Counts()
    right = judged = 0
    outcomes: list[tuple[float, bool]] = []
    for score in scores:
        counts += score.counts
        r, j = score.speakers
        right, judged = right + r, judged + j
        outcomes.extend(
            (statement.confidence, correct)
            for pair in score.pairs
            for statement, correct in pair.outcomes()
        )
    measures = {"speaker_accuracy": right / judged if judged else 0.0, "speakers": float(judged)}
    return Row(f"polnear-{split}", "statements", type_, counts, measures, outcomes)


def evaluate(extractor, shared: Path, limit: int | None = None) -> list[Row]:
    """Rows for the PolNeAR dev split (all 84 articles unless ``limit``): the
    documented match (cue or content), then the strict one (cue and content)."""
    lenient, strict = [], []
    for document, extraction in extracted(extractor, load(shared, "dev", limit)):
        lenient.append(score_document(document, extraction))
        strict.append(score_document(document, extraction, strict=True))
    return [row(lenient), row(strict, type_="attribution-strict")]
