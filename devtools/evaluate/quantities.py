"""Numbers, money, percents and dimensions on the Recognizers-Text English cases.

Each Recognizers-Text set annotates one type (its number model, its currency model...), so the
figures scored on a set are those of the kinds that set annotates, as Recognizers-Text runs one
model per type; the number set takes every numeric figure. The phone-number set is scored as
negatives: every figure emitted over a phone number is a false positive.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from devtools.evaluate.figure_scoring import FIGURES, predict, read_gold, score
from factextract.data.units import TEMPERATURE_SCALES, TEMPERATURE_UNITS
from factextract.models import Figure

# issue 20: every Recognizers-Text kind at F1 >= 0.93, with the right value on as many of its matches
BAR = 0.93
_NUMERIC = ("count", "money", "percent", "quantity", "range", "duration")


_PERCENT_UNITS = ("percent", "percentage point", "basis point")
_BOUNDS = ("more than", "less than", "at least", "at most", "up to", "exactly")


def _dimension(f: Figure) -> bool:
    # a bare "degree" may be an angle: it counts as a dimension and as a temperature
    measured = f.kind == "quantity" or (f.kind == "range" and f.unit is not None and f.currency is None)
    # Recognizers-Text's dimension model reads no multiples ("doubled", "three times the rate")
    return measured and f.unit not in (*TEMPERATURE_SCALES, "fraction", "times", *_PERCENT_UNITS) \
        and f.counted != "age"


# set name -> the figures that set annotates
SETS: dict[str, Callable[[Figure], bool]] = {
    "rt_number": lambda f: f.kind in _NUMERIC,
    "rt_currency": lambda f: f.kind == "money" or (f.kind == "range" and f.currency is not None),
    "rt_percent": lambda f: f.kind == "percent" or (f.kind == "range" and f.unit in _PERCENT_UNITS),
    "rt_dimension": _dimension,  # angle units included
    # a bounded number: a range, or one number with a comparison ("exactly" is "equal to": [x, x])
    "rt_numberrange": lambda f: f.kind == "range" or f.qualifier in _BOUNDS,
    "rt_ordinal": lambda f: f.kind == "ordinal",
    "rt_age": lambda f: f.counted == "age",
    "rt_temperature": lambda f: f.kind == "quantity" and f.unit in TEMPERATURE_UNITS,
}
PHONES = "rt_phonenumber"


def _phone_false_positives(gold: list[dict], predictions: list[dict]) -> dict:
    """Figures emitted over the phone numbers of the phone set (gold spans found by their text)."""
    by_id = {row["id"]: row for row in predictions}
    wrong = total = 0
    for row in gold:
        spans = []
        for phone in row["expected"]:
            start = phone["start"] if phone["start"] is not None else row["text"].find(phone["text"])
            if start >= 0:
                spans.append((start, start + len(phone["text"])))
        figures = by_id.get(row["id"], {}).get("figures", [])
        total += len(figures)
        wrong += sum(1 for f in figures if any(f["start"] < e and s < f["end"] for s, e in spans))
    return {"docs": len(gold), "phone_numbers": sum(len(r["expected"]) for r in gold),
            "figures_over_phone_numbers": wrong, "figures_emitted": total}


def evaluate(data: Path) -> dict:
    results: dict = {}
    for name, keep in SETS.items():
        gold_path = data / FIGURES / f"{name}.jsonl"
        results[name] = score(data, "quantities", gold_path, predict(read_gold(gold_path), keep))
    phone_gold = read_gold(data / FIGURES / f"{PHONES}.jsonl")
    results[PHONES] = _phone_false_positives(phone_gold, predict(phone_gold, lambda f: f.kind != "date"))
    results["below_bar"] = [name for name in SETS if not _meets_bar(results[name])]
    results["meets_bars"] = not results["below_bar"]
    return results


def _meets_bar(r: dict) -> bool:
    return r["f1"] >= BAR and (r["value_n"] == 0 or r["value_acc"] >= BAR)


def report(result: dict) -> str:
    lines = ["quantities (Recognizers-Text English cases):"]
    for name in SETS:
        r = result[name]
        lines.append(
            f"  {name:<15} P {r['precision']:.3f}  R {r['recall']:.3f}  F1 {r['f1']:.3f}"
            f"  value {r['value_acc']:.3f} on {r['value_n']}  "
            f"[{r['gold']} gold, {r['predicted']} predicted]"
        )
    phones = result[PHONES]
    lines.append(
        f"  {PHONES:<15} {phones['figures_over_phone_numbers']} figures over {phones['phone_numbers']} phone numbers "
        f"({phones['figures_emitted']} figures emitted in {phones['docs']} texts)"
    )
    lines.append(f"  every set meets {BAR} (F1 and value)" if result["meets_bars"]
                 else f"  below {BAR} (F1 or value): {', '.join(result['below_bar'])}")
    return "\n".join(lines)
