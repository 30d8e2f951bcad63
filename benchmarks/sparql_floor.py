"""Two minimal SPARQL servers: the floor under any Python HTTP layer.

``service_latency.py --floor`` serves them beside ``kg serve`` and ``oxigraph
serve`` to show how much of ``/sparql``'s cost over Oxigraph is the price of
answering HTTP in Python at all, rather than of the service's own code. Each
does only what every query request needs and nothing a real endpoint must do
(no negotiation, no dataset parameters, no error answers, no row cap, no
deadline):

- ``uvicorn``: a bare ASGI app under uvicorn, with the event loop and HTTP
  parser ``kg serve`` uses (uvloop, httptools): it reads the form body, runs
  the query in a thread pool (so that the event loop stays free, as a service
  must) and sends the SPARQL JSON results;
- ``asyncio``: the same without uvicorn: an asyncio protocol on uvloop that
  parses HTTP with httptools and writes each answer in one piece.

Both open the store folder as ``kg serve`` does and answer ``GET`` (any path)
with 200, for the benchmark's start-up probe.

Usage: ``python benchmarks/sparql_floor.py {uvicorn,asyncio} STORE PORT``
"""

from __future__ import annotations

import asyncio
import sys
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import parse_qs

import httptools
import pyoxigraph as ox
import uvicorn
import uvloop

JSON = b"application/sparql-results+json"


class Queries:
    """The store, and a pool of threads that run queries on it."""

    def __init__(self, store: str) -> None:
        self.store = ox.Store(store)
        self.pool = ThreadPoolExecutor(8)

    def answer(self, form: bytes) -> bytes:
        query = parse_qs(form.decode())["query"][0]
        solutions = self.store.query(query, use_default_graph_as_union=True)
        return solutions.serialize(format=ox.QueryResultsFormat.JSON)

    async def run(self, form: bytes) -> bytes:
        return await asyncio.get_running_loop().run_in_executor(self.pool, self.answer, form)


def serve_uvicorn(queries: Queries, port: int) -> None:
    async def app(scope, receive, send) -> None:
        if scope["type"] != "http":
            return
        body = b""
        if scope["method"] == "POST":
            message = {"more_body": True}
            while message.get("more_body"):
                message = await receive()
                body += message.get("body", b"")
            answer, headers = await queries.run(body), [(b"content-type", JSON)]
        else:
            answer, headers = b"ok", []
        headers.append((b"content-length", str(len(answer)).encode()))
        await send({"type": "http.response.start", "status": 200, "headers": headers})
        await send({"type": "http.response.body", "body": answer})

    uvicorn.run(
        app,
        port=port,
        loop="uvloop",
        http="httptools",
        lifespan="off",
        access_log=False,
        log_level="warning",
    )


class _Connection(asyncio.Protocol):
    """One keep-alive connection; requests are answered in order."""

    def __init__(self, queries: Queries) -> None:
        self.queries = queries
        self.parser = httptools.HttpRequestParser(self)
        self.body: list[bytes] = []
        self.last: asyncio.Future | None = None

    def connection_made(self, transport: asyncio.Transport) -> None:
        self.transport = transport

    def data_received(self, data: bytes) -> None:
        self.parser.feed_data(data)

    def on_body(self, body: bytes) -> None:
        self.body.append(body)

    def on_message_complete(self) -> None:
        form, self.body = b"".join(self.body), []
        post = self.parser.get_method() == b"POST"
        self.last = asyncio.ensure_future(self._answer(form if post else None, self.last))

    async def _answer(self, form: bytes | None, previous: asyncio.Future | None) -> None:
        answer = b"ok" if form is None else await self.queries.run(form)
        if previous is not None:
            await previous
        head = b"HTTP/1.1 200 OK\r\ncontent-type: %s\r\ncontent-length: %d\r\n\r\n"
        self.transport.write(head % (JSON, len(answer)) + answer)


def serve_asyncio(queries: Queries, port: int) -> None:
    async def main() -> None:
        loop = asyncio.get_running_loop()
        server = await loop.create_server(lambda: _Connection(queries), "127.0.0.1", port)
        await server.serve_forever()

    uvloop.run(main())


if __name__ == "__main__":
    kind, store, port = sys.argv[1], sys.argv[2], int(sys.argv[3])
    {"uvicorn": serve_uvicorn, "asyncio": serve_asyncio}[kind](Queries(store), port)
