"""PolNeAR: the reader follows the brat standoff format, the matching is the
documented one, and the extractor reaches its floor on a dev subset."""

from __future__ import annotations

from kg.evaluation import evaluator
from kg.evaluation.polnear import Attribution, Document, load, read_ann, score_document
from kg.models import Article, Entity, Extraction, Span, Statement
from tests.conftest import shared_path

ANN = (
    "T1\tSource 0 6\tLavrov\n"
    "T2\tCue 7 11\tsaid\n"
    "T3\tContent 12 20;22 30\tthe deal was off\n"
    "T4\tAttribution 7 11\tsaid\n"
    "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n"
    "T5\tCue 40 47\tclaimed\n"
    "T6\tContent 48 60\tit was fine\n"
    "T7\tAttribution-no-source 40 47\tclaimed\n"
    "E2\tAttribution-no-source:T7 Cue:T5 Content:T6\n"
    "T8\tDiscuss 0 6\tLavrov\n"
    "#1\tAnnotatorNotes T8\ta note\n"
    "a stray line of a note\n"
)


def test_read_ann():
    first, second = read_ann(ANN)
    assert first == Attribution("E1", ((0, 6),), ((7, 11),), ((12, 20), (22, 30)))
    assert second.source == () and second.cue == ((40, 47),)


TEXT = "Lavrov said the talks were over, and Pompeo agreed. He said they failed."
#       0      7    12                   33     44      51  55   60


def _statement(cue, content, speaker=None, speaker_span=None, rule="statements.verb.say/2"):
    return Statement(
        speaker=speaker,
        speaker_span=Span(*speaker_span, TEXT[slice(*speaker_span)]) if speaker_span else None,
        cue=Span(*cue, TEXT[slice(*cue)]),
        kind="reported",
        content=Span(*content, TEXT[slice(*content)]),
        evidence=Span(0, len(TEXT), TEXT),
        confidence=0.9,
        rule=rule,
    )


def test_matching_and_speakers():
    gold = (
        Attribution("E1", ((0, 6),), ((7, 11),), ((12, 31),)),  # Lavrov said ...
        Attribution("E2", ((52, 54),), ((55, 59),), ((60, 71),)),  # He said they failed
        Attribution("E3", ((37, 43),), ((44, 50),), ((12, 31),)),  # unmatched gold
    )
    document = Document("d", TEXT, None, "a", gold)
    pompeo = Entity("pompeo", "Pompeo", "Person", mentions=(Span(37, 43, "Pompeo"),))
    extraction = Extraction(
        Article("d", TEXT),
        entities=(pompeo,),
        statements=(
            # cue overlaps: a match, speaker span on the gold source
            _statement((7, 11), (12, 21), "lavrov", (0, 6)),
            # content overlaps, cue does not; our speaker's mentions miss "He"
            _statement((52, 59), (60, 71), "pompeo", (37, 43)),
            # a continuation with the same cue: one prediction with the first
            _statement((7, 11), (60, 71), "lavrov", (0, 6), "statements.continuation/2"),
            # nothing in the gold
            _statement((33, 36), (0, 3)),
        ),
    )
    score = score_document(document, extraction)
    assert (score.counts.tp, score.counts.fp, score.counts.fn) == (2, 1, 1)
    assert score.speakers == (1, 2)
    outcomes = [correct for pair in score.pairs for _, correct in pair.outcomes()]
    assert sorted(outcomes) == [False, False, True, True]


def test_dev_subset_floor(extractor):
    """The first 15 dev articles: the whole dev set is `kg eval polnear`."""
    shared = shared_path("eval", "polnear", "data", "dev").parents[3]
    documents = load(shared, "dev", limit=15)
    assert len(documents) == 15 and all(d.attributions for d in documents)
    row, strict = evaluator("polnear")(extractor, shared, 15)
    assert row.counts.f1 >= 0.74, row.as_dict()
    assert row.measures["speaker_accuracy"] >= 0.85, row.as_dict()
    assert len(row.outcomes) >= row.counts.tp + row.counts.fp
    assert strict.type == "attribution-strict" and strict.counts.tp <= row.counts.tp
