"""`make run` and `make batch` (and the inbox folder) share one local AWS: what the batch path stores, the API serves.

Given a running local server, when a JSON Lines file goes through `python -m local.batch` or is dropped in the
server's inbox folder, then its article and its speaker's quotes are answered over HTTP.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from local.launch import ROOT, local_server

BATCH_SECONDS = 300
INBOX_SECONDS = 240


def _get(url: str) -> tuple[int, Any]:
    try:
        with urllib.request.urlopen(url, timeout=60) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"null")


def _article(article_id: str, speaker: str) -> str:
    text = f'The library closes at six, the council said.\n\n"We cannot staff it later," {speaker} said.'
    return json.dumps({"id": article_id, "text": text, "published_at": "2026-03-03"}) + "\n"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    folder = tmp_path_factory.mktemp("run")
    with local_server(folder / "server.log", inbox=folder / "inbox") as (url, _):
        yield url, folder


def test_make_batch_stores_into_the_running_servers_aws(server: tuple[str, Path], tmp_path: Path) -> None:
    url, folder = server
    news = tmp_path / "news.jsonl"
    news.write_text(_article("batch-news-1", "Councillor Rhea Okafor"), encoding="utf-8")
    env = {name: value for name, value in os.environ.items() if name != "AWS_ENDPOINT_URL"}
    env["FACTEXTRACT_LOCAL_AWS_FILE"] = str(folder / "aws.json")

    done = subprocess.run(
        [sys.executable, "-m", "local.batch", "--out", str(tmp_path / "results"), str(news)],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=BATCH_SECONDS, check=False,
    )

    assert done.returncode == 0, done.stderr[-3000:]
    assert "the moto of the running `make run`" in done.stderr
    status, page = _get(f"{url}/v1/quotes?speaker=rhea%20okafor")
    assert status == 200
    assert [item["article_id"] for item in page["items"]] == ["batch-news-1"]
    assert _get(f"{url}/v1/extractions/batch-news-1")[0] == 200


def test_a_file_dropped_in_the_inbox_is_extracted_into_the_api(server: tuple[str, Path]) -> None:
    url, folder = server
    (folder / "inbox" / "dropped.jsonl").write_text(_article("inbox-news-1", "Mayor Dana Whitfield"), encoding="utf-8")

    deadline = time.monotonic() + INBOX_SECONDS
    while _get(f"{url}/v1/extractions/inbox-news-1")[0] != 200:
        assert time.monotonic() < deadline, (folder / "server.log").read_text()[-3000:]
        time.sleep(1)

    status, page = _get(f"{url}/v1/quotes?speaker=dana%20whitfield")
    assert status == 200
    assert [item["article_id"] for item in page["items"]] == ["inbox-news-1"]
