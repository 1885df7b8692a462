"""`make run`'s server as a user meets it: a real process on a loopback port, real HTTP, embedded moto."""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest

from local.launch import local_server

STARTUP_SECONDS = 90
REQUEST_SECONDS = 60


def _request(url: str, method: str = "GET", body: dict[str, Any] | None = None) -> tuple[int, Any]:
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(url, data=data, method=method, headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=REQUEST_SECONDS) as response:
            payload = response.read()
            return response.status, json.loads(payload) if payload else None
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"null")


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with local_server(tmp_path_factory.mktemp("server") / "server.log") as (url, _):
        yield url


def test_post_then_get_round_trips_through_the_local_dynamodb(server: str) -> None:
    article = {"text": 'Mayor Dana Whitfield said: "The bridge opens in June." About 1,100 people cross daily.'}
    status, created = _request(f"{server}/v1/extractions", "POST", article)
    assert status == 201
    assert created["stats"]["characters"] == len(article["text"])
    status, stored = _request(f"{server}/v1/extractions/{created['id']}")
    assert (status, stored) == (200, created)
    assert _request(f"{server}/v1/extractions", "POST", article) == (200, created)


def test_concurrent_requests_are_all_answered(server: str) -> None:
    def post(number: int) -> int:
        article = {"text": f"Councillor {number} said the vote was close."}
        return _request(f"{server}/v1/extractions", "POST", article)[0]

    def health(_: int) -> int:
        return _request(f"{server}/v1/health")[0]

    with ThreadPoolExecutor(max_workers=8) as pool:
        posts = pool.map(post, range(6))
        checks = pool.map(health, range(6))
        assert list(posts) == [201] * 6
        assert list(checks) == [200] * 6


def test_errors_keep_their_json_shape_over_http(server: str) -> None:
    status, body = _request(f"{server}/v1/extractions/no-such-article")
    assert (status, body["code"]) == (404, "not_found")
    status, body = _request(f"{server}/v1/extractions", "POST", {"text": ""})
    assert (status, body["code"], body["field"]) == (422, "validation_error", "text")
