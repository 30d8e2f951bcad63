"""The actor network as a static picture (matplotlib).

Nodes are actors, coloured by country (or by type), shaped by type and sized
by how many others they deal with; each interaction is an arrow from source
to target, blue and solid when it is cooperative, vermilion and dashed when
it is conflictual (so the picture reads without colour too), labelled with its
type; parallel interactions between two actors curve apart. Each camp is a
shaded disc named after its best-connected member, laid out apart from the
others (``kg.pictures.layout``); a label sits on the side of its node that no
arrow reaches.

Every drawn node, edge and label carries a ``gid`` (``node``, ``edge``,
``label``), so a test can count what the picture really shows.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Circle, FancyArrowPatch, Patch
from matplotlib.transforms import Bbox

from kg.lexicon import predicates
from kg.lexicon.gazetteer import country_by_code
from kg.network_views import camps as find_camps
from kg.pictures.layout import HALO, Positions, camp_layout

POSITIVE, NEGATIVE, NEUTRAL = "#0072B2", "#D55E00", "#8C8C8C"
NODE_COLOURS = (
    "#E69F00",
    "#56B4E9",
    "#009E73",
    "#F0E442",
    "#CC79A7",
    "#999933",
    "#88CCEE",
    "#DDCC77",
    "#AA4499",
    "#44AA99",
    "#117733",
    "#882255",
)
OTHER_COLOUR = "#D9D9D9"
CAMP_COLOURS = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00")
MARKERS = {"Country": "s", "Person": "o", "Organization": "D", "Group": "^"}
LABEL_SIZE = 11
EDGE_LABEL_SIZE = 8.5
_NODE_AREA = (260.0, 900.0)  # marker area in points^2, least and most connected
_INCH_PER_UNIT = 1.4  # inches per layout unit (the smallest spacing between two nodes)
_MARGIN = (1.9, 0.9)  # layout units beside and above/below the outermost nodes, for labels
_LEGEND_INCHES = 3.3
_TITLE_INCHES = 0.6


@dataclass
class NetworkPicture:
    """A drawn network: the figure and what it shows."""

    figure: Figure
    nodes: int
    edges: int
    labels: list[str] = field(default_factory=list)
    path: Path | None = None


@dataclass(frozen=True)
class _Disc:
    centre: tuple[float, float]
    radius: float
    colour: str
    name: str


def draw_network(
    graph: nx.Graph,
    path: str | Path | None = None,
    *,
    color_by: str = "country",
    camps: list[frozenset[str]] | None = None,
    title: str | None = None,
    edge_labels: bool = True,
    dpi: int = 110,
) -> NetworkPicture:
    """Draw ``graph`` (as built by ``kg.analysis``) and save it to ``path`` (PNG).

    ``color_by`` is ``"country"`` or ``"type"``; ``camps`` default to
    ``kg.analysis.camps(graph)``.
    """
    if color_by not in ("country", "type"):
        raise ValueError(f"color_by must be 'country' or 'type', not {color_by!r}")
    camps = find_camps(graph) if camps is None else camps
    pos = camp_layout(graph, camps)
    discs = _discs(graph, camps, pos)
    figure, ax, inch = _canvas(pos, discs, dpi)
    colours = node_colours(graph, color_by)
    areas = _node_areas(graph)

    for disc in discs:
        ax.add_patch(Circle(disc.centre, disc.radius, fc=disc.colour, alpha=0.07, ec="none"))
        ax.add_patch(Circle(disc.centre, disc.radius, fill=False, ec=disc.colour, ls=":", lw=1.5))
    by_pair = _draw_edges(ax, graph, pos, areas)
    edges = sum(len(pair_edges) for pair_edges in by_pair.values())
    nodes = _draw_nodes(ax, graph, pos, areas, colours, color_by)
    labels = _draw_labels(ax, graph, pos, areas, inch)
    if edge_labels:
        renderer = figure.canvas.get_renderer()
        labels_drawn = [t.get_window_extent(renderer) for t in ax.texts if t.get_gid() == "label"]
        _draw_edge_labels(ax, by_pair, pos, labels_drawn + list(_marker_boxes(ax).values()))
    _legend(figure, graph, colours, color_by, discs)
    n = graph.number_of_nodes()
    figure.suptitle(
        title or f"Actor network: {n} actors, {edges} interactions",
        x=0.01,
        ha="left",
        fontsize=15,
        fontweight="bold",
    )
    picture = NetworkPicture(figure, nodes, edges, labels)
    if path is not None:
        picture.path = Path(path)
        figure.savefig(picture.path, dpi=dpi, facecolor="white")
    return picture


def _discs(graph: nx.Graph, camps, pos: Positions) -> list[_Disc]:
    """A disc around each camp, named after the member the camp rallies
    around: the one most backed, aided or cooperated with by the others."""
    aligning = {name for name, info in predicates().items() if info.aligns}
    discs = []
    for index, camp in enumerate(camps):
        members = [n for n in camp if n in pos]
        if not members:
            continue
        cx = sum(pos[n][0] for n in members) / len(members)
        cy = sum(pos[n][1] for n in members) / len(members)
        radius = max(math.dist((cx, cy), pos[n]) for n in members) + HALO
        backing = {n: 0 for n in members}
        for _, target, data in graph.subgraph(members).edges(data=True):
            if data.get("type") in aligning:
                backing[target] += int(data.get("articles", 1))
        leader = min(
            members,
            key=lambda n: (-backing[n], -graph.degree(n), str(graph.nodes[n].get("label", n))),
        )
        name = f"camp of {graph.nodes[leader].get('label', leader)} ({len(members)})"
        discs.append(_Disc((cx, cy), radius, CAMP_COLOURS[index % len(CAMP_COLOURS)], name))
    return discs


def _canvas(pos: Positions, discs: list[_Disc], dpi: int):
    """A figure sized to the drawing (at most about 24 x 18 inches), an axes
    with equal aspect framing every node and disc, and the inches per unit."""
    xs = [x for x, _ in pos.values()] or [0.0]
    ys = [y for _, y in pos.values()] or [0.0]
    left = min([min(xs) - _MARGIN[0]] + [d.centre[0] - d.radius - 0.2 for d in discs])
    right = max([max(xs) + _MARGIN[0]] + [d.centre[0] + d.radius + 0.2 for d in discs])
    bottom = min([min(ys) - _MARGIN[1]] + [d.centre[1] - d.radius - 0.2 for d in discs])
    top = max([max(ys) + _MARGIN[1]] + [d.centre[1] + d.radius + 0.2 for d in discs])
    inch = min(_INCH_PER_UNIT, 24.0 / (right - left), 18.0 / (top - bottom))
    width, height = (right - left) * inch, max((top - bottom) * inch, 5.0)
    figure = Figure(figsize=(width + _LEGEND_INCHES, height + _TITLE_INCHES), dpi=dpi)
    FigureCanvasAgg(figure)  # a renderer, to measure labels while placing them
    ax = figure.add_axes((0.0, 0.0, width / figure.get_figwidth(), height / figure.get_figheight()))
    ax.set_axis_off()
    ax.set_aspect("equal")
    ax.set_xlim(left, right)
    ax.set_ylim(bottom, top)
    return figure, ax, inch


def _marker_boxes(ax) -> dict[str, object]:
    """Display boxes of the node markers drawn, by node."""
    boxes = {}
    for points in ax.collections:
        if points.get_gid() == "node":
            nodes = points.get_label().split("\x1f")
            for node, (x, y), area in zip(
                nodes, points.get_offsets(), points.get_sizes(), strict=True
            ):
                cx, cy = ax.transData.transform((x, y))
                half = math.sqrt(area) / 2 * ax.figure.dpi / 72
                boxes[node] = Bbox.from_extents(cx - half, cy - half, cx + half, cy + half)
    return boxes


def node_colours(graph: nx.Graph, color_by: str) -> dict[str, str]:
    """A colour per country (or type), the most frequent first."""
    counts: dict[str, int] = defaultdict(int)
    for _, data in graph.nodes(data=True):
        if data.get(color_by):
            counts[data[color_by]] += 1
    ranked = sorted(counts, key=lambda key: (-counts[key], key))
    return {key: NODE_COLOURS[i] for i, key in enumerate(ranked[: len(NODE_COLOURS)])}


def _node_areas(graph: nx.Graph) -> dict[str, float]:
    """Marker area (points^2) of each node, by the number of others it deals with."""
    partners = {node: len(set(nx.all_neighbors(graph, node)) - {node}) for node in graph}
    top = max(partners.values(), default=1) or 1
    low, high = _NODE_AREA
    return {node: low + (high - low) * count / top for node, count in partners.items()}


def _draw_edges(ax, graph, pos, areas) -> dict[frozenset, list]:
    """One arrow per interaction; returns the edges of each pair of actors."""
    by_pair: dict[frozenset, list] = defaultdict(list)
    for source, target, data in graph.edges(data=True):
        if source != target:
            by_pair[frozenset((source, target))].append((source, target, data))
    for pair_edges in by_pair.values():
        pair_edges.sort(key=lambda e: (e[0], e[2].get("type", "")))
        first_source = pair_edges[0][0]
        for index, (source, target, data) in enumerate(pair_edges):
            polarity = int(data.get("polarity", 0))
            rad = _curvature(index, len(pair_edges), source == first_source)
            arrow = FancyArrowPatch(
                pos[source],
                pos[target],
                connectionstyle=f"arc3,rad={rad}",
                arrowstyle="-|>",
                mutation_scale=16,
                shrinkA=math.sqrt(areas[source]) / 2 + 2,
                shrinkB=math.sqrt(areas[target]) / 2 + 3,
                color=_polarity_colour([polarity]),
                lw=1.3 + 0.9 * math.log2(max(int(data.get("articles", 1)), 1)),
                ls="--" if polarity < 0 else "-",
                alpha=0.85,
                zorder=2,
            )
            arrow.set_gid("edge")
            ax.add_patch(arrow)
    return by_pair


_ALONG = (0.5, 0.4, 0.6, 0.3, 0.7, 0.22, 0.78)  # where on its edge a label may go


def _draw_edge_labels(ax, by_pair, pos, taken: list) -> None:
    """One label per pair of actors naming its types, slid along the pair's
    line to the first place where it covers no other label or node."""
    renderer = ax.figure.canvas.get_renderer()
    for pair_edges in by_pair.values():
        types = sorted({data["type"] for _, _, data in pair_edges if data.get("type")})
        if not types:
            continue
        (x1, y1), (x2, y2) = pos[pair_edges[0][0]], pos[pair_edges[0][1]]
        text = ax.text(
            (x1 + x2) / 2,
            (y1 + y2) / 2,
            "\n".join(types),
            fontsize=EDGE_LABEL_SIZE,
            color=_polarity_colour([int(d.get("polarity", 0)) for _, _, d in pair_edges]),
            ha="center",
            va="center",
            zorder=3,
            bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.8},
        )
        for t in _ALONG:
            text.set_position((x1 + t * (x2 - x1), y1 + t * (y2 - y1)))
            box = text.get_window_extent(renderer)
            if not any(box.overlaps(other) for other in taken):
                break
        else:
            text.set_position(((x1 + x2) / 2, (y1 + y2) / 2))
        taken.append(text.get_window_extent(renderer))


def _polarity_colour(polarities: list[int]) -> str:
    """Blue when all are cooperative, vermilion when all conflictual, else grey."""
    if all(p > 0 for p in polarities):
        return POSITIVE
    if all(p < 0 for p in polarities):
        return NEGATIVE
    return NEUTRAL


def _curvature(index: int, count: int, same_way: bool) -> float:
    """Arc bends that keep parallel edges of one pair apart.

    ``arc3`` bends to one side of the direction of travel, so an edge drawn
    the other way round gets the opposite sign to bend to the same side.
    """
    if count == 1:
        return 0.0
    rad = 0.25 * (index - (count - 1) / 2)
    return rad if same_way else -rad


def _curve_middle(a, b, rad: float) -> tuple[float, float]:
    """The middle of matplotlib's ``arc3`` curve from ``a`` to ``b`` (equal aspect)."""
    (x1, y1), (x2, y2) = a, b
    dx, dy = x2 - x1, y2 - y1
    return (x1 + x2) / 2 + rad * dy / 2, (y1 + y2) / 2 - rad * dx / 2


def _draw_nodes(ax, graph, pos, areas, colours, color_by: str) -> int:
    drawn = 0
    for actor_type in sorted({d.get("type") or "" for _, d in graph.nodes(data=True)}):
        members = [n for n, d in graph.nodes(data=True) if (d.get("type") or "") == actor_type]
        points = ax.scatter(
            [pos[m][0] for m in members],
            [pos[m][1] for m in members],
            s=[areas[m] for m in members],
            c=[colours.get(graph.nodes[m].get(color_by), OTHER_COLOUR) for m in members],
            marker=MARKERS.get(actor_type, "o"),
            edgecolors="#333333",
            linewidths=1.2,
            zorder=4,
        )
        points.set_gid("node")
        points.set_label("\x1f".join(members))  # which node each point is
        drawn += len(members)
    return drawn


def _draw_labels(ax, graph, pos, areas, inch: float) -> list[str]:
    """Each node's label on the first side of it (in order of clearance from
    its edges) where it covers no other label or node; the best-connected
    actors choose first."""
    renderer = ax.figure.canvas.get_renderer()
    markers = _marker_boxes(ax)
    taken: list = []
    order = sorted(graph, key=lambda n: (-areas[n], str(graph.nodes[n].get("label", n))))
    for node in order:
        label = str(graph.nodes[node].get("label", node))
        radius = (math.sqrt(areas[node]) / 2 + 3) / 72 / inch  # the marker's, in units
        text = ax.text(
            *pos[node],
            label,
            fontsize=LABEL_SIZE,
            zorder=5,
            bbox={"boxstyle": "round,pad=0.2", "fc": "white", "ec": "#BBBBBB", "alpha": 0.9},
        )
        text.set_gid("label")
        others = taken + [box for other, box in markers.items() if other != node]
        for index, ((dx, dy), ha, va) in enumerate(_sides_by_clearance(graph, pos, node)):
            text.set_position((pos[node][0] + dx * radius, pos[node][1] + dy * radius))
            text.set_ha(ha)
            text.set_va(va)
            box = text.get_window_extent(renderer)
            if index == 0:
                first = ((pos[node][0] + dx * radius, pos[node][1] + dy * radius), ha, va)
            if not any(box.overlaps(other) for other in others):
                break
        else:
            text.set_position(first[0])
            text.set_ha(first[1])
            text.set_va(first[2])
        taken.append(text.get_window_extent(renderer))
    return sorted(str(d.get("label", n)) for n, d in graph.nodes(data=True))


_SIDES = (
    ((0, -1), "center", "top"),
    ((0, 1), "center", "bottom"),
    ((1, 0), "left", "center"),
    ((-1, 0), "right", "center"),
    ((0.7, -0.7), "left", "top"),
    ((-0.7, -0.7), "right", "top"),
    ((0.7, 0.7), "left", "bottom"),
    ((-0.7, 0.7), "right", "bottom"),
)


def _sides_by_clearance(graph, pos, node) -> list:
    """The sides of a node, those farthest in angle from the edges that meet
    it first (below, above, right, left, then the diagonals, on a near tie)."""
    x, y = pos[node]
    angles = [
        math.atan2(pos[other][1] - y, pos[other][0] - x)
        for other in set(nx.all_neighbors(graph, node)) - {node}
    ]

    def clearance(side) -> float:
        (dx, dy), _, _ = side
        angle = math.atan2(dy, dx)
        nearest = min(
            (abs((angle - a + math.pi) % (2 * math.pi) - math.pi) for a in angles),
            default=math.pi,
        )
        return round(nearest / 0.2)  # sides within about 11 degrees count as a tie

    return sorted(_SIDES, key=lambda side: -clearance(side))


def _legend(figure, graph, colours, color_by, discs) -> None:
    types = sorted({d.get("type") for _, d in graph.nodes(data=True) if d.get("type")})
    handles = []
    if color_by == "country":
        for code, colour in colours.items():
            info = country_by_code(code)
            handles.append(Patch(fc=colour, ec="#333333", label=info.name if info else code))
    handles += [
        Line2D(
            [],
            [],
            marker=MARKERS.get(t, "o"),
            ls="",
            mfc=colours.get(t, "white") if color_by == "type" else "white",
            mec="#333333",
            ms=10,
            label=t,
        )
        for t in types
    ]
    handles += [
        Line2D([], [], color=POSITIVE, lw=2, label="cooperative"),
        Line2D([], [], color=NEGATIVE, lw=2, ls="--", label="conflictual"),
    ]
    handles += [Patch(fc=d.colour, alpha=0.25, ec=d.colour, label=d.name) for d in discs]
    figure.legend(
        handles=handles,
        loc="upper left",
        bbox_to_anchor=(1 - (_LEGEND_INCHES - 0.1) / figure.get_figwidth(), 0.93),
        fontsize=10.5,
        frameon=False,
    )
