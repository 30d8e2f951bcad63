"""Store work off the event loop, answered on time.

Every handler that reads the store hands the work to a ``QueryRunner``: a
fixed set of worker threads and one deadline per request (``KG_QUERY_TIMEOUT``).
The event loop only waits, so it goes on serving other requests while a query
runs (pyoxigraph evaluates outside the GIL).

When the deadline passes, the client gets a ``QueryTimeoutError`` (503) at
once — also when the query is stuck in a stage that cannot notice the clock,
such as sorting or counting a huge intermediate result: pyoxigraph queries
cannot be cancelled, so that worker is abandoned and finishes on its own
(it stops at the next row it produces, see ``kg.store.limits``). Because the
workers are few, abandoned queries cannot pile up without bound: while all
workers are busy, new requests wait in line, and those that get no worker
before their deadline are answered 503 too. The SPARQL endpoint and the actor
API have separate runners, so runaway user queries never starve the API.

Workers are daemon threads: stopping the server does not wait for an
abandoned query to finish.
"""

from __future__ import annotations

import asyncio
import queue
import threading
from collections.abc import Callable
from concurrent.futures import Future
from typing import TypeVar

from kg.store.limits import Deadline, deadline_scope

T = TypeVar("T")
GRACE = 0.2
"""Seconds the waiting side allows beyond the deadline for a worker that
checks the clock itself to report its own, more precise error."""


class QueryRunner:
    """Runs blocking store work in ``workers`` threads, each call under a deadline.

    >>> import asyncio
    >>> runner = QueryRunner(workers=2, timeout=5.0, name="demo")
    >>> asyncio.run(runner.run(sum, [1, 2, 3]))
    6
    >>> runner.close()
    """

    def __init__(self, workers: int, timeout: float, name: str) -> None:
        self.timeout = timeout
        self._jobs: queue.SimpleQueue = queue.SimpleQueue()
        self._threads = [
            threading.Thread(target=self._work, name=f"kg-{name}-{n}", daemon=True)
            for n in range(workers)
        ]
        for thread in self._threads:
            thread.start()

    async def run(self, function: Callable[..., T], *args: object, **kwargs: object) -> T:
        """``function(*args, **kwargs)`` in a worker; every query it runs shares
        one deadline; ``QueryTimeoutError`` when the deadline passes first."""
        deadline = Deadline(self.timeout)
        started = threading.Event()

        def job() -> T:
            started.set()
            if deadline.expired():
                raise deadline.error(waiting=True)
            with deadline_scope(deadline):
                return function(*args, **kwargs)

        future: Future[T] = Future()
        self._jobs.put((future, job))
        try:
            async with asyncio.timeout(deadline.remaining() + GRACE):
                return await asyncio.wrap_future(future)
        except TimeoutError:
            future.cancel()  # still in line: it will not run
            raise deadline.error(waiting=not started.is_set()) from None

    def close(self) -> None:
        """Let the workers end once the jobs in line are done (or abandoned)."""
        for _ in self._threads:
            self._jobs.put(None)

    def _work(self) -> None:
        while (item := self._jobs.get()) is not None:
            future, job = item
            if not future.set_running_or_notify_cancel():
                continue  # the client gave up while the job waited in line
            try:
                future.set_result(job())
            except BaseException as exc:  # handed to the waiting request
                future.set_exception(exc)
