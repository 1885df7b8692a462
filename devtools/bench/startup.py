"""Figures that need a fresh interpreter: cold start by parts, module import times, peak RSS by size."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from devtools.bench.corpus import ROOT, Corpus, article_of
from devtools.bench.table import Table, median

FUNCTIONS = ROOT / "functions"
# Handler modules as Lambda imports them (CodeUri: functions/, handler api.app.lambda_handler ...).
FUNCTION_MODULES = ("api.app", "batch.app")
# What a deployed function's environment holds at import time; the values only need to be well formed.
LAMBDA_ENV = {
    "AWS_DEFAULT_REGION": "us-east-1",
    "AWS_REGION": "us-east-1",
    "AWS_ACCESS_KEY_ID": "bench",
    "AWS_SECRET_ACCESS_KEY": "bench",
    "TABLE_NAME": "factextract-bench",
    "RESULTS_BUCKET": "factextract-bench-results",
    "INPUT_BUCKET": "factextract-bench-input",
    "CHUNK_QUEUE_URL": "https://sqs.us-east-1.amazonaws.com/123456789012/factextract-bench-chunks",
    "POWERTOOLS_SERVICE_NAME": "factextract",
    "POWERTOOLS_METRICS_NAMESPACE": "factextract",
    "POWERTOOLS_TRACE_DISABLED": "true",
    "POWERTOOLS_LOG_LEVEL": "WARNING",
}


def probe(kind: str, *args: str, settings: dict[str, str] | None = None) -> tuple[float, dict]:
    """Starts `python -m devtools.bench.probe kind args`; returns its start moment and its JSON."""
    env = {**os.environ, **LAMBDA_ENV, **(settings or {}), "PYTHONPATH": str(ROOT)}
    # The layer ships every module compiled (make layer), so a cold start reads bytecode; a shell that sets
    # PYTHONDONTWRITEBYTECODE would otherwise have each probe compile the engine's sources again.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "devtools.bench.probe", kind, *args],
        capture_output=True, text=True, env=env, cwd=ROOT, check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"probe {kind} failed: {done.stderr.strip().splitlines()[-1:]}")
    return started, json.loads(done.stdout.strip().splitlines()[-1])


def _write(text: str) -> Path:
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False, encoding="utf-8") as handle:
        handle.write(text)
    return Path(handle.name)


PARTS = (
    ("python start", "started"),
    ("import spaCy", "spacy_imported"),
    ("import engine (beyond spaCy)", "engine_imported"),
    ("model load", "model_loaded"),
    ("first extraction (300 words)", "first_extraction"),
)


def _parts(marks: dict) -> dict[str, float]:
    """CPU seconds of each step (the first: the interpreter's start-up), and the wall-clock total."""
    parts: dict[str, float] = {}
    previous = 0.0
    for part, mark in PARTS:
        if f"{mark}_cpu" in marks or mark == "started":
            now = marks["started_cpu"] if mark == "started" else marks[f"{mark}_cpu"]
            parts[part] = now - previous
            previous = now
    parts["total to first extraction"] = previous
    return parts


def _record(runs: dict[str, list[float]], started: float, marks: dict) -> dict:
    """Adds one probe's parts and its wall-clock total to runs; returns its marks."""
    for part, seconds in _parts(marks).items():
        runs[part].append(seconds)
    runs["total, wall clock"].append(marks["first_extraction"] - started)
    return marks


def measure_cold_start(table: Table, corpus: Corpus, reps: int) -> None:
    """Fresh processes of ours and of spaCy alone, in turn, so both see the same load on the machine."""
    path = _write(article_of(corpus, 300))
    ours: dict[str, list[float]] = defaultdict(list)
    floor: dict[str, list[float]] = defaultdict(list)
    try:
        for _ in range(reps):
            marks = _record(ours, *probe("cold", str(path)))
            ours["second extraction (warm)"].append(marks["second_extraction_cpu"] - marks["first_extraction_cpu"])
            _record(floor, *probe("bare", str(path)))
    finally:
        path.unlink()
    section = "cold start (fresh process, CPU s, no SnapStart)"
    notes = {
        "total to first extraction": "target < 1.5 s; SnapStart restores after model load: only the first call is left",
        "model load": "the spaCy pipeline and the check-worthiness model",
        "import engine (beyond spaCy)": "factextract modules, pydantic models, word lists",
        "total, wall clock": "includes waiting for a busy CPU",
    }
    for part, values in ours.items():
        base = floor.get(part)
        table.add(section, part, median(values), "s", median(base) if base else None,
                  "spaCy-only process" if base else "", note=notes.get(part, ""))


def measure_imports(table: Table, reps: int) -> None:
    section = "module import (fresh process)"
    runs: dict[str, list[float]] = defaultdict(list)
    memory: dict[str, float] = {}
    errors: dict[str, str] = {}
    targets = [("spacy", ""), ("factextract.pipeline", "")]
    targets += [(module, str(FUNCTIONS)) for module in FUNCTION_MODULES]
    for _ in range(reps):
        for module, path in targets:
            if module in errors:
                continue
            try:
                _, result = probe("import", module, path)
            except RuntimeError as exc:
                errors[module] = str(exc)
                continue
            runs[module].append(result["import_s"])
            memory[module] = result["rss_mb"]
    engine = median(runs["factextract.pipeline"]) if runs["factextract.pipeline"] else None
    for module, _ in targets:
        if module in errors:
            table.add(section, f"import {module}", None, "s", note=errors[module][:80])
            continue
        baseline = median(runs["spacy"]) if module == "factextract.pipeline" else engine
        name = "import spacy" if module == "factextract.pipeline" else "engine import"
        if module == "spacy":
            baseline, name = None, ""
        table.add(section, f"import {module}", median(runs[module]), "s", baseline, name,
                  note=f"RSS after import {memory[module]:.0f} MB")


def _peak(corpus: Corpus, words: int, api_limit_chars: int) -> tuple[str, dict]:
    text = article_of(corpus, words)
    handler = "api.app" if len(text) <= api_limit_chars else "batch.app"
    path = _write(text)
    try:
        return handler, probe("rss", str(path), handler, str(FUNCTIONS))[1]
    finally:
        path.unlink()


def measure_memory(table: Table, corpus: Corpus, sizes: tuple[int, ...], api_limit_chars: int) -> dict[int, float]:
    """Peak RSS per article size, each in a fresh process that first imports the handler that would run it.

    A process's peak RSS does not depend on what else the machine runs, so the probes run two at a time,
    the largest first: the 50,000-word article alone takes as long as all the others together."""
    section = "peak RSS (fresh process per size)"
    with ThreadPoolExecutor(max_workers=2) as pool:
        futures = {words: pool.submit(_peak, corpus, words, api_limit_chars) for words in sorted(sizes, reverse=True)}
        results = {words: future.result() for words, future in futures.items()}
    peaks: dict[int, float] = {}
    for words in sizes:
        handler, result = results[words]
        peaks[words] = result["extract_mb"]
        note = f"imports {handler} first" if "preloaded" in result else f"{handler} not importable: engine only"
        if not result.get("peak_reset"):
            note += "; peak not reset after bare nlp: extract() peak is at least that"
        table.add(section, f"{words:,}-word article", result["extract_mb"], "MB", result["bare_mb"], "bare nlp",
                  note=f"{note}; {result['loaded_mb']:.0f} MB after model load")
    return peaks
