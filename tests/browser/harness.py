"""What the browser test and the README screenshot share: the local server `make run` starts, on a free
loopback port, and Debian's chromium launched through Playwright (never Playwright's own download)."""

from __future__ import annotations

import contextlib
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from local import launch

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
# Laying out a long article's highlights once its answer is in; generous for a machine busy with other tests.
RENDER_TIMEOUT_MS = 30_000

# Resolves once the window has not scrolled for a few animation frames.
SCROLL_SETTLED = """() => new Promise((resolve) => {
    let last = null;
    let still = 0;
    const tick = () => {
        still = window.scrollY === last ? still + 1 : 0;
        last = window.scrollY;
        if (still >= 5) resolve(last);
        else requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
})"""


@contextlib.contextmanager
def local_server() -> Iterator[str]:
    """python -m local.server (as `make run`) with embedded moto, yielding its base URL."""
    with tempfile.TemporaryDirectory() as folder, launch.local_server(Path(folder) / "server.log") as (url, _):
        yield url


def launch_chromium(playwright: Any) -> Any:
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)


def post(page: Any, text: str, published: str) -> Any:
    """Fills the form like a person, presses the button, and returns the response to the page's POST."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

    page.wait_for_selector("#extract-form[data-ready]", state="attached")
    page.fill("#article-text", text)
    page.fill("#published-at", published)
    try:
        with page.expect_response(
            lambda response: response.url.endswith("/v1/extractions") and response.request.method == "POST",
            timeout=EXTRACT_TIMEOUT_MS,
        ) as answer:
            # The page answers the submit with fetch(), never a navigation.
            page.click("#extract-button", no_wait_after=True)
    except PlaywrightTimeoutError as error:
        # Twice on a fresh CI machine no answer came, and nothing said why: say what the page shows.
        status = page.locator("#status").text_content(timeout=1_000)
        shown = f"the page is at {page.url}, status {status!r}"
        raise AssertionError(f"no answer to POST /v1/extractions; {shown}") from error
    return answer.value


def submit(page: Any, text: str, published: str) -> dict[str, Any]:
    """Submits the form and returns the API's JSON answer once the page has laid it out."""
    response = post(page, text, published)
    assert response.status in (200, 201), f"POST /v1/extractions answered {response.status}: {response.text()}"
    page.wait_for_selector("#result:not([hidden])", timeout=RENDER_TIMEOUT_MS)
    # The page scrolls smoothly to the result: measuring or hovering during the scroll would race it.
    page.evaluate(SCROLL_SETTLED)
    # The pointer still rests where the button was; once the result is laid out it may sit on a highlight,
    # whose hover details would then replace those a test opens by keyboard focus.
    page.mouse.move(0, 0)
    return response.json()


# A short text written for these tests: markup that must stay text, a figure, a date, a quote with a
# speaker, and an emoji (two UTF-16 units in the browser, one character to the API) before them all.
HOSTILE_TEXT = (
    "Ferry vote 🚢 <script>window.__pwned = 'script'</script>\n"
    "The harbour council will spend $3 million on a new ferry, Mayor Lena Park said on Monday.\n"
    '"We promised the island a ferry and we will deliver it," Park said. '
    '<img src="x" onerror="window.__pwned = \'img\'">\n'
)
HOSTILE_PUBLISHED = "2026-11-24"
