"""Runs in a fresh interpreter (python -m devtools.bench.probe ...) and prints one JSON object.

Timestamps are time.perf_counter() values: CLOCK_MONOTONIC on Linux, shared by all processes, so the
parent can subtract the moment it started this process from them to get interpreter start-up time.
Imports are inside the functions on purpose: what this process imports is what is being measured.
"""

from __future__ import annotations

import json
import resource
import sys
import time
from pathlib import Path

STARTED = time.perf_counter()
STARTED_CPU = time.process_time()  # CPU the interpreter spent starting, up to this line


def peak_rss_mb() -> float:
    """This process's peak RSS. ru_maxrss is not used on Linux: it keeps the parent's peak across fork
    and exec, so a probe started by a benchmark holding the model would report the benchmark's memory."""
    status = Path("/proc/self/status")
    if status.is_file():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024 if sys.platform == "darwin" else 1024)  # macOS counts bytes, others kilobytes


def reset_peak_rss() -> bool:
    """Starts a new peak: writing 5 to clear_refs resets VmHWM (Linux 4.0 on). Without it, the peak of a
    first measurement would hide a lower peak of the next one in the same process."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        return False
    return True


def _mark(marks: dict, name: str) -> None:
    """Wall and CPU time at a step; CPU time is what a busy neighbour on a shared machine inflates least."""
    marks[name] = time.perf_counter()
    marks[f"{name}_cpu"] = time.process_time()


def cold(text: str) -> dict:
    """Start-up as the entry points run it (functions/*/app.py, the CLI): collection paused meanwhile."""
    marks = {"started": STARTED, "started_cpu": STARTED_CPU}
    from factextract.startup import process_start

    with process_start():
        import spacy  # noqa: F401  (its import is the biggest part of the engine's)

        _mark(marks, "spacy_imported")
        from factextract.pipeline import default_extractor, extract

        _mark(marks, "engine_imported")
        default_extractor()
        _mark(marks, "model_loaded")
    extract(text)
    _mark(marks, "first_extraction")
    extract(text)
    _mark(marks, "second_extraction")
    return marks


def bare(text: str) -> dict:
    """The floor for the cold start: spaCy alone, the same model, the same text."""
    marks = {"started": STARTED, "started_cpu": STARTED_CPU}
    import spacy

    from factextract.nlp import model_name

    _mark(marks, "spacy_imported")
    nlp = spacy.load(model_name())
    _mark(marks, "model_loaded")
    nlp(text)
    _mark(marks, "first_extraction")
    return marks


def imports(module: str, path: str) -> dict:
    if path:
        sys.path.insert(0, path)
    start = time.process_time()
    __import__(module)
    return {"started": STARTED, "import_s": time.process_time() - start, "rss_mb": peak_rss_mb()}


def rss(text: str, preload: str, path: str) -> dict:
    """Peak RSS of bare nlp(text), then of extract(text), in a process shaped like the Lambda's; the peak is
    reset between the two where the system allows, so extract's figure is its own."""
    result: dict = {}
    if preload:
        sys.path.insert(0, path)
        try:
            __import__(preload)
            result["preloaded"] = preload
        except Exception as exc:  # an unimportable handler is reported, and the engine still measured
            result["preload_error"] = f"{type(exc).__name__}: {exc}"
    from factextract.nlp import load_pipeline
    from factextract.pipeline import default_extractor, extract

    nlp = load_pipeline()
    nlp.max_length = max(nlp.max_length, default_extractor().max_chars, len(text) + 1)
    result["loaded_mb"] = peak_rss_mb()
    doc = nlp(text)
    del doc
    result["bare_mb"] = peak_rss_mb()
    result["peak_reset"] = reset_peak_rss()
    extract(text)
    result["extract_mb"] = peak_rss_mb()
    return result


def main(argv: list[str]) -> None:
    kind, *args = argv
    if kind == "cold":
        out = cold(Path(args[0]).read_text(encoding="utf-8"))
    elif kind == "bare":
        out = bare(Path(args[0]).read_text(encoding="utf-8"))
    elif kind == "import":
        out = imports(args[0], args[1])
    elif kind == "rss":
        out = rss(Path(args[0]).read_text(encoding="utf-8"), args[1], args[2])
    else:
        raise SystemExit(f"unknown probe {kind!r}")
    print(json.dumps(out))


if __name__ == "__main__":
    main(sys.argv[1:])
