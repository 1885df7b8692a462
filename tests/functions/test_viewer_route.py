"""The viewer's route on the API function: the page and its assets with the right types and policy,
and static guards that the page neither fetches from elsewhere nor parses article text as HTML."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest

from local.server import LocalContext
from tests.functions.conftest import ROOT

VIEWER = ROOT / "functions" / "api" / "viewer"

Fetch = Callable[..., tuple[int, dict[str, str], str]]


@pytest.fixture
def fetch(aws: dict[str, str], lambda_context: LocalContext, load_event: Callable[[str], dict[str, Any]]) -> Fetch:
    """GET a path through the Lambda handler, reusing the health event's real API Gateway shape;
    public_path is the path the browser asked for (stage included), /Prod<path> by default."""
    import api.app

    template = load_event("api_health")

    def get(path: str, public_path: str | None = None) -> tuple[int, dict[str, str], str]:
        context = {**template["requestContext"], "path": public_path or f"/Prod{path}", "resourcePath": path}
        event = {**template, "path": path, "resource": path, "requestContext": context}
        result = api.app.lambda_handler(event, lambda_context)
        headers = {name.lower(): value for name, value in (result.get("headers") or {}).items()}
        for name, values in (result.get("multiValueHeaders") or {}).items():
            headers[name.lower()] = ", ".join(values)
        return result["statusCode"], headers, result["body"]

    return get


def test_root_serves_the_viewer_page_with_a_policy_allowing_only_this_api(fetch: Fetch) -> None:
    status, headers, body = fetch("/")
    assert status == 200
    assert headers["content-type"] == "text/html; charset=utf-8"
    policy = headers["content-security-policy"]
    assert "default-src 'none'" in policy
    assert "script-src 'self'" in policy
    assert "connect-src 'self'" in policy
    assert headers["x-content-type-options"] == "nosniff"
    assert '<textarea id="article-text"' in body
    assert 'src="viewer/viewer.js"' in body


def test_stage_root_without_its_slash_redirects_so_relative_urls_stay_inside_the_api(fetch: Fetch) -> None:
    status, headers, _ = fetch("/", public_path="/Prod")
    assert status == 302
    assert headers["location"] == "/Prod/"


@pytest.mark.parametrize(
    ("name", "content_type"),
    [("viewer.js", "text/javascript; charset=utf-8"), ("viewer.css", "text/css; charset=utf-8")],
)
def test_viewer_assets_are_served_with_their_content_types(fetch: Fetch, name: str, content_type: str) -> None:
    status, headers, body = fetch(f"/viewer/{name}")
    assert status == 200
    assert headers["content-type"] == content_type
    assert body == (VIEWER / name).read_text(encoding="utf-8")


@pytest.mark.parametrize("name", ["index.html", "app.py", "..%2Fapp.py", "viewer.js.map"])
def test_only_the_listed_assets_are_served(fetch: Fetch, name: str) -> None:
    status, headers, body = fetch(f"/viewer/{name}")
    assert status == 404
    assert headers["content-type"] == "application/json"
    assert '"code":"not_found"' in body.replace(" ", "")


def test_page_references_only_its_own_relative_assets() -> None:
    # Relative URLs keep the page working under a stage path (/Prod/); none may point at another host.
    html = (VIEWER / "index.html").read_text(encoding="utf-8")
    references = re.findall(r'(?:src|href)="([^"]*)"', html)
    assert references, "index.html references nothing"
    for reference in references:
        assert not re.match(r"^(?:[a-z]+:)?//", reference, re.IGNORECASE), reference
        assert not reference.startswith("/"), reference
    css = (VIEWER / "viewer.css").read_text(encoding="utf-8")
    assert "@import" not in css
    assert "url(" not in css


def test_script_never_parses_text_as_html() -> None:
    # Article text is untrusted; these are the DOM calls that would turn it into markup.
    script = (VIEWER / "viewer.js").read_text(encoding="utf-8")
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function"):
        assert sink not in script, sink
    assert "http://" not in script
    assert "https://" not in script
