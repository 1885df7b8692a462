"""The local server answers reads while an extraction runs: a health check and a GET complete while a POST is
held inside the engine, ordered by events, never by timing."""

from __future__ import annotations

import json
import threading
import urllib.error
import urllib.request
from typing import Any

import pytest

from factextract.pipeline import Extractor
from local.server import make_server

WAIT_SECONDS = 60  # only a bound on a hang: the test's order is set by events


def _request(url: str, method: str = "GET", body: dict[str, Any] | None = None) -> int:
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(url, data=data, method=method, headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=WAIT_SECONDS) as response:
        response.read()
        return response.status


def test_a_health_check_and_a_get_answer_while_a_post_extracts(aws, monkeypatch: pytest.MonkeyPatch) -> None:
    extracting, release = threading.Event(), threading.Event()
    extract = Extractor.extract

    def held(self: Extractor, data: Any) -> Any:
        extracting.set()
        assert release.wait(WAIT_SECONDS)
        return extract(self, data)

    monkeypatch.setattr(Extractor, "extract", held)
    server = make_server("127.0.0.1", 0)
    serving = threading.Thread(target=server.serve_forever, daemon=True)
    serving.start()
    url = f"http://127.0.0.1:{server.server_address[1]}"
    answers: dict[str, int] = {}
    try:
        post = threading.Thread(target=lambda: answers.update(post=_request(
            f"{url}/v1/extractions", "POST", {"id": "slow", "text": "The mayor said the bridge opens in June."})))
        post.start()
        assert extracting.wait(WAIT_SECONDS)
        answers["health"] = _request(f"{url}/v1/health")
        with pytest.raises(urllib.error.HTTPError) as missing:
            _request(f"{url}/v1/extractions/slow")
        assert "post" not in answers  # both reads were answered while the POST was still extracting
        release.set()
        post.join(WAIT_SECONDS)
    finally:
        release.set()
        server.shutdown()
        server.server_close()
    assert (answers, missing.value.code) == ({"health": 200, "post": 201}, 404)
