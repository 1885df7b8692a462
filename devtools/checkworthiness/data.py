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

from factextract.checkworthiness.features import N_BUCKETS, N_CHAR_BUCKETS, TENSOR_WIDTH, sentence_features
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
    # DocBin drops the tok2vec tensor, which the features pool; it is kept beside the Docs, every
    # Doc's rows one after the other (float32, exactly what the features read at run time).
    tensors_file = cache / f"{split.name}-{key}.tensors.npy" if cache else None
    if docs_file and tensors_file and docs_file.exists() and tensors_file.exists():
        docs = list(DocBin().from_disk(docs_file).get_docs(nlp.vocab))
        rows = np.load(tensors_file)
        ends = np.cumsum([len(doc) for doc in docs])
        if ends[-1] == len(rows):
            for doc, end in zip(docs, ends, strict=True):
                doc.tensor = rows[end - len(doc) : end]
            return docs
    docs = list(nlp.pipe(split.texts, batch_size=256))
    if docs_file and tensors_file:
        cache.mkdir(parents=True, exist_ok=True)
        DocBin(docs=docs).to_disk(docs_file)
        np.save(tensors_file, np.concatenate([_tensor(doc) for doc in docs]))
    return docs


def _tensor(doc: Doc) -> np.ndarray:
    if doc.tensor.ndim == 2 and doc.tensor.shape == (len(doc), TENSOR_WIDTH):
        return doc.tensor.astype(np.float32)
    return np.zeros((len(doc), TENSOR_WIDTH), dtype=np.float32)


@dataclass(frozen=True)
class FeatureMatrix:
    """The features of many sentences: the two bucket sets as CSR structure (values all 1), dense rows."""

    hashed_indices: np.ndarray  # column indices over N_BUCKETS
    hashed_indptr: np.ndarray
    char_indices: np.ndarray  # column indices over N_CHAR_BUCKETS
    char_indptr: np.ndarray
    dense: np.ndarray  # rows x len(DENSE_NAMES)

    def __len__(self) -> int:
        return len(self.dense)

    def hashed_csr(self):
        return _csr(self.hashed_indices, self.hashed_indptr, N_BUCKETS)

    def char_csr(self):
        return _csr(self.char_indices, self.char_indptr, N_CHAR_BUCKETS)

    def rows(self, keep: np.ndarray) -> FeatureMatrix:
        """The sentences where keep is true, in order."""
        hashed, chars = self.hashed_csr()[keep], self.char_csr()[keep]
        return FeatureMatrix(hashed.indices, hashed.indptr, chars.indices, chars.indptr, self.dense[keep])

    def __add__(self, other: FeatureMatrix) -> FeatureMatrix:
        from scipy.sparse import vstack

        hashed = vstack([self.hashed_csr(), other.hashed_csr()]).tocsr()
        chars = vstack([self.char_csr(), other.char_csr()]).tocsr()
        dense = np.concatenate([self.dense, other.dense])
        return FeatureMatrix(hashed.indices, hashed.indptr, chars.indices, chars.indptr, dense)


def _csr(indices: np.ndarray, indptr: np.ndarray, width: int):
    from scipy.sparse import csr_matrix

    data = np.ones(len(indices), dtype=np.float32)
    return csr_matrix((data, indices, indptr), shape=(len(indptr) - 1, width))


def _structure(bucket_sets: list[np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    indptr = np.zeros(len(bucket_sets) + 1, dtype=np.int64)
    indptr[1:] = np.cumsum([len(b) for b in bucket_sets])
    indices = np.concatenate(bucket_sets) if bucket_sets else np.zeros(0, dtype=np.int64)
    return indices, indptr


def featurize(docs: list[Doc]) -> FeatureMatrix:
    features = [sentence_features(doc[:]) for doc in docs]
    hashed = _structure([f.hashed for f in features])
    chars = _structure([f.chars for f in features])
    return FeatureMatrix(*hashed, *chars, np.stack([f.dense for f in features]))
