"""``GET /health`` (is the service up, what does it serve) and ``GET /stats``."""

from __future__ import annotations

from fastapi import APIRouter

from api.deps import ApiRunnerDep, GraphDep
from api.errors import documented
from api.schemas import HealthPublic, StatsPublic
from kg import __version__

router = APIRouter(tags=["service"], responses=documented(503))


@router.get("/health", response_model=HealthPublic)
async def health(graph: GraphDep, runner: ApiRunnerDep) -> HealthPublic:
    """Liveness, the kind of store and how many articles it holds."""
    settings = graph.settings
    kind = (
        "remote" if settings.is_remote else "memory" if settings.store == ":memory:" else "embedded"
    )
    articles = await runner.run(graph.article_ids)
    return HealthPublic(
        version=__version__, store=kind, articles=len(articles), model=settings.spacy_model
    )


@router.get("/stats", response_model=StatsPublic)
async def stats(graph: GraphDep, runner: ApiRunnerDep) -> StatsPublic:
    """Counts of nodes by class and of relation records by type."""
    counts = await runner.run(graph.stats)
    return StatsPublic(
        articles=counts["articles"]["count"],
        classes=counts["classes"],
        relations=counts["relations"],
    )
