"""Request bodies over ``KG_MAX_REQUEST_BYTES`` are answered 413 and never
stored, whether they declare their length or arrive in chunks."""

from __future__ import annotations

import http.client
import json
import shutil
from urllib.parse import urlencode, urlsplit

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from tests.servers import start_kg

LIMIT = 4096
ARTICLE = "Brazil endorsed Juan Guaido on Monday. Argentina criticized Nicolas Maduro. "


@pytest.fixture()
def client(writable_settings):
    settings = writable_settings.model_copy(update={"max_request_bytes": LIMIT})
    with TestClient(create_app(settings), raise_server_exceptions=False) as test_client:
        yield test_client


def chunks(body: bytes, size: int = 1000):
    """The body as an iterator: httpx sends it chunked, without a length."""
    return iter([body[i : i + size] for i in range(0, len(body), size)])


def query_form(padding: int) -> bytes:
    return urlencode({"query": "ASK {}" + " " * padding}).encode()


FORM = {"Content-Type": "application/x-www-form-urlencoded"}


def assert_too_large(response) -> None:
    assert response.status_code == 413, response.text
    assert response.json()["error"] == "too_large"
    assert "KG_MAX_REQUEST_BYTES" in response.json()["detail"]


@pytest.mark.parametrize("chunked", [False, True], ids=["with-length", "chunked"])
def test_a_query_over_the_limit_is_refused_and_one_under_it_answered(client, chunked):
    for padding, status in ((LIMIT, 413), (LIMIT // 2, 200)):
        body = query_form(padding)
        content = chunks(body) if chunked else body
        response = client.post("/sparql", content=content, headers=FORM)
        if status == 413:
            assert_too_large(response)
        else:
            assert response.status_code == 200 and response.json()["boolean"] is True


@pytest.mark.parametrize("chunked", [False, True], ids=["with-length", "chunked"])
def test_an_article_over_the_limit_is_refused_and_nothing_is_stored(client, chunked):
    before = client.get("/articles", params={"limit": 1000}).json()["count"]
    body = json.dumps({"id": "too-long", "text": ARTICLE * 80}).encode()
    assert len(body) > LIMIT
    headers = {"Content-Type": "application/json"}
    response = client.post("/articles", content=chunks(body) if chunked else body, headers=headers)
    assert_too_large(response)
    assert client.get("/articles/too-long").status_code == 404
    assert client.get("/articles", params={"limit": 1000}).json()["count"] == before


def test_a_running_server_refuses_a_declared_length_over_the_limit(seed_store_files, tmp_path):
    shutil.copytree(seed_store_files, tmp_path / "store")
    env = {"KG_STORE": str(tmp_path / "store"), "KG_MAX_REQUEST_BYTES": str(LIMIT)}
    server = start_kg(tmp_path, env)
    try:
        address = urlsplit(server.url)
        connection = http.client.HTTPConnection(address.hostname, address.port, timeout=30)
        connection.request("POST", "/sparql", body=query_form(LIMIT), headers=FORM)
        response = connection.getresponse()
        assert response.status == 413
        assert json.loads(response.read())["error"] == "too_large"
        connection.close()
        connection = http.client.HTTPConnection(address.hostname, address.port, timeout=30)
        connection.request("POST", "/sparql", body=query_form(10), headers=FORM)
        assert connection.getresponse().status == 200
        connection.close()
    finally:
        server.stop()
