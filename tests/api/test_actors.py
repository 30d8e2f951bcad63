"""``/actors``, with real extraction on the seed article alone."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from tests.conftest import gold_said_by


def get(client, path, **params):
    response = client.get(path, params=params)
    assert response.status_code == 200, response.text
    return response.json()


def when(relation: dict) -> str:
    """The date a relation is listed by: its day, the start of its range, or
    the publication date of its article."""
    return relation["date"] or relation["date_start"] or relation["evidence"]["published"] or ""


def assert_evidence_is_the_text(items, article) -> None:
    for item in items:
        evidence = item["evidence"]
        assert evidence["article"] == article.id
        assert article.text[evidence["start"] : evidence["end"]] == evidence["sentence"]


def test_search_by_name_part(seed_client):
    found = get(seed_client, "/actors", q="MADURO")
    assert found["count"] == 1
    maduro = found["data"][0]
    assert (maduro["id"], maduro["label"], maduro["type"]) == (
        "nicolas-maduro",
        "Nicolas Maduro",
        "Person",
    )


def test_search_by_alias(seed_client):
    """An alias that is not part of the label finds the actor too."""
    found = get(seed_client, "/actors", q="servicemen")
    assert [a["id"] for a in found["data"]] == ["russian-military-personnel"]
    assert found["count"] == 1


def test_a_search_result_is_the_actor_in_full(seed_client):
    """Search answers with the same description as ``/actors/{id}``, not a
    stub whose empty lists would say the actor has no aliases or positions."""
    found = get(seed_client, "/actors", q="lavrov")["data"]
    assert found == [get(seed_client, "/actors/sergey-lavrov")]
    assert found[0]["aliases"] and found[0]["positions"]
    countries = get(seed_client, "/actors", type="Country", limit=1000)["data"]
    assert all(country["identifiers"] for country in countries)


def test_search_by_type_and_country_with_paging(seed_client):
    countries = get(seed_client, "/actors", type="Country", limit=1000)
    ids = {a["id"] for a in countries["data"]}
    assert {"russia", "china", "cuba", "venezuela", "united-states"} <= ids
    assert all(a["type"] == "Country" for a in countries["data"])
    assert countries["count"] == len(countries["data"])
    russians = {a["id"] for a in get(seed_client, "/actors", country="rus", limit=1000)["data"]}
    assert {"sergey-lavrov", "maria-zakharova", "russia"} <= russians
    page = get(seed_client, "/actors", type="Country", limit=2, offset=1)
    assert page["count"] == countries["count"] and len(page["data"]) == 2
    assert [a["id"] for a in page["data"]] == [a["id"] for a in countries["data"][1:3]]


def test_an_actor_in_full(seed_client):
    lavrov = get(seed_client, "/actors/sergey-lavrov")
    assert (lavrov["label"], lavrov["type"], lavrov["country"]) == (
        "Sergey Lavrov",
        "Person",
        "RUS",
    )
    assert "Lavrov" in lavrov["aliases"]
    assert {
        "role": "Foreign Minister",
        "organization": "russia",
        "organization_label": "Russia",
    } in lavrov["positions"]
    assert lavrov["articles"] == 1
    assert lavrov["iri"].endswith("/entity/sergey-lavrov")
    assert lavrov["sector"] == "government"


def test_a_country_with_its_outside_ids(seed_client):
    russia = get(seed_client, "/actors/russia")
    assert (russia["type"], russia["country"]) == ("Country", "RUS")
    ids = russia["identifiers"]
    assert "urn:iso:std:iso:3166:-1:alpha-3:RUS" in ids
    assert any(i.startswith("https://sws.geonames.org/") for i in ids)


def test_who_supports_maduro(seed_client, seed_article):
    relations = get(
        seed_client, "/actors/nicolas-maduro/relations", type="supports", direction="in"
    )
    assert {r["source"]["label"] for r in relations["data"]} == {"China", "Cuba", "Russia"}
    assert relations["count"] == len(relations["data"])
    assert all(
        r["direction"] == "in" and r["target"]["id"] == "nicolas-maduro" for r in relations["data"]
    )
    assert_evidence_is_the_text(relations["data"], seed_article)
    out = get(seed_client, "/actors/nicolas-maduro/relations", type="supports", direction="out")
    assert out["count"] == 0


def test_relations_are_newest_first_and_filtered_by_date(seed_client):
    everything = get(seed_client, "/actors/donald-trump/relations", limit=1000)["data"]
    dates = [when(r) for r in everything]
    assert dates == sorted(dates, reverse=True)
    early = get(seed_client, "/actors/donald-trump/relations", until="2019-03-30")["data"]
    assert early and all(when(r) <= "2019-03-30" for r in early)
    assert any(r["type"] == "demands" and r["date"] == "2019-03-27" for r in early)
    assert len(early) < len(everything)
    assert get(seed_client, "/actors/donald-trump/relations", since="2019-04-01")["count"] == 0


def test_relations_by_type_and_confidence(seed_client):
    everything = get(seed_client, "/actors/mike-pompeo/relations", limit=1000)
    types = {r["type"] for r in everything["data"]}
    assert {"criticizes", "consults", "holdsPosition"} <= types
    several = get(
        seed_client, "/actors/mike-pompeo/relations", type=["criticizes", "consults"], limit=1000
    )
    assert {r["type"] for r in several["data"]} == {"criticizes", "consults"}
    confidences = sorted(r["confidence"] for r in everything["data"])
    threshold = confidences[len(confidences) // 2]
    confident = get(seed_client, "/actors/mike-pompeo/relations", min_confidence=threshold)
    assert all(r["confidence"] >= threshold for r in confident["data"])
    assert confident["count"] == sum(c >= threshold for c in confidences)


def test_statements_of_lavrov(seed_client, seed_article, seed_gold):
    said = get(seed_client, "/actors/sergey-lavrov/statements")
    contents = [s["content"] for s in said["data"]]
    expected = gold_said_by(seed_gold, "Sergey Lavrov")
    assert len(expected) >= 2
    assert all(any(phrase in c for c in contents) for phrase in expected)
    assert {s["kind"] for s in said["data"]} >= {"direct", "reported"}
    assert all(s["speaker"]["id"] == "sergey-lavrov" for s in said["data"])
    assert_evidence_is_the_text(said["data"], seed_article)
    assert get(seed_client, "/actors/sergey-lavrov/statements", since="2019-04-01")["count"] == 0
    published = said["data"][0]["evidence"]["published"]
    until = get(seed_client, "/actors/sergey-lavrov/statements", until=published)
    assert until["count"] == said["count"]
    day_before = (date.fromisoformat(published) - timedelta(days=1)).isoformat()
    assert get(seed_client, "/actors/sergey-lavrov/statements", until=day_before)["count"] == 0


def test_relations_between_two_actors_either_way_round(seed_client):
    forward = get(seed_client, "/actors/mike-pompeo/relations/sergey-lavrov")
    backward = get(seed_client, "/actors/sergey-lavrov/relations/mike-pompeo")
    assert forward["count"] >= 1 and forward["count"] == backward["count"]
    assert {r["id"] for r in forward["data"]} == {r["id"] for r in backward["data"]}
    for relation in forward["data"]:
        assert {relation["source"]["id"], relation["target"]["id"]} == {
            "mike-pompeo",
            "sergey-lavrov",
        }
    assert any(r["type"] == "consults" for r in forward["data"])


@pytest.mark.parametrize(
    "path",
    [
        "/actors/nobody-at-all",
        "/actors/nobody-at-all/relations",
        "/actors/nobody-at-all/statements",
        "/actors/sergey-lavrov/relations/nobody-at-all",
    ],
)
def test_unknown_actors_are_404(seed_client, path):
    response = seed_client.get(path)
    assert response.status_code == 404
    assert response.json()["error"] == "not_found" and "nobody-at-all" in response.json()["detail"]


@pytest.mark.parametrize(
    "params",
    [
        {"direction": "sideways"},
        {"type": "likes"},
        {"min_confidence": "2"},
        {"since": "yesterday"},
        {"since": "0"},
        {"until": "1553990400"},
        {"since": "2019"},
        {"until": "2019-03-31T10:00"},
        {"limit": "0"},
        {"offset": "-1"},
    ],
)
def test_bad_parameters_are_422_with_a_message(seed_client, params):
    """Days are ``YYYY-MM-DD``: a number is no day (not a Unix timestamp)."""
    response = seed_client.get("/actors/sergey-lavrov/relations", params=params)
    assert response.status_code == 422
    body = response.json()
    assert body["error"] == "invalid_request" and next(iter(params)) in body["detail"]


@pytest.mark.parametrize(
    "text", ['") } } DROP ALL #', 'lavrov" || true || "', "\\u0022 } UNION { ?s ?p ?o", "Лавров"]
)
def test_text_that_reads_like_sparql_is_a_value_not_a_query(seed_client, text):
    """Search text and ids are bound values: quotes, braces and keywords in
    them change no query; they match no name, and everything stays."""
    found = get(seed_client, "/actors", q=text)
    assert found == {"data": [], "count": 0}
    assert seed_client.get(f"/actors/{text}").status_code == 404
    assert seed_client.get("/actors/sergey-lavrov/relations/" + text).status_code == 404
    assert get(seed_client, "/actors", q="lavrov")["count"] == 1
