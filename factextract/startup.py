"""Start-up without the garbage collector's rescans: for the code that imports spaCy and loads the model.

Importing spaCy and loading the pipeline create a few hundred thousand objects that live as long as the
process. While they are being created, every allocation threshold crossed starts a collection that
scans them again, and none of them is garbage; that is about a tenth of a cold start. This module must
not import spaCy itself, so that entry points can pause collection before they do.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


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
