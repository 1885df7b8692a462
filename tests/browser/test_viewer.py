"""The viewer page in headless Chromium, served by the same local server `make run` starts.

Debian's chromium driven by Playwright's Python package (never Playwright's own browser download).
Skips with a message where either is missing; .ci/run installs chromium so CI runs these.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.browser.harness import HOSTILE_PUBLISHED, HOSTILE_TEXT, submit

sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install -e '.[dev]')")


def highlighted_quotes(page: Any) -> list[dict[str, str]]:
    """Each quote as the page shows it: its pieces' text joined, its type and shown speaker."""
    return page.evaluate(
        """() => {
            const quotes = new Map();
            for (const piece of document.querySelectorAll('#article mark.hl-quote')) {
                const {id, type, speaker, part} = piece.dataset;
                const quote = quotes.get(id) || {type, speaker, parts: []};
                quote.parts[part] = (quote.parts[part] || '') + piece.textContent;
                quotes.set(id, quote);
            }
            // A quote split by its attribution reads as its parts joined by a space, as the API's text does.
            return [...quotes].map(([id, q]) => ({id, type: q.type, speaker: q.speaker, text: q.parts.join(' ')}));
        }"""
    )


def shown_number(value: float) -> str:
    """A number as the page prints it (JavaScript's String(number)) for the values tests use."""
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def normalized(text: str) -> str:
    return " ".join(text.replace("\u2019", "'").split()).lower()


def test_seed_article_quotes_and_figure_are_highlighted_with_speakers(page: Any, shared_eval: Path) -> None:
    text = (shared_eval / "seed" / "article.txt").read_text(encoding="utf-8")
    expected = json.loads((shared_eval / "seed" / "expected.json").read_text(encoding="utf-8"))
    submit(page, text, expected["published_at"])

    shown = highlighted_quotes(page)
    wanted = [quote for quote in expected["quotes"] if quote["type"] in ("direct", "partial")]
    assert len(wanted) == 8
    problems = []
    for quote in wanted:
        start = normalized(quote["starts_with"])
        matches = [item for item in shown if normalized(item["text"]).startswith(start)]
        if not matches:
            problems.append(f"not highlighted: {quote['starts_with']!r}")
        elif (matches[0]["type"], matches[0]["speaker"]) != (quote["type"], quote["speaker"]):
            problems.append(
                f"{quote['starts_with']!r}: shown as {matches[0]['type']} by {matches[0]['speaker']!r}, "
                f"expected {quote['type']} by {quote['speaker']!r}"
            )
    assert not problems, "\n".join(problems)

    # The side list groups the same quotes under their speakers.
    for quote in wanted:
        group = page.locator(f'.speaker-group[data-speaker="{quote["speaker"]}"] .quote-text')
        texts = [normalized(item) for item in group.all_text_contents()]
        assert any(item.startswith(normalized(quote["starts_with"])) for item in texts), quote["starts_with"]

    for figure in expected["figures"]:
        marks = page.locator("#article mark.hl-figure.first", has_text=figure["text_contains"])
        assert marks.count() > 0, f"no figure highlighted on {figure['text_contains']!r}"
        mark = marks.first
        # The badge after the number is its normalized value; the tooltip spells out the rest.
        last_piece = page.locator(f'#article mark.hl-figure[data-id="{mark.get_attribute("data-id")}"]').last
        assert last_piece.get_attribute("data-badge") == shown_number(figure["value"])
        mark.focus()
        tip = page.locator("#tip")
        assert tip.is_visible()
        assert f"{figure['kind']}: {shown_number(figure['value'])}" in tip.inner_text()
        assert figure["qualifier"] in tip.inner_text()


def test_article_markup_is_shown_as_text_and_never_run(page: Any) -> None:
    extraction = submit(page, HOSTILE_TEXT, HOSTILE_PUBLISHED)

    assert page.evaluate("window.__pwned") is None
    assert page.locator("#article script, #article img").count() == 0
    # Highlights wrap the text without changing it: the article reads exactly as submitted.
    assert page.locator("#article").text_content() == HOSTILE_TEXT
    # Offsets are code points: after the emoji every highlight still covers exactly its item's text.
    shown = {quote["id"]: quote["text"] for quote in highlighted_quotes(page)}
    assert shown == {quote["id"]: quote["text"] for quote in extraction["quotes"]}

    # The raw JSON link reads the same extraction back from the API.
    link = page.locator("#raw-json").get_attribute("href")
    assert link.endswith(f"/v1/extractions/{extraction['id']}")
    stored = page.request.get(link)
    assert stored.status == 200
    assert stored.json()["id"] == extraction["id"]
    # Behind an API key that plain link is refused; the download saves the answer the page already has.
    with page.expect_download() as saved:
        page.click("#download-json")
    assert saved.value.suggested_filename == f"{extraction['id']}.json"
    assert json.loads(Path(saved.value.path()).read_text(encoding="utf-8")) == extraction
    for figure in extraction["figures"]:
        pieces = page.locator(f'#article mark[data-id="{figure["id"]}"]').all_text_contents()
        assert "".join(pieces) == figure["text"]


def test_layer_toggle_hides_marks_and_their_tab_stops(page: Any) -> None:
    extraction = submit(page, HOSTILE_TEXT, HOSTILE_PUBLISHED)
    assert any(quote["type"] == "direct" for quote in extraction["quotes"]), extraction["quotes"]
    quote = page.locator("#article mark.hl-quote.q-direct.first").first
    shaded = quote.evaluate("node => getComputedStyle(node).backgroundColor")

    page.uncheck('#layers input[data-layer="quote"]')
    assert quote.evaluate("node => getComputedStyle(node).backgroundColor") == "rgba(0, 0, 0, 0)"
    assert quote.get_attribute("tabindex") == "-1"
    quote.hover()
    tip = page.locator("#tip")
    assert not (tip.is_visible() and "quote" in tip.inner_text().lower()), "a hidden quote still shows its details"

    page.check('#layers input[data-layer="quote"]')
    assert quote.evaluate("node => getComputedStyle(node).backgroundColor") == shaded != "rgba(0, 0, 0, 0)"
    assert quote.get_attribute("tabindex") == "0"


def test_keyboard_reaches_highlights_and_shows_their_details(page: Any) -> None:
    extraction = submit(page, HOSTILE_TEXT, HOSTILE_PUBLISHED)
    money = next((figure for figure in extraction["figures"] if figure["text"] == "$3 million"), None)
    assert money is not None, f"the engine found no '$3 million' figure: {extraction['figures']}"

    page.locator("#extract-button").focus()
    focused = None
    for _ in range(40):
        page.keyboard.press("Tab")
        focused = page.evaluate("() => document.activeElement.closest('#article mark.hl')?.dataset.id")
        if focused:
            break
    assert focused, "Tab never reached a highlight in the article"
    outline = page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none", "the focused highlight shows no focus ring"

    page.locator(f'#article mark[data-id="{money["id"]}"]').first.focus()
    tip = page.locator("#tip")
    assert tip.is_visible()
    assert "money" in tip.inner_text()
    assert shown_number(money["value"]) in tip.inner_text()
    page.keyboard.press("Escape")
    assert not tip.is_visible()


def test_phone_width_stacks_the_speaker_list_under_the_article(browser: Any, server_url: str) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    try:
        page = context.new_page()
        page.goto(server_url + "/")
        submit(page, HOSTILE_TEXT, HOSTILE_PUBLISHED)
        article = page.locator("#article").bounding_box()
        speakers = page.locator(".speakers").bounding_box()
        assert speakers["y"] >= article["y"] + article["height"]
        # Nothing wider than the screen: no sideways scrolling on a phone.
        assert page.evaluate("() => document.documentElement.scrollWidth") <= 390
    finally:
        context.close()


def test_joining_follow_up_quotes_shows_one_quote_in_two_parts(page: Any) -> None:
    text = "“The ferry will run all winter,” Mayor Lena Park said. “We have the crew and the fuel.”"
    submit(page, text, HOSTILE_PUBLISHED)
    assert [q["text"] for q in highlighted_quotes(page)] == [
        "The ferry will run all winter,",
        "We have the crew and the fuel.",
    ]
    page.check("#join-follow-ups")
    with page.expect_request(lambda request: request.method == "POST") as sent:
        submit(page, text, HOSTILE_PUBLISHED)
    assert json.loads(sent.value.post_data)["follow_up_quotes"] == "joined"
    (quote,) = highlighted_quotes(page)
    assert quote["text"] == "The ferry will run all winter, We have the crew and the fuel."
    assert normalized(quote["speaker"]) == "lena park"


def test_api_key_is_sent_as_x_api_key_and_remembered_only_when_asked(page: Any) -> None:
    page.click(".api-key summary")
    page.fill("#api-key", "key-for-this-test")
    page.check("#remember-key")
    with page.expect_request(lambda request: request.method == "POST") as sent:
        submit(page, HOSTILE_TEXT, HOSTILE_PUBLISHED)
    assert sent.value.headers.get("x-api-key") == "key-for-this-test"
    assert page.evaluate("() => localStorage.getItem('factextract.apiKey')") == "key-for-this-test"

    page.reload()
    assert page.input_value("#api-key") == "key-for-this-test"
    page.click(".api-key summary")
    page.uncheck("#remember-key")
    submit(page, HOSTILE_TEXT, HOSTILE_PUBLISHED)
    assert page.evaluate("() => localStorage.getItem('factextract.apiKey')") is None
