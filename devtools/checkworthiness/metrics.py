"""Ranking and threshold metrics for binary check-worthiness scores, in numpy (no scikit-learn at run time)."""

from __future__ import annotations

import numpy as np


def best_f1_threshold(labels: np.ndarray, scores: np.ndarray) -> tuple[float, float]:
    """The score cut (predict positive at or above it) with the highest positive-class F1, and that F1."""
    order = np.argsort(-scores, kind="stable")
    ranked, hits = scores[order], labels[order]
    true_positives = np.cumsum(hits)
    predicted = np.arange(1, len(ranked) + 1)
    f1 = 2 * true_positives / (predicted + hits.sum())
    # Only cut between distinct scores: ties go to the same side.
    last_of_tie = np.append(ranked[1:] != ranked[:-1], True)
    best = int(np.argmax(np.where(last_of_tie, f1, -1.0)))
    return float(ranked[best]), float(f1[best])


def average_precision(labels: np.ndarray, scores: np.ndarray) -> float:
    """Mean of precision at each positive's rank (the non-interpolated AP the task reports)."""
    order = np.argsort(-scores, kind="stable")
    hits = labels[order]
    precision = np.cumsum(hits) / np.arange(1, len(hits) + 1)
    return float((precision * hits).sum() / max(hits.sum(), 1))
