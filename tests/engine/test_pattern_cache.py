import _sre
import marshal
import re
import sys
import uuid
from re import _compiler, _parser

import pytest

from factextract.numbers import alternation
from factextract.pattern_cache import CACHE_DIR_SETTING, cache_file, patterns_cached


@pytest.fixture
def cache_dir(tmp_path, monkeypatch):
    monkeypatch.setenv(CACHE_DIR_SETTING, str(tmp_path))
    re.purge()  # re keeps compiled patterns per process too; the tests must reach its compiler
    yield tmp_path
    re.purge()


@pytest.fixture
def parses(monkeypatch):
    """Counts the patterns re parses: a pattern served from the cache file is not parsed."""
    parsed: list[str] = []
    parse = _parser.parse

    def counting(pattern, flags=0, state=None):
        parsed.append(pattern)
        return parse(pattern, flags) if state is None else parse(pattern, flags, state)

    monkeypatch.setattr(_parser, "parse", counting)
    return parsed


def unique(pattern: str) -> str:
    """A pattern no earlier test or import has compiled: the cache cannot have it from elsewhere."""
    return f"(?:{pattern})|{uuid.uuid4().hex}"


def test_a_pattern_compiled_in_one_block_is_read_back_in_the_next(cache_dir, parses):
    pattern = unique(r"(?P<amount>\d+(?:\.\d+)?)\s*(?P<unit>(?i:km|miles?))")
    with patterns_cached():
        first = re.compile(pattern)
    assert cache_file().is_file()
    re.purge()
    parses.clear()
    with patterns_cached():
        again = re.compile(pattern)
    assert parses == []
    assert again is not first
    assert (again.pattern, again.flags, again.groups, again.groupindex) == (
        first.pattern,
        first.flags,
        first.groups,
        first.groupindex,
    )
    for text in ("ran 12.5 KM today", "3 Miles", "no figure here"):
        found, expected = again.search(text), first.search(text)
        assert (found and found.groupdict()) == (expected and expected.groupdict())


def test_flags_and_bytes_patterns_keep_their_own_entries(cache_dir, parses):
    text, data = unique(r"caf\w"), unique(r"caf\w").encode()
    with patterns_cached():
        re.compile(text)
        re.compile(text, re.IGNORECASE)
        re.compile(data)
    re.purge()
    parses.clear()
    with patterns_cached():
        folded = re.compile(text, re.IGNORECASE)
        raw = re.compile(data)
    assert parses == []
    assert folded.search("CAFÉ") and not re.compile(text).search("CAFÉ")
    assert raw.search(b"cafe") and raw.flags == _compiler.compile(data, 0).flags


def test_a_file_that_cannot_be_read_is_compiled_over(cache_dir):
    cache_dir.mkdir(exist_ok=True)
    cache_file().write_bytes(b"not marshal data")
    pattern = unique(r"\bword\b")
    with patterns_cached():
        assert re.compile(pattern).search("a word here")
    assert pattern in {key[0] for key in marshal.loads(cache_file().read_bytes())}


def test_an_entry_the_engine_refuses_is_compiled_again(cache_dir, parses):
    pattern = unique(r"ab+c")
    with patterns_cached():
        re.compile(pattern)
    entries = marshal.loads(cache_file().read_bytes())
    flags, opcodes, *rest = entries[(pattern, 0)]
    entries[(pattern, 0)] = (flags, b"\xff\xff\xff\x7f" * 4, *rest)  # not opcodes _sre accepts
    cache_file().write_bytes(marshal.dumps(entries))
    re.purge()
    parses.clear()
    with patterns_cached():
        compiled = re.compile(pattern)
    assert parses == [pattern]
    assert compiled.search("xabbbc") and not compiled.search("ac")
    assert marshal.loads(cache_file().read_bytes())[(pattern, 0)][1] == opcodes


def test_the_file_holds_what_the_last_block_used(cache_dir):
    kept, dropped = unique("kept"), unique("dropped")
    with patterns_cached():
        re.compile(kept)
        re.compile(dropped)
    re.purge()
    with patterns_cached():
        re.compile(kept)
        re.compile(unique("new"))  # something new, so the block writes
    stored = {key[0] for key in marshal.loads(cache_file().read_bytes())}
    assert kept in stored and dropped not in stored


def test_an_empty_setting_turns_the_cache_off(tmp_path, monkeypatch, parses):
    monkeypatch.setenv(CACHE_DIR_SETTING, "")
    assert cache_file() is None
    with patterns_cached():
        assert _compiler.compile.__module__ == "re._compiler"
        re.compile(unique("off"))
    assert list(tmp_path.iterdir()) == []


def test_a_directory_that_cannot_be_written_costs_nothing_but_the_cache(tmp_path, monkeypatch):
    blocker = tmp_path / "a file"
    blocker.write_text("")
    monkeypatch.setenv(CACHE_DIR_SETTING, str(blocker / "cache"))
    with patterns_cached():
        assert re.compile(unique("unwritten")).search("unwritten")
    assert blocker.read_text() == ""


def test_the_compiler_is_restored_when_the_block_fails(cache_dir):
    compile_as_usual = _compiler.compile
    with pytest.raises(RuntimeError), patterns_cached():
        assert _compiler.compile is not compile_as_usual
        raise RuntimeError("a failed start-up")
    assert _compiler.compile is compile_as_usual


def test_the_default_directory_is_the_users_cache(monkeypatch, tmp_path):
    monkeypatch.delenv(CACHE_DIR_SETTING, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert cache_file().parent == tmp_path / "factextract"
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path))
    assert cache_file().parent == tmp_path / ".cache" / "factextract"


def test_the_file_is_named_after_the_interpreter_and_the_engine(cache_dir):
    name = cache_file().name
    assert sys.implementation.cache_tag in name
    assert str(_sre.MAGIC) in name


def test_word_alternations_are_the_same_in_every_process():
    # Built from sets, whose order changes with each process's hash seed: ties go alphabetically.
    assert alternation({"per", "cent", "per cent", "pct"}) == r"per\ cent|cent|pct|per"
