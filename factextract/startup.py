"""Start-up for the code that imports spaCy and loads the model: the entry points wrap both in process_start().

It removes seven costs of a cold start that no extraction needs: the garbage collector rescanning the few
hundred thousand objects that importing spaCy and loading the pipeline create, none of them garbage;
spaCy's command line, which `import spacy` loads for spacy.info() alone; validators for the pydantic
schemas spaCy defines on import, most of which a model load never uses; catalogue scanning every installed
entry point on each registry read; srsly rebuilding its msgpack decoders from the whole registry for each
file of the model; spaCy checking some sixty retired attribute names on each of the tokenizer's special
cases, twice; and OpenBLAS starting threads that spin idle. An eighth, compiling the same regular
expressions in every process, it saves where a process can keep them for the next
(factextract.pattern_cache). This module must not import spaCy or numpy on import, so that process_start()
can set these up before they are.
"""

from __future__ import annotations

import contextlib
import gc
import importlib.util
import os
import sys
import types
from collections.abc import Callable, Iterator
from typing import Any

from factextract.pattern_cache import patterns_cached

# spacy/__init__.py imports spacy.info() from this module, and through it every spaCy command.
SPACY_INFO_MODULE = "spacy.cli.info"
# Read by the OpenBLAS inside numpy's wheels when numpy is imported, not after.
BLAS_THREADS_SETTING = "OPENBLAS_NUM_THREADS"


@contextlib.contextmanager
def process_start() -> Iterator[None]:
    """Imports and model load in the block cost what an extraction needs, and stay out of later collections."""
    blas_single_threaded()
    with collector_paused(), spacy_cli_deferred(), msgpack_decoders_kept(), patterns_cached():
        entry_points_grouped()
        if importlib.util.find_spec("spacy") is not None:
            with pydantic_builds_deferred():
                import spacy  # noqa: F401  (here, so that only the models spaCy defines are deferred)
        with special_case_attributes_fast():
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
def msgpack_decoders_kept() -> Iterator[None]:
    """Keeps srsly's msgpack decoders between reads in the block, until a registration changes the registry.

    srsly looks its decoders up before every unpack, and catalogue finds them by copying and scanning the
    registry all spaCy, thinc and srsly functions share: 91 times in a model load, about 30 ms. The
    registry's size stands for its state, since registering adds a key; a replaced decoder (the same name
    registered again) would go unseen until the block ends, and nothing the model load runs does that."""
    if importlib.util.find_spec("srsly") is None:
        yield
        return
    import catalogue
    import srsly.msgpack

    decoders = srsly.msgpack.msgpack_decoders
    own = vars(decoders).get("get_all")  # set by someone else before the block: put back after it
    look_up = decoders.get_all
    kept: dict[int, dict[str, Any]] = {}

    def get_all() -> dict[str, Any]:
        size = len(catalogue.REGISTRY)
        if size not in kept:
            kept.clear()
            kept[size] = look_up()
        return kept[size]

    decoders.get_all = get_all  # type: ignore[method-assign]
    try:
        yield
    finally:
        if own is None:
            del decoders.get_all
        else:
            decoders.get_all = own


@contextlib.contextmanager
def pydantic_builds_deferred() -> Iterator[None]:
    """pydantic models defined in the block build their validators when first used, not when defined.

    spaCy defines 19 pydantic models on import, training, pattern and JSON schemas among them, and builds
    every validator then. Its import builds 7 of them even so (the config schemas, which it rebuilds, and
    the edit tree's), a model load one more and an extraction none: 11 are never built. The block gives BaseModel's
    config pydantic's own defer_build, which every model defined in it inherits. pydantic's RootModel is
    defined before it, since models defined later inherit from it; process_start() defines no model of
    ours in the block, so ours and the API's are built at start-up as before, ahead of a SnapStart snapshot
    and of any request."""
    from pydantic import BaseModel, RootModel  # noqa: F401  (RootModel: defined before the block)

    config = BaseModel.model_config
    if "defer_build" in config:  # set by someone else: theirs to keep
        yield
        return
    config["defer_build"] = True
    try:
        yield
    finally:
        config.pop("defer_build", None)


@contextlib.contextmanager
def special_case_attributes_fast() -> Iterator[None]:
    """spaCy converts the attributes of the tokenizer's special cases faster in the block, to the same result.

    Adding a special case converts each of its tokens' attribute dicts twice (to check it, then to store it)
    with intify_attrs, which first looks some sixty retired attribute names up in three spellings each:
    about 60 ms of a model load, for 1,347 English rules. Every language's rules are keyed by attribute
    ids (ORTH, NORM), and for such a dict none of those names can be present, so the conversion only encodes
    string values. The block gives spaCy's tokenizer and vocab a converter that does just that for
    dicts keyed by ids alone and passes every other dict to spaCy's own. A no-op until spaCy is imported."""
    if "spacy.vocab" not in sys.modules or "spacy.tokenizer" not in sys.modules:
        yield
        return
    import spacy.attrs
    import spacy.tokenizer
    import spacy.vocab

    convert = spacy.attrs.intify_attrs
    callers = (spacy.tokenizer, spacy.vocab)
    if any(caller.intify_attrs is not convert for caller in callers):  # someone else's: left alone
        yield
        return
    fast = ids_converted_fast(convert, spacy.attrs.ENT_IOB)
    for caller in callers:
        caller.intify_attrs = fast
    try:
        yield
    finally:
        for caller in callers:
            if caller.intify_attrs is fast:
                caller.intify_attrs = convert


def ids_converted_fast(convert: Callable[..., dict], ent_iob: int) -> Callable[..., dict]:
    """convert (spaCy's intify_attrs) with a short way for dicts keyed by attribute ids alone. ENT_IOB is
    left to convert, which maps its values to their own ids."""

    def intify_attrs(stringy_attrs: dict, strings_map: Any = None, _do_deprecated: bool = False) -> dict:
        if ent_iob in stringy_attrs or any(type(key) is not int for key in stringy_attrs):
            return convert(stringy_attrs, strings_map=strings_map, _do_deprecated=_do_deprecated)
        if strings_map is None:
            return dict(stringy_attrs)
        encode = strings_map.add if hasattr(strings_map, "add") else strings_map.__getitem__
        return {key: encode(value) if isinstance(value, str) else value for key, value in stringy_attrs.items()}

    return intify_attrs


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
