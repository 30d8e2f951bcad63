"""Real servers for the tests: ``oxigraph serve``, Virtuoso and ``kg serve``.

Each is started on free ports with its own temporary folder and stopped when
the session ends. A missing binary skips the tests that need it, with a
message saying how to install it; in CI (``KG_REQUIRE_SERVERS=1``) it fails
them instead, so no check is skipped silently there.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

VENV_BIN = Path(sys.executable).parent
VIRTUOSO_INI = """[Database]
DatabaseFile = {folder}/virtuoso.db
ErrorLogFile = {folder}/virtuoso.log
LockFile = {folder}/virtuoso.lck
TransactionFile = {folder}/virtuoso.trx
xa_persistent_file = {folder}/virtuoso.pxa
[TempDatabase]
DatabaseFile = {folder}/virtuoso-temp.db
TransactionFile = {folder}/virtuoso-temp.trx
[Parameters]
ServerPort = {sql_port}
DisableUnixSocket = 1
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
DirsAllowed = ., {folder}
[HTTPServer]
ServerPort = {http_port}
ServerRoot = {folder}
ServerThreads = 10
[SPARQL]
ResultSetMaxRows = 1000000
"""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def binary(name: str, how_to_install: str) -> str:
    """The path of ``name``, or skip (fail in CI) when it is not installed."""
    found = shutil.which(name) or shutil.which(name, path=str(VENV_BIN))
    if found:
        return found
    message = f"needs the `{name}` binary ({how_to_install})"
    if os.environ.get("KG_REQUIRE_SERVERS") == "1":
        pytest.fail(f"{message}, and KG_REQUIRE_SERVERS=1 says it must be there")
    pytest.skip(f"{message}; it is not installed on this machine")


@dataclass
class Server:
    """A running server process and the URL it answers on."""

    name: str
    process: subprocess.Popen
    url: str
    log: Path

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=5)

    def log_tail(self, lines: int = 20) -> str:
        text = self.log.read_text(errors="replace") if self.log.exists() else ""
        return "\n".join(text.splitlines()[-lines:])


def _start(name: str, command: list[str], folder: Path, url: str, probe: str, **kw) -> Server:
    log = folder / f"{name}.log"
    with log.open("wb") as out:
        process = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT, cwd=folder, **kw)
    server = Server(name, process, url, log)
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"{name} exited with {process.returncode}:\n{server.log_tail()}")
        try:
            if httpx.get(probe, timeout=2).status_code < 500:
                return server
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    server.stop()
    pytest.fail(f"{name} did not answer {probe} within 90 s:\n{server.log_tail()}")


def start_oxigraph(folder: Path) -> Server:
    """``oxigraph serve`` on a store in ``folder``; the default graph is the union."""
    oxigraph = binary("oxigraph", "the `oxigraph` package of the dev extras: make dev")
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    command = [oxigraph, "serve", "--location", str(folder / "data"), "--bind", f"127.0.0.1:{port}"]
    return _start(
        "oxigraph",
        [*command, "--union-default-graph"],
        folder,
        url,
        f"{url}/query?query=ASK%7B%7D",
    )


def start_virtuoso(folder: Path) -> Server:
    """Virtuoso (Debian package ``virtuoso-opensource``) with a fresh database."""
    virtuoso = binary("virtuoso-t", "apt-get install virtuoso-opensource")
    http_port, sql_port = free_port(), free_port()
    ini = folder / "virtuoso.ini"
    ini.write_text(VIRTUOSO_INI.format(folder=folder, sql_port=sql_port, http_port=http_port))
    url = f"http://127.0.0.1:{http_port}"
    return _start(
        "virtuoso",
        [virtuoso, "+foreground", "+configfile", str(ini)],
        folder,
        url,
        f"{url}/sparql?query=ASK%7B%7D",
    )


def start_kg(folder: Path, env: Mapping[str, str]) -> Server:
    """``kg serve`` (uvicorn) on a free port, configured by ``env`` (``KG_*``)."""
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    command = [sys.executable, "-m", "kg", "serve", "--host", "127.0.0.1", "--port", str(port)]
    return _start("kg", command, folder, url, f"{url}/health", env={**os.environ, **env})
