"""Fixtures of the reliability suite, and the `reliability` report it prints at the end of a run.

Tests add their figures (bad inputs tried and handled, fuzz cases, faults injected, articles lost,
duplicates, load held) to one Tally kept on the pytest config; the terminal summary prints them and
local/reliability.py (`make reliability`) reads the same figures from the JSON file written here.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path

import pytest

from local.launch import local_server

# The moto account and Lambda context of the function tests, reused rather than built a second way.
from tests.functions.conftest import _moto_account, aws, lambda_context, load_event  # noqa: F401

ROOT = Path(__file__).resolve().parents[2]
FIGURES_SETTING = "FACTEXTRACT_RELIABILITY_FIGURES"
STARTUP_SECONDS = 120


@dataclass
class Tally:
    bad_inputs_tried: int = 0
    bad_inputs_handled: int = 0
    fuzz_cases: int = 0
    faults_injected: int = 0
    articles_lost: int = 0
    duplicates: int = 0
    load: dict[str, float] = field(default_factory=dict)
    # Which test contributed what, so a figure can be traced back to the test that produced it.
    sources: dict[str, dict[str, int]] = field(default_factory=dict)

    def add(self, source: str, **counts: int) -> None:
        for name, value in counts.items():
            setattr(self, name, getattr(self, name) + value)
            mine = self.sources.setdefault(source, {})
            mine[name] = mine.get(name, 0) + value


TALLY = pytest.StashKey[Tally]()


def pytest_configure(config: pytest.Config) -> None:
    config.stash[TALLY] = Tally()


@pytest.fixture(scope="session")
def tally(pytestconfig: pytest.Config) -> Tally:
    return pytestconfig.stash[TALLY]


def report_lines(tally: Tally) -> list[str]:
    load = tally.load
    held = (
        f"{load['requests']:.0f} requests, {load['rps']:.1f} req/s, p50 {load['p50_ms']:.0f} ms, "
        f"p99 {load['p99_ms']:.0f} ms, errors {load['errors']:.0f}, server peak RSS {load['peak_rss_mb']:.0f} MB"
        if load
        else "not run"
    )
    return [
        f"bad inputs tried:   {tally.bad_inputs_tried} (handled without a 5xx or crash: {tally.bad_inputs_handled})",
        f"fuzz cases run:     {tally.fuzz_cases}",
        f"faults injected:    {tally.faults_injected}",
        f"articles lost:      {tally.articles_lost}",
        f"duplicates:         {tally.duplicates}",
        f"load held:          {held}",
    ]


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter, config: pytest.Config) -> None:
    tally = config.stash.get(TALLY, None)
    if tally is None or not (tally.sources or tally.load):
        return
    terminalreporter.section("reliability")
    for line in report_lines(tally):
        terminalreporter.write_line(line)
    target = os.environ.get(FIGURES_SETTING)
    if target:
        Path(target).write_text(json.dumps(asdict(tally), indent=2), encoding="utf-8")


@pytest.fixture(scope="session")
def local_api(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, int]]:
    """`make run`'s server in its own process on a free loopback port: (base URL, server pid).

    A process of its own, so the hostile, fuzz and load tests meet real HTTP parsing and the embedded moto,
    and the load test can measure the server's memory apart from pytest's.
    """
    log = tmp_path_factory.mktemp("local-api") / "server.log"
    with local_server(log) as (url, process):
        yield url, process.pid
        assert "Traceback" not in log.read_text() or _only_logged_tracebacks(log), "the server printed a stack trace"


def _only_logged_tracebacks(log: Path) -> bool:
    """Tracebacks inside the API's structured JSON log lines are its own error logging, not a crash."""
    return all(line.lstrip().startswith("{") for line in log.read_text().splitlines() if "Traceback" in line)
