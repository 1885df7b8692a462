"""The engine stands alone: its wheel holds the engine only, and an extraction run from that wheel, with no
checkout file importable, loads nothing of the Lambda code, the development tooling or AWS."""

from __future__ import annotations

import ast
import importlib.metadata
import json
import os
import shutil
import site
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ENGINE = ROOT / "factextract"
# What the engine must never import: the application around it, the development tooling, and AWS.
OUTSIDE = ("local", "functions", "shared", "api", "batch", "devtools", "moto", "boto3", "botocore",
           "aws_lambda_powertools")
DEV_ONLY = ("benchmark", "evaluation", "devtools", "train.py")
# Not part of the package's sources; copying them would only slow the build down.
NOT_SOURCES = shutil.ignore_patterns(".venv", ".git", "__pycache__", "build", "*.egg-info", ".pytest_cache",
                                     ".ruff_cache", ".hypothesis", ".aws-sam", "batch-results", "node_modules")

EXTRACT_FROM_THE_WHEEL = """
import json, sys
import factextract
from factextract.pipeline import extract

result = extract({"text": "\u201cWe will build 4,000 homes by 2026,\u201d Mayor Dana Whitfield said on Monday."})
print(json.dumps({
    "package": factextract.__file__,
    "quotes": len(result.quotes),
    "stats": result.stats.model_dump(mode="json"),
    "modules": sorted(sys.modules),
}))
"""


def _builds_offline() -> bool:
    """The project's build backend is already installed: the wheel builds without fetching one."""
    try:
        major = int(importlib.metadata.version("setuptools").split(".")[0])
    except (importlib.metadata.PackageNotFoundError, ValueError):
        return False
    return major >= 77


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel of the working tree, built from a copy so that the build leaves nothing in the checkout."""
    work = tmp_path_factory.mktemp("standalone")
    source = work / "source"
    shutil.copytree(ROOT, source, ignore=NOT_SOURCES)
    command = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "--wheel-dir", str(work / "dist")]
    if _builds_offline():
        command.append("--no-build-isolation")
    done = subprocess.run([*command, str(source)], capture_output=True, text=True, timeout=180, check=False)
    if done.returncode != 0 and not _builds_offline():
        pytest.skip(f"no build backend installed and none could be fetched: {done.stderr.strip()[-300:]}")
    assert done.returncode == 0, done.stderr
    (built,) = (work / "dist").glob("factextract-*.whl")
    return built


def test_the_wheel_holds_the_engine_and_no_development_tooling(wheel: Path):
    names = zipfile.ZipFile(wheel).namelist()
    assert {name.split("/")[0] for name in names} == {"factextract", wheel.name.split("-py")[0] + ".dist-info"}
    assert [name for name in names if any(part in name.split("/") for part in DEV_ONLY)] == []
    assert "factextract/data/checkworthiness.json" in names and "factextract/cli.py" in names
    # The derived name list travels with its licence notice (MIT requires it).
    assert {"factextract/data/first_names.tsv", "factextract/data/first_names.LICENSE"} <= set(names)


def test_an_extraction_from_the_wheel_alone_imports_nothing_outside_the_engine(wheel: Path, tmp_path: Path):
    unpacked = tmp_path / "unpacked"
    zipfile.ZipFile(wheel).extractall(unpacked)
    empty = tmp_path / "cwd"
    empty.mkdir()
    # -S: no site-packages .pth files, so the checkout's editable install cannot answer an import; the
    # installed libraries (spaCy, the model) come from the environment's site-packages, listed after the wheel.
    # -P: neither the working directory nor a script's folder goes on sys.path.
    path = os.pathsep.join([str(unpacked), *site.getsitepackages()])
    env = {name: value for name, value in os.environ.items() if not name.startswith("PYTHON")}
    done = subprocess.run(
        [sys.executable, "-S", "-P", "-c", EXTRACT_FROM_THE_WHEEL],
        capture_output=True, text=True, cwd=empty, env={**env, "PYTHONPATH": path}, timeout=120, check=False,
    )
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert Path(seen["package"]).is_relative_to(unpacked)
    assert seen["quotes"] == 1 and seen["stats"]["quotes"] == 1
    loaded = [name for name in seen["modules"] if name.split(".")[0] in OUTSIDE]
    assert loaded == []


def _imported_modules(tree: ast.Module) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module)
        elif (
            isinstance(node, ast.Call) and ast.unparse(node.func) in ("__import__", "importlib.import_module")
            and node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)
        ):
            names.add(node.args[0].value)
    return names


@pytest.mark.parametrize("path", sorted(ENGINE.rglob("*.py")), ids=lambda path: str(path.relative_to(ROOT)))
def test_no_engine_module_imports_the_application_the_tooling_or_aws(path: Path):
    imported = _imported_modules(ast.parse(path.read_text(encoding="utf-8"), filename=str(path)))
    assert sorted(name for name in imported if name.split(".")[0] in OUTSIDE) == []
