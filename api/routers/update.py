"""``POST /update``: SPARQL 1.1 Update, off unless the operator turns it on.

With ``KG_SPARQL_UPDATE=true`` (which needs ``KG_API_TOKEN``) an update is
accepted form-encoded (``update=``) or as ``application/sparql-update``, from
clients that send the bearer token; otherwise the answer is 403. The protocol
dataset parameters (``using-graph-uri``, ``using-named-graph-uri``) are not
supported: write ``USING`` clauses in the update itself. An update cannot be
cancelled once started, so it is not cut off by the query deadline.
"""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException

from api.deps import GraphDep, WriteAccess
from api.errors import documented
from api.protocol import DIRECT, FORM, read_operation
from api.routers.sparql import endpoint_iri
from kg.errors import QueryError

router = APIRouter(tags=["sparql"])


async def update_enabled(graph: GraphDep) -> None:
    if not graph.settings.sparql_update:
        raise HTTPException(
            403,
            "SPARQL Update is off on this server (an operator turns it on with "
            "KG_SPARQL_UPDATE=true and KG_API_TOKEN)",
        )


@router.post(
    "/update",
    summary="SPARQL Update",
    status_code=204,
    dependencies=[Depends(update_enabled), WriteAccess],
    responses=documented(
        400,
        401,
        403,
        413,
        415,
        503,
        described={400: "Malformed update.", 403: "SPARQL Update is off on this server."},
    ),
    openapi_extra={
        "requestBody": {
            "content": {
                FORM: {"schema": {"type": "object", "properties": {"update": {"type": "string"}}}},
                DIRECT["update"]: {"schema": {"type": "string"}},
            }
        }
    },
)
async def sparql_update(request: Request, graph: GraphDep) -> Response:
    """Run a SPARQL 1.1 Update on the store."""
    operation = await read_operation(request, "update")
    if operation.default_graphs or operation.named_graphs:
        raise QueryError(
            "using-graph-uri and using-named-graph-uri are not supported; "
            "write USING clauses in the update"
        )

    def write() -> None:
        with request.app.state.writing:
            graph.store.update(operation.text, base_iri=endpoint_iri(request.scope))

    await run_in_threadpool(write)
    return Response(status_code=204)
