"""Derive factextract/data/first_names.tsv from the nomquamgender wheel (MIT, Ian Van Buskirk, 2022).

Usage: python -m devtools.names.build_first_names --wheel PATH_OR_DIR [--out FILE]

The wheel's name_data.json maps a lower-case, diacritic-free given name to [number of sources, number of
observations, p(gf), taxonomy]. A name is kept when that evidence is strong enough that "he" or "she" of
its bearer is near certain in any country a news story may come from; every other name stays out of the
file and so stays compatible with both pronouns.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import zipfile
from pathlib import Path

PACKAGE = "nomquamgender"
DATA_MEMBER = f"{PACKAGE}/name_data.json"
OUT = Path(__file__).resolve().parents[2] / "factextract" / "data" / "first_names.tsv"

# Seen in at least this many of the 36 source lists: a name one country's register alone knows may be
# gendered the other way elsewhere.
MIN_SOURCES = 5
# At least this many people behind the estimate, so that p(gf) is a share, not an anecdote.
MIN_COUNT = 30
# At most 1 bearer in 20 of the other gender: a wrong gender blocks the right antecedent, so only
# names that are close to one-sided count ("Jordan" 0.11, "Andrea" 0.83, "Kim" 0.67 stay out).
MALE_AT_MOST = 0.05
FEMALE_AT_LEAST = 0.95
# The package's taxonomy code for "gendered" (not only within some countries or decades); a name whose
# code is a list has one code per uncertainty cut-off, the first being 0.05, the cut-off used here.
GENDERED = 3
# Lower-case ASCII letters, with a hyphen or apostrophe only between letters ("jean-paul", "d'angelo").
NAME = re.compile(r"[a-z]+(?:['-][a-z]+)*")
# Words of rank, office or faith the lists also hold as given names but that news writes before a name
# whatever its bearer's gender: "Major Ann Lee", "Pastor Ann Lee" say nothing of Ann Lee's gender.
_TITLE_WORDS = """
    abbot admiral bishop canon captain chancellor commodore elder general governor guru haji imam major
    master pastor rabbi rector
"""
TITLE_WORDS = frozenset(_TITLE_WORDS.split())


def find_wheel(path: Path) -> Path:
    """The wheel itself, or the one nomquamgender wheel in a directory."""
    if path.is_file():
        return path
    wheels = sorted(path.glob(f"{PACKAGE}-*.whl"))
    if len(wheels) != 1:
        raise SystemExit(f"build_first_names: expected one {PACKAGE} wheel in {path}, found {len(wheels)}")
    return wheels[0]


def _version(wheel: zipfile.ZipFile) -> str:
    metadata = next(name for name in wheel.namelist() if name.endswith(".dist-info/METADATA"))
    for line in wheel.read(metadata).decode("utf-8").splitlines():
        if line.startswith("Version:"):
            return line.split(":", 1)[1].strip()
    raise SystemExit("build_first_names: the wheel's METADATA names no version")


def gender_of(sources: int, count: int, pgf: float, taxonomy: int | list[int]) -> str | None:
    """"m" or "f" when the evidence for the name clears every threshold above, else None."""
    code = taxonomy[0] if isinstance(taxonomy, list) else taxonomy
    if sources < MIN_SOURCES or count < MIN_COUNT or code != GENDERED:
        return None
    if pgf <= MALE_AT_MOST:
        return "m"
    if pgf >= FEMALE_AT_LEAST:
        return "f"
    return None


def derive(names: dict[str, list]) -> list[tuple[str, str]]:
    """(name, gender) for every kept name, sorted by name."""
    kept = []
    for name, (sources, count, pgf, taxonomy) in names.items():
        usable = NAME.fullmatch(name) and len(name) > 1 and name not in TITLE_WORDS
        gender = gender_of(sources, count, pgf, taxonomy) if usable else None
        if gender:
            kept.append((name, gender))
    return sorted(kept)


def build(wheel_path: Path, out: Path) -> list[tuple[str, str]]:
    digest = hashlib.sha256(wheel_path.read_bytes()).hexdigest()
    with zipfile.ZipFile(wheel_path) as wheel:
        version = _version(wheel)
        kept = derive(json.loads(wheel.read(DATA_MEMBER)))
    header = [
        f"# Given names almost always borne by one gender: m (male) or f (female), from {PACKAGE} {version}",
        "# (MIT licence, Copyright (c) 2022 Ian Van Buskirk; notice in first_names.LICENSE).",
        f"# Source: {wheel_path.name} sha256 {digest}",
        f"# Made by: python -m devtools.names.build_first_names --wheel {wheel_path.name}",
        f"# Kept: ASCII letters (hyphen or apostrophe between letters), not a title word, in >= {MIN_SOURCES}"
        f" sources, >= {MIN_COUNT} observations,",
        f"# gendered in the package's taxonomy at 0.05, p(gf) <= {MALE_AT_MOST} (m) or >= {FEMALE_AT_LEAST} (f).",
    ]
    out.write_text("\n".join([*header, *(f"{name}\t{gender}" for name, gender in kept)]) + "\n", encoding="utf-8")
    return kept


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wheel", required=True, type=Path, help=f"the {PACKAGE} wheel, or a directory holding it")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    kept = build(find_wheel(args.wheel), args.out)
    male = sum(gender == "m" for _, gender in kept)
    print(f"{args.out}: {male} male and {len(kept) - male} female names, {args.out.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
