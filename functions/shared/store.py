"""The DynamoDB single table: the only module that knows its layout.

Items (pk, sk; gsi1pk, gsi1sk on the index gsi1):
- ART#<id>, META: the article header; names the current `generation` and its part count. Written last, as a
  conditional flip, so a reader sees either the old facts or the new ones, never a mix.
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
import functools
import gzip
import json
import random
import secrets
import time
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from botocore.client import BaseClient
from botocore.exceptions import ClientError

from factextract.models import Extraction, Quote
from shared import aws
from shared.config import settings
from shared.errors import InvalidCursor, StoreUnavailable
from shared.models import JobRecord, LineFailure, SpeakerQuote

Item = dict[str, dict[str, Any]]

HEADER = "META"
# 300 KiB of gzip per part leaves room for keys and attribute names under the 400 KB item limit.
PART_BYTES = 300 * 1024
# A quote index item carries its quote inline up to this size; a longer one is read from the article's payload.
QUOTE_INLINE_CHARS = 64 * 1024
# GSI key attributes are limited to 2048 (partition) and 1024 (sort) bytes.
SPEAKER_KEY_CHARS = 200
BATCH_WRITE_ITEMS = 25
BATCH_GET_KEYS = 100
WRITE_ATTEMPTS = 10
BACKOFF_BASE_SECONDS = 0.05
BACKOFF_CAP_SECONDS = 5.0
READ_ATTEMPTS = 3
FAILURES_LISTED = 1000
CURSOR_KEYS = frozenset({"pk", "sk", "gsi1pk", "gsi1sk"})
# Backoff jitter from the OS: environments restored from one SnapStart snapshot share a seeded PRNG's state,
# and identical "random" delays would retry in lockstep.
_JITTER = random.SystemRandom()


def speaker_key(name: str) -> str:
    """One index key per speaker however the name is spaced or cased: 'Dana  Whitfield' == 'dana whitfield'."""
    return "SPEAKER#" + " ".join(name.split()).casefold()[:SPEAKER_KEY_CHARS]


def _now() -> str:
    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _sort_time(value: dt.datetime | dt.date | None) -> str | None:
    """ISO text that sorts chronologically as a string: datetimes in UTC, naive ones taken as UTC."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        if value.tzinfo is not None:
            value = value.astimezone(dt.UTC)
        return value.strftime("%Y-%m-%dT%H:%M:%SZ")
    return value.isoformat()


def _new_generation() -> str:
    # Unique per write, so two concurrent writers of one article never mix their parts; time first for humans.
    return f"{time.time_ns():x}{secrets.token_hex(4)}"


def _s(value: str) -> dict[str, str]:
    return {"S": value}


def _n(value: int) -> dict[str, str]:
    return {"N": str(value)}


def _encode_cursor(key: Item) -> str:
    plain = {name: value["S"] for name, value in key.items()}
    return base64.urlsafe_b64encode(json.dumps(plain, separators=(",", ":")).encode()).decode().rstrip("=")


def _decode_cursor(cursor: str, gsi1pk: str) -> Item:
    try:
        plain = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
    except (binascii.Error, ValueError, RecursionError):
        raise InvalidCursor() from None
    valid = (
        isinstance(plain, dict)
        and set(plain) == CURSOR_KEYS
        and all(isinstance(value, str) for value in plain.values())
        and plain["gsi1pk"] == gsi1pk
        and plain["pk"].startswith("ART#")
    )
    if not valid:
        raise InvalidCursor()
    return {name: _s(value) for name, value in plain.items()}


def _is_condition_failure(error: ClientError) -> bool:
    return error.response.get("Error", {}).get("Code") == "ConditionalCheckFailedException"


class ExtractionStore:
    """Articles' extractions, quotes by speaker and batch job records in one DynamoDB table."""

    def __init__(
        self, table_name: str, client: BaseClient | None = None, *, sleep: Callable[[float], None] = time.sleep
    ) -> None:
        self.table_name = table_name
        self._client = client
        self._sleep = sleep

    @property
    def client(self) -> BaseClient:
        # Looked up per call so tests' mock_aws and the local server's endpoint apply to a long-lived store.
        return self._client or aws.dynamodb()

    # ---- articles -------------------------------------------------------------------------------------------

    def put(self, extraction: Extraction, content_hash: str | None = None) -> None:
        """Stores an extraction, replacing any earlier one of the same article in a single visible step."""
        pk = _s(f"ART#{extraction.id}")
        previous = self._header(extraction.id)
        generation = _new_generation()
        stored_at = _now()
        sort_time = _sort_time(extraction.published_at) or stored_at
        payload = gzip.compress(extraction.model_dump_json().encode(), mtime=0)
        parts = [payload[start : start + PART_BYTES] for start in range(0, len(payload), PART_BYTES)]

        items: dict[str, Item] = {}
        for number, part in enumerate(parts):
            sk = f"PART#{generation}#{number:04d}"
            items[sk] = {"pk": pk, "sk": _s(sk), "data": {"B": part}}
        for quote in extraction.quotes:
            item = self._quote_item(extraction.id, generation, sort_time, quote)
            if item is not None:
                items[item["sk"]["S"]] = item
        self._batch_write({"PutRequest": {"Item": item}} for item in items.values())

        header: Item = {
            "pk": pk,
            "sk": _s(HEADER),
            "article_id": _s(extraction.id),
            "generation": _s(generation),
            "parts": _n(len(parts)),
            "payload_bytes": _n(len(payload)),
            "extractor_version": _s(extraction.extractor_version),
            "stats": _s(extraction.stats.model_dump_json()),
            "sort_time": _s(sort_time),
            "stored_at": _s(stored_at),
        }
        for name in ("title", "url", "source"):
            if getattr(extraction, name):
                header[name] = _s(getattr(extraction, name))
        if content_hash:
            header["content_hash"] = _s(content_hash)
        if previous is None:
            condition: dict[str, Any] = {"ConditionExpression": "attribute_not_exists(pk)"}
        else:
            condition = {
                "ConditionExpression": "#generation = :previous",
                "ExpressionAttributeNames": {"#generation": "generation"},
                "ExpressionAttributeValues": {":previous": previous["generation"]},
            }
        try:
            self.client.put_item(TableName=self.table_name, Item=header, **condition)
        except ClientError as error:
            if not _is_condition_failure(error):
                raise
            current = self._header(extraction.id)
            if current is None or current["generation"]["S"] != generation:
                # Another writer flipped first; its generation is complete and visible, ours is surplus.
                self._delete_generation(extraction.id, generation)
                return
            # Our own flip landed but its answer was lost (a timeout or a dropped connection); botocore sent it
            # again and the condition then failed on our own header. Deleting our parts here left the article
            # pointing at nothing (found by tests/reliability/test_faults.py).
        if previous is not None:
            self._delete_generation(extraction.id, previous["generation"]["S"])

    def get(self, article_id: str) -> Extraction | None:
        for _ in range(READ_ATTEMPTS):
            header = self._header(article_id)
            if header is None:
                return None
            generation = header["generation"]["S"]
            data = [
                item["data"]["B"]
                for item in self._query_article(article_id, f"PART#{generation}#", projection=("data",))
            ]
            if len(data) == int(header["parts"]["N"]):
                return Extraction.model_validate_json(gzip.decompress(b"".join(data)))
            # A newer write flipped the header and removed this generation between our two reads: read again.
        raise StoreUnavailable(f"article {article_id} kept changing while being read; try again")

    def exists(self, article_id: str, extractor_version: str, content_hash: str | None = None) -> bool:
        """True when the article is stored by this extractor version (and, if given, from the same content)."""
        header = self._header(article_id)
        if header is None or header["extractor_version"]["S"] != extractor_version:
            return False
        return content_hash is None or header.get("content_hash", {}).get("S") == content_hash

    def delete(self, article_id: str) -> bool:
        """Removes every item of the article; False when there was nothing to remove."""
        keys = [{"pk": item["pk"], "sk": item["sk"]} for item in self._query_article(article_id, "", ("pk", "sk"))]
        if not keys:
            return False
        # The header goes first so readers stop seeing the article before its parts disappear.
        self.client.delete_item(TableName=self.table_name, Key={"pk": _s(f"ART#{article_id}"), "sk": _s(HEADER)})
        self._batch_write({"DeleteRequest": {"Key": key}} for key in keys if key["sk"]["S"] != HEADER)
        return True

    def quotes_by_speaker(
        self, name: str, limit: int = 20, cursor: str | None = None
    ) -> tuple[list[SpeakerQuote], str | None]:
        """The speaker's quotes across all stored articles, newest first, and the cursor of the next page."""
        key = speaker_key(name)
        start = _decode_cursor(cursor, key) if cursor else None
        found: list[SpeakerQuote] = []
        while True:
            request: dict[str, Any] = {
                "TableName": self.table_name,
                "IndexName": "gsi1",
                "KeyConditionExpression": "gsi1pk = :speaker",
                "ExpressionAttributeValues": {":speaker": _s(key)},
                "ScanIndexForward": False,
                "Limit": limit - len(found),
            }
            if start:
                request["ExclusiveStartKey"] = start
            page = self.client.query(**request)
            found.extend(self._current_quotes(page["Items"]))
            start = page.get("LastEvaluatedKey")
            if not start or len(found) >= limit:
                break
        return found, _encode_cursor(start) if start else None

    # ---- batch jobs -----------------------------------------------------------------------------------------

    def start_job(self, job_id: str, *, chunks: int, source: str | None = None, size: int | None = None) -> JobRecord:
        """Creates the job record once; a retried start returns the existing record unchanged."""
        now = _now()
        item: Item = {
            "pk": _s(f"JOB#{job_id}"),
            "sk": _s(HEADER),
            "job_id": _s(job_id),
            "status": _s("running"),
            "chunks": _n(chunks),
            "chunks_done": _n(0),
            "articles_done": _n(0),
            "articles_failed": _n(0),
            "created_at": _s(now),
            "updated_at": _s(now),
        }
        if source:
            item["source"] = _s(source)
        if size is not None:
            item["size"] = _n(size)
        try:
            self.client.put_item(TableName=self.table_name, Item=item, ConditionExpression="attribute_not_exists(pk)")
        except ClientError as error:
            if not _is_condition_failure(error):
                raise
        record = self.get_job(job_id)
        assert record is not None  # written above or by an earlier attempt; job records are never deleted here
        return record

    def record_chunk(self, job_id: str, chunk: int, *, done: int, failures: Iterable[LineFailure] = ()) -> bool:
        """Adds one chunk's counts to the job exactly once; False when this chunk was already recorded."""
        pk = _s(f"JOB#{job_id}")
        failures = list(failures)
        # Failure items are keyed by line, so writing them again on a retry changes nothing.
        self._batch_write(
            {
                "PutRequest": {
                    "Item": {
                        "pk": pk,
                        "sk": _s(f"FAIL#{failure.line:012d}"),
                        "line": _n(failure.line),
                        "code": _s(failure.code),
                        "message": _s(failure.message[:1000]),
                    }
                }
            }
            for failure in failures
        )
        now = _now()
        try:
            self.client.transact_write_items(
                TransactItems=[
                    {
                        "Put": {
                            "TableName": self.table_name,
                            "Item": {
                                "pk": pk,
                                "sk": _s(f"CHUNK#{chunk:08d}"),
                                "done": _n(done),
                                "failed": _n(len(failures)),
                                "recorded_at": _s(now),
                            },
                            "ConditionExpression": "attribute_not_exists(pk)",
                        }
                    },
                    {
                        "Update": {
                            "TableName": self.table_name,
                            "Key": {"pk": pk, "sk": _s(HEADER)},
                            "UpdateExpression": "ADD articles_done :done, articles_failed :failed, chunks_done :one "
                            "SET updated_at = :now",
                            "ConditionExpression": "attribute_exists(pk)",
                            "ExpressionAttributeValues": {
                                ":done": _n(done),
                                ":failed": _n(len(failures)),
                                ":one": _n(1),
                                ":now": _s(now),
                            },
                        }
                    },
                ]
            )
        except ClientError as error:
            if error.response.get("Error", {}).get("Code") != "TransactionCanceledException":
                raise
            reasons = error.response.get("CancellationReasons") or [{}]
            if reasons[0].get("Code") != "ConditionalCheckFailed":
                raise
            # Counted before, by an invocation that may have stopped before marking the job complete.
            self._complete_if_finished(pk)
            return False
        self._complete_if_finished(pk)
        return True

    def chunk_recorded(self, job_id: str, chunk: int) -> bool:
        """True when record_chunk already counted this chunk (a redelivered chunk message is then skipped)."""
        response = self.client.get_item(
            TableName=self.table_name,
            Key={"pk": _s(f"JOB#{job_id}"), "sk": _s(f"CHUNK#{chunk:08d}")},
            ConsistentRead=True,
            ProjectionExpression="pk",
        )
        return "Item" in response

    def get_job(self, job_id: str) -> JobRecord | None:
        response = self.client.get_item(
            TableName=self.table_name, Key={"pk": _s(f"JOB#{job_id}"), "sk": _s(HEADER)}, ConsistentRead=True
        )
        item = response.get("Item")
        if item is None:
            return None
        failures = [
            LineFailure(line=int(fail["line"]["N"]), code=fail["code"]["S"], message=fail["message"]["S"])
            for fail in self._query(f"JOB#{job_id}", "FAIL#", limit=FAILURES_LISTED)
        ]
        return JobRecord(
            job_id=item["job_id"]["S"],
            status=item["status"]["S"],
            chunks=int(item["chunks"]["N"]),
            chunks_done=int(item["chunks_done"]["N"]),
            articles_done=int(item["articles_done"]["N"]),
            articles_failed=int(item["articles_failed"]["N"]),
            failures=failures,
            source=item.get("source", {}).get("S"),
            size=int(item["size"]["N"]) if "size" in item else None,
            created_at=item["created_at"]["S"],
            updated_at=item["updated_at"]["S"],
        )

    # ---- internals ------------------------------------------------------------------------------------------

    def _complete_if_finished(self, pk: dict[str, str]) -> None:
        try:
            self.client.update_item(
                TableName=self.table_name,
                Key={"pk": pk, "sk": _s(HEADER)},
                UpdateExpression="SET #status = :completed",
                ConditionExpression="chunks_done >= chunks AND #status = :running",
                ExpressionAttributeNames={"#status": "status"},
                ExpressionAttributeValues={":completed": _s("completed"), ":running": _s("running")},
            )
        except ClientError as error:
            if not _is_condition_failure(error):
                raise

    def _header(self, article_id: str) -> Item | None:
        response = self.client.get_item(
            TableName=self.table_name, Key={"pk": _s(f"ART#{article_id}"), "sk": _s(HEADER)}, ConsistentRead=True
        )
        return response.get("Item")

    def _quote_item(self, article_id: str, generation: str, sort_time: str, quote: Quote) -> Item | None:
        speaker = quote.speaker.name or quote.speaker.text if quote.speaker else None
        if not speaker or not speaker.strip():
            return None
        item: Item = {
            "pk": _s(f"ART#{article_id}"),
            "sk": _s(f"QUOTE#{generation}#{quote.id}"),
            "gsi1pk": _s(speaker_key(speaker)),
            "gsi1sk": _s(f"{sort_time}#{article_id}#{quote.id}"),
            "article_id": _s(article_id),
            "quote_id": _s(quote.id),
            "generation": _s(generation),
            "sort_time": _s(sort_time),
        }
        quote_json = quote.model_dump_json()
        if len(quote_json) <= QUOTE_INLINE_CHARS:
            item["quote"] = _s(quote_json)
        return item

    def _current_quotes(self, items: list[Item]) -> list[SpeakerQuote]:
        """Index items of each article's current generation only (a replaced or half-written one is skipped)."""
        generations = self._current_generations({item["article_id"]["S"] for item in items})
        quotes: list[SpeakerQuote] = []
        for item in items:
            article_id = item["article_id"]["S"]
            if generations.get(article_id) != item["generation"]["S"]:
                continue
            if "quote" in item:
                quote = Quote.model_validate_json(item["quote"]["S"])
            else:
                quote = self._quote_from_payload(article_id, item["quote_id"]["S"])
                if quote is None:
                    continue
            quotes.append(SpeakerQuote(article_id=article_id, published_at=item["sort_time"]["S"], quote=quote))
        return quotes

    def _quote_from_payload(self, article_id: str, quote_id: str) -> Quote | None:
        extraction = self.get(article_id)
        if extraction is None:
            return None
        return next((quote for quote in extraction.quotes if quote.id == quote_id), None)

    def _current_generations(self, article_ids: set[str]) -> dict[str, str]:
        keys = [{"pk": _s(f"ART#{article_id}"), "sk": _s(HEADER)} for article_id in sorted(article_ids)]
        generations: dict[str, str] = {}
        for start in range(0, len(keys), BATCH_GET_KEYS):
            pending: dict[str, Any] = {
                self.table_name: {
                    "Keys": keys[start : start + BATCH_GET_KEYS],
                    "ProjectionExpression": "pk, #generation",
                    "ExpressionAttributeNames": {"#generation": "generation"},
                }
            }
            for attempt in range(WRITE_ATTEMPTS):
                response = self.client.batch_get_item(RequestItems=pending)
                for item in response["Responses"].get(self.table_name, []):
                    generations[item["pk"]["S"].removeprefix("ART#")] = item["generation"]["S"]
                pending = response.get("UnprocessedKeys") or {}
                if not pending:
                    break
                self._backoff(attempt)
            else:
                raise StoreUnavailable("DynamoDB did not return every article header after retries")
        return generations

    def _query_article(self, article_id: str, prefix: str, projection: tuple[str, ...] = ()) -> Iterator[Item]:
        return self._query(f"ART#{article_id}", prefix, projection=projection)

    def _query(
        self, pk: str, prefix: str, *, projection: tuple[str, ...] = (), limit: int | None = None
    ) -> Iterator[Item]:
        request: dict[str, Any] = {
            "TableName": self.table_name,
            "KeyConditionExpression": "pk = :pk",
            "ExpressionAttributeValues": {":pk": _s(pk)},
            "ConsistentRead": True,
        }
        if prefix:
            request["KeyConditionExpression"] += " AND begins_with(sk, :prefix)"
            request["ExpressionAttributeValues"][":prefix"] = _s(prefix)
        if projection:
            # Names go through placeholders because some (data, size) are DynamoDB reserved words.
            names = {f"#p{index}": name for index, name in enumerate(projection)}
            request["ProjectionExpression"] = ", ".join(names)
            request["ExpressionAttributeNames"] = names
        returned = 0
        while True:
            page = self.client.query(**request)
            for item in page["Items"]:
                if limit is not None and returned >= limit:
                    return
                returned += 1
                yield item
            if "LastEvaluatedKey" not in page:
                return
            request["ExclusiveStartKey"] = page["LastEvaluatedKey"]

    def _delete_generation(self, article_id: str, generation: str) -> None:
        keys = [
            {"pk": item["pk"], "sk": item["sk"]}
            for prefix in (f"PART#{generation}#", f"QUOTE#{generation}#")
            for item in self._query_article(article_id, prefix, ("pk", "sk"))
        ]
        self._batch_write({"DeleteRequest": {"Key": key}} for key in keys)

    def _batch_write(self, requests: Iterable[dict[str, Any]]) -> None:
        """BatchWriteItem in groups of 25, retrying unprocessed items with jittered exponential backoff."""
        requests = list(requests)
        for start in range(0, len(requests), BATCH_WRITE_ITEMS):
            pending: dict[str, Any] = {self.table_name: requests[start : start + BATCH_WRITE_ITEMS]}
            for attempt in range(WRITE_ATTEMPTS):
                response = self.client.batch_write_item(RequestItems=pending)
                pending = response.get("UnprocessedItems") or {}
                if not pending:
                    break
                self._backoff(attempt)
            else:
                raise StoreUnavailable("DynamoDB kept items unprocessed after every retry; try again later")

    def _backoff(self, attempt: int) -> None:
        self._sleep(min(BACKOFF_CAP_SECONDS, BACKOFF_BASE_SECONDS * 2**attempt) * _JITTER.uniform(0.5, 1.0))


@functools.cache
def default_store() -> ExtractionStore:
    """The store of the configured table, shared by every request a warm function serves."""
    return ExtractionStore(settings().table_name)
