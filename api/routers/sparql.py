"""``/sparql``: the SPARQL 1.1 Protocol query endpoint (read-only).

Queries arrive by ``GET ?query=``, by ``POST`` form-encoded, or by ``POST``
with ``application/sparql-query`` (``api.protocol``); ``default-graph-uri``
and ``named-graph-uri`` select the dataset, else the query's ``FROM`` and
``FROM NAMED``, else the default graph is the union of all graphs. Results
follow the Accept header: SELECT and ASK as SPARQL JSON (the default), XML,
CSV or TSV; CONSTRUCT and DESCRIBE as Turtle (the default), N-Triples,
JSON-LD or RDF/XML; 406 when none is acceptable.
Updates are refused here (400); they have their own endpoint, ``/update``.

A ``GET`` without parameters returns the service description (Turtle, or
another RDF format by Accept).

In the served app, query requests are answered by ``api.fast_path`` ahead of
FastAPI, with the same steps (``result_media_type``, ``run_query``); the routes
below declare the endpoint in the OpenAPI documentation and answer the same
way in an app built without it (``create_app(..., sparql_fast_path=False)``).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Annotated

import pyoxigraph as ox
from fastapi import APIRouter, Query, Request
from fastapi.responses import Response
from starlette.datastructures import URL
from starlette.exceptions import HTTPException
from starlette.types import Scope

from api.deps import GraphDep, SparqlRunnerDep
from api.errors import documented
from api.negotiation import choose
from api.protocol import DIRECT, FORM, Operation, read_operation
from api.querying import QueryRunner
from kg.errors import QueryError
from kg.graph import KnowledgeGraph
from kg.sparql_kind import query_shape
from kg.store.results import GRAPH_FORMATS, RESULT_FORMATS

router = APIRouter(tags=["sparql"])
RESULT_MEDIA_TYPES = tuple(RESULT_FORMATS)
GRAPH_MEDIA_TYPES = tuple(GRAPH_FORMATS)

RESULTS = {
    200: {
        "description": "The result, in the media type the Accept header prefers.",
        "content": {media: {} for media in [*RESULT_FORMATS, *GRAPH_FORMATS]},
    },
    **documented(
        400,
        406,
        413,
        415,
        422,
        503,
        described={
            400: "Malformed query, update sent here, or result over the row cap.",
            406: "No acceptable media type for this kind of result.",
        },
    ),
}
POST_BODY = {
    "parameters": [
        {
            "name": name,
            "in": "query",
            "schema": {"type": "array", "items": {"type": "string"}},
            "description": f"{what} graph IRIs (with application/sparql-query).",
        }
        for name, what in (("default-graph-uri", "Default"), ("named-graph-uri", "Named"))
    ],
    "requestBody": {
        "content": {
            FORM: {"schema": {"type": "object", "properties": {"query": {"type": "string"}}}},
            DIRECT["query"]: {"schema": {"type": "string"}},
        }
    },
}


@router.get(
    "/sparql",
    summary="SPARQL query (GET) or service description",
    response_class=Response,
    responses=RESULTS,
)
async def sparql_get(
    request: Request,
    graph: GraphDep,
    runner: SparqlRunnerDep,
    query: Annotated[list[str] | None, Query(description="The SPARQL query.")] = None,
    default_graph_uri: Annotated[
        list[str] | None, Query(alias="default-graph-uri", description="Default graph IRIs.")
    ] = None,
    named_graph_uri: Annotated[
        list[str] | None, Query(alias="named-graph-uri", description="Named graph IRIs.")
    ] = None,
) -> Response:
    """Run ``?query=``; without any parameter, describe the service."""
    if not request.url.query:
        return _service_description(request, graph)
    return await answer(request, runner, graph, await read_operation(request, "query"))


@router.post(
    "/sparql",
    summary="SPARQL query (POST)",
    response_class=Response,
    responses=RESULTS,
    openapi_extra=POST_BODY,
)
async def sparql_post(request: Request, graph: GraphDep, runner: SparqlRunnerDep) -> Response:
    """Run a query sent form-encoded or as ``application/sparql-query``."""
    return await answer(request, runner, graph, await read_operation(request, "query"))


async def answer(
    request: Request, runner: QueryRunner, graph: KnowledgeGraph, operation: Operation
) -> Response:
    """Run a protocol query and answer it in the media type Accept prefers."""
    media_type = result_media_type(graph, operation, request.headers.get("accept"))
    body = await run_query(runner, graph, operation, media_type, endpoint_iri(request.scope))
    return Response(body, media_type=with_charset(media_type), headers={"Vary": "Accept"})


def result_media_type(graph: KnowledgeGraph, operation: Operation, accept: str | None) -> str:
    """The media type to answer a query in; ``QueryError`` for an update, a
    federated query on a server without federation, or text that is no query;
    406 when Accept takes none of the formats of this kind of result."""
    kind, federated = query_shape(operation.text)
    if federated and not graph.settings.sparql_federation:
        raise QueryError(
            "federated queries (SERVICE) are off on this server (KG_SPARQL_FEDERATION)"
        )
    offered = GRAPH_MEDIA_TYPES if kind in {"CONSTRUCT", "DESCRIBE"} else RESULT_MEDIA_TYPES
    media_type = choose(accept, offered)
    if media_type is None:
        raise HTTPException(406, f"this query's result is available as {', '.join(offered)}")
    return media_type


async def run_query(
    runner: QueryRunner,
    graph: KnowledgeGraph,
    operation: Operation,
    media_type: str,
    base_iri: str | None,
) -> bytes:
    """The query's result as ``media_type``, computed and written in one of
    the runner's workers (under its deadline and the row cap)."""
    result = await runner.run(
        graph.store.sparql,
        operation.text,
        media_type,
        default_graphs=operation.default_graphs,
        named_graphs=operation.named_graphs,
        base_iri=base_iri,
    )
    return result.body


def endpoint_iri(scope: Scope) -> str | None:
    """The endpoint's URL, the base IRI of the operations sent to it (so that
    relative IRIs resolve), or None when the Host header makes it no IRI."""
    host = next((value for name, value in scope["headers"] if name == b"host"), None)
    server = scope.get("server")
    return _endpoint_iri(scope["scheme"], host, server and tuple(server), scope["path"])


@lru_cache(maxsize=256)
def _endpoint_iri(scheme: str, host: bytes | None, server: tuple | None, path: str) -> str | None:
    headers = [(b"host", host)] if host is not None else []
    url = URL(scope={"scheme": scheme, "server": server, "path": path, "headers": headers})
    try:
        return ox.NamedNode(str(url)).value
    except ValueError:
        return None


def with_charset(media_type: str) -> str:
    """The Content-Type of a result: text formats say they are UTF-8."""
    return media_type if media_type.endswith("xml") else f"{media_type}; charset=utf-8"


def _service_description(request: Request, graph: KnowledgeGraph) -> Response:
    endpoint = str(request.url).split("?")[0]
    formats = {
        "application/sparql-results+json": "SPARQL_Results_JSON",
        "application/sparql-results+xml": "SPARQL_Results_XML",
        "text/csv": "SPARQL_Results_CSV",
        "text/tab-separated-values": "SPARQL_Results_TSV",
        "text/turtle": "Turtle",
        "application/n-triples": "N-Triples",
        "application/ld+json": "JSON-LD",
        "application/rdf+xml": "RDF_XML",
    }
    features = "sd:UnionDefaultGraph"
    if graph.settings.sparql_federation:
        features += ", sd:BasicFederatedQuery"
    description = f"""@prefix sd: <http://www.w3.org/ns/sparql-service-description#> .
@prefix formats: <http://www.w3.org/ns/formats/> .

<{endpoint}> a sd:Service ;
    sd:endpoint <{endpoint}> ;
    sd:supportedLanguage sd:SPARQL11Query ;
    sd:feature {features} ;
    sd:resultFormat {", ".join(f"formats:{formats[m]}" for m in formats)} .
"""
    media_type = choose(request.headers.get("accept"), list(GRAPH_FORMATS))
    if media_type is None:
        raise HTTPException(406, f"the description is available as {', '.join(GRAPH_FORMATS)}")
    triples = ox.parse(description, format=ox.RdfFormat.TURTLE)
    prefixes = {"sd": "http://www.w3.org/ns/sparql-service-description#"}
    prefixes["formats"] = "http://www.w3.org/ns/formats/"
    body = ox.serialize(triples, format=GRAPH_FORMATS[media_type], prefixes=prefixes)
    return Response(body, media_type=with_charset(media_type), headers={"Vary": "Accept"})
