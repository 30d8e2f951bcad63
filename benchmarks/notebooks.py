"""How long the four notebooks take, run headless one after the other.

Each notebook runs in a fresh kernel exactly as the test suite runs it
(``tests/notebooks/runner.py``), from the ``notebooks`` folder, writing into a
temporary folder. Prints each notebook's wall time and the total against the
target: all four in under 5 minutes.

Usage (from the repository root; ``../shared`` beside it for the real data)::

    .venv/bin/python benchmarks/notebooks.py
    KG_NOTEBOOK_LIMIT=100 .venv/bin/python benchmarks/notebooks.py   # fewer Reuters stories
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.notebooks.runner import notebook_names, run_notebook  # noqa: E402

TARGET_SECONDS = 300


def main() -> None:
    total = 0.0
    with tempfile.TemporaryDirectory() as folder:
        for name in notebook_names():
            run = run_notebook(name, Path(folder) / name.split("_")[0])
            total += run.seconds
            print(f"{name:32} {run.seconds:6.1f} s", flush=True)
    verdict = "within" if total <= TARGET_SECONDS else "OVER"
    print(f"{'all four':32} {total:6.1f} s  ({verdict} the {TARGET_SECONDS} s target)")


if __name__ == "__main__":
    main()
