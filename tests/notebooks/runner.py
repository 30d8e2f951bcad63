"""Run the notebooks of ``notebooks/`` headless, as a user's Jupyter would.

Each runs in a fresh Python kernel (nbclient), from the ``notebooks`` folder,
with ``KG_NOTEBOOK_OUTPUT`` pointing at a folder of the caller's: the
notebooks write their stores, pictures and exports there. A cell that raises
stops the run with ``nbclient.exceptions.CellExecutionError``, whose message
holds the cell and its traceback.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass
from pathlib import Path

import nbformat
from nbclient import NotebookClient

NOTEBOOKS = Path(__file__).resolve().parents[2] / "notebooks"
CELL_TIMEOUT = 600  # seconds; a whole notebook takes far less


@dataclass
class Run:
    """An executed notebook, where it wrote, and how long it took."""

    name: str
    notebook: nbformat.NotebookNode
    output: Path
    seconds: float

    def text(self) -> str:
        """Everything the cells printed or showed as text."""
        parts = []
        for cell in self.notebook.cells:
            for out in cell.get("outputs", []):
                parts.append(out.get("text", ""))
                parts.append(out.get("data", {}).get("text/plain", ""))
        return "\n".join(parts)


def notebook_names() -> list[str]:
    return sorted(path.name for path in NOTEBOOKS.glob("*.ipynb"))


def run_notebook(name: str, output: Path, env: dict[str, str] | None = None) -> Run:
    """Execute ``notebooks/<name>`` writing into ``output``."""
    notebook = nbformat.read(NOTEBOOKS / name, as_version=4)
    client = NotebookClient(
        notebook,
        timeout=CELL_TIMEOUT,
        kernel_name="python3",
        resources={"metadata": {"path": str(NOTEBOOKS)}},
    )
    started = time.perf_counter()
    client.execute(env={**os.environ, **(env or {}), "KG_NOTEBOOK_OUTPUT": str(output)})
    return Run(name, notebook, output, time.perf_counter() - started)
