"""Quotes on the PolNeAR dev split, scored by the project's official scorer, plus the edge cases.

The scorer (../shared/eval/score/quote_eval.py) is imported by path so the figures printed here
are the ones the project is judged by; predictions go to a temporary folder it reads.
"""

from __future__ import annotations

import contextlib
import io
import json
import tempfile
from pathlib import Path
from types import ModuleType

from devtools.evaluate import official_scorer
from factextract.data.people import TITLES
from factextract.models import Article, FollowUpQuotes, Quote

POLNEAR = Path("quotes") / "polnear-dev"
EDGE_CASES = Path("quotes") / "edge_cases.jsonl"
# The project's own annotation of who "he said" and "the spokesman said" refer to on the dev split
# (offsets and surnames only; its README says how it was made).
REFERENTS = Path(__file__).resolve().parents[1] / "annotations" / "speaker_referents.jsonl"
# Lower bounds of the confidence bands speaker accuracy is reported in.
CONFIDENCE_BANDS = (0.85, 0.7, 0.55, 0.0)
# Words that may stand before a name without changing who is meant ("Mayor Ana Ortiz").
_NAME_NOISE = TITLES | {"the", "a", "an"}


def _key(name: str | None) -> str:
    words = [w.strip(".,").lower() for w in (name or "").split()]
    kept = [w for w in words if w not in _NAME_NOISE]
    return " ".join(kept or words)


def same_name(expected: str | None, found: str | None) -> bool:
    """Names match when they agree once titles and articles are set aside."""
    return bool(expected) and _key(expected) == _key(found)


def _clean(text: str) -> str:
    return text.strip().rstrip(",;").strip()


def case_failures(case: dict, quotes: list[Quote]) -> list[str]:
    """What an edge case expects and the quotes do not deliver (empty when the case passes)."""
    failures = []
    if not case["expected"] and quotes:
        failures.append(f"expected no quote, found {[q.text for q in quotes]}")
    for want in case["expected"]:
        def text_of(quote: Quote) -> str:
            return quote.content.text if quote.type == "partial" and quote.content else quote.text

        hits = [q for q in quotes if _clean(text_of(q)) == _clean(want["quote"])]
        if not hits:
            failures.append(f"no quote {want['quote']!r} in {[text_of(q) for q in quotes]}")
            continue
        quote = next((q for q in hits if q.type == want["type"]), hits[0])
        speaker = quote.speaker
        if quote.type != want["type"]:
            failures.append(f"{want['quote']!r}: type {quote.type} != {want['type']}")
        named = speaker is not None and (
            same_name(want["speaker"], speaker.text) or same_name(want["speaker"], speaker.name)
        )
        if speaker is None or not named:
            failures.append(f"{want['quote']!r}: speaker {speaker and speaker.text!r} != {want['speaker']!r}")
        elif want.get("speaker_resolved") and not same_name(want["speaker_resolved"], speaker.name):
            failures.append(f"{want['quote']!r}: resolved {speaker.name!r} != {want['speaker_resolved']!r}")
        cue = quote.cue
        if want["cue"] is None:
            if cue is not None:
                failures.append(f"{want['quote']!r}: cue {cue.text!r}, expected none")
        elif cue is None or not (
            want["cue"] in (cue.text, cue.lemma) or cue.text.lower() in want["cue"].lower().split()
        ):
            failures.append(f"{want['quote']!r}: cue {cue and cue.text!r} != {want['cue']!r}")
    return failures


def quotes_in(text: str) -> list[Quote]:
    """The quote extractor alone over one text (the same steps extract() runs for quotes)."""
    from factextract.doc_view import DocView
    from factextract.entities import resolve_entities
    from factextract.nlp import load_pipeline
    from factextract.quotes import find_quotes

    view = DocView.of(load_pipeline()(text))
    return find_quotes(view, resolve_entities(view))


def load_edge_cases(data: Path) -> list[dict]:
    lines = (data / EDGE_CASES).read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def _polnear(data: Path, follow_up_quotes: FollowUpQuotes) -> dict:
    """The official scorer's figures for the engine's own output on every PolNeAR dev text, with the
    figures it leaves out (indirect precision, speaker accuracy per confidence band) computed by its own
    matching rules, and resolution to the named referent on the project's annotation."""
    from factextract.pipeline import extract_many

    texts = sorted((data / POLNEAR / "text").glob("*.txt"))
    articles = [
        Article(id=path.stem, text=path.read_text(encoding="utf-8"), follow_up_quotes=follow_up_quotes)
        for path in texts
    ]
    scorer = official_scorer(data, "quote_eval")
    gold_path, text_dir = data / POLNEAR / "gold.jsonl", data / POLNEAR / "text"
    with tempfile.TemporaryDirectory() as folder:
        for extraction in extract_many(articles):
            (Path(folder) / f"{extraction.id}.json").write_text(extraction.model_dump_json(), encoding="utf-8")
        with contextlib.redirect_stdout(io.StringIO()):
            names = str(REFERENTS) if REFERENTS.is_file() else None
            result = scorer.main(str(gold_path), folder, True, str(text_dir), names)
        result.update(matched_figures(scorer, gold_path, Path(folder), text_dir))
    return result


def _band(confidence: float) -> str:
    return next(f">={low:.2f}" for low in CONFIDENCE_BANDS if confidence >= low)


def matched_figures(scorer: ModuleType, gold_path: Path, pred_dir: Path, text_dir: Path) -> dict:
    """Indirect precision (predicted indirect quotes matching any gold attribution) and, on direct and
    partial quotes matched one to one as the scorer matches them, speaker accuracy per confidence band."""
    gold: dict[str, list[dict]] = {}
    for line in gold_path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        if record["content"]:
            gold.setdefault(record["article"], []).append(record)
    indirect = {"predicted": 0, "correct": 0}
    bands: dict[str, list[int]] = {}
    for article, records in gold.items():
        text = (text_dir / f"{article}.txt").read_text(encoding="utf-8")
        quotes = json.loads((pred_dir / f"{article}.json").read_text(encoding="utf-8"))["quotes"]
        found = [(q, scorer.words(text, [tuple(s) for s in q["spans"]])) for q in quotes]
        targets = [(r, scorer.gold_targets(text, r)) for r in records]
        for quote, words in found:
            if quote["type"] == "indirect":
                indirect["predicted"] += 1
                indirect["correct"] += any(scorer.overlap_ok(t, words) for _, ts in targets for t in ts)
        used: set[int] = set()
        for record, ts in targets:
            best = next((i for i, (_, w) in enumerate(found) if i not in used and any(
                scorer.overlap_ok(t, w) for t in ts)), None)
            if best is None:
                continue
            used.add(best)
            quote = found[best][0]
            if record["quote_type"] != "indirect" and record["source"] and quote["type"] != "indirect":
                right = scorer.speaker_ok(text, record, quote.get("speaker"))
                tally = bands.setdefault(_band(quote["confidence"]), [0, 0])
                tally[0] += right
                tally[1] += 1
    return {
        "indirect_precision": round(indirect["correct"] / max(indirect["predicted"], 1), 3),
        "indirect_predicted": indirect["predicted"],
        "speaker_by_band": {band: (round(ok / n, 3), n) for band, (ok, n) in sorted(bands.items(), reverse=True)},
    }


def evaluate(data: Path) -> dict:
    """PolNeAR dev under the default convention, and under the one its annotators used for follow-up
    quotes ("A," she said. "B." is one attribution there); the edge cases under the default."""
    result = _polnear(data, "separate")
    result["joined"] = _polnear(data, "joined")
    cases = load_edge_cases(data)
    failed = {case["id"]: case_failures(case, quotes_in(case["text"])) for case in cases}
    result["edge_cases"] = {
        "passed": sum(1 for f in failed.values() if not f),
        "total": len(cases),
        "failures": {k: v for k, v in failed.items() if v},
    }
    return result


def report(result: dict) -> str:
    dp = result["direct+partial"]
    edge = result["edge_cases"]
    lines = [
        f"quotes (PolNeAR dev, {result['articles']} articles):",
        f"  direct+partial  P {dp['precision']:.3f}  R {dp['recall']:.3f}  F1 {dp['f1']:.3f}  "
        f"speaker {dp['speaker_acc']:.3f}  ({dp['predicted']} predicted)",
    ]
    if "joined" in result:
        joined = result["joined"]["direct+partial"]
        lines.append(
            f"  follow-ups joined (PolNeAR's convention)  P {joined['precision']:.3f}  R {joined['recall']:.3f}  "
            f"F1 {joined['f1']:.3f}  speaker {joined['speaker_acc']:.3f}  ({joined['predicted']} predicted)"
        )
    for kind in ("direct", "partial", "indirect"):
        row = result[kind]
        line = f"  {kind:<15} recall {row['recall']:.3f}  speaker {row['speaker_acc']:.3f}  ({row['gold']} gold)"
        if kind == "indirect":
            precision, recall = result["indirect_precision"], row["recall"]
            f1 = 2 * precision * recall / max(precision + recall, 1e-9)
            line += f"  precision {precision:.3f}  F1 {f1:.3f}  ({result['indirect_predicted']} predicted)"
        lines.append(line)
    bands = "  ".join(f"{band} {acc:.3f} (n={n})" for band, (acc, n) in result["speaker_by_band"].items())
    lines.append(f"  speaker accuracy by confidence band (direct+partial): {bands}")
    if "resolved" in result:
        resolved = result["resolved"]
        lines.append(
            f"  pronoun/descriptor speakers resolved to the annotated referent {resolved['resolved_acc']:.3f}"
            f"  ({resolved['matched']} matched of {resolved['annotated']} annotated)"
        )
    lines.append(f"  edge cases      {edge['passed']}/{edge['total']} pass")
    lines += [f"    FAIL {case}: {'; '.join(why)}" for case, why in edge["failures"].items()]
    return "\n".join(lines)
