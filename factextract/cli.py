"""The factextract command: extract one article or a JSONL file, print the schema."""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import sys
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from factextract.errors import FactExtractError, InvalidArticle
from factextract.models import Article

if TYPE_CHECKING:  # the pipeline imports spaCy: loaded inside process_start(), not at import
    from factextract.pipeline import Extractor


def _read_source(path: str) -> str:
    from factextract.reader import decode

    data = sys.stdin.buffer.read() if path == "-" else Path(path).read_bytes()
    return decode(data)


def _parse_date(value: str) -> dt.date | dt.datetime:
    try:
        return dt.datetime.fromisoformat(value) if "T" in value else dt.date.fromisoformat(value)
    except ValueError:
        raise InvalidArticle(f"--published-at: {value!r} is not an ISO 8601 date", field="published_at") from None


def _dump(model, pretty: bool) -> str:
    return model.model_dump_json(indent=2 if pretty else None)


def cmd_extract(args: argparse.Namespace) -> int:
    from factextract.startup import process_start

    with process_start():  # start-up as the Lambda entry points run it
        from factextract.pipeline import default_extractor

        extractor = default_extractor()
    if args.input:
        return _extract_file(args, extractor)
    if not args.file:
        raise SystemExit("factextract extract: give FILE, - for standard input, or --input FILE.jsonl")
    article = {"text": _read_source(args.file), **_defaults(args)}
    print(_dump(extractor.extract(article), args.pretty))
    return 0


def _defaults(args: argparse.Namespace) -> dict:
    """Article fields the command line gives, for articles that do not set them."""
    defaults: dict = {}
    if args.published_at:
        defaults["published_at"] = _parse_date(args.published_at)
    if args.follow_up_quotes:
        defaults["follow_up_quotes"] = args.follow_up_quotes
    return defaults


def _filled(article: Article, defaults: dict) -> Article:
    missing = {
        field: value for field, value in defaults.items()
        if field not in article.model_fields_set or getattr(article, field) is None
    }
    return article.model_copy(update=missing) if missing else article


def _extract_file(args: argparse.Namespace, extractor: Extractor) -> int:
    """JSONL in, JSONL out: a bad line is reported with its number and the rest go on."""
    from tqdm import tqdm

    from factextract.reader import Record, read_lines

    failures = 0
    defaults = _defaults(args)
    progress = tqdm(unit="article", file=sys.stderr, disable=None)

    def good_articles(records: Iterable[Record]) -> Iterator[Article]:
        nonlocal failures
        for record in records:
            if record.error is not None:
                failures += 1
                progress.update(1)
                print(f"line {record.line}: {record.error.code}: {record.error.message}", file=sys.stderr)
            else:
                yield _filled(record.article, defaults)

    with (
        open(args.input, encoding="utf-8") as source,
        contextlib.ExitStack() as stack,
    ):
        output = stack.enter_context(open(args.output, "w", encoding="utf-8")) if args.output else sys.stdout
        for extraction in extractor.extract_many(good_articles(read_lines(source)), batch_size=args.batch_size):
            output.write(_dump(extraction, False) + "\n")
            progress.update(1)
    progress.close()
    if failures:
        print(f"{failures} line(s) failed; the others were extracted", file=sys.stderr)
    return 1 if failures else 0


def cmd_schema(args: argparse.Namespace) -> int:
    from factextract.schema import extraction_schema

    print(json.dumps(extraction_schema(), indent=2))
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="factextract",
        description="Attributed quotes, figures, claims and entities from news text, with exact offsets.",
        epilog="Commands for developers of factextract live in a checkout: python -m devtools --help",
    )
    commands = parser.add_subparsers(dest="command", required=True)

    extract = commands.add_parser("extract", help="extract facts from an article file, stdin or a JSONL file")
    extract.add_argument("file", nargs="?", help="a text file, or - for standard input")
    extract.add_argument("--published-at", help="publication date (ISO 8601) for relative dates")
    extract.add_argument(
        "--follow-up-quotes", choices=["separate", "joined"],
        help='"A," she said. "B.": B as a quote of its own (separate, the default) or as a span of A (joined)',
    )
    extract.add_argument("--pretty", action="store_true", help="indent the JSON")
    extract.add_argument("--input", help="a JSONL file with one article object per line")
    extract.add_argument("--output", help="where to write one Extraction per line (default: stdout)")
    extract.add_argument("--batch-size", type=int, default=16, help=argparse.SUPPRESS)
    extract.set_defaults(run=cmd_extract)

    schema = commands.add_parser("schema", help="print the JSON Schema of an Extraction")
    schema.set_defaults(run=cmd_schema)

    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.run(args)
    except FactExtractError as exc:
        print(f"factextract: {exc.code}: {exc.message}", file=sys.stderr)
        return 2
    except (OSError, UnicodeDecodeError) as exc:
        print(f"factextract: io_error: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
