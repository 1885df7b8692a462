"""The embedded AWS of a running `make run`, published for the other local commands.

`make run` starts moto on a free port; it writes where, and the names of the table, buckets and queue it
created, to a file beside the checkout while it runs. `make batch` and the inbox watcher read that file, so
their articles land in the same table the API reads, as the S3 path and the HTTP path meet on AWS.
"""

from __future__ import annotations

import contextlib
import json
import os
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

from local.template import ROOT

STATE_FILE = ROOT / ".local-aws.json"
SETTINGS = (
    "AWS_ENDPOINT_URL",
    "AWS_ACCESS_KEY_ID",
    "AWS_SECRET_ACCESS_KEY",
    "AWS_DEFAULT_REGION",
    "TABLE_NAME",
    "INPUT_BUCKET",
    "RESULTS_BUCKET",
    "CHUNK_QUEUE_URL",
)
# Where a command finds the file: tests and a second server point here instead of the checkout's default.
STATE_FILE_SETTING = "FACTEXTRACT_LOCAL_AWS_FILE"


def state_file() -> Path:
    return Path(os.environ.get(STATE_FILE_SETTING) or STATE_FILE)


@contextlib.contextmanager
def published(path: Path) -> Iterator[None]:
    """Writes this process's AWS settings to path for the block's duration; the file is removed after."""
    path.write_text(json.dumps({name: os.environ[name] for name in SETTINGS if name in os.environ}), encoding="utf-8")
    try:
        yield
    finally:
        path.unlink(missing_ok=True)


def running(path: Path | None = None) -> dict[str, str] | None:
    """The settings a running `make run` published, or None when there is none or it no longer answers."""
    path = path or state_file()
    try:
        settings = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    endpoint = settings.get("AWS_ENDPOINT_URL")
    if not endpoint or not _answers(endpoint):
        return None  # a server that stopped without removing its file (killed): start an embedded one instead
    return settings


def _answers(endpoint: str) -> bool:
    try:
        with urllib.request.urlopen(f"{endpoint}/moto-api/", timeout=2):
            return True
    except urllib.error.HTTPError:
        return True  # an answer, even an error, means something listens there
    except OSError:
        return False
