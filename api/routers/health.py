"""``GET /health``: is the service up, and what is it serving."""

from fastapi import APIRouter

from api.deps import GraphDep
from api.schemas import HealthPublic

router = APIRouter(tags=["service"])


@router.get("/health", response_model=HealthPublic)
def health(graph: GraphDep) -> HealthPublic:
    """Liveness, the store in use and how many articles it holds."""
    return HealthPublic(
        store=graph.settings.store,
        articles=len(graph.article_ids()),
        model=graph.settings.spacy_model,
    )
