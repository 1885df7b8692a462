"""The CheckThat! 2024 English check-worthiness files: reading them and turning them into features.

The files are TSV with a header (Sentence_id, Text, class_label Yes/No); some Text fields are
quoted with doubled inner quotes, so they are read with the csv module's default quoting.
Parsing ~24k sentences takes minutes, so the parsed Docs are cached outside the repository
(a temp folder keyed by the file's bytes and the pipeline's version).
"""

from __future__ import annotations

import csv
import hashlib
import tempfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from spacy.tokens import Doc, DocBin

from factextract.checkworthiness.features import N_BUCKETS, TENSOR_WIDTH, sentence_features
from factextract.nlp import load_pipeline, pipeline_version

SPLIT_FILES = {
    "train": "CT24_checkworthy_english_train.tsv",
    "dev": "CT24_checkworthy_english_dev.tsv",
    "dev-test": "CT24_checkworthy_english_dev-test.tsv",
}
CACHE_DIR = Path(tempfile.gettempdir()) / "factextract-checkworthiness-cache"


@dataclass(frozen=True)
class Split:
    name: str
    path: Path
    ids: list[str]
    texts: list[str]
    labels: np.ndarray  # 1 for "Yes"

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.path.read_bytes()).hexdigest()


def read_split(data: Path, name: str) -> Split:
    path = data / SPLIT_FILES[name]
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    bad = [row for row in rows if row.get("class_label") not in ("Yes", "No") or not row.get("Text")]
    if bad:
        raise ValueError(f"{path}: {len(bad)} row(s) without Text or a Yes/No class_label")
    return Split(
        name=name,
        path=path,
        ids=[row["Sentence_id"] for row in rows],
        texts=[row["Text"] for row in rows],
        labels=np.array([row["class_label"] == "Yes" for row in rows], dtype=np.int8),
    )


def parse(split: Split, cache: Path | None = CACHE_DIR) -> list[Doc]:
    """The split's sentences parsed by the project's pipeline, each sentence as its own Doc."""
    nlp = load_pipeline()
    key = hashlib.sha256(f"{split.sha256}:{pipeline_version(nlp)}".encode()).hexdigest()[:24]
    docs_file = cache / f"{split.name}-{key}.spacy" if cache else None
    tensors_file = cache / f"{split.name}-{key}.npy" if cache else None
    if docs_file and tensors_file and docs_file.exists() and tensors_file.exists():
        docs = list(DocBin().from_disk(docs_file).get_docs(nlp.vocab))
        # DocBin drops the tok2vec tensor; the features only read its mean over the sentence,
        # so each token row is restored as that mean.
        for doc, mean in zip(docs, np.load(tensors_file), strict=True):
            doc.tensor = np.repeat(mean[None, :], len(doc), axis=0)
        return docs
    docs = list(nlp.pipe(split.texts, batch_size=256))
    if docs_file and tensors_file:
        cache.mkdir(parents=True, exist_ok=True)
        DocBin(docs=docs).to_disk(docs_file)
        means = np.stack([_tensor_mean(doc) for doc in docs])
        np.save(tensors_file, means)
    return docs


def _tensor_mean(doc: Doc) -> np.ndarray:
    if doc.tensor.ndim == 2 and doc.tensor.shape[1] == TENSOR_WIDTH and len(doc):
        return doc.tensor.mean(axis=0).astype(np.float32)
    return np.zeros(TENSOR_WIDTH, dtype=np.float32)


@dataclass(frozen=True)
class FeatureMatrix:
    hashed_indices: np.ndarray  # CSR column indices over N_BUCKETS
    hashed_indptr: np.ndarray
    dense: np.ndarray  # rows x len(DENSE_NAMES)

    def hashed_csr(self):
        from scipy.sparse import csr_matrix

        data = np.ones(len(self.hashed_indices), dtype=np.float32)
        rows = len(self.hashed_indptr) - 1
        return csr_matrix((data, self.hashed_indices, self.hashed_indptr), shape=(rows, N_BUCKETS))


def featurize(docs: list[Doc]) -> FeatureMatrix:
    features = [sentence_features(doc[:]) for doc in docs]
    indptr = np.zeros(len(features) + 1, dtype=np.int64)
    indptr[1:] = np.cumsum([len(f.hashed) for f in features])
    indices = np.concatenate([f.hashed for f in features]) if features else np.zeros(0, dtype=np.int64)
    return FeatureMatrix(indices, indptr, np.stack([f.dense for f in features]))
