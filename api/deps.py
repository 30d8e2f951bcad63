"""Dependencies shared by the routers, as ``Annotated`` aliases."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from kg.graph import KnowledgeGraph


def get_graph(request: Request) -> KnowledgeGraph:
    """The knowledge graph opened in the app's lifespan."""
    return request.app.state.graph


GraphDep = Annotated[KnowledgeGraph, Depends(get_graph)]
