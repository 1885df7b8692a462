"""The hostile-request matrix: what the internet may send the API, each with the answer it must get.

Every request goes over real HTTP to the local server (the same handler as the deployed function), so
HTTP parsing, content types and header limits are part of the test. No request may get a 5xx or a stack
trace: each gets a JSON error with its stable code, or a valid extraction whose offsets match its text.
"""

from __future__ import annotations

import http.client
import json
from dataclasses import dataclass, field
from urllib.parse import quote, urlsplit

import pytest

from factextract.models import Extraction
from tests.engine.test_properties import assert_offsets_match
from tests.reliability.conftest import Tally

JSON = {"Content-Type": "application/json"}
LIMIT = 100_000  # MAX_TEXT_CHARS of the local server (the API's default)
REQUEST_SECONDS = 120


@dataclass(frozen=True)
class Case:
    name: str
    method: str
    path: str
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=lambda: dict(JSON))
    status: int = 201
    code: str | None = None  # the error code; None for a successful extraction
    field: str | None = None  # the field a 422 names
    text: str | None = None  # for a 201: the text the offsets must point into (the body's text by default)


def post(name: str, payload: object, status: int = 201, code: str | None = None, **extra: object) -> Case:
    return Case(name, "POST", "/v1/extractions", json.dumps(payload).encode(), status=status, code=code, **extra)


def raw(name: str, body: bytes, status: int, code: str | None, **extra: object) -> Case:
    return Case(name, "POST", "/v1/extractions", body, status=status, code=code, **extra)


def get(name: str, path: str, status: int, code: str | None, **extra: object) -> Case:
    return Case(name, "GET", path, status=status, code=code, headers={}, **extra)


def invalid(name: str, payload: object, field: str) -> Case:
    return post(name, payload, 422, "validation_error", field=field)


NESTED = b'{"text": "a", "x": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"
SCRIPT = '<script>alert("x")</script><img src=x onerror=alert(1)>'
ONE_SENTENCE = " ".join((["the", "council", "said", "the", "budget", "grew"] * 16_667)[:100_000]) + "."

CASES = [
    # --- the body is not JSON, or not the JSON of an article
    raw("malformed JSON", b"{not json", 400, "invalid_json"),
    raw("truncated JSON", b'{"text": "The mayor said', 400, "invalid_json"),
    raw("trailing garbage after the object", b'{"text": "a"} trailing', 400, "invalid_json"),
    raw("deeply nested JSON (100,000 levels)", NESTED, 400, "invalid_json"),
    raw("an integer of 5,000 digits", b'{"text": "a", "id": 1' + b"0" * 5000 + b"}", 400, "invalid_json"),
    raw("only non-UTF-8 bytes", b"\xff\xfe\xfd\x00\x81", 415, "unsupported_media_type"),
    raw("empty body", b"", 422, "validation_error", field="body"),
    raw("JSON null", b"null", 422, "validation_error", field="body"),
    raw("a JSON array of two articles", b'[{"text": "a"}, {"text": "b"}]', 422, "validation_error", field="body"),
    raw("a bare JSON string", b'"The mayor said so."', 422, "validation_error", field="body"),
    raw("a bare JSON number", b"42", 422, "validation_error", field="body"),
    # --- wrong types and missing or empty text
    invalid("missing text", {"title": "No body"}, "text"),
    invalid("text is a number", {"text": 12}, "text"),
    invalid("text is a list", {"text": ["a", "b"]}, "text"),
    invalid("text is an object", {"text": {"body": "a"}}, "text"),
    invalid("text is null", {"text": None}, "text"),
    invalid("text is a boolean", {"text": True}, "text"),
    invalid("empty text", {"text": ""}, "text"),
    invalid("whitespace-only text", {"text": " \n\t\u00a0\u2003 "}, "text"),
    invalid("unknown field", {"text": "The mayor spoke.", "author": "x"}, "author"),
    invalid("title over 2,000 characters", {"text": "a", "title": "t" * 2001}, "title"),
    invalid("unsupported language", {"text": "Le maire a parlé.", "language": "fr"}, "language"),
    invalid("markup as the language", {"text": "a", "language": SCRIPT}, "language"),
    # --- dates and numbers
    invalid("invalid date (month 13)", {"text": "a", "published_at": "2020-13-45"}, "published_at"),
    invalid("date in words", {"text": "a", "published_at": "yesterday"}, "published_at"),
    invalid("date as an object", {"text": "a", "published_at": {"year": 2020}}, "published_at"),
    raw("huge number as the date", b'{"text": "a", "published_at": 1e400}', 422, "validation_error",
        field="published_at"),
    invalid("year beyond 9999", {"text": "a", "published_at": "99999-01-01"}, "published_at"),
    # --- sizes
    post("text one character over the limit", {"text": "a" * (LIMIT + 1)}, 413, "text_too_long", field="text"),
    post("a 100,000-word single sentence", {"text": ONE_SENTENCE}, 413, "text_too_long", field="text"),
    # --- content types
    Case("text/plain body", "POST", "/v1/extractions", b'{"text": "a"}', {"Content-Type": "text/plain"},
         415, "unsupported_media_type"),
    Case("XML body", "POST", "/v1/extractions", b"<article><text>a</text></article>",
         {"Content-Type": "application/xml"}, 415, "unsupported_media_type"),
    Case("multipart form", "POST", "/v1/extractions", b"--x\r\n\r\na\r\n--x--",
         {"Content-Type": "multipart/form-data; boundary=x"}, 415, "unsupported_media_type"),
    # --- awkward but valid text: answered with an extraction whose offsets match
    Case("no content type (API Gateway's default is JSON)", "POST", "/v1/extractions",
         b'{"text": "Mayor Dana Whitfield said the vote was close."}', {}, 201,
         text="Mayor Dana Whitfield said the vote was close."),
    raw("invalid UTF-8 inside the text", b'{"text": "Caf\xe9 owners said \xff they agreed."}', 415,
        "unsupported_media_type"),
    Case("latin-1 declared and sent", "POST", "/v1/extractions", '{"text": "Caf\xe9 owners agreed."}'.encode("latin-1"),
         {"Content-Type": "application/json; charset=latin-1"}, 415, "unsupported_media_type"),
    post("NUL and control characters", {"text": 'He said\x00 "no\x07 way"\x1b[31m today.\r\n\x0b\x0c'}),
    post("right-to-left and emoji", {"text": 'قال الوزير "\u202eok\u202c" 😀👍🏽 and 𝔘𝔫𝔦 said "fine" 🇺🇸.'}),
    # 10,000 quote marks three ways: around 5,000 spaced words, in one run of marks alone (spaCy's tokenizer
    # took 20 s on it before factextract.tokenizer), and around 5,000 words in one run without spaces.
    post("10,000 quote marks around spaced words", {"text": " ".join(['"yes"'] * 5000)}),
    post("10,000 quote marks in one run", {"text": '"' * 10_000}),
    post("10,000 quote marks around words without spaces", {"text": '"yes"' * 5000}),
    post("unbalanced quotes", {"text": 'He said "we will win. She said "no. \u201cWe left\u201d\u201d \u201c \u00ab'}),
    post("HTML and script tags in the text", {"text": f'The mayor said "{SCRIPT}" to the <b>council</b>.'}),
    # A lone UTF-16 surrogate is valid JSON but not Unicode text: refused as text, never a 500.
    raw("a lone surrogate escape", b'{"text": "She said \\"ok \\ud800\\"."}', 422, "validation_error", field="text"),
    # --- ids: traversal, other formats, lengths
    invalid("path traversal in the id", {"text": "a", "id": "../../etc/passwd"}, "id"),
    invalid("an id with a slash", {"text": "a", "id": "a/b"}, "id"),
    invalid("an id of 129 characters", {"text": "a", "id": "a" * 129}, "id"),
    get("GET an id with encoded traversal", "/v1/extractions/..%2F..%2Fetc%2Fpasswd", 404, "not_found"),
    get("GET an id with a NUL", "/v1/extractions/abc%00def", 404, "not_found"),
    get("GET an id in braces", "/v1/extractions/%7Babc%7D", 422, "validation_error", field="article_id"),
    get("GET an id of 500 characters", "/v1/extractions/" + "a" * 500, 422, "validation_error", field="article_id"),
    get("GET a well-formed unknown id", "/v1/extractions/3f2a9c1e-0000-4000-8000-000000000000", 404, "not_found"),
    get("GET markup as the id", "/v1/extractions/" + quote(SCRIPT, safe=""), 404, "not_found"),
    Case("DELETE an unknown id", "DELETE", "/v1/extractions/no-such-article", headers={}, status=404,
         code="not_found"),
    Case("DELETE with encoded traversal", "DELETE", "/v1/extractions/..%2Fall", headers={}, status=404,
         code="not_found"),
    # --- the quotes query
    get("quotes without a speaker", "/v1/quotes", 422, "validation_error", field="speaker"),
    get("quotes with a blank speaker", "/v1/quotes?speaker=%20%20", 422, "validation_error", field="speaker"),
    get("quotes with a 10,000-character speaker", "/v1/quotes?speaker=" + "a" * 10_000, 422, "validation_error",
        field="speaker"),
    get("quotes with limit=0", "/v1/quotes?speaker=Dana&limit=0", 422, "validation_error", field="limit"),
    get("quotes with a huge limit", "/v1/quotes?speaker=Dana&limit=" + "9" * 40, 422, "validation_error",
        field="limit"),
    get("quotes with limit=abc", "/v1/quotes?speaker=Dana&limit=abc", 422, "validation_error", field="limit"),
    get("quotes with a forged cursor", "/v1/quotes?speaker=Dana&cursor=eyJwayI6IkFSVCMxIn0", 422,
        "validation_error", field="cursor"),
    get("quotes with a cursor of garbage", "/v1/quotes?speaker=Dana&cursor=%25%25%25", 422, "validation_error",
        field="cursor"),
    # --- routes, methods and HTTP limits
    get("unknown route", "/v1/../../admin", 404, "not_found"),
    get("swagger is off by default", "/swagger", 404, "not_found"),
    Case("PUT on a POST route", "PUT", "/v1/extractions", b"{}", status=404, code="not_found"),
    Case("an unknown HTTP method", "BREW", "/v1/health", headers={}, status=405, code="method_not_allowed"),
    Case("a 70 KB header", "GET", "/v1/health", headers={"X-Padding": "a" * 70_000}, status=431,
         code="request_header_fields_too_large"),
    Case("200 headers", "GET", "/v1/health", headers={f"X-H{i}": "v" for i in range(200)}, status=431,
         code="request_header_fields_too_large"),
    get("a 70 KB URL", "/v1/quotes?speaker=" + "a" * 70_000, 414, "request_uri_too_long"),
]


def send(base_url: str, case: Case) -> tuple[int, str, bytes]:
    where = urlsplit(base_url)
    connection = http.client.HTTPConnection(where.hostname, where.port, timeout=REQUEST_SECONDS)
    try:
        connection.putrequest(case.method, case.path, skip_accept_encoding=True)
        for name, value in case.headers.items():
            connection.putheader(name, value)
        if case.method in {"POST", "PUT", "PATCH"}:
            connection.putheader("Content-Length", str(len(case.body)))
        connection.endheaders(case.body or None)
        response = connection.getresponse()
        return response.status, response.getheader("Content-Type") or "", response.read()
    finally:
        connection.close()


def test_matrix_has_at_least_40_distinct_cases() -> None:
    assert len(CASES) >= 40
    assert len({case.name for case in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_hostile_request_gets_its_expected_answer(case: Case, local_api: tuple[str, int], tally: Tally) -> None:
    status, content_type, data = send(local_api[0], case)
    tally.add("api matrix", bad_inputs_tried=1, bad_inputs_handled=int(status < 500))
    assert status < 500, data[:500]
    assert content_type.startswith("application/json"), (status, content_type, data[:200])
    assert b"Traceback" not in data and b'File "' not in data
    # Nothing the caller sent comes back as markup, in errors or in extractions (JSON escapes < > &).
    assert b"<script" not in data and b"<img" not in data and b"<b>" not in data
    body = json.loads(data)
    assert status == case.status, body
    if case.code is not None:
        assert body["code"] == case.code
        assert isinstance(body["message"], str) and body["message"]
        assert body.get("field") == case.field
        return
    extraction = Extraction.model_validate(body)
    text = case.text if case.text is not None else json.loads(case.body)["text"]
    assert extraction.stats.characters == len(text)
    assert_offsets_match(text, extraction)
