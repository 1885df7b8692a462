"""The NLP layer's recipe: pinned wheels inside the engine's ranges, for Lambda's platform, and (opt-in) a real
build for this machine that extracts in an interpreter seeing nothing but the layer."""

from __future__ import annotations

import ctypes
import os
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parents[2]
LAYER = ROOT / "layers" / "nlp"
BUILD_SETTING = "FACTEXTRACT_TEST_LAYER_BUILD"


def _pins() -> dict[str, str]:
    pins: dict[str, str] = {}
    for line in (LAYER / "requirements.txt").read_text().splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            name, _, version = line.partition("==")
            assert version, f"unpinned layer requirement: {line}"
            pins[re.sub(r"[-_.]+", "-", name).lower()] = version
    return pins


def test_layer_pins_every_engine_dependency_inside_its_declared_range() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    pins = _pins()
    for dependency in project["dependencies"]:
        requirement = Requirement(dependency)
        name = re.sub(r"[-_.]+", "-", requirement.name).lower()
        assert name in pins, f"{name} is missing from layers/nlp/requirements.txt"
        assert requirement.specifier.contains(pins[name]), f"{name}=={pins[name]} is outside {requirement.specifier}"


def test_layer_downloads_binary_wheels_for_lambda_arm64_python313() -> None:
    makefile = (LAYER / "Makefile").read_text()
    assert "PLATFORM ?= manylinux2014_aarch64" in makefile
    assert "PYTHON_VERSION ?= 3.13" in makefile
    assert "--only-binary=:all:" in makefile
    assert "--require-hashes" in makefile and "requirements/model.txt" in makefile


def test_layer_ships_bytecode_that_lambda_loads_without_checking_sources() -> None:
    # /opt is read-only on Lambda: sources without .pyc are compiled again at every cold start.
    makefile = (LAYER / "Makefile").read_text()
    bytecode = makefile.split("\nbytecode:", 1)[1]
    assert "-m compileall" in bytecode and "--invalidation-mode unchecked-hash" in bytecode
    assert "-p /opt/python" in bytecode
    build = makefile.split("\nbuild-NlpLayer:", 1)[1].split("\n\n", 1)[0]
    assert build.index(" slim ") < build.index(" bytecode "), "slim deletes __pycache__: compile after it"


def test_layer_strips_shared_objects_without_an_aarch64_toolchain() -> None:
    # Without aarch64-linux-gnu-strip the layer and a function came to 256 MB of Lambda's 262 MB (issue 21).
    makefile = (LAYER / "Makefile").read_text()
    assert "STRIP ?= $(PYTHON) $(LAYER_DIR)/strip_debug.py" in makefile
    slim = makefile.split("\nslim:", 1)[1].split("\n\n", 1)[0]
    assert "-exec $(STRIP) {} +" in slim and "-not -path '*.libs/*'" in slim
    build = makefile.split("\nbuild-NlpLayer:", 1)[1].split("\n\n", 1)[0]
    assert build.rstrip().splitlines()[-1].lstrip("\t@").startswith("$(PYTHON) $(LAYER_DIR)/check_size.py")


def _section_names(path: Path) -> set[str]:
    listing = subprocess.run(["readelf", "-S", "-W", str(path)], capture_output=True, text=True, check=True).stdout
    return set(re.findall(r"^\s*\[\s*\d+\]\s+(\S+)", listing, re.MULTILINE))


@pytest.mark.skipif(not (shutil.which("cc") and shutil.which("readelf")), reason="needs a C compiler and readelf")
def test_strip_debug_drops_debug_sections_and_symtab_and_the_library_still_loads(tmp_path: Path) -> None:
    source = tmp_path / "answer.c"
    source.write_text("static int twice(int x) { return 2 * x; }\nint answer(void) { return twice(21); }\n")
    library = tmp_path / "libanswer.so"
    subprocess.run(["cc", "-g", "-O0", "-shared", "-fPIC", "-o", str(library), str(source)], check=True)
    before = library.stat().st_size
    assert {".debug_info", ".symtab", ".strtab"} <= _section_names(library)

    run = subprocess.run([sys.executable, str(LAYER / "strip_debug.py"), str(library)], capture_output=True, text=True)

    assert run.returncode == 0, run.stderr
    assert "1 of 1 shared objects stripped" in run.stdout
    names = _section_names(library)
    assert not {name for name in names if name.startswith(".debug")} and ".symtab" not in names
    assert {".dynsym", ".dynstr", ".text", ".dynamic", ".shstrtab"} <= names
    assert library.stat().st_size < before
    assert ctypes.CDLL(str(library)).answer() == 42
    stripped = library.read_bytes()
    subprocess.run([sys.executable, str(LAYER / "strip_debug.py"), str(library)], check=True, capture_output=True)
    assert library.read_bytes() == stripped, "a second pass changes nothing"


def test_strip_debug_leaves_a_file_that_is_not_elf_as_it_was(tmp_path: Path) -> None:
    text = tmp_path / "notes.so.txt"
    text.write_text("not a shared object")

    run = subprocess.run([sys.executable, str(LAYER / "strip_debug.py"), str(text)], capture_output=True, text=True)

    assert run.returncode == 0
    assert "left as it was" in run.stderr and "not ELF" in run.stderr
    assert text.read_text() == "not a shared object"


def _check_size(layer_bytes: int, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    layer, functions = tmp_path / "layer", tmp_path / "functions"
    (layer / "python").mkdir(parents=True)
    functions.mkdir()
    (functions / "app.py").write_text("x = 1\n")
    with (layer / "python" / "big.so").open("wb") as file:
        file.truncate(layer_bytes)  # sparse: the apparent size is what Lambda counts
    command = [sys.executable, str(LAYER / "check_size.py"), str(layer), str(functions), "NlpLayer (test)"]
    return subprocess.run(command, capture_output=True, text=True, check=False)


def test_build_fails_when_the_layer_leaves_less_than_50_mib_of_lambdas_limit(tmp_path: Path) -> None:
    # 256 MB: what the layer measured unstripped.
    run = _check_size(256_100_000, tmp_path)

    assert run.returncode == 1
    assert "unzipped: NlpLayer (test) 256.1 MB" in run.stdout
    assert "less than 52.4 MB (50 MiB) of Lambda's unzipped limit" in run.stderr


def test_build_reports_the_size_with_the_function_code_when_it_fits(tmp_path: Path) -> None:
    run = _check_size(209_000_000, tmp_path)

    assert run.returncode == 0, run.stderr
    assert run.stdout.startswith("209.0 MB unzipped: NlpLayer (test) 209.0 MB + function code 0.00 MB;")
    assert "53.1 MB under Lambda's 262.1 MB (250 MiB) limit" in run.stdout


@pytest.mark.skipif(not os.environ.get(BUILD_SETTING), reason=f"downloads ~140 MB of wheels; set {BUILD_SETTING}=1")
def test_layer_built_for_this_machine_extracts_with_nothing_else_importable(tmp_path: Path) -> None:
    version = f"{sys.version_info.major}.{sys.version_info.minor}"
    build = subprocess.run(
        [
            "make",
            "-f",
            str(LAYER / "Makefile"),
            "build-NlpLayer",
            f"ARTIFACTS_DIR={tmp_path}",
            f"PIP={sys.executable} -m pip",
            "PLATFORM=manylinux2014_x86_64",
            f"PYTHON_VERSION={version}",
            f"PYC_PYTHON={sys.executable}",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert build.returncode == 0, build.stderr[-2000:]
    assert "unzipped: NlpLayer" in build.stdout
    sources = list((tmp_path / "python").rglob("*.py"))
    tag = sys.implementation.cache_tag
    missing = [s for s in sources if not (s.parent / "__pycache__" / f"{s.stem}.{tag}.pyc").is_file()]
    assert sources and not missing, missing[:5]
    # -I -S: no site-packages, no user paths; only the layer's python/ directory, as on Lambda.
    code = (
        f"import sys; sys.path.insert(0, {str(tmp_path / 'python')!r})\n"
        "from aws_lambda_powertools.utilities.batch import BatchProcessor\n"
        "from factextract.pipeline import extract\n"
        "e = extract('\"We will fix the roads,\" said Mayor Dana Whitfield on Tuesday.')\n"
        "print([q.speaker.name for q in e.quotes])\n"
    )
    run = subprocess.run([sys.executable, "-I", "-S", "-c", code], capture_output=True, text=True, check=False)
    assert run.stdout.strip() == "['Dana Whitfield']", run.stderr[-2000:]
