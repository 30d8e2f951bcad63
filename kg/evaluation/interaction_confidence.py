"""Measure how often each interaction rule is right, and write it into the lexicons.

The confidence of an interaction is the precision of its cue
(``interaction_cues.tsv``) times the factor of the rule that read it (a verb,
a passive, a noun, a demand inside speech ...) and of each mark on it (a
participant read from the phrase it belongs to, a receiver read from where the
act is placed, a country-level copy), from ``interaction_confidence.tsv``.
This module measures those numbers on the gold sets that judge interactions:

- the PLOVER dev records: every relation that is an event (``plover`` set) is
  an outcome, right when it matches a gold triple of its sentence
  (``kg.evaluation.plover.outcomes``); events of the sentence that the record
  does not code count as wrong, so these precisions are lower bounds;
- the seed article: every interaction told as done is right when its triple
  is required or acceptable in the gold.

Then, like the statement confidences (``kg.evaluation.statement_confidence``):

1. a rule's factor is its precision relative to plain verbs, a mark's factor
   the precision with the mark relative to without it (at most 1, smoothed with
   ``calibration.smoothed_precision``);
2. a cue's precision is its right relations divided by the number expected
   from its rules' and marks' factors, pulled towards the precision of its
   PLOVER class (itself pulled towards the overall precision) as if five more
   had been seen; a cue never seen gets its class's precision.

``python -m kg.evaluation.interaction_confidence --shared ../shared`` prints the
measures; ``--write`` also rewrites the confidence columns of both files.
"""

from __future__ import annotations

import argparse
from collections import Counter
from collections.abc import Iterable
from datetime import date
from pathlib import Path

from kg.evaluation import plover, seed
from kg.evaluation.calibration import LEXICON, smoothed_precision, write_last_column
from kg.lexicon import interaction_cues
from kg.models import Article, Relation

FLAGS = ("owned", "located", "country-level", "alone", "conditioned")
MAX_CONFIDENCE = 0.99  # no rule is certain


def is_interaction(relation: Relation) -> bool:
    return relation.rule.startswith("interactions.")


def parts(relation: Relation) -> tuple[str, str, str, list[str]]:
    """(rule, cue lemma, part of speech, marks) of an interaction's rule name:
    ``interactions.noun.phone_call+owned+country-level/2`` -> noun, phone call, NOUN,
    [owned, country-level]."""
    name = relation.rule.split("/", 1)[0].removeprefix("interactions.")
    rule, _, rest = name.partition(".")
    lemma, *flags = rest.replace("_", " ").split("+")
    pos = "NOUN" if rule.startswith("noun") else "VERB"
    if rule == "speech-obligation":
        lemma, pos = "demand", "VERB"
    return rule, lemma, pos, flags


def measure(outcomes: Iterable[tuple[Relation, bool]]) -> tuple[dict, dict, Counter, Counter]:
    """Factors by rule and mark, precisions by cue (and by class), and the counts."""
    outcomes = [(r, ok) for r, ok in outcomes if is_interaction(r)]
    overall = sum(ok for _, ok in outcomes) / max(len(outcomes), 1)
    factors: dict[str, float] = {}
    n: Counter = Counter()
    right: Counter = Counter()
    for relation, ok in outcomes:
        rule, _, _, flags = parts(relation)
        for key in (f"rule:{rule}", *(f"flag:{f}" for f in flags)):
            n[key] += 1
            right[key] += ok
        for flag in FLAGS:
            if flag not in flags:
                n[f"without:{flag}"] += 1
                right[f"without:{flag}"] += ok
    verb = smoothed_precision(right["rule:verb"], n["rule:verb"], overall)
    for key in [k for k in n if k.startswith("rule:")]:
        factors[key] = round(min(1.0, smoothed_precision(right[key], n[key], verb) / verb), 3)
    for flag in FLAGS:
        without = smoothed_precision(right[f"without:{flag}"], n[f"without:{flag}"], overall)
        with_flag = smoothed_precision(right[f"flag:{flag}"], n[f"flag:{flag}"], without)
        factors[f"flag:{flag}"] = round(min(1.0, with_flag / without), 3)
    expected: Counter = Counter()
    by_class_n: Counter = Counter()
    by_class_ok: Counter = Counter()
    for relation, ok in outcomes:
        rule, lemma, pos, flags = parts(relation)
        factor = factors.get(f"rule:{rule}", 1.0)
        for flag in flags:
            factor *= factors[f"flag:{flag}"]
        expected[(lemma, pos)] += factor
        right[(lemma, pos)] += ok
        n[(lemma, pos)] += 1
        cls = _cue_class(lemma, pos)
        by_class_n[cls] += factor
        by_class_ok[cls] += ok
    precisions: dict = {"prior": round(overall, 3)}
    for cls in by_class_n:
        precisions[cls] = smoothed_precision(by_class_ok[cls], by_class_n[cls], overall)
    for key in expected:
        prior = precisions[_cue_class(*key)]
        precisions[key] = min(MAX_CONFIDENCE, smoothed_precision(right[key], expected[key], prior))
    return factors, precisions, n, right


def _cue_class(lemma: str, pos: str) -> str:
    rows = interaction_cues().get((lemma, pos))
    return rows[0].plover if rows else "?"


def gold_outcomes(extractor, shared: Path) -> list[tuple[Relation, bool]]:
    """The outcomes of every interaction on the PLOVER dev records and the seed article."""
    events = plover.load(shared)
    articles = [Article(id=e.id, text=e.text, published=e.published) for e in events]
    found = [
        outcome
        for event, extraction in zip(events, extractor.extract(articles), strict=True)
        for outcome in plover.outcomes(event, extraction)
    ]
    return found + seed_outcomes(extractor, shared)


def seed_outcomes(extractor, shared: Path) -> list[tuple[Relation, bool]]:
    """The seed article's interactions told as done, right when required or acceptable."""
    from kg.read import article_from_text

    gold = seed.load_gold(shared / "gold" / "seed-article.gold.yaml")
    text = (shared / "corpus" / "seed" / "seed-article.txt").read_text(encoding="utf-8")
    published = date.fromisoformat(str(gold["article"]["published"]))
    extraction = extractor.extract_one(article_from_text("seed", text, published=published))
    return [(r, ok) for r, ok in seed.relation_outcomes(gold, extraction) if is_interaction(r)]


def write(factors: dict[str, float], precisions: dict) -> None:
    """Rewrite the confidence columns of ``interaction_cues.tsv`` and the factors file."""
    write_last_column(
        LEXICON / "interaction_cues.tsv",
        lambda cells: precisions.get(
            (cells[0], cells[1]), precisions.get(cells[4], precisions["prior"])
        ),
    )
    write_last_column(
        LEXICON / "interaction_confidence.tsv", lambda cells: factors.get(cells[0], 1.0)
    )


def main(argv: list[str] | None = None) -> None:
    from kg.pipeline import Extractor

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    parser.add_argument("--write", action="store_true", help="rewrite the lexicon files")
    args = parser.parse_args(argv)
    outcomes = gold_outcomes(Extractor(), args.shared)
    factors, precisions, n, right = measure(outcomes)
    print(f"{len(outcomes)} interactions, overall precision {precisions['prior']}")
    for key, factor in sorted(factors.items()):
        print(f"{key}\t{right[key]}/{n[key]}\t{factor}")
    for key in sorted((k for k in precisions if isinstance(k, tuple)), key=lambda k: -n[k]):
        print(f"{key[0]}:{key[1]}\t{right[key]}\t{precisions[key]}")
    if args.write:
        write(factors, precisions)


if __name__ == "__main__":
    main()
