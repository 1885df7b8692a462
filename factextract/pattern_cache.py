"""Keeps compiled regular expressions between processes, as Python keeps compiled modules in __pycache__.

A cold start compiles about 170 patterns, spaCy's tokenizer rules and the engine's own, for about 0.14 s
of CPU: a tenth of the start. The re module parses each pattern into a list of opcodes in Python, then
hands the list to its C engine (_sre.compile). The opcodes depend on the pattern, its flags and the
interpreter alone, so a file named after the interpreter keeps them, and a later process hands them to the
engine straight away: 5 ms instead of 140. The engine checks the opcodes before it takes them; an entry it
refuses, or a file that cannot be read, is compiled again as usual.

Lambda gains nothing: each cold start is a new sandbox, so the template turns the cache off. The CLI, the
local API and the tests gain on every start after the first.
"""

from __future__ import annotations

import _sre
import contextlib
import marshal
import os
import sys
import tempfile
from array import array
from collections.abc import Callable, Iterator
from pathlib import Path
from re import Pattern, _compiler, _parser  # type: ignore[attr-defined]
from typing import Any

CACHE_DIR_SETTING = "FACTEXTRACT_CACHE_DIR"  # a directory; empty turns the cache off
OPCODE = "I"  # array type code of an unsigned 4-byte int, the size of _sre's opcodes

Key = tuple[str | bytes, int]
# Flags after parsing, opcodes as bytes (a list of ints loads ten times slower), group count, group names.
Entry = tuple[int, bytes, int, dict[str, int], tuple[str | None, ...]]


def supported() -> bool:
    """re's compiler and the engine's entry point are internal, but the same from 3.11 to 3.13; a Python
    where they differ compiles as usual."""
    return (
        getattr(_sre, "CODESIZE", None) == array(OPCODE).itemsize
        and callable(getattr(_compiler, "compile", None))
        and callable(getattr(_compiler, "_code", None))
        and callable(getattr(_parser, "parse", None))
    )


def cache_file() -> Path | None:
    """FACTEXTRACT_CACHE_DIR, else the user's cache directory (XDG_CACHE_HOME or ~/.cache) / factextract."""
    configured = os.environ.get(CACHE_DIR_SETTING)
    if configured is not None:
        directory = Path(configured) if configured else None
    else:
        home = os.path.expanduser("~")
        base = os.environ.get("XDG_CACHE_HOME") or (os.path.join(home, ".cache") if home != "~" else None)
        directory = Path(base) / "factextract" if base else None
    if directory is None:
        return None
    return directory / f"patterns-{sys.implementation.cache_tag}-{_sre.MAGIC}.marshal"


class PatternCache:
    """Compiles as re._compiler.compile does, through the file's entries; save() writes what was used.

    The file holds the patterns of one start, not of every start: some patterns change from one process
    to the next (the standard library's tokenize builds one from a set), so a file that kept everything
    would grow with every run."""

    def __init__(self, path: Path, compile_as_usual: Callable[[Any, int], Pattern]) -> None:
        self.path = path
        self._compile_as_usual = compile_as_usual
        self._stored = self._read()
        self._used: dict[Key, Entry] = {}
        self._changed = False

    def _read(self) -> dict[Key, Entry]:
        try:
            stored = marshal.loads(self.path.read_bytes())
        except (OSError, EOFError, ValueError, TypeError):
            return {}
        return stored if isinstance(stored, dict) else {}

    def compile(self, pattern: Any, flags: int = 0) -> Pattern:
        # marshal writes exact str and bytes only; the debug flag prints the opcodes as they are made.
        if type(pattern) not in (str, bytes) or flags & _compiler.SRE_FLAG_DEBUG:
            return self._compile_as_usual(pattern, flags)
        key = (pattern, int(flags))
        entry = self._stored.get(key)
        if entry is not None:
            # What unpacking, array and _sre raise on an entry of the wrong shape or with invalid opcodes.
            with contextlib.suppress(TypeError, ValueError, OverflowError, RuntimeError):
                compiled = _from_entry(pattern, entry)
                self._used[key] = entry
                return compiled
        entry = _entry(pattern, int(flags))
        self._used[key] = entry
        self._changed = True
        return _from_entry(pattern, entry)

    def save(self) -> None:
        """Writes the file if anything was compiled anew; a directory that cannot be written is skipped,
        since a read-only home (a container, a sandbox) only means the next start compiles again."""
        if not self._changed:
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            descriptor, temporary = tempfile.mkstemp(dir=self.path.parent, prefix=".patterns-")
        except OSError:
            return
        try:
            with os.fdopen(descriptor, "wb") as file:
                file.write(marshal.dumps(self._used))
            os.replace(temporary, self.path)  # a process reading meanwhile sees the old file or the new one
        except OSError:
            with contextlib.suppress(OSError):
                os.unlink(temporary)


def _entry(pattern: str | bytes, flags: int) -> Entry:
    """What re._compiler.compile computes before it calls the engine."""
    parsed = _parser.parse(pattern, flags)
    code = _compiler._code(parsed, flags)
    names = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in names.items():
        indexgroup[index] = name
    opcodes = array(OPCODE, code).tobytes()
    return int(flags | parsed.state.flags), opcodes, parsed.state.groups - 1, names, tuple(indexgroup)


def _from_entry(pattern: str | bytes, entry: Entry) -> Pattern:
    flags, opcodes, groups, names, indexgroup = entry
    code = array(OPCODE)
    code.frombytes(opcodes)
    return _sre.compile(pattern, flags, code.tolist(), groups, dict(names), tuple(indexgroup))


@contextlib.contextmanager
def patterns_cached() -> Iterator[None]:
    """Patterns compiled in the block come from the cache file, and new ones go into it when the block ends."""
    path = cache_file()
    if path is None or not supported():
        yield
        return
    compile_as_usual = _compiler.compile
    cache = PatternCache(path, compile_as_usual)
    _compiler.compile = cache.compile
    try:
        yield
    finally:
        _compiler.compile = compile_as_usual
        cache.save()
