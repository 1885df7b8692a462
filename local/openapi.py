"""Writes openapi/openapi.json from the API's code (`make openapi`); tests/infra/test_openapi.py keeps it in sync."""

from __future__ import annotations

import sys

from local.template import ROOT

DOCUMENT = ROOT / "openapi" / "openapi.json"


def main() -> int:
    sys.path.insert(0, str(ROOT / "functions"))
    from api.app import openapi_document

    DOCUMENT.write_text(openapi_document() + "\n", encoding="utf-8")
    print(f"wrote {DOCUMENT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
