"""Measure how often each statement rule is right, and write it into the lexicons.

The confidence of a statement is the precision of the cue that found it
(``speech_cues.tsv``) or of its rule (``statement_confidence.tsv``: a colon, a
continued quotation), times a factor for how its speaker is known (named,
unnamed, unresolved, none). This module measures those numbers on the PolNeAR
**train** split (the dev split stays for evaluation):

1. extract the train articles and score them (``kg.evaluation.polnear``): every
   statement is an outcome, right or wrong;
2. the factor of a speaker condition is its precision divided by the precision
   of named speakers (at most 1);
3. the precision of a cue or rule is its right statements divided by the
   number expected from its speakers' factors, pulled towards the precision of
   all named-speaker statements as if five more had been seen
   (``calibration.smoothed_precision``); a cue never seen gets that prior.

``python -m kg.evaluation.statement_confidence --shared ../shared`` prints the
measures; ``--write`` also rewrites the confidence columns of both files.
"""

from __future__ import annotations

import argparse
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from kg.evaluation import polnear
from kg.evaluation.calibration import LEXICON, smoothed_precision, write_last_column
from kg.extract.statements import cue_rule, rule_key, speaker_condition
from kg.lexicon import statement_cues
from kg.models import Statement

CONDITIONS = ("named", "unnamed", "unresolved", "none")
MAX_CONFIDENCE = 0.99  # no rule is certain


def measure(outcomes: Iterable[tuple[Statement, bool]]) -> tuple[dict, dict, Counter, Counter]:
    """Speaker factors, precisions by rule key, and the counts behind them."""
    outcomes = list(outcomes)
    by_condition_n: Counter = Counter()
    by_condition_ok: Counter = Counter()
    for statement, correct in outcomes:
        condition = speaker_condition(statement)
        by_condition_n[condition] += 1
        by_condition_ok[condition] += correct
    named = by_condition_ok["named"] / max(by_condition_n["named"], 1)
    factors = {}
    for c in CONDITIONS:
        precision = smoothed_precision(by_condition_ok[c], by_condition_n[c], named)
        factors[c] = round(min(1.0, precision / named), 3)
    expected: Counter = Counter()
    right: Counter = Counter()
    seen: Counter = Counter()
    for statement, correct in outcomes:
        key = rule_key(statement)
        expected[key] += factors[speaker_condition(statement)]
        right[key] += correct
        seen[key] += 1
    precisions = {
        key: min(MAX_CONFIDENCE, smoothed_precision(right[key], expected[key], named))
        for key in expected
    }
    precisions["prior"] = round(named, 3)
    return factors, precisions, seen, right


def write(factors: dict[str, float], precisions: dict[str, float]) -> None:
    """Rewrite the confidence columns of ``speech_cues.tsv`` and ``statement_confidence.tsv``."""
    prior = precisions["prior"]
    write_last_column(
        LEXICON / "speech_cues.tsv",
        lambda cells: precisions.get(cue_rule(statement_cues()[(cells[0], cells[1])]), prior),
    )
    values = {f"speaker:{c}": f for c, f in factors.items()}
    values.update({f"rule:{r}": precisions.get(r, prior) for r in ("colon", "continuation")})
    write_last_column(LEXICON / "statement_confidence.tsv", lambda cells: values[cells[0]])


def main(argv: list[str] | None = None) -> None:
    from kg.pipeline import Extractor

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    parser.add_argument("--limit", type=int, default=None, help="train articles to read")
    parser.add_argument("--write", action="store_true", help="rewrite the lexicon files")
    args = parser.parse_args(argv)
    documents = polnear.load(args.shared, "train", args.limit)
    outcomes = [
        outcome
        for document, extraction in polnear.extracted(Extractor(), documents)
        for pair in polnear.score_document(document, extraction).pairs
        for outcome in pair.outcomes()
    ]
    factors, precisions, seen, right = measure(outcomes)
    print(f"{len(documents)} train articles, {len(outcomes)} statements")
    print(f"precision of named-speaker statements (the prior)\t{precisions['prior']}")
    for condition, factor in factors.items():
        print(f"speaker:{condition}\t{factor}")
    for key in sorted(seen, key=lambda k: -seen[k]):
        print(f"{key}\t{right[key]}/{seen[key]}\t{precisions[key]}")
    if args.write:
        write(factors, precisions)


if __name__ == "__main__":
    main()
