"""Readers of the public corpora in ../shared: own-words records in their
layouts, then the real files when they are there."""

from __future__ import annotations

import json
from datetime import date

import pytest

from kg.errors import ConfigError, InputError
from kg.read.corpora import bbc_articles, reuters_articles, shared_folder
from tests.conftest import shared_path

REUTERS = [
    {
        "newid": 1,
        "date": "2-MAR-1987 09:10:11.12",
        "topics": ["trade"],
        "places": ["usa", "japan"],
        "title": "ENVOYS MEET",
        "body": "Trade envoys of two nations met in\nGeneva on Monday.\n"
        "    They agreed to meet\nagain.\n REUTER\n",
    },
    {"newid": 2, "date": "3-MAR-1987 10:00:00.00", "topics": ["trade"], "places": [], "body": ""},
    {
        "newid": 3,
        "date": "4-MAR-1987 10:00:00.00",
        "topics": ["grain"],
        "places": ["usa"],
        "title": "HARVEST",
        "body": "The harvest was large.\n REUTER\n",
    },
    {
        "newid": 4,
        "date": "5-APR-1987 10:00:00.00",
        "topics": ["trade"],
        "places": ["uk"],
        "title": "DUTIES",
        "body": "Ministers raised duties.\n REUTER\n",
    },
]
BBC = [
    {"id": "politics/001", "category": "politics", "title": "Vote due", "body": "MPs vote today."},
    {"id": "sport/001", "category": "sport", "title": "Cup tie", "body": "The team won."},
    {"id": "politics/002", "category": "politics", "title": "Bill", "body": "A bill passed."},
]


def jsonl(tmp_path, name, records) -> str:
    path = tmp_path / name
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return str(path)


def test_reuters_wrapped_body_becomes_paragraphs_without_the_sign_off(tmp_path):
    path = jsonl(tmp_path, "reuters.jsonl", REUTERS)
    first = next(reuters_articles(path))
    assert first.id == "reuters-1"
    assert (
        first.text
        == "Trade envoys of two nations met in Geneva on Monday.\n\nThey agreed to meet again."
    )
    assert first.published == date(1987, 3, 2)
    assert first.title == "ENVOYS MEET"
    assert first.source == "Reuters"
    assert first.origin.endswith("reuters.jsonl:1")


@pytest.mark.parametrize(
    ("filters", "ids"),
    [
        ({}, ["reuters-1", "reuters-3", "reuters-4"]),  # the empty body is skipped
        ({"topics": {"trade"}}, ["reuters-1", "reuters-4"]),
        ({"topics": {"trade"}, "places": {"usa", "japan"}}, ["reuters-1"]),
        ({"places": {"usa"}, "limit": 1}, ["reuters-1"]),
        ({"topics": {"coffee"}}, []),
    ],
)
def test_reuters_filters(tmp_path, filters, ids):
    path = jsonl(tmp_path, "reuters.jsonl", REUTERS)
    assert [a.id for a in reuters_articles(path, **filters)] == ids


@pytest.mark.parametrize(
    ("category", "ids"),
    [
        (None, ["bbc-politics-001", "bbc-sport-001", "bbc-politics-002"]),
        ("politics", ["bbc-politics-001", "bbc-politics-002"]),
        ("tech", []),
    ],
)
def test_bbc_by_category(tmp_path, category, ids):
    path = jsonl(tmp_path, "bbc.jsonl", BBC)
    articles = list(bbc_articles(path, category=category))
    assert [a.id for a in articles] == ids
    assert all(a.published is None and a.source == "BBC News" for a in articles)


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ("{not json}\n", "bbc.jsonl:1"),
        ('{"id": "x", "body": "no category"}\n', "layout"),
    ],
)
def test_bad_corpus_lines_name_the_line(tmp_path, content, problem):
    path = tmp_path / "bbc.jsonl"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=problem):
        list(bbc_articles(path, category="politics"))


def test_undated_reuters_story_is_an_input_error(tmp_path):
    path = jsonl(tmp_path, "r.jsonl", [{**REUTERS[0], "date": "someday"}])
    with pytest.raises(InputError, match="no readable date"):
        list(reuters_articles(path))


def test_missing_corpus_file(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        list(reuters_articles(tmp_path / "absent.jsonl"))


def test_shared_folder_from_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("KG_SHARED", str(tmp_path))
    assert shared_folder() == tmp_path
    monkeypatch.setenv("KG_SHARED", str(tmp_path / "absent"))
    monkeypatch.delenv("KG_REQUIRE_SHARED", raising=False)
    assert shared_folder() is None
    monkeypatch.setenv("KG_REQUIRE_SHARED", "1")
    with pytest.raises(ConfigError, match="KG_REQUIRE_SHARED"):
        shared_folder()


def test_real_reuters_trade_stories_are_dated_1987():
    path = shared_path("corpus", "reuters21578", "articles.jsonl")
    articles = list(reuters_articles(path, topics={"trade"}, limit=200))
    assert len(articles) == 200
    assert {a.published.year for a in articles} == {1987}
    assert not any(a.text.endswith("REUTER") for a in articles)
    assert all("\n\n" in a.text or len(a.text) < 400 for a in articles)


def test_real_bbc_politics_stories():
    path = shared_path("corpus", "bbc", "articles.jsonl")
    articles = list(bbc_articles(path, category="politics", limit=50))
    assert len(articles) == 50
    assert all(a.id.startswith("bbc-politics-") and a.title for a in articles)
