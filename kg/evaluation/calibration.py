"""Is a confidence worth its number? Reliability tables over gold sets.

Every extracted record carries a confidence in [0, 1]. It *means something*
when records given 0.9 are right about nine times in ten, records given 0.6
about six in ten, and so on: precision rises with confidence and stays close
to it. ``reliability`` sorts ``(confidence, correct)`` outcomes into
confidence bins and measures the precision of each; ``reliability_table``
prints them with the expected calibration error (ECE: the mean gap between
confidence and precision, weighted by the records in each bin). Any data set
can feed it: an evaluator puts one outcome per prediction in ``Row.outcomes``
and ``kg eval NAME --calibration`` prints the table.

>>> bins = reliability([(0.95, True), (0.9, True), (0.55, False), (0.6, True)], [0.5, 0.8, 1.0])
>>> [(b.low, b.count, b.precision) for b in bins]
[(0.5, 2, 0.5), (0.8, 2, 1.0)]
>>> round(calibration_error(bins), 3)
0.075

``smoothed_precision`` turns counts into a confidence for a rule: the
measured precision pulled towards a prior when there are few observations.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

LEXICON = Path(__file__).resolve().parents[1] / "lexicon"

EDGES = (0.0, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 1.0)


@dataclass(frozen=True)
class Bin:
    """Outcomes whose confidence lies in ``[low, high)`` (the last bin includes 1.0)."""

    low: float
    high: float
    count: int
    correct: int
    mean_confidence: float

    @property
    def precision(self) -> float:
        return self.correct / self.count if self.count else 0.0

    def as_dict(self) -> dict[str, float]:
        return {
            "low": self.low,
            "high": self.high,
            "count": self.count,
            "mean_confidence": round(self.mean_confidence, 4),
            "precision": round(self.precision, 4),
        }


def reliability(
    outcomes: Iterable[tuple[float, bool]], edges: Sequence[float] = EDGES
) -> list[Bin]:
    """The non-empty confidence bins of ``outcomes`` with their precision."""
    sums = [[0, 0, 0.0] for _ in edges[:-1]]
    for confidence, correct in outcomes:
        index = _bin_index(confidence, edges)
        sums[index][0] += 1
        sums[index][1] += bool(correct)
        sums[index][2] += confidence
    return [
        Bin(edges[i], edges[i + 1], count, correct, total / count)
        for i, (count, correct, total) in enumerate(sums)
        if count
    ]


def _bin_index(confidence: float, edges: Sequence[float]) -> int:
    for i in range(len(edges) - 2, -1, -1):
        if confidence >= edges[i]:
            return i
    return 0


def calibration_error(bins: Sequence[Bin]) -> float:
    """Expected calibration error: mean |confidence - precision|, weighted by count."""
    total = sum(b.count for b in bins)
    if not total:
        return 0.0
    return sum(b.count * abs(b.mean_confidence - b.precision) for b in bins) / total


def reliability_table(title: str, bins: Sequence[Bin]) -> str:
    """A plain-text reliability table, one line per bin, and the ECE."""
    lines = [f"{title}: confidence bins -> precision", "bin          n      mean conf  precision"]
    for b in bins:
        lines.append(
            f"[{b.low:.2f}, {b.high:.2f}{']' if b.high >= 1.0 else ')'}"
            f"  {b.count:<6} {b.mean_confidence:<10.3f} {b.precision:.3f}"
        )
    lines.append(f"expected calibration error: {calibration_error(bins):.3f}")
    return "\n".join(lines)


def smoothed_precision(correct: float, total: float, prior: float, weight: float = 5.0) -> float:
    """Precision of ``correct`` out of ``total``, pulled towards ``prior`` as if
    ``weight`` more observations had that precision (a Beta prior).

    >>> smoothed_precision(0, 0, 0.8), smoothed_precision(95, 100, 0.8)
    (0.8, 0.943)
    """
    return round((correct + weight * prior) / (total + weight), 3)


def write_last_column(path: Path, value: Callable[[list[str]], float]) -> None:
    """Rewrite the last column (a measured confidence) of every data row of a
    lexicon file with ``value(cells)``, keeping comments and order."""
    lines = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            cells = line.split("\t")
            cells[-1] = f"{value(cells):.3f}".rstrip("0").rstrip(".")
            line = "\t".join(cells)
        lines.append(line)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
