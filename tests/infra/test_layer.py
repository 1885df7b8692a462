"""The NLP layer's recipe: pinned wheels inside the engine's ranges, for Lambda's platform, and (opt-in) a real
build for this machine that extracts in an interpreter seeing nothing but the layer."""

from __future__ import annotations

import os
import re
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
            "STRIP=strip",
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
