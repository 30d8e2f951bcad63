"""``/sparql``: the SPARQL 1.1 Protocol query endpoint (read-only).

Queries arrive by ``GET ?query=``, by ``POST`` form-encoded, or by ``POST``
with ``application/sparql-query`` (``api.protocol``); ``default-graph-uri``
and ``named-graph-uri`` select the dataset, else the default graph is the
union of all graphs. Results follow the Accept header: SELECT and ASK as
SPARQL JSON (the default), XML, CSV or TSV; CONSTRUCT and DESCRIBE as Turtle
(the default), N-Triples, JSON-LD or RDF/XML; 406 when none is acceptable.
Updates are refused here (400); they have their own endpoint, ``/update``.

A ``GET`` without parameters returns the service description (Turtle, or
another RDF format by Accept).

In the served app, query requests reach ``answer`` through
``api.fast_path.SparqlFastPath``, ahead of FastAPI's routing; the routes below
declare the endpoint in the OpenAPI documentation and answer the same way in
an app built without it (``create_app(..., sparql_fast_path=False)``).
"""

from __future__ import annotations

from typing import Annotated

import pyoxigraph as ox
from fastapi import APIRouter, Query, Request
from fastapi.responses import Response
from starlette.exceptions import HTTPException

from api.deps import GraphDep, SparqlRunnerDep
from api.negotiation import choose
from api.protocol import DIRECT, FORM, Operation, read_operation
from api.querying import QueryRunner
from kg.errors import QueryError
from kg.graph import KnowledgeGraph
from kg.sparql_kind import query_kind, uses_service
from kg.store.results import GRAPH_FORMATS, RESULT_FORMATS

router = APIRouter(tags=["sparql"])

RESULTS = {
    200: {
        "description": "The result, in the media type the Accept header prefers.",
        "content": {media: {} for media in [*RESULT_FORMATS, *GRAPH_FORMATS]},
    },
    400: {"description": "Malformed query, update sent here, or result over the row cap."},
    406: {"description": "No acceptable media type for this kind of result."},
    415: {"description": "POST body in another media type or charset."},
    503: {"description": "The query ran over its deadline."},
}
POST_BODY = {
    "requestBody": {
        "content": {
            FORM: {"schema": {"type": "object", "properties": {"query": {"type": "string"}}}},
            DIRECT["query"]: {"schema": {"type": "string"}},
        }
    }
}


@router.get("/sparql", summary="SPARQL query (GET) or service description", responses=RESULTS)
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


@router.post("/sparql", summary="SPARQL query (POST)", responses=RESULTS, openapi_extra=POST_BODY)
async def sparql_post(request: Request, graph: GraphDep, runner: SparqlRunnerDep) -> Response:
    """Run a query sent form-encoded or as ``application/sparql-query``."""
    return await answer(request, runner, graph, await read_operation(request, "query"))


async def answer(
    request: Request, runner: QueryRunner, graph: KnowledgeGraph, operation: Operation
) -> Response:
    """Run a protocol query and answer it in the media type Accept prefers."""
    kind = query_kind(operation.text)
    if not graph.settings.sparql_federation and uses_service(operation.text):
        raise QueryError(
            "federated queries (SERVICE) are off on this server (KG_SPARQL_FEDERATION)"
        )
    offered = list(GRAPH_FORMATS if kind in {"CONSTRUCT", "DESCRIBE"} else RESULT_FORMATS)
    media_type = choose(request.headers.get("accept"), offered)
    if media_type is None:
        raise HTTPException(406, f"this query's result is available as {', '.join(offered)}")
    result = await runner.run(
        graph.store.sparql,
        operation.text,
        media_type,
        default_graphs=operation.default_graphs,
        named_graphs=operation.named_graphs,
        base_iri=endpoint_iri(request),
    )
    return Response(result.body, media_type=_with_charset(media_type), headers={"Vary": "Accept"})


def endpoint_iri(request: Request) -> str | None:
    """The endpoint's URL, the base IRI of the operations sent to it (so that
    relative IRIs resolve), or None when the Host header makes it no IRI."""
    endpoint = str(request.url).split("?")[0]
    try:
        return ox.NamedNode(endpoint).value
    except ValueError:
        return None


def _with_charset(media_type: str) -> str:
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
    return Response(body, media_type=_with_charset(media_type), headers={"Vary": "Accept"})
