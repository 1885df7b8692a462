"""Regenerates docs/viewer.png, the README's picture: the sample article of the README's example requests
(events/api_create_extraction.json) highlighted by the viewer, with one quote's details showing.

    .venv/bin/python -m tests.browser.screenshot
"""

from __future__ import annotations

import json

from playwright.sync_api import sync_playwright

from tests.browser.harness import ROOT, launch_chromium, local_server, submit

SAMPLE_EVENT = ROOT / "events" / "api_create_extraction.json"
OUTPUT = ROOT / "docs" / "viewer.png"


def main() -> None:
    article = json.loads(json.loads(SAMPLE_EVENT.read_text(encoding="utf-8"))["body"])
    with local_server() as url, sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        page = browser.new_page(viewport={"width": 1100, "height": 900})
        page.goto(url + "/")
        submit(page, article["text"], article["published_at"])
        page.locator("#article-text").evaluate("area => { area.scrollTop = 0; }")
        # A quote attributed through "he": its details show the pronoun resolved to the councillor.
        pronoun_quote = page.locator("#article mark.hl-quote.q-direct.first[data-speaker]").last
        pronoun_quote.hover()
        page.screenshot(path=OUTPUT, full_page=True)
        browser.close()
    print(f"wrote {OUTPUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
