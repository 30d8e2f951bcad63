"""Charts of the graph: the stance matrix, interactions over time, growth.

- ``draw_stance_matrix``: actor x actor net polarity as a heatmap, blue for
  cooperation and red for conflict, camps as blocks framed by thin lines.
- ``draw_timeline``: one lane per pair of actors, a mark per period in which
  they interacted (up for cooperative, down for conflictual, sized by
  articles).
- ``draw_growth``: how many articles, actors and interactions the graph holds
  as the days go by.

Each draws on a fresh ``Figure``, saves it when given a path, and returns it.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date, timedelta
from pathlib import Path

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.dates import ConciseDateFormatter
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.ticker import MaxNLocator

from kg.network_views import StanceMatrix
from kg.pictures.network import NEGATIVE, POSITIVE

TICK_SIZE = 10


def draw_stance_matrix(
    matrix: StanceMatrix, path: str | Path | None = None, *, title: str | None = None
) -> Figure:
    """The stance matrix as a heatmap: row acts on column, each cell the net
    polarity (supporting articles of cooperative acts minus conflictual)."""
    n = len(matrix.actors)
    side = max(5.0, 0.42 * n + 3.0)
    figure = Figure(figsize=(side + 1.2, side), dpi=110)
    FigureCanvasAgg(figure)
    ax = figure.add_subplot()
    values = matrix.values or [[0]]
    top = max((abs(v) for row in values for v in row), default=1) or 1
    image = ax.imshow(values, cmap="RdBu", vmin=-1.3 * top, vmax=1.3 * top)
    for i, row in enumerate(matrix.values):
        for j, value in enumerate(row):
            if value:
                colour = "white" if abs(value) > top / 2 else "black"
                ax.text(j, i, f"{value:+d}", ha="center", va="center", color=colour, fontsize=10)
    ax.set_xticks(range(n), matrix.labels, rotation=45, ha="right", fontsize=TICK_SIZE)
    ax.set_yticks(range(n), matrix.labels, fontsize=TICK_SIZE)
    ax.set_xlabel("acted on", fontsize=TICK_SIZE + 1)
    ax.set_ylabel("acts", fontsize=TICK_SIZE + 1)
    for edge in _block_edges(matrix.camps):
        ax.axhline(edge, color="#444444", lw=1)
        ax.axvline(edge, color="#444444", lw=1)
    bar = figure.colorbar(image, ax=ax, shrink=0.7, ticks=MaxNLocator(integer=True))
    bar.set_label("net polarity (articles)", fontsize=TICK_SIZE)
    ax.set_title(title or "Stance matrix: who acts for or against whom", fontsize=13)
    figure.tight_layout()
    _save(figure, path)
    return figure


def draw_timeline(
    rows: Sequence[dict], path: str | Path | None = None, *, title: str | None = None
) -> Figure:
    """Interactions over time, one lane per pair of actors.

    ``rows`` have ``period`` (a ``date``: the first day of the period),
    ``pair`` (a label such as ``"A → B"``), ``positive`` and ``negative``
    (supporting articles of cooperative and conflictual acts in the period);
    lanes come in the order of their first row.
    """
    pairs = list(dict.fromkeys(row["pair"] for row in rows))
    figure = Figure(figsize=(12, max(3.0, 0.5 * len(pairs) + 1.8)), dpi=110)
    FigureCanvasAgg(figure)
    ax = figure.add_subplot()
    lane = {pair: len(pairs) - 1 - i for i, pair in enumerate(pairs)}
    for row in rows:
        y = lane[row["pair"]]
        for count, colour, marker, shift in (
            (row.get("positive", 0), POSITIVE, "^", 0.12),
            (row.get("negative", 0), NEGATIVE, "v", -0.12),
        ):
            if count:
                ax.scatter(
                    [row["period"]],
                    [y + shift],
                    s=40 + 40 * math.sqrt(count),
                    c=colour,
                    marker=marker,
                    edgecolors="#333333",
                    linewidths=0.6,
                    zorder=3,
                )
    ax.set_yticks(range(len(pairs)), list(reversed(pairs)), fontsize=TICK_SIZE)
    ax.set_ylim(-0.7, len(pairs) - 0.3)
    if rows:
        first, last = min(r["period"] for r in rows), max(r["period"] for r in rows)
        pad = max((last - first) / 20, timedelta(days=4))
        ax.set_xlim(first - pad, last + pad)
    ax.xaxis.set_major_formatter(ConciseDateFormatter(ax.xaxis.get_major_locator()))
    ax.grid(axis="x", color="#dddddd")
    ax.tick_params(axis="x", labelsize=TICK_SIZE)
    ax.legend(
        handles=[
            Line2D([], [], marker="^", ls="", color=POSITIVE, ms=9, label="cooperative"),
            Line2D([], [], marker="v", ls="", color=NEGATIVE, ms=9, label="conflictual"),
        ],
        loc="upper left",
        bbox_to_anchor=(1.01, 1.0),
        frameon=False,
        fontsize=TICK_SIZE,
    )
    ax.set_title(title or "Interactions over time", fontsize=13)
    figure.tight_layout()
    _save(figure, path)
    return figure


def draw_growth(
    rows: Sequence[dict], path: str | Path | None = None, *, title: str | None = None
) -> Figure:
    """The graph's growth: ``rows`` have ``date`` and running totals
    ``articles``, ``actors`` and ``interactions``."""
    figure = Figure(figsize=(10, 4.5), dpi=110)
    FigureCanvasAgg(figure)
    ax = figure.add_subplot()
    days: list[date] = [row["date"] for row in rows]
    for key, style in (("articles", "-"), ("actors", "--"), ("interactions", ":")):
        ax.step(days, [row[key] for row in rows], style, where="post", lw=2, label=key)
    ax.set_ylabel("running total", fontsize=TICK_SIZE + 1)
    ax.grid(color="#dddddd")
    ax.tick_params(labelsize=TICK_SIZE)
    ax.legend(frameon=False, fontsize=TICK_SIZE)
    ax.set_title(title or "How the graph grows", fontsize=13)
    ax.xaxis.set_major_formatter(ConciseDateFormatter(ax.xaxis.get_major_locator()))
    figure.tight_layout()
    _save(figure, path)
    return figure


def _block_edges(camps: Sequence[int | None]) -> list[float]:
    """Positions of the lines between blocks of consecutive equal camps."""
    return [i - 0.5 for i in range(1, len(camps)) if camps[i] != camps[i - 1]]


def _save(figure: Figure, path: str | Path | None) -> None:
    if path is not None:
        figure.savefig(Path(path), facecolor="white")
