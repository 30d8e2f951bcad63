"""Counting for evaluation: true/false positives, false negatives, P/R/F1.

>>> c = Counts(tp=8, fp=2, fn=8)
>>> round(c.precision, 2), round(c.recall, 2), round(c.f1, 2)
(0.8, 0.5, 0.62)
>>> (c + Counts(tp=2)).tp
10
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Row:
    """One line of an evaluation report: a dataset, a stage, a type, counts,
    and any other measure (accuracy ...) by name.

    ``outcomes`` holds one ``(confidence, correct)`` pair per prediction
    counted in the row, for the reliability table of ``kg.evaluation.calibration``.
    """

    dataset: str
    stage: str
    type: str
    counts: Counts = field(default_factory=Counts)
    measures: dict[str, float] = field(default_factory=dict)
    outcomes: list[tuple[float, bool]] = field(default_factory=list, repr=False)

    def as_dict(self) -> dict[str, object]:
        return {
            "dataset": self.dataset,
            "stage": self.stage,
            "type": self.type,
            "tp": self.counts.tp,
            "fp": self.counts.fp,
            "fn": self.counts.fn,
            "precision": round(self.counts.precision, 4),
            "recall": round(self.counts.recall, 4),
            "f1": round(self.counts.f1, 4),
            **{k: round(v, 4) for k, v in self.measures.items()},
        }


def table(rows: list[Row]) -> str:
    """A plain-text table of rows, one per line, aligned."""
    extra = sorted({k for row in rows for k in row.measures})
    header = ["dataset", "stage", "type", "tp", "fp", "fn", "P", "R", "F1", *extra]
    lines = [header]
    for row in rows:
        c = row.counts
        lines.append(
            [
                row.dataset,
                row.stage,
                row.type,
                str(c.tp),
                str(c.fp),
                str(c.fn),
                f"{c.precision:.3f}",
                f"{c.recall:.3f}",
                f"{c.f1:.3f}",
                *(f"{row.measures[k]:.3f}" if k in row.measures else "" for k in extra),
            ]
        )
    widths = [max(len(line[i]) for line in lines) for i in range(len(header))]
    return "\n".join(
        "  ".join(cell.ljust(w) for cell, w in zip(line, widths, strict=True)).rstrip()
        for line in lines
    )
