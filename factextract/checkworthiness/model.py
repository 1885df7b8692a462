"""The shipped check-worthiness model: loaded once, lazily; scores a parsed sentence in [0, 1].

A logistic regression over hashed n-gram buckets and standardized dense features (see
features.py), whose margin is mapped to a probability by Platt scaling fitted on the dev split.
The file records how it was trained; train.py writes it.
"""

from __future__ import annotations

import base64
import functools
import json
import os
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from spacy.tokens import Span

from factextract.checkworthiness.features import (
    DENSE_NAMES,
    FEATURE_VERSION,
    N_BUCKETS,
    SentenceFeatures,
    sentence_features,
)
from factextract.errors import ModelNotFound

MODEL_FILE = Path(__file__).resolve().parent.parent / "data" / "checkworthiness.json"
MODEL_SETTING = "FACTEXTRACT_CHECKWORTHINESS_MODEL"
THRESHOLD_SETTING = "FACTEXTRACT_CLAIM_THRESHOLD"
FORMAT = 1


@dataclass(frozen=True)
class CheckworthinessModel:
    bucket_weights: np.ndarray  # float32, N_BUCKETS long
    dense_mean: np.ndarray
    dense_scale: np.ndarray
    dense_weights: np.ndarray
    bias: float
    platt_a: float
    platt_b: float
    threshold: float
    meta: dict = field(default_factory=dict)

    def margin(self, features: SentenceFeatures) -> float:
        dense = (features.dense - self.dense_mean) / self.dense_scale
        return float(self.bucket_weights[features.hashed].sum() + dense @ self.dense_weights + self.bias)

    def probability(self, margin: float) -> float:
        return float(1.0 / (1.0 + np.exp(-(self.platt_a * margin + self.platt_b))))

    def score(self, span: Span) -> float:
        """Calibrated probability that a fact-checker would check this sentence."""
        return self.probability(self.margin(sentence_features(span)))

    def to_json(self) -> dict:
        return {
            "format": FORMAT,
            "feature_version": FEATURE_VERSION,
            "n_buckets": N_BUCKETS,
            **self.meta,
            "threshold": self.threshold,
            "calibration": {"a": self.platt_a, "b": self.platt_b},
            "bias": self.bias,
            "dense": {
                "names": list(DENSE_NAMES),
                "mean": _rounded(self.dense_mean),
                "scale": _rounded(self.dense_scale),
                "weights": _rounded(self.dense_weights),
            },
            # Every bucket as little-endian float16 (3 significant digits), base64: 0.7 MB instead of
            # the 4 MB that (index, weight) lists of the ~240k non-zero buckets take as JSON numbers.
            "buckets": {
                "encoding": "base64 float16 little-endian",
                "weights": base64.b64encode(self.bucket_weights.astype("<f2").tobytes()).decode("ascii"),
            },
        }

    @classmethod
    def from_json(cls, data: dict) -> CheckworthinessModel:
        if data.get("format") != FORMAT or data.get("feature_version") != FEATURE_VERSION:
            raise ModelNotFound(
                f"check-worthiness model has format {data.get('format')}/features {data.get('feature_version')}; "
                f"this code reads {FORMAT}/{FEATURE_VERSION}: retrain with factextract train-checkworthiness"
            )
        if data["n_buckets"] != N_BUCKETS or data["dense"]["names"] != list(DENSE_NAMES):
            raise ModelNotFound("check-worthiness model was trained on other features; retrain it")
        weights = np.frombuffer(base64.b64decode(data["buckets"]["weights"]), dtype="<f2").astype(np.float32)
        dense = data["dense"]
        known = {"threshold", "calibration", "bias", "dense", "buckets", "format", "feature_version", "n_buckets"}
        return cls(
            bucket_weights=weights,
            dense_mean=np.asarray(dense["mean"], dtype=np.float32),
            dense_scale=np.asarray(dense["scale"], dtype=np.float32),
            dense_weights=np.asarray(dense["weights"], dtype=np.float32),
            bias=float(data["bias"]),
            platt_a=float(data["calibration"]["a"]),
            platt_b=float(data["calibration"]["b"]),
            threshold=float(data["threshold"]),
            meta={key: value for key, value in data.items() if key not in known},
        )


def _rounded(values: np.ndarray) -> list[float]:
    # Five significant digits: the dense weights stay exact enough and the file readable.
    return [float(f"{v:.5g}") for v in np.asarray(values, dtype=np.float64)]


def model_path() -> Path:
    configured = os.environ.get(MODEL_SETTING)
    return Path(configured) if configured else MODEL_FILE


@functools.cache
def load_model(path: Path | None = None) -> CheckworthinessModel:
    path = path or model_path()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ModelNotFound(f"check-worthiness model not found at {path}; set {MODEL_SETTING}") from None
    return CheckworthinessModel.from_json(data)


def claim_threshold(model: CheckworthinessModel) -> float:
    """The score at or above which a sentence is a claim: the model's own unless the setting overrides it."""
    configured = os.environ.get(THRESHOLD_SETTING)
    if not configured:
        return model.threshold
    value = float(configured)
    if not 0.0 <= value <= 1.0:
        raise ValueError(f"{THRESHOLD_SETTING}={configured!r} is not a score in [0, 1]")
    return value
