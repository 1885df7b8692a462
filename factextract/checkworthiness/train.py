"""`factextract train-checkworthiness`: trains the shipped model from the CheckThat! 2024 files.

Sentence ids follow the debates in time, and newer debates differ from older ones (topics, and
how liberally sentences were labelled): dev is a random sample of the same debates as train and
flatters a model (AP 0.96 on dev vs ~0.72 on the latest train debates held out). So:
- the model is fitted on the train split minus its latest HOLDOUT_SHARE of sentences by id;
- the dev split chooses the regularization and class weighting by average precision (threshold-free);
- Platt calibration and the threshold (highest positive-class F1) are fitted on dev plus that
  held-out latest slice, so the score and the cut reflect a shift to newer text as well;
- the shipped weights are then refitted on the whole train split with the chosen settings (the
  latest debates are the closest to new text, too useful to leave out), keeping that calibration:
  the same C on 14% more data gives margins on the same scale. dev stays unseen by the refit, so
  its dev scores are recorded too.
dev-test is never read here.
scikit-learn and scipy are used for fitting only (the `dev` extra); the model file holds plain
weights that model.py scores with numpy.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from factextract.checkworthiness.data import SPLIT_FILES, FeatureMatrix, Split, featurize, parse, read_split
from factextract.checkworthiness.features import N_BUCKETS
from factextract.checkworthiness.metrics import average_precision, best_f1_threshold
from factextract.checkworthiness.model import MODEL_FILE, CheckworthinessModel
from factextract.nlp import load_pipeline, pipeline_version

# Inverse regularization strengths and class weightings tried; selection is on dev AP.
C_GRID = (0.03, 0.1, 0.3)
HOLDOUT_SHARE = 0.125
FIT_THREADS = 3
CLASS_WEIGHTS = (None, "balanced")
SOURCE = (
    "CheckThat! 2024 Task 1 English (ClaimBuster US presidential debate sentences, CC BY 4.0), "
    "../shared/eval/claims"
)


@dataclass(frozen=True)
class Candidate:
    c: float
    class_weight: str | None
    dev_average_precision: float
    model: object  # the fitted sklearn LogisticRegression


def _design(features: FeatureMatrix, mean: np.ndarray, scale: np.ndarray):
    from scipy.sparse import csr_matrix, hstack

    return hstack([features.hashed_csr(), csr_matrix((features.dense - mean) / scale)]).tocsr()


def _logistic(c: float, class_weight: str | None):
    from sklearn.linear_model import LogisticRegression

    return LogisticRegression(C=c, class_weight=class_weight, solver="liblinear", max_iter=5000)


def _fit_candidates(
    train: FeatureMatrix, y: np.ndarray, dev: FeatureMatrix, y_dev: np.ndarray, mean: np.ndarray, scale: np.ndarray, log
) -> list[Candidate]:
    x_train, x_dev = _design(train, mean, scale), _design(dev, mean, scale)

    def fit(setting: tuple[float, str | None]) -> Candidate:
        model = _logistic(*setting).fit(x_train, y)
        return Candidate(*setting, average_precision(y_dev, model.decision_function(x_dev)), model)

    # liblinear releases the GIL, so the grid fits in parallel threads.
    with ThreadPoolExecutor(max_workers=FIT_THREADS) as pool:
        candidates = list(pool.map(fit, itertools.product(C_GRID, CLASS_WEIGHTS)))
    for c in candidates:
        log(f"  C={c.c:<5} class_weight={c.class_weight!s:<8} dev AP {c.dev_average_precision:.4f}")
    return candidates


def _platt(margins: np.ndarray, labels: np.ndarray) -> tuple[float, float]:
    from sklearn.linear_model import LogisticRegression

    # Nearly unregularized: two parameters fitted on ~1k sentences.
    fitted = LogisticRegression(C=1e4).fit(margins.reshape(-1, 1), labels)
    return float(fitted.coef_[0, 0]), float(fitted.intercept_[0])


def _time_holdout(split: Split) -> np.ndarray:
    """True for the latest HOLDOUT_SHARE of the split's sentences, by Sentence_id."""
    ids = np.array([int(i) for i in split.ids])
    return ids >= np.quantile(ids, 1.0 - HOLDOUT_SHARE)


def _rows(features: FeatureMatrix, keep: np.ndarray) -> FeatureMatrix:
    rows = np.flatnonzero(keep)
    starts, ends = features.hashed_indptr[rows], features.hashed_indptr[rows + 1]
    indices = np.concatenate([features.hashed_indices[a:b] for a, b in zip(starts, ends, strict=True)])
    indptr = np.zeros(len(rows) + 1, dtype=np.int64)
    indptr[1:] = np.cumsum(ends - starts)
    return FeatureMatrix(indices, indptr, features.dense[rows])


def _scores_at(labels: np.ndarray, probabilities: np.ndarray, threshold: float) -> dict:
    predicted = probabilities >= threshold
    tp = int((predicted & (labels == 1)).sum())
    precision = tp / max(int(predicted.sum()), 1)
    recall = tp / max(int(labels.sum()), 1)
    return {
        "average_precision": round(average_precision(labels, probabilities), 4),
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(2 * precision * recall / (precision + recall) if precision + recall else 0.0, 4),
    }


def train(data: Path, out: Path = MODEL_FILE, log=print) -> CheckworthinessModel:
    started = time.perf_counter()
    splits: dict[str, Split] = {name: read_split(data, name) for name in ("train", "dev")}
    sizes = ", ".join(f"{s.name} ({len(s.texts)})" for s in splits.values())
    log(f"parsing {sizes} with {pipeline_version(load_pipeline())}")
    parsed = {name: featurize(parse(split)) for name, split in splits.items()}
    late = _time_holdout(splits["train"])
    fit, holdout = _rows(parsed["train"], ~late), _rows(parsed["train"], late)
    y_train, y_dev = splits["train"].labels, splits["dev"].labels
    y_fit, y_holdout = y_train[~late], y_train[late]
    log(f"fitting on {len(y_fit)} train sentences; {len(y_holdout)} latest held out for calibration")
    mean = fit.dense.mean(axis=0)
    std = fit.dense.std(axis=0)
    # A feature constant in the fitting data would divide by zero; its weight ends up zero anyway.
    scale = np.where(std > 1e-6, std, 1.0)
    candidates = _fit_candidates(fit, y_fit, parsed["dev"], y_dev, mean, scale, log)
    chosen = max(candidates, key=lambda c: c.dev_average_precision)
    margins = {
        "dev": chosen.model.decision_function(_design(parsed["dev"], mean, scale)),
        "holdout": chosen.model.decision_function(_design(holdout, mean, scale)),
    }
    pooled_margins = np.concatenate([margins["dev"], margins["holdout"]])
    pooled_labels = np.concatenate([y_dev, y_holdout])
    platt_a, platt_b = _platt(pooled_margins, pooled_labels)

    def calibrated(m: np.ndarray) -> np.ndarray:
        return 1.0 / (1.0 + np.exp(-(platt_a * m + platt_b)))

    threshold, _ = best_f1_threshold(pooled_labels, calibrated(pooled_margins))
    threshold = round(threshold, 4)
    log(f"refitting C={chosen.c} class_weight={chosen.class_weight} on all {len(y_train)} train sentences")
    final = _logistic(chosen.c, chosen.class_weight).fit(_design(parsed["train"], mean, scale), y_train)
    final_dev = final.decision_function(_design(parsed["dev"], mean, scale))
    coef = final.coef_[0]
    meta = {
        "trained_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "training_data": {
            "source": SOURCE,
            "files": {
                name: {"file": SPLIT_FILES[name], "sha256": s.sha256, "sentences": len(s.texts),
                       "positives": int(s.labels.sum())}
                for name, s in splits.items()
            },
            "fitted_on": f"train minus its latest {HOLDOUT_SHARE:.1%} by Sentence_id ({len(y_fit)} sentences)",
            "calibrated_on": f"dev ({len(y_dev)}) + train's latest slice ({len(y_holdout)})",
            "refitted_on": f"all train ({len(splits['train'].texts)} sentences), same C and class weight",
            "pipeline": pipeline_version(load_pipeline()),
        },
        "hyperparameters": {
            "model": "logistic regression (liblinear, L2)",
            "C": chosen.c,
            "class_weight": chosen.class_weight,
            "selected_by": "dev average precision",
        },
        "dev_scores": {
            "dev": _scores_at(y_dev, calibrated(final_dev), threshold),
            "held_out_model_on_dev": _scores_at(y_dev, calibrated(margins["dev"]), threshold),
            "held_out_model_on_train_latest_slice": _scores_at(y_holdout, calibrated(margins["holdout"]), threshold),
            "candidates": [
                {"C": c.c, "class_weight": c.class_weight, "dev_average_precision": round(c.dev_average_precision, 4)}
                for c in candidates
            ],
        },
        "threshold_rule": "highest F1 of the calibrated score on dev + the held-out slice; "
        "override with FACTEXTRACT_CLAIM_THRESHOLD",
    }
    model = CheckworthinessModel(
        bucket_weights=coef[:N_BUCKETS].astype(np.float32),
        dense_mean=mean.astype(np.float32),
        dense_scale=scale.astype(np.float32),
        dense_weights=coef[N_BUCKETS:].astype(np.float32),
        bias=float(final.intercept_[0]),
        platt_a=platt_a,
        platt_b=platt_b,
        threshold=threshold,
        meta=meta,
    )
    meta["training_seconds"] = round(time.perf_counter() - started, 1)
    out.write_text(json.dumps(model.to_json(), indent=1) + "\n", encoding="utf-8")
    log(f"wrote {out} ({out.stat().st_size / 1e6:.1f} MB): C={chosen.c} class_weight={chosen.class_weight}, "
        f"threshold {threshold:.3f}; dev {meta['dev_scores']['dev']}; "
        f"latest slice {meta['dev_scores']['held_out_model_on_train_latest_slice']}; {meta['training_seconds']} s")
    return model
