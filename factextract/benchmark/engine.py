"""Engine figures in this process: extraction against bare nlp(text), time per extractor, batching."""

from __future__ import annotations

import contextlib
import functools
import time
from collections import defaultdict
from collections.abc import Callable, Iterator

import spacy

from factextract import pipeline
from factextract.benchmark.corpus import Corpus
from factextract.benchmark.table import Table, median
from factextract.nlp import UNUSED_COMPONENTS, load_pipeline, model_name

# The extractor calls pipeline._from_doc makes, in its order; names absent from pipeline are skipped.
STAGES = ("resolve_entities", "find_quotes", "find_figures", "find_dates", "find_claims")
BATCH_SIZES = (1, 4, 16, 64)


@contextlib.contextmanager
def timed_stages() -> Iterator[dict[str, float]]:
    """Wraps each extractor the pipeline calls with a timer, so shares add up to what extract() ran."""
    spent: dict[str, float] = defaultdict(float)
    originals = {name: getattr(pipeline, name) for name in STAGES if hasattr(pipeline, name)}

    def timed(name: str, function: Callable) -> Callable:
        @functools.wraps(function)
        def wrapper(*args, **kwargs):
            start = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                spent[name] += time.perf_counter() - start

        return wrapper

    try:
        for name, function in originals.items():
            setattr(pipeline, name, timed(name, function))
        yield spent
    finally:
        for name, function in originals.items():
            setattr(pipeline, name, function)


def _clock(run: Callable[[], object]) -> float:
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


def measure_engine(table: Table, corpus: Corpus, reps: int) -> None:
    nlp = load_pipeline()
    texts = corpus.texts
    words = corpus.words
    pipeline.extract(texts[0])  # first-call costs belong to the cold start, not to throughput

    bare: list[float] = []
    full: list[float] = []
    stages: dict[str, list[float]] = defaultdict(list)
    for _ in range(reps):
        # Interleaved so a busy neighbour slows both sides of the ratio alike.
        bare.append(_clock(lambda: [nlp(text) for text in texts]))
        with timed_stages() as spent:
            full.append(_clock(lambda: [pipeline.extract(text) for text in texts]))
        for name, seconds in spent.items():
            stages[name].append(seconds)

    section = f"engine ({corpus.name}, {words:,} words)"
    bare_s, full_s = median(bare), median(full)
    table.add(section, "bare nlp(text) words/s per core", words / bare_s, "words/s")
    table.add(section, "extract() words/s per core", words / full_s, "words/s", words / bare_s, "bare nlp")
    table.add(
        section, "extract() time / bare nlp(text) time", full_s, "s", bare_s, "bare nlp",
        note="target <= 1.25, stretch 1.10",
    )
    accounted = 0.0
    for name in STAGES:
        if name in stages:
            seconds = median(stages[name])
            accounted += seconds
            table.add(section, f"{name} (share of nlp time)", seconds, "s", bare_s, "bare nlp")
    table.add(
        section, "validation, models, stats (rest)", max(0.0, full_s - bare_s - accounted), "s", bare_s, "bare nlp",
        note="extract() minus nlp minus extractors",
    )


def measure_components(table: Table, corpus: Corpus, reps: int) -> None:
    """The model's own pipeline against the one the engine loads: what excluding components saves."""
    name = model_name()
    ours = load_pipeline()
    start = time.perf_counter()
    whole = spacy.load(name)
    whole_load = time.perf_counter() - start
    start = time.perf_counter()
    spacy.load(name, exclude=list(UNUSED_COMPONENTS))
    ours_load = time.perf_counter() - start
    whole.max_length = ours.max_length
    texts = corpus.texts
    whole(texts[0])
    ours_runs, whole_runs = [], []
    for _ in range(reps):
        whole_runs.append(_clock(lambda: [whole(text) for text in texts]))
        ours_runs.append(_clock(lambda: [ours(text) for text in texts]))
    section = f"pipeline components ({corpus.words:,} words)"
    enabled = ", ".join(whole.pipe_names)
    table.add(
        section, "model as shipped: nlp time", median(whole_runs), "s", note=f"runs {enabled}",
    )
    table.add(
        section, "engine pipeline: nlp time", median(ours_runs), "s", median(whole_runs), "shipped",
        note=f"runs {', '.join(ours.pipe_names)}; excludes {', '.join(UNUSED_COMPONENTS) or 'nothing'}",
    )
    table.add(section, "engine pipeline: load time", ours_load, "s", whole_load, "shipped")


def measure_batching(table: Table, corpus: Corpus, reps: int, processes: int = 2) -> int:
    """nlp.pipe at several batch sizes against one call per article; returns the fastest batch size."""
    nlp = load_pipeline()
    texts = corpus.texts
    runs: dict[str, list[float]] = defaultdict(list)
    configs: dict[str, Callable[[], object]] = {"one nlp() call per article": lambda: [nlp(t) for t in texts]}
    for size in BATCH_SIZES:
        configs[f"nlp.pipe batch_size={size}"] = functools.partial(
            lambda size: list(nlp.pipe(texts, batch_size=size)), size
        )
    if processes > 1:
        configs[f"nlp.pipe n_process={processes} batch_size=4"] = lambda: list(
            nlp.pipe(texts, batch_size=4, n_process=processes)
        )
    for _ in range(reps):
        for label, run in configs.items():
            runs[label].append(_clock(run))
    section = f"batching ({len(texts)} articles, {corpus.words:,} words)"
    baseline = median(runs["one nlp() call per article"])
    for label in configs:
        table.add(section, label, median(runs[label]), "s", None if label.startswith("one") else baseline, "per call")
    single = {size: median(runs[f"nlp.pipe batch_size={size}"]) for size in BATCH_SIZES}
    return min(single, key=single.__getitem__)
