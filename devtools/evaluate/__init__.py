"""`python -m devtools eval`: scores each extractor on the development data in ../shared/eval.

Each submodule scores one extractor and returns its figures as a dict; the data never
enters the repository, so a missing folder is reported, not fatal.
"""

from __future__ import annotations

import importlib
import importlib.util
import json
from pathlib import Path
from types import ModuleType

# Each suite, by the submodule that scores it, and what it scores.
SUITES = {
    "quotes": "quotes on the PolNeAR dev split (official scorer) and the edge cases",
    "dates": "dates on the TimeBank news documents",
    "quantities": "numbers, money, percents and dimensions on the Recognizers-Text English cases",
    "claims": "check-worthiness on the CheckThat! 2024 English dev-test sentences",
    "seed": "the seed article's hand-checked expectations",
}


def official_scorer(data: Path, name: str) -> ModuleType:
    """Imports ../shared/eval/score/<name>.py by path, so the figures printed are the ones the project is judged by."""
    path = data / "score" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise FileNotFoundError(path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def run(what: str, data: Path, as_json: bool = False) -> int:
    if not data.is_dir():
        print(f"devtools eval: no development data at {data} (see ../shared/eval/README.md)")
        return 2
    results = {}
    for suite in SUITES if what == "all" else (what,):
        module = importlib.import_module(f"devtools.evaluate.{suite}")
        results[suite] = module.evaluate(data)
        if not as_json:
            print(module.report(results[suite]))
    if as_json:
        print(json.dumps(results, indent=2))
    return 0
