"""Error answers: JSON ``{"error", "detail"}`` (``ErrorPublic``) with a 4xx
status for bad input, never a stack trace or an internal path; and their
entries in the OpenAPI description (``documented``).

A query over its deadline is 503 (``query_timeout``): the server could not
answer in time. A query over the row cap is 400 (``too_many_rows``): the
request asks for more than the server gives at once, and paging fixes it.
"""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

from api.schemas import ErrorPublic
from kg.errors import (
    ConfigError,
    InputError,
    KGError,
    NotFoundError,
    QueryError,
    QueryRowLimitError,
    QueryTimeoutError,
    StoreError,
)

log = logging.getLogger("api")
STATUS = [
    (NotFoundError, 404, "not_found"),
    (InputError, 400, "bad_input"),
    (QueryTimeoutError, 503, "query_timeout"),
    (QueryRowLimitError, 400, "too_many_rows"),
    (QueryError, 400, "bad_query"),
    (StoreError, 503, "store_unavailable"),
    (ConfigError, 500, "misconfigured"),
]


DESCRIPTIONS = {
    400: "Bad input: a malformed query or body, or a result over the row cap (too_many_rows).",
    401: "Missing or wrong bearer token.",
    403: "This route is off on this server.",
    404: "No such resource.",
    406: "None of the media types offered is acceptable.",
    413: "The body is over the size limit (KG_MAX_REQUEST_BYTES).",
    415: "The body is in a media type or charset this route does not take.",
    422: "Invalid parameters or body fields.",
    503: "The query ran over its deadline (query_timeout), or the store is unavailable.",
}


def documented(*statuses: int, described: dict[int, str] | None = None) -> dict[int | str, dict]:
    """OpenAPI ``responses`` for error statuses, each answered as an
    ``ErrorPublic`` (``described`` overrides the generic descriptions).

    >>> documented(404)[404]["description"]
    'No such resource.'
    """
    descriptions = {**DESCRIPTIONS, **(described or {})}
    return {s: {"model": ErrorPublic, "description": descriptions[s]} for s in statuses}


def error_response(status: int, error: str, detail: str) -> JSONResponse:
    return JSONResponse({"error": error, "detail": detail}, status_code=status)


HTTP_CODES = {
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    406: "not_acceptable",
    413: "too_large",
    415: "unsupported_media_type",
}


def kg_error_response(exc: KGError) -> JSONResponse:
    """The answer to one of our errors: its status and code from ``STATUS``."""
    for cls, status, code in STATUS:
        if isinstance(exc, cls):
            if status >= 500:
                log.error("%s: %s", code, exc)
            return error_response(status, code, str(exc))
    return error_response(500, "internal", "unexpected error")  # pragma: no cover


def http_error_response(exc: HTTPException) -> JSONResponse:
    """The answer to an ``HTTPException`` raised by a handler or by routing."""
    code = HTTP_CODES.get(exc.status_code, "http_error")
    response = error_response(exc.status_code, code, str(exc.detail))
    response.headers.update(exc.headers or {})
    return response


def unexpected_error_response(exc: Exception) -> JSONResponse:
    """The answer to a bug: logged with its stack trace, answered without it."""
    log.exception("unexpected error", exc_info=exc)
    return error_response(500, "internal", "unexpected error; see the server log")


def install(app: FastAPI) -> None:
    """Register the handlers that turn errors into JSON answers."""

    @app.exception_handler(KGError)
    async def _kg_error(_: Request, exc: KGError) -> JSONResponse:
        return kg_error_response(exc)

    @app.exception_handler(RequestValidationError)
    async def _invalid(_: Request, exc: RequestValidationError) -> JSONResponse:
        problems = []
        for error in exc.errors()[:5]:
            where = ".".join(str(p) for p in error.get("loc", ()) if p != "body")
            problems.append(f"{where or 'body'}: {error.get('msg')}")
        return error_response(422, "invalid_request", "; ".join(problems))

    @app.exception_handler(HTTPException)
    async def _http(_: Request, exc: HTTPException) -> JSONResponse:
        return http_error_response(exc)

    @app.exception_handler(Exception)
    async def _unexpected(_: Request, exc: Exception) -> JSONResponse:
        return unexpected_error_response(exc)
