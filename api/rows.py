"""Rows of ``kg.queries`` and ``kg.analysis`` turned into response schemas.

Entity IRIs become actor ids (the slug after ``entity/``); the routers stay
thin and every resource is shaped in one place.
"""

from __future__ import annotations

from api.schemas import (
    ActorPublic,
    ActorRefPublic,
    ArticlePublic,
    EdgePublic,
    EvidencePublic,
    NodePublic,
    PositionPublic,
    RelationPublic,
    StatementPublic,
)
from kg.rdf.iris import Iris
from kg.rdf.vocab import NS
from kg.store import Row


def actor_id(iris: Iris, iri: object) -> str:
    """The id of an entity IRI (the IRI itself for one minted elsewhere)."""
    return iris.entity_slug(str(iri)) or str(iri)


def actor_ref(iris: Iris, iri: object, label: object) -> ActorRefPublic:
    return ActorRefPublic(id=actor_id(iris, iri), label=None if label is None else str(label))


def actor(iris: Iris, iri: str, row: Row, details: dict) -> ActorPublic:
    """An actor from a search row or from ``queries.actor``, and its
    ``queries.actor_details``."""
    return ActorPublic(
        id=actor_id(iris, iri),
        iri=iri,
        label=str(row["label"]),
        type=str(row["class"]).removeprefix(NS),
        country=row.get("country"),
        sector=row.get("sector"),
        aliases=details["aliases"],
        identifiers=details["identifiers"],
        positions=[
            PositionPublic(
                role=p["role"],
                organization=actor_id(iris, p["org"]),
                organization_label=str(p["orgLabel"]),
            )
            for p in details["positions"]
        ],
        articles=details["articles"],
    )


def evidence(row: Row) -> EvidencePublic:
    return EvidencePublic(
        article=str(row["articleId"]),
        published=row.get("published"),
        sentence=str(row["evidence"]),
        start=int(row["start"]),
        end=int(row["end"]),
    )


def extractor(row: Row) -> str:
    """The extractor that read a record, with its version: ``interactions.verb/1``."""
    name, version = str(row["extractor"]), row.get("extractorVersion")
    return name if version is None else f"{name}/{version}"


def relation(iris: Iris, row: Row) -> RelationPublic:
    return RelationPublic(
        id=str(row["record"]),
        type=str(row["type"]),
        direction=row.get("direction"),
        source=actor_ref(iris, row["source"], row["sourceLabel"]),
        target=None
        if row["target"] is None
        else actor_ref(iris, row["target"], row["targetLabel"]),
        role=row["role"],
        cue=row["cue"],
        plover=row["plover"],
        cameo=None if row["cameo"] is None else str(row["cameo"]),
        negated=bool(row["negated"]),
        modality=str(row["modality"]),
        date=row["date"],
        date_start=row["dateStart"],
        date_end=row["dateEnd"],
        confidence=float(row["confidence"]),
        extractor=extractor(row),
        evidence=evidence(row),
    )


def statement(iris: Iris, row: Row) -> StatementPublic:
    return StatementPublic(
        id=str(row["record"]),
        speaker=actor_ref(iris, row["speaker"], row["speakerLabel"]),
        speaker_text=row["speakerText"],
        kind=str(row["kind"]),
        cue=str(row["cue"]),
        content=str(row["content"]),
        date=row["date"],
        confidence=float(row["confidence"]),
        extractor=extractor(row),
        evidence=evidence(row),
    )


def node(iris: Iris, iri: str, attributes: dict) -> NodePublic:
    return NodePublic(id=actor_id(iris, iri), **attributes)


def edge(iris: Iris, source: str, target: str, attributes: dict) -> EdgePublic:
    plain = {k: v for k, v in attributes.items() if k not in {"source", "target"}}
    return EdgePublic(source=actor_id(iris, source), target=actor_id(iris, target), **plain)


def article(row: Row) -> ArticlePublic:
    return ArticlePublic(
        id=str(row["id"]),
        iri=str(row["record"]),
        title=row.get("title"),
        published=row.get("published"),
        source=row.get("source"),
        url=None if row.get("url") is None else str(row["url"]),
        entities=row.get("entities"),
        relations=row.get("relations"),
        statements=row.get("statements"),
    )
