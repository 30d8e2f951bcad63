"""Helpers of the API tests: what a route answers."""

from __future__ import annotations


def get(client, path: str, **params) -> dict:
    """The JSON of a 200 answer to ``GET path?params`` (fails on any other status)."""
    response = client.get(path, params=params)
    assert response.status_code == 200, response.text
    return response.json()
