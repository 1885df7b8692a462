"""Articles' extractions and the speaker index, on the DynamoDB table (layout in shared.store.layout)."""

from __future__ import annotations

import gzip
from typing import Any

from botocore.exceptions import ClientError

from factextract.models import Extraction, Quote
from shared.cursor_key import cursor_key
from shared.errors import Forbidden, InvalidCursor, InvalidRequest, StoreUnavailable
from shared.models import SpeakerQuote
from shared.retry import Backoff
from shared.store import layout
from shared.store.layout import Item, s
from shared.store.table import DynamoTable, is_condition_failure

# 300 KiB of gzip per part leaves room for keys and attribute names under the 400 KB item limit.
PART_BYTES = 300 * 1024
READ_ATTEMPTS = 3
# Header flips and deletes that found the header changed under them try again over the current one.
FLIP_BACKOFF = Backoff(attempts=5, base_seconds=0.02, cap_seconds=0.5)


def _expecting(generation: str | None, caller: str | None = None) -> dict[str, Any]:
    """The condition that the header names this generation (None: that there is no header) and, for a caller
    with an API key id, that it records no owner or that caller as owner."""
    if generation is None:
        return {"ConditionExpression": "attribute_not_exists(pk)"}
    condition = "#generation = :expected"
    names = {"#generation": "generation"}
    values = {":expected": s(generation)}
    if caller is not None:
        # Checked by DynamoDB on the write itself, so a change racing our read of the header cannot bypass it.
        condition += " AND (attribute_not_exists(#owner) OR #owner = :caller)"
        names["#owner"] = layout.OWNER
        values[":caller"] = s(caller)
    return {"ConditionExpression": condition, "ExpressionAttributeNames": names, "ExpressionAttributeValues": values}


def _owner(header: Item | None) -> str | None:
    return header.get(layout.OWNER, {}).get("S") if header else None


def _ensure_may_change(header: Item | None, caller: str | None, article_id: str) -> None:
    """Forbidden when the header records an owner other than the caller. A caller without a key id (the batch
    path, the local server) is the operator's and is not checked; an article without an owner is anyone's."""
    owner = _owner(header)
    if caller is not None and owner is not None and owner != caller:
        raise Forbidden(f"article {article_id!r} was stored with another API key; only that key may change it")


def _encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


class DynamoArticleStore(DynamoTable):
    """ArticleStore on DynamoDB: each extraction in gzip parts under a header that names the current generation."""

    def put(self, extraction: Extraction, content_hash: str | None = None, caller: str | None = None) -> None:
        """Stores an extraction, replacing any earlier one of the same article in a single visible step; a new
        article records the caller's key id as its owner, a replaced one keeps the owner it had."""
        previous = self._header(extraction.id)
        _ensure_may_change(previous, caller, extraction.id)
        generation = layout.new_generation()
        stored_at = layout.now()
        sort_time = layout.sort_time(extraction.published_at) or stored_at
        payload = gzip.compress(extraction.model_dump_json().encode(), mtime=0)
        parts = [payload[start : start + PART_BYTES] for start in range(0, len(payload), PART_BYTES)]

        pk = layout.article_pk(extraction.id)
        items: dict[str, Item] = {}
        for number, part in enumerate(parts):
            sk = layout.part_sk(generation, number)
            items[sk] = {"pk": pk, "sk": s(sk), "data": {"B": part}}
        for quote in extraction.quotes:
            item = layout.quote_item(extraction.id, generation, sort_time, quote)
            if item is not None:
                items[item["sk"]["S"]] = item
        self.batch_write({"PutRequest": {"Item": item}} for item in items.values())

        header: Item = {
            **layout.article_key(extraction.id),
            "article_id": s(extraction.id),
            "generation": s(generation),
            "parts": layout.n(len(parts)),
            "payload_bytes": layout.n(len(payload)),
            "extractor_version": s(extraction.extractor_version),
            "stats": s(extraction.stats.model_dump_json()),
            "sort_time": s(sort_time),
            "stored_at": s(stored_at),
        }
        for name in ("title", "url", "source"):
            if getattr(extraction, name):
                header[name] = s(getattr(extraction, name))
        if content_hash:
            header["content_hash"] = s(content_hash)
        replaced = self._flip(header, generation, previous, caller)
        if replaced is not None:
            self._delete_generation(extraction.id, replaced)

    def _flip(self, header: Item, generation: str, previous: Item | None, caller: str | None) -> str | None:
        """Writes the header naming our generation over the previous one (None: no header), keeping its owner;
        returns the generation it replaced. A DELETE or another write may land between our read and our flip:
        then we flip over what is there now, so put() never returns normally with nothing stored (which the API
        answered 201), and a header another key now owns refuses the write."""
        article_id = header["article_id"]["S"]
        for _ in FLIP_BACKOFF.tries(self._sleep):
            expected = previous["generation"]["S"] if previous else None
            owner = _owner(previous) if previous else caller
            item = {**header, layout.OWNER: s(owner)} if owner is not None else header
            try:
                self.client.put_item(TableName=self.table_name, Item=item, **_expecting(expected, caller))
                return expected
            except ClientError as error:
                if not is_condition_failure(error):
                    raise
            previous = self._header(article_id)
            if previous is not None and previous["generation"]["S"] == generation:
                # Our own flip landed but its answer was lost (a timeout or a dropped connection); botocore sent it
                # again and the condition then failed on our own header (tests/reliability/test_faults.py).
                return expected
            try:
                _ensure_may_change(previous, caller, article_id)
            except Forbidden:
                self._delete_generation(article_id, generation)
                raise
        self._delete_generation(article_id, generation)
        raise StoreUnavailable(f"article {article_id} kept changing while being stored; try again")

    def get(self, article_id: str) -> Extraction | None:
        for _ in range(READ_ATTEMPTS):
            header = self._header(article_id)
            if header is None:
                return None
            generation = header["generation"]["S"]
            pk = layout.article_pk(article_id)
            data = [item["data"]["B"] for item in self.query(pk, layout.part_prefix(generation), projection=("data",))]
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

    def delete(self, article_id: str, caller: str | None = None) -> bool:
        """Removes every item of the article; False when there was nothing to remove, Forbidden when the article
        records an owner other than the caller's key id.

        The header goes first, conditioned on the generation it names, so readers stop seeing the article before
        its items go, and a re-extraction that flipped the header meanwhile is deleted in turn rather than
        left as items with no header (orphans GET answered 404 for and DELETE never removed)."""
        for _ in FLIP_BACKOFF.tries(self._sleep):
            header = self._header(article_id)
            if header is None:
                return False
            _ensure_may_change(header, caller, article_id)
            generation = header["generation"]["S"]
            try:
                self.client.delete_item(
                    TableName=self.table_name, Key=layout.article_key(article_id), **_expecting(generation, caller)
                )
            except ClientError as error:
                if not is_condition_failure(error):
                    raise
                continue
            self._delete_generation(article_id, generation)
            return True
        raise StoreUnavailable(f"article {article_id} kept changing while being deleted; try again")

    def quotes_by_speaker(
        self, name: str, limit: int = 20, cursor: str | None = None
    ) -> tuple[list[SpeakerQuote], str | None]:
        """The speaker's quotes across all stored articles, newest first, and the cursor of the next page."""
        key = layout.speaker_key(name)
        if not _encodable(key):
            raise InvalidRequest("speaker: not valid Unicode text (a lone surrogate)", field="speaker")
        start = layout.decode_cursor(cursor, key, cursor_key()) if cursor else None
        found: list[SpeakerQuote] = []
        while True:
            request: dict[str, Any] = {
                "TableName": self.table_name,
                "IndexName": layout.SPEAKER_INDEX,
                "KeyConditionExpression": "gsi1pk = :speaker",
                "ExpressionAttributeValues": {":speaker": s(key)},
                "ScanIndexForward": False,
                "Limit": limit - len(found),
            }
            if start:
                request["ExclusiveStartKey"] = start
            try:
                page = self.client.query(**request)
            except ClientError as error:
                if error.response.get("Error", {}).get("Code") != "ValidationException":
                    raise
                # A position DynamoDB refuses is the caller's cursor at fault, never a 500.
                raise InvalidCursor() from None
            found.extend(self._current_quotes(page["Items"]))
            start = page.get("LastEvaluatedKey")
            if not start or len(found) >= limit:
                break
        return found, layout.encode_cursor(start, cursor_key()) if start else None

    def _header(self, article_id: str) -> Item | None:
        response = self.client.get_item(
            TableName=self.table_name, Key=layout.article_key(article_id), ConsistentRead=True
        )
        return response.get("Item")

    def _current_quotes(self, items: list[Item]) -> list[SpeakerQuote]:
        """Index items of each article's current generation only (a replaced or half-written one is skipped)."""
        article_ids = sorted({item["article_id"]["S"] for item in items})
        headers = self.batch_get([layout.article_key(article_id) for article_id in article_ids], ("pk", "generation"))
        generations = {item["pk"]["S"].removeprefix(layout.ARTICLE): item["generation"]["S"] for item in headers}
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

    def _delete_generation(self, article_id: str, generation: str) -> None:
        pk = layout.article_pk(article_id)
        keys = [
            {"pk": item["pk"], "sk": item["sk"]}
            for prefix in (layout.part_prefix(generation), layout.quote_prefix(generation))
            for item in self.query(pk, prefix, projection=("pk", "sk"))
        ]
        self.batch_write({"DeleteRequest": {"Key": key}} for key in keys)
