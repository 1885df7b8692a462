"""The shipped check-worthiness model: loaded once, lazily; scores a parsed sentence's features in [0, 1].

Two models over the features of features.py, averaged in the margin:
- a logistic regression over the word/lemma/tag/arc buckets and the character n-gram buckets;
- a one-hidden-layer network (ReLU) over the standardized dense features (counts, flags and the
  pooled tok2vec tensor), whose interactions a linear model cannot express.
The mixed margin is mapped to a probability by Platt scaling fitted on out-of-sample scores.
Both are plain arrays scored with numpy; the file records how they were trained (train.py writes it).
"""

from __future__ import annotations

import base64
import functools
import json
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from factextract.checkworthiness.features import (
    DENSE_NAMES,
    FEATURE_VERSION,
    N_BUCKETS,
    N_CHAR_BUCKETS,
    SentenceFeatures,
)
from factextract.errors import ModelNotFound

MODEL_FILE = Path(__file__).resolve().parent.parent / "data" / "checkworthiness.json"
MODEL_SETTING = "FACTEXTRACT_CHECKWORTHINESS_MODEL"
FORMAT = 2


@dataclass(frozen=True)
class SparseModel:
    """Logistic regression over the two bucket tables (each bucket present counts once)."""

    bucket_weights: np.ndarray  # N_BUCKETS
    char_weights: np.ndarray  # N_CHAR_BUCKETS
    bias: float

    def margin(self, features: SentenceFeatures) -> float:
        return float(self.bucket_weights[features.hashed].sum() + self.char_weights[features.chars].sum() + self.bias)


@dataclass(frozen=True)
class DenseModel:
    """One hidden ReLU layer over the standardized dense features; the margin is the output logit."""

    mean: np.ndarray
    scale: np.ndarray
    hidden_weights: np.ndarray  # len(DENSE_NAMES) x hidden
    hidden_bias: np.ndarray
    output_weights: np.ndarray  # hidden
    output_bias: float

    def logits(self, dense: np.ndarray) -> np.ndarray:
        """The output logit of one dense vector, or of each row of a matrix of them (training scores many)."""
        x = (dense - self.mean) / self.scale
        hidden = np.maximum(x @ self.hidden_weights + self.hidden_bias, 0.0)
        return hidden @ self.output_weights + self.output_bias

    def margin(self, features: SentenceFeatures) -> float:
        return float(self.logits(features.dense))


@dataclass(frozen=True)
class CheckworthinessModel:
    sparse: SparseModel
    dense: DenseModel
    # The two margins' weights in the mix (each margin's spread on training data folded in).
    sparse_weight: float
    dense_weight: float
    platt_a: float
    platt_b: float
    threshold: float  # the best-F1 cut on the debates' out-of-fold scores (devtools eval claims uses it)
    meta: dict = field(default_factory=dict)
    # The API's default: the best-F1 cut on our annotated news set (devtools/annotations), where page
    # furniture is already removed and check-worthy sentences are rarer than in debates.
    news_threshold: float | None = None

    def margin(self, features: SentenceFeatures) -> float:
        return self.sparse_weight * self.sparse.margin(features) + self.dense_weight * self.dense.margin(features)

    def probability(self, margin: float) -> float:
        return float(1.0 / (1.0 + np.exp(-(self.platt_a * margin + self.platt_b))))

    def score(self, features: SentenceFeatures) -> float:
        """Calibrated probability that a fact-checker would check the sentence with these features."""
        return self.probability(self.margin(features))

    def to_json(self) -> dict:
        return {
            "format": FORMAT,
            "feature_version": FEATURE_VERSION,
            "n_buckets": N_BUCKETS,
            "n_char_buckets": N_CHAR_BUCKETS,
            **self.meta,
            "threshold": self.threshold,
            **({"news_threshold": self.news_threshold} if self.news_threshold is not None else {}),
            "calibration": {"a": self.platt_a, "b": self.platt_b},
            "mix": {"sparse": self.sparse_weight, "dense": self.dense_weight},
            # Every bucket as little-endian float16 (3 significant digits), base64: 0.7 MB a table
            # instead of the 4 MB that (index, weight) lists take as JSON numbers.
            "sparse": {
                "encoding": "base64 float16 little-endian",
                "bias": self.sparse.bias,
                "buckets": _encode(self.sparse.bucket_weights, "<f2"),
                "chars": _encode(self.sparse.char_weights, "<f2"),
            },
            "dense": {
                "names": list(DENSE_NAMES),
                "mean": _rounded(self.dense.mean),
                "scale": _rounded(self.dense.scale),
                "hidden_units": len(self.dense.hidden_bias),
                "encoding": "base64 float32 little-endian, hidden weights row-major (features x units)",
                "hidden_weights": _encode(self.dense.hidden_weights, "<f4"),
                "hidden_bias": _encode(self.dense.hidden_bias, "<f4"),
                "output_weights": _encode(self.dense.output_weights, "<f4"),
                "output_bias": self.dense.output_bias,
            },
        }

    @classmethod
    def from_json(cls, data: dict) -> CheckworthinessModel:
        if data.get("format") != FORMAT or data.get("feature_version") != FEATURE_VERSION:
            raise ModelNotFound(
                f"check-worthiness model has format {data.get('format')}/features {data.get('feature_version')}; "
                f"this code reads {FORMAT}/{FEATURE_VERSION}: retrain with factextract train-checkworthiness"
            )
        sparse, dense = data["sparse"], data["dense"]
        if (
            data["n_buckets"] != N_BUCKETS
            or data["n_char_buckets"] != N_CHAR_BUCKETS
            or dense["names"] != list(DENSE_NAMES)
        ):
            raise ModelNotFound("check-worthiness model was trained on other features; retrain it")
        known = {"threshold", "news_threshold", "calibration", "mix", "sparse", "dense", "format", "feature_version"}
        known |= {"n_buckets", "n_char_buckets"}
        return cls(
            sparse=SparseModel(
                bucket_weights=_decode(sparse["buckets"], "<f2"),
                char_weights=_decode(sparse["chars"], "<f2"),
                bias=float(sparse["bias"]),
            ),
            dense=DenseModel(
                mean=np.asarray(dense["mean"], dtype=np.float32),
                scale=np.asarray(dense["scale"], dtype=np.float32),
                hidden_weights=_decode(dense["hidden_weights"], "<f4").reshape(len(DENSE_NAMES), -1),
                hidden_bias=_decode(dense["hidden_bias"], "<f4"),
                output_weights=_decode(dense["output_weights"], "<f4"),
                output_bias=float(dense["output_bias"]),
            ),
            sparse_weight=float(data["mix"]["sparse"]),
            dense_weight=float(data["mix"]["dense"]),
            platt_a=float(data["calibration"]["a"]),
            platt_b=float(data["calibration"]["b"]),
            threshold=float(data["threshold"]),
            news_threshold=float(data["news_threshold"]) if data.get("news_threshold") is not None else None,
            meta={key: value for key, value in data.items() if key not in known},
        )


def _encode(values: np.ndarray, dtype: str) -> str:
    return base64.b64encode(np.asarray(values).astype(dtype).tobytes()).decode("ascii")


def _decode(text: str, dtype: str) -> np.ndarray:
    return np.frombuffer(base64.b64decode(text), dtype=dtype).astype(np.float32)


def _rounded(values: np.ndarray) -> list[float]:
    # Five significant digits: the standardization stays exact enough and the file readable.
    return [float(f"{v:.5g}") for v in np.asarray(values, dtype=np.float64)]


@functools.cache
def load_model(path: Path | None = None) -> CheckworthinessModel:
    """The model in path (default: the one the package ships), read once per process and path."""
    path = path or MODEL_FILE
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ModelNotFound(f"check-worthiness model not found at {path}; set {MODEL_SETTING}") from None
    return CheckworthinessModel.from_json(data)


def claim_threshold(model: CheckworthinessModel, override: float | None = None) -> float:
    """The score at or above which a sentence is a claim: a setting's, else the model's news threshold."""
    if override is not None:
        return override
    return model.threshold if model.news_threshold is None else model.news_threshold
