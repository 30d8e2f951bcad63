"""``/actors``: search actors, describe one, list its relations with evidence."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from api.deps import GraphDep
from api.schemas import (
    ActorPublic,
    ActorsPublic,
    EvidencePublic,
    PositionPublic,
    RelationPublic,
    RelationsPublic,
)
from kg import queries
from kg.errors import NotFoundError
from kg.graph import KnowledgeGraph

router = APIRouter(prefix="/actors", tags=["actors"])


def _local(iri: str) -> str:
    return iri.rsplit("#", 1)[-1]


def _actor_iri(graph: KnowledgeGraph, actor_id: str) -> str:
    iri = str(graph.iris.entity(actor_id))
    if queries.actor(graph.store, iri) is None:
        raise NotFoundError(f"no actor with id {actor_id!r}; search with GET /actors?q=")
    return iri


@router.get("", response_model=ActorsPublic)
def list_actors(
    graph: GraphDep,
    q: Annotated[str, Query(max_length=200, description="Part of a name or alias.")] = "",
    type: Annotated[str | None, Query(pattern="^(Person|Organization|Country|Group)$")] = None,
    country: Annotated[str | None, Query(pattern="^[A-Za-z]{3}$")] = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 50,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> ActorsPublic:
    """Actors whose name or alias contains ``q``, most mentioned first."""
    rows = queries.search_actors(graph.store, q, type, country)
    data = [
        ActorPublic(
            id=graph.iris.entity_slug(str(r["actor"])) or str(r["actor"]),
            iri=str(r["actor"]),
            label=str(r["label"]),
            type=_local(str(r["class"])),
            country=r["country"],
            articles=int(r["articles"] or 0),
        )
        for r in rows[offset : offset + limit]
    ]
    return ActorsPublic(data=data, count=len(rows))


@router.get("/{actor_id}", response_model=ActorPublic)
def get_actor(actor_id: str, graph: GraphDep) -> ActorPublic:
    """Labels, aliases, type, country, sector, positions, outside ids, articles."""
    iri = _actor_iri(graph, actor_id)
    row = queries.actor(graph.store, iri)
    details = queries.actor_details(graph.store, iri)
    return ActorPublic(
        id=actor_id,
        iri=iri,
        label=str(row["label"]),
        type=_local(str(row["class"])),
        country=row["country"],
        sector=row["sector"],
        aliases=details["aliases"],
        identifiers=details["identifiers"],
        articles=details["articles"],
        positions=[
            PositionPublic(
                role=p["role"],
                organization=graph.iris.entity_slug(str(p["org"])) or str(p["org"]),
                organization_label=str(p["orgLabel"]),
            )
            for p in details["positions"]
        ],
    )


@router.get("/{actor_id}/relations", response_model=RelationsPublic)
def get_relations(actor_id: str, graph: GraphDep) -> RelationsPublic:
    """Everything the actor did, had done to it, held or said, with evidence."""
    iri = _actor_iri(graph, actor_id)
    data = [
        RelationPublic(
            type=str(r["type"]),
            direction=str(r["direction"]),
            other=graph.iris.entity_slug(str(r["other"])),
            other_label=r["otherLabel"],
            role=r["role"],
            cue=r["cue"],
            negated=bool(r["negated"]),
            modality=str(r["modality"]),
            date=r["date"],
            date_start=r["dateStart"],
            date_end=r["dateEnd"],
            confidence=float(r["confidence"]),
            extractor=str(r["extractor"]),
            evidence=EvidencePublic(
                article=str(r["articleId"]),
                sentence=str(r["evidence"]),
                start=int(r["start"]),
                end=int(r["end"]),
            ),
        )
        for r in queries.actor_relations(graph.store, iri)
    ]
    data += [
        RelationPublic(
            type="said",
            direction="out",
            content=str(s["content"]),
            kind=str(s["kind"]),
            cue=str(s["cue"]),
            date=s["date"],
            confidence=float(s["confidence"]),
            extractor=str(s["extractor"]),
            evidence=EvidencePublic(
                article=str(s["articleId"]),
                sentence=str(s["evidence"]),
                start=int(s["start"]),
                end=int(s["end"]),
            ),
        )
        for s in queries.actor_statements(graph.store, iri)
    ]
    data.sort(key=lambda r: str(r.date or r.date_start or ""), reverse=True)
    return RelationsPublic(data=data, count=len(data))
