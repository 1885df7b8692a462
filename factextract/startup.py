"""Start-up for the code that imports spaCy and loads the model: the entry points wrap both in process_start().

It removes three costs of a cold start that no extraction needs: the garbage collector rescanning the few
hundred thousand objects that importing spaCy and loading the pipeline create, none of them garbage;
spaCy's command line, which `import spacy` loads for spacy.info() alone; and catalogue scanning every
installed entry point on each registry read. This module must not import spaCy itself, so that entry
points can set these up before they do.
"""

from __future__ import annotations

import contextlib
import gc
import importlib.util
import sys
import types
from collections.abc import Iterator
from typing import Any

# spacy/__init__.py imports spacy.info() from this module, and through it every spaCy command.
SPACY_INFO_MODULE = "spacy.cli.info"


@contextlib.contextmanager
def process_start() -> Iterator[None]:
    """Imports and model load in the block cost what an extraction needs, and stay out of later collections."""
    with collector_paused(), spacy_cli_deferred():
        entry_points_grouped()
        yield


def entry_points_grouped() -> None:
    """Groups the installed entry points once for catalogue, the registry spaCy, thinc and srsly share.

    catalogue looks a registry's plugins up on every read, by scanning every entry point installed; srsly
    reads its msgpack registries for each of the 91 files the model load unpacks, and spaCy for each
    factory it registers: about a tenth of a cold start, more in a large environment. catalogue accepts a
    dict of groups (what importlib.metadata returned before Python 3.10) and then reads one key."""
    import catalogue

    installed = catalogue.AVAILABLE_ENTRY_POINTS
    if hasattr(installed, "select"):  # not grouped yet
        catalogue.AVAILABLE_ENTRY_POINTS = {group: list(installed.select(group=group)) for group in installed.groups}


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


@contextlib.contextmanager
def spacy_cli_deferred() -> Iterator[None]:
    """Lets spaCy be imported in the block without its command line, which it loads for spacy.info() alone.

    That import pulls in every spaCy command with typer, weasel, rich, requests and jinja2: about 350
    modules and 0.2 s. spaCy made it lazy once (explosion/spaCy#12962) and proposes it again (#13933); until
    a release has it, the block gives spacy.info a stand-in that imports the real one when first called.
    After the block `import spacy.cli` loads the real package. A no-op once spaCy is imported."""
    if "spacy" in sys.modules or SPACY_INFO_MODULE in sys.modules or importlib.util.find_spec("spacy") is None:
        yield
        return
    stand_in = types.ModuleType(SPACY_INFO_MODULE, "Stands in for spacy.cli.info while spaCy is imported.")

    def info(*args: Any, **kwargs: Any) -> Any:
        if sys.modules.get(SPACY_INFO_MODULE) is stand_in:
            del sys.modules[SPACY_INFO_MODULE]
        real = importlib.import_module(SPACY_INFO_MODULE)
        return real.info(*args, **kwargs)

    stand_in.info = info  # type: ignore[attr-defined]
    sys.modules[SPACY_INFO_MODULE] = stand_in
    try:
        yield
    finally:
        if sys.modules.get(SPACY_INFO_MODULE) is stand_in:
            del sys.modules[SPACY_INFO_MODULE]
