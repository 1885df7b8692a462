"""Dates on the TimeBank news documents (DATE timexes, each document's date as publication)."""

from __future__ import annotations

from pathlib import Path

from devtools.evaluate.figure_scoring import FIGURES, predict, read_gold, score

TIMEBANK = FIGURES / "timebank_dates.jsonl"
BARS = {"f1": 0.94, "value_acc": 0.93}  # issue 20


def evaluate(data: Path) -> dict:
    gold_path = data / TIMEBANK
    result = score(data, "dates", gold_path, predict(read_gold(gold_path)))
    result["meets_bars"] = all(result[key] >= bar for key, bar in BARS.items())
    return result


def report(result: dict) -> str:
    return (
        f"dates (TimeBank, {result['docs']} docs, {result['gold']} DATE timexes): "
        f"P {result['precision']:.3f}  R {result['recall']:.3f}  F1 {result['f1']:.3f} (bar {BARS['f1']})  "
        f"value {result['value_acc']:.3f} on {result['value_n']} calendar dates (bar {BARS['value_acc']})"
        f"{'' if result['meets_bars'] else '  BELOW BAR'}"
    )
