"""How ``kg serve`` runs the app under uvicorn.

uvicorn is fastest with its optional C parts — the uvloop event loop and the
httptools HTTP parser (``uvicorn[standard]``, a dependency) — and falls back
to asyncio and h11 without them, which costs about a tenth of a millisecond
more per request. ``server_options`` asks for them by name when they are
installed, so ``kg serve`` says what it runs on instead of guessing.

>>> sorted(server_options())
['http', 'loop']
"""

from __future__ import annotations

from importlib.util import find_spec


def server_options() -> dict[str, str]:
    """uvicorn's ``loop`` and ``http``: uvloop and httptools when installed."""
    return {
        "loop": "uvloop" if find_spec("uvloop") else "asyncio",
        "http": "httptools" if find_spec("httptools") else "h11",
    }
