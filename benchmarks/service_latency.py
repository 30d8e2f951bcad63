"""Latency of the service, and of its SPARQL endpoint against a bare Oxigraph
server answering the same queries over the same data, in one run.

1. Builds a store from the first ``--articles`` Reuters-21578 articles that
   have a body (default 2,000), as ``kg ingest`` does, into the folder
   ``--store`` (default ``$TMPDIR/newskg-bench/reuters-N``), once: a later run
   with the same folder reuses it (``--rebuild`` builds it again). Building
   2,000 articles takes a while; keep the folder outside the repository.
2. Copies the store twice: one copy is served by ``kg serve --no-access-log``
   (uvicorn; default settings otherwise; ``oxigraph serve`` logs no requests
   either), the other by ``oxigraph serve --union-default-graph`` (the same
   Oxigraph version, so the same data and the same engine). The first line
   printed is ``kg serve``'s own: it names the event loop and HTTP parser.
3. Measures, client side, the latency of 5 typical actor requests (``kg``
   only) and of 3 SPARQL queries sent to both servers (``Accept:
   application/sparql-results+json``), at concurrency 1 and 8, over
   keep-alive connections (``http.client``: a thin client, so that its own
   cost hides little of the servers' difference), in two ways:

   - in bursts: the requests go in blocks of 8, ``concurrency`` at a time,
     each block starting together once the last one is answered, the
     servers taking turns block by block (``--requests`` per request);
   - in a closed loop (SPARQL queries only): ``concurrency`` clients, each
     sending its next request as soon as it has the answer to its last, the
     usual meaning of "concurrency N" (as in ab or wrk); the servers take
     turns in slices of ``--turn-seconds``, ``--turns`` times.

   Taking turns makes the noise of a shared machine hit both servers alike.
   Bursts are harsher on a server with one event loop: at concurrency 8, the
   eight requests of a block arrive at the same instant and queue behind one
   another's HTTP work, and a new block only starts once the slowest request
   of the last one is answered.
4. Prints p50 and p95 per request, and for each SPARQL query the ratio of
   ``kg``'s p50 to Oxigraph's, for both ways. Target: at most 1.5 for the
   three typical queries; a fourth, heavier query (marked extra) shows the
   ratio as the query's own time grows. Requests marked extra are not among
   the five typical actor requests either.
5. With ``--floor``, also serves two more copies with the minimal servers of
   ``benchmarks/sparql_floor.py`` (a bare uvicorn app, and a bare asyncio
   protocol, each running the query in a thread pool and nothing else), in
   the same turns, and prints their ratios to Oxigraph too: the floor under
   any endpoint written in Python on this machine.

Usage (from the repository root; the corpus is ``../shared``)::

    .venv/bin/python benchmarks/service_latency.py                  # 2,000 articles
    .venv/bin/python benchmarks/service_latency.py --store ~/kg-bench-store
    .venv/bin/python benchmarks/service_latency.py --articles 200 --requests 40
    .venv/bin/python benchmarks/service_latency.py --store ~/kg-bench-store --sparql-only --floor
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack, contextmanager
from datetime import datetime
from pathlib import Path
from urllib.parse import urlencode

from kg.config import Settings
from kg.graph import KnowledgeGraph
from kg.models import Article
from kg.read import article_from_text

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "reuters21578" / "articles.jsonl"
VENV_BIN = Path(sys.executable).parent
PREFIXES = """PREFIX kg: <https://w3id.org/newskg/ns#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX schema: <https://schema.org/>
"""
JSON_RESULTS = "application/sparql-results+json"
FLOORS = {"floor uvicorn": "uvicorn", "floor asyncio": "asyncio"}
"""The minimal servers of ``sparql_floor.py`` (``--floor``): name -> kind."""


# ---------------------------------------------------------------- the store


def reuters_articles(limit: int) -> list[Article]:
    """The first ``limit`` Reuters articles with a body, with title and date."""
    found = []
    with CORPUS.open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            body = (record.get("body") or "").strip()
            if not body:
                continue
            day = datetime.strptime(record["date"].split()[0], "%d-%b-%Y").date()
            found.append(
                article_from_text(
                    f"reuters-{record['newid']}",
                    body,
                    published=day,
                    title=(record.get("title") or "").strip() or None,
                )
            )
            if len(found) == limit:
                break
    return found


def build_store(folder: Path, articles: int, rebuild: bool) -> Path:
    """The cached store of ``articles`` Reuters articles (built when missing)."""
    store, done = folder / "store", folder / "built"
    if done.exists() and not rebuild:
        return store
    if folder.exists() and any(folder.iterdir()) and not store.is_dir():
        raise SystemExit(f"{folder} is not empty and holds no benchmark store: give a new folder")
    shutil.rmtree(store, ignore_errors=True)
    folder.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    graph = KnowledgeGraph(Settings(store=str(store)))
    try:
        count = 0

        def progress(_) -> None:
            nonlocal count
            count += 1
            if count % 100 == 0:
                print(f"  {count} articles, {time.perf_counter() - started:.0f} s", flush=True)

        summary = graph.ingest(reuters_articles(articles), progress=progress)
    finally:
        graph.close()
    done.write_text(json.dumps(summary.__dict__ | {"ids": len(summary.ids)}))
    print(f"built in {time.perf_counter() - started:.0f} s: {done.read_text()}")
    return store


# ---------------------------------------------------------------- the servers


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def serving(
    command: list[str], port: int, probe: str, env: dict | None = None, log: Path | None = None
) -> Iterator[None]:
    """Run a server until the block ends; wait until ``probe`` answers. Its
    standard output goes to ``log`` when given."""
    output = log.open("wb") if log else subprocess.DEVNULL
    process = subprocess.Popen(command, env=env, stdout=output, stderr=subprocess.DEVNULL)
    try:
        for _ in range(300):
            try:
                status, _ = request(port, "GET", probe)
                if status < 500:
                    break
            except OSError:
                time.sleep(0.2)
        else:
            raise SystemExit(f"{command[0]} did not start")
        yield
    finally:
        process.terminate()
        process.wait(timeout=30)
        if log:
            output.close()


_connections: dict[tuple[int, int], http.client.HTTPConnection] = {}


def request(port: int, method: str, target: str, body: bytes | None = None, headers=None):
    """One request on this thread's keep-alive connection to ``port``. A
    connection the server closed while it was idle (past its keep-alive
    timeout) fails before the request reaches the server: the request is
    sent again once, on a new connection."""
    key = (threading.get_ident(), port)
    reused = key in _connections
    if not reused:
        _connections[key] = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    try:
        connection = _connections[key]
        connection.request(method, target, body=body, headers=headers or {})
        response = connection.getresponse()
        data = response.read()
    except (OSError, http.client.HTTPException) as exc:
        _connections.pop(key).close()
        if reused and isinstance(exc, ConnectionError):  # RemoteDisconnected is one too
            return request(port, method, target, body, headers)
        raise
    return response.status, data


# ---------------------------------------------------------------- measuring


def timed(port: int, method: str, target: str, body=None, headers=None) -> float:
    started = time.perf_counter()
    status, data = request(port, method, target, body, headers)
    seconds = time.perf_counter() - started
    if status != 200:
        raise SystemExit(f"{method} {target} answered {status}: {data[:300]!r}")
    return seconds


def measure(calls: dict, concurrency: int, requests: int, block: int = 8) -> dict[str, list]:
    """Latencies of each call (name -> zero-argument function), the calls taking
    turns in blocks of ``block`` requests, ``concurrency`` at a time."""
    latencies: dict[str, list[float]] = {name: [] for name in calls}
    with ThreadPoolExecutor(concurrency) as pool:
        for call in calls.values():  # warm up caches and connections
            list(pool.map(lambda _, c=call: c(), range(concurrency * 2)))
        while any(len(v) < requests for v in latencies.values()):
            for name, call in calls.items():
                latencies[name] += pool.map(lambda _, c=call: c(), range(block))
    return latencies


def measure_closed(calls: dict, concurrency: int, turns: int, seconds: float) -> dict[str, list]:
    """Latencies of each call in a closed loop: ``concurrency`` clients, each
    sending its next request as soon as it has the answer to its last (the
    usual meaning of "concurrency N", as in ab or wrk), the calls taking turns
    in slices of ``seconds``, ``turns`` times."""
    latencies: dict[str, list[float]] = {name: [] for name in calls}

    def client(call, until: float) -> list[float]:
        found = []
        while time.perf_counter() < until:
            found.append(call())
        return found

    with ThreadPoolExecutor(concurrency) as pool:
        for turn in range(turns + 1):  # the first turn warms up caches and connections
            for name, call in calls.items():
                until = time.perf_counter() + seconds
                clients = [pool.submit(client, call, until) for _ in range(concurrency)]
                for found in (c.result() for c in clients):
                    if turn:
                        latencies[name] += found
    return latencies


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def sparql_queries(person: str) -> dict[str, str]:
    """Three typical analyst queries, and a heavier one (extra) that shows how
    the fixed cost of the service weighs less as the query takes longer."""
    label = json.dumps(person)
    return {
        "who supports whom (join, group, order)": PREFIXES
        + """SELECT ?source ?target (COUNT(DISTINCT ?article) AS ?articles) WHERE {
  ?r kg:relationType kg:supports ; kg:source ?s ; kg:target ?o ; kg:inArticle ?article .
  ?s skos:prefLabel ?source . ?o skos:prefLabel ?target .
} GROUP BY ?source ?target ORDER BY DESC(?articles) ?source ?target LIMIT 50""",
        "what a person said (lookup)": PREFIXES
        + f"""SELECT ?content ?sentence ?published WHERE {{
  ?p skos:prefLabel {label} .
  ?st kg:speaker ?p ; kg:content ?content ; kg:evidenceText ?sentence ; kg:inArticle ?a .
  OPTIONAL {{ ?a schema:datePublished ?published }}
}} ORDER BY DESC(?published) ?content""",
        "records by type (full aggregate)": PREFIXES
        + """SELECT ?type (COUNT(?r) AS ?records) WHERE { ?r kg:relationType ?type }
GROUP BY ?type ORDER BY DESC(?records)""",
        "mentions per article (heavier, extra)": PREFIXES
        + """PREFIX oa: <http://www.w3.org/ns/oa#>
SELECT ?id (COUNT(?m) AS ?mentions) WHERE { ?m oa:hasSource ?a . ?a kg:articleId ?id }
GROUP BY ?id ORDER BY DESC(?mentions) ?id LIMIT 20""",
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--requests", type=int, default=100, help="per request, per concurrency")
    parser.add_argument("--store", type=Path, help="folder of the built store (made if missing)")
    parser.add_argument("--rebuild", action="store_true")
    parser.add_argument("--build-only", action="store_true", help="build the store and stop")
    parser.add_argument(
        "--sparql-only", action="store_true", help="measure the SPARQL queries only (quicker)"
    )
    parser.add_argument(
        "--floor", action="store_true", help="also measure the minimal servers of sparql_floor.py"
    )
    parser.add_argument("--turns", type=int, default=8, help="closed loop: turns per call")
    parser.add_argument(
        "--turn-seconds", type=float, default=0.25, help="closed loop: length of one turn"
    )
    args = parser.parse_args()

    folder = args.store or Path(tempfile.gettempdir()) / "newskg-bench" / f"reuters-{args.articles}"
    cached = build_store(folder, args.articles, args.rebuild)
    if args.build_only:
        return
    work = Path(tempfile.mkdtemp(prefix="newskg-bench-"))
    try:
        for name in ("kg", "oxigraph", *(FLOORS if args.floor else ())):
            shutil.copytree(cached, work / name)
        run(work, args.requests, args.sparql_only, args.floor, args.turns, args.turn_seconds)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def run(
    work: Path,
    requests: int,
    sparql_only: bool = False,
    floor: bool = False,
    turns: int = 8,
    turn_seconds: float = 0.25,
) -> None:
    kg_port, ox_port = free_port(), free_port()
    kg = [sys.executable, "-m", "kg", "serve", "--port", str(kg_port), "--no-access-log"]
    ox = [str(VENV_BIN / "oxigraph"), "serve", "--location", str(work / "oxigraph")]
    ox += ["--bind", f"127.0.0.1:{ox_port}", "--union-default-graph"]
    env = {**os.environ, "KG_STORE": str(work / "kg")}
    floor_ports = {name: free_port() for name in (FLOORS if floor else ())}
    with ExitStack() as servers:
        servers.enter_context(serving(kg, kg_port, "/health", env, work / "kg.out"))
        servers.enter_context(serving(ox, ox_port, "/query?query=ASK%7B%7D"))
        for name, port in floor_ports.items():
            script = [sys.executable, str(ROOT / "benchmarks" / "sparql_floor.py")]
            command = [*script, FLOORS[name], str(work / name), str(port)]
            servers.enter_context(serving(command, port, "/health"))
        person, country = top_actor(kg_port, "Person"), top_actor(kg_port, "Country")
        print((work / "kg.out").read_text().strip().splitlines()[0])
        print(
            f"load average {os.getloadavg()[0]:.1f}; "
            f"top person {person['label']!r}, top country {country['label']!r}"
        )
        pair = urlencode({"from": person["id"], "to": country["id"]})
        api = {
            "GET /actors?q=": f"/actors?{urlencode({'q': person['label'].split()[-1].lower()})}",
            "GET /actors/{id}": f"/actors/{person['id']}",
            "GET /actors/{id}/relations": f"/actors/{person['id']}/relations",
            "GET /actors/{id}/statements": f"/actors/{person['id']}/statements",
            "GET /relations?type=supports": "/relations?type=supports",
            "GET /paths (extra)": f"/paths?{pair}",
            "GET /network?center= (extra)": f"/network?center={person['id']}",
        }
        calls = {} if sparql_only else {n: get_call(kg_port, t) for n, t in api.items()}
        queries = sparql_queries(person["label"])
        for name, text in queries.items():
            calls[f"kg /sparql: {name}"] = sparql_call(kg_port, "/sparql", text)
            calls[f"oxigraph: {name}"] = sparql_call(ox_port, "/query", text)
            for server, port in floor_ports.items():
                calls[f"{server}: {name}"] = sparql_call(port, "/sparql", text)
        floors = list(floor_ports)
        for concurrency in (1, 8):
            latencies = measure(calls, concurrency, requests)
            report(latencies, f"concurrency {concurrency}, in bursts", queries, floors)
        sparql = {name: call for name, call in calls.items() if not name.startswith("GET")}
        for concurrency in (1, 8):
            latencies = measure_closed(sparql, concurrency, turns, turn_seconds)
            report(latencies, f"concurrency {concurrency}, closed loop", queries, floors)


def top_actor(port: int, type_: str) -> dict:
    """The most mentioned actor of a type whose name has two words or more
    (a one-word "person" in old Reuters tables is often a misread)."""
    _, body = request(port, "GET", f"/actors?type={type_}&limit=50")
    actors = json.loads(body)["data"]
    return next((a for a in actors if " " in a["label"]), actors[0])


def get_call(port: int, target: str):
    return lambda: timed(port, "GET", target)


def sparql_call(port: int, path: str, query: str):
    body = urlencode({"query": query}).encode()
    headers = {"Content-Type": "application/x-www-form-urlencoded", "Accept": JSON_RESULTS}
    return lambda: timed(port, "POST", path, body, headers)


def report(
    latencies: dict[str, list[float]],
    title: str,
    queries: dict[str, str],
    floors: list[str] = (),
) -> None:
    counts = sorted({len(values) for values in latencies.values()})
    each = f"{counts[0]}" if len(counts) == 1 else f"{counts[0]}-{counts[-1]}"
    print(f"\n{title} ({each} requests each)")
    print(f"{'request':<62} {'p50 ms':>8} {'p95 ms':>8}")
    for name, values in latencies.items():
        p50, p95 = 1000 * percentile(values, 0.5), 1000 * percentile(values, 0.95)
        print(f"{name:<62} {p50:>8.1f} {p95:>8.1f}")
    for server in ["kg /sparql", *floors]:
        for name in queries:
            ours = percentile(latencies[f"{server}: {name}"], 0.5)
            bare = percentile(latencies[f"oxigraph: {name}"], 0.5)
            label = f"ratio {server.removesuffix(' /sparql')}/oxigraph p50, {name}"
            print(f"{label:<74} {ours / bare:>5.2f}")


if __name__ == "__main__":
    main()
