"""The reliability report: `make reliability` runs tests/reliability and prints the figures they measured.

Bad inputs tried and handled (the hostile API matrix, hostile batch files, poison messages), fuzz cases run
(schemathesis on the OpenAPI contract), faults injected (throttling, lost answers, partial batch writes, S3
read errors, time running out, killed invocations), articles lost and duplicates (both must be 0), and the
load the local server held. The same figures close every pytest run that includes tests/reliability.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIGURES_SETTING = "FACTEXTRACT_RELIABILITY_FIGURES"


def main(argv: list[str] | None = None) -> int:
    extra = list(sys.argv[1:] if argv is None else argv)
    with tempfile.TemporaryDirectory() as scratch:
        figures = Path(scratch) / "figures.json"
        env = {**os.environ, FIGURES_SETTING: str(figures)}
        command = [sys.executable, "-m", "pytest", "tests/reliability", "-q", "-p", "no:cacheprovider", *extra]
        result = subprocess.run(command, cwd=ROOT, env=env, check=False, capture_output=True, text=True)
        if not figures.is_file():
            print(result.stdout[-5000:], result.stderr[-2000:], sep="\n")
            print("no figures were recorded", file=sys.stderr)
            return result.returncode or 1
        tally = json.loads(figures.read_text(encoding="utf-8"))
    summary = [line for line in result.stdout.splitlines() if " passed" in line or " failed" in line]
    print("reliability report")
    print(f"  tests: {summary[-1] if summary else 'no summary line'}")
    print(f"  bad inputs tried:  {tally['bad_inputs_tried']} (handled: {tally['bad_inputs_handled']})")
    print(f"  fuzz cases run:    {tally['fuzz_cases']}")
    print(f"  faults injected:   {tally['faults_injected']}")
    print(f"  articles lost:     {tally['articles_lost']}")
    print(f"  duplicates:        {tally['duplicates']}")
    load = tally["load"]
    if load:
        print(
            f"  load held:         {load['requests']:.0f} requests from {load['clients']:.0f} clients, "
            f"{load['rps']:.2f} req/s, p50 {load['p50_ms']:.0f} ms, p99 {load['p99_ms']:.0f} ms, "
            f"errors {load['errors']:.0f}, server peak RSS {load['peak_rss_mb']:.0f} MB"
        )
    print("  by source:")
    for source, counts in sorted(tally["sources"].items()):
        print(f"    {source}: " + ", ".join(f"{name} {value}" for name, value in sorted(counts.items())))
    healthy = (
        result.returncode == 0
        and tally["articles_lost"] == 0
        and tally["duplicates"] == 0
        and tally["bad_inputs_tried"] == tally["bad_inputs_handled"]
        and (not load or load["errors"] == 0)
    )
    return 0 if healthy else 1


if __name__ == "__main__":
    sys.exit(main())
