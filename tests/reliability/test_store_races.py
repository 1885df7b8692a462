"""DELETE and re-extraction of one article forced to interleave on moto: neither leaves items without a header
(orphans) nor answers as if it stored what it did not. And a publication time at the calendar's edge sorts."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from tests.reliability.conftest import Tally

STORY = 'Mayor Dana Whitfield said: "The bridge opens in June." Councillor Omar Reyes said it was too costly.'


def _extraction(text: str = STORY):
    from factextract.pipeline import extract

    return extract({"id": "race-story", "text": text, "published_at": "2026-05-01"})


def _items(table: str) -> list[dict[str, Any]]:
    from shared import aws

    return [item for item in aws.dynamodb().scan(TableName=table)["Items"] if item["pk"]["S"] == "ART#race-story"]


def _orphans(table: str) -> int:
    """Items of the article that its header does not name (all of them when there is no header)."""
    items = _items(table)
    header = next((item for item in items if item["sk"]["S"] == "META"), None)
    current = header["generation"]["S"] if header else None
    return sum(1 for item in items if item["sk"]["S"] != "META" and f"#{current}#" not in item["sk"]["S"])


def test_delete_landing_between_a_rewrite_and_its_flip_leaves_the_rewrite_stored(
    aws: dict[str, str], tally: Tally, monkeypatch: pytest.MonkeyPatch
) -> None:
    from shared.store import DynamoArticleStore, default_articles

    store = default_articles()
    store.put(_extraction())
    real_batch_write = DynamoArticleStore.batch_write
    interleaved: list[bool] = []

    def then_delete(self: DynamoArticleStore, requests: Any) -> None:
        requests = list(requests)
        real_batch_write(self, requests)
        if not interleaved and any("PutRequest" in request for request in requests):
            interleaved.append(store.delete("race-story"))  # the whole DELETE runs before the rewrite's flip

    monkeypatch.setattr(DynamoArticleStore, "batch_write", then_delete)
    store.put(_extraction(STORY + " The vote is on Friday."))

    assert interleaved == [True]
    stored = store.get("race-story")
    # The rewrite came last, so it is what is stored (the API's 201 is true), with no item left unnamed.
    assert stored is not None and stored.stats.characters == len(STORY + " The vote is on Friday.")
    orphans = _orphans(aws["TABLE_NAME"])
    tally.add("delete racing a re-extraction", faults_injected=1, articles_lost=int(stored is None))
    assert orphans == 0


def test_rewrite_landing_between_a_deletes_read_and_its_delete_is_deleted_with_no_orphans(
    aws: dict[str, str], tally: Tally, monkeypatch: pytest.MonkeyPatch
) -> None:
    from shared.store import DynamoArticleStore, default_articles

    store = default_articles()
    store.put(_extraction())
    real_header = DynamoArticleStore._header
    rewritten: list[str] = []

    def rewrite_after_first_read(self: DynamoArticleStore, article_id: str) -> Any:
        header = real_header(self, article_id)
        if not rewritten:
            rewritten.append(article_id)
            monkeypatch.setattr(DynamoArticleStore, "_header", real_header)
            store.put(_extraction(STORY + " The vote is on Friday."))  # flips the header, removes the old parts
        return header

    monkeypatch.setattr(DynamoArticleStore, "_header", rewrite_after_first_read)
    deleted = store.delete("race-story")

    assert deleted and rewritten == ["race-story"]
    assert store.get("race-story") is None
    left = len(_items(aws["TABLE_NAME"]))
    tally.add("delete racing a re-extraction", faults_injected=1)
    assert left == 0
    # A second DELETE finds nothing: 404, and nothing was left behind for it.
    assert store.delete("race-story") is False


@pytest.mark.parametrize(
    ("published", "expected"),
    [
        (dt.datetime(9999, 12, 31, 23, 59, 59, tzinfo=dt.timezone(dt.timedelta(hours=-12))), "9999-12-31T23:59:59Z"),
        (dt.datetime(1, 1, 1, 0, 0, 0, tzinfo=dt.timezone(dt.timedelta(hours=12))), "0001-01-01T00:00:00Z"),
    ],
)
def test_publication_time_past_the_calendars_edge_sorts_at_that_edge(published: dt.datetime, expected: str) -> None:
    from shared.store import layout

    assert layout.sort_time(published) == expected
