import gc

import pytest

from factextract.startup import collector_paused


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
