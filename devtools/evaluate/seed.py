"""The seed article's hand-checked expectations (../shared/eval/seed), checked item by item."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from factextract.models import Claim, Extraction, Figure, Quote

CATEGORIES = ("quotes", "indirect", "figures", "dates", "not_figures", "claims")


@dataclass(frozen=True)
class Check:
    category: str
    expected: dict
    ok: bool
    found: str


def _same(a: str | None, b: str | None) -> bool:
    return (a or "").strip().lower() == (b or "").strip().lower()


def _speaker_matches(quote: Quote, want: dict) -> bool:
    speaker = quote.speaker
    if speaker is None or not _same(speaker.name, want["speaker"]):
        return False
    if "speaker_mention" in want and not _same(speaker.text, want["speaker_mention"]):
        return False
    return "speaker_role_contains" not in want or want["speaker_role_contains"] in (speaker.role or "")


def _quote_ok(quote: Quote, want: dict) -> bool:
    return (
        quote.type == want["type"]
        and quote.text.lstrip().startswith(want["starts_with"])
        and _speaker_matches(quote, want)
        and quote.cue is not None
        and (_same(quote.cue.text, want["cue"]) or _same(quote.cue.lemma, want["cue"]))
    )


def _indirect_ok(quote: Quote, want: dict) -> bool:
    return quote.type == "indirect" and want["contains"] in quote.text and _speaker_matches(quote, want)


def _figure_ok(figure: Figure, want: dict) -> bool:
    return (
        want["text_contains"] in figure.text
        and figure.kind == want["kind"]
        and figure.value == want["value"]
        and _same(figure.qualifier, want.get("qualifier"))
        and want.get("counted_contains", "") in (figure.counted or "")
    )


def _date_ok(figure: Figure, want: dict) -> bool:
    return figure.kind == "date" and figure.text == want["text"] and figure.value == want["value"]


def _claim_ok(claim: Claim, want: dict) -> bool:
    return want["contains"] in claim.text and ("claimant" not in want or _same(claim.claimant, want["claimant"]))


def _describe(items: list[BaseModel]) -> str:
    return "; ".join(item.model_dump_json(include={"type", "kind", "text", "value", "speaker", "claimant"})
                     for item in items[:3]) or "nothing"


def check(extraction: Extraction, text: str, expected: dict) -> list[Check]:
    """One Check per expectation: each quote, reported speech, figure, date, non-figure and claim."""
    checks = []

    def add(category: str, want: dict, candidates: list, ok: Callable[[Any, dict], bool]) -> None:
        hits = [item for item in candidates if ok(item, want)]
        checks.append(Check(category, want, bool(hits), _describe(hits or candidates)))

    for want in expected.get("quotes", []):
        near = [q for q in extraction.quotes if q.text.lstrip().startswith(want["starts_with"][:20])]
        add("quotes", want, near, _quote_ok)
    for want in expected.get("indirect", []):
        near = [q for q in extraction.quotes if want["contains"] in q.text]
        add("indirect", want, near, _indirect_ok)
    for want in expected.get("figures", []):
        add("figures", want, [f for f in extraction.figures if want["text_contains"] in f.text], _figure_ok)
    for want in expected.get("dates", []):
        add("dates", want, [f for f in extraction.figures if f.text == want["text"]], _date_ok)
    for phrase in expected.get("not_figures", []):
        start = text.find(phrase)
        end = start + len(phrase)
        inside = [f for f in extraction.figures if start >= 0 and f.start < end and start < f.end]
        checks.append(Check("not_figures", {"text": phrase}, start >= 0 and not inside, _describe(inside)))
    for want in expected.get("claims", []):
        add("claims", want, [c for c in extraction.claims if want["contains"] in c.text], _claim_ok)
    return checks


def load(data: Path) -> tuple[str, dict]:
    seed = data / "seed"
    text = (seed / "article.txt").read_text(encoding="utf-8")
    expected = json.loads((seed / "expected.json").read_text(encoding="utf-8"))
    return text, expected


def evaluate(data: Path) -> dict:
    from factextract.pipeline import extract

    text, expected = load(data)
    checks = check(extract({"text": text, "published_at": expected["published_at"]}), text, expected)
    result: dict = {"passed": sum(c.ok for c in checks), "total": len(checks), "by_category": {}, "failures": []}
    for category in CATEGORIES:
        mine = [c for c in checks if c.category == category]
        result["by_category"][category] = f"{sum(c.ok for c in mine)}/{len(mine)}"
    failed = [c for c in checks if not c.ok]
    result["failures"] = [{"category": c.category, "expected": c.expected, "found": c.found} for c in failed]
    return result


def report(result: dict) -> str:
    lines = [f"seed article: {result['passed']}/{result['total']} expectations met"]
    lines += [f"  {category:<12} {score}" for category, score in result["by_category"].items()]
    lines += [f"  FAIL {f['category']}: {json.dumps(f['expected'])} -> found {f['found']}" for f in result["failures"]]
    return "\n".join(lines)
