"""The actor network: networkx views of the knowledge graph.

``actor_network`` reads the factual relation records between actors (not
negated; asserted or reported — see ``kg.queries.network_edges``) into a
``networkx.MultiDiGraph``:

- nodes are actor IRIs, with ``label``, ``type`` (Person, Organization,
  Country, Group), ``country`` (ISO 3166 alpha-3), ``sector`` and
  ``articles`` (how many articles name the actor);
- edges go from source to target, one per relation type (the edge key), with
  ``type`` (``supports`` ...), ``kind`` (``interaction`` or ``stative``),
  ``polarity`` (+1 cooperative, -1 conflictual, 0 stative; from
  ``kg/lexicon/predicates.tsv``), ``records`` (relation records),
  ``articles`` (distinct articles that report it), ``first_date`` and
  ``last_date`` (``datetime.date`` or None) and ``confidence`` (the highest).

``NetworkRecords`` holds what the network is built from (the records and
their actors, two queries); it builds the network for a filter in memory, so
a service that keeps it answers without the store (``api.network_cache``).
A ``RelationFilter`` chooses the relation types (``INTERACTION_TYPES``: the
acts of one actor on another), the date range and the lowest confidence.
Views derived from the network: ``ego_network``, ``shortest_paths`` with
``hops`` (the relations on each step of a path); ``camps``, ``centrality``,
``net_polarity`` and ``stance_matrix`` (written in ``kg.network_views``,
public here); exports ``to_graphml`` and ``to_gexf`` for Gephi and other graph
tools, ``to_node_link`` for the web. Over time: ``kg.timelines``.

>>> from kg.config import Settings
>>> from kg.graph import KnowledgeGraph
>>> from kg.read import article_from_text
>>> kg = KnowledgeGraph(Settings(store=":memory:"))
>>> _ = kg.ingest([article_from_text("a", "Cuba endorsed Maduro. Russia endorsed Maduro.")])
>>> network = actor_network(kg.store)
>>> sorted(network.nodes[n]["label"] for n in network)
['Cuba', 'Maduro', 'Russia']
>>> [[network.nodes[n]["label"] for n in path] for path in shortest_paths(network, *sorted(
...     n for n in network if network.nodes[n]["label"] != "Maduro"))]
[['Cuba', 'Maduro', 'Russia']]
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from itertools import islice, pairwise

import networkx as nx

from kg.lexicon import predicates
from kg.network_views import (  # noqa: F401  (derived views, public here)
    INTERACTION_TYPES,
    StanceMatrix,
    camps,
    centrality,
    net_polarity,
    stance_matrix,
)
from kg.queries import (
    EVERY_RELATION,
    RelationFilter,
    actor_rows,
    network_edges,
)
from kg.rdf.vocab import NS
from kg.store import GraphStore, Row


@dataclass
class _Edge:
    records: set[str] = field(default_factory=set)
    articles: set[str] = field(default_factory=set)
    dates: list[date] = field(default_factory=list)
    confidence: float = 0.0


@dataclass(frozen=True)
class NetworkRecords:
    """What actor networks are built from, as read from the store: the factual
    relation records (``kg.queries.network_edges`` rows) and the description
    of every actor at one of their ends (``kg.queries.actor_rows`` rows, by
    IRI). Read once, they give the network for any ``RelationFilter`` narrower
    than the one they were read with, without the store: the service keeps
    them between requests (``api.network_cache``)."""

    edges: tuple[Row, ...]
    actors: dict[str, Row]

    @classmethod
    def read(cls, store: GraphStore, where: RelationFilter = EVERY_RELATION) -> NetworkRecords:
        """The records ``where`` admits, and their actors: two queries."""
        edges = tuple(network_edges(store, where))
        ends = sorted({str(row[end]) for row in edges for end in ("source", "target")})
        return cls(edges, {str(row["actor"]): row for row in actor_rows(store, ends)})

    def network(self, where: RelationFilter = EVERY_RELATION) -> nx.MultiDiGraph:
        """The network of the records ``where`` admits (see the module)."""
        edges: dict[tuple[str, str, str], _Edge] = {}
        for row in self.edges:
            if not where.admits(row):
                continue
            key = (str(row["source"]), str(row["target"]), str(row["type"]))
            edge = edges.setdefault(key, _Edge())
            edge.records.add(str(row["record"]))
            edge.articles.add(str(row["article"]))
            if isinstance(row["when"], date):
                edge.dates.append(row["when"])
            edge.confidence = max(edge.confidence, float(row["confidence"] or 0))
        graph = nx.MultiDiGraph()
        ends = sorted({end for source, target, _ in edges for end in (source, target)})
        _add_nodes(graph, (self.actors[end] for end in ends if end in self.actors))
        info = predicates()
        for (source, target, type_), edge in sorted(edges.items()):
            if source not in graph or target not in graph:
                continue  # an end without a label: not an actor the graph describes
            graph.add_edge(
                source,
                target,
                key=type_,
                type=type_,
                kind=info[type_].kind,
                polarity=info[type_].polarity,
                records=len(edge.records),
                articles=len(edge.articles),
                first_date=min(edge.dates, default=None),
                last_date=max(edge.dates, default=None),
                confidence=edge.confidence,
            )
        return graph


def actor_network(store: GraphStore, where: RelationFilter = EVERY_RELATION) -> nx.MultiDiGraph:
    """The network of actors and the relations between them (see the module)."""
    return NetworkRecords.read(store, where).network(where)


def _add_nodes(graph: nx.MultiDiGraph, rows: Iterable[dict]) -> None:
    for row in rows:
        graph.add_node(
            str(row["actor"]),
            label=str(row["label"]),
            type=str(row["class"]).removeprefix(NS),
            country=row["country"],
            sector=row["sector"],
            articles=int(row["articles"] or 0),
        )


def ego_network(network: nx.MultiDiGraph, center: str, depth: int = 1) -> nx.MultiDiGraph:
    """The actors within ``depth`` steps of ``center`` (in either direction)
    and every relation among them."""
    if center not in network:
        return nx.MultiDiGraph()
    # what nx.ego_graph(undirected=True) does, over a view: it copies the whole network first
    undirected = network.to_undirected(as_view=True)
    near = nx.single_source_shortest_path_length(undirected, center, cutoff=depth)
    return network.subgraph(near).copy()


def shortest_paths(
    network: nx.MultiDiGraph, source: str, target: str, max_length: int = 4, limit: int = 10
) -> list[list[str]]:
    """Up to ``limit`` shortest paths (lists of actors) from ``source`` to
    ``target``, following relations in either direction, at most
    ``max_length`` steps long; ``[]`` when there is none."""
    if source not in network or target not in network:
        return []
    undirected = network.to_undirected(as_view=True)
    try:
        paths = list(islice(nx.all_shortest_paths(undirected, source, target), limit))
    except nx.NetworkXNoPath:
        return []
    return [path for path in paths if len(path) - 1 <= max_length]


def hops(network: nx.MultiDiGraph, path: list[str]) -> list[list[dict]]:
    """For each step of ``path``, the relations between its two actors (edge
    attributes, with ``source`` and ``target`` as stored)."""
    steps = []
    for a, b in pairwise(path):
        relations = []
        for source, target in ((a, b), (b, a)):
            for attributes in network.get_edge_data(source, target, default={}).values():
                relations.append({"source": source, "target": target, **attributes})
        steps.append(relations)
    return steps


def to_graphml(network: nx.MultiDiGraph) -> bytes:
    """The network as GraphML (dates as ISO text; missing values left out)."""
    return "\n".join(nx.generate_graphml(_portable(network))).encode("utf-8")


def to_gexf(network: nx.MultiDiGraph) -> bytes:
    """The network as GEXF 1.2 for Gephi (dates as ISO text; missing values left out)."""
    return "\n".join(nx.generate_gexf(_portable(network))).encode("utf-8")


def to_node_link(network: nx.MultiDiGraph) -> dict:
    """The network as node-link data (``nodes`` and ``links``), ready for
    ``json.dumps``, d3 and most web graph libraries (dates as ISO text;
    missing values left out)."""
    return nx.node_link_data(_portable(network), edges="links")


def _portable(network: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy whose attribute values every graph file format can write."""
    plain = nx.MultiDiGraph()
    for node, attributes in network.nodes(data=True):
        plain.add_node(node, **_plain(attributes))
    for source, target, key, attributes in network.edges(keys=True, data=True):
        plain.add_edge(source, target, key=key, **_plain(attributes))
    return plain


def _plain(attributes: dict) -> dict:
    return {
        name: value.isoformat() if isinstance(value, date) else value
        for name, value in attributes.items()
        if value is not None
    }
