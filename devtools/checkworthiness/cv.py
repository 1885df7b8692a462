"""Cross-validation grouped by debate over train + dev: how a recipe does on debates it never saw.

The CT24 files carry no debate name, but Sentence_id runs through each debate in order (a debate
is ~1,000 consecutive ids) and dev is a random sample of the same debates as train. So the folds
are FOLDS contiguous runs of Sentence_id over train and dev pooled: every debate but the few cut
at a fold edge lies in one fold, and a dev sentence falls in its debate's fold. (Random folds,
or dev scored by a model fitted on train, put sentences of one debate on both sides: AP 0.96
there against ~0.76 on unseen debates.)

Each fold is scored by models fitted on the other folds. Its F1 is taken at a threshold chosen
without it: Platt calibration and the best-F1 cut are fitted on the other folds' out-of-fold
scores, then applied to the fold. The summary is the mean and the spread (standard deviation)
over folds of F1 and of average precision; dev-test is never read here.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

import numpy as np

from devtools.checkworthiness.metrics import average_precision, best_f1_threshold

FOLDS = 6
FIT_THREADS = 2


def debate_folds(sentence_ids: list[str], folds: int = FOLDS) -> np.ndarray:
    """Each sentence's fold, 0 for the lowest ids: equal-sized contiguous runs of Sentence_id."""
    ids = np.array([int(i) for i in sentence_ids])
    edges = np.quantile(ids, np.linspace(0.0, 1.0, folds + 1))[1:-1]
    return np.searchsorted(edges, ids, side="right")


def out_of_fold(fit_and_score: Callable[[np.ndarray, np.ndarray], np.ndarray], n: int, groups: np.ndarray,
                log: Callable[[str], None] = print) -> np.ndarray:
    """Scores for n rows, each fold's by fit_and_score(train_rows, held_rows) fitted without it."""
    scores = np.zeros(n)

    def one(fold: int) -> None:
        held = groups == fold
        scores[held] = fit_and_score(~held, held)
        log(f"  fold {fold}: {int(held.sum())} sentences scored by a model fitted on the other folds")

    # liblinear and numpy release the GIL, so folds fit in parallel threads.
    with ThreadPoolExecutor(max_workers=FIT_THREADS) as pool:
        list(pool.map(one, np.unique(groups).tolist()))
    return scores


def platt(margins: np.ndarray, labels: np.ndarray) -> tuple[float, float]:
    """Logistic calibration a, b: probability = 1 / (1 + exp(-(a * margin + b)))."""
    from sklearn.linear_model import LogisticRegression

    # Nearly unregularized: two parameters fitted on thousands of sentences.
    fitted = LogisticRegression(C=1e4).fit(margins.reshape(-1, 1), labels)
    return float(fitted.coef_[0, 0]), float(fitted.intercept_[0])


def calibrate(margins: np.ndarray, a: float, b: float) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-(a * margins + b)))


def f1_at(labels: np.ndarray, scores: np.ndarray, threshold: float) -> float:
    predicted = scores >= threshold
    tp = int((predicted & (labels == 1)).sum())
    denominator = int(predicted.sum()) + int(labels.sum())
    return 2 * tp / denominator if denominator else 0.0


def fold_scores(labels: np.ndarray, margins: np.ndarray, groups: np.ndarray) -> list[dict]:
    """Per fold: AP of its out-of-fold margins, and F1 at a threshold fitted on the other folds only."""
    rows = []
    for fold in np.unique(groups).tolist():
        held = groups == fold
        a, b = platt(margins[~held], labels[~held])
        threshold, _ = best_f1_threshold(labels[~held], calibrate(margins[~held], a, b))
        probabilities = calibrate(margins[held], a, b)
        rows.append({
            "fold": fold,
            "sentences": int(held.sum()),
            "positives": int(labels[held].sum()),
            "threshold": round(threshold, 4),
            "f1": round(f1_at(labels[held], probabilities, threshold), 4),
            "average_precision": round(average_precision(labels[held], margins[held]), 4),
        })
    return rows


def summarize(rows: list[dict]) -> dict:
    """Mean and spread (population standard deviation) over folds of F1 and AP, with the folds themselves."""
    f1 = np.array([r["f1"] for r in rows])
    ap = np.array([r["average_precision"] for r in rows])
    return {
        "folds": len(rows),
        "f1_mean": round(float(f1.mean()), 4),
        "f1_std": round(float(f1.std()), 4),
        "ap_mean": round(float(ap.mean()), 4),
        "ap_std": round(float(ap.std()), 4),
        "per_fold": rows,
    }


def line(name: str, summary: dict) -> str:
    return (f"{name}: F1 {summary['f1_mean']:.3f} ± {summary['f1_std']:.3f}   "
            f"AP {summary['ap_mean']:.3f} ± {summary['ap_std']:.3f}   ({summary['folds']} folds by debate)")
