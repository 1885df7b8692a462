"""The key that signs pagination cursors, read once per process.

On AWS it is the stack's CursorKey secret (template.yaml), so every function instance signs and verifies
with the same key; without one (local runs, tests) each process draws its own, and its cursors stay valid for
as long as it runs. The key never appears in a cursor, a log line or an error.
"""

from __future__ import annotations

import functools
import secrets

from shared import aws
from shared.config import settings

KEY_BYTES = 32


@functools.cache
def cursor_key() -> bytes:
    secret = settings().cursor_key_secret
    if not secret:
        return secrets.token_bytes(KEY_BYTES)
    return aws.secretsmanager().get_secret_value(SecretId=secret)["SecretString"].encode()
