"""The viewer page in headless Chromium, served by the same local server `make run` starts.

Debian's chromium driven by Playwright's Python package (never Playwright's own browser download).
Skips with a message where either is missing; .ci/run installs chromium so CI runs these.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.browser.harness import CHROMIUM, RENDER_TIMEOUT_MS, launch_chromium, local_server, post, submit

sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install -e '.[dev]')")

# A short text written for these tests: markup that must stay text, a figure, a date, a quote with a
# speaker, and an emoji (two UTF-16 units in the browser, one character to the API) before them all.
HOSTILE_TEXT = (
    "Ferry vote 🚢 <script>window.__pwned = 'script'</script>\n"
    "The harbour council will spend $3 million on a new ferry, Mayor Lena Park said on Monday.\n"
    '"We promised the island a ferry and we will deliver it," Park said. '
    '<img src="x" onerror="window.__pwned = \'img\'">\n'
)
HOSTILE_PUBLISHED = "2026-11-24"
# Quotes by a person, an organization, an unresolved "it", a place and a survey: only the first two are speakers.
SPEAKERS_TEXT = (
    "Harbour plan\nThe harbour council will spend $3 million on a new ferry. "
    '"We will open the route in May," Mayor Lena Park said on Monday. '
    '"The money is already in the budget," the Harbour Authority said in a statement. '
    '"It will not be enough," it added. France said the plan broke the treaty. '
    '"Ferries are half empty in winter," a council survey found. "<b>Nobody</b> asked us," said <i>Tom</i>.\n'
)
# The viewer's starting threshold (viewer.js, DEFAULT_CLAIM_THRESHOLD), raised to the weakest claim when that is higher.
DEFAULT_CLAIM_THRESHOLD = 0.5


@pytest.fixture(scope="module")
def server_url() -> Iterator[str]:
    with local_server() as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not Path(CHROMIUM).is_file():
        pytest.skip(f"no Chromium at {CHROMIUM} (apt-get install chromium)")
    with sync_api.sync_playwright() as playwright:
        chromium = launch_chromium(playwright)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Any, server_url: str) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    page = context.new_page()
    # Everything is on the page once the API has answered: fail fast instead of waiting for what is missing.
    page.set_default_timeout(5_000)
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(server_url + "/")
    yield page
    context.close()
    assert not errors, f"the page raised: {errors}"


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


def background_alpha(locator: Any) -> float:
    """The alpha of a mark's own background colour (0 when it has none)."""
    color = locator.evaluate("node => getComputedStyle(node).backgroundColor")
    channels = re.findall(r"[\d.]+", color)
    if color.startswith("rgba"):
        return float(channels[3])
    return 1.0 if channels else 0.0


def claim_mark(page: Any, claim: dict[str, Any]) -> Any:
    return page.locator(f'#article mark.hl-claim.first[data-id="{claim["id"]}"]')


def slider_floor(claims: list[dict[str, Any]]) -> float:
    return math.floor(min(claim["checkworthiness"] for claim in claims) * 100) / 100


def test_claims_are_shaded_by_score_and_those_under_the_slider_are_hidden(page: Any, shared_eval: Path) -> None:
    text = (shared_eval / "seed" / "article.txt").read_text(encoding="utf-8")
    published = json.loads((shared_eval / "seed" / "expected.json").read_text(encoding="utf-8"))["published_at"]
    claims = submit(page, text, published)["claims"]
    scores = sorted({claim["checkworthiness"] for claim in claims})
    assert len(scores) >= 3 and scores[0] < DEFAULT_CLAIM_THRESHOLD < scores[-1], scores

    # The slider has a label, starts at the default threshold and goes no lower than the weakest claim returned.
    slider = page.get_by_label("Claims from check-worthiness")
    assert slider.get_attribute("id") == "claim-threshold"
    assert float(slider.get_attribute("min")) == slider_floor(claims)
    assert float(slider.input_value()) == DEFAULT_CLAIM_THRESHOLD
    assert page.locator("#claim-threshold-value").text_content() == "0.50"

    def check(threshold: float) -> None:
        shown = [claim for claim in claims if claim["checkworthiness"] >= threshold]
        for claim in claims:
            mark = claim_mark(page, claim)
            if claim in shown:
                assert background_alpha(mark) > 0, f"claim {claim['checkworthiness']} unshaded at {threshold}"
                assert mark.get_attribute("tabindex") == "0"
            else:
                assert background_alpha(mark) == 0, f"claim {claim['checkworthiness']} shaded at {threshold}"
                assert mark.get_attribute("tabindex") == "-1"
        count = page.locator('[data-count="claim"]').text_content()
        assert count == (f"({len(claims)})" if len(shown) == len(claims) else f"({len(shown)} of {len(claims)})")

    check(DEFAULT_CLAIM_THRESHOLD)
    # Stronger claims are shaded stronger.
    shaded = sorted(
        (claim["checkworthiness"], background_alpha(claim_mark(page, claim)))
        for claim in claims
        if claim["checkworthiness"] >= DEFAULT_CLAIM_THRESHOLD
    )
    alphas = [alpha for _, alpha in shaded]
    assert alphas == sorted(alphas) and alphas[0] < alphas[-1], shaded

    # A hidden claim says nothing on hover.
    hidden = next(claim for claim in claims if claim["checkworthiness"] < DEFAULT_CLAIM_THRESHOLD)
    claim_mark(page, hidden).hover()
    tip = page.locator("#tip")
    assert not (tip.is_visible() and "Claim" in tip.inner_text()), "a claim under the threshold shows its details"
    page.mouse.move(0, 0)

    raised = math.floor(scores[-2] * 100) / 100
    page.fill("#claim-threshold", f"{raised:.2f}")
    assert page.locator("#claim-threshold-value").text_content() == f"{raised:.2f}"
    check(raised)
    page.fill("#claim-threshold", slider.get_attribute("min"))
    check(slider_floor(claims))


def test_claim_details_show_the_rank_when_the_api_sends_one(page: Any) -> None:
    with_rank = True

    def answer(route: Any) -> None:
        # The real answer, with rank set (as the engine's) or removed (as an API from before rank).
        response = route.fetch()
        extraction = response.json()
        by_score = sorted(extraction["claims"], key=lambda claim: -claim["checkworthiness"])
        for position, claim in enumerate(by_score, start=1):
            if with_rank:
                claim.setdefault("rank", position)
            else:
                claim.pop("rank", None)
        route.fulfill(response=response, json=extraction)

    page.route("**/v1/extractions", answer)
    claims = submit(page, SPEAKERS_TEXT, HOSTILE_PUBLISHED)["claims"]
    assert claims, "the engine found no claim"
    top = min(claims, key=lambda claim: claim["rank"])
    page.fill("#claim-threshold", page.locator("#claim-threshold").get_attribute("min"))
    claim_mark(page, top).focus()
    tip = page.locator("#tip")
    assert f"Rank {top['rank']} of {len(claims)} (1 = most check-worthy)" in tip.inner_text()

    with_rank = False
    claims = submit(page, SPEAKERS_TEXT, HOSTILE_PUBLISHED)["claims"]
    page.fill("#claim-threshold", page.locator("#claim-threshold").get_attribute("min"))
    claim_mark(page, claims[0]).focus()
    assert "check-worthiness" in tip.inner_text()
    assert "Rank" not in tip.inner_text()


def test_result_scrolls_into_view_and_takes_focus_after_submitting(browser: Any, server_url: str) -> None:
    # Short enough a window that the result starts below the fold.
    context = browser.new_context(viewport={"width": 1200, "height": 500})
    try:
        page = context.new_page()
        page.goto(server_url + "/")
        page.wait_for_selector("#extract-form[data-ready]", state="attached")
        assert page.evaluate("() => window.scrollY") == 0
        submit(page, HOSTILE_TEXT, HOSTILE_PUBLISHED)
        # Smooth scrolling takes a moment: wait for the result's top to reach the window's top.
        page.wait_for_function(
            "() => Math.abs(document.getElementById('result').getBoundingClientRect().top) < 2",
            timeout=RENDER_TIMEOUT_MS,
        )
        assert page.evaluate("() => window.scrollY") > 0
        assert page.evaluate("() => document.activeElement.id") == "result"
    finally:
        context.close()


def fail_with_503(route: Any) -> None:
    body = {"code": "model_unavailable", "message": "The model is loading."}
    route.fulfill(status=503, content_type="application/json", body=json.dumps(body))


@pytest.mark.parametrize("failure", ["text_too_long", "server_error", "unreachable", "empty_text"])
def test_an_error_clears_the_previous_result(page: Any, failure: str) -> None:
    submit(page, HOSTILE_TEXT, HOSTILE_PUBLISHED)
    assert page.locator("#article mark.hl").count() > 0

    if failure == "text_too_long":
        # One character over the API's default MAX_TEXT_CHARS (1,000,000): refused before any parsing.
        response = post(page, "a" * 1_000_001, HOSTILE_PUBLISHED)
        assert response.status == 413
        expected = "text_too_long"
    elif failure == "server_error":
        page.route("**/v1/extractions", fail_with_503)
        assert post(page, HOSTILE_TEXT, HOSTILE_PUBLISHED).status == 503
        expected = "The model is loading."
    elif failure == "unreachable":
        page.route("**/v1/extractions", lambda route: route.abort("connectionrefused"))
        page.fill("#article-text", HOSTILE_TEXT)
        page.click("#extract-button", no_wait_after=True)
        expected = "could not be reached"
    else:
        page.fill("#article-text", "   ")
        page.click("#extract-button", no_wait_after=True)
        expected = "Paste an article first."

    status = page.locator("#status.error")
    status.wait_for()
    assert expected in status.text_content()
    assert page.locator("#result").is_hidden()
    assert page.locator("#article").text_content() == ""
    assert page.locator("#speaker-list").text_content() == ""
    assert page.locator("#extraction-id").text_content() == ""
    assert not page.locator("#tip").is_visible()


def test_speaker_panel_lists_people_and_organizations_and_sets_apart_quotes_without_one(page: Any) -> None:
    extraction = submit(page, SPEAKERS_TEXT, HOSTILE_PUBLISHED)
    entities = {entity["id"]: entity for entity in extraction["entities"]}

    def speaker_of(quote: dict[str, Any]) -> str | None:
        entity = entities.get((quote["speaker"] or {}).get("entity_id"))
        return entity["name"] if entity and entity["type"] in ("person", "organization") else None

    named: dict[str, list[str]] = {}
    unnamed: list[str] = []
    for quote in extraction["quotes"]:
        name = speaker_of(quote)
        (named.setdefault(name, []) if name else unnamed).append(quote["id"])
    # What this text is for: each kind of speaker the panel must tell apart.
    assert {"Lena Park", "Harbour Authority"} <= named.keys(), named
    kinds = {(quote["speaker"] or {}).get("text", "").lower(): speaker_of(quote) for quote in extraction["quotes"]}
    assert kinds.get("it", "missing") is None and kinds.get("france", "missing") is None, kinds

    groups = page.locator(".speaker-group[data-speaker]")
    shown = {
        group.get_attribute("data-speaker"): group.locator(".quote-link").evaluate_all(
            "links => links.map(link => link.dataset.quoteId)"
        )
        for group in groups.all()
    }
    assert shown == named
    assert {group.get_attribute("data-type") for group in groups.all()} <= {"person", "organization"}

    section = page.locator(".unnamed-quotes")
    assert section.locator("h4").text_content() == "Quotes without a named speaker"
    assert section.locator(".quote-link").evaluate_all("links => links.map(link => link.dataset.quoteId)") == unnamed
    headings = [heading.lower() for heading in page.locator("#speaker-list h4").all_text_contents()]
    for not_a_speaker in ("it", "france", "no speaker found"):
        assert not any(heading.startswith(not_a_speaker) for heading in headings), headings
    # Quote and attribution text stay text in the panel too.
    assert page.locator("#speaker-list b, #speaker-list i").count() == 0
    assert "<b>Nobody</b> asked us" in section.text_content()
