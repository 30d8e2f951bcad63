"""One exception tree for the whole project.

Every error a user can meet is a ``KGError``; its message says what went wrong
and how to fix it. Lower libraries' errors (pyoxigraph, spaCy, httpx) are
re-raised as the most specific type below, so callers (the CLI, the API) can
turn them into a one-line message or a 4xx answer without a stack trace::

    KGError
    ├── ConfigError            a setting is wrong or missing
    │   └── ModelNotFoundError the spaCy model cannot be loaded
    ├── InputError             an article cannot be read (empty, binary, not UTF-8,
    │                          missing path, malformed JSON Lines ...)
    ├── NotFoundError          an actor, article or path that does not exist
    └── StoreError             the graph store failed
        ├── QueryError         a SPARQL query is malformed or not allowed
        └── QueryLimitError    a query ran over one of its limits
            ├── QueryTimeoutError  ... its deadline (KG_QUERY_TIMEOUT)
            └── QueryRowLimitError ... its result-row cap (KG_QUERY_MAX_ROWS)
"""

from __future__ import annotations


class KGError(Exception):
    """Base of every error raised on purpose by ``kg`` and ``api``."""


class ConfigError(KGError):
    """A setting is wrong or missing."""


class ModelNotFoundError(ConfigError):
    """The configured spaCy model is not installed."""


class InputError(KGError):
    """An input cannot be read as an article.

    ``source`` names the input (a path, ``<stdin>:3``, a request field) so the
    message can point at it.
    """

    def __init__(self, source: str, problem: str) -> None:
        self.source = source
        self.problem = problem
        super().__init__(f"{source}: {problem}")


class NotFoundError(KGError):
    """Something the caller named does not exist."""


class StoreError(KGError):
    """The graph store failed to read or write."""


class QueryError(StoreError):
    """A SPARQL query is malformed or not allowed here."""


class QueryLimitError(StoreError):
    """A query ran over its deadline or its result-row cap."""


class QueryTimeoutError(QueryLimitError):
    """A query ran over its deadline (or never got a worker before it)."""


class QueryRowLimitError(QueryLimitError):
    """A query's result has more rows than the cap allows."""
