"""Data safety: a re-extraction replaces an article's facts with no moment where a reader sees a mix of old and
new; DELETE removes every item of an article; the table keeps point-in-time recovery."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from factextract.models import Extraction
from local.template import load_template
from tests.reliability.test_faults import article_items, sample_extraction


class ReadingBetweenWrites:
    """A DynamoDB client that, after every write call it passes on, lets a reader look at the table."""

    WRITES = frozenset({"batch_write_item", "put_item", "delete_item", "update_item", "transact_write_items"})

    def __init__(self, client: Any, read: Callable[[], None]) -> None:
        self._client = client
        self._read = read

    def __getattr__(self, name: str) -> Any:
        call = getattr(self._client, name)
        if name not in self.WRITES:
            return call

        def write_then_read(**kwargs: Any) -> Any:
            response = call(**kwargs)
            self._read()
            return response

        return write_then_read


def new_version(old: Extraction) -> Extraction:
    """What a new extractor version might produce: another version string, a quote fewer, changed texts."""
    quotes = [quote.model_copy(update={"confidence": 0.5}) for quote in old.quotes[1:]]
    return old.model_copy(
        update={
            "extractor_version": "factextract-9.9.9+test",
            "quotes": quotes,
            "stats": old.stats.model_copy(update={"quotes": len(quotes)}),
        }
    )


def test_re_extraction_replaces_facts_without_a_moment_of_mixed_reads(aws: dict[str, str]) -> None:
    from shared import aws as clients
    from shared.store import DynamoArticleStore

    old = sample_extraction()
    new = new_version(old)
    reader = DynamoArticleStore(aws["TABLE_NAME"])
    reader.put(old)
    speakers = {quote.speaker.name for quote in old.quotes if quote.speaker and quote.speaker.name}
    seen: list[str] = []

    def look() -> None:
        article = reader.get(old.id)
        assert article in (old, new), "a read returned something that is neither the old nor the new extraction"
        version = "old" if article == old else "new"
        for speaker in speakers:
            listed, _ = reader.quotes_by_speaker(speaker, 50)
            expected = {
                (quote.id, quote.confidence)
                for quote in article.quotes
                if quote.speaker and quote.speaker.name == speaker
            }
            # The speaker index shows exactly the generation the header names: never old and new together.
            assert {(item.quote.id, item.quote.confidence) for item in listed} == expected, speaker
        seen.append(version)

    writer = DynamoArticleStore(aws["TABLE_NAME"], client=ReadingBetweenWrites(clients.dynamodb(), look))
    writer.put(new)

    versions = seen
    assert len(versions) >= 3, "the write had several steps to read between"
    # Readers saw the old facts until one step flipped them all to the new ones, and never went back.
    assert versions == sorted(versions, key=["old", "new"].index) and versions[-1] == "new"
    assert reader.get(old.id) == new


def test_delete_through_the_api_removes_every_item_of_the_article(aws: dict[str, str], lambda_context: Any) -> None:
    from api.app import lambda_handler
    from shared.store import default_articles

    def call(method: str, path: str, body: dict[str, Any] | None = None) -> dict[str, Any]:
        event = {
            "resource": path,
            "path": path,
            "httpMethod": method,
            "headers": {"Content-Type": "application/json"},
            "multiValueHeaders": {"Content-Type": ["application/json"]},
            "queryStringParameters": None,
            "pathParameters": None,
            "requestContext": {"requestId": "data-safety", "stage": "test", "path": path, "httpMethod": method},
            "body": json.dumps(body) if body is not None else None,
            "isBase64Encoded": False,
        }
        return lambda_handler(event, lambda_context)

    created = call("POST", "/v1/extractions", {"id": "delete-me", "text": sample_extraction_text()})
    assert created["statusCode"] == 201
    other = call("POST", "/v1/extractions", {"id": "keep-me", "text": sample_extraction_text()})
    assert other["statusCode"] == 201
    speaker = next(q["speaker"]["name"] for q in json.loads(created["body"])["quotes"] if q.get("speaker"))
    assert len(article_items(aws["TABLE_NAME"])) > 2

    assert call("DELETE", "/v1/extractions/delete-me")["statusCode"] == 204

    remaining = {item["pk"]["S"] for item in article_items(aws["TABLE_NAME"])}
    assert remaining == {"ART#keep-me"}
    assert call("GET", "/v1/extractions/delete-me")["statusCode"] == 404
    listed, _ = default_articles().quotes_by_speaker(speaker, 50)
    assert {item.article_id for item in listed} == {"keep-me"}
    assert call("DELETE", "/v1/extractions/delete-me")["statusCode"] == 404


def sample_extraction_text() -> str:
    from tests.reliability.test_faults import STORY

    return STORY


def test_table_keeps_point_in_time_recovery_and_survives_stack_deletion() -> None:
    template = load_template()
    assert template is not None
    tables = [r for r in template["Resources"].values() if r["Type"] == "AWS::DynamoDB::Table"]
    assert len(tables) == 1
    (table,) = tables
    assert table["Properties"]["PointInTimeRecoverySpecification"]["PointInTimeRecoveryEnabled"] is True
    assert table["Properties"]["SSESpecification"]["SSEEnabled"] is True
    assert (table.get("DeletionPolicy"), table.get("UpdateReplacePolicy")) == ("Retain", "Retain")
