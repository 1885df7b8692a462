"""Runs the engine on a figures gold file and scores it with the project's official scorer.

The gold files (../shared/eval/figures) carry keys the CLI does not accept (expected, ref_date,
flags), so their texts are turned into articles here; predictions go to a temporary JSONL file
that ../shared/eval/score/figure_eval.py reads, imported by path so the printed figures are the
ones the project is judged by.
"""

from __future__ import annotations

import contextlib
import io
import json
import tempfile
from collections.abc import Callable
from pathlib import Path

from devtools.evaluate import official_scorer
from factextract.models import Article, Figure

FIGURES = Path("figures")


def read_gold(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def predict(gold: list[dict], keep: Callable[[Figure], bool] = lambda _: True) -> list[dict]:
    """One {id, figures} row per gold document; `keep` narrows figures to what a set annotates."""
    from factextract.pipeline import extract_many

    articles = (Article(id=row["id"], text=row["text"], published_at=row.get("ref_date")) for row in gold)
    return [
        {"id": extraction.id, "figures": [f.model_dump() for f in extraction.figures if keep(f)]}
        for extraction in extract_many(articles)
    ]


def score(data: Path, mode: str, gold_path: Path, predictions: list[dict]) -> dict:
    """Writes predictions to a temporary file and returns the scorer's result dict."""
    with tempfile.TemporaryDirectory(prefix="factextract-eval-") as folder:
        pred_path = Path(folder) / "pred.jsonl"
        with pred_path.open("w", encoding="utf-8") as out:
            for row in predictions:
                out.write(json.dumps(row) + "\n")
        with contextlib.redirect_stdout(io.StringIO()):  # the scorer prints its dict; we return it
            return official_scorer(data, "figure_eval").main(mode, str(gold_path), str(pred_path))
