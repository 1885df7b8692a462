"""A bounded load test of the local API: `make loadtest` (loopback only).

Concurrent clients POST real articles (the PolNeAR dev texts when ../shared/eval is beside the checkout, else
the project's sample article from events/) to /v1/extractions until a request count or a time limit is reached,
then it reports requests per second, p50/p99 latency, errors (any non-2xx answer or failed connection) and the
peak resident memory of the server process. Without --url it starts `make run`'s server itself and stops it.
"""

from __future__ import annotations

import argparse
import http.client
import ipaddress
import json
import socket
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path
from urllib.parse import urlsplit

import psutil

from local import launch

ROOT = Path(__file__).resolve().parent.parent
POLNEAR_TEXTS = ROOT.parent / "shared" / "eval" / "quotes" / "polnear-dev" / "text"
SAMPLE_EVENT = ROOT / "events" / "api_create_extraction.json"
REQUEST_SECONDS = 120
STARTUP_SECONDS = 120
MEMORY_SAMPLE_SECONDS = 0.05


@dataclass(frozen=True)
class Report:
    clients: int
    requests: int
    created: int  # 201: extracted now
    reused: int  # 200: the same article was already stored
    errors: int
    seconds: float
    rps: float
    p50_ms: float
    p99_ms: float
    peak_rss_mb: float
    articles: str  # where the articles came from


def articles() -> tuple[list[dict[str, str]], str]:
    """Real article texts to post, and a word on where they came from."""
    if POLNEAR_TEXTS.is_dir():
        texts = sorted(POLNEAR_TEXTS.glob("*.txt"))
        return [{"text": path.read_text(encoding="utf-8")} for path in texts], f"PolNeAR dev ({len(texts)} texts)"
    body = json.loads(json.loads(SAMPLE_EVENT.read_text(encoding="utf-8"))["body"])
    return [{"text": body["text"]}], "the sample article of events/api_create_extraction.json"


def require_loopback(url: str) -> tuple[str, int]:
    """Host and port of url, refusing any address outside this machine's loopback range."""
    parts = urlsplit(url)
    if parts.scheme != "http" or not parts.hostname or not parts.port:
        raise SystemExit(f"expected http://127.0.0.1:PORT, got {url!r}")
    for *_, address in socket.getaddrinfo(parts.hostname, parts.port, proto=socket.IPPROTO_TCP):
        if not ipaddress.ip_address(address[0]).is_loopback:
            raise SystemExit(f"{parts.hostname} resolves to {address[0]}: the load test only targets loopback")
    return parts.hostname, parts.port


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


class MemoryWatch:
    """Samples the resident memory of a process (and its children) in the background; keeps the peak."""

    def __init__(self, pid: int) -> None:
        self._process = psutil.Process(pid)
        self._stop = threading.Event()
        self.peak = 0
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _sample(self) -> None:
        while not self._stop.is_set():
            try:
                processes = [self._process, *self._process.children(recursive=True)]
                self.peak = max(self.peak, sum(process.memory_info().rss for process in processes))
            except psutil.Error:
                return
            self._stop.wait(MEMORY_SAMPLE_SECONDS)

    def __enter__(self) -> MemoryWatch:
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._stop.set()
        self._thread.join()


def run(url: str, pid: int, *, clients: int, requests: int, seconds: float) -> Report:
    """Posts up to `requests` articles from `clients` threads for at most `seconds`; waits for answers in flight."""
    host, port = require_loopback(url)
    bodies, source = articles()
    latencies: list[float] = []
    statuses: list[int] = []
    lock = threading.Lock()
    issued = 0
    deadline = time.monotonic() + seconds

    def next_body() -> bytes | None:
        nonlocal issued
        with lock:
            if issued >= requests or time.monotonic() >= deadline:
                return None
            issued += 1
            return json.dumps(bodies[(issued - 1) % len(bodies)]).encode()

    def client() -> None:
        connection = http.client.HTTPConnection(host, port, timeout=REQUEST_SECONDS)
        while (body := next_body()) is not None:
            started = time.perf_counter()
            try:
                connection.request("POST", "/v1/extractions", body, {"Content-Type": "application/json"})
                response = connection.getresponse()
                response.read()
                status = response.status
            except (OSError, http.client.HTTPException):
                status = 0
                connection.close()
                connection = http.client.HTTPConnection(host, port, timeout=REQUEST_SECONDS)
            with lock:
                latencies.append(time.perf_counter() - started)
                statuses.append(status)
        connection.close()

    with MemoryWatch(pid) as memory:
        started = time.perf_counter()
        threads = [threading.Thread(target=client) for _ in range(clients)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        elapsed = time.perf_counter() - started
    done = len(statuses)
    return Report(
        clients=clients,
        requests=done,
        created=statuses.count(201),
        reused=statuses.count(200),
        errors=sum(1 for status in statuses if status not in (200, 201)),
        seconds=round(elapsed, 2),
        rps=round(done / elapsed, 2) if elapsed else 0.0,
        p50_ms=round(statistics.median(latencies) * 1000, 1) if latencies else 0.0,
        p99_ms=round(percentile(latencies, 0.99) * 1000, 1) if latencies else 0.0,
        peak_rss_mb=round(memory.peak / 2**20, 1),
        articles=source,
    )


@contextmanager
def local_server() -> Iterator[tuple[str, int]]:
    """`make run`'s server on a free loopback port with its embedded moto: (URL, pid)."""
    with tempfile.TemporaryDirectory() as folder, launch.local_server(Path(folder) / "server.log") as (url, process):
        yield url, process.pid


def format_report(report: Report) -> str:
    return (
        f"{report.requests} requests from {report.clients} clients ({report.created} extracted, "
        f"{report.reused} already stored) in {report.seconds:.1f} s from {report.articles}: "
        f"{report.rps:.2f} req/s, p50 {report.p50_ms:.0f} ms, p99 {report.p99_ms:.0f} ms, "
        f"errors {report.errors}, server peak RSS {report.peak_rss_mb:.0f} MB"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m local.loadtest", description=__doc__.splitlines()[0])
    parser.add_argument("--url", help="a running local server (loopback only); default: start one")
    parser.add_argument("--pid", type=int, help="the server's process id, for its memory (with --url)")
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--requests", type=int, default=100, help="stop after this many requests")
    parser.add_argument("--seconds", type=float, default=120, help="stop issuing requests after this long")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    args = parser.parse_args(argv)
    if args.url:
        if args.pid is None:
            parser.error("--pid is required with --url (the server's memory is part of the report)")
        report = run(args.url, args.pid, clients=args.clients, requests=args.requests, seconds=args.seconds)
    else:
        with local_server() as (url, pid):
            report = run(url, pid, clients=args.clients, requests=args.requests, seconds=args.seconds)
    print(json.dumps(asdict(report), indent=2) if args.json else format_report(report))
    return 0 if report.errors == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
