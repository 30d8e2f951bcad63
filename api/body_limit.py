"""Request bodies over a size limit are refused with 413, before they fill memory.

Neither uvicorn nor FastAPI caps a request body: a route that reads it
(``POST /articles``, ``/sparql``, ``/update``, ``/store``) would hold
whatever a client sends. Every HTTP request therefore passes ``check`` first
(``api.app.Service``), with the limit ``KG_MAX_REQUEST_BYTES``:

- a ``Content-Length`` over the limit is answered 413 at once, and the body
  is never read (the HTTP parser delivers no more than a declared length);
- a body sent without a length (chunked) is counted as it arrives, and the
  read that passes the limit raises a 413 ``HTTPException`` in the route
  that reads it, which answers it like any other error: nothing is written.

>>> declared_length([(b"host", b"x"), (b"content-length", b"12")])
12
>>> declared_length([(b"transfer-encoding", b"chunked")]) is None
True
"""

from __future__ import annotations

from starlette.exceptions import HTTPException
from starlette.types import Message, Receive, Scope, Send

from api.errors import http_error_response


def too_large(limit: int) -> HTTPException:
    """The error for a body over ``limit`` bytes."""
    return HTTPException(
        413,
        f"the request body is over {limit} bytes, the limit (KG_MAX_REQUEST_BYTES); "
        "send less at once, or ask the operator to raise the limit",
    )


def declared_length(headers: list[tuple[bytes, bytes]]) -> int | None:
    """The request's ``Content-Length``, or None when it declares none."""
    for name, value in headers:
        if name == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None
    return None


async def check(limit: int, scope: Scope, receive: Receive, send: Send) -> Receive | None:
    """The ``receive`` to give the app for this request, or None when the
    request was already answered 413 (its declared length is over ``limit``)."""
    declared = declared_length(scope["headers"])
    if declared is None:
        return _counting(receive, limit)
    if declared > limit:
        await http_error_response(too_large(limit))(scope, receive, send)
        return None
    return receive


def _counting(receive: Receive, limit: int) -> Receive:
    received = 0

    async def counted() -> Message:
        nonlocal received
        message = await receive()
        received += len(message.get("body", b""))
        if received > limit:
            raise too_large(limit)
        return message

    return counted
