"""The DynamoDB single table's layout: every key, prefix and attribute encoding, in this one module.

Items (pk, sk; gsi1pk, gsi1sk on the index gsi1):
- ART#<id>, META: the article header; names the current `generation` and its part count, and the `owner` (the
  API key id that first stored it) when there was one. Written last, as a conditional flip, so a reader sees
  either the old facts or the new ones, never a mix.
- ART#<id>, PART#<generation>#<nnnn>: the Extraction JSON, gzip-compressed, cut into parts well under
  DynamoDB's 400 KB item limit, so an extraction of any size persists and reads back identically.
- ART#<id>, QUOTE#<generation>#<quote id>: one item per attributed quote, indexed by speaker in gsi1
  (SPEAKER#<normalized name>, <published or stored time>#<article id>#<quote id>) for newest-first listing.
- JOB#<bucket>/<key>, META | CHUNK#<n> | FAIL#<line>: batch job progress, idempotent chunk completion,
  and the lines that failed with their reasons.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import hashlib
import hmac
import json
import secrets
import time
import unicodedata
from typing import Any

from factextract.models import Quote
from shared.errors import InvalidCursor

Item = dict[str, dict[str, Any]]

HEADER = "META"
# The header attribute naming the API key id that stored the article: only that key may change or delete it.
OWNER = "owner"
SPEAKER_INDEX = "gsi1"
# A quote index item carries its quote inline up to this size; a longer one is read from the article's payload.
QUOTE_INLINE_CHARS = 64 * 1024
# GSI key attributes are limited to 2048 (partition) and 1024 (sort) bytes.
SPEAKER_KEY_CHARS = 200
CURSOR_KEYS = frozenset({"pk", "sk", "gsi1pk", "gsi1sk"})
# 128 bits of HMAC-SHA256: forging one is out of reach, and the cursor stays short.
CURSOR_SIGNATURE_BYTES = 16
ARTICLE = "ART#"
JOB = "JOB#"
FAIL = "FAIL#"


def s(value: str) -> dict[str, str]:
    return {"S": value}


def n(value: int) -> dict[str, str]:
    return {"N": str(value)}


def article_pk(article_id: str) -> dict[str, str]:
    return s(ARTICLE + article_id)


def article_key(article_id: str) -> Item:
    """The key of the article's header item."""
    return {"pk": article_pk(article_id), "sk": s(HEADER)}


def part_prefix(generation: str) -> str:
    return f"PART#{generation}#"


def part_sk(generation: str, number: int) -> str:
    return f"{part_prefix(generation)}{number:04d}"


def quote_prefix(generation: str) -> str:
    return f"QUOTE#{generation}#"


def job_pk(job_id: str) -> dict[str, str]:
    return s(JOB + job_id)


def job_key(job_id: str) -> Item:
    """The key of the job's header item."""
    return {"pk": job_pk(job_id), "sk": s(HEADER)}


def chunk_key(job_id: str, chunk: int) -> Item:
    return {"pk": job_pk(job_id), "sk": s(f"CHUNK#{chunk:08d}")}


def fail_sk(line: int) -> str:
    return f"{FAIL}{line:012d}"


def speaker_key(name: str) -> str:
    """One index key per speaker however the name is spaced, cased or composed: 'Dana  Whitfield' ==
    'dana whitfield', 'José' typed with a combining accent == 'José', 'İsmail' == 'ismail'. NFKC before and
    after case folding (folding can decompose), and the dot that folding 'İ' leaves on its 'i' dropped."""
    folded = unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", name).casefold()).replace("i\u0307", "i")
    return "SPEAKER#" + " ".join(folded.split())[:SPEAKER_KEY_CHARS]


def now() -> str:
    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def sort_time(value: dt.datetime | dt.date | None) -> str | None:
    """ISO text that sorts chronologically as a string: datetimes in UTC, naive ones taken as UTC."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        if value.tzinfo is not None:
            try:
                value = value.astimezone(dt.UTC)
            except OverflowError:
                # "9999-12-31T23:59:59-12:00" is past the last representable UTC instant (and its mirror before
                # the first): it sorts at that end of the calendar instead of failing the request with a 500.
                value = dt.datetime.max if value.year == dt.MAXYEAR else dt.datetime.min
        # isoformat, not strftime: %Y writes year 1 as "1" on Linux, which would not sort.
        return value.replace(tzinfo=None, microsecond=0).isoformat() + "Z"
    return value.isoformat()


def new_generation() -> str:
    # Unique per write, so two concurrent writers of one article never mix their parts; time first for humans.
    return f"{time.time_ns():x}{secrets.token_hex(4)}"


def quote_speaker(quote: Quote) -> str | None:
    """The name a quote is indexed under: its speaker's canonical name, else the text that names them."""
    speaker = quote.speaker.name or quote.speaker.text if quote.speaker else None
    return speaker if speaker and speaker.strip() else None


def quote_item(article_id: str, generation: str, sorted_at: str, quote: Quote) -> Item | None:
    """The speaker-index item of an attributed quote; None for a quote without a speaker."""
    speaker = quote_speaker(quote)
    if speaker is None:
        return None
    item: Item = {
        "pk": article_pk(article_id),
        "sk": s(f"{quote_prefix(generation)}{quote.id}"),
        "gsi1pk": s(speaker_key(speaker)),
        "gsi1sk": s(f"{sorted_at}#{article_id}#{quote.id}"),
        "article_id": s(article_id),
        "quote_id": s(quote.id),
        "generation": s(generation),
        "sort_time": s(sorted_at),
    }
    quote_json = quote.model_dump_json()
    if len(quote_json) <= QUOTE_INLINE_CHARS:
        item["quote"] = s(quote_json)
    return item


def _signature(payload: str, key: bytes) -> str:
    digest = hmac.new(key, payload.encode(), hashlib.sha256).digest()[:CURSOR_SIGNATURE_BYTES]
    return base64.urlsafe_b64encode(digest).decode().rstrip("=")


def encode_cursor(key: Item, signing_key: bytes) -> str:
    """The index position as base64url JSON, then '.', then its HMAC: a cursor this API did not issue (a forged
    sort key that keeps the right partition answered 200 with an empty page) is refused."""
    plain = {name: value["S"] for name, value in key.items()}
    payload = base64.urlsafe_b64encode(json.dumps(plain, separators=(",", ":")).encode()).decode().rstrip("=")
    return f"{payload}.{_signature(payload, signing_key)}"


def decode_cursor(cursor: str, gsi1pk: str, signing_key: bytes) -> Item:
    """The index position a cursor names; InvalidCursor unless this API issued it for this speaker."""
    payload, _, signature = cursor.partition(".")
    if not hmac.compare_digest(signature.encode("ascii", "replace"), _signature(payload, signing_key).encode()):
        raise InvalidCursor()
    try:
        plain = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    except (binascii.Error, ValueError, RecursionError):
        raise InvalidCursor() from None
    valid = (
        isinstance(plain, dict)
        and set(plain) == CURSOR_KEYS
        and all(isinstance(value, str) for value in plain.values())
        and plain["gsi1pk"] == gsi1pk
        and plain["pk"].startswith(ARTICLE)
    )
    if not valid:
        raise InvalidCursor()
    return {name: s(value) for name, value in plain.items()}
