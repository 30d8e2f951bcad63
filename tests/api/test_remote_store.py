"""``kg serve`` on a remote store (``oxigraph serve``): ingest over HTTP, then
ask the actor API and the SPARQL endpoint."""

from __future__ import annotations

import httpx

from kg.store import GraphChange, SparqlStore
from tests.api.conftest import TOKEN
from tests.servers import start_kg

BASE = "http://remote.test.example/"
TEXT = "Brazil endorsed Juan Guaido on Monday. Lavrov said that Russia would stay."


def test_the_service_on_oxigraph_serve(oxigraph_server, tmp_path):
    env = {
        "KG_STORE": f"{oxigraph_server.url}/query",
        "KG_STORE_UPDATE": f"{oxigraph_server.url}/update",
        "KG_BASE_IRI": BASE,
        "KG_API_TOKEN": TOKEN,
    }
    server = start_kg(tmp_path, env)
    try:
        with httpx.Client(base_url=server.url, timeout=60) as client:
            posted = client.post(
                "/articles",
                json={"id": "remote", "text": TEXT, "published": "2019-02-06"},
                headers={"Authorization": f"Bearer {TOKEN}"},
            )
            assert posted.status_code == 201, posted.text
            assert client.get("/health").json()["store"] == "remote"
            supporters = client.get(
                "/actors/juan-guaido/relations", params={"type": "supports"}
            ).json()
            assert [r["source"]["id"] for r in supporters["data"]] == ["brazil"]
            assert supporters["data"][0]["date"] == "2019-02-04"
            ask = client.get(
                "/sparql",
                params={"query": f"ASK {{ <{BASE}entity/brazil> ?p <{BASE}entity/juan-guaido> }}"},
            )
            assert ask.json()["boolean"] is True
    finally:
        server.stop()
        store = SparqlStore(f"{oxigraph_server.url}/query", f"{oxigraph_server.url}/update")
        store.apply(GraphChange(drop=[g for g in store.named_graphs() if g.startswith(BASE)]))
        store.close()
