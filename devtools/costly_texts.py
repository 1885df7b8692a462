"""What a pathological text costs against a realistic article of the same length: CPU seconds and peak memory.

Each text is extracted in a fresh interpreter (`python -m devtools.costly_texts --chars 100000`), after the
pipeline is loaded and warmed on a short article, so the figures are the extraction's own: CPU seconds of
Extractor.extract and the growth of peak RSS (VmHWM) over the warmed process's. The realistic article is the
news paragraph below repeated to the length; the pathological ones are the attacks of issue #22. Prints one
line per text with its ratios to the realistic article (the bar: at most 2).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

# Written for this measurement: quotes, speakers, figures, dates and names in the proportions of a news story.
NEWS = (
    'The city council voted 7-2 on Tuesday to raise the minimum wage to $15.50 an hour by January 2026, '
    'a move that Mayor Ana Ortiz called "long overdue." "Families here cannot wait another year," Ortiz told '
    "reporters outside City Hall. Business groups said the increase, about 18 percent over two years, would "
    "cost small employers roughly $40 million. Councilman David Reyes, who voted against the measure, warned "
    "that some restaurants could cut as many as 1,200 jobs. The state labor department reported last month that "
    "unemployment in the county fell to 3.9 percent, its lowest level since 2019.\n\n"
)


def _repeat(unit: str, chars: int) -> str:
    return (unit * (chars // len(unit) + 1))[:chars]


TEXTS: dict[str, Callable[[int], str]] = {
    "realistic": lambda n: _repeat(NEWS, n),
    "url_slashes": lambda n: ("http://" + "a/" * n)[:n],
    "curly_quotes": lambda n: "\u201c" * n,
    "open_parens": lambda n: "(" * n,
    "emoji": lambda n: "\U0001F600" * n,
    "a_dash": lambda n: _repeat("a-", n),
    "dollar_ones": lambda n: _repeat("$1 ", n),
    "straight_quotes": lambda n: '"' * n,
    "quoted_words": lambda n: _repeat('"a" ', n),
}


def _peak_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def probe(name: str, chars: int) -> dict[str, float]:
    """Extracts one text in this process; CPU seconds and peak-RSS growth of the extraction alone."""
    from factextract.errors import FactExtractError
    from factextract.models import Article
    from factextract.pipeline import Extractor

    extractor = Extractor()
    extractor.extract(Article(id="warm", text=NEWS))
    text = TEXTS[name](chars)
    base, cpu = _peak_mb(), time.process_time()
    refused = None
    try:
        extractor.extract(Article(id=name, text=text))
    except FactExtractError as error:  # refused before parsing: what the refusal cost is the figure
        refused = error.code
    return {"cpu_s": time.process_time() - cpu, "peak_mb": _peak_mb(), "growth_mb": _peak_mb() - base,
            "refused": refused}


def measure(names: list[str], chars: int) -> dict[str, dict[str, float]]:
    results = {}
    for name in names:
        out = subprocess.run([sys.executable, "-m", "devtools.costly_texts", "--probe", name, "--chars", str(chars)],
                             capture_output=True, text=True, check=True)
        results[name] = json.loads(out.stdout.strip().splitlines()[-1])
    return results


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chars", type=int, default=100_000)
    parser.add_argument("--probe", help="extract this one text here and print its figures as JSON")
    parser.add_argument("names", nargs="*", help=f"texts to measure (default: all of {', '.join(TEXTS)})")
    args = parser.parse_args(argv)
    if args.probe:
        print(json.dumps(probe(args.probe, args.chars)))
        return
    names = ["realistic", *[n for n in (args.names or TEXTS) if n != "realistic"]]
    results = measure(names, args.chars)
    base = results["realistic"]
    print(f"{'text':16} {'CPU s':>7} {'x':>5} {'peak MB':>8} {'growth MB':>9} {'x':>5}   ({args.chars:,} characters)")
    for name, r in results.items():
        print(f"{name:16} {r['cpu_s']:7.2f} {r['cpu_s'] / base['cpu_s']:5.2f} {r['peak_mb']:8.0f} "
              f"{r['growth_mb']:9.0f} {r['growth_mb'] / max(base['growth_mb'], 1.0):5.2f}   {r['refused'] or ''}")


if __name__ == "__main__":
    main()
