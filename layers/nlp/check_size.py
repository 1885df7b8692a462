"""Prints the layer's unzipped size with the function code's, and fails when they leave too little of Lambda's limit.

    python3 check_size.py LAYER_DIR FUNCTION_CODE_DIR [LABEL]

Lambda refuses a function whose code and layers unzip to more than 262,144,000 bytes (its "250 MB" are MiB). The
layer alone came to 259 MB when shared objects went unstripped, a deployment failure that showed up only at
`sam deploy`. The build fails instead, and early enough to leave 50 MiB for the dependencies still to come.
"""

from __future__ import annotations

import sys
from pathlib import Path

LAMBDA_UNZIPPED_LIMIT = 262_144_000
REQUIRED_HEADROOM = 50 * 1024 * 1024
MB = 1_000_000


def unzipped_size(root: Path, bytecode: bool = True) -> int:
    """Bytes of the files under root, as the zip holds them.

    The layer ships its bytecode (layers/nlp/Makefile, bytecode); `sam build` leaves the functions' out.
    """
    return sum(
        path.stat().st_size
        for path in root.rglob("*")
        if path.is_file() and not path.is_symlink() and (bytecode or "__pycache__" not in path.parts)
    )


def report(layer: int, function: int, label: str = "NlpLayer") -> tuple[str, bool]:
    """The line to print and whether the sizes leave the required headroom."""
    total = layer + function
    spare = LAMBDA_UNZIPPED_LIMIT - total
    line = (
        f"{total / MB:.1f} MB unzipped: {label} {layer / MB:.1f} MB + function code {function / MB:.2f} MB;"
        f" {spare / MB:.1f} MB under Lambda's {LAMBDA_UNZIPPED_LIMIT / MB:.1f} MB (250 MiB) limit"
    )
    return line, spare >= REQUIRED_HEADROOM


def main(argv: list[str]) -> int:
    layer_dir, function_dir, *rest = argv
    line, fits = report(unzipped_size(Path(layer_dir)), unzipped_size(Path(function_dir), bytecode=False), *rest)
    print(line)
    if not fits:
        print(
            f"error: the layer leaves less than {REQUIRED_HEADROOM / MB:.1f} MB (50 MiB) of Lambda's unzipped limit."
            " Were the shared objects stripped (the 'strip_debug:' line above)? Find the largest parts with"
            f" `du -a {layer_dir} | sort -n | tail`.",
            file=sys.stderr,
        )
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
