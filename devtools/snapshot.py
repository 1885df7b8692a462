"""Behaviour snapshot: extracts every shared development text and prints one hash per set.

Run before and after a refactor (`python -m devtools.snapshot OUT_DIR`): equal hashes mean the
extractions are byte-identical; otherwise `diff` the two OUT_DIR/<set>.jsonl files. The sets are the
84 PolNeAR dev texts (both follow-up conventions), the TimeBank documents with their dates, the
Recognizers-Text cases with their reference dates and the CheckThat! dev-test sentences.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import sys
from collections.abc import Iterator
from pathlib import Path

from factextract.models import Article
from factextract.pipeline import extract_many

# The extractor version names the package and model; a refactor keeps both, so it is left out of the hash.
VOLATILE = ("extractor_version",)


def _polnear(data: Path, follow_ups: str) -> Iterator[Article]:
    for path in sorted((data / "quotes" / "polnear-dev" / "text").glob("*.txt")):
        yield Article(id=path.stem, text=path.read_text(encoding="utf-8"), follow_up_quotes=follow_ups)


def _jsonl(path: Path) -> Iterator[Article]:
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
        case = json.loads(line)
        if case["text"].strip():
            published = (case.get("ref_date") or "")[:10] or None
            yield Article(id=f"{path.stem}-{n}", text=case["text"], published_at=published)


def _claims(data: Path) -> Iterator[Article]:
    with open(data / "claims" / "CT24_checkworthy_english_dev-test.tsv", encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            yield Article(id=row["Sentence_id"], text=row["Text"])


def sets(data: Path) -> dict[str, Iterator[Article]]:
    figures = data / "figures"
    return {
        "polnear-separate": _polnear(data, "separate"),
        "polnear-joined": _polnear(data, "joined"),
        "timebank": _jsonl(figures / "timebank_dates.jsonl"),
        **{path.stem: _jsonl(path) for path in sorted(figures.glob("rt_*.jsonl"))},
        "claims-dev-test": _claims(data),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", type=Path, help="folder for one <set>.jsonl of extractions per set")
    parser.add_argument("--data", type=Path, default=Path("../shared/eval"), help="default: ../shared/eval")
    args = parser.parse_args(argv)
    if not args.data.is_dir():
        print(f"no development data at {args.data}", file=sys.stderr)
        return 2
    args.out.mkdir(parents=True, exist_ok=True)
    for name, articles in sets(args.data).items():
        digest = hashlib.sha256()
        with open(args.out / f"{name}.jsonl", "w", encoding="utf-8") as out:
            for extraction in extract_many(articles):
                line = extraction.model_dump_json(exclude=set(VOLATILE))
                out.write(line + "\n")
                digest.update(line.encode() + b"\n")
        print(f"{name:20} {digest.hexdigest()[:16]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
