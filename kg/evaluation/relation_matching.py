"""Score extracted relations against span-annotated gold relations.

Our relations link entities; gold relations link stretches of text. A
relation of ours is brought back to text through its entities' mentions: its
subject (object) *covers* every mention of the subject (object) entity. A
predicted pair matches a gold pair of a label it accepts when one of the
subject's spans overlaps the gold subject span and one of the object's spans
overlaps the gold object span (``overlap``; ``exact`` asks for identical
offsets instead). Counting is one-to-one: a prediction is credited for at
most one gold relation and a gold relation is found at most once (a maximum
bipartite matching), so duplicates never inflate precision or recall. A found
gold relation counts under its own label; a prediction that finds nothing
counts as a false positive under its own label.

>>> gold = [Pair("Work_For", ((0, 6),), ((20, 28),))]
>>> predicted = [Pair("Work_For", ((0, 6),), ((19, 28),)), Pair("Work_For", ((0, 6),), ((40, 44),))]
>>> count_matches(predicted, gold, "overlap")
{'Work_For': Counts(tp=1, fp=1, fn=0)}
>>> count_matches(predicted, gold, "exact")
{'Work_For': Counts(tp=0, fp=2, fn=1)}
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Literal

from kg.evaluation.metrics import Counts

Offsets = tuple[int, int]
Mode = Literal["overlap", "exact"]


@dataclass(frozen=True)
class Pair:
    """A labelled (subject, object) pair; each side is the spans that stand for
    it. ``accepts`` are the gold labels it may match (its own label when empty)."""

    label: str
    subject: tuple[Offsets, ...]
    object: tuple[Offsets, ...]
    accepts: frozenset[str] = frozenset()

    def accepted(self, label: str) -> bool:
        return label == self.label or label in self.accepts


def spans_match(ours: Sequence[Offsets], theirs: Sequence[Offsets], mode: Mode) -> bool:
    """Whether any of our spans overlaps (or equals) any of theirs."""
    if mode == "exact":
        return bool(set(ours) & set(theirs))
    return any(a < d and c < b for a, b in ours for c, d in theirs)


def pairs_match(ours: Pair, theirs: Pair, mode: Mode) -> bool:
    return (
        ours.accepted(theirs.label)
        and spans_match(ours.subject, theirs.subject, mode)
        and spans_match(ours.object, theirs.object, mode)
    )


def count_matches(predicted: Sequence[Pair], gold: Sequence[Pair], mode: Mode) -> dict[str, Counts]:
    """Counts per label, matched one-to-one."""
    matched = maximum_matching(
        len(predicted), len(gold), lambda i, j: pairs_match(predicted[i], gold[j], mode)
    )
    counts: dict[str, Counts] = {}
    for label in [p.label for p in predicted] + [g.label for g in gold]:
        counts.setdefault(label, Counts())
    found_predicted = {i for i, _ in matched}
    found_gold = {j for _, j in matched}
    for j, pair in enumerate(gold):
        counts[pair.label] += Counts(tp=1) if j in found_gold else Counts(fn=1)
    for i, pair in enumerate(predicted):
        if i not in found_predicted:
            counts[pair.label] += Counts(fp=1)
    return counts


def maximum_matching(
    left: int, right: int, edge: Callable[[int, int], bool]
) -> list[tuple[int, int]]:
    """The (left, right) pairs of a maximum matching of a bipartite graph
    (augmenting paths).

    >>> maximum_matching(2, 2, lambda i, j: j == 0 or i == 1)
    [(0, 0), (1, 1)]
    """
    neighbours = [[j for j in range(right) if edge(i, j)] for i in range(left)]
    owner: list[int | None] = [None] * right

    def augment(i: int, seen: set[int]) -> bool:
        for j in neighbours[i]:
            if j in seen:
                continue
            seen.add(j)
            current = owner[j]
            if current is None or augment(current, seen):
                owner[j] = i
                return True
        return False

    for i in range(left):
        augment(i, set())
    return [(i, j) for j, i in enumerate(owner) if i is not None]
