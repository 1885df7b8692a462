"""A small bounded run of local/loadtest.py against the local server: every request answered, none an error."""

from __future__ import annotations

from dataclasses import asdict

import pytest

from local.loadtest import Report, require_loopback, run
from tests.reliability.conftest import Tally

CLIENTS = 4
REQUESTS = 16


def test_concurrent_clients_posting_real_articles_get_no_errors(local_api: tuple[str, int], tally: Tally) -> None:
    url, pid = local_api

    report: Report = run(url, pid, clients=CLIENTS, requests=REQUESTS, seconds=120)

    tally.load = {name: value for name, value in asdict(report).items() if isinstance(value, (int, float))}
    assert report.requests == REQUESTS
    assert report.errors == 0
    assert report.created + report.reused == REQUESTS
    assert 0 < report.p50_ms <= report.p99_ms
    assert report.peak_rss_mb > 0


@pytest.mark.parametrize("url", ["http://10.0.0.1:3000", "http://192.168.1.5:3000", "http://8.8.8.8:80"])
def test_load_test_refuses_any_target_outside_loopback(url: str) -> None:
    with pytest.raises(SystemExit, match="only targets loopback"):
        require_loopback(url)
