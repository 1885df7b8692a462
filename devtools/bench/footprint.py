"""Deployment footprint: the layer's unzipped size, the function packages, and the engine's dependencies."""

from __future__ import annotations

import importlib.metadata as metadata
import shutil
import subprocess
import tempfile
from pathlib import Path

from packaging.requirements import Requirement

from devtools.bench.corpus import ROOT
from devtools.bench.table import Table
from factextract.nlp import model_name

# Lambda's limit for a function and all its layers, unzipped.
LAMBDA_UNZIPPED_LIMIT_MB = 250
# Where a built layer lands: the layer's own Makefile output, or sam build's.
LAYER_BUILDS = (ROOT / "layers" / "nlp" / "build", ROOT / ".aws-sam" / "build")
PACKAGES = ("functions/api", "functions/batch", "functions/shared", "factextract")
SKIPPED_DIRS = {"__pycache__", ".pytest_cache"}


def tree_mb(folder: Path, skipped: frozenset[str] | set[str] = SKIPPED_DIRS) -> float:
    files = (p for p in folder.rglob("*") if p.is_file() and not skipped & set(p.relative_to(folder).parts))
    return sum(p.stat().st_size for p in files) / 1024 / 1024


def _layer_dir() -> Path | None:
    for folder in LAYER_BUILDS:
        if not folder.is_dir():
            continue
        if (folder / "python").is_dir():
            return folder
        # sam build puts each layer in a folder named for its logical id, holding python/.
        for child in sorted(folder.iterdir()):
            if (child / "python").is_dir() and (child / "python" / "spacy").is_dir():
                return child
    return None


def dependency_closure(root: str) -> dict[str, float]:
    """Installed size (MB) of root and everything it requires without extras, as installed here."""
    sizes: dict[str, float] = {}
    pending = [root]
    while pending:
        name = pending.pop()
        key = name.lower().replace("_", "-")
        if key in sizes:
            continue
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue
        sizes[key] = sum(
            (f.size or 0) for f in dist.files or () if "__pycache__" not in f.parts and not f.name.endswith(".pyc")
        ) / 1024 / 1024
        for line in dist.requires or ():
            requirement = Requirement(line)
            if requirement.marker is None or requirement.marker.evaluate({"extra": ""}):
                pending.append(requirement.name)
    return sizes


def installed_files(names: list[str]) -> list[Path]:
    files: list[Path] = []
    for name in names:
        dist = metadata.distribution(name)
        files += [Path(str(dist.locate_file(f))) for f in dist.files or () if "__pycache__" not in f.parts]
    return [path for path in files if path.is_file() and path.suffix != ".pyc"]


def stripped_mb(files: list[Path]) -> float | None:
    """Their size once shared libraries lose their debug sections (strip --strip-unneeded), as a layer can."""
    strip = shutil.which("strip")
    if strip is None:
        return None
    total = 0
    with tempfile.TemporaryDirectory() as scratch:
        for index, path in enumerate(files):
            if ".so" not in path.suffixes and path.suffix != ".so":
                total += path.stat().st_size
                continue
            copy = Path(scratch) / f"{index}.so"
            shutil.copyfile(path, copy)
            subprocess.run([strip, "--strip-unneeded", str(copy)], check=False, capture_output=True)
            total += copy.stat().st_size
            copy.unlink()
    return total / 1024 / 1024


def measure_footprint(table: Table) -> None:
    section = "footprint (unzipped)"
    layer = _layer_dir()
    if layer:
        # The layer ships its bytecode (compiled for Python 3.13 at build time): it counts.
        table.add(section, f"layer {layer.relative_to(ROOT)}", tree_mb(layer, skipped=set()), "MB",
                  LAMBDA_UNZIPPED_LIMIT_MB, "Lambda limit", note="with its .pyc files")
    else:
        table.add(section, "layer (built)", None, "MB", note="not built here: run make layer, then bench again")
    engine = dependency_closure("factextract")
    engine.pop("factextract", None)
    model = dependency_closure(model_name())
    both = {**engine, **model}
    biggest = sorted(both.items(), key=lambda item: -item[1])[:4]
    table.add(section, "engine dependencies + model, as installed here", sum(both.values()), "MB",
              LAMBDA_UNZIPPED_LIMIT_MB, "Lambda limit",
              note=f"{len(both)} distributions, .py without .pyc; largest: "
              + ", ".join(f"{name} {mb:.0f}" for name, mb in biggest))
    stripped = stripped_mb(installed_files(list(both)))
    if stripped is not None:
        table.add(section, "the same with shared libraries stripped", stripped, "MB", LAMBDA_UNZIPPED_LIMIT_MB,
                  "Lambda limit", note="strip --strip-unneeded on every .so (they ship with debug info)")
    for package in PACKAGES:
        folder = ROOT / package
        if folder.is_dir():
            table.add(section, f"package {package}/", tree_mb(folder), "MB", note="without __pycache__")
