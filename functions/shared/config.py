"""Settings the functions read from their environment, once per process (template.yaml sets them)."""

from __future__ import annotations

import functools
import os
from dataclasses import dataclass

# The API answers synchronously inside API Gateway's 29 s limit; longer texts go through the batch path.
DEFAULT_MAX_TEXT_CHARS = 100_000
DEFAULT_CHUNK_LINES = 500
DEFAULT_CHUNK_BYTES = 8 * 1024 * 1024
# The queues' maxReceiveCount in template.yaml: the receive after which a failing message is dead-lettered.
DEFAULT_MAX_RECEIVES = 3


def _flag(value: str | None) -> bool:
    return (value or "").strip().lower() in {"1", "true", "yes", "on"}


@dataclass(frozen=True)
class Settings:
    table_name: str
    results_bucket: str | None
    input_bucket: str | None
    chunk_queue_url: str | None
    max_text_chars: int
    chunk_lines: int
    chunk_bytes: int
    max_receives: int
    # The Secrets Manager secret whose value signs pagination cursors (template.yaml's CursorKey).
    cursor_key_secret: str | None
    # Swagger UI exposes the whole API surface: off unless a deployment opts in.
    enable_swagger: bool


@functools.cache
def settings() -> Settings:
    env = os.environ
    return Settings(
        table_name=env.get("TABLE_NAME", "factextract"),
        results_bucket=env.get("RESULTS_BUCKET") or None,
        input_bucket=env.get("INPUT_BUCKET") or None,
        chunk_queue_url=env.get("CHUNK_QUEUE_URL") or None,
        max_text_chars=int(env.get("MAX_TEXT_CHARS", DEFAULT_MAX_TEXT_CHARS)),
        chunk_lines=int(env.get("CHUNK_LINES", DEFAULT_CHUNK_LINES)),
        chunk_bytes=int(env.get("CHUNK_BYTES", DEFAULT_CHUNK_BYTES)),
        max_receives=int(env.get("MAX_RECEIVES", DEFAULT_MAX_RECEIVES)),
        cursor_key_secret=env.get("CURSOR_KEY_SECRET") or None,
        enable_swagger=_flag(env.get("ENABLE_SWAGGER")),
    )
