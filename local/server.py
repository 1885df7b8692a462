"""The API on http://127.0.0.1:3000 without Docker or an AWS account: `make run`.

Each HTTP request becomes an API Gateway REST proxy event for the handler that template.yaml routes it to,
and the handler runs in this process against an embedded moto server (DynamoDB, S3, SQS) started here,
or against AWS_ENDPOINT_URL / real credentials when those are set. A thread serves each connection; the
API serializes the spaCy calls themselves with a lock (see api/logic.py) while reads run concurrently.
"""

from __future__ import annotations

import argparse
import base64
import contextlib
import importlib
import json
import os
import sys
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

from local.inbox import watch
from local.shared_aws import STATE_FILE, published
from local.template import ROOT, Route, api_routes, load_template

# API Gateway refuses larger payloads with 413 before any function runs.
MAX_BODY_BYTES = 10 * 1024 * 1024
DEFAULT_HANDLER = "api.app.lambda_handler"
Handler = Callable[[dict[str, Any], Any], dict[str, Any]]


@dataclass
class LocalContext:
    """The parts of a Lambda context the handlers read (Powertools Logger reads these names)."""

    function_name: str = "factextract-api-local"
    function_version: str = "$LATEST"
    memory_limit_in_mb: int = 1024
    invoked_function_arn: str = "arn:aws:lambda:us-east-1:000000000000:function:factextract-api-local"
    aws_request_id: str = field(default_factory=lambda: str(uuid.uuid4()))
    log_group_name: str = "/aws/lambda/factextract-api-local"
    log_stream_name: str = "local"
    deadline: float = field(default_factory=lambda: time.monotonic() + 29)

    def get_remaining_time_in_millis(self) -> int:
        return max(0, int((self.deadline - time.monotonic()) * 1000))


def routes_from_template() -> list[Route]:
    """The template's Api events; every path goes to the API handler when there is no template yet."""
    template = load_template()
    routes = api_routes(template) if template else []
    return routes or [
        Route("ANY", "/{proxy+}", DEFAULT_HANDLER, "functions"),
        Route("ANY", "/", DEFAULT_HANDLER, "functions"),
    ]


def load_handler(spec: str) -> Handler:
    module, _, function = spec.rpartition(".")
    return getattr(importlib.import_module(module), function)


def proxy_event(
    method: str,
    raw_path: str,
    headers: dict[str, list[str]],
    body: bytes,
    route: Route,
    path_parameters: dict[str, str],
) -> dict[str, Any]:
    """An API Gateway REST (v1) proxy event, shaped as the deployed API sends it."""
    url = urlsplit(raw_path)
    path = unquote(url.path)
    query = parse_qs(url.query, keep_blank_values=True)
    request_id = str(uuid.uuid4())
    text, encoded = _text_or_base64(body)
    return {
        "resource": route.path,
        "path": path,
        "httpMethod": method,
        "headers": {name: values[-1] for name, values in headers.items()},
        "multiValueHeaders": headers,
        "queryStringParameters": {name: values[-1] for name, values in query.items()} or None,
        "multiValueQueryStringParameters": query or None,
        "pathParameters": path_parameters or None,
        "stageVariables": None,
        "requestContext": {
            "resourcePath": route.path,
            "httpMethod": method,
            "path": f"/local{path}",
            "stage": "local",
            "requestId": request_id,
            "extendedRequestId": request_id,
            "requestTimeEpoch": int(time.time() * 1000),
            "protocol": "HTTP/1.1",
            "identity": {"sourceIp": "127.0.0.1", "userAgent": headers.get("User-Agent", [""])[-1]},
            "accountId": "000000000000",
            "apiId": "local",
        },
        # Text as API Gateway hands it; bytes that are not UTF-8 go as base64, so the API can refuse them (415)
        # rather than store U+FFFD in place of every "é" of a latin-1 body.
        "body": text,
        "isBase64Encoded": encoded,
    }


def _text_or_base64(body: bytes) -> tuple[str | None, bool]:
    if not body:
        return None, False
    try:
        return body.decode("utf-8"), False
    except UnicodeDecodeError:
        return base64.b64encode(body).decode("ascii"), True


class ProxyHandler(BaseHTTPRequestHandler):
    server_version = "factextract-local"
    protocol_version = "HTTP/1.1"
    server: LocalServer

    def _proxy(self) -> None:
        length = self._body_length()
        if length is None:
            return
        if length > MAX_BODY_BYTES:
            self._send(
                413,
                {"Content-Type": "application/json"},
                b'{"code":"payload_too_large","message":"request bodies are limited to 10 MB"}',
            )
            self.close_connection = True
            return
        body = self.rfile.read(length) if length else b""
        path = unquote(urlsplit(self.path).path)
        for route in self.server.routes:
            parameters = route.match(self.command, path)
            if parameters is not None:
                break
        else:
            self._send(
                404,
                {"Content-Type": "application/json"},
                b'{"code":"not_found","message":"no route in template.yaml for this method and path"}',
            )
            return
        headers: dict[str, list[str]] = {}
        for name, value in self.headers.items():
            headers.setdefault(name, []).append(value)
        event = proxy_event(self.command, self.path, headers, body, route, parameters)
        with self.server.invocation:
            result = self.server.handlers[route.handler](event, LocalContext())
        payload = result.get("body") or ""
        data = base64.b64decode(payload) if result.get("isBase64Encoded") else payload.encode("utf-8")
        response_headers = dict(result.get("headers") or {})
        for name, values in (result.get("multiValueHeaders") or {}).items():
            response_headers[name] = ", ".join(values)
        self._send(int(result["statusCode"]), response_headers, data)

    def _body_length(self) -> int | None:
        """The body's length, or None after refusing the request. A chunked body was read as a second request
        (a smuggled DELETE got 204), 'Content-Length: abc' crashed the handler and '-1' hung it: each is now
        refused and the connection closed, so nothing after the headers is parsed as a request."""
        if self.headers.get("Transfer-Encoding"):
            self._refuse(HTTPStatus.LENGTH_REQUIRED, "send the body with a Content-Length, not chunked")
            return None
        values = self.headers.get_all("Content-Length") or ["0"]
        if len(set(values)) != 1 or not values[0].strip().isdigit():
            self._refuse(HTTPStatus.BAD_REQUEST, "Content-Length must be one non-negative integer")
            return None
        return int(values[0])

    def _refuse(self, status: HTTPStatus, message: str) -> None:
        self.close_connection = True
        body = json.dumps({"code": status.name.lower(), "message": message}).encode()
        self._send(status, {"Content-Type": "application/json", "Connection": "close"}, body)

    def _send(self, status: int, headers: dict[str, str], data: bytes) -> None:
        self.send_response(status)
        for name, value in headers.items():
            if name.lower() not in {"content-length", "connection", "transfer-encoding"}:
                self.send_header(name, value)
        if status != 204:
            self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if status != 204 and self.command != "HEAD":
            self.wfile.write(data)

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        # http.server refuses oversized headers (431), long request lines (414) and unknown methods (501)
        # itself, with an HTML page; API Gateway answers such requests with JSON, and so does the local run.
        # An unknown method is the caller's error (405), not a missing feature of the server (501).
        status = HTTPStatus.METHOD_NOT_ALLOWED if code == HTTPStatus.NOT_IMPLEMENTED else HTTPStatus(code)
        body = {"code": status.name.lower(), "message": message or status.phrase}
        self.close_connection = True
        self._send(status, {"Content-Type": "application/json", "Connection": "close"}, json.dumps(body).encode())

    do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = do_OPTIONS = _proxy


class LocalServer(ThreadingHTTPServer):
    """A thread per connection; the routes and their imported handlers travel with the server.

    Handlers run one invocation at a time, as in one Lambda execution environment: they keep per-invocation
    state in module globals (the resolver's current event, the logger's keys), which threads would share."""

    daemon_threads = True

    def __init__(self, address: tuple[str, int], routes: list[Route]) -> None:
        super().__init__(address, ProxyHandler)
        self.routes = routes
        self.handlers = {route.handler: load_handler(route.handler) for route in routes}
        self.invocation = threading.Lock()


def make_server(host: str, port: int) -> LocalServer:
    """The HTTP server with routes loaded and handlers imported (spaCy loads here, once)."""
    return LocalServer((host, port), routes_from_template())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m local.server", description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=3000, help="0 picks a free port")
    parser.add_argument(
        "--aws",
        choices=["auto", "embedded", "external"],
        default="auto",
        help="embedded moto, the caller's endpoint/credentials, or auto (embedded unless those are set)",
    )
    parser.add_argument("--inbox", type=Path, default=ROOT / "inbox", help="a folder that acts as the input bucket")
    parser.add_argument("--aws-file", type=Path, default=STATE_FILE, help="where to publish the embedded AWS")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT / "functions"))
    os.environ.setdefault("POWERTOOLS_SERVICE_NAME", "factextract-api")
    os.environ.setdefault("POWERTOOLS_METRICS_NAMESPACE", "factextract")
    from local.moto_env import local_aws

    with local_aws(args.aws) as where, contextlib.ExitStack() as shared:
        try:
            server = make_server(args.host, args.port)
        except OSError as error:
            print(f"cannot listen on {args.host}:{args.port} ({error.strerror}); choose a port with --port", flush=True)
            return 1
        if where.startswith("embedded"):  # make batch and the inbox then use this moto, not one of their own
            shared.enter_context(published(args.aws_file))
            watch(args.inbox, ROOT / "batch-results")
            print(f"inbox: files dropped in {args.inbox} are extracted as if put in the input bucket", flush=True)
        host, port = server.server_address[:2]
        routes = ", ".join(f"{route.method} {route.path}" for route in server.routes)
        print(f"factextract API on http://{host}:{port} (AWS: {where})\nroutes: {routes}", flush=True)
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            pass
        finally:
            server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
