"""Shared fixtures: the real model, the real seed article, real stores.

Tests that need ``../shared`` (the seed article, gold sets, corpora) call
``shared_path``: it skips with a message when the folder is absent (a user's
machine) and fails when ``KG_REQUIRE_SHARED=1`` (CI), so a check can never be
skipped silently in CI.
"""

from __future__ import annotations

import os
import shutil
from datetime import date
from pathlib import Path

import pytest

from kg.config import Settings
from kg.evaluation.seed import load_gold
from kg.graph import KnowledgeGraph
from kg.models import Article
from kg.pipeline import Extractor
from kg.read import article_from_text

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("KG_SHARED", ROOT.parent / "shared"))
EXAMPLES = ROOT / "examples" / "articles"
SEED_PUBLISHED = date(2019, 3, 31)


def shared_path(*parts: str) -> Path:
    """A path under ../shared, or skip (fail in CI) when it is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        message = f"needs {path} (the shared data folder beside the repository)"
        if os.environ.get("KG_REQUIRE_SHARED") == "1":
            pytest.fail(f"{message}, and KG_REQUIRE_SHARED=1 says it must be there")
        pytest.skip(f"{message}; it is absent on this machine")
    return path


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    return Extractor(Settings(store=":memory:"))


@pytest.fixture(scope="session")
def seed_article() -> Article:
    path = shared_path("corpus", "seed", "seed-article.txt")
    return article_from_text(
        "seed-article", path.read_text(encoding="utf-8"), published=SEED_PUBLISHED, origin=str(path)
    )


@pytest.fixture(scope="session")
def seed_gold() -> dict:
    """The seed article's gold annotation (``gold/seed-article.gold.yaml``)."""
    return load_gold(shared_path("gold", "seed-article.gold.yaml"))


def gold_said_by(gold: dict, speaker: str) -> list[str]:
    """What the gold's required statements of ``speaker`` contain: tests read
    the article's words from ``../shared`` rather than copying them."""
    return [s["contains"] for s in gold["statements"]["required"] if s["speaker"] == speaker]


@pytest.fixture(scope="session")
def seed_extraction(extractor, seed_article):
    return extractor.extract_one(seed_article)


@pytest.fixture(scope="session")
def seed_store_files(tmp_path_factory, extractor, seed_article) -> Path:
    """The folder of a store holding the seed article and the examples,
    written once and never opened again: what copies are made from (copying
    a store that another test holds open races with the store's background
    compactions, which remove files while they are copied)."""
    from kg.read import read_articles

    folder = tmp_path_factory.mktemp("seed-store-files") / "store"
    graph = KnowledgeGraph(Settings(store=str(folder)), extractor=extractor)
    try:
        graph.ingest([seed_article, *read_articles([EXAMPLES])])
    finally:
        graph.close()
    return folder


@pytest.fixture(scope="session")
def seed_store(seed_store_files, tmp_path_factory) -> Settings:
    """Settings of an on-disk store holding the seed article and the examples,
    for reading (tests that write, or serve it from another process, copy
    ``seed_store_files``)."""
    folder = tmp_path_factory.mktemp("seed-store") / "store"
    shutil.copytree(seed_store_files, folder)
    return Settings(store=str(folder))


@pytest.fixture()
def memory_graph(extractor) -> KnowledgeGraph:
    graph = KnowledgeGraph(Settings(store=":memory:"), extractor=extractor)
    yield graph
    graph.close()


@pytest.fixture(scope="session")
def oxigraph_server(tmp_path_factory):
    """``oxigraph serve`` on an empty store, for the session."""
    from tests.servers import start_oxigraph

    server = start_oxigraph(tmp_path_factory.mktemp("oxigraph-server"))
    yield server
    server.stop()


@pytest.fixture(scope="session")
def virtuoso_server(tmp_path_factory):
    """Virtuoso on an empty database, for the session."""
    from tests.servers import start_virtuoso

    server = start_virtuoso(tmp_path_factory.mktemp("virtuoso"))
    yield server
    server.stop()


@pytest.fixture(scope="session")
def seed_graph(extractor, seed_extraction) -> KnowledgeGraph:
    """An in-memory graph of the seed article alone (its story, nothing else)."""
    graph = KnowledgeGraph(Settings(store=":memory:"), extractor=extractor)
    graph.write(seed_extraction)
    yield graph
    graph.close()
