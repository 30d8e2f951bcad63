"""Write routes and the bearer token; SPARQL Update and the Graph Store
Protocol stay off unless configured."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from kg.config import Settings
from kg.errors import ConfigError

TOKEN = "a-token-for-tests"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
WRONG = {"Authorization": "Bearer not-the-token"}
UPDATE = 'INSERT DATA { GRAPH <http://e/g> { <http://e/a> <http://e/p> "1" } }'
TURTLE = {"Content-Type": "text/turtle"}


def client_for(**settings) -> TestClient:
    return TestClient(create_app(Settings(store=":memory:", **settings)))


@pytest.fixture(scope="module")
def locked():
    """Token set; SPARQL Update and the Graph Store Protocol on."""
    with client_for(api_token=TOKEN, sparql_update=True, graph_store=True) as client:
        yield client


@pytest.fixture(scope="module")
def plain():
    """Nothing configured."""
    with client_for() as client:
        yield client


@pytest.mark.parametrize("headers", [{}, WRONG, {"Authorization": TOKEN}])
def test_writes_without_the_token_are_401(locked, headers):
    for response in (
        locked.post(
            "/articles", json={"id": "a", "text": "Cuba endorsed Maduro."}, headers=headers
        ),
        locked.post(
            "/articles",
            params={"id": "a"},
            content=b"Cuba endorsed Maduro.",
            headers={"Content-Type": "text/plain", **headers},
        ),
        locked.delete("/articles/a", headers=headers),
        locked.post("/update", data={"update": UPDATE}, headers=headers),
        locked.put(
            "/store", params={"graph": "http://e/g"}, content=b"", headers={**TURTLE, **headers}
        ),
        locked.delete("/store", params={"graph": "http://e/g"}, headers=headers),
    ):
        assert response.status_code == 401, response.request.url
        assert response.headers["www-authenticate"].startswith("Bearer")
        assert "KG_API_TOKEN" in response.json()["detail"]


def test_with_the_token_writes_go_through(locked):
    response = locked.post(
        "/articles", json={"id": "a", "text": "Cuba endorsed Maduro."}, headers=AUTH
    )
    assert response.status_code == 201
    assert locked.delete("/articles/a", headers=WRONG).status_code == 401
    assert locked.get("/articles/a").status_code == 200
    assert locked.delete("/articles/a", headers=AUTH).status_code == 204
    assert locked.get("/articles/a").status_code == 404
    assert locked.post("/update", data={"update": UPDATE}, headers=AUTH).status_code == 204
    assert locked.get("/store", params={"graph": "http://e/g"}).status_code == 200
    put = locked.put(
        "/store", params={"graph": "http://e/h"}, content=b"<http://e/a> <http://e/p> 2 .",
        headers={**TURTLE, **AUTH},
    )  # fmt: skip
    assert put.status_code == 201
    ask = locked.get("/sparql", params={"query": "ASK { GRAPH <http://e/h> { ?s ?p 2 } }"})
    assert ask.json()["boolean"] is True


def test_reads_need_no_token(locked):
    assert locked.get("/health").status_code == 200
    assert locked.get("/sparql", params={"query": "ASK {}"}).status_code == 200


def test_a_malformed_update_is_400(locked):
    response = locked.post("/update", data={"update": "INSERT DATA { oops"}, headers=AUTH)
    assert response.status_code == 400 and response.json()["error"] == "bad_query"


def test_update_and_graph_store_are_off_by_default(plain):
    off = plain.post("/update", data={"update": UPDATE})
    assert off.status_code == 403 and "KG_SPARQL_UPDATE" in off.json()["detail"]
    store = plain.get("/store", params={"default": ""})
    assert store.status_code == 403 and "KG_GRAPH_STORE" in store.json()["detail"]
    assert (
        plain.post("/articles", json={"id": "a", "text": "Cuba endorsed Maduro."}).status_code
        == 201
    )


@pytest.mark.parametrize("setting", ["sparql_update", "graph_store"])
def test_turning_writes_on_without_a_token_is_refused(setting):
    with pytest.raises(ConfigError, match="KG_API_TOKEN"):
        Settings(store=":memory:", **{setting: True})
