"""The service benchmark runs end to end on a small store and prints every ratio.

The figures themselves belong in the README, not in assertions (a timed test
on a shared machine proves nothing); what this checks is that the script
still builds its store, starts ``kg serve``, ``oxigraph serve`` and the two
minimal servers of ``--floor``, and reports each ratio at both concurrencies,
in bursts and in a closed loop.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import shared_path

ROOT = Path(__file__).resolve().parents[2]
RATIO = re.compile(r"^ratio (.+?)/oxigraph p50, (.+?)\s+(\d+\.\d\d)$")


@pytest.mark.slow
def test_the_benchmark_reports_each_ratio_of_each_server(tmp_path: Path) -> None:
    shared_path("corpus", "reuters21578", "articles.jsonl")
    command = [sys.executable, str(ROOT / "benchmarks" / "service_latency.py")]
    command += ["--store", str(tmp_path / "bench"), "--articles", "12", "--requests", "4"]
    command += ["--sparql-only", "--floor", "--turns", "1", "--turn-seconds", "0.05"]
    run = subprocess.run(command, capture_output=True, text=True, timeout=600, cwd=ROOT)
    assert run.returncode == 0, run.stderr[-2000:]
    lines = run.stdout.splitlines()
    built = next(i for i, line in enumerate(lines) if line.startswith("built in"))
    assert "event loop" in lines[built + 1]  # kg serve's own first line
    ratios = [RATIO.match(line) for line in lines if line.startswith("ratio ")]
    found = {(m.group(1), m.group(2)) for m in ratios if m and float(m.group(3)) > 0}
    servers = {"kg", "floor uvicorn", "floor asyncio"}
    assert {server for server, _ in found} == servers
    assert len(found) == 3 * 4  # three servers, four queries
    assert len(ratios) == 2 * 2 * 3 * 4  # in bursts and in a closed loop, at concurrency 1 and 8
    titles = [line.split(" (")[0] for line in lines if line.startswith("concurrency ")]
    ways = ("in bursts", "closed loop")
    assert titles == [f"concurrency {c}, {way}" for way in ways for c in (1, 8)]
