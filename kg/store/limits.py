"""Limits on every query: a deadline and a result-row cap.

Every query a store runs gets a ``Budget``: a ``Deadline`` (``KG_QUERY_TIMEOUT``
seconds) and a cap on result rows (``KG_QUERY_MAX_ROWS``). The store counts
rows as they pass and checks the clock at each step (``Budget.tick``), so a
query that streams its results stops as soon as it runs over.

What cannot be stopped this way: Oxigraph evaluates a query in Rust and
pyoxigraph offers no way to cancel it, so a query that computes for a long time
before its first row (a large ``ORDER BY`` or ``COUNT``) only notices its
deadline when that first row arrives. The HTTP service therefore also waits
for each query with the same deadline (``api.querying``): the client gets its
answer (503, timeout) on time, and the worker thread stops at its next check.
A remote store (``kg.store.sparql``) is cut off by the HTTP client's timeout.

Several queries that answer one request share one deadline: the caller opens
a ``DeadlineScope`` and every query inside it uses that deadline instead of
a fresh one.

>>> budget = Budget(QueryLimits(timeout=5.0, max_rows=2))
>>> budget.tick(); budget.tick(); budget.tick()
Traceback (most recent call last):
...
kg.errors.QueryRowLimitError: the result has more than 2 rows (the cap, KG_QUERY_MAX_ROWS); add LIMIT and OFFSET to read it page by page
"""  # noqa: E501

from __future__ import annotations

import time
from contextvars import ContextVar
from dataclasses import dataclass

from kg.errors import QueryRowLimitError, QueryTimeoutError


@dataclass(frozen=True)
class QueryLimits:
    """How long a query may run and how many result rows it may return."""

    timeout: float = 30.0
    max_rows: int = 100_000


class Deadline:
    """A moment after which work on a query stops."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.expires = time.monotonic() + seconds

    def remaining(self) -> float:
        """Seconds left (never negative)."""
        return max(0.0, self.expires - time.monotonic())

    def expired(self) -> bool:
        return time.monotonic() >= self.expires

    def check(self) -> None:
        """Raise ``QueryTimeoutError`` when the deadline has passed."""
        if self.expired():
            raise self.error()

    def error(self, waiting: bool = False) -> QueryTimeoutError:
        """The error to raise or answer when this deadline passes."""
        if waiting:
            return QueryTimeoutError(
                f"the query waited {self.seconds:g} s for a free worker (KG_QUERY_TIMEOUT) "
                "and did not start: other queries keep the workers busy; try again later"
            )
        return QueryTimeoutError(
            f"the query ran over its deadline of {self.seconds:g} s (KG_QUERY_TIMEOUT); "
            "narrow it (more specific patterns, LIMIT) or ask the operator to raise the limit"
        )


_CURRENT: ContextVar[Deadline | None] = ContextVar("kg_query_deadline", default=None)


class DeadlineScope:
    """A block inside which every query started uses ``deadline`` (a class
    rather than a generator: the SPARQL endpoint opens one per query)."""

    __slots__ = ("deadline", "_token")

    def __init__(self, deadline: Deadline) -> None:
        self.deadline = deadline

    def __enter__(self) -> Deadline:
        self._token = _CURRENT.set(self.deadline)
        return self.deadline

    def __exit__(self, *exc: object) -> None:
        _CURRENT.reset(self._token)


class Budget:
    """The deadline and row count of one running query."""

    def __init__(self, limits: QueryLimits) -> None:
        self.deadline = _CURRENT.get() or Deadline(limits.timeout)
        self.max_rows = limits.max_rows
        self.rows = 0

    def tick(self, rows: int = 1) -> None:
        """Count ``rows`` more result rows; raise when over the cap or the deadline."""
        self.rows += rows
        if self.rows > self.max_rows:
            raise QueryRowLimitError(
                f"the result has more than {self.max_rows} rows (the cap, KG_QUERY_MAX_ROWS); "
                "add LIMIT and OFFSET to read it page by page"
            )
        self.deadline.check()
