"""Where to put the actors of a network picture: camps together, camps apart.

A plain spring layout pulls two camps into each other as soon as they quarrel
(a criticism is an edge too). ``camp_layout`` instead asks for a distance
between every two actors and finds the positions that keep those distances
best (stress majorisation):

- members of one camp stand close together, and far from other camps;
- an actor stands near the node of the country it belongs to (a minister by
  the country it serves);
- everyone else is as far apart as the hops between them in the network.

It then tidies up: no two nodes closer than one unit (room for a label), no
node on an edge it is not an end of, and no outsider inside a camp's disc.

>>> import networkx as nx
>>> g = nx.Graph([("a", "b"), ("c", "d"), ("b", "c"), ("b", "e")])
>>> pos = camp_layout(g, [frozenset("ab"), frozenset("cd")])
>>> pos["a"][0] < 0 < pos["d"][0]  # the first camp on the left, the second on the right
True
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence, Set

import networkx as nx
import numpy as np

Positions = dict[str, tuple[float, float]]

HALO = 0.5  # a camp's drawn disc reaches this far beyond its outermost member
_HOP = 1.6  # wanted distance per hop between two actors
_IN_CAMP = 1.3  # wanted distance between two members of one camp
_CAMP_GAP = 1.5  # least room between the discs of two camps
_AFFILIATION = 1.3  # wanted distance between an actor and its country's node
_EDGE_CLEARANCE = 0.3  # no node closer than this to an edge it is not an end of
_LABEL_WIDTH = 1.8  # nodes side by side need this many units, one above the other 1
_PART_GAP = (2.5, 1.5)  # room between two parts of the network side by side, one above


def camp_layout(graph: nx.Graph, camps: Sequence[frozenset[str]], *, seed: int = 0) -> Positions:
    """Positions in units of the smallest node spacing, the first camp on the
    left. Parts of the network that do not touch one another are laid out one
    by one and set side by side in rows, the largest first."""
    parts = _parts(graph)
    layouts = []
    for part in parts:
        inside = [camp & part for camp in camps if camp & part]
        layouts.append(_part_layout(graph.subgraph(part), inside, seed))
    return layouts[0] if len(layouts) == 1 else _packed(layouts)


def _part_layout(graph: nx.Graph, camps: Sequence[frozenset[str]], seed: int) -> Positions:
    """The stress layout of one connected part, tidied."""
    nodes = sorted(graph)
    if len(nodes) < 2:
        return {n: (0.0, 0.0) for n in nodes}
    home = {n: i for i, camp in enumerate(camps) for n in camp}
    wanted = _wanted_distances(graph, nodes, home)
    rng = np.random.default_rng(seed)
    start = np.array([_start(home.get(n), len(camps)) for n in nodes]) + rng.normal(
        0, 0.5, (len(nodes), 2)
    )
    xy = _stress_majorisation(wanted, start)
    if camps and np.mean([xy[i, 0] for i, n in enumerate(nodes) if home.get(n) == 0]) > 0:
        xy[:, 0] = -xy[:, 0]  # the first camp on the left, as it started
    pos = {n: (float(x), float(y)) for n, (x, y) in zip(nodes, xy, strict=True)}
    return _tidy(graph, pos, list(camps))


def _parts(graph: nx.Graph) -> list[set[str]]:
    """The connected parts of the network (an actor and its country's node
    count as connected), largest first."""
    links = nx.Graph()
    links.add_nodes_from(graph)
    links.add_edges_from((a, b) for a, b in graph.edges() if a != b)
    links.add_edges_from(_country_nodes(graph).items())
    return sorted(nx.connected_components(links), key=lambda part: (-len(part), min(part)))


def _packed(layouts: list[Positions]) -> Positions:
    """Layouts set in rows from the top left, each row as wide as the widest
    layout or the square root of their total area, whichever is more."""
    boxes = []
    for pos in layouts:
        xs, ys = [x for x, _ in pos.values()], [y for _, y in pos.values()]
        boxes.append((min(xs), min(ys) - _PART_GAP[1], max(xs) + _PART_GAP[0], max(ys)))
    area = sum((right - left) * (top - bottom) for left, bottom, right, top in boxes)
    row_width = max(max(right - left for left, _, right, _ in boxes), 1.3 * math.sqrt(area))
    packed: Positions = {}
    x = y = row_height = 0.0
    for pos, (left, bottom, right, top) in zip(layouts, boxes, strict=True):
        if x > 0 and x + right - left > row_width:
            x, y, row_height = 0.0, y - row_height, 0.0
        for node, (px, py) in pos.items():
            packed[node] = (px - left + x, py - top + y)
        x += right - left
        row_height = max(row_height, top - bottom)
    return packed


def spread(pos: Positions, min_gap: float, *, width: float = 1.0, rounds: int = 200) -> Positions:
    """Push apart every two nodes closer than ``min_gap``, both along the line
    between them, until none is or ``rounds`` run out. With ``width`` > 1,
    nodes side by side need that many times more room than nodes one above
    the other (labels are wide).

    >>> spread({"a": (0.0, 0.0), "b": (0.5, 0.0)}, 1.0)["b"][0] >= 0.75
    True
    """
    nodes = sorted(pos)
    xy = np.array([pos[n] for n in nodes], dtype=float) / [width, 1.0]
    for _ in range(rounds):
        moved = False
        for i in range(len(nodes)):
            for j in range(i + 1, len(nodes)):
                delta = xy[j] - xy[i]
                distance = float(np.hypot(*delta))
                if distance >= min_gap:
                    continue
                direction = delta / distance if distance > 1e-9 else np.array([1.0, 0.0])
                push = (min_gap - distance) / 2 + 1e-3
                xy[i] -= direction * push
                xy[j] += direction * push
                moved = True
        if not moved:
            break
    xy *= [width, 1.0]
    return {n: (float(x), float(y)) for n, (x, y) in zip(nodes, xy, strict=True)}


def _wanted_distances(graph: nx.Graph, nodes: list[str], home: dict[str, int]) -> np.ndarray:
    """The distance wanted between every two actors (see the module docstring)."""
    hops = nx.Graph()
    hops.add_nodes_from(nodes)
    hops.add_edges_from((a, b) for a, b in graph.edges() if a != b)
    affiliated = _country_nodes(graph)
    hops.add_edges_from((a, b) for a, b in affiliated.items() if a != b)
    lengths = dict(nx.all_pairs_shortest_path_length(hops))
    sizes = Counter(home.values())
    reach = {camp: _IN_CAMP * math.sqrt(size) / 1.5 + HALO for camp, size in sizes.items()}
    longest = max((d for row in lengths.values() for d in row.values()), default=1)
    wanted = np.zeros((len(nodes), len(nodes)))
    for i, a in enumerate(nodes):
        for j, b in enumerate(nodes):
            if i == j:
                continue
            distance = _HOP * lengths[a].get(b, longest + 1)
            if affiliated.get(a) == b or affiliated.get(b) == a:
                distance = _AFFILIATION
            if a in home and b in home:
                apart = reach[home[a]] + reach[home[b]] + _CAMP_GAP
                distance = _IN_CAMP if home[a] == home[b] else max(distance, apart)
            wanted[i, j] = distance
    return wanted


def _stress_majorisation(wanted: np.ndarray, start: np.ndarray, rounds: int = 300) -> np.ndarray:
    """Positions whose distances best match ``wanted`` (SMACOF, weights 1/d^2)."""
    weights = np.zeros_like(wanted)
    np.divide(1.0, wanted**2, out=weights, where=wanted > 0)
    laplacian = -weights
    np.fill_diagonal(laplacian, weights.sum(axis=1))
    inverse = np.linalg.pinv(laplacian)
    xy = start.astype(float)
    for _ in range(rounds):
        actual = np.hypot(*(xy[:, None, :] - xy[None, :, :]).transpose(2, 0, 1))
        ratio = np.zeros_like(wanted)
        np.divide(weights * wanted, actual, out=ratio, where=actual > 1e-9)
        b = -ratio
        np.fill_diagonal(b, ratio.sum(axis=1))
        updated = inverse @ b @ xy
        if np.abs(updated - xy).max() < 1e-4:
            return updated
        xy = updated
    return xy


def _tidy(graph: nx.Graph, pos: Positions, camps: list[Set[str]]) -> Positions:
    """Room for labels, no node on a foreign edge, no outsider in a camp's disc."""
    members = set().union(*camps) if camps else set()
    edges = [(a, b) for a, b in graph.edges() if a != b]
    for _ in range(30):
        before = pos
        pos = _out_of_discs(pos, camps, members)
        pos = _off_edges(pos, edges, _EDGE_CLEARANCE)
        pos = spread(pos, 1.0, width=_LABEL_WIDTH)
        if all(math.dist(before[n], pos[n]) < 1e-3 for n in pos):
            break
    return pos


def _out_of_discs(pos: Positions, camps: list[Set[str]], members: Set[str]) -> Positions:
    """``pos`` with every actor outside the camps moved radially out of their discs."""
    moved = dict(pos)
    for camp in camps:
        if not camp:
            continue
        cx = sum(pos[n][0] for n in camp) / len(camp)
        cy = sum(pos[n][1] for n in camp) / len(camp)
        reach = max(math.dist((cx, cy), pos[n]) for n in camp) + HALO + 0.4
        for node in set(pos) - members:
            x, y = moved[node]
            distance = math.dist((cx, cy), (x, y))
            if distance < reach:
                ux, uy = ((x - cx) / distance, (y - cy) / distance) if distance else (0.0, -1.0)
                moved[node] = (cx + ux * reach, cy + uy * reach)
    return moved


def _off_edges(pos: Positions, edges: list[tuple[str, str]], clearance: float) -> Positions:
    """``pos`` with every node that lies on an edge it is not an end of moved
    sideways, off the edge, so that no arrow seems to pass through it."""
    moved = dict(pos)
    for a, b in edges:
        start, end = np.array(moved[a]), np.array(moved[b])
        length = float(np.hypot(*(end - start)))
        if length < 1e-9:
            continue
        along = (end - start) / length
        for node, xy in moved.items():
            if node in (a, b):
                continue
            offset = np.array(xy) - start
            t = float(offset @ along)
            side = offset - t * along
            distance = float(np.hypot(*side))
            if 0 < t < length and distance < clearance:
                normal = side / distance if distance > 1e-9 else np.array([-along[1], along[0]])
                moved[node] = tuple(float(v) for v in start + t * along + normal * clearance)
    return moved


def _start(camp: int | None, count: int) -> tuple[float, float]:
    """Where an actor starts: its camp's place on a circle (the first on the
    left), or the middle."""
    if camp is None or count < 2:
        return (0.0, 0.0)
    angle = math.pi + 2 * math.pi * camp / count
    return (3.0 * math.cos(angle), 3.0 * math.sin(angle))


def _country_nodes(graph: nx.Graph) -> dict[str, str]:
    """Each actor -> the node of the country it belongs to, when that is drawn."""
    by_code = {
        data["country"]: node
        for node, data in graph.nodes(data=True)
        if data.get("type") == "Country" and data.get("country")
    }
    return {
        node: by_code[data["country"]]
        for node, data in graph.nodes(data=True)
        if data.get("country") in by_code and by_code[data["country"]] != node
    }
