"""Start-up for the code that imports spaCy and loads the model: the entry points wrap both in process_start().

It removes two costs of a cold start that no extraction needs, by public means only: the garbage collector
rescanning the few hundred thousand objects that importing spaCy and loading the pipeline create, none of
them garbage, and OpenBLAS starting threads that spin idle. Patches of library internals that saved more
were removed (docs/startup.md says what each saved and why it went). This module must not import spaCy
or numpy on import, so that process_start() can set these up before they are.
"""

from __future__ import annotations

import contextlib
import gc
import os
import sys
from collections.abc import Iterator

# Read by the OpenBLAS inside numpy's wheels when numpy is imported, not after.
BLAS_THREADS_SETTING = "OPENBLAS_NUM_THREADS"


@contextlib.contextmanager
def process_start() -> Iterator[None]:
    """Imports and model load in the block start no idle BLAS threads and stay out of later collections."""
    blas_single_threaded()
    with collector_paused():
        yield


def blas_single_threaded() -> None:
    """Has numpy's OpenBLAS start no threads of its own, unless the environment already says how many.

    On import OpenBLAS starts a thread for each further core, and each spins for about 0.1 s of CPU before it
    sleeps: a fourteenth of a cold start's CPU on two cores, and where a process's CPU is capped below its
    cores (a cgroup quota; Lambda allots CPU in proportion to memory) the spin uses up part of the main
    thread's allowance. Nothing here multiplies matrices large enough for threads to help: spaCy's layers
    call BLIS, not OpenBLAS, and the check-worthiness model scores one sentence's vector at a time. Once
    numpy is imported the setting would only reach child processes, so it is left alone."""
    if "numpy" not in sys.modules:
        os.environ.setdefault(BLAS_THREADS_SETTING, "1")


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Pauses automatic collection for the block, then freezes what the block created: frozen objects are
    left out of every later collection, so a warm call does not rescan the model either.

    The pause is a zero threshold, not gc.disable(): srsly's msgpack readers, which the model load calls
    for each component, call gc.enable() after every read and would end a pause made that way."""
    thresholds = gc.get_threshold()
    gc.set_threshold(0)
    try:
        yield
    finally:
        gc.freeze()
        gc.set_threshold(*thresholds)
