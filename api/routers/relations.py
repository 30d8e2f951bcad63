"""``/relations``: relation records of the whole graph, by type and date."""

from __future__ import annotations

from fastapi import APIRouter

from api import rows
from api.deps import ApiRunnerDep, GraphDep
from api.errors import documented
from api.routers.actors import Paging, RelationWhere
from api.schemas import RelationsPublic
from kg import queries

router = APIRouter(tags=["relations"], responses=documented(422, 503))


@router.get("/relations", response_model=RelationsPublic)
async def list_relations(
    graph: GraphDep,
    runner: ApiRunnerDep,
    where: RelationWhere,
    page: Paging,
) -> RelationsPublic:
    """Relations of the given types (all types without ``type``), newest first;
    acts with one participant ("X resigned") among them, with ``target`` null."""

    def answer() -> RelationsPublic:
        found, count = queries.relations(graph.store, where=where, page=page)
        return RelationsPublic(data=[rows.relation(graph.iris, r) for r in found], count=count)

    return await runner.run(answer)
