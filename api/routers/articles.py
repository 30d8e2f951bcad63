"""``/articles``: ingest an article, list the stored ones, delete one."""

from __future__ import annotations

from fastapi import APIRouter, Request, Response

from api.deps import GraphDep, WriteAccess
from api.schemas import ArticleIn, ArticleIngestedPublic
from kg.read import article_from_text

router = APIRouter(prefix="/articles", tags=["articles"])


@router.post("", response_model=ArticleIngestedPublic, status_code=201)
def post_article(article: ArticleIn, request: Request, graph: GraphDep) -> ArticleIngestedPublic:
    """Extract an article and write it into its own named graph (replacing an
    earlier version with the same id)."""
    record = article_from_text(
        article.id,
        article.text,
        published=article.published,
        title=article.title,
        url=article.url,
        source=article.source,
    )
    with request.app.state.write_lock:
        summary = graph.ingest([record])
    return ArticleIngestedPublic(
        id=article.id,
        graph=str(graph.iris.article_graph(article.id)),
        entities=summary.entities,
        relations=summary.relations,
        statements=summary.statements,
    )


@router.get("", response_model=list[str])
def list_articles(graph: GraphDep) -> list[str]:
    """Ids of the stored articles."""
    return graph.article_ids()


@router.delete(
    "/{article_id:path}",
    status_code=204,
    dependencies=[WriteAccess],
    responses={404: {"description": "No article with this id."}},
)
def delete_article(article_id: str, request: Request, graph: GraphDep) -> Response:
    """Remove the article's named graph, and every entity no other article names."""
    with request.app.state.write_lock:
        graph.delete(article_id)
    return Response(status_code=204)
