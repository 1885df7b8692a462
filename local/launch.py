"""Starts `make run`'s server (python -m local.server) in a process of its own, for tests and the load test."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BANNER = re.compile(r"factextract API on (http://127\.0\.0\.1:\d+)")


class ServerDidNotStart(RuntimeError):
    pass


@contextmanager
def local_server(
    log: Path, startup_seconds: float = 180, inbox: Path | None = None
) -> Iterator[tuple[str, subprocess.Popen]]:
    """The server on a free loopback port with its embedded moto, yielding (base URL, process).

    Its output goes to `log`, a file rather than a pipe, so a chatty server never blocks on a full pipe
    and a failure can show the log's tail. Its inbox and published AWS settings sit beside the log (or inbox is
    the folder given), never in the checkout, so a test never touches a `make run` the user has up."""
    env = {name: value for name, value in os.environ.items() if name != "AWS_ENDPOINT_URL"}
    env["PYTHONUNBUFFERED"] = "1"
    with log.open("w") as output:
        process = subprocess.Popen(
            [sys.executable, "-m", "local.server", "--host", "127.0.0.1", "--port", "0", "--aws", "embedded",
             "--inbox", str(inbox or log.parent / "inbox"), "--aws-file", str(log.parent / "aws.json")],
            cwd=ROOT,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    try:
        yield _announced_url(log, process, startup_seconds), process
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _announced_url(log: Path, process: subprocess.Popen, startup_seconds: float) -> str:
    deadline = time.monotonic() + startup_seconds
    while time.monotonic() < deadline:
        found = BANNER.search(log.read_text())
        if found:
            return found.group(1)
        if process.poll() is not None:
            raise ServerDidNotStart(f"local server exited with {process.returncode}:\n{log.read_text()[-3000:]}")
        time.sleep(0.2)
    raise ServerDidNotStart(f"local server did not start within {startup_seconds} s:\n{log.read_text()[-3000:]}")
