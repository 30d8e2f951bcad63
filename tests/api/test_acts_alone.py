"""Acts with one participant ("X resigned", "Y protested": relations without a
target) in an actor's relations and in ``/relations``, with their evidence."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from tests.api.answers import get

RESIGNATION = "Finance Minister Olaf Brandt resigned on Tuesday after the budget vote."


@pytest.fixture(scope="module")
def examples_client(seed_store):
    """The seed article and our example articles (read-only use)."""
    with TestClient(create_app(seed_store), raise_server_exceptions=False) as client:
        yield client


def alone(relations: dict) -> list[dict]:
    return [r for r in relations["data"] if r["target"] is None]


def test_what_lavrov_did_alone_is_among_his_relations(examples_client):
    relations = get(examples_client, "/actors/sergey-lavrov/relations", limit=1000)
    rejections = [r for r in alone(relations) if r["type"] == "rejects"]
    assert len(rejections) == 1, relations
    rejection = rejections[0]
    assert rejection["direction"] == "out" and rejection["source"]["id"] == "sergey-lavrov"
    evidence = rejection["evidence"]
    assert evidence["article"] == "pompeo-lavrov-call"
    assert "rejected" in evidence["sentence"] and evidence["end"] > evidence["start"]
    assert relations["count"] == len(relations["data"])
    assert (
        rejection
        in get(examples_client, "/actors/sergey-lavrov/relations", direction="out")["data"]
    )
    assert alone(get(examples_client, "/actors/sergey-lavrov/relations", direction="in")) == []
    listed = {r["id"]: r for r in get(examples_client, "/relations", type="rejects")["data"]}
    assert listed[rejection["id"]] == {**rejection, "direction": None}


def test_relations_between_two_actors_have_both(examples_client):
    between = get(examples_client, "/actors/sergey-lavrov/relations/mike-pompeo", limit=1000)
    assert between["data"] and alone(between) == []


def test_a_resignation_posted_is_what_the_minister_did(writable_client):
    client = writable_client
    posted = client.post(
        "/articles", json={"id": "resigned", "text": RESIGNATION, "published": "2019-05-08"}
    )
    assert posted.status_code == 201, posted.text
    relations = get(client, "/actors/olaf-brandt/relations")
    (resignation,) = alone(relations)
    assert (resignation["type"], resignation["direction"]) == ("concedes", "out")
    assert resignation["source"] == {"id": "olaf-brandt", "label": "Olaf Brandt"}
    evidence = resignation["evidence"]
    assert RESIGNATION[evidence["start"] : evidence["end"]] == evidence["sentence"] == RESIGNATION
    assert resignation["date"] == "2019-05-07", "the Tuesday before publication"
    listed = {r["id"]: r for r in get(client, "/relations", type="concedes", limit=1000)["data"]}
    assert listed[resignation["id"]] == {**resignation, "direction": None}
    network = get(client, "/network", center="olaf-brandt")
    assert network["edges"] == [], "the network pairs two actors"


def test_the_schema_says_the_target_may_be_null(examples_client):
    schema = examples_client.get("/openapi.json").json()
    target = schema["components"]["schemas"]["RelationPublic"]["properties"]["target"]
    assert {"type": "null"} in target["anyOf"]
    assert "one participant" in target["description"]
