"""The local server's HTTP framing, over raw sockets: a chunked body is refused (411) and never read as a
second request, and a Content-Length that is not one non-negative integer is 400, without a hang or a trace."""

from __future__ import annotations

import json
import socket
import urllib.request
from urllib.parse import urlsplit

import pytest

from tests.reliability.conftest import Tally

ARTICLE = json.dumps({"id": "framing-story", "text": 'Mayor Ana Lima said: "We open in June."'}).encode()


def exchange(base_url: str, request: bytes) -> bytes:
    """Everything the server answers to the raw request before it closes the connection (10 s at most)."""
    where = urlsplit(base_url)
    with socket.create_connection((where.hostname, where.port), timeout=10) as sock:
        sock.sendall(request)
        answer = b""
        while chunk := sock.recv(65536):
            answer += chunk
    return answer


def status_of(base_url: str, method: str, path: str, body: bytes | None = None) -> int:
    request = urllib.request.Request(base_url + path, data=body, method=method)
    request.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def test_chunked_body_is_refused_and_a_smuggled_request_behind_it_never_runs(
    local_api: tuple[str, int], tally: Tally
) -> None:
    base = local_api[0]
    assert status_of(base, "POST", "/v1/extractions", ARTICLE) in {200, 201}
    smuggled = b"DELETE /v1/extractions/framing-story HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n"
    chunked = (
        b"POST /v1/extractions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
        b"Transfer-Encoding: chunked\r\n\r\n" + f"{len(ARTICLE):x}\r\n".encode() + ARTICLE + b"\r\n0\r\n\r\n" + smuggled
    )

    answer = exchange(base, chunked)

    assert answer.startswith(b"HTTP/1.1 411") and answer.count(b"HTTP/1.1 ") == 1
    assert status_of(base, "GET", "/v1/extractions/framing-story") == 200
    tally.add("local server framing", bad_inputs_tried=1, bad_inputs_handled=1)


@pytest.mark.parametrize("length", [b"abc", b"-1", b"1, 2", b""])
def test_content_length_that_is_not_a_non_negative_integer_is_400(
    local_api: tuple[str, int], tally: Tally, length: bytes
) -> None:
    request = b"POST /v1/extractions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: "
    answer = exchange(local_api[0], request + length + b"\r\n\r\n" + ARTICLE)

    assert answer.startswith(b"HTTP/1.1 400")
    assert json.loads(answer.split(b"\r\n\r\n", 1)[1])["code"] == "bad_request"
    tally.add("local server framing", bad_inputs_tried=1, bad_inputs_handled=1)
