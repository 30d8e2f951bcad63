"""The five example queries of ontology/README.md run on the seed article and
the examples, and give sensible answers."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kg.store import OxigraphStore

README = Path(__file__).resolve().parents[2] / "ontology" / "README.md"
QUERIES = re.findall(r"```sparql\n(.*?)```", README.read_text(encoding="utf-8"), re.DOTALL)


@pytest.fixture(scope="module")
def answers(seed_store) -> list[list[dict]]:
    store = OxigraphStore(seed_store.store_path)
    try:
        return [store.select(query) for query in QUERIES]
    finally:
        store.close()


def test_there_are_five_queries():
    assert len(QUERIES) == 5


def test_who_supports_whom_in_how_many_articles(answers):
    rows = answers[0]
    assert all(row["articles"] >= 1 for row in rows)
    russia = [r for r in rows if (r["source"], r["target"]) == ("Russia", "Nicolas Maduro")]
    assert len(russia) == 1 and russia[0]["articles"] >= 2


def test_how_many_articles_and_which_support_russia_supports_maduro(answers):
    [row] = answers[1]
    which = row["which"].split()
    assert row["articles"] == len(which) >= 2 and "seed-article" in which
    by_pair = {(r["source"], r["target"]): r["articles"] for r in answers[0]}
    assert by_pair[("Russia", "Nicolas Maduro")] == row["articles"]


def test_the_evidence_down_to_the_character(answers):
    rows = answers[2]
    assert {r["id"] for r in rows} >= {"seed-article"} and len(rows) >= 2
    for row in rows:
        assert row["exact"] is True, row
        assert row["end"] - row["start"] == len(row["sentence"])
        assert row["cue"] and row["cue"] in row["sentence"]
        assert 0 < row["confidence"] <= 1 and row["extractor"] and row["version"]


def test_where_lavrov_is_named(answers):
    rows = answers[3]
    assert len({r["id"] for r in rows}) >= 2
    for row in rows:
        assert row["words"] in {"Sergey Lavrov", "Lavrov"}
        assert row["end"] - row["start"] == len(row["words"])


def test_positions_held(answers):
    rows = {(r["person"], r["role"], r["organisation"]): r["articles"] for r in answers[4]}
    assert rows.get(("Sergey Lavrov", "Foreign Minister", "Russia"), 0) >= 2
