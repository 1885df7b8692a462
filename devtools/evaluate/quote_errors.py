"""The quote errors on the PolNeAR dev split, by category: gold attributions missed, predictions matching
nothing, and matched quotes with the wrong speaker, using the official scorer's matching rules.

    python -m devtools.evaluate.quote_errors [--data ../shared/eval] [--joined] [--show KIND] [--lemmas]

The parsed Docs are cached outside the checkout (the system's temporary folder), so a change to the
quote stages is measured in seconds; the cache never holds anything but the parse of the shared data.
`--lemmas` prints indirect precision per cue lemma, and the lemmas whose precision stays below a
threshold in every fold of a by-article cross-validation (the test for dropping a cue).
"""

from __future__ import annotations

import argparse
import json
import tempfile
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

from spacy.tokens import Doc, DocBin

from devtools.evaluate import official_scorer
from devtools.evaluate.quotes import POLNEAR

CACHE = Path(tempfile.gettempdir()) / "factextract-polnear-dev-docs.spacy"
# Cross-validation for the per-lemma test: articles in this many folds.
FOLDS = 4


def parsed(data: Path) -> Iterator[tuple[str, str, Doc]]:
    """(article, text, Doc) for every dev text, parsed once and cached."""
    from factextract.nlp import load_pipeline, parse_many

    paths = sorted((data / POLNEAR / "text").glob("*.txt"))
    texts = [(p.stem, p.read_text(encoding="utf-8")) for p in paths]
    nlp = load_pipeline()
    if CACHE.is_file():
        docs = list(DocBin().from_disk(CACHE).get_docs(nlp.vocab))
        if [d.text for d in docs] == [t for _, t in texts]:
            yield from ((name, text, doc) for (name, text), doc in zip(texts, docs, strict=True))
            return
    bin_ = DocBin(store_user_data=True)
    for doc, (name, text) in parse_many(nlp, ((text, (name, text)) for name, text in texts)):
        bin_.add(doc)
        yield name, text, doc
    bin_.to_disk(CACHE)


def predictions(data: Path, joined: bool) -> dict[str, tuple[str, list[dict]]]:
    from factextract.doc_view import DocView
    from factextract.entities import resolve_entities
    from factextract.quotes import find_quotes

    found = {}
    for name, text, doc in parsed(data):
        view = DocView.of(doc)
        quotes = find_quotes(view, resolve_entities(view), join_follow_ups=joined)
        found[name] = (text, [q.model_dump() for q in quotes])
    return found


def errors(scorer: ModuleType, gold_path: Path, found: dict[str, tuple[str, list[dict]]]) -> dict[str, list[dict]]:
    """missed:, edges:, speaker: <gold type> and unmatched:, part:, hit: <predicted type> records."""
    gold: dict[str, list[dict]] = defaultdict(list)
    for line in gold_path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        if record["content"]:
            gold[record["article"]].append(record)
    out: dict[str, list[dict]] = defaultdict(list)
    for article, records in gold.items():
        text, quotes = found[article]
        words = [scorer.words(text, [tuple(s) for s in q["spans"]]) for q in quotes]
        targets = [(r, scorer.gold_targets(text, r)) for r in records]
        for quote, w in zip(quotes, words, strict=True):
            ok = any(scorer.overlap_ok(t, w) for _, ts in targets for t in ts)
            # "part:" overlaps a gold attribution without matching it: half of a quote PolNeAR joins with its
            # follow-up, or a span with the wrong edges; "unmatched:" has no gold words at all.
            near = ok or any(w & t for _, ts in targets for t in ts)
            kind = "hit:" if ok else "part:" if near else "unmatched:"
            out[kind + quote["type"]].append({"article": article, "quote": quote})
        used: set[int] = set()
        for record, ts in targets:
            out["gold:" + record["quote_type"]].append({"article": article, "gold": record})
            best = next((i for i, w in enumerate(words) if i not in used and any(
                scorer.overlap_ok(t, w) for t in ts)), None)
            if best is None:
                # "missed" found nothing there; "edges" found an overlapping quote whose span is too long
                # or too short to match (its speaker is shown with it).
                near = next((q for q, w in zip(quotes, words, strict=True) if any(w & t for t in ts)), None)
                entry = {"article": article, "gold": record} | ({"quote": near} if near else {})
                out[("edges:" if near else "missed:") + record["quote_type"]].append(entry)
                continue
            used.add(best)
            quote = quotes[best]
            if record["source"] and record["quote_type"] != "indirect":
                right = scorer.speaker_ok(text, record, quote.get("speaker"))
                entry = {"article": article, "gold": record, "quote": quote}
                out[("right:" if right else "speaker:") + record["quote_type"]].append(entry)
    return out


def summary(found: dict[str, list[dict]]) -> str:
    """The bars' figures from the categories (the scorer's own arithmetic)."""
    n = {kind: len(records) for kind, records in found.items()}

    def total(prefix: str, kinds: tuple[str, ...]) -> int:
        return sum(n.get(f"{prefix}:{kind}", 0) for kind in kinds)

    dp = ("direct", "partial")
    dp_hits = total("hit", dp)
    precision = dp_hits / max(dp_hits + total("part", dp) + total("unmatched", dp), 1)
    recall = 1 - (total("missed", dp) + total("edges", dp)) / max(total("gold", dp), 1)
    speaker = total("right", dp) / max(total("right", dp) + total("speaker", dp), 1)
    ind = ("indirect",)
    ind_precision = total("hit", ind) / max(total("hit", ind) + total("part", ind) + total("unmatched", ind), 1)
    ind_recall = 1 - (total("missed", ind) + total("edges", ind)) / max(n.get("gold:indirect", 1), 1)
    return (f"direct+partial P {precision:.3f} R {recall:.3f} F1 {2 * precision * recall / (precision + recall):.3f}"
            f"  speaker {speaker:.3f}   indirect P {ind_precision:.3f} R {ind_recall:.3f}")


def _cue(quote: dict) -> str:
    return (quote.get("cue") or {}).get("lemma") or "-"


def lemma_precision(found: dict[str, list[dict]], threshold: float) -> list[str]:
    """Per cue lemma of indirect predictions: precision overall and per fold of articles; a lemma is a
    candidate to drop when it stays under threshold in every fold it occurs in."""
    by_lemma: dict[str, list[list[int]]] = defaultdict(lambda: [[0, 0] for _ in range(FOLDS)])
    articles = sorted({r["article"] for kind in ("hit:indirect", "unmatched:indirect") for r in found[kind]})
    fold = {a: i % FOLDS for i, a in enumerate(articles)}
    for kind in ("hit:indirect", "unmatched:indirect"):
        for record in found[kind]:
            tally = by_lemma[_cue(record["quote"])][fold[record["article"]]]
            tally[0] += kind.startswith("hit")
            tally[1] += 1
    lines = []
    for lemma, folds in sorted(by_lemma.items(), key=lambda kv: -sum(n for _, n in kv[1])):
        ok, n = sum(f[0] for f in folds), sum(f[1] for f in folds)
        per = [f"{a}/{b}" for a, b in folds]
        below = all(a / b < threshold for a, b in folds if b)
        flag = "  DROP?" if below and n >= 4 else ""
        lines.append(f"{lemma:<14} {ok / n:.2f} ({ok}/{n})  folds {' '.join(per)}{flag}")
    return lines


def _show(text: str, record: dict) -> str:
    if "gold" in record:
        gold = record["gold"]
        content = " | ".join(c["text"] for c in gold["content"])[:220]
        source = " / ".join(s["text"] for s in gold["source"])
        cue = " / ".join(c["text"] for c in gold["cue"])
        line = f"  GOLD [{source}] [{cue}] {content}"
        if "quote" in record:
            speaker = record["quote"].get("speaker") or {}
            cue = _cue(record["quote"])
            line += f"\n    PRED speaker {speaker.get('text')!r} -> {speaker.get('name')!r}  cue {cue}"
            if record["quote"]["text"] != content:
                line += f"\n    PRED {record['quote']['text'][:220]}"
        return line
    quote = record["quote"]
    speaker = quote.get("speaker") or {}
    return f"  PRED [{speaker.get('text')}] [{_cue(quote)}] {quote['text'][:220]}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/eval"))
    parser.add_argument("--joined", action="store_true", help="follow-up quotes joined (PolNeAR's convention)")
    parser.add_argument("--show", action="append", default=[], help="print the records of a category")
    parser.add_argument("--lemmas", type=float, metavar="THRESHOLD", help="indirect precision per cue lemma")
    args = parser.parse_args()
    scorer = official_scorer(args.data, "quote_eval")
    found = predictions(args.data, args.joined)
    result = errors(scorer, args.data / POLNEAR / "gold.jsonl", found)
    for kind in sorted(k for k in result if not k.startswith("gold:")):
        cues = Counter(_cue(r["quote"]) if "quote" in r else r["gold"]["cue"][0]["text"].lower()
                       if r["gold"]["cue"] else "-" for r in result[kind])
        print(f"{kind:<20} {len(result[kind]):>5}  top cues: {cues.most_common(8)}")
    print(summary(result))
    if args.lemmas is not None:
        print("\n".join(lemma_precision(result, args.lemmas)))
    for kind in args.show:
        print(f"\n== {kind}")
        for record in result[kind]:
            print(f"{record['article'][:40]}\n{_show(found[record['article']][0], record)}")


if __name__ == "__main__":
    main()
