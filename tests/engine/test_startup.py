import gc
import json
import os
import subprocess
import sys
import textwrap

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factextract.startup import (
    BLAS_THREADS_SETTING,
    SPACY_INFO_MODULE,
    blas_single_threaded,
    collector_paused,
    entry_points_grouped,
    ids_converted_fast,
    msgpack_decoders_kept,
    pydantic_builds_deferred,
    spacy_cli_deferred,
    special_case_attributes_fast,
)


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


def test_spacy_imported_in_the_block_leaves_its_command_line_unloaded_and_still_parses():
    seen = in_fresh_process("""
        import json, sys
        from factextract.startup import process_start
        with process_start():
            from factextract.nlp import load_pipeline
            nlp = load_pipeline()
        doc = nlp("Mayor Dana Whitfield said the vote was close.")
        command_line = ("spacy.cli", "spacy.cli.info", "typer", "weasel")
        print(json.dumps({
            "loaded": sorted(name for name in command_line if name in sys.modules),
            "entities": [entity.text for entity in doc.ents],
        }))
    """)
    assert seen == {"loaded": [], "entities": ["Dana Whitfield"]}


def test_after_the_block_spacy_info_and_the_command_line_are_the_real_ones():
    seen = in_fresh_process("""
        import json
        from factextract.startup import spacy_cli_deferred
        with spacy_cli_deferred():
            import spacy
        info = spacy.info(silent=True)
        import spacy.cli
        print(json.dumps({"version": info["spacy_version"], "commands": hasattr(spacy.cli, "app")}))
    """)
    import spacy

    assert seen == {"version": spacy.__version__, "commands": True}


def test_once_spacy_is_imported_the_block_changes_nothing():
    import spacy  # noqa: F401

    before = sys.modules.get(SPACY_INFO_MODULE)
    with spacy_cli_deferred():
        assert sys.modules.get(SPACY_INFO_MODULE) is before
    assert sys.modules.get(SPACY_INFO_MODULE) is before


def test_grouped_entry_points_are_the_installed_ones_and_spacy_still_finds_its_plugins(monkeypatch):
    import importlib.metadata

    import catalogue
    import spacy

    installed = importlib.metadata.entry_points()
    monkeypatch.setattr(catalogue, "AVAILABLE_ENTRY_POINTS", installed)
    entry_points_grouped()
    grouped = catalogue.AVAILABLE_ENTRY_POINTS
    assert {group: sorted(ep.name for ep in points) for group, points in grouped.items()} == {
        group: sorted(ep.name for ep in installed.select(group=group)) for group in installed.groups
    }
    # spacy-legacy provides its architectures through entry points only.
    assert spacy.registry.architectures.get_entry_point("spacy-legacy.HashEmbedCNN.v1") is not None
    entry_points_grouped()
    assert catalogue.AVAILABLE_ENTRY_POINTS is grouped


@pytest.fixture
def msgpack_decoders():
    import srsly.msgpack

    return srsly.msgpack.msgpack_decoders


def test_msgpack_decoders_are_looked_up_once_while_the_registry_is_unchanged(msgpack_decoders, monkeypatch):
    import numpy
    import srsly

    lookups: list[int] = []
    look_up = msgpack_decoders.get_all

    def counted() -> dict:
        lookups.append(1)
        return look_up()

    monkeypatch.setattr(msgpack_decoders, "get_all", counted)
    packed = srsly.msgpack_dumps({"weights": numpy.arange(6, dtype="float32")})
    with msgpack_decoders_kept():
        for _ in range(5):
            assert srsly.msgpack_loads(packed)["weights"].tolist() == [0.0, 1.0, 2.0, 3.0, 4.0, 5.0]
    assert len(lookups) == 1
    assert msgpack_decoders.get_all == counted


def test_a_decoder_registered_in_the_block_is_used(msgpack_decoders):
    import catalogue
    import srsly

    packed = srsly.msgpack_dumps({"kind": "sentinel"})
    before = vars(msgpack_decoders).get("get_all")
    with msgpack_decoders_kept():
        assert srsly.msgpack_loads(packed) == {"kind": "sentinel"}

        def decode(obj: dict, chain=None) -> object:
            return "decoded" if obj.get("kind") == "sentinel" else obj if chain is None else chain(obj)

        msgpack_decoders.register("factextract-test", func=decode)
        try:
            assert srsly.msgpack_loads(packed) == "decoded"
        finally:
            catalogue._remove(("srsly", "msgpack_decoders", "factextract-test"))
    assert vars(msgpack_decoders).get("get_all") is before


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


def test_spacy_schemas_no_load_uses_stay_unbuilt_until_used_and_later_models_build_at_once():
    seen = in_fresh_process("""
        import json
        import pydantic
        from factextract.startup import process_start
        with process_start():
            from factextract.nlp import load_pipeline
            nlp = load_pipeline()

            class InTheBlock(pydantic.BaseModel):
                text: str

        import spacy.schemas

        class AfterTheBlock(pydantic.RootModel[int]):
            pass

        unbuilt = spacy.schemas.DocJSONSchema.__pydantic_complete__
        errors = spacy.schemas.validate(spacy.schemas.DocJSONSchema, nlp("Rates rose 2% in May.").to_json())
        print(json.dumps({
            "unbuilt_before_use": not unbuilt,
            "errors": errors,
            "built_after_use": spacy.schemas.DocJSONSchema.__pydantic_complete__,
            "ours_built": InTheBlock.__pydantic_complete__ and AfterTheBlock.__pydantic_complete__,
            "configs": [pydantic.BaseModel.model_config, pydantic.RootModel.model_config],
        }))
    """)
    assert seen == {"unbuilt_before_use": True, "errors": [], "built_after_use": True, "ours_built": True,
                    "configs": [{}, {}]}


def test_a_defer_build_someone_else_set_is_kept():
    from pydantic import BaseModel

    BaseModel.model_config["defer_build"] = False
    try:
        with pydantic_builds_deferred():

            class Built(BaseModel):
                value: int

        assert Built.__pydantic_complete__
        assert BaseModel.model_config == {"defer_build": False}
    finally:
        del BaseModel.model_config["defer_build"]


ATTRIBUTE_NAMES = st.sampled_from(["ORTH", "NORM", "orth", "F", "L", "pos", "morph", "Number", "number",
                                   "PronType", "TAG", "ENT_IOB", "LIKE_NUM", "nonsense"])


def attribute_ids() -> st.SearchStrategy[int]:
    from spacy.attrs import ENT_IOB, LEMMA, NORM, ORTH, TAG

    return st.one_of(st.sampled_from([ORTH, NORM, LEMMA, TAG, ENT_IOB]), st.integers(0, 10**6))


@given(
    attributes=st.dictionaries(
        st.one_of(attribute_ids(), ATTRIBUTE_NAMES, st.booleans()),
        st.one_of(st.text(max_size=4), st.integers(0, 3), st.sampled_from(["I", "O", "B", ""])),
        max_size=4,
    ),
    map_kind=st.sampled_from(["none", "store", "dict"]),
    deprecated=st.booleans(),
)
def test_the_fast_conversion_gives_what_spacys_gives_for_any_attributes(attributes, map_kind, deprecated):
    from spacy.attrs import ENT_IOB, intify_attrs
    from spacy.strings import StringStore

    fast = ids_converted_fast(intify_attrs, ENT_IOB)

    def outcome(convert, given_attributes: dict) -> tuple:
        strings = {"none": None, "store": StringStore(), "dict": {"a": 1}}[map_kind]
        try:
            result = convert(given_attributes, strings_map=strings, _do_deprecated=deprecated)
        except (KeyError, ValueError) as exc:
            return type(exc).__name__, given_attributes
        return result, given_attributes

    assert outcome(fast, dict(attributes)) == outcome(intify_attrs, dict(attributes))


def test_a_tokenizer_built_in_the_block_has_spacys_rules_and_tokens():
    import spacy.attrs
    import spacy.vocab

    def english() -> tuple[dict, list]:
        nlp = spacy.blank("en")
        text = " ".join(nlp.tokenizer.rules) + " They'd've said it wasn't 5km, y'know."
        return dict(nlp.tokenizer.rules), [(token.text, token.norm_, token.whitespace_) for token in nlp(text)]

    with special_case_attributes_fast():
        assert spacy.vocab.intify_attrs is not spacy.attrs.intify_attrs
        fast = english()
    assert spacy.vocab.intify_attrs is spacy.attrs.intify_attrs
    assert fast == english()


def test_a_conversion_someone_else_gave_spacy_is_left_alone(monkeypatch):
    import spacy.attrs
    import spacy.vocab

    def theirs(stringy_attrs: dict, strings_map=None, _do_deprecated: bool = False) -> dict:
        return spacy.attrs.intify_attrs(stringy_attrs, strings_map, _do_deprecated)

    monkeypatch.setattr(spacy.vocab, "intify_attrs", theirs)
    with special_case_attributes_fast():
        assert spacy.vocab.intify_attrs is theirs
    assert spacy.vocab.intify_attrs is theirs
