"""``/articles``: ingest an article, list the stored ones, describe or delete one.

``POST /articles`` takes JSON (``ArticleIn``) or the bare text as
``text/plain`` with its metadata in the query string (``?id=...&published=``);
it extracts, writes the article's named graph (replacing an earlier version
with the same id: 200 instead of 201) and answers what was extracted. It
needs the bearer token when ``KG_API_TOKEN`` is set, as ``DELETE`` does.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from pydantic import ValidationError
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException

from api import rows
from api.deps import ApiRunnerDep, GraphDep, WriteAccess
from api.errors import documented
from api.routers.actors import Paging
from api.schemas import ArticleIn, ArticleIngestedPublic, ArticlePublic, ArticlesPublic, Day
from kg import queries
from kg.errors import InputError, NotFoundError
from kg.interface import to_record
from kg.models import Extraction
from kg.read import article_from_text

router = APIRouter(prefix="/articles", tags=["articles"], responses=documented(422, 503))
UNKNOWN = documented(404, described={404: "No article with this id."})
TEXT_BODY = {
    "requestBody": {
        "required": True,
        "content": {
            "application/json": {"schema": ArticleIn.model_json_schema()},
            "text/plain": {"schema": {"type": "string"}},
        },
    }
}


@router.post(
    "",
    response_model=ArticleIngestedPublic,
    status_code=201,
    dependencies=[WriteAccess],
    openapi_extra=TEXT_BODY,
    responses={
        200: {"model": ArticleIngestedPublic, "description": "An article replaced."},
        **documented(
            400, 401, 413, 415, described={400: "The text is blank, or not UTF-8 (text/plain)."}
        ),
    },
)
async def post_article(
    request: Request,
    graph: GraphDep,
    id: Annotated[str | None, Query(description="text/plain only: the article id.")] = None,
    published: Annotated[Day | None, Query(description="text/plain only: YYYY-MM-DD.")] = None,
    title: Annotated[str | None, Query(description="text/plain only.")] = None,
    url: Annotated[str | None, Query(description="text/plain only.")] = None,
    source: Annotated[str | None, Query(description="text/plain only.")] = None,
) -> JSONResponse:
    """Extract an article and write it into its own named graph."""
    media_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    body = await request.body()
    try:
        if media_type == "application/json":
            article = ArticleIn.model_validate_json(body)
        elif media_type == "text/plain":
            text = _utf8(body)
            fields = {"id": id, "text": text, "published": published, "title": title}
            article = ArticleIn.model_validate({**fields, "url": url, "source": source})
        else:
            raise HTTPException(415, "send the article as application/json or text/plain")
    except ValidationError as exc:
        raise RequestValidationError(exc.errors(include_url=False)) from None
    record = article_from_text(
        article.id,
        article.text,
        published=article.published,
        title=article.title,
        url=article.url,
        source=article.source,
    )
    existed = article.id in await run_in_threadpool(graph.article_ids)
    extracted: list[Extraction] = []

    def ingest():
        with request.app.state.writing:
            return graph.ingest([record], progress=extracted.append)

    summary = await run_in_threadpool(ingest)
    answer = ArticleIngestedPublic(
        id=article.id,
        graph=str(graph.iris.article_graph(article.id)),
        entities=summary.entities,
        relations=summary.relations,
        statements=summary.statements,
        extraction=to_record(extracted[0]),
    )
    return JSONResponse(answer.model_dump(mode="json"), status_code=200 if existed else 201)


def _utf8(body: bytes) -> str:
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        raise InputError("article", "the text is not UTF-8") from None


@router.get("", response_model=ArticlesPublic)
async def list_articles(graph: GraphDep, runner: ApiRunnerDep, page: Paging) -> ArticlesPublic:
    """The stored articles, newest first."""

    def answer() -> ArticlesPublic:
        found, count = queries.articles(graph.store, page)
        return ArticlesPublic(data=[rows.article(r) for r in found], count=count)

    return await runner.run(answer)


@router.get("/{article_id:path}", response_model=ArticlePublic, responses=UNKNOWN)
async def get_article(
    article_id: Annotated[str, Path(min_length=1, max_length=200)],
    graph: GraphDep,
    runner: ApiRunnerDep,
) -> ArticlePublic:
    """One article: its metadata and how much was read from it."""

    def answer() -> ArticlePublic:
        row = queries.article(graph.store, article_id)
        if row is None:
            raise NotFoundError(f"no article with id {article_id!r}; list them with GET /articles")
        return rows.article(row)

    return await runner.run(answer)


@router.delete(
    "/{article_id:path}",
    status_code=204,
    dependencies=[WriteAccess],
    responses={**UNKNOWN, **documented(401)},
)
def delete_article(article_id: str, request: Request, graph: GraphDep) -> Response:
    """Remove the article's named graph, and every entity no other article names."""
    with request.app.state.writing:
        graph.delete(article_id)
    return Response(status_code=204)
