"""The API and batch logic against in-memory stores (tests/functions/fakes.py): no moto, no Lambda events.

Given / When / Then: what the stores hold, the use case called, what it answered and what the stores hold now.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from botocore.exceptions import ClientError

from api import logic
from batch import jobs, results
from batch.messages import ChunkTask
from factextract.errors import TextTooLong
from factextract.models import Article
from shared.config import settings
from shared.errors import Forbidden, InvalidCursor, InvalidMessage, NotFound
from shared.store import Stores
from tests.functions.fakes import FakeArticleStore, FakeJobStore

STORY = 'Mayor Dana Whitfield said: "The bridge opens in June." Councillor Omar Reyes said the cost was too high.'
JOB = "input/incoming/day.jsonl@etag1"


@pytest.fixture
def articles() -> FakeArticleStore:
    return FakeArticleStore()


@pytest.fixture
def job_store() -> FakeJobStore:
    return FakeJobStore()


@pytest.fixture
def written(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[tuple[str, Any]]]:
    """Result parts and manifests the batch logic writes, kept here instead of S3."""
    monkeypatch.setenv("RESULTS_BUCKET", "results")
    settings.cache_clear()
    out: list[tuple[str, Any]] = []
    monkeypatch.setattr(results, "write_part", lambda bucket, key, lines: out.append((key, list(lines))))
    monkeypatch.setattr(results, "write_manifest", lambda bucket, key, job_id, job: out.append(("manifest", job)))
    yield out
    settings.cache_clear()


def _no_extraction(*args: Any, **kwargs: Any) -> None:
    raise AssertionError("the engine was called")


def _jsonl(*lines: object) -> bytes:
    return b"".join((line if isinstance(line, str) else json.dumps(line)).encode() + b"\n" for line in lines)


def _task(data: bytes, chunk: int = 0) -> ChunkTask:
    return ChunkTask(
        job_id=JOB, bucket="input", key="incoming/day.jsonl", chunk=chunk, start=0, end=len(data), first_line=1
    )


# ---- API logic ---------------------------------------------------------------------------------------------


def test_an_article_stored_by_this_version_is_answered_from_the_store_without_extracting(
    articles: FakeArticleStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Given an article the API extracted and stored once
    article = Article(id="bridge", text=STORY)
    first, created = logic.create_extraction(article, articles)
    assert created is True
    # When the same article is posted again (and the engine would fail if called)
    monkeypatch.setattr(logic, "extract", _no_extraction)
    again, created = logic.create_extraction(article, articles)
    # Then the stored extraction is the answer, written once
    assert (again, created) == (first, False)
    assert articles.puts == ["bridge"]


def test_the_same_id_with_new_text_is_extracted_again_and_replaces_the_stored_one(articles: FakeArticleStore) -> None:
    # Given an article stored under a caller's id
    logic.create_extraction(Article(id="bridge", text=STORY), articles)
    # When the caller posts new text under that id
    changed, created = logic.create_extraction(Article(id="bridge", text=STORY + " He disagreed."), articles)
    # Then it is extracted now and the store holds the new version
    assert created is True
    assert logic.get_extraction("bridge", articles) == changed
    assert changed.stats.characters == len(STORY) + len(" He disagreed.")


def test_a_text_over_the_limit_is_refused_before_the_store_is_read(
    articles: FakeArticleStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Given an API limit of 50 characters
    monkeypatch.setenv("MAX_TEXT_CHARS", "50")
    settings.cache_clear()
    try:
        # When a longer text is posted, Then TextTooLong names the field and nothing is stored
        with pytest.raises(TextTooLong) as refused:
            logic.create_extraction(Article(text="word " * 20), articles)
    finally:
        settings.cache_clear()
    assert refused.value.field == "text"
    assert articles.puts == []


def test_reading_or_deleting_an_unknown_id_is_not_found(articles: FakeArticleStore) -> None:
    # Given an empty store, When an id is read or deleted, Then both are NotFound
    with pytest.raises(NotFound):
        logic.get_extraction("nothing-here", articles)
    with pytest.raises(NotFound):
        logic.delete_extraction("nothing-here", articles)


def test_a_deleted_extraction_is_gone_and_its_quotes_with_it(articles: FakeArticleStore) -> None:
    # Given a stored article that quotes Dana Whitfield
    logic.create_extraction(Article(id="bridge", text=STORY), articles)
    assert logic.speaker_quotes("Dana Whitfield", 20, None, articles).items
    # When it is deleted
    logic.delete_extraction("bridge", articles)
    # Then neither the article nor its quotes are found
    with pytest.raises(NotFound):
        logic.get_extraction("bridge", articles)
    assert logic.speaker_quotes("Dana Whitfield", 20, None, articles).items == []


def test_an_article_is_changed_or_deleted_only_by_the_key_that_stored_it(articles: FakeArticleStore) -> None:
    # Given an article stored with key A
    stored, _ = logic.create_extraction(Article(id="bridge", text=STORY), articles, caller="key-a")
    # When key B posts new text or a new title under its id, or deletes it, Then each is Forbidden
    with pytest.raises(Forbidden):
        logic.create_extraction(Article(id="bridge", text=STORY + " He disagreed."), articles, caller="key-b")
    with pytest.raises(Forbidden):
        logic.create_extraction(Article(id="bridge", text=STORY, title="B's title"), articles, caller="key-b")
    with pytest.raises(Forbidden):
        logic.delete_extraction("bridge", articles, caller="key-b")
    # and B still reads it, an identical repost included, while A changes it and keeps it
    assert logic.get_extraction("bridge", articles) == stored
    assert logic.create_extraction(Article(id="bridge", text=STORY), articles, caller="key-b") == (stored, False)
    logic.create_extraction(Article(id="bridge", text=STORY, title="A's title"), articles, caller="key-a")
    assert articles.owner("bridge") == "key-a"
    logic.delete_extraction("bridge", articles, caller="key-a")
    assert articles.owner("bridge") is None
    assert "bridge" not in articles.articles


def test_an_article_stored_without_a_key_stays_open_to_every_key(articles: FakeArticleStore) -> None:
    # Given an article stored without a key, When key B retitles it and key A deletes it, Then both work
    logic.create_extraction(Article(id="bridge", text=STORY), articles)
    retitled, _ = logic.create_extraction(Article(id="bridge", text=STORY, title="B's title"), articles, caller="key-b")
    assert (retitled.title, articles.owner("bridge")) == ("B's title", None)
    logic.delete_extraction("bridge", articles, caller="key-a")
    with pytest.raises(NotFound):
        logic.get_extraction("bridge", articles)


def test_speaker_pages_name_the_speaker_as_normalized_and_refuse_another_speakers_cursor(
    articles: FakeArticleStore,
) -> None:
    # Given two stored articles quoting Dana Whitfield
    for day in ("01", "02"):
        logic.create_extraction(Article(id=f"day-{day}", text=STORY, published_at=f"2026-05-{day}"), articles)
    # When her quotes are listed one per page, her name spaced and cased otherwise
    first = logic.speaker_quotes("  dana   WHITFIELD ", 1, None, articles)
    # Then the newest article comes first, and the cursor works for her only
    assert first.speaker == "dana WHITFIELD"
    assert [item.article_id for item in first.items] == ["day-02"]
    second = logic.speaker_quotes("Dana Whitfield", 1, first.next_cursor, articles)
    assert [item.article_id for item in second.items] == ["day-01"]
    with pytest.raises(InvalidCursor):
        logic.speaker_quotes("Omar Reyes", 1, first.next_cursor, articles)


# ---- batch logic -------------------------------------------------------------------------------------------


def test_a_chunk_stores_its_good_articles_lists_its_bad_lines_and_completes_the_job(
    articles: FakeArticleStore, job_store: FakeJobStore, written: list[tuple[str, Any]]
) -> None:
    # Given a one-chunk job whose chunk has a good article, a line that is not JSON and an article without text
    job_store.start_job(JOB, chunks=1)
    data = _jsonl({"id": "bridge", "text": STORY}, "not json", {"id": "empty"})
    # When the chunk is processed
    outcome = jobs.process_chunk(_task(data), lambda: 900_000, Stores(articles, job_store), data=data)
    # Then the good article is stored and in the results, the bad lines are listed, and the job is complete
    assert (outcome.done, outcome.failed) == (1, 2)
    assert articles.get("bridge") is not None
    job = job_store.get_job(JOB, failures=True)
    assert (job.status, job.articles_done, job.articles_failed) == ("completed", 1, 2)
    assert [(failure.line, failure.code) for failure in job.failures] == [
        (2, "invalid_article"),
        (3, "invalid_article"),
    ]
    (part_key, part_lines), (kind, _) = written
    assert part_key == results.part_key("incoming/day.jsonl", JOB, 0, 1) and kind == "manifest"
    assert [json.loads(line)["id"] for line in part_lines] == ["bridge"]


def test_a_redelivered_chunk_is_skipped_without_extracting_or_counting_again(
    articles: FakeArticleStore, job_store: FakeJobStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Given a job whose only chunk was already recorded
    job_store.start_job(JOB, chunks=1)
    job_store.record_chunk(JOB, 0, done=1)
    monkeypatch.setattr(jobs, "extract_many", _no_extraction)
    data = _jsonl({"id": "bridge", "text": STORY})
    # When the chunk's message arrives again
    outcome = jobs.process_chunk(_task(data), lambda: 900_000, Stores(articles, job_store), data=data)
    # Then nothing is extracted, stored or counted twice
    assert outcome.skipped
    assert articles.puts == []
    assert job_store.get_job(JOB, failures=True).articles_done == 1


def test_a_chunk_colliding_on_the_job_record_is_retried_and_counted_once(
    articles: FakeArticleStore, job_store: FakeJobStore, written: list[tuple[str, Any]], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Given a job record on which the first two recordings collide with other chunks' transactions
    job_store.start_job(JOB, chunks=1)
    collisions = iter([True, True])
    record = job_store.record_chunk

    def colliding(*args: Any, **kwargs: Any) -> bool:
        if next(collisions, False):
            reasons = [{"Code": "None"}, {"Code": "TransactionConflict"}]
            error = {"Code": "TransactionCanceledException", "Message": "cancelled"}
            raise ClientError({"Error": error, "CancellationReasons": reasons}, "TransactWriteItems")
        return record(*args, **kwargs)

    monkeypatch.setattr(job_store, "record_chunk", colliding)
    pauses: list[float] = []
    monkeypatch.setattr("shared.retry.time.sleep", pauses.append)
    data = _jsonl("not json")
    # When the chunk is processed
    jobs.process_chunk(_task(data), lambda: 900_000, Stores(articles, job_store), data=data)
    # Then it was recorded on the third try, after two growing pauses, and counted once
    assert len(pauses) == 2 and pauses[0] < pauses[1]
    job = job_store.get_job(JOB, failures=True)
    assert (job.status, job.chunks_done, job.articles_failed) == ("completed", 1, 1)


def test_a_message_that_is_not_json_is_refused_with_invalid_message(
    articles: FakeArticleStore, job_store: FakeJobStore
) -> None:
    # Given a message body that is not JSON, When it is handled, Then InvalidMessage says so and no job starts
    with pytest.raises(InvalidMessage):
        jobs.handle("not json", lambda: 900_000, Stores(articles, job_store))
    assert job_store.jobs == {}
