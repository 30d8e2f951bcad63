"""Real ``kg serve`` processes for the API tests that need a running server
(the W3C protocol tests, real SPARQL clients, curl, the deadline tests)."""

from __future__ import annotations

import shutil

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from kg.config import Settings
from kg.graph import KnowledgeGraph
from tests.servers import start_kg

TOKEN = "test-token-not-secret"


@pytest.fixture(scope="session")
def served_seed(seed_store_files, tmp_path_factory):
    """``kg serve`` on a copy of the seed store (the seed article and the examples)."""
    folder = tmp_path_factory.mktemp("served-seed")
    shutil.copytree(seed_store_files, folder / "store")
    server = start_kg(folder, {"KG_STORE": str(folder / "store"), "KG_API_TOKEN": TOKEN})
    yield server
    server.stop()


@pytest.fixture(scope="session")
def protocol_server(tmp_path_factory):
    """``kg serve`` on an empty store with SPARQL Update and the Graph Store
    Protocol on (token ``TOKEN``)."""
    folder = tmp_path_factory.mktemp("protocol-server")
    env = {
        "KG_STORE": str(folder / "store"),
        "KG_API_TOKEN": TOKEN,
        "KG_SPARQL_UPDATE": "true",
        "KG_GRAPH_STORE": "true",
    }
    server = start_kg(folder, env)
    yield server
    server.stop()


@pytest.fixture(scope="session")
def seed_only_store(tmp_path_factory, extractor, seed_extraction) -> Settings:
    """Settings of an on-disk store holding the seed article alone."""
    settings = Settings(store=str(tmp_path_factory.mktemp("seed-only") / "store"))
    graph = KnowledgeGraph(settings, extractor=extractor)
    try:
        graph.write(seed_extraction)
    finally:
        graph.close()
    return settings


@pytest.fixture(scope="module")
def seed_client(seed_only_store):
    """The app in-process on the seed article's store (read-only use)."""
    with TestClient(create_app(seed_only_store), raise_server_exceptions=False) as client:
        yield client


@pytest.fixture()
def writable_settings(seed_store, seed_store_files, tmp_path) -> Settings:
    """A private copy of the seed store (seed article and examples) to write to."""
    shutil.copytree(seed_store_files, tmp_path / "store")
    return seed_store.with_store(tmp_path / "store")


@pytest.fixture()
def writable_client(writable_settings):
    """The app in-process on a private copy of the seed store, to write to."""
    with TestClient(create_app(writable_settings), raise_server_exceptions=False) as client:
        yield client
