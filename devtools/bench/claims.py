"""Claims: what scoring a sentence costs once it is parsed, and the size of the model the engine ships.

Both stand beside the bars issue #18 set: under 5 ms of CPU per sentence on one core, and a
committed model file of at most ~2 MB (the layer's size is the footprint section's row, under
Lambda's 250 MB). Scoring is what claims.py does per sentence: the layout check, the features
(SentenceFeaturizer) and the model's margin and calibration.
"""

from __future__ import annotations

import statistics

from devtools.bench.corpus import Corpus
from devtools.bench.table import CLOCK, Table
from factextract.checkworthiness.features import SentenceFeaturizer
from factextract.checkworthiness.model import MODEL_FILE, load_model
from factextract.doc_view import DocView
from factextract.news_layout import Layout
from factextract.nlp import load_pipeline

SCORING_BAR_MS = 5.0
MODEL_FILE_BAR_MB = 2.0


def _scoring_seconds(views: list[DocView]) -> tuple[float, int]:
    model = load_model()
    started, sentences = CLOCK(), 0
    for view in views:
        spans = view.sentences(cut_at_line_breaks=True)
        layout, featurize = Layout(view.text, spans), SentenceFeaturizer(view.doc)
        for span in spans:
            if layout.furniture(span) is None:
                model.score(featurize(span))
            sentences += 1
    return CLOCK() - started, sentences


def measure_claims(table: Table, corpus: Corpus, reps: int) -> None:
    views = [DocView.of(doc) for doc in load_pipeline().pipe(corpus.texts)]
    runs = [_scoring_seconds(views) for _ in range(reps)]
    sentences = runs[0][1]
    per_sentence_ms = statistics.median(seconds for seconds, _ in runs) * 1000 / max(sentences, 1)
    section = f"claims ({sentences:,} sentences)"
    table.add(section, "check-worthiness scoring per sentence, after parsing", per_sentence_ms, "ms",
              SCORING_BAR_MS, "bar (issue #18)", note="CPU time: layout check, features, model")
    table.add(section, "check-worthiness model file", MODEL_FILE.stat().st_size / 1e6, "MB", MODEL_FILE_BAR_MB,
              "bar (committed file)", note="no new dependency: the layer's size is the footprint row")
