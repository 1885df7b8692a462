"""What the browser test and the README screenshot share: the local server `make run` starts, on a free
loopback port, and Debian's chromium launched through Playwright (never Playwright's own download)."""

from __future__ import annotations

import contextlib
import queue
import re
import shutil
import subprocess
import sys
import threading
import time
from collections import deque
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
# No sandbox: CI runs as root. The rest keeps Chromium from calling home during the test.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SERVER_START_SECONDS = 180
EXTRACT_TIMEOUT_MS = 120_000


class ServerOutput:
    """Drains the server's output on a thread (a full pipe would stall its request logging) and
    finds the URL it announces once spaCy and the handlers are loaded."""

    def __init__(self, process: subprocess.Popen[str]) -> None:
        self.process = process
        self.lines: queue.Queue[str | None] = queue.Queue()
        self.tail: deque[str] = deque(maxlen=40)
        threading.Thread(target=self._drain, daemon=True).start()

    def _drain(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.tail.append(line)
            self.lines.put(line)
        self.lines.put(None)

    def announced_url(self) -> str:
        deadline = time.monotonic() + SERVER_START_SECONDS
        while (left := deadline - time.monotonic()) > 0:
            try:
                line = self.lines.get(timeout=left)
            except queue.Empty:
                break
            if line is None:
                break
            found = re.search(r" on (http://127\.0\.0\.1:\d+)", line)
            if found:
                return found.group(1)
        self.process.kill()
        raise AssertionError("the local server did not announce its URL:\n" + "".join(self.tail))


@contextlib.contextmanager
def local_server() -> Iterator[str]:
    """python -m local.server (as `make run`) with embedded moto, yielding its base URL."""
    process = subprocess.Popen(
        [sys.executable, "-m", "local.server", "--host", "127.0.0.1", "--port", "0", "--aws", "embedded"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        yield ServerOutput(process).announced_url()
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def launch_chromium(playwright: Any) -> Any:
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)


def submit(page: Any, text: str, published: str) -> dict[str, Any]:
    """Fills the form like a person, presses the button, and returns the API's JSON answer."""
    page.fill("#article-text", text)
    page.fill("#published-at", published)
    with page.expect_response(
        lambda response: response.url.endswith("/v1/extractions") and response.request.method == "POST",
        timeout=EXTRACT_TIMEOUT_MS,
    ) as answer:
        page.click("#extract-button")
    response = answer.value
    assert response.status in (200, 201), f"POST /v1/extractions answered {response.status}: {response.text()}"
    page.wait_for_selector("#result:not([hidden])")
    # The pointer still rests where the button was; once the result is laid out it may sit on a highlight,
    # whose hover details would then replace those a test opens by keyboard focus.
    page.mouse.move(0, 0)
    return response.json()
