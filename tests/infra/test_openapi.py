"""openapi/openapi.json is what the code generates, and names the routes template.yaml deploys."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from local.template import api_routes, load_template

ROOT = Path(__file__).resolve().parents[2]
DOCUMENT = ROOT / "openapi" / "openapi.json"


def _shape(path: str) -> str:
    # Parameter names may differ between the template and the code; the route's shape may not.
    return re.sub(r"\{[^}]+\}", "{}", path)


def test_committed_openapi_document_matches_the_code() -> None:
    from api.app import openapi_document

    assert DOCUMENT.read_text(encoding="utf-8") == openapi_document() + "\n", "stale: run `make openapi`"


def test_openapi_document_lists_every_route_with_error_bodies() -> None:
    document = json.loads(DOCUMENT.read_text(encoding="utf-8"))
    operations = {(method.upper(), path) for path, item in document["paths"].items() for method in item}
    assert operations == {
        ("POST", "/v1/extractions"),
        ("GET", "/v1/extractions/{article_id}"),
        ("DELETE", "/v1/extractions/{article_id}"),
        ("GET", "/v1/quotes"),
        ("GET", "/v1/jobs"),
        ("GET", "/v1/health"),
    }
    create = document["paths"]["/v1/extractions"]["post"]
    assert set(create["responses"]) == {"200", "201", "400", "403", "413", "415", "422", "500", "503"}
    assert create["responses"]["422"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/ErrorBody"
    }


def test_template_routes_match_the_openapi_document() -> None:
    template = load_template()
    if template is None:
        pytest.skip("template.yaml not written yet")
    document = json.loads(DOCUMENT.read_text(encoding="utf-8"))
    documented = {(method.upper(), _shape(path)) for path, item in document["paths"].items() for method in item}
    deployed = {(route.method, _shape(route.path)) for route in api_routes(template) if route.path.startswith("/v1/")}
    assert deployed == documented
