import gc
import json
import os
import subprocess
import sys
import textwrap

import pytest

from factextract.startup import BLAS_THREADS_SETTING, blas_single_threaded, collector_paused


@pytest.fixture
def collector_state():
    enabled = gc.isenabled()
    thresholds = gc.get_threshold()
    yield
    gc.unfreeze()
    gc.set_threshold(*thresholds)
    if enabled:
        gc.enable()
    else:
        gc.disable()


@pytest.fixture
def collections():
    started: list[int] = []

    def count(phase: str, info: dict) -> None:
        if phase == "start":
            started.append(info["generation"])

    gc.callbacks.append(count)
    yield started
    gc.callbacks.remove(count)


def make_cycles(count: int) -> None:
    for _ in range(count):
        cycle: list = []
        cycle.append(cycle)


def test_no_collection_starts_inside_the_block(collector_state, collections):
    gc.enable()
    with collector_paused():
        make_cycles(10_000)
    assert collections == []


def test_the_pause_outlasts_a_library_that_re_enables_the_collector(collector_state, collections):
    gc.enable()
    with collector_paused():
        gc.disable()  # what srsly's msgpack readers do around each read
        gc.enable()
        make_cycles(10_000)
    assert collections == []


def test_collection_resumes_after_the_block(collector_state, collections):
    gc.enable()
    with collector_paused():
        pass
    make_cycles(10_000)
    assert collections


def test_what_the_block_created_is_frozen(collector_state):
    gc.unfreeze()
    with collector_paused():
        kept = [[index] for index in range(1000)]
    assert gc.get_freeze_count() >= len(kept)


def test_a_collector_disabled_before_stays_disabled(collector_state):
    gc.disable()
    with collector_paused():
        pass
    assert not gc.isenabled()


def test_collection_resumes_when_the_block_raises(collector_state, collections):
    gc.enable()
    with pytest.raises(RuntimeError), collector_paused():
        raise RuntimeError("model missing")
    make_cycles(10_000)
    assert collections


def in_fresh_process(code: str, env: dict[str, str] | None = None) -> dict:
    """Runs code in a new interpreter, where spaCy is not imported yet, and returns what it printed as JSON."""
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True, text=True, timeout=120, check=False, env=env,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_a_pipeline_loaded_in_the_block_parses_and_its_objects_are_frozen():
    seen = in_fresh_process("""
        import gc, json
        from factextract.startup import process_start
        with process_start():
            from factextract.nlp import load_pipeline
            nlp = load_pipeline()
        doc = nlp("Mayor Dana Whitfield said the vote was close.")
        print(json.dumps({
            "entities": [entity.text for entity in doc.ents],
            "frozen": gc.get_freeze_count() > 100_000,
        }))
    """)
    assert seen == {"entities": ["Dana Whitfield"], "frozen": True}


BLAS_THREADS_SEEN = """
    import json, os, sys
    from factextract.startup import process_start
    with process_start():
        import numpy
    tasks = "/proc/self/task"
    print(json.dumps({
        "setting": os.environ.get("OPENBLAS_NUM_THREADS"),
        "threads": len(os.listdir(tasks)) if os.path.isdir(tasks) else None,
    }))
"""


def test_numpy_imported_in_the_block_starts_no_blas_threads():
    env = {name: value for name, value in os.environ.items() if name != BLAS_THREADS_SETTING}
    seen = in_fresh_process(BLAS_THREADS_SEEN, env)
    assert seen["setting"] == "1"
    assert seen["threads"] in (1, None)  # None: no /proc to count threads in


def test_a_blas_thread_count_the_environment_sets_is_kept():
    seen = in_fresh_process(BLAS_THREADS_SEEN, {**os.environ, BLAS_THREADS_SETTING: "2"})
    assert seen["setting"] == "2"


def test_once_numpy_is_imported_the_environment_is_left_alone(monkeypatch):
    import numpy  # noqa: F401

    monkeypatch.delenv(BLAS_THREADS_SETTING, raising=False)
    blas_single_threaded()
    assert BLAS_THREADS_SETTING not in os.environ
