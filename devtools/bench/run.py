"""Runs the benchmark's sections in order and prints the one table, with the machine it ran on."""

from __future__ import annotations

import datetime as dt
import os
import platform
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import spacy

from devtools.bench import engine, startup
from devtools.bench.corpus import load_corpus
from devtools.bench.table import Table
from factextract import __version__
from factextract.nlp import load_pipeline, pipeline_version
from factextract.pipeline import default_extractor
from factextract.startup import collector_paused

SECTIONS = (
    "engine", "components", "claims", "batching", "cold", "imports", "memory", "api", "batch", "footprint", "cost",
)


@dataclass(frozen=True)
class Plan:
    """How much to run: the full plan fits in 5 minutes on 2 cores; tiny only checks every row appears."""

    reps: int
    # A fresh process's start-up varies most with what else the machine runs: more samples steady its median.
    cold_reps: int
    engine_words: int
    component_words: int
    batch_leads: int
    lead_words: int
    processes: int
    memory_sizes: tuple[int, ...]
    latency_sizes: tuple[int, ...]
    latency_calls: tuple[int, ...]
    batch_articles: int


FULL = Plan(
    reps=3, cold_reps=5, engine_words=10_000, component_words=5_000, batch_leads=48, lead_words=100, processes=2,
    memory_sizes=(300, 1_000, 5_000, 50_000), latency_sizes=(300, 1_000, 5_000), latency_calls=(20, 10, 5),
    batch_articles=40,
)
TINY = Plan(
    reps=1, cold_reps=1, engine_words=200, component_words=100, batch_leads=4, lead_words=30, processes=1,
    memory_sizes=(300,), latency_sizes=(30, 100, 300), latency_calls=(2, 2, 2), batch_articles=3,
)


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.is_file():
        names = [line.split(":", 1)[1].strip() for line in cpuinfo.read_text().splitlines()
                 if line.startswith("model name")]
        cpu = names[0] if names else cpu
    memory = ""
    meminfo = Path("/proc/meminfo")
    if meminfo.is_file():
        kb = int(meminfo.read_text().split()[1])
        memory = f", {kb / 1024 / 1024:.0f} GB RAM"
    load = ", load average {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()) if hasattr(os, "getloadavg") else ""
    return (
        f"{cpu}, {os.cpu_count()} cores{memory}{load}; {platform.system()} {platform.release()}; "
        f"Python {platform.python_version()}, spaCy {spacy.__version__}, {pipeline_version(load_pipeline())}, "
        f"factextract {__version__}"
    )


def run(sections: tuple[str, ...] = SECTIONS, tiny: bool = False, corpus_dir: Path | None = None,
        markdown: Path | None = None) -> Table:
    plan = TINY if tiny else FULL
    began = time.perf_counter()
    corpus = load_corpus(corpus_dir)
    with collector_paused():  # the models as the deployed functions hold them: loaded, then frozen
        default_extractor()
    table = Table()
    context: dict[str, object] = {}
    steps: dict[str, Callable[[], object]] = {
        "engine": lambda: engine.measure_engine(table, corpus.first_words(plan.engine_words), plan.reps),
        "components": lambda: engine.measure_components(table, corpus.first_words(plan.component_words), plan.reps),
        "claims": lambda: _claims().measure_claims(table, corpus.first_words(plan.component_words), plan.reps),
        "batching": lambda: context.__setitem__("batch_size", engine.measure_batching(
            table, corpus.leads(plan.batch_leads, plan.lead_words), plan.reps, plan.processes)),
        "cold": lambda: startup.measure_cold_start(table, corpus, plan.cold_reps),
        "imports": lambda: startup.measure_imports(table, plan.reps),
        "memory": lambda: startup.measure_memory(table, corpus, plan.memory_sizes, _api_limit()),
        "api": lambda: _serverless().measure_api(table, corpus, plan.latency_sizes, plan.latency_calls),
        "batch": lambda: _serverless().measure_batch(table, corpus, plan.batch_articles),
        "footprint": lambda: _footprint().measure_footprint(table),
        "cost": lambda: _cost().estimate(table),
    }
    for name in SECTIONS:
        if name in sections:
            start = time.perf_counter()
            steps[name]()
            print(f"bench: {name} done in {time.perf_counter() - start:.1f} s", file=sys.stderr, flush=True)
    elapsed = time.perf_counter() - began
    header = (
        f"python -m devtools bench{' --tiny' if tiny else ''}, {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC, "
        f"{elapsed:.0f} s in all\n\nMachine: {machine()}\n\nCorpus: {corpus.name} ({corpus.words:,} words). "
        f"Each figure is the median of {plan.reps} run(s), the cold start's of {plan.cold_reps}; "
        "ratio = median / baseline from the same run.\n"
    )
    output = f"{header}\n{table.markdown()}\n"
    print(output)
    if markdown:
        markdown.write_text(output, encoding="utf-8")
    return table


def _api_limit() -> int:
    try:
        sys.path.insert(0, str(startup.FUNCTIONS))
        from shared.config import DEFAULT_MAX_TEXT_CHARS

        return DEFAULT_MAX_TEXT_CHARS
    except ImportError:
        return 100_000


def _serverless():
    from devtools.bench import serverless

    return serverless


def _claims():
    from devtools.bench import claims

    return claims


def _footprint():
    from devtools.bench import footprint

    return footprint


def _cost():
    from devtools.bench import cost

    return cost
