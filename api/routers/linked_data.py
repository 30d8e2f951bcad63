"""Linked-data views: ``GET`` on the graph's own IRIs.

The builder mints IRIs under ``KG_BASE_IRI`` (default this server's address),
so ``/entity/{slug}`` and ``/article/{id}`` (and the nodes read from an
article, ``/article/{id}/relation/...``) are paths of this API. A ``GET``
returns the description of that IRI (``kg.describe``) as Turtle, JSON-LD
(with the vocabulary's context) or an HTML page, as the ``Accept`` header
prefers (Turtle when it says nothing). The IRI described is the base IRI
followed by the request's path exactly as sent.
"""

from __future__ import annotations

import pyoxigraph as ox
from fastapi import APIRouter, Request, Response
from rdflib import RDF, Graph, URIRef
from starlette.exceptions import HTTPException

from api.deps import ApiRunnerDep, GraphDep
from api.errors import documented
from api.html import render
from api.negotiation import choose
from kg.describe import describe
from kg.errors import NotFoundError
from kg.rdf.jsonld import graph_jsonld
from kg.rdf.vocab import PREFIXES

router = APIRouter(tags=["linked data"])
OFFERED = ["text/turtle", "application/ld+json", "text/html", "application/n-triples"]
TURTLE_PREFIXES = {**PREFIXES, "rdf": str(RDF)}
RESPONSES = {
    200: {"description": "The description.", "content": {m: {} for m in OFFERED}},
    **documented(
        404,
        406,
        422,
        503,
        described={
            404: "The store says nothing about this IRI.",
            406: "None of Turtle, JSON-LD, HTML or N-Triples is acceptable.",
        },
    ),
}


async def _view(request: Request, graph, runner) -> Response:
    media_type = choose(request.headers.get("accept"), OFFERED)
    if media_type is None:
        raise HTTPException(406, f"descriptions are available as {', '.join(OFFERED)}")
    path = request.scope.get("raw_path", request.url.path.encode()).decode("ascii")
    iri = graph.iris.base + path.lstrip("/")
    body = await runner.run(_described, graph, iri, media_type)
    if body is None:
        raise NotFoundError(f"the store says nothing about {iri}")
    return Response(body, media_type=f"{media_type}; charset=utf-8", headers={"Vary": "Accept"})


def _described(graph, iri: str, media_type: str) -> bytes | None:
    """The description of ``iri`` written as ``media_type``, or None: read
    and written in a worker (a well-known entity's description is large, and
    writing it would hold up the event loop)."""
    description = describe(graph.store, graph.iris, iri)
    if description is None:
        return None
    if media_type == "text/html":
        return render(description, URIRef(iri), graph.iris.base).encode()
    if media_type == "application/ld+json":
        return graph_jsonld(description)
    return _rdf(description, media_type)


def _rdf(description: Graph, media_type: str) -> bytes:
    """Turtle or N-Triples written by Oxigraph, which keeps every literal's
    lexical form (rdflib's Turtle writes the decimal "35" as 35.0, another term)."""
    triples = ox.parse(description.serialize(format="nt").encode(), format=ox.RdfFormat.N_TRIPLES)
    rdf_format = ox.RdfFormat.from_media_type(media_type)
    prefixes = TURTLE_PREFIXES if rdf_format == ox.RdfFormat.TURTLE else None
    return ox.serialize(triples, format=rdf_format, prefixes=prefixes) or b""


@router.get(
    "/entity/{slug}", response_class=Response, responses=RESPONSES, summary="Describe an entity"
)
async def entity(slug: str, request: Request, graph: GraphDep, runner: ApiRunnerDep) -> Response:
    """An entity's canonical description, its relations and what it said."""
    return await _view(request, graph, runner)


@router.get(
    "/article/{path:path}",
    response_class=Response,
    responses=RESPONSES,
    summary="Describe an article",
)
async def article(path: str, request: Request, graph: GraphDep, runner: ApiRunnerDep) -> Response:
    """An article's named graph, or one node read from it (a record, a mention ...)."""
    return await _view(request, graph, runner)
