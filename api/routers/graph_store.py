"""``/store``: the SPARQL 1.1 Graph Store Protocol, off unless turned on.

With ``KG_GRAPH_STORE=true`` (which needs ``KG_API_TOKEN``), graphs are named
indirectly — ``/store?graph=IRI`` or ``/store?default`` — and:

- ``GET`` / ``HEAD`` return the graph (Turtle, N-Triples, JSON-LD or RDF/XML by
  Accept; 404 when it does not exist); open to everyone, like ``/sparql``;
- ``PUT`` replaces it, ``POST`` adds to it (``POST /store`` without a graph
  creates a new one and answers 201 with its IRI in ``Location``), ``DELETE``
  removes it; these need the bearer token. The body is Turtle, N-Triples,
  RDF/XML or JSON-LD, or ``multipart/form-data`` with one such file per part.

The default graph here is the store's own default graph, not the union of all
graphs that ``/sparql`` queries by default. Article graphs written by the
pipeline can be changed too: this is a tool for operators.
"""

from __future__ import annotations

import uuid

import pyoxigraph as ox
from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException

from api.deps import ApiRunnerDep, GraphDep, WriteAccess
from api.errors import documented
from api.negotiation import choose
from api.protocol import parse_form
from kg.errors import InputError
from kg.graph import KnowledgeGraph
from kg.store import IRI
from kg.store.backend import short_message
from kg.store.results import GRAPH_FORMATS

RDF_INPUT = {**GRAPH_FORMATS, "text/plain": ox.RdfFormat.N_TRIPLES}
MULTIPART = "multipart/form-data"


async def store_enabled(graph: GraphDep) -> None:
    if not graph.settings.graph_store:
        raise HTTPException(
            403,
            "the Graph Store Protocol is off on this server (an operator turns it on with "
            "KG_GRAPH_STORE=true and KG_API_TOKEN)",
        )


router = APIRouter(prefix="/store", tags=["graph store"], dependencies=[Depends(store_enabled)])
ERRORS = {
    400: "No graph named, or both ?graph= and ?default, or a bad body.",
    403: "The Graph Store Protocol is off on this server.",
    404: "No such graph.",
}
READ = {
    200: {"description": "The graph.", "content": {m: {} for m in GRAPH_FORMATS}},
    **documented(400, 403, 404, 406, 503, described=ERRORS),
}
NAMED = {
    "parameters": [
        {
            "name": "graph",
            "in": "query",
            "schema": {"type": "string"},
            "description": "The graph's IRI (or give ?default).",
        },
        {
            "name": "default",
            "in": "query",
            "allowEmptyValue": True,
            "schema": {"type": "string", "maxLength": 0},
            "description": "The store's default graph, given empty: ?default.",
        },
    ]
}
BODY = {
    **NAMED,
    "requestBody": {
        "required": True,
        "content": {m: {"schema": {"type": "string"}} for m in [*RDF_INPUT, MULTIPART]},
    },
}
WRITE = {
    201: {"description": "A new graph."},
    **documented(400, 401, 403, 413, 415, 503, described=ERRORS),
}


class Target:
    """The graph a request names: an IRI, or ``None`` for the default graph."""

    def __init__(self, request: Request, required: bool = True) -> None:
        params = parse_form(request.url.query)
        graphs, default = params.get("graph", []), "default" in params
        if len(graphs) > 1 or (graphs and default):
            raise InputError("request", "name one graph: ?graph=IRI or ?default")
        if required and not graphs and not default:
            raise InputError("request", "name a graph: ?graph=IRI or ?default")
        self.given = bool(graphs) or default
        self.iri = graphs[0] if graphs else None
        if self.iri is not None:
            try:
                ox.NamedNode(self.iri)
            except ValueError:
                raise InputError("graph", f"{self.iri[:100]!r} is not an absolute IRI") from None

    @property
    def sparql(self) -> str:
        """The graph in SPARQL Update syntax (``DEFAULT`` or ``GRAPH <iri>``)."""
        return "DEFAULT" if self.iri is None else f"GRAPH <{self.iri}>"


@router.get(
    "", summary="Read a graph", response_class=Response, responses=READ, openapi_extra=NAMED
)
async def read_graph(request: Request, graph: GraphDep, runner: ApiRunnerDep) -> Response:
    """The graph named by ``?graph=IRI`` or ``?default``."""
    return await _read(request, graph, runner)


@router.head(
    "",
    summary="Read a graph's headers",
    response_class=Response,
    responses=READ,
    openapi_extra=NAMED,
)
async def read_graph_headers(request: Request, graph: GraphDep, runner: ApiRunnerDep) -> Response:
    """What ``GET`` would answer, without the body."""
    return await _read(request, graph, runner)


async def _read(request: Request, graph: KnowledgeGraph, runner) -> Response:
    target = Target(request)
    media_type = choose(request.headers.get("accept"), list(GRAPH_FORMATS))
    if media_type is None:
        raise HTTPException(406, f"graphs are available as {', '.join(GRAPH_FORMATS)}")
    body = await runner.run(graph.store.read_graph, target.iri, media_type)
    if body is None:
        raise HTTPException(404, f"no graph {target.iri} in the store")
    content = body if request.method == "GET" else b""
    return Response(content, media_type=f"{media_type}; charset=utf-8")


@router.put(
    "",
    summary="Replace a graph",
    status_code=204,
    dependencies=[WriteAccess],
    responses=WRITE,
    openapi_extra=BODY,
)
async def put_graph(request: Request, graph: GraphDep) -> Response:
    """Replace the graph with the body (201 when it is new)."""
    target = Target(request)
    triples = await _triples(request, target.iri or graph.settings.base_iri)
    update = f"DROP SILENT {target.sparql} ; INSERT DATA {{ {_in(target, triples)} }}"
    created = await _write(request, graph, target, update)
    return Response(status_code=201 if created else 204)


@router.post(
    "",
    summary="Add to a graph, or create one",
    status_code=204,
    dependencies=[WriteAccess],
    responses=WRITE,
    openapi_extra=BODY,
)
async def post_graph(request: Request, graph: GraphDep) -> Response:
    """Add the body to the graph; without ``?graph``/``?default``, create a new graph."""
    target = Target(request, required=False)
    headers = {}
    if not target.given:
        target.iri = f"{graph.settings.base_iri}graph/store/{uuid.uuid4()}"
        headers["Location"] = target.iri
    triples = await _triples(request, target.iri or graph.settings.base_iri)
    created = await _write(request, graph, target, f"INSERT DATA {{ {_in(target, triples)} }}")
    return Response(status_code=201 if created else 204, headers=headers)


@router.delete(
    "",
    summary="Delete a graph",
    status_code=204,
    dependencies=[WriteAccess],
    responses=documented(400, 401, 403, 404, 503, described=ERRORS),
    openapi_extra=NAMED,
)
async def delete_graph(request: Request, graph: GraphDep) -> Response:
    """Remove the graph (the default graph is emptied)."""
    target = Target(request)
    absent = await _write(request, graph, target, f"DROP SILENT {target.sparql}")
    if absent and target.iri is not None:
        raise HTTPException(404, f"no graph {target.iri} in the store")
    return Response(status_code=204)


def _in(target: Target, triples: str) -> str:
    return triples if target.iri is None else f"GRAPH <{target.iri}> {{ {triples} }}"


async def _write(request: Request, graph: KnowledgeGraph, target: Target, update: str) -> bool:
    """Run ``update`` under the write lock; whether the named graph was absent before."""

    def write() -> bool:
        with request.app.state.writing:
            absent = target.iri is not None and not graph.store.ask(
                "ASK { GRAPH ?g { ?s ?p ?o } }", {"g": IRI(target.iri)}
            )
            graph.store.update(update)
            return absent

    return await run_in_threadpool(write)


async def _triples(request: Request, base_iri: str) -> str:
    """The body's triples as N-Triples (parsed in a worker thread)."""
    media_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if media_type == MULTIPART:
        form = await request.form()
        parts = [
            ((part.content_type or "").split(";")[0].strip().lower(), await part.read())
            for part in form.values()
            if not isinstance(part, str)
        ]
    else:
        parts = [(media_type, await request.body())]
    return await run_in_threadpool(_parse_parts, parts, base_iri)


def _parse_parts(parts: list[tuple[str, bytes]], base_iri: str) -> str:
    triples = []
    for media_type, data in parts:
        rdf_format = RDF_INPUT.get(media_type)
        if rdf_format is None:
            raise HTTPException(
                415, f"send {', '.join(RDF_INPUT)} or {MULTIPART}, not {media_type or 'untyped'}"
            )
        try:
            triples += [q.triple for q in ox.parse(data, format=rdf_format, base_iri=base_iri)]
        except SyntaxError as exc:
            raise InputError(
                "body", f"is not valid {media_type}: {short_message(str(exc))}"
            ) from None
    return (ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b"").decode()
