"""Claims on our own annotated news set: check-worthy sentences of PolNeAR dev articles, labelled by hand.

devtools/annotations/news_checkworthy.jsonl holds, per sentence unit that claims.py scores, the
article file name, the offsets and the label (devtools/annotations/README.md says how it was made);
news_kinds.jsonl holds the Full Fact claim type of a sample of the check-worthy ones. The texts stay
in ../shared/eval/quotes/polnear-dev/text. Every article goes through the engine at threshold 0, so
each sentence that is not news furniture comes back with its score; furniture never does.
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

import numpy as np

from factextract.pipeline import Extractor
from factextract.settings import Settings

ANNOTATIONS = Path(__file__).resolve().parent.parent / "annotations"
SENTENCES_FILE = ANNOTATIONS / "news_checkworthy.jsonl"
KINDS_FILE = ANNOTATIONS / "news_kinds.jsonl"
TEXTS = Path("quotes") / "polnear-dev" / "text"
# The claim rate must stay within this many points of the annotated rate (issue #18).
RATE_TOLERANCE = 0.10


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def scored(data: Path, model_path: Path | None = None) -> tuple[list[dict], dict[tuple[str, int, int], list[str]]]:
    """The annotated sentences, each with the engine's score (-1 for furniture), and every claim's kinds."""
    rows = read_jsonl(SENTENCES_FILE)
    extractor = Extractor(Settings(claim_threshold=0.0, checkworthiness_model=model_path))
    by_article: dict[str, list[dict]] = defaultdict(list)
    for row in rows:
        by_article[row["article"]].append(row)
    kinds: dict[tuple[str, int, int], list[str]] = {}
    for article, units in by_article.items():
        text = (data / TEXTS / article).read_text(encoding="utf-8")
        scores = {}
        for claim in extractor.extract(text).claims:
            key = (article, claim.sentence.start, claim.sentence.end)
            scores[key[1:]] = claim.checkworthiness
            kinds[key] = list(claim.kinds)
        for unit in units:
            unit["score"] = scores.get((unit["start"], unit["end"]), -1.0)
    return rows, kinds


def at(labels: np.ndarray, scores: np.ndarray, threshold: float) -> dict:
    predicted = scores >= threshold
    tp = int((predicted & labels).sum())
    precision = tp / max(int(predicted.sum()), 1)
    recall = tp / max(int(labels.sum()), 1)
    return {
        "threshold": round(threshold, 4),
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(2 * precision * recall / (precision + recall) if precision + recall else 0.0, 4),
        "claim_rate": round(float(predicted.mean()), 4),
    }


def best_threshold(labels: np.ndarray, scores: np.ndarray) -> float:
    """The cut with the best F1 among those whose claim rate is within RATE_TOLERANCE of the annotated rate."""
    rate = labels.mean()
    candidates = sorted({round(float(s), 4) for s in scores if s >= 0})
    allowed = [t for t in candidates if abs((scores >= t).mean() - rate) <= RATE_TOLERANCE] or candidates
    return max(allowed, key=lambda t: (at(labels, scores, t)["f1"], t))


def leave_one_article_out(rows: list[dict]) -> dict:
    """F1 and claim rate when each article's threshold is chosen on the other articles only."""
    articles = np.array([r["article"] for r in rows])
    labels = np.array([r["checkworthy"] for r in rows], dtype=bool)
    scores = np.array([r["score"] for r in rows])
    predicted = np.zeros(len(rows), dtype=bool)
    for article in np.unique(articles):
        held = articles == article
        predicted[held] = scores[held] >= best_threshold(labels[~held], scores[~held])
    tp = int((predicted & labels).sum())
    denominator = int(predicted.sum()) + int(labels.sum())
    f1 = 2 * tp / denominator if denominator else 0.0
    return {"f1": round(f1, 4), "claim_rate": round(float(predicted.mean()), 4)}


def kinds_accuracy(kinds: dict[tuple[str, int, int], list[str]]) -> dict:
    """How often the claim's kinds name the annotated Full Fact type, and how often that type alone."""
    gold = read_jsonl(KINDS_FILE)
    found = [(g, kinds.get((g["article"], g["start"], g["end"]))) for g in gold]
    found = [(g, k) for g, k in found if k is not None]
    types = ("quantity", "prediction", "causation", "rules", "personal", "other")
    hit = sum(g["type"] in k for g, k in found)
    exact = sum([t for t in k if t in types] == [g["type"]] for g, k in found)
    per_type = {
        t: f"{sum(g['type'] in k for g, k in found if g['type'] == t)}/{sum(g['type'] == t for g, _ in found)}"
        for t in types
    }
    return {"sample": len(gold), "scored": len(found), "type_named": round(hit / max(len(found), 1), 4),
            "type_exact": round(exact / max(len(found), 1), 4), "per_type": per_type}


def evaluate(data: Path, threshold: float, model_path: Path | None = None) -> dict:
    rows, kinds = scored(data, model_path)
    labels = np.array([r["checkworthy"] for r in rows], dtype=bool)
    scores = np.array([r["score"] for r in rows])
    return {
        "articles": len({r["article"] for r in rows}),
        "sentences": len(rows),
        "annotated_rate": round(float(labels.mean()), 4),
        "furniture": int((scores < 0).sum()),
        "at_default_threshold": at(labels, scores, threshold),
        "best_on_news": at(labels, scores, best_threshold(labels, scores)),
        "leave_one_article_out": leave_one_article_out(rows),
        "kinds": kinds_accuracy(kinds) if KINDS_FILE.exists() else None,
    }


def report(result: dict) -> list[str]:
    d, k = result["at_default_threshold"], result["kinds"]
    lines = [
        f"news set ({result['articles']} PolNeAR dev articles, {result['sentences']} sentences, annotated rate "
        f"{result['annotated_rate']:.3f}; {result['furniture']} furniture sentences never scored):",
        f"  at the API's threshold {d['threshold']:.3f}: precision {d['precision']:.3f}  recall {d['recall']:.3f}  "
        f"F1 {d['f1']:.3f}  claim rate {d['claim_rate']:.3f}",
        f"  threshold chosen per article on the others: F1 {result['leave_one_article_out']['f1']:.3f}  "
        f"claim rate {result['leave_one_article_out']['claim_rate']:.3f}",
    ]
    if k:
        lines.append(f"  kinds on {k['scored']} annotated claims: Full Fact type named {k['type_named']:.3f}, "
                     f"the only type {k['type_exact']:.3f}; per type {k['per_type']}")
    return lines
