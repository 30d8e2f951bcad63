"""Writes through the service: one at a time, and what readers keep is
forgotten after each.

Every route that changes the store — ``POST`` and ``DELETE /articles``,
``POST /update``, ``PUT``/``POST``/``DELETE /store`` — writes inside
``with request.app.state.writing:``. It holds the write lock, and when the
write ends (done or failed: a remote store may have applied part of it) it
tells the caches kept between requests (``api.network_cache``) to drop what
they read, before the route answers: a client that saw its write answered
never gets an older answer afterwards.

>>> dropped = []
>>> writing = Writing(lambda: dropped.append("network"))
>>> with writing:
...     pass
>>> dropped
['network']
"""

from __future__ import annotations

import threading
from collections.abc import Callable


class Writing:
    """The write lock, calling each of ``after_write`` when a write ends."""

    def __init__(self, *after_write: Callable[[], None]) -> None:
        self._lock = threading.Lock()
        self._after_write = after_write

    def __enter__(self) -> None:
        self._lock.acquire()

    def __exit__(self, *exc_info: object) -> None:
        try:
            for forget in self._after_write:
                forget()
        finally:
            self._lock.release()
