"""Derived views of the actor network: centrality, camps and the stance matrix.

They read the networkx graph that ``kg.analysis`` builds from the store
(public through ``kg.analysis``): one node per actor, keyed by its IRI, with
``label``, ``type`` and ``country``; one edge per interaction type between two
actors with ``type``, ``polarity`` (+1 cooperative, -1 conflictual, from
``kg/lexicon/predicates.tsv``) and ``articles`` (the number of articles that
support it). A ``DiGraph`` or a ``MultiDiGraph`` will do.

- ``centrality`` ranks the actors: how many others each deals with, through how
  many articles, and how much it bridges the rest (betweenness).
- ``camps`` finds the sides of a story: groups of actors tied by edges that
  align them (support, cooperation, aid: the ``aligns`` column of the
  predicate table), split into communities where they hold foes.
- ``stance_matrix`` is actor x actor net polarity, for a heatmap.

>>> import networkx as nx
>>> g = nx.MultiDiGraph()
>>> for actor in "ABCD":
...     g.add_node(actor, label=actor)
>>> g.add_edge("A", "B", type="supports", polarity=1, articles=2)
0
>>> g.add_edge("C", "D", type="supports", polarity=1, articles=1)
0
>>> g.add_edge("A", "D", type="criticizes", polarity=-1, articles=1)
0
>>> [sorted(camp) for camp in camps(g)]
[['A', 'B'], ['C', 'D']]
>>> stance_matrix(g, ["A", "D"]).values
[[0, -1], [0, 0]]
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

import networkx as nx

from kg.lexicon import predicates

INTERACTION_TYPES = tuple(name for name, info in predicates().items() if info.kind == "interaction")


def centrality(graph: nx.Graph) -> list[dict[str, object]]:
    """One row per actor, most central first.

    ``partners`` is the number of other actors it deals with (either
    direction), ``interactions`` the sum of supporting articles over its edges,
    ``betweenness`` its normalised betweenness on the undirected network
    (weighted by articles: a link many articles report is a short one).
    """
    pairs = _pair_weights(graph)
    undirected = nx.Graph()
    undirected.add_nodes_from(graph)
    for (a, b), weight in pairs.items():
        undirected.add_edge(a, b, distance=1 / weight)
    betweenness = nx.betweenness_centrality(undirected, weight="distance", normalized=True)
    rows = []
    for node, data in graph.nodes(data=True):
        rows.append(
            {
                "actor": node,
                "label": data.get("label", node),
                "type": data.get("type"),
                "country": data.get("country"),
                "partners": undirected.degree(node),
                "interactions": sum(w for pair, w in pairs.items() if node in pair),
                "betweenness": round(betweenness[node], 4),
            }
        )
    rows.sort(key=lambda r: (-r["betweenness"], -r["partners"], -r["interactions"], r["label"]))
    return rows


def camps(graph: nx.Graph, *, min_size: int = 2, seed: int = 0) -> list[frozenset[str]]:
    """The camps of the network, largest first.

    Two actors are tied when they back, cooperate with or aid each other
    (the ``aligns`` types of the predicate table) and are not, on balance,
    hostile (``net_polarity``): a phone call or a concession is cooperative
    without putting two actors on one side, and a pair that backs and attacks
    each other counts by its balance. Each group of tied actors is a camp
    unless it holds a hostile pair; then it is split into Louvain communities
    (ties weighted by their articles), and so on until no part holds a
    hostile pair or none splits further. So a camp is never split for being
    loosely knit, only for holding foes (structural balance). Actors without
    a tie, and camps smaller than ``min_size``, are left out; ``seed`` makes
    the splits the same on every run.
    """
    aligning = {name for name, info in predicates().items() if info.aligns}
    balance = net_polarity(graph, directed=False)
    ties = net_polarity(graph, directed=False, types=aligning)
    positive = nx.Graph()
    for (a, b), weight in ties.items():
        if weight > 0 and balance[(a, b)] > 0 and a != b:
            positive.add_edge(a, b, weight=weight)
    hostile = [pair for pair, net in balance.items() if net < 0]
    found: list[frozenset[str]] = []
    groups = [frozenset(c) for c in nx.connected_components(positive)]
    while groups:
        group = groups.pop()
        if any(a in group and b in group for a, b in hostile):
            parts = nx.community.louvain_communities(
                positive.subgraph(group), weight="weight", seed=seed
            )
            if len(parts) > 1:
                groups.extend(frozenset(part) for part in parts)
                continue
        found.append(group)
    kept = [camp for camp in found if len(camp) >= min_size]
    return sorted(kept, key=lambda c: (-len(c), sorted(_label(graph, n) for n in c)))


def net_polarity(
    graph: nx.Graph, *, directed: bool = True, types: set[str] | None = None
) -> dict[tuple[str, str], int]:
    """Sum of ``polarity x articles`` over the edges (of ``types``, default
    all) of each pair of actors.

    With ``directed=True`` the key is (source, target) and a symmetric type
    (consults, cooperatesWith) counts in both directions; otherwise the key is
    the pair in sorted order.
    """
    symmetric = {name for name, info in predicates().items() if info.symmetric}
    totals: dict[tuple[str, str], int] = defaultdict(int)
    for source, target, data in graph.edges(data=True):
        if types is not None and data.get("type") not in types:
            continue
        value = int(data.get("polarity", 0)) * int(data.get("articles", 1))
        if not directed:
            totals[_sorted_pair(source, target)] += value
            continue
        totals[(source, target)] += value
        if data.get("type") in symmetric and source != target:
            totals[(target, source)] += value
    return dict(totals)


@dataclass(frozen=True)
class StanceMatrix:
    """Net polarity from each row actor to each column actor; ``camps`` has
    the camp number (as in ``camps``) of each actor, or None."""

    actors: list[str]
    labels: list[str]
    values: list[list[int]]
    camps: list[int | None]


def stance_matrix(graph: nx.Graph, actors: Sequence[str] | None = None) -> StanceMatrix:
    """Actor x actor net polarity (row acts on column), for a heatmap.

    By default the actors are those with a positive or negative tie, camp by
    camp (so that the camps show as blocks), then the others by label.
    """
    totals = net_polarity(graph, directed=True)
    found = camps(graph)
    camp_of = {node: index for index, camp in enumerate(found) for node in camp}
    if actors is None:
        polar = {n for pair, value in totals.items() if value for n in pair}
        actors = sorted(polar, key=lambda n: (camp_of.get(n, len(found)), _label(graph, n)))
    values = [[totals.get((row, column), 0) for column in actors] for row in actors]
    return StanceMatrix(
        list(actors),
        [_label(graph, a) for a in actors],
        values,
        [camp_of.get(a) for a in actors],
    )


def _pair_weights(graph: nx.Graph) -> dict[tuple[str, str], int]:
    """Supporting articles of each undirected pair, over all its edges."""
    weights: dict[tuple[str, str], int] = defaultdict(int)
    for source, target, data in graph.edges(data=True):
        if source != target:
            weights[_sorted_pair(source, target)] += int(data.get("articles", 1))
    return dict(weights)


def _sorted_pair(a: str, b: str) -> tuple[str, str]:
    return (a, b) if a <= b else (b, a)


def _label(graph: nx.Graph, node: str) -> str:
    return str(graph.nodes[node].get("label", node))
