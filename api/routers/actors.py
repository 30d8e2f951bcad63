"""``/actors``: search actors, describe one, its relations and statements.

Every answer is built by fixed SPARQL (``kg.queries``) with the request's
values bound, run by the actor API's query workers under the deadline.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query

from api import rows
from api.deps import ApiRunnerDep, GraphDep
from api.errors import documented
from api.schemas import (
    ActorPublic,
    ActorsPublic,
    ActorType,
    Day,
    Direction,
    RelationsPublic,
    RelationType,
    StatementsPublic,
)
from kg import queries
from kg.errors import NotFoundError
from kg.graph import KnowledgeGraph
from kg.queries import Page, RelationFilter

router = APIRouter(prefix="/actors", tags=["actors"], responses=documented(422, 503))
UNKNOWN = documented(404, described={404: "No actor with this id."})

ActorId = Annotated[
    str, Path(min_length=1, max_length=200, description="Actor id, e.g. sergey-lavrov.")
]
Limit = Annotated[int, Query(ge=1, le=1000, description="Most items in data.")]
Offset = Annotated[int, Query(ge=0, le=1_000_000, description="Items to skip.")]
Since = Annotated[Day | None, Query(description="Only on or after this day (YYYY-MM-DD).")]
Until = Annotated[Day | None, Query(description="Only on or before this day (YYYY-MM-DD).")]
MinConfidence = Annotated[float, Query(ge=0, le=1, description="Lowest confidence.")]


async def paging(limit: Limit = 50, offset: Offset = 0) -> Page:
    """The page a list route answers: ``limit`` items after ``offset``."""
    return Page(limit, offset)


Paging = Annotated[Page, Depends(paging)]


TYPES_HELP = "Relation types (repeat for more)."


async def relation_filter(
    type: Annotated[list[RelationType], Query(description=TYPES_HELP)] = [],  # noqa: B006
    since: Since = None,
    until: Until = None,
    min_confidence: MinConfidence = 0.0,
) -> RelationFilter:
    """The relation filters of a route that takes ``?type=`` (repeated)."""
    return RelationFilter(tuple(t.value for t in type), since, until, min_confidence)


async def network_filter(
    types: Annotated[list[RelationType], Query(description=TYPES_HELP)] = [],  # noqa: B006
    since: Since = None,
    until: Until = None,
    min_confidence: MinConfidence = 0.0,
) -> RelationFilter:
    """The relation filters of a network route, which takes ``?types=``."""
    return await relation_filter(types, since, until, min_confidence)


RelationWhere = Annotated[RelationFilter, Depends(relation_filter)]
NetworkWhere = Annotated[RelationFilter, Depends(network_filter)]


def actor_iri(graph: KnowledgeGraph, actor_id: str) -> str:
    """The IRI of an actor that exists, or ``NotFoundError``."""
    iri = str(graph.iris.entity(actor_id))
    if queries.actor(graph.store, iri) is None:
        raise NotFoundError(f"no actor with id {actor_id!r}; search with GET /actors?q=")
    return iri


@router.get("", response_model=ActorsPublic)
async def list_actors(
    graph: GraphDep,
    runner: ApiRunnerDep,
    page: Paging,
    q: Annotated[str, Query(max_length=200, description="Part of a name or alias.")] = "",
    type: Annotated[ActorType | None, Query(description="Only actors of this type.")] = None,
    country: Annotated[
        str | None, Query(pattern="^[A-Za-z]{3}$", description="ISO alpha-3.")
    ] = None,
) -> ActorsPublic:
    """Actors whose name or an alias contains ``q``, most mentioned first."""

    def answer() -> ActorsPublic:
        found, count = queries.search_actors(
            graph.store, q.strip(), type and type.value, country, page
        )
        details = queries.actor_details(graph.store, [str(row["actor"]) for row in found])
        data = [
            rows.actor(graph.iris, str(row["actor"]), row, details[str(row["actor"])])
            for row in found
        ]
        return ActorsPublic(data=data, count=count)

    return await runner.run(answer)


@router.get("/{actor_id}", response_model=ActorPublic, responses=UNKNOWN)
async def get_actor(actor_id: ActorId, graph: GraphDep, runner: ApiRunnerDep) -> ActorPublic:
    """Labels, aliases, type, country, sector, positions held, outside ids, articles."""

    def answer() -> ActorPublic:
        iri = str(graph.iris.entity(actor_id))
        row = queries.actor(graph.store, iri)
        if row is None:
            raise NotFoundError(f"no actor with id {actor_id!r}; search with GET /actors?q=")
        return rows.actor(graph.iris, iri, row, queries.actor_details(graph.store, [iri])[iri])

    return await runner.run(answer)


@router.get("/{actor_id}/relations", response_model=RelationsPublic, responses=UNKNOWN)
async def get_relations(
    actor_id: ActorId,
    graph: GraphDep,
    runner: ApiRunnerDep,
    page: Paging,
    where: RelationWhere,
    direction: Direction = Direction.both,
) -> RelationsPublic:
    """The actor's relations — with the other actor, type, date, confidence and
    evidence (article, sentence, offsets) — newest first. What the actor did
    alone ("X resigned", "Y protested": acts with one participant) comes too,
    as ``direction`` out with ``target`` null; ``direction=in`` leaves it out."""

    def answer() -> RelationsPublic:
        iri = actor_iri(graph, actor_id)
        found, count = queries.relations(
            graph.store, iri, direction=direction.value, where=where, page=page
        )
        return RelationsPublic(data=[rows.relation(graph.iris, r) for r in found], count=count)

    return await runner.run(answer)


@router.get("/{actor_id}/statements", response_model=StatementsPublic, responses=UNKNOWN)
async def get_statements(
    actor_id: ActorId,
    graph: GraphDep,
    runner: ApiRunnerDep,
    page: Paging,
    since: Since = None,
    until: Until = None,
) -> StatementsPublic:
    """What the actor said (quoted or reported), newest first, with evidence."""

    def answer() -> StatementsPublic:
        iri = actor_iri(graph, actor_id)
        found, count = queries.statements(graph.store, iri, since=since, until=until, page=page)
        return StatementsPublic(data=[rows.statement(graph.iris, r) for r in found], count=count)

    return await runner.run(answer)


@router.get("/{actor_id}/relations/{other_id}", response_model=RelationsPublic, responses=UNKNOWN)
async def get_relations_between(
    actor_id: ActorId,
    other_id: ActorId,
    graph: GraphDep,
    runner: ApiRunnerDep,
    page: Paging,
    where: RelationWhere,
) -> RelationsPublic:
    """Everything between two actors, in both directions, newest first (acts
    with one participant are in ``/actors/{id}/relations``)."""

    def answer() -> RelationsPublic:
        iri, other = actor_iri(graph, actor_id), actor_iri(graph, other_id)
        found, count = queries.relations(graph.store, iri, other=other, where=where, page=page)
        return RelationsPublic(data=[rows.relation(graph.iris, r) for r in found], count=count)

    return await runner.run(answer)
