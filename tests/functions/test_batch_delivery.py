"""The batch path under hostile lines and at-least-once delivery, on moto: a poison line fails alone, one bad
JSON line reads the same in the CLI and the job record, a message delivered twice neither loses nor repeats
a line, a .json array is chunked and re-queued like JSON Lines, and a replaced file's version gets its job."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from local.server import LocalContext
from tests.functions.test_batch import _drain_chunks, _job, _notification, _put, _results

Handler = Callable[[dict[str, Any], Any], dict[str, Any]]
POISON = "[" * 10_000 + "]" * 10_000  # 20 KB of nested brackets: RecursionError inside json.loads


def _story(n: int) -> dict[str, str]:
    return {"id": f"wire-{n}", "text": f'Ward {n} opened a new clinic on Monday. "It took years," said nurse Ana Lima.'}


def _lines(*items: dict[str, str] | str) -> str:
    return "".join((item if isinstance(item, str) else json.dumps(item)) + "\n" for item in items)


@pytest.fixture
def handler() -> Handler:
    from batch.app import lambda_handler

    return lambda_handler


def _event(bucket: str, key: str, job: str, receives: int = 1) -> dict[str, Any]:
    record = _notification(bucket, key)
    body = json.loads(record["body"])
    body["Records"][0]["s3"]["object"]["eTag"] = job.rsplit("@", 1)[1]
    return {"Records": [{**record, "body": json.dumps(body), "attributes": {"ApproximateReceiveCount": str(receives)}}]}


def test_poison_line_fails_alone_and_its_siblings_are_stored(aws, handler, lambda_context) -> None:
    from shared.store import default_articles

    # Given a JSON Lines file whose second line is 20 KB of nested brackets
    key = "incoming/poison.jsonl"
    job = _put(aws["INPUT_BUCKET"], key, _lines(_story(1), POISON, _story(2), _story(3)))

    # When its notification is handled
    answer = handler(_event(aws["INPUT_BUCKET"], key, job), lambda_context)

    # Then the message succeeds, the three articles are stored, and line 2 is listed with a stable code
    assert answer == {"batchItemFailures": []}
    record = _job(job)
    assert (record.status, record.articles_done, record.articles_failed) == ("completed", 3, 1)
    assert [(f.line, f.code) for f in record.failures] == [(2, "invalid_article")]
    assert "nested deeper than" in record.failures[0].message
    assert all(default_articles().get(f"wire-{n}") is not None for n in (1, 2, 3))


def test_poison_json_file_is_one_failure_on_its_job(aws, handler, lambda_context) -> None:
    key = "incoming/poison.json"
    job = _put(aws["INPUT_BUCKET"], key, POISON)

    assert handler(_event(aws["INPUT_BUCKET"], key, job), lambda_context) == {"batchItemFailures": []}

    record = _job(job)
    assert (record.status, [(f.line, f.code) for f in record.failures]) == ("completed", [(1, "invalid_article")])


def test_a_line_that_raises_anything_is_listed_with_its_type_and_the_chunk_goes_on(
    aws, handler, lambda_context, monkeypatch
) -> None:
    from batch import reading

    real = reading._line_records

    def exploding(line, longest):
        if line.number == 2:
            raise MemoryError()
        return real(line, longest)

    monkeypatch.setattr(reading, "_line_records", exploding)
    key = "incoming/memory.jsonl"
    job = _put(aws["INPUT_BUCKET"], key, _lines(_story(1), _story(2), _story(3)))

    assert handler(_event(aws["INPUT_BUCKET"], key, job), lambda_context) == {"batchItemFailures": []}

    record = _job(job)
    assert (record.articles_done, [(f.line, f.code) for f in record.failures]) == (2, [(2, "unreadable_line")])
    assert "MemoryError" in record.failures[0].message


def test_cli_and_batch_report_a_bad_json_line_with_one_code_and_one_message(
    aws, handler, lambda_context, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from factextract.cli import main

    bad = '{"text": "The mayor said'  # an unterminated string: json says "Unterminated string starting at"
    source = tmp_path / "day.jsonl"
    source.write_text(_lines(_story(1), bad), encoding="utf-8")
    key = "incoming/day.jsonl"
    job = _put(aws["INPUT_BUCKET"], key, source.read_text(encoding="utf-8"))

    main(["extract", "--input", str(source), "--output", str(tmp_path / "out.jsonl")])
    handler(_event(aws["INPUT_BUCKET"], key, job), lambda_context)

    cli_lines = [line for line in capsys.readouterr().err.splitlines() if line.startswith("line ")]
    (failure,) = _job(job).failures
    assert cli_lines == [f"line {failure.line}: {failure.code}: {failure.message}"]
    assert failure.message == "malformed JSON at column 10: Unterminated string starting at"


@pytest.mark.parametrize("short_first", [True, False])
def test_one_chunk_delivered_twice_with_different_time_left_neither_loses_nor_repeats(
    aws, handler, monkeypatch, short_first: bool
) -> None:
    from batch import jobs

    # Given a 7-article file and groups of two articles
    monkeypatch.setattr(jobs, "GROUP_SIZE", 2)
    key = "incoming/twice.jsonl"
    job = _put(aws["INPUT_BUCKET"], key, _lines(*(_story(n) for n in range(1, 8))))
    short = LocalContext(function_name="batch", aws_request_id="short", deadline=0)
    long = LocalContext(function_name="batch", aws_request_id="long")
    event = _event(aws["INPUT_BUCKET"], key, job)

    # When one notification is delivered twice: one invocation about to time out, one with time to spare,
    # in either order, and the short one's re-queued rest is handled last
    for context in (short, long) if short_first else (long, short):
        handler(event, context)
    _drain_chunks(aws, handler)

    # Then the job counts 7 and the results hold each article exactly once, in file order
    record = _job(job)
    assert (record.status, record.articles_done, record.chunks_done) == ("completed", 7, 1)
    assert [line["id"] for line in _results(aws, job, key)[1]] == [f"wire-{n}" for n in range(1, 8)]


def test_json_array_is_chunked_and_requeued_when_time_runs_short(aws, handler, monkeypatch) -> None:
    from batch import jobs
    from shared.config import settings

    monkeypatch.setenv("CHUNK_LINES", "3")
    settings.cache_clear()
    monkeypatch.setattr(jobs, "GROUP_SIZE", 2)
    key = "incoming/array.json"
    job = _put(aws["INPUT_BUCKET"], key, json.dumps([_story(n) for n in range(1, 8)]))
    short = LocalContext(function_name="batch", aws_request_id="short", deadline=0)

    handler(_event(aws["INPUT_BUCKET"], key, job), short)
    assert _job(job).chunks == 3
    # Every chunk invocation is short of time: each does one group, then re-queues the rest of its items.
    drained = 0
    while count := _drain_short(aws, handler):
        drained += count

    record = _job(job)
    assert drained > 3  # more messages than chunks: rests were re-queued
    assert (record.status, record.articles_done, record.chunks_done) == ("completed", 7, 3)
    assert [line["id"] for line in _results(aws, job, key)[1]] == [f"wire-{n}" for n in range(1, 8)]


def _drain_short(env: dict[str, str], handler: Handler) -> int:
    from local.batch import drain

    def short(event: dict[str, Any], context: Any) -> dict[str, Any]:
        return handler(event, LocalContext(function_name="batch", aws_request_id="short", deadline=0))

    return drain(env["CHUNK_QUEUE_URL"], short, batch_size=1)


def test_file_replaced_before_its_notification_is_handled_gets_a_job_saying_so(aws, handler, lambda_context) -> None:
    key = "incoming/replaced-early.jsonl"
    first = _put(aws["INPUT_BUCKET"], key, _lines(_story(1)))
    second = _put(aws["INPUT_BUCKET"], key, _lines(_story(2), _story(3)))

    # The first upload's notification arrives after the second upload, then the second's
    handler(_event(aws["INPUT_BUCKET"], key, first), lambda_context)
    handler(_event(aws["INPUT_BUCKET"], key, second), lambda_context)

    old, new = _job(first), _job(second)
    assert (old.status, [(f.line, f.code) for f in old.failures]) == ("completed", [(0, "object_changed")])
    assert (new.status, new.articles_done) == ("completed", 2)
