"""The DynamoDB job store on moto: job records, chunks counted once, completion after the last chunk."""

from __future__ import annotations

import pytest

from shared.models import LineFailure
from shared.store import DynamoJobStore


@pytest.fixture
def store(aws: dict[str, str]) -> DynamoJobStore:
    return DynamoJobStore(aws["TABLE_NAME"], sleep=lambda seconds: None)


def test_job_chunks_count_once_and_the_job_completes_after_the_last(store) -> None:
    job = store.start_job("input/incoming/day.jsonl", chunks=2, source="s3://input/incoming/day.jsonl", size=2048)
    assert (job.status, job.chunks_done, job.articles_done) == ("running", 0, 0)
    assert store.start_job("input/incoming/day.jsonl", chunks=2).created_at == job.created_at

    failures = [LineFailure(line=7, code="invalid_json", message="malformed JSON")]
    assert store.record_chunk("input/incoming/day.jsonl", 0, done=9, failures=failures) is True
    assert store.record_chunk("input/incoming/day.jsonl", 0, done=9, failures=failures) is False
    middle = store.get_job("input/incoming/day.jsonl", failures=True)
    assert (middle.status, middle.chunks_done, middle.articles_done, middle.articles_failed) == ("running", 1, 9, 1)

    assert store.record_chunk("input/incoming/day.jsonl", 1, done=10) is True
    final = store.get_job("input/incoming/day.jsonl", failures=True)
    assert (final.status, final.chunks_done, final.articles_done, final.articles_failed) == ("completed", 2, 19, 1)
    assert final.failures == failures
    assert final.source == "s3://input/incoming/day.jsonl"
    assert final.size == 2048
    assert store.get_job("input/other.jsonl", failures=True) is None


def test_a_last_chunk_recorded_before_a_crash_still_completes_the_job_when_redelivered(store, monkeypatch) -> None:
    store.start_job("input/day.jsonl", chunks=1)
    # The invocation dies between counting its chunk and marking the job complete.
    monkeypatch.setattr(store, "_complete_if_finished", lambda pk: None)
    assert store.record_chunk("input/day.jsonl", 0, done=5) is True
    assert store.get_job("input/day.jsonl", failures=True).status == "running"
    monkeypatch.undo()

    assert store.record_chunk("input/day.jsonl", 0, done=5) is False
    job = store.get_job("input/day.jsonl", failures=True)
    assert (job.status, job.articles_done, job.chunks_done) == ("completed", 5, 1)
