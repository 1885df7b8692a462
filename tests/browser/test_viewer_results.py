"""The viewer after a result arrives: claims shaded by score under a threshold slider, scrolling to the result,
errors that clear the old result, and a speaker panel of people and organizations (issue 21's viewer fixes)."""

from __future__ import annotations

import json
import math
import re
from pathlib import Path
from typing import Any

import pytest

from tests.browser.harness import HOSTILE_PUBLISHED, HOSTILE_TEXT, RENDER_TIMEOUT_MS, post, submit

# Quotes by a person, an organization, an unresolved "it", a place and a survey: only the first two are speakers.
SPEAKERS_TEXT = (
    "Harbour plan\nThe harbour council will spend $3 million on a new ferry. "
    '"We will open the route in May," Mayor Lena Park said on Monday. '
    '"The money is already in the budget," the Harbour Authority said in a statement. '
    '"It will not be enough," it added. France said the plan broke the treaty. '
    '"Ferries are half empty in winter," a council survey found. "<b>Nobody</b> asked us," said <i>Tom</i>.\n'
)


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
    assert len(scores) >= 3, scores
    floor = slider_floor(claims)

    # The slider has a label, starts at the weakest claim the API returned and goes no lower.
    slider = page.get_by_label("Claims from check-worthiness")
    assert slider.get_attribute("id") == "claim-threshold"
    assert float(slider.get_attribute("min")) == floor
    assert float(slider.input_value()) == floor
    assert page.locator("#claim-threshold-value").text_content() == f"{floor:.2f}"

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

    check(floor)
    # Stronger claims are shaded stronger.
    shaded = sorted((claim["checkworthiness"], background_alpha(claim_mark(page, claim))) for claim in claims)
    alphas = [alpha for _, alpha in shaded]
    assert alphas == sorted(alphas) and alphas[0] < alphas[-1], shaded

    raised = math.floor(scores[-2] * 100) / 100
    page.fill("#claim-threshold", f"{raised:.2f}")
    assert page.locator("#claim-threshold-value").text_content() == f"{raised:.2f}"
    check(raised)
    # A hidden claim says nothing on hover.
    hidden = next(claim for claim in claims if claim["checkworthiness"] < raised)
    claim_mark(page, hidden).hover()
    tip = page.locator("#tip")
    assert not (tip.is_visible() and "Claim" in tip.inner_text()), "a claim under the threshold shows its details"
    page.mouse.move(0, 0)
    page.fill("#claim-threshold", slider.get_attribute("min"))
    check(floor)


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
