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
from contextlib import suppress
from typing import Any, Generic, TypeVar

from kg.store.limits import Deadline, DeadlineScope

T = TypeVar("T")
GRACE = 0.2
"""Seconds the waiting side allows beyond the deadline for a worker that
checks the clock itself to report its own, more precise error."""


class QueryRunner:
    """Runs blocking store work in ``workers`` threads, each call under a deadline.

    A worker hands its result straight to the waiting request's event loop
    (one ``call_soon_threadsafe``), and one timer on the loop answers the
    request if the deadline passes first: the hop there and back is the only
    cost the runner adds to a query, and the SPARQL endpoint pays it on every
    one.

    >>> import asyncio
    >>> runner = QueryRunner(workers=2, timeout=5.0, name="demo")
    >>> asyncio.run(runner.run(sum, [1, 2, 3]))
    6
    >>> runner.close()
    """

    def __init__(self, workers: int, timeout: float, name: str) -> None:
        self.timeout = timeout
        self._jobs: queue.SimpleQueue[_Job | None] = queue.SimpleQueue()
        self._threads = [
            threading.Thread(target=self._work, name=f"kg-{name}-{n}", daemon=True)
            for n in range(workers)
        ]
        for thread in self._threads:
            thread.start()

    async def run(self, function: Callable[..., T], *args: object, **kwargs: object) -> T:
        """``function(*args, **kwargs)`` in a worker; every query it runs shares
        one deadline; ``QueryTimeoutError`` when the deadline passes first."""
        loop = asyncio.get_running_loop()
        deadline = Deadline(self.timeout)
        job = _Job(lambda: function(*args, **kwargs), deadline, loop, loop.create_future())
        alarm = loop.call_later(self.timeout + GRACE, _expire, job)
        self._jobs.put(job)
        try:
            return await job.waiter
        finally:
            alarm.cancel()

    def close(self) -> None:
        """Let the workers end once the jobs in line are done (or abandoned)."""
        for _ in self._threads:
            self._jobs.put(None)

    def _work(self) -> None:
        while (job := self._jobs.get()) is not None:
            if job.abandoned:
                continue  # the client gave up while the job waited in line
            job.started = True
            result, error = None, None
            try:
                if job.deadline.expired():
                    raise job.deadline.error(waiting=True)
                with DeadlineScope(job.deadline):
                    result = job.call()
            except BaseException as exc:  # handed to the waiting request
                error = exc
            with suppress(RuntimeError):  # the event loop is closed: the server stopped
                job.loop.call_soon_threadsafe(_deliver, job.waiter, result, error)


class _Job(Generic[T]):
    """One call waiting for, or running in, a worker."""

    __slots__ = ("call", "deadline", "loop", "waiter", "started", "abandoned")

    def __init__(
        self,
        call: Callable[[], T],
        deadline: Deadline,
        loop: asyncio.AbstractEventLoop,
        waiter: asyncio.Future[T],
    ) -> None:
        self.call, self.deadline, self.loop, self.waiter = call, deadline, loop, waiter
        self.started = self.abandoned = False


def _expire(job: _Job[Any]) -> None:
    """The deadline passed while ``job`` waited in line or ran: answer its
    request now (a job still in line will not run)."""
    if not job.waiter.done():
        job.abandoned = True
        job.waiter.set_exception(job.deadline.error(waiting=not job.started))


def _deliver(waiter: asyncio.Future[Any], result: object, error: BaseException | None) -> None:
    if waiter.done():
        return  # the request stopped waiting (deadline, or the client went away)
    if error is None:
        waiter.set_result(result)
    else:
        waiter.set_exception(error)
