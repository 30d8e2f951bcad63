"""Deadlines and the row cap, with queries that really are slow, against a
running ``kg serve`` (1 s deadline, 2 query workers, 1,000-row cap)."""

from __future__ import annotations

import asyncio
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest

from api.protocol import MAX_OPERATION_CHARS
from api.querying import QueryRunner
from kg.errors import QueryTimeoutError
from kg.store import GraphChange, OxigraphStore
from tests.servers import start_kg

T = "http://test.example/"
# Counting a three-way cross product of 400 triples (64 million rows) takes
# several seconds, and Oxigraph yields nothing before it is done.
BLOCKING = f"SELECT (COUNT(*) AS ?n) WHERE {{ ?a <{T}v> ?x . ?b <{T}v> ?y . ?c <{T}v> ?z }}"
# The same cross product without the count streams its rows: the row cap stops it.
STREAMING = f"SELECT * WHERE {{ ?a <{T}v> ?x . ?b <{T}v> ?y . ?c <{T}v> ?z }}"
JSON = {"Accept": "application/sparql-results+json"}


@pytest.fixture(scope="module")
def slow_server(tmp_path_factory):
    folder = tmp_path_factory.mktemp("slow-server")
    store = OxigraphStore(folder / "store")
    many = "\n".join(f'<{T}n{i}> <{T}v> "{i}" .' for i in range(400))
    store.apply(GraphChange(insert={f"{T}g": many}))
    store.close()
    env = {
        "KG_STORE": str(folder / "store"),
        "KG_QUERY_TIMEOUT": "1",
        "KG_QUERY_WORKERS": "2",
        "KG_QUERY_MAX_ROWS": "1000",
    }
    server = start_kg(folder, env)
    yield server
    server.stop()


def timed_query(server, query: str) -> tuple[httpx.Response, float]:
    started = time.monotonic()
    response = httpx.get(f"{server.url}/sparql", params={"query": query}, headers=JSON, timeout=60)
    return response, time.monotonic() - started


def test_a_blocking_query_is_answered_at_its_deadline_and_the_server_stays_free(slow_server):
    with ThreadPoolExecutor(1) as pool:
        slow = pool.submit(timed_query, slow_server, BLOCKING)
        time.sleep(0.2)
        health_started = time.monotonic()
        assert httpx.get(f"{slow_server.url}/health", timeout=5).status_code == 200
        health_seconds = time.monotonic() - health_started
        response, seconds = slow.result()
    assert response.status_code == 503, response.text
    assert response.json()["error"] == "query_timeout"
    assert "deadline of 1 s" in response.json()["detail"]
    assert seconds < 2.5, f"answered after {seconds:.1f} s, not at the 1 s deadline"
    assert health_seconds < 0.5, f"/health waited {health_seconds:.1f} s behind the query"


def test_a_streaming_query_stops_at_its_row_cap(slow_server):
    response, seconds = timed_query(slow_server, STREAMING)
    assert response.status_code == 400
    assert response.json()["error"] == "too_many_rows"
    assert "more than 1000 rows" in response.json()["detail"]
    assert seconds < 2.0


def test_a_construct_stops_at_its_row_cap_too(slow_server):
    construct = f"CONSTRUCT {{ ?a <{T}w> ?b }} WHERE {{ ?a <{T}v> ?x . ?b <{T}v> ?y }}"
    response = httpx.get(
        f"{slow_server.url}/sparql",
        params={"query": construct},
        headers={"Accept": "application/n-triples"},
        timeout=60,
    )
    assert response.status_code == 400
    assert response.json()["error"] == "too_many_rows"


def test_rows_under_the_cap_are_served(slow_server):
    response, _ = timed_query(slow_server, STREAMING + " LIMIT 1000")
    assert response.status_code == 200
    assert len(response.json()["results"]["bindings"]) == 1000


def test_busy_workers_give_503_not_a_hang(slow_server):
    """Two runaway queries hold both workers; a third, quick query gets no
    worker before its deadline and is answered 503 on time."""
    with ThreadPoolExecutor(2) as pool:
        runaways = [pool.submit(timed_query, slow_server, BLOCKING) for _ in range(2)]
        time.sleep(0.3)
        response, seconds = timed_query(slow_server, f"ASK {{ <{T}n1> ?p ?o }}")
        assert all(r.result()[0].status_code == 503 for r in runaways)
    assert response.status_code == 503
    assert "free worker" in response.json()["detail"]
    assert seconds < 2.5


def test_the_runner_waits_without_blocking_the_event_loop():
    runner = QueryRunner(workers=1, timeout=0.3, name="test")

    async def scenario() -> tuple[int, float]:
        ticks = 0

        async def tick() -> None:
            nonlocal ticks
            while True:
                await asyncio.sleep(0.01)
                ticks += 1

        ticker = asyncio.create_task(tick())
        started = time.monotonic()
        with pytest.raises(QueryTimeoutError, match="deadline of 0.3 s"):
            await runner.run(time.sleep, 1.5)
        seconds = time.monotonic() - started
        ticker.cancel()
        return ticks, seconds

    ticks, seconds = asyncio.run(scenario())
    runner.close()
    assert seconds < 0.8
    assert ticks >= 15, "the event loop did not run while the job was blocked"


def test_a_job_whose_deadline_passes_in_line_is_answered_and_never_run():
    runner = QueryRunner(workers=1, timeout=0.3, name="test")
    ran = []

    async def scenario() -> list:
        blocker = asyncio.ensure_future(runner.run(time.sleep, 0.6))
        await asyncio.sleep(0.05)  # the blocker holds the only worker
        with pytest.raises(QueryTimeoutError, match="free worker"):
            await runner.run(ran.append, "ran")
        with pytest.raises(QueryTimeoutError, match="deadline of 0.3 s"):
            await blocker
        return await asyncio.gather(runner.run(ran.append, "next"), return_exceptions=True)

    answers = asyncio.run(scenario())
    runner.close()
    assert answers == [None] and ran == ["next"]


def test_one_warm_worker_answers_query_after_query_under_light_load():
    runner = QueryRunner(workers=4, timeout=5.0, name="test")

    async def scenario() -> set[int]:
        return {await runner.run(threading.get_ident) for _ in range(20)}

    threads = asyncio.run(scenario())
    runner.close()
    assert len(threads) == 1


def test_busy_workers_run_jobs_side_by_side_and_the_rest_in_order():
    runner = QueryRunner(workers=2, timeout=5.0, name="test")
    started: list[str] = []

    def job(name: str) -> str:
        started.append(name)
        time.sleep(0.2)
        return name

    async def scenario() -> tuple[list[str], float]:
        begun = time.monotonic()
        names = await asyncio.gather(*(runner.run(job, n) for n in "abcd"))
        return names, time.monotonic() - begun

    names, seconds = asyncio.run(scenario())
    runner.close()
    assert names == list("abcd") and started[2:] == ["c", "d"]
    assert 0.35 < seconds < 0.55  # two at a time: two rounds of 0.2 s


def test_closing_lets_the_jobs_in_line_finish_then_ends_the_workers():
    runner = QueryRunner(workers=2, timeout=5.0, name="closing")
    workers = [t for t in threading.enumerate() if t.name.startswith("kg-closing-")]

    async def scenario() -> list:
        jobs = [asyncio.ensure_future(runner.run(time.sleep, 0.2)) for _ in range(2)]
        jobs.append(asyncio.ensure_future(runner.run(lambda: "done")))
        await asyncio.sleep(0.05)
        runner.close()
        return await asyncio.gather(*jobs)

    assert len(workers) == 2
    assert asyncio.run(scenario()) == [None, None, "done"]
    for thread in workers:
        thread.join(timeout=2)
    assert not any(thread.is_alive() for thread in workers)


def test_every_job_runs_once_whatever_the_mix_of_load():
    runner = QueryRunner(workers=3, timeout=5.0, name="test")
    runs: list[int] = []

    def job(number: int) -> int:
        runs.append(number)
        time.sleep(0.002 * (number % 3))
        return number

    async def scenario() -> list[int]:
        answers = []
        for burst in (1, 7, 1, 2, 12, 1):  # light and heavy load in turns
            answers += await asyncio.gather(
                *(runner.run(job, len(answers) + n) for n in range(burst))
            )
        return answers

    answers = asyncio.run(scenario())
    runner.close()
    assert answers == list(range(24)) and sorted(runs) == answers


def test_a_query_over_the_length_limit_is_400(slow_server):
    query = f"ASK {{ <{T}n1> ?p ?o }}" + " " * MAX_OPERATION_CHARS
    response = httpx.post(
        f"{slow_server.url}/sparql",
        content=query,
        headers={**JSON, "Content-Type": "application/sparql-query"},
        timeout=30,
    )
    assert response.status_code == 400
    assert f"at most {MAX_OPERATION_CHARS:,}" in response.json()["detail"]


def test_a_deeply_nested_query_is_answered_and_the_server_lives_on(slow_server):
    """Twenty thousand nested groups: Oxigraph parses them by recursion, which
    overflowed a worker's default stack and ended the server. (Last in this
    module: before the fix, the server did not survive it.)"""
    nested = "SELECT * WHERE " + "{" * 20_000 + "}" * 20_000
    response = httpx.post(
        f"{slow_server.url}/sparql",
        content=nested,
        headers={**JSON, "Content-Type": "application/sparql-query"},
        timeout=30,
    )
    assert response.status_code in {200, 400, 503}, response.text
    assert httpx.get(f"{slow_server.url}/health", timeout=5).status_code == 200


def test_deeply_nested_writes_are_answered_and_the_server_lives_on(tmp_path):
    """Updates and Graph Store bodies run in Starlette's thread pool, whose
    threads had the default stack: an update nested eight thousand groups deep
    ended the server like a nested query did."""
    env = {
        "KG_STORE": str(tmp_path / "store"),
        "KG_API_TOKEN": "write-token",
        "KG_SPARQL_UPDATE": "true",
        "KG_GRAPH_STORE": "true",
    }
    server = start_kg(tmp_path, env)
    try:
        auth = {"Authorization": "Bearer write-token"}
        groups = "{" * 8_000 + "}" * 8_000
        update = f"INSERT {{ <{T}s> <{T}p> <{T}o> }} WHERE {{ {groups} }}"
        response = httpx.post(
            f"{server.url}/update",
            content=update,
            headers={**auth, "Content-Type": "application/sparql-update"},
            timeout=30,
        )
        assert response.status_code in {204, 400}, response.text
        lists = f"<{T}s> <{T}p> " + "( " * 20_000 + ")" * 20_000 + " ."
        response = httpx.put(
            f"{server.url}/store",
            params={"graph": f"{T}lists"},
            content=lists,
            headers={**auth, "Content-Type": "text/turtle"},
            timeout=30,
        )
        assert response.status_code in {201, 204, 400}, response.text
        assert httpx.get(f"{server.url}/health", timeout=5).status_code == 200
    finally:
        server.stop()
