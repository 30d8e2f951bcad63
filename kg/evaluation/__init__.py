"""Evaluation against gold annotations: the seed gold and public data sets.

Each data set has a module here with one function
``evaluate(extractor, shared, limit) -> list[Row]`` that reads the data set
from ``shared`` (the ``../shared`` folder) following its documented format,
runs the extractor, and counts. ``DATASETS`` names them for ``kg eval``.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from pathlib import Path

from kg.evaluation.metrics import Counts, Row, table

# name -> "module:function"; modules are imported only when asked for
DATASETS: dict[str, str] = {
    "seed": "kg.evaluation.seed:evaluate",
    "conll04-ner": "kg.evaluation.conll04_ner:evaluate",
    "plover": "kg.evaluation.plover:evaluate",
    "conll04": "kg.evaluation.conll04_relations:evaluate",
    "knowledgenet": "kg.evaluation.knowledgenet:evaluate",
    "polnear": "kg.evaluation.polnear:evaluate",
}


def evaluator(name: str) -> Callable[..., list[Row]]:
    """The evaluate function of a data set, by name."""
    module, function = DATASETS[name].split(":")
    return getattr(import_module(module), function)


def run(names: list[str], extractor, shared: Path, limit: int | None = None) -> list[Row]:
    """Rows of every named data set, in order."""
    rows: list[Row] = []
    for name in names:
        rows.extend(evaluator(name)(extractor, shared, limit))
    return rows


__all__ = ["DATASETS", "Counts", "Row", "evaluator", "run", "table"]
