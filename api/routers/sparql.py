"""``/sparql``: the SPARQL 1.1 Protocol query endpoint (read-only).

Queries arrive by ``GET ?query=``, by ``POST`` form-encoded, or by ``POST``
with ``application/sparql-query``; ``default-graph-uri`` and
``named-graph-uri`` select the dataset, else the default graph is the union of
all graphs. Results follow the Accept header. A ``GET`` without a query
returns the service description.
"""

from __future__ import annotations

from urllib.parse import parse_qs

from fastapi import APIRouter, Request
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

from api.deps import GraphDep
from api.errors import error_response
from api.negotiation import choose
from kg.errors import QueryError
from kg.sparql_kind import query_kind

router = APIRouter(tags=["sparql"])

RESULT_TYPES = [
    "application/sparql-results+json",
    "application/sparql-results+xml",
    "text/csv",
    "text/tab-separated-values",
]
GRAPH_TYPES = ["text/turtle", "application/n-triples", "application/ld+json", "application/rdf+xml"]
FORM = "application/x-www-form-urlencoded"


@router.get("/sparql", summary="SPARQL query (GET)")
async def sparql_get(request: Request, graph: GraphDep) -> Response:
    """Run ``?query=``; without it, describe the service."""
    params = parse_qs(request.url.query, keep_blank_values=True)
    if "query" not in params:
        return _service_description(request, graph)
    return await _answer(request, graph, params)


@router.post("/sparql", summary="SPARQL query (POST)")
async def sparql_post(request: Request, graph: GraphDep) -> Response:
    """Run a query sent form-encoded or as ``application/sparql-query``."""
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    body = (await request.body()).decode("utf-8", errors="replace")
    params = parse_qs(request.url.query, keep_blank_values=True)
    if content_type == FORM:
        params.update(parse_qs(body, keep_blank_values=True))
    elif content_type == "application/sparql-query":
        params["query"] = [body]
    elif content_type == "application/sparql-update" or "update" in params:
        raise QueryError("SPARQL Update is not allowed on the query endpoint")
    else:
        return error_response(
            415, "unsupported_media_type", f"send the query as {FORM} or application/sparql-query"
        )
    return await _answer(request, graph, params)


async def _answer(request: Request, graph, params: dict[str, list[str]]) -> Response:
    if "update" in params:
        raise QueryError("SPARQL Update is not allowed on the query endpoint")
    queries = params.get("query", [])
    if len(queries) != 1 or not queries[0].strip():
        raise QueryError("give exactly one non-empty 'query' parameter")
    query = queries[0]
    kind = query_kind(query)
    offered = GRAPH_TYPES if kind in {"CONSTRUCT", "DESCRIBE"} else RESULT_TYPES
    media_type = choose(request.headers.get("accept"), offered)
    if media_type is None:
        return error_response(
            406, "not_acceptable", f"this query's results are available as {', '.join(offered)}"
        )
    result = await run_in_threadpool(
        graph.store.sparql,
        query,
        media_type,
        default_graphs=params.get("default-graph-uri", []),
        named_graphs=params.get("named-graph-uri", []),
    )
    charset = "; charset=utf-8" if not media_type.endswith("+xml") else ""
    return Response(result.body, media_type=media_type + charset)


def _service_description(request: Request, graph) -> Response:
    endpoint = str(request.url).split("?")[0]
    body = f"""@prefix sd: <http://www.w3.org/ns/sparql-service-description#> .
@prefix formats: <http://www.w3.org/ns/formats/> .

<{endpoint}> a sd:Service ;
    sd:endpoint <{endpoint}> ;
    sd:supportedLanguage sd:SPARQL11Query ;
    sd:feature sd:UnionDefaultGraph ;
    sd:resultFormat formats:SPARQL_Results_JSON, formats:SPARQL_Results_XML,
        formats:SPARQL_Results_CSV, formats:SPARQL_Results_TSV, formats:Turtle,
        formats:N-Triples, formats:JSON-LD, formats:RDF_XML .
"""
    return Response(body, media_type="text/turtle; charset=utf-8")
