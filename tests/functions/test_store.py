"""The DynamoDB article store on moto: big payloads, the generation flip, deletes and the speaker index."""

from __future__ import annotations

import base64
import datetime as dt
import random
import string
from typing import Any

import pytest
from botocore.exceptions import ClientError

from factextract.models import Cue, Extraction, Quote, SentenceRef, Speaker, Stats
from shared.errors import Forbidden, InvalidCursor, StoreUnavailable
from shared.store import DynamoArticleStore
from shared.store.articles import PART_BYTES, _expecting


def _quote(number: int, speaker: str | None, text: str = "We will build it.") -> Quote:
    return Quote(
        id=f"q{number}",
        type="direct",
        start=number * 10,
        end=number * 10 + len(text),
        text=text,
        spans=[(number * 10, number * 10 + len(text))],
        speaker=Speaker(start=0, end=len(speaker), text=speaker, name=speaker) if speaker else None,
        cue=Cue(start=0, end=4, text="said", lemma="say"),
        sentence=SentenceRef(start=0, end=100),
        confidence=0.9,
    )


def _extraction(
    article_id: str,
    quotes: list[Quote],
    published_at: dt.datetime | None = None,
    version: str = "factextract-test+1",
) -> Extraction:
    return Extraction(
        id=article_id,
        extractor_version=version,
        published_at=published_at,
        title="A story written for the store tests",
        stats=Stats(characters=100, words=20, sentences=2, quotes=len(quotes), figures=0, claims=0, entities=0),
        quotes=quotes,
        figures=[],
        claims=[],
        entities=[],
    )


def _items(aws: dict[str, str], pk: str) -> list[dict[str, Any]]:
    from shared import aws as clients

    response = clients.dynamodb().query(
        TableName=aws["TABLE_NAME"],
        KeyConditionExpression="pk = :pk",
        ExpressionAttributeValues={":pk": {"S": pk}},
    )
    return response["Items"]


@pytest.fixture
def store(aws: dict[str, str]) -> DynamoArticleStore:
    return DynamoArticleStore(aws["TABLE_NAME"], sleep=lambda seconds: None)


def test_an_extraction_over_the_item_limit_reads_back_identically(store, aws) -> None:
    rng = random.Random(7)
    # Random letters barely compress, so the gzip payload itself is well over DynamoDB's 400 KB item limit.
    quotes = [
        _quote(number, f"Speaker {number % 7}", "".join(rng.choices(string.ascii_letters + " ", k=2500)))
        for number in range(400)
    ]
    extraction = _extraction("big-article", quotes, dt.datetime(2026, 3, 3, 9, 30, tzinfo=dt.UTC))
    assert len(extraction.model_dump_json()) > 1_000_000

    store.put(extraction)

    assert store.get("big-article") == extraction
    parts = [item for item in _items(aws, "ART#big-article") if item["sk"]["S"].startswith("PART#")]
    assert len(parts) >= 3
    assert all(len(item["data"]["B"]) <= PART_BYTES for item in parts)


def test_replacing_an_article_flips_to_the_new_generation_and_removes_the_old(store, aws) -> None:
    store.put(_extraction("a1", [_quote(1, "Dana Whitfield"), _quote(2, "Omar Reyes")], version="v1"))
    store.put(_extraction("a1", [_quote(3, "Dana Whitfield")], version="v2"))

    assert store.get("a1").extractor_version == "v2"
    keys = sorted(item["sk"]["S"].split("#")[0] for item in _items(aws, "ART#a1"))
    assert keys == ["META", "PART", "QUOTE"]
    quotes, _ = store.quotes_by_speaker("Dana Whitfield")
    assert [item.quote.id for item in quotes] == ["q3"]
    assert store.quotes_by_speaker("Omar Reyes")[0] == []


def test_a_write_that_dies_before_its_flip_leaves_readers_on_the_complete_old_version(store, aws, monkeypatch) -> None:
    old = _extraction("a1", [_quote(1, "Dana Whitfield")], version="v1")
    store.put(old)
    client = store.client

    def crash_on_header(**request: Any) -> None:
        raise ClientError({"Error": {"Code": "InternalServerError", "Message": "injected"}}, "PutItem")

    monkeypatch.setattr(client, "put_item", crash_on_header)
    with pytest.raises(ClientError):
        store.put(_extraction("a1", [_quote(1, "Dana Whitfield"), _quote(2, "Dana Whitfield")], version="v2"))
    monkeypatch.undo()

    assert store.get("a1") == old
    quotes, _ = store.quotes_by_speaker("dana whitfield")
    assert [item.quote.id for item in quotes] == ["q1"]
    assert store.exists("a1", "v1")
    assert not store.exists("a1", "v2")


def test_exists_compares_version_and_content_hash(store) -> None:
    store.put(_extraction("a1", [], version="v1"), content_hash="abc")
    assert store.exists("a1", "v1", "abc")
    assert store.exists("a1", "v1")
    assert not store.exists("a1", "v1", "other")
    assert not store.exists("a1", "v2", "abc")
    assert not store.exists("missing", "v1")


def test_delete_removes_every_item_of_the_article_and_only_that_article(store, aws) -> None:
    store.put(_extraction("a1", [_quote(n, "Dana Whitfield") for n in range(30)]))
    store.put(_extraction("a2", [_quote(1, "Dana Whitfield")]))

    assert store.delete("a1") is True
    assert _items(aws, "ART#a1") == []
    assert store.get("a1") is None
    assert store.delete("a1") is False
    assert store.get("a2") is not None
    quotes, _ = store.quotes_by_speaker("Dana Whitfield")
    assert {item.article_id for item in quotes} == {"a2"}


def test_quotes_by_speaker_are_newest_first_across_pages(store) -> None:
    for day in (1, 3, 2):
        published = dt.datetime(2026, 3, day, 12, tzinfo=dt.UTC)
        quotes = [_quote(1, "Dana Whitfield"), _quote(2, "Omar Reyes"), _quote(3, "Dana  WHITFIELD")]
        store.put(_extraction(f"day{day}", quotes, published))
    store.put(_extraction("undated", [_quote(1, "Dana Whitfield"), _quote(2, None)]))

    seen: list[tuple[str, str]] = []
    cursor = None
    pages = 0
    while True:
        page, cursor = store.quotes_by_speaker(" dana whitfield ", limit=2, cursor=cursor)
        pages += 1
        assert len(page) <= 2
        seen.extend((item.article_id, item.quote.id) for item in page)
        if cursor is None:
            break
    assert pages >= 4
    # The undated article sorts by when it was stored, which is now: after every March article.
    assert seen == [
        ("undated", "q1"),
        ("day3", "q3"),
        ("day3", "q1"),
        ("day2", "q3"),
        ("day2", "q1"),
        ("day1", "q3"),
        ("day1", "q1"),
    ]


def test_a_cursor_only_works_for_the_speaker_it_was_issued_for(store) -> None:
    store.put(_extraction("a1", [_quote(1, "Dana Whitfield"), _quote(2, "Dana Whitfield")]))
    _, cursor = store.quotes_by_speaker("Dana Whitfield", limit=1)
    assert cursor is not None
    with pytest.raises(InvalidCursor):
        store.quotes_by_speaker("Omar Reyes", limit=1, cursor=cursor)
    nested = base64.urlsafe_b64encode(b"[" * 1500).decode()
    for forged in ("%%%", "bm90IGpzb24", "eyJhIjogMX0", nested):
        with pytest.raises(InvalidCursor):
            store.quotes_by_speaker("Dana Whitfield", cursor=forged)


class _Throttled:
    """Wraps a DynamoDB client so the first BatchWriteItem calls return half their items unprocessed."""

    def __init__(self, client: Any, failing_calls: int) -> None:
        self._client = client
        self.failing_calls = failing_calls
        self.calls = 0

    def __getattr__(self, name: str) -> Any:
        return getattr(self._client, name)

    def batch_write_item(self, RequestItems: dict[str, list]) -> dict[str, Any]:
        self.calls += 1
        if self.calls > self.failing_calls:
            return self._client.batch_write_item(RequestItems=RequestItems)
        ((table, requests),) = RequestItems.items()
        kept, unprocessed = requests[: len(requests) // 2], requests[len(requests) // 2 :]
        if kept:
            self._client.batch_write_item(RequestItems={table: kept})
        return {"UnprocessedItems": {table: unprocessed}}


def test_unprocessed_batch_items_are_retried_with_backoff_until_written(aws) -> None:
    from shared import aws as clients

    throttled = _Throttled(clients.dynamodb(), failing_calls=3)
    pauses: list[float] = []
    store = DynamoArticleStore(aws["TABLE_NAME"], client=throttled, sleep=pauses.append)
    extraction = _extraction("a1", [_quote(n, "Dana Whitfield") for n in range(40)])

    store.put(extraction)

    assert store.get("a1") == extraction
    assert len(store.quotes_by_speaker("Dana Whitfield", limit=100)[0]) == 40
    assert len(pauses) == 3
    assert pauses[0] < pauses[2]


def test_writes_give_up_with_store_unavailable_when_items_stay_unprocessed(aws) -> None:
    from shared import aws as clients

    store = DynamoArticleStore(aws["TABLE_NAME"], client=_Throttled(clients.dynamodb(), 10_000), sleep=lambda s: None)
    with pytest.raises(StoreUnavailable):
        store.put(_extraction("a1", [_quote(1, "Dana Whitfield")]))
    assert store.get("a1") is None


def _owner(aws: dict[str, str], article_id: str) -> str | None:
    header = next(item for item in _items(aws, f"ART#{article_id}") if item["sk"]["S"] == "META")
    return header.get("owner", {}).get("S")


def test_a_post_racing_the_owners_first_store_is_refused_by_the_flip_and_leaves_nothing(store, aws) -> None:
    # Given client B storing an id nobody has stored yet, and client A storing that id while B writes its parts
    writes = store.batch_write

    def a_stores_first(requests: Any) -> None:
        writes(requests)
        if _items(aws, "ART#a1") and not any(item["sk"]["S"] == "META" for item in _items(aws, "ART#a1")):
            other = DynamoArticleStore(aws["TABLE_NAME"], sleep=lambda seconds: None)
            other.put(_extraction("a1", [_quote(1, "Dana Whitfield")], version="from-a"), caller="key-a")

    store.batch_write = a_stores_first
    # When B's header flip lands, Then it is refused: A owns the article, and B's parts are removed
    with pytest.raises(Forbidden):
        store.put(_extraction("a1", [_quote(2, "Omar Reyes")], version="from-b"), caller="key-b")
    assert store.get("a1").extractor_version == "from-a"
    assert _owner(aws, "a1") == "key-a"
    assert sorted(item["sk"]["S"].split("#")[0] for item in _items(aws, "ART#a1")) == ["META", "PART", "QUOTE"]


def test_the_header_condition_itself_refuses_another_key(store, aws) -> None:
    # Given an article owned by key A, When a delete names its current generation but key B (as a write
    # that read the header before A stored it would), Then DynamoDB refuses it; A's and a keyless one pass
    store.put(_extraction("a1", []), caller="key-a")
    key = {"pk": {"S": "ART#a1"}, "sk": {"S": "META"}}
    generation = next(item for item in _items(aws, "ART#a1") if item["sk"]["S"] == "META")["generation"]["S"]
    with pytest.raises(ClientError) as refused:
        store.client.delete_item(TableName=aws["TABLE_NAME"], Key=key, **_expecting(generation, "key-b"))
    assert refused.value.response["Error"]["Code"] == "ConditionalCheckFailedException"
    store.client.delete_item(TableName=aws["TABLE_NAME"], Key=key, **_expecting(generation, "key-a"))


def test_a_keyless_replacement_keeps_the_owner_and_an_unowned_article_stays_unowned(store, aws) -> None:
    # Given an article of key A and one stored without a key
    store.put(_extraction("owned", [], version="v1"), caller="key-a")
    store.put(_extraction("open", [], version="v1"))
    # When the batch path (no key) replaces the first and key B replaces the second
    store.put(_extraction("owned", [], version="v2"))
    store.put(_extraction("open", [], version="v2"), caller="key-b")
    # Then the first is still A's, the second still anyone's
    assert (_owner(aws, "owned"), _owner(aws, "open")) == ("key-a", None)
    with pytest.raises(Forbidden):
        store.delete("owned", caller="key-b")
    assert store.delete("open", caller="key-a") is True
