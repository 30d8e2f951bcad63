"""Comparing stored datasets exactly.

The builder writes no blank nodes, so two datasets are isomorphic exactly
when their sets of N-Quads lines are equal; ``named_graphs`` gives the same
data as rdflib graphs for ``rdflib.compare.isomorphic`` graph by graph.
"""

from __future__ import annotations

import rdflib

from kg.store import GraphStore


def quads(store: GraphStore) -> set[str]:
    """The dataset as a set of N-Quads lines (asserting it has no blank node)."""
    lines = set(store.export("application/n-quads").decode().splitlines())
    assert not any(" _:" in line or line.startswith("_:") for line in lines), "a blank node"
    return lines


def named_graphs(store: GraphStore) -> dict[str, rdflib.Graph]:
    """Every non-empty named graph of the store as an rdflib graph."""
    data = rdflib.Dataset()
    data.parse(data=store.export("application/n-quads"), format="nquads")
    return {str(g.identifier): g for g in data.graphs() if len(g)}
