"""``/articles``: ingest (JSON or text), list, describe; bad input is a 4xx."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from api.app import create_app

TEXT = "Brazil endorsed Juan Guaido on Monday. Argentina criticized Nicolas Maduro."


@pytest.fixture()
def client(writable_settings):
    with TestClient(create_app(writable_settings), raise_server_exceptions=False) as test_client:
        yield test_client


def test_post_json_then_read_it_back(client):
    response = client.post(
        "/articles",
        json={"id": "posted", "text": TEXT, "published": "2019-02-06", "title": "Backing"},
    )
    assert response.status_code == 201, response.text
    body = response.json()
    assert body["id"] == "posted" and body["graph"].endswith("/graph/article/posted")
    relations = {
        (r["subject"], r["predicate"], r["object"]) for r in body["extraction"]["relations"]
    }
    assert ("brazil", "supports", "juan-guaido") in relations
    monday = next(r for r in body["extraction"]["relations"] if r["predicate"] == "supports")
    assert monday["date"] == "2019-02-04"
    assert body["relations"] == len(body["extraction"]["relations"])

    article = client.get("/articles/posted").json()
    assert (article["title"], article["published"]) == ("Backing", "2019-02-06")
    assert article["relations"] == body["relations"] and article["entities"] >= 4
    listed = client.get("/articles", params={"limit": 1000}).json()
    assert listed["count"] == 5 and "posted" in {a["id"] for a in listed["data"]}
    supporters = client.get(
        "/actors/juan-guaido/relations", params={"type": "supports", "direction": "in"}
    ).json()
    assert "brazil" in {r["source"]["id"] for r in supporters["data"]}


def test_post_text_with_metadata_in_the_query(client):
    response = client.post(
        "/articles",
        params={"id": "plain", "published": "2019-02-06", "source": "Our desk"},
        content=TEXT.encode(),
        headers={"Content-Type": "text/plain; charset=utf-8"},
    )
    assert response.status_code == 201, response.text
    assert response.json()["relations"] >= 2
    assert client.get("/articles/plain").json()["source"] == "Our desk"


def test_posting_the_same_id_again_replaces_the_article(client):
    first = client.post("/articles", json={"id": "again", "text": TEXT})
    second = client.post("/articles", json={"id": "again", "text": "Chile endorsed Juan Guaido."})
    assert (first.status_code, second.status_code) == (201, 200)
    supporters = client.get(
        "/actors/juan-guaido/relations", params={"type": "supports", "direction": "in"}
    ).json()["data"]
    from_again = {r["source"]["id"] for r in supporters if r["evidence"]["article"] == "again"}
    assert from_again == {"chile"}


def test_articles_are_listed_newest_first_in_pages(client):
    everything = client.get("/articles", params={"limit": 1000}).json()
    published = [a["published"] or "" for a in everything["data"]]
    assert published == sorted(published, reverse=True)
    page = client.get("/articles", params={"limit": 2, "offset": 1}).json()
    assert [a["id"] for a in page["data"]] == [a["id"] for a in everything["data"][1:3]]


@pytest.mark.parametrize(
    ("kwargs", "status"),
    [
        ({"json": {"id": "x"}}, 422),
        ({"json": {"id": "", "text": "Cuba endorsed Maduro."}}, 422),
        ({"json": {"id": " ", "text": "Cuba endorsed Maduro."}}, 422),
        ({"json": {"id": "x\n", "text": "Cuba endorsed Maduro."}}, 422),
        ({"json": {"id": "x" * 201, "text": "Cuba endorsed Maduro."}}, 422),
        ({"json": {"id": "x", "text": "ok", "published": "yesterday"}}, 422),
        ({"json": {"id": "x", "text": "ok", "published": 0}}, 422),
        (
            {
                "params": {"id": "x", "published": "1553990400"},
                "content": b"Cuba endorsed Maduro.",
                "headers": {"Content-Type": "text/plain"},
            },
            422,
        ),
        ({"content": b"{not json", "headers": {"Content-Type": "application/json"}}, 422),
        ({"json": {"id": "x", "text": "   "}}, 400),
        ({"json": {"id": "x", "text": "\x00\x01\x02"}}, 400),
        ({"content": b"Cuba endorsed Maduro.", "headers": {"Content-Type": "text/plain"}}, 422),
        (
            {
                "params": {"id": "x"},
                "content": "Cuba".encode("utf-16"),
                "headers": {"Content-Type": "text/plain"},
            },
            400,
        ),
        ({"content": b"<p>Cuba</p>", "headers": {"Content-Type": "text/html"}}, 415),
    ],
)
def test_bad_articles_are_4xx_and_write_nothing(client, kwargs, status):
    before = client.get("/articles").json()["count"]
    response = client.post("/articles", **kwargs)
    assert response.status_code == status, response.text
    assert set(response.json()) == {"error", "detail"}
    assert client.get("/articles").json()["count"] == before


def test_unknown_article_is_404(client):
    response = client.get("/articles/no-such-article")
    assert response.status_code == 404 and "no-such-article" in response.json()["detail"]


def test_deleting_the_seed_article_takes_what_was_read_from_it_and_nothing_else(
    client, seed_article
):
    def every(path: str, **params) -> dict:
        return client.get(path, params={"limit": 1000, **params}).json()

    before = {a["id"]: a["articles"] for a in every("/actors")["data"]}
    relations_before = every("/relations")["data"]
    assert {r["evidence"]["article"] for r in relations_before} > {seed_article.id}
    assert client.delete(f"/articles/{seed_article.id}").status_code == 204

    assert client.get(f"/articles/{seed_article.id}").status_code == 404
    assert client.get("/health").json()["articles"] == 3
    relations = every("/relations")
    assert relations["count"] == len(relations["data"])
    kept = [r for r in relations_before if r["evidence"]["article"] != seed_article.id]
    assert sorted(r["id"] for r in relations["data"]) == sorted(r["id"] for r in kept)
    after = {a["id"]: a["articles"] for a in every("/actors")["data"]}
    assert set(after) < set(before), "actors named by the seed article alone are gone"
    assert all(after[a] == before[a] - 1 or after[a] == before[a] for a in after)
    assert any(after[a] == before[a] - 1 for a in after), "shared actors lose one article"
    gone = next(iter(set(before) - set(after)))
    assert client.get(f"/actors/{gone}").status_code == 404
    supporters = every("/actors/nicolas-maduro/relations", type="supports", direction="in")
    assert seed_article.id not in {r["evidence"]["article"] for r in supporters["data"]}
    assert client.delete(f"/articles/{seed_article.id}").status_code == 404
