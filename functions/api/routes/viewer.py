"""GET / and its two assets: the viewer page, served by the API function behind the API's own auth.

The page is static (functions/api/viewer/): no build step, no CDN. It calls POST /v1/extractions
on the same origin, so the Content-Security-Policy below can forbid every other source.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from aws_lambda_powertools.event_handler import Response
from aws_lambda_powertools.event_handler.api_gateway import Router

from shared.errors import NotFound

VIEWER_DIR = Path(__file__).resolve().parent.parent / "viewer"

# The only files the asset route serves: a fixed map, so no request path ever reaches the filesystem.
ASSETS = {
    "viewer.js": "text/javascript; charset=utf-8",
    "viewer.css": "text/css; charset=utf-8",
}

# Article text is untrusted: the page inserts it as text, and this policy is the second line of
# defence (no inline script, nothing loaded or sent anywhere but this API).
SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
        "img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    # Assets are not versioned by name: revalidate so a deploy shows at once.
    "Cache-Control": "no-cache",
}

router = Router()


@cache
def _read(name: str) -> str:
    return (VIEWER_DIR / name).read_text(encoding="utf-8")


def _page(name: str, content_type: str) -> Response[str]:
    return Response(status_code=200, content_type=content_type, body=_read(name), headers=dict(SECURITY_HEADERS))


@router.get("/", include_in_schema=False)
def viewer_page() -> Response[str]:
    # The page's relative URLs (viewer/viewer.js, v1/extractions) need the stage root to end in a slash:
    # at https://host/Prod they would resolve to https://host/viewer.js, outside the API.
    public_path = router.current_event.request_context.path or "/"
    if not public_path.endswith("/"):
        return Response(status_code=302, body="", headers={"Location": public_path + "/", "Cache-Control": "no-cache"})
    return _page("index.html", "text/html; charset=utf-8")


@router.get("/viewer/<name>", include_in_schema=False)
def viewer_asset(name: str) -> Response[str]:
    content_type = ASSETS.get(name)
    if content_type is None:
        raise NotFound(f"no viewer asset named {name!r}")
    return _page(name, content_type)
