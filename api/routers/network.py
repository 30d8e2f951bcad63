"""The actor network: ``/paths`` between two actors, ``/network`` around one
(or all of it) as nodes and edges, and ``/network.graphml`` for Gephi.

The network is built from the factual relation records between actors
(``kg.analysis``), filtered by type, date and confidence; the service reads
them once and keeps them until it writes (``api.network_cache``).
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import Response

from api import rows
from api.deps import ApiRunnerDep, GraphDep, NetworkDep
from api.errors import documented
from api.network_cache import NetworkCache
from api.routers.actors import NetworkWhere, actor_iri
from api.schemas import NetworkPublic, PathPublic, PathsPublic
from kg.analysis import ego_network, hops, shortest_paths, to_graphml
from kg.graph import KnowledgeGraph
from kg.queries import RelationFilter

router = APIRouter(tags=["network"], responses=documented(422, 503))
UNKNOWN = documented(404, described={404: "No actor with this id."})

ActorParam = Annotated[str, Query(min_length=1, max_length=200, description="An actor id.")]
Center = Annotated[
    str | None,
    Query(min_length=1, max_length=200, description="Actor id; without it, the whole network."),
]
Depth = Annotated[int, Query(ge=1, le=3, description="Steps from the center.")]


@router.get("/paths", response_model=PathsPublic, responses=UNKNOWN)
async def get_paths(
    graph: GraphDep,
    networks: NetworkDep,
    runner: ApiRunnerDep,
    where: NetworkWhere,
    source: Annotated[str, Query(alias="from", min_length=1, max_length=200)],
    target: Annotated[str, Query(alias="to", min_length=1, max_length=200)],
    max_length: Annotated[int, Query(ge=1, le=6, description="Most steps.")] = 4,
    limit: Annotated[int, Query(ge=1, le=100, description="Most paths.")] = 10,
) -> PathsPublic:
    """How two actors are connected: the shortest paths between them in the
    actor network (relations followed in either direction), with the
    relations on each step."""

    def answer() -> PathsPublic:
        start, end = actor_iri(graph, source), actor_iri(graph, target)
        network = networks.network(where)
        data = [
            PathPublic(
                actors=[rows.actor_ref(graph.iris, n, network.nodes[n].get("label")) for n in path],
                hops=[
                    [rows.edge(graph.iris, r["source"], r["target"], r) for r in step]
                    for step in hops(network, path)
                ],
            )
            for path in shortest_paths(network, start, end, max_length, limit)
        ]
        return PathsPublic(data=data, count=len(data))

    return await runner.run(answer)


def _network(
    graph: KnowledgeGraph,
    networks: NetworkCache,
    center: str | None,
    depth: int,
    where: RelationFilter,
):
    network = networks.network(where)
    if center is None:
        return network
    return ego_network(network, actor_iri(graph, center), depth)


@router.get("/network", response_model=NetworkPublic, responses=UNKNOWN)
async def get_network(
    graph: GraphDep,
    networks: NetworkDep,
    runner: ApiRunnerDep,
    where: NetworkWhere,
    center: Center = None,
    depth: Depth = 1,
) -> NetworkPublic:
    """The actors within ``depth`` steps of ``center`` and the relations among
    them, as nodes and edges for a graph viewer."""

    def answer() -> NetworkPublic:
        network = _network(graph, networks, center, depth, where)
        return NetworkPublic(
            nodes=[rows.node(graph.iris, n, a) for n, a in network.nodes(data=True)],
            edges=[rows.edge(graph.iris, s, t, a) for s, t, a in network.edges(data=True)],
        )

    return await runner.run(answer)


@router.get(
    "/network.graphml",
    response_class=Response,
    responses={200: {"content": {"application/graphml+xml": {}}}, **UNKNOWN},
)
async def get_network_graphml(
    graph: GraphDep,
    networks: NetworkDep,
    runner: ApiRunnerDep,
    where: NetworkWhere,
    center: Center = None,
    depth: Depth = 1,
) -> Response:
    """The same network as GraphML, for Gephi and other graph tools."""

    def answer() -> bytes:
        return to_graphml(_network(graph, networks, center, depth, where))

    return Response(await runner.run(answer), media_type="application/graphml+xml")
