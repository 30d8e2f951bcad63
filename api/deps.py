"""Dependencies shared by the routers, as ``Annotated`` aliases.

- ``GraphDep``: the knowledge graph opened in the app's lifespan;
- ``ApiRunnerDep`` / ``SparqlRunnerDep``: where store work runs (``api.querying``);
- ``NetworkDep``: the actor network kept between requests (``api.network_cache``);
- ``WriteAccess``: a write route's guard. When ``KG_API_TOKEN`` is set, the
  request must carry ``Authorization: Bearer <token>`` (401 otherwise).

They are ``async``: they only read the app's state, and FastAPI would run a
plain function in its thread pool, a hand-over that costs more than the
lookup itself.
"""

from __future__ import annotations

import secrets
from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from starlette.exceptions import HTTPException

from api.network_cache import NetworkCache
from api.querying import QueryRunner
from kg.graph import KnowledgeGraph

_bearer = HTTPBearer(auto_error=False, description="KG_API_TOKEN, for write routes")


async def get_graph(request: Request) -> KnowledgeGraph:
    """The knowledge graph opened in the app's lifespan."""
    return request.app.state.graph


async def get_api_runner(request: Request) -> QueryRunner:
    """The workers of the actor API's fixed queries."""
    return request.app.state.api_runner


async def get_sparql_runner(request: Request) -> QueryRunner:
    """The workers of the SPARQL endpoint's user queries."""
    return request.app.state.sparql_runner


async def get_network(request: Request) -> NetworkCache:
    """The actor network kept between requests."""
    return request.app.state.network


async def require_token(
    request: Request,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> None:
    """Let the request through when no token is configured or it sends the token."""
    token = request.app.state.graph.settings.api_token
    if token is None:
        return
    given = credentials.credentials if credentials else ""
    if not secrets.compare_digest(given.encode(), token.get_secret_value().encode()):
        raise HTTPException(
            401,
            "this route needs the header 'Authorization: Bearer <token>' with the "
            "server's KG_API_TOKEN",
            headers={"WWW-Authenticate": 'Bearer realm="newskg"'},
        )


GraphDep = Annotated[KnowledgeGraph, Depends(get_graph)]
ApiRunnerDep = Annotated[QueryRunner, Depends(get_api_runner)]
SparqlRunnerDep = Annotated[QueryRunner, Depends(get_sparql_runner)]
NetworkDep = Annotated[NetworkCache, Depends(get_network)]
WriteAccess = Depends(require_token)
"""Use as ``dependencies=[WriteAccess]`` on a write route."""
