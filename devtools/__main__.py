"""Development commands of a checkout: benchmark, evaluation and training (python -m devtools COMMAND).

They live beside the engine, not in it: the benchmark imports the Lambda code and moto, and evaluation and
training read ../shared/eval; the factextract package and its wheel hold only what `factextract extract`
needs.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from devtools.evaluate import SUITES

DEFAULT_DATA = "../shared/eval"


def cmd_bench(args: argparse.Namespace) -> int:
    from devtools.bench.run import SECTIONS, run

    sections = tuple(args.only.split(",")) if args.only else SECTIONS
    unknown = set(sections) - set(SECTIONS)
    if unknown:
        raise SystemExit(f"devtools bench: unknown section(s) {', '.join(sorted(unknown))}; from {SECTIONS}")
    run(sections, tiny=args.tiny, corpus_dir=args.corpus, markdown=args.markdown)
    return 0


def cmd_eval(args: argparse.Namespace) -> int:
    from devtools.evaluate import run

    return run(args.what, Path(args.data), as_json=args.json)


def cmd_train_checkworthiness(args: argparse.Namespace) -> int:
    from devtools.checkworthiness.train import train
    from factextract.checkworthiness.model import MODEL_FILE

    train(Path(args.data), Path(args.out) if args.out else MODEL_FILE)
    return 0


def _choices(descriptions: dict[str, str]) -> str:
    width = max(len(name) for name in descriptions)
    return "\n".join(f"  {name:<{width}}  {text}" for name, text in descriptions.items())


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m devtools", description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    bench = commands.add_parser(
        "bench", help="measure speed, memory and cost against same-run baselines",
        description="One table of medians, each beside a baseline measured in the same run (docs/benchmark.md).",
    )
    bench.add_argument("--tiny", action="store_true", help="tiny sizes and one run each: checks the table, not speed")
    bench.add_argument("--only", help="comma-separated sections: engine,components,batching,cold,imports,...")
    bench.add_argument("--corpus", type=Path, help="a folder of .txt articles (default: the PolNeAR dev texts)")
    bench.add_argument("--markdown", type=Path, help="also write the table to this file")
    bench.set_defaults(run=cmd_bench)

    suites = {"all": "every suite below, in this order", **SUITES}
    evaluate = commands.add_parser(
        "eval", help="score the engine on the development data",
        description="Scores the engine on the development data kept beside the checkout.",
        epilog="suites:\n" + _choices(suites), formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    evaluate.add_argument("what", nargs="?", default="all", choices=list(suites), metavar="SUITE",
                          help="what to score, one of the suites below (default: %(default)s)")
    evaluate.add_argument("--data", default=DEFAULT_DATA, help="the development data folder (default: %(default)s)")
    evaluate.add_argument("--json", action="store_true", help="print the figures as JSON")
    evaluate.set_defaults(run=cmd_eval)

    train = commands.add_parser(
        "train-checkworthiness", help="train the check-worthiness model from the CheckThat! 2024 files",
        description="Refits the shipped check-worthiness model (needs the dev extra: scikit-learn, scipy).",
    )
    train.add_argument("--data", default=f"{DEFAULT_DATA}/claims",
                       help="folder with the CT24 English TSV files (default: %(default)s)")
    train.add_argument("--out", help="where to write the model (default: the file the package ships)")
    train.set_defaults(run=cmd_train_checkworthiness)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
