"""Engine figures in this process: extraction against bare nlp(text), time per extractor, batching.

The two sides of each ratio are timed article by article, alternating which goes first, so a busy
neighbour on the machine slows both alike instead of whichever pass it happened to overlap.
"""

from __future__ import annotations

import contextlib
import functools
import time
from collections import defaultdict
from collections.abc import Callable, Iterator

import spacy
from spacy.tokens import Doc

from devtools.bench.corpus import Corpus
from devtools.bench.table import CLOCK, Table, median
from factextract import pipeline
from factextract.lemma_index import LEMMATIZER
from factextract.nlp import UNUSED_COMPONENTS, build_pipeline, load_pipeline, model_name

# The extractor calls pipeline._from_doc makes, in its order; names absent from pipeline are skipped.
STAGES = ("resolve_entities", "find_quotes", "find_figures", "find_dates", "find_claims")
# The spaCy call inside extract(): timed too, so the overhead is also measured within the same calls.
PARSE = "parse"
# nlp.pipe with batch_size=1 costs what one call per article costs (measured at 1.02): not worth its time.
BATCH_SIZES = (4, 16, 64)


@contextlib.contextmanager
def timed_stages() -> Iterator[dict[str, float]]:
    """Wraps each extractor the pipeline calls with a timer, so shares add up to what extract() ran."""
    spent: dict[str, float] = defaultdict(float)
    originals = {name: getattr(pipeline, name) for name in (*STAGES, PARSE) if hasattr(pipeline, name)}

    def timed(name: str, function: Callable) -> Callable:
        @functools.wraps(function)
        def wrapper(*args, **kwargs):
            start = CLOCK()
            try:
                return function(*args, **kwargs)
            finally:
                spent[name] += CLOCK() - start

        return wrapper

    try:
        for name, function in originals.items():
            setattr(pipeline, name, timed(name, function))
        yield spent
    finally:
        for name, function in originals.items():
            setattr(pipeline, name, function)


def _clock(run: Callable[[], object]) -> float:
    start = CLOCK()
    run()
    return CLOCK() - start


def paired(texts: list[str], first: Callable[[str], object], second: Callable[[str], object],
           reps: int) -> tuple[list[float], list[float]]:
    """Per repetition, the total time of each side over all texts, timed text by text in alternating order."""
    ones, twos = [], []
    for rep in range(reps):
        one = two = 0.0
        for index, text in enumerate(texts):
            if (index + rep) % 2:
                two += _clock(lambda: second(text))  # noqa: B023 (called at once, inside the loop)
                one += _clock(lambda: first(text))  # noqa: B023
            else:
                one += _clock(lambda: first(text))  # noqa: B023
                two += _clock(lambda: second(text))  # noqa: B023
        ones.append(one)
        twos.append(two)
    return ones, twos


def measure_engine(table: Table, corpus: Corpus, reps: int) -> None:
    nlp = load_pipeline()
    words = corpus.words
    pipeline.extract(corpus.texts[0])  # first-call costs belong to the cold start, not to throughput
    with timed_stages() as spent:
        bare, full = paired(corpus.texts, nlp, pipeline.extract, reps)
    section = f"engine ({len(corpus.texts)} {corpus.name.split(' ', 1)[1]}, {words:,} words)"
    bare_s, full_s = median(bare), median(full)
    table.add(section, "bare nlp(text) words/s per core", words / bare_s, "words/s")
    table.add(section, "extract() words/s per core", words / full_s, "words/s", words / bare_s, "bare nlp")
    table.add(section, "extract() time / bare nlp(text) time", full_s, "s", bare_s, "bare nlp",
              note="target <= 1.25, stretch 1.10; two separate parses of each text")
    # Summed over the repetitions, each of which ran the same texts.
    inside = spent[PARSE] / reps
    total = sum(full) / reps
    table.add(section, "extract() time / the nlp call inside it", total, "s", inside, "its nlp",
              note="the same calls: free of the run-to-run spread of two separate parses")
    accounted = 0.0
    for name in STAGES:
        if name in spent:
            seconds = spent[name] / reps
            accounted += seconds
            table.add(section, f"{name} (share of nlp time)", seconds, "s", inside, "its nlp")
    table.add(section, "validation, models, stats (rest)", total - inside - accounted, "s", inside, "its nlp",
              note="extract() minus its nlp call minus extractors")


def measure_components(table: Table, corpus: Corpus, reps: int) -> None:
    """The model as shipped against the pipeline the engine loads: what excluding components saves."""
    name = model_name()
    ours = load_pipeline()
    whole_load = _clock(lambda: spacy.load(name))
    ours_load = _clock(lambda: build_pipeline(name))
    whole = spacy.load(name)
    whole.max_length = ours.max_length
    whole(corpus.texts[0])
    whole_runs, ours_runs = paired(corpus.texts, whole, ours, reps)
    section = f"pipeline components ({corpus.words:,} words)"
    excluded = ", ".join(UNUSED_COMPONENTS) or "nothing"
    table.add(section, "model as shipped: nlp time", median(whole_runs), "s",
              note=f"runs {', '.join(whole.pipe_names)}")
    table.add(section, "engine pipeline: nlp time", median(ours_runs), "s", median(whole_runs), "shipped",
              note=f"runs {', '.join(ours.pipe_names)}; excludes {excluded}")
    table.add(section, "engine pipeline: load time", ours_load, "s", whole_load, "shipped",
              note="tokenizer loaded once (factextract/nlp.py)")
    tagged = list(ours.pipe(corpus.texts, disable=["parser", "ner", LEMMATIZER]))
    lists = [_lemmatizing(whole, tagged) for _ in range(reps)]
    sets = [_lemmatizing(ours, tagged) for _ in range(reps)]
    table.add(section, "lemmatizer, words new to the process", median(sets), "s", median(lists), "shipped",
              note="from an empty cache; known forms answered from sets (factextract/lemma_index.py)")


def _lemmatizing(nlp: spacy.language.Language, docs: list[Doc]) -> float:
    """The pipeline's lemmatizer alone over copies of docs, from an empty cache: what words a process has not
    seen cost it (the lemmatizer keeps each word's lemmas once found)."""
    lemmatizer = nlp.get_pipe(LEMMATIZER)
    lemmatizer.cache = {}
    fresh = [doc.copy() for doc in docs]
    return _clock(lambda: [lemmatizer(doc) for doc in fresh])


def measure_batching(table: Table, corpus: Corpus, reps: int, processes: int = 2) -> int:
    """nlp.pipe at several batch sizes against one call per article; returns the fastest batch size."""
    nlp = load_pipeline()
    texts = corpus.texts
    runs: dict[str, list[float]] = defaultdict(list)
    baseline = "one nlp() call per article"
    configs: dict[str, Callable[[], object]] = {baseline: lambda: [nlp(text) for text in texts]}
    for size in BATCH_SIZES:
        configs[f"nlp.pipe batch_size={size}"] = functools.partial(
            lambda size: list(nlp.pipe(texts, batch_size=size)), size
        )
    # The workers' CPU time is not this process's: the parallel row is timed on the wall clock, against
    # the wall clock of the same batch size in this process, taken from the same runs as its CPU time.
    serial = "nlp.pipe batch_size=16"
    parallel = f"nlp.pipe n_process={processes} batch_size=16 (wall clock)"
    if processes > 1:
        configs[parallel] = lambda: list(nlp.pipe(texts, batch_size=16, n_process=processes))
    walls: dict[str, list[float]] = defaultdict(list)
    for rep in range(reps):
        order = list(configs.items())
        for label, run in order[rep % len(order):] + order[: rep % len(order)]:
            wall, cpu = time.perf_counter(), CLOCK()
            run()
            walls[label].append(time.perf_counter() - wall)
            runs[label].append(CLOCK() - cpu)
    section = f"batching ({len(texts)} articles, {corpus.words:,} words)"
    base = median(runs[baseline])
    for label in configs:
        if label == parallel:
            table.add(section, label, median(walls[label]), "s", median(walls[serial]), "one process, wall",
                      note="Lambda has no /dev/shm for multiprocessing queues; one vCPU up to 1,769 MB")
        else:
            table.add(section, label, median(runs[label]), "s", None if label == baseline else base, "per call")
    single = {size: median(runs[f"nlp.pipe batch_size={size}"]) for size in BATCH_SIZES}
    return min(single, key=single.__getitem__)
