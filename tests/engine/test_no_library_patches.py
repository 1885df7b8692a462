"""No project module patches spaCy, srsly, catalogue, pydantic, thinc or re, or plants modules in sys.modules.

Start-up is made fast by public means only (docs/startup.md): a patch of a library's internals saves a
fraction of a second and breaks on its next release. The scan reads every project module's syntax tree, so
it also catches a patch made inside a function that no test calls.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCANNED = ("factextract", "functions", "local", "devtools")
LIBRARIES = frozenset({"spacy", "srsly", "catalogue", "pydantic", "thinc", "re"})
# The pattern the project's stop hook greps for; kept here so the two cannot drift apart unnoticed.
HOOK_PATTERN = re.compile(r"sys\.modules\[[^]]+\] *=|_compiler\.compile *=|AVAILABLE_ENTRY_POINTS *=|model_config\[")
HOOKED = ("factextract", "functions")


def project_modules(folders: tuple[str, ...] = SCANNED) -> list[Path]:
    return sorted(path for folder in folders for path in (ROOT / folder).rglob("*.py") if "build" not in path.parts)


def _library_of(module: str | None) -> str | None:
    top = (module or "").split(".")[0]
    return top if top in LIBRARIES else None


def library_names(tree: ast.Module) -> set[str]:
    """Names bound anywhere in the module to a library module, to something imported from one, or to an
    attribute of those read without a call: `import spacy.vocab` binds spacy, `import srsly.msgpack as m`
    binds m, `from pydantic import BaseModel` binds BaseModel, then `decoders = m.msgpack_decoders`,
    `config = BaseModel.model_config`, `callers = (spacy.tokenizer, spacy.vocab)` and `for caller in callers`
    bind decoders, config, callers and caller. A call's result (`nlp = spacy.blank("en")`) is ours."""
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if _library_of(alias.name):
                    names.add(alias.asname or alias.name.split(".")[0])
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and _library_of(node.module):
            names.update(alias.asname or alias.name for alias in node.names)
    while True:  # aliases of aliases, in any order the module binds them
        found = set(names)
        for node in ast.walk(tree):
            if isinstance(node, ast.Assign) and _reads_library(node.value, found):
                found.update(leaf.id for target in node.targets for leaf in _unpacked(target)
                             if isinstance(leaf, ast.Name))
            elif isinstance(node, ast.For | ast.comprehension) and _reads_library(node.iter, found):
                found.update(leaf.id for leaf in _unpacked(node.target) if isinstance(leaf, ast.Name))
        if found == names:
            return names
        names = found


def _reads_library(value: ast.expr, names: set[str]) -> bool:
    if isinstance(value, ast.Tuple | ast.List):
        return any(_reads_library(item, names) for item in value.elts)
    return isinstance(value, ast.Attribute | ast.Name) and _root_name(value) in names


def _root_name(node: ast.expr) -> str | None:
    while isinstance(node, ast.Attribute | ast.Subscript):
        node = node.value
    return node.id if isinstance(node, ast.Name) else None


def _is_sys_modules(node: ast.expr) -> bool:
    return isinstance(node, ast.Attribute) and node.attr == "modules" and _root_name(node) == "sys"


def _targets(node: ast.AST) -> list[ast.expr]:
    if isinstance(node, ast.Assign):
        return [leaf for target in node.targets for leaf in _unpacked(target)]
    if isinstance(node, ast.AugAssign | ast.AnnAssign):
        return [node.target]
    if isinstance(node, ast.Delete):
        return list(node.targets)
    return []


def _unpacked(target: ast.expr) -> Iterator[ast.expr]:
    if isinstance(target, ast.Tuple | ast.List):
        for item in target.elts:
            yield from _unpacked(item)
    else:
        yield target


def patches(tree: ast.Module) -> Iterator[tuple[int, str]]:
    """(line, what) for each library patch in the module."""
    libraries = library_names(tree)
    for node in ast.walk(tree):
        for target in _targets(node):
            if isinstance(target, ast.Attribute | ast.Subscript) and _root_name(target) in libraries:
                yield node.lineno, f"sets {ast.unparse(target)}"
            elif isinstance(target, ast.Subscript) and _is_sys_modules(target.value):
                yield node.lineno, f"plants {ast.unparse(target)}"
            elif isinstance(target, ast.Subscript) and ast.unparse(target.value).endswith("model_config"):
                yield node.lineno, f"edits {ast.unparse(target)}"
        if isinstance(node, ast.Call):
            function = ast.unparse(node.func)
            first = node.args[0] if node.args else None
            if function in ("setattr", "delattr") and first is not None and _root_name(first) in libraries:
                yield node.lineno, f"calls {function}({ast.unparse(first)}, ...)"
            elif isinstance(node.func, ast.Attribute) and node.func.attr in ("update", "setdefault", "pop", "clear"):
                receiver = node.func.value
                if _is_sys_modules(receiver) or _root_name(receiver) in libraries:
                    yield node.lineno, f"calls {function}"


def test_the_scan_finds_each_kind_of_patch():
    source = """
import catalogue
import spacy.vocab
import srsly.msgpack as packs
from re import _compiler
from pydantic import BaseModel
import sys

catalogue.AVAILABLE_ENTRY_POINTS = {}
spacy.vocab.intify_attrs = len
packs.msgpack_decoders.get_all = dict
_compiler.compile = print
setattr(spacy, "info", None)
del packs.msgpack_decoders.get_all
sys.modules["spacy.cli.info"] = object()
BaseModel.model_config["defer_build"] = True
decoders = packs.msgpack_decoders
decoders.get_all = dict
config = BaseModel.model_config
config.pop("defer_build", None)
for caller in (spacy.vocab, spacy.tokenizer):
    caller.intify_attrs = len
"""
    found = [what for _, what in patches(ast.parse(source))]
    assert len(found) == 11, found


def test_reading_library_attributes_and_setting_our_own_are_not_patches():
    source = """
import re
import spacy
from spacy.language import Language

WORD = re.compile(r"\\w+")
nlp = spacy.blank("en")
nlp.max_length = 10
table = {}
table["key"] = spacy.__version__

class Settings:
    model_config = {"frozen": True}
"""
    assert list(patches(ast.parse(source))) == []


@pytest.mark.parametrize("path", project_modules(), ids=lambda path: str(path.relative_to(ROOT)))
def test_no_module_patches_a_library_or_plants_a_module(path: Path):
    found = sorted(patches(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))))
    assert found == [], "\n".join(f"{path.relative_to(ROOT)}:{line}: {what}" for line, what in found)


def test_the_stop_hooks_pattern_finds_nothing_in_the_engine_or_the_functions():
    found = [
        f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
        for path in project_modules(HOOKED)
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if HOOK_PATTERN.search(line)
    ]
    assert found == []
