"""`python -m devtools train-checkworthiness`: trains the shipped model from the CheckThat! 2024 files.

Selection is by cross-validation grouped by debate over train + dev pooled (cv.py: contiguous runs
of Sentence_id, each fold scored by models fitted on the others); dev-test is never read here (it
is the final check, looked at once per shipped candidate by `python -m devtools eval claims`).
The recipe: a logistic regression over word/lemma/tag/arc buckets and character n-gram buckets,
mixed in the margin with a one-hidden-layer network over the dense features (counts, flags, the
pipeline's pooled tok2vec tensor). The candidates measured under that procedure, and why this one
ships, are in docs/claims.md; RECIPE below is the winner. The command:
- fits both models per fold (out-of-fold margins for all of train + dev);
- picks the sparse share of the mix with the best mean fold AP; reports mean and spread of fold
  F1 (threshold fitted on the other folds) and AP, and records them in the model file;
- fits Platt calibration and the threshold (highest F1) on the pooled out-of-fold margins;
- refits both models on train + dev with the same settings.
scikit-learn and scipy are used for fitting only (the `dev` extra); the model file holds plain arrays
that model.py scores with numpy. Fixed seeds: reruns give the same file (up to its date and timing).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np

from devtools.checkworthiness import cv
from devtools.checkworthiness.data import SPLIT_FILES, FeatureMatrix, Split, featurize, parse, read_split
from devtools.checkworthiness.metrics import best_f1_threshold
from factextract.checkworthiness.model import MODEL_FILE, CheckworthinessModel, DenseModel, SparseModel
from factextract.nlp import load_pipeline, pipeline_version

MIX_GRID = tuple(round(w, 1) for w in np.linspace(0.0, 1.0, 11))
SEED = 0
SOURCE = (
    "CheckThat! 2024 Task 1 English (ClaimBuster US presidential debate sentences, CC BY 4.0), "
    "../shared/eval/claims"
)


@dataclass(frozen=True)
class Recipe:
    sparse_c: float = 0.03
    # Character n-grams are many per word: at half the value of a word feature their weights stay smaller.
    char_value: float = 0.5
    hidden_units: int = 64
    hidden_alpha: float = 0.1
    # Also fit a logistic regression on features scaled by their naive Bayes log-count ratio (NB-LR, Wang and
    # Manning 2012) and average the two in the margin: one linear model, so the file and run time are unchanged.
    nb_lr: bool = False


# The recipe the model shipped with before selection by debate (kept to measure it the same way).
PREVIOUS = Recipe()
# Chosen by grouped CV (docs/claims.md has the table): C 0.1 and the NB-LR average won AP in all six folds.
RECIPE = Recipe(sparse_c=0.1, nb_lr=True)


@dataclass(frozen=True)
class Fitted:
    sparse: SparseModel
    dense: DenseModel

    def margins(self, features: FeatureMatrix) -> tuple[np.ndarray, np.ndarray]:
        return sparse_margins(self.sparse, features), self.dense.logits(features.dense)


def sparse_margins(model: SparseModel, features: FeatureMatrix) -> np.ndarray:
    """The sparse model's margins for many sentences at once (the bucket sums as a matrix product)."""
    return features.hashed_csr() @ model.bucket_weights + features.char_csr() @ model.char_weights + model.bias


def fit_sparse(features: FeatureMatrix, labels: np.ndarray, recipe: Recipe = RECIPE) -> SparseModel:
    from scipy.sparse import diags, hstack

    x = hstack([features.hashed_csr(), features.char_csr() * recipe.char_value]).tocsr()
    coef, bias = _logistic(x, labels, recipe.sparse_c)
    if recipe.nb_lr:
        scale = np.abs(_nb_ratio(x, labels))
        nb_coef, nb_bias = _logistic(x @ diags(scale), labels, recipe.sparse_c)
        nb_coef = nb_coef * scale
        # Each model in units of its margins' spread on the fitting data, so the average weighs them alike.
        spread, nb_spread = float(np.std(x @ coef)), float(np.std(x @ nb_coef))
        coef, bias = coef / spread + nb_coef / nb_spread, bias / spread + nb_bias / nb_spread
    n_buckets = features.hashed_csr().shape[1]
    return SparseModel(
        bucket_weights=coef[:n_buckets].astype(np.float32),
        # The char value folded into the weights: at run time each present bucket counts 1.
        char_weights=(coef[n_buckets:] * recipe.char_value).astype(np.float32),
        bias=bias,
    )


def _logistic(x, labels: np.ndarray, c: float) -> tuple[np.ndarray, float]:
    from sklearn.linear_model import LogisticRegression

    fitted = LogisticRegression(C=c, solver="liblinear", max_iter=5000, random_state=SEED).fit(x, labels)
    return fitted.coef_[0], float(fitted.intercept_[0])


def _nb_ratio(x, labels: np.ndarray, alpha: float = 1.0) -> np.ndarray:
    """Each feature's log-count ratio between the classes, smoothed by alpha (NB-LR's feature scaling)."""
    positive = alpha + np.asarray(x[labels == 1].sum(axis=0)).ravel()
    negative = alpha + np.asarray(x[labels == 0].sum(axis=0)).ravel()
    return np.log((positive / positive.sum()) / (negative / negative.sum()))


def fit_dense(features: FeatureMatrix, labels: np.ndarray, recipe: Recipe = RECIPE) -> DenseModel:
    from sklearn.neural_network import MLPClassifier

    mean = features.dense.mean(axis=0)
    std = features.dense.std(axis=0)
    # A feature constant in the fitting data would divide by zero; it carries nothing anyway.
    scale = np.where(std > 1e-6, std, 1.0)
    network = MLPClassifier(
        hidden_layer_sizes=(recipe.hidden_units,), alpha=recipe.hidden_alpha, early_stopping=True, max_iter=300,
        random_state=SEED,
    ).fit((features.dense - mean) / scale, labels)
    return DenseModel(
        mean=mean.astype(np.float32),
        scale=scale.astype(np.float32),
        hidden_weights=network.coefs_[0].astype(np.float32),
        hidden_bias=network.intercepts_[0].astype(np.float32),
        output_weights=network.coefs_[1][:, 0].astype(np.float32),
        output_bias=float(network.intercepts_[1][0]),
    )


def fit_models(features: FeatureMatrix, labels: np.ndarray, recipe: Recipe = RECIPE) -> Fitted:
    return Fitted(fit_sparse(features, labels, recipe), fit_dense(features, labels, recipe))


def _same_dense(a: Recipe, b: Recipe) -> bool:
    return (a.hidden_units, a.hidden_alpha) == (b.hidden_units, b.hidden_alpha)


def out_of_fold_margins(features: FeatureMatrix, labels: np.ndarray, groups: np.ndarray, recipe: Recipe,
                        log: Callable[[str], None] = print,
                        dense: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Both models' margins for every sentence, each from models fitted without its fold (dense: already known)."""
    def sparse(fit_rows: np.ndarray, held: np.ndarray) -> np.ndarray:
        return sparse_margins(fit_sparse(features.rows(fit_rows), labels[fit_rows], recipe), features.rows(held))

    def fit_dense_margins(fit_rows: np.ndarray, held: np.ndarray) -> np.ndarray:
        return fit_dense(features.rows(fit_rows), labels[fit_rows], recipe).logits(features.dense[held])

    sparse_margins_ = cv.out_of_fold(sparse, len(labels), groups, log)
    return sparse_margins_, dense if dense is not None else cv.out_of_fold(fit_dense_margins, len(labels), groups, log)


@dataclass(frozen=True)
class Mix:
    """The two margins, each in units of its out-of-fold spread, so the share means a share."""

    share: float
    spread_sparse: float
    spread_dense: float

    def __call__(self, sparse: np.ndarray, dense: np.ndarray) -> np.ndarray:
        return self.share / self.spread_sparse * sparse + (1.0 - self.share) / self.spread_dense * dense


def select_mix(labels: np.ndarray, sparse: np.ndarray, dense: np.ndarray, groups: np.ndarray) -> tuple[Mix, dict]:
    """The sparse share with the best mean fold AP, and the grouped-CV summary of every share."""
    spreads = float(sparse.std()), float(dense.std())
    table = {w: cv.summarize(cv.fold_scores(labels, Mix(w, *spreads)(sparse, dense), groups)) for w in MIX_GRID}
    best = max(table, key=lambda w: table[w]["ap_mean"])
    return Mix(best, *spreads), table


def pooled(splits: dict[str, Split]) -> tuple[list[str], np.ndarray]:
    ids = [i for s in splits.values() for i in s.ids]
    return ids, np.concatenate([s.labels for s in splits.values()])


def train(data: Path, out: Path = MODEL_FILE, log: Callable[[str], None] = print) -> CheckworthinessModel:
    started = time.perf_counter()
    # Either the claims folder itself or the eval folder above it (as `python -m devtools eval --data` takes).
    data = data / "claims" if (data / "claims").is_dir() else data
    splits: dict[str, Split] = {name: read_split(data, name) for name in ("train", "dev")}
    log(f"parsing {', '.join(f'{s.name} ({len(s.texts)})' for s in splits.values())} "
        f"with {pipeline_version(load_pipeline())}")
    parsed = [featurize(parse(split)) for split in splits.values()]
    features = parsed[0] + parsed[1]
    ids, labels = pooled(splits)
    groups = cv.debate_folds(ids)
    log(f"fitting per fold ({cv.FOLDS} folds by debate over train + dev)")
    oof_sparse, oof_dense = out_of_fold_margins(features, labels, groups, RECIPE, log)
    mix, table = select_mix(labels, oof_sparse, oof_dense, groups)
    log("  grouped-CV AP by sparse share: " + "  ".join(f"{w:.1f}:{s['ap_mean']:.4f}" for w, s in table.items()))
    summary = table[mix.share]
    log(cv.line("grouped CV", summary))
    oof_margin = mix(oof_sparse, oof_dense)
    platt_a, platt_b = cv.platt(oof_margin, labels)
    threshold, _ = best_f1_threshold(labels, cv.calibrate(oof_margin, platt_a, platt_b))
    threshold = round(threshold, 4)
    if RECIPE == PREVIOUS:
        previous = summary
    else:
        log("the recipe shipped before, through the same folds:")
        previous_sparse, previous_dense = out_of_fold_margins(
            features, labels, groups, PREVIOUS, log, dense=oof_dense if _same_dense(PREVIOUS, RECIPE) else None
        )
        previous = select_mix(labels, previous_sparse, previous_dense, groups)[1]
        previous = max(previous.values(), key=lambda s: s["ap_mean"])
        log(cv.line("grouped CV, recipe shipped before", previous))
    log(f"refitting on train + dev ({len(labels)} sentences), sparse share {mix.share}")
    final = fit_models(features, labels, RECIPE)
    meta = {
        "trained_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "training_data": {
            "source": SOURCE,
            "files": {
                name: {"file": SPLIT_FILES[name], "sha256": s.sha256, "sentences": len(s.texts),
                       "positives": int(s.labels.sum())}
                for name, s in splits.items()
            },
            "selected_on": f"cross-validation grouped by debate over train + dev ({cv.FOLDS} contiguous runs of "
            "Sentence_id); dev-test never read",
            "calibrated_on": f"out-of-fold margins of train + dev ({len(labels)})",
            "fitted_on": f"train + dev ({len(labels)} sentences)",
            "pipeline": pipeline_version(load_pipeline()),
        },
        "hyperparameters": {
            **asdict(RECIPE),
            "sparse_share": mix.share,
            "sparse_share_grouped_cv_ap": {str(w): s["ap_mean"] for w, s in table.items()},
        },
        "grouped_cv": summary,
        "grouped_cv_previous_recipe": {**previous, "recipe": asdict(PREVIOUS)},
        "threshold_rule": "highest F1 of the calibrated out-of-fold score on train + dev; the API's default is "
        "news_threshold (chosen on the annotated news set); FACTEXTRACT_CLAIM_THRESHOLD overrides both",
    }
    model = CheckworthinessModel(
        sparse=final.sparse,
        dense=final.dense,
        sparse_weight=mix.share / mix.spread_sparse,
        dense_weight=(1.0 - mix.share) / mix.spread_dense,
        platt_a=platt_a,
        platt_b=platt_b,
        threshold=threshold,
        meta=meta,
    )
    out.write_text(json.dumps(model.to_json(), indent=1) + "\n", encoding="utf-8")
    model = with_news_threshold(model, data.parent, out, log)
    meta["training_seconds"] = round(time.perf_counter() - started, 1)
    out.write_text(json.dumps(model.to_json(), indent=1) + "\n", encoding="utf-8")
    log(f"wrote {out} ({out.stat().st_size / 1e6:.1f} MB): sparse share {mix.share}, threshold {threshold:.3f}; "
        f"{meta['training_seconds']} s")
    return model


def with_news_threshold(model: CheckworthinessModel, eval_root: Path, path: Path,
                        log: Callable[[str], None] = print) -> CheckworthinessModel:
    """The model with the API's default threshold: the best-F1 cut on our annotated news set (claim rate
    within 10 points of the annotated rate), scored by the model just written to path."""
    from devtools.evaluate import news_claims

    if not (eval_root / news_claims.TEXTS).is_dir():
        log(f"no news texts under {eval_root}: the news threshold stays the debate threshold")
        return model
    rows, _ = news_claims.scored(eval_root, path)
    labels = np.array([r["checkworthy"] for r in rows], dtype=bool)
    scores = np.array([r["score"] for r in rows])
    threshold = news_claims.best_threshold(labels, scores)
    chosen = news_claims.at(labels, scores, threshold)
    log(f"news threshold {threshold:.4f} on {len(rows)} annotated news sentences: {chosen}")
    model.meta["news_threshold_rule"] = (
        f"best F1 on devtools/annotations/news_checkworthy.jsonl ({len(rows)} sentences) with the claim rate within "
        f"{news_claims.RATE_TOLERANCE:.0%} of the annotated rate {labels.mean():.3f}: {chosen}"
    )
    return dataclasses.replace(model, news_threshold=threshold)
