"""Claims: the model's grouped cross-validation, the dev-test check, and our annotated news set.

- Grouped CV (train + dev, folds by debate) is read from the model file, where training recorded
  it, beside the same figures for the recipe shipped before (devtools/checkworthiness/cv.py).
- dev-test (CheckThat! 2024 English) is evaluation only: each sentence is parsed on its own and
  scored exactly as claims.py scores an article's sentences, at the model's debate threshold. It is
  looked at once per candidate that ships, never to choose anything.
- The news set (news_claims.py) is scored at the API's default threshold (the model's news threshold).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

from devtools.checkworthiness.data import parse, read_split
from devtools.checkworthiness.metrics import average_precision
from devtools.evaluate import news_claims
from factextract.checkworthiness.features import sentence_features
from factextract.checkworthiness.model import claim_threshold, load_model

SPLIT = "dev-test"
WORST = 10


def _cpu_ms_per_item(function: Callable[[Any], Any], items: list, repeats: int = 3) -> float:
    best = float("inf")
    for _ in range(repeats):
        started = time.process_time()
        for item in items:
            function(item)
        best = min(best, time.process_time() - started)
    return best * 1000 / max(len(items), 1)


def evaluate(data: Path) -> dict:
    split = read_split(data / "claims", SPLIT)
    model = load_model()
    threshold = model.threshold
    docs = parse(split)
    spans = [doc[:] for doc in docs]
    # Rounded as claims.py rounds them before comparing with the threshold.
    features = [sentence_features(span) for span in spans]
    scores = np.array([round(model.score(f), 4) for f in features])
    # CPU time, best of three: wall time on a shared machine measures the neighbours.
    per_sentence_ms = _cpu_ms_per_item(lambda span: model.score(sentence_features(span)), spans)
    dot_ms = _cpu_ms_per_item(model.margin, features)

    labels = split.labels.astype(bool)
    predicted = scores >= threshold
    tp = int((predicted & labels).sum())
    fp = int((predicted & ~labels).sum())
    fn = int((~predicted & labels).sum())
    tn = int((~predicted & ~labels).sum())
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    # The worst errors are the most confident wrong answers, on either side of the threshold.
    wrong = np.flatnonzero(predicted != labels)
    worst = sorted(wrong, key=lambda i: -abs(scores[i] - threshold))[:WORST]
    return {
        "grouped_cv": model.meta.get("grouped_cv"),
        "grouped_cv_previous_recipe": model.meta.get("grouped_cv_previous_recipe"),
        "news": news_claims.evaluate(data, claim_threshold(model)),
        "split": SPLIT,
        "sentences": len(docs),
        "positives": int(labels.sum()),
        "threshold": threshold,
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(f1, 4),
        "average_precision": round(average_precision(split.labels, scores), 4),
        "confusion": {"tp": tp, "fp": fp, "fn": fn, "tn": tn},
        "scoring_ms_per_sentence": round(per_sentence_ms, 4),
        "model_ms_per_sentence_given_features": round(dot_ms, 4),
        "worst_errors": [
            {"id": split.ids[i], "gold": "Yes" if labels[i] else "No", "score": round(float(scores[i]), 3),
             "text": split.texts[i]}
            for i in worst
        ],
    }


def report(result: dict) -> str:
    c = result["confusion"]
    lines = []
    for name, key in (("this model", "grouped_cv"), ("recipe shipped before", "grouped_cv_previous_recipe")):
        cv = result.get(key)
        if cv:
            lines.append(f"grouped CV, {name} ({cv['folds']} folds by debate over train + dev): "
                         f"F1 {cv['f1_mean']:.3f} ± {cv['f1_std']:.3f}   AP {cv['ap_mean']:.3f} ± {cv['ap_std']:.3f}")
    lines += [
        f"claims ({result['split']}, {result['sentences']} sentences, {result['positives']} check-worthy; "
        f"threshold {result['threshold']:.3f}):",
        f"  positive class: precision {result['precision']:.3f}  recall {result['recall']:.3f}  "
        f"F1 {result['f1']:.3f}   average precision {result['average_precision']:.3f}",
        f"  scoring after parsing: {result['scoring_ms_per_sentence']:.3f} CPU ms/sentence "
        f"(features + model; model alone {result['model_ms_per_sentence_given_features']:.4f} ms)",
        "                 predicted Yes  predicted No",
        f"  gold Yes       {c['tp']:>13}  {c['fn']:>12}",
        f"  gold No        {c['fp']:>13}  {c['tn']:>12}",
        f"  {len(result['worst_errors'])} worst errors (most confident wrong scores):",
    ]
    lines += [f"    gold {e['gold']:<3} score {e['score']:.3f}  [{e['id']}] {e['text'][:150]}"
              for e in result["worst_errors"]]
    lines += news_claims.report(result["news"])
    return "\n".join(lines)
