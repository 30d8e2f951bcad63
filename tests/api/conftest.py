"""Real ``kg serve`` processes for the API tests that need a running server
(the W3C protocol tests, real SPARQL clients, curl, the deadline tests)."""

from __future__ import annotations

import shutil

import pytest

from tests.servers import start_kg

TOKEN = "test-token-not-secret"


@pytest.fixture(scope="session")
def served_seed(seed_store, tmp_path_factory):
    """``kg serve`` on a copy of the seed store (the seed article and the examples)."""
    folder = tmp_path_factory.mktemp("served-seed")
    shutil.copytree(seed_store.store_path, folder / "store")
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
