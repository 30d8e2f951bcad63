"""Fuzzing every route of the OpenAPI description (schemathesis): whatever a
client sends — odd strings, wrong types, missing fields — the answer is
never a server error (5xx), and it is what the description says: a status it
lists, in a media type it lists, whose JSON matches the schema given (errors
included: ``ErrorPublic``)."""

from __future__ import annotations

import shutil

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from api.app import create_app
from kg.config import Settings

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]
OPERATIONS = [
    (method.upper(), path)
    for path, item in create_app(Settings(store=":memory:")).openapi()["paths"].items()
    for method in item
]


@pytest.fixture(scope="module")
def fuzz_schema(seed_store, seed_store_files, tmp_path_factory):
    folder = tmp_path_factory.mktemp("fuzzed")
    shutil.copytree(seed_store_files, folder / "store")
    app = create_app(seed_store.with_store(folder / "store"))
    return schemathesis.openapi.from_asgi("/openapi.json", app)


@pytest.mark.parametrize(("method", "path"), OPERATIONS)
def test_no_request_gives_a_server_error(fuzz_schema, method, path):
    operation = fuzz_schema[path][method]

    @given(case=operation.as_strategy())
    @settings(
        max_examples=12, deadline=None, database=None, suppress_health_check=list(HealthCheck)
    )
    def requests_of_every_shape(case):
        case.call_and_validate(checks=CHECKS)

    requests_of_every_shape()
