"""The one table the benchmark prints: rows of a median figure, its baseline and their ratio."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

# In-process figures are CPU seconds of this process: the work is single-threaded (spaCy's thinc runs
# one thread), so on an idle core they equal wall time, and a busy neighbour on a shared machine
# inflates them far less than it does wall time. Only the multi-process rows use the wall clock.
CLOCK = time.process_time


@dataclass(frozen=True)
class Row:
    """One measured figure. ratio = value / baseline when both are numbers measured in this run."""

    section: str
    measure: str
    value: float | None
    unit: str
    baseline: float | None = None
    baseline_name: str = ""
    note: str = ""

    @property
    def ratio(self) -> float | None:
        if self.value is None or not self.baseline:
            return None
        return self.value / self.baseline


@dataclass
class Table:
    rows: list[Row] = field(default_factory=list)

    def add(self, *args, **kwargs) -> Row:
        row = Row(*args, **kwargs)
        self.rows.append(row)
        return row

    def find(self, section: str, measure: str) -> Row | None:
        return next((r for r in self.rows if r.section == section and r.measure == measure), None)

    def value(self, section: str, measure: str) -> float | None:
        row = self.find(section, measure)
        return row.value if row else None

    def markdown(self) -> str:
        lines = [
            "| section | measure | median | baseline (same run) | ratio | note |",
            "|---|---|---:|---|---:|---|",
        ]
        for row in self.rows:
            baseline = f"{_number(row.baseline)} {row.unit} {row.baseline_name}".strip() if row.baseline else ""
            ratio = f"{row.ratio:.2f}" if row.ratio is not None else ""
            value = f"{_number(row.value)} {row.unit}" if row.value is not None else "n/a"
            lines.append(f"| {row.section} | {row.measure} | {value} | {baseline} | {ratio} | {row.note} |")
        return "\n".join(lines)


def _number(value: float | None) -> str:
    if value is None:
        return "n/a"
    magnitude = abs(value)
    if magnitude >= 100:
        return f"{value:,.0f}"
    if magnitude >= 10:
        return f"{value:.1f}"
    if magnitude >= 0.01 or magnitude == 0:
        return f"{value:.3g}"
    return f"{value:.2e}"


def median(values: Iterable[float]) -> float:
    return statistics.median(list(values))


def percentile(values: Sequence[float], q: float) -> float:
    """Nearest-rank percentile: with few samples p99 is the slowest one, which the note says."""
    ordered = sorted(values)
    rank = max(1, min(len(ordered), round(q / 100 * len(ordered) + 0.5)))
    return ordered[rank - 1]


def repeat(times: int, run: Callable[[], float]) -> list[float]:
    return [run() for _ in range(times)]
