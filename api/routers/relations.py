"""``/relations``: relation records of the whole graph, by type and date."""

from __future__ import annotations

from fastapi import APIRouter

from api import rows
from api.deps import ApiRunnerDep, GraphDep
from api.routers.actors import Limit, MinConfidence, Offset, Since, Types, Until
from api.schemas import RelationsPublic
from kg import queries
from kg.queries import Page, RelationFilter

router = APIRouter(tags=["relations"])


@router.get("/relations", response_model=RelationsPublic)
async def list_relations(
    graph: GraphDep,
    runner: ApiRunnerDep,
    type: Types = [],  # noqa: B006 - FastAPI copies defaults
    since: Since = None,
    until: Until = None,
    min_confidence: MinConfidence = 0.0,
    limit: Limit = 50,
    offset: Offset = 0,
) -> RelationsPublic:
    """Relations of the given types (all types without ``type``), newest first."""
    where = RelationFilter(tuple(t.value for t in type), since, until, min_confidence)

    def answer() -> RelationsPublic:
        found, count = queries.relations(graph.store, where=where, page=Page(limit, offset))
        return RelationsPublic(data=[rows.relation(graph.iris, r) for r in found], count=count)

    return await runner.run(answer)
