"""How the API writes JSON: `<`, `>` and `&` inside strings become \\u003c, \\u003e and \\u0026.

Clients decode the same values, but no response carries markup as bytes: an article's or a request's
<script> tags cannot be rendered from a body that a browser, proxy or log viewer sniffs as HTML.
Go's encoding/json escapes these three characters by default for the same reason.
"""

from __future__ import annotations

import json
from typing import Any

from aws_lambda_powertools.shared.json_encoder import Encoder

# Outside strings JSON has no <, > or &, so translating the whole document only touches string contents.
_HTML_SAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})


def dumps(value: Any) -> str:
    """Compact JSON (as Powertools writes it) with markup characters escaped."""
    return json.dumps(value, separators=(",", ":"), cls=Encoder).translate(_HTML_SAFE)
