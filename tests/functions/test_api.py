"""The API function through its Lambda handler, with the events/ files and variations of them, on moto."""

from __future__ import annotations

import base64
import importlib
import json
from typing import Any

import pytest

from factextract.models import Extraction
from tests.functions.conftest import EVENTS, article_body, with_body

Event = dict[str, Any]



def test_every_api_event_file_is_exercised_here() -> None:
    exercised = {
        "api_create_extraction",
        "api_get_extraction",
        "api_delete_extraction",
        "api_list_quotes",
        "api_get_job",
        "api_health",
    }
    assert {path.stem for path in EVENTS.glob("api_*.json")} == exercised


def test_job_event_answers_the_batch_job_record_with_its_failed_lines(call, load_event) -> None:
    from shared.store import default_jobs

    event = load_event("api_get_job")
    job = event["queryStringParameters"]["id"]
    assert call(event)[:2] == (404, {"code": "not_found", "message": f"no job with id {job!r}"})
    jobs = default_jobs()
    jobs.start_job(job, chunks=1, source="s3://factextract-input/incoming/daily.jsonl", size=120)
    status, body, _ = call(event)
    assert status == 200
    assert (body["job_id"], body["status"], body["chunks"], body["failures"]) == (job, "running", 1, [])


def test_health_event_reports_ok_and_the_extractor_version(call, load_event) -> None:
    status, body, headers = call(load_event("api_health"))
    assert status == 200
    assert body["status"] == "ok"
    assert body["extractor_version"].startswith("factextract-")
    assert headers["content-type"] == "application/json"


def test_create_event_extracts_and_stores_thearticle_body(call, load_event) -> None:
    event = load_event("api_create_extraction")
    article = article_body(event)
    status, body, _ = call(event)
    assert status == 201
    extraction = Extraction.model_validate(body)
    assert extraction.id == article["id"]
    assert extraction.title == article["title"]
    assert extraction.stats.characters == len(article["text"])
    for quote in extraction.quotes:
        for start, end in quote.spans:
            assert article["text"][start:end] in quote.text


def test_get_event_returns_what_the_post_stored(call, load_event) -> None:
    assert call(load_event("api_get_extraction"))[0] == 404
    _, created, _ = call(load_event("api_create_extraction"))
    status, body, _ = call(load_event("api_get_extraction"))
    assert status == 200
    assert body == created


def test_post_of_the_same_article_returns_the_stored_result_without_extracting_again(
    call, load_event, monkeypatch
) -> None:
    import api.logic

    calls: list[str] = []
    real_extract = api.logic.extract

    def counting_extract(article):
        calls.append(article.text)
        return real_extract(article)

    monkeypatch.setattr(api.logic, "extract", counting_extract)
    event = load_event("api_create_extraction")
    first_status, first, _ = call(event)
    second_status, second, _ = call(event)
    assert (first_status, second_status) == (201, 200)
    assert second == first
    assert len(calls) == 1


def test_same_text_without_an_id_gets_the_same_derived_id(call, load_event) -> None:
    event = load_event("api_create_extraction")
    article = {"text": article_body(event)["text"], "published_at": "2026-03-03"}
    status_one, one, _ = call(with_body(event, json.dumps(article)))
    status_two, two, _ = call(with_body(event, json.dumps(article)))
    assert (status_one, status_two) == (201, 200)
    assert one["id"] == two["id"]
    assert len(one["id"]) == 32


def test_caller_id_with_new_text_replaces_the_stored_extraction(call, load_event) -> None:
    event = load_event("api_create_extraction")
    article = article_body(event)
    call(event)
    changed = {**article, "text": article["text"] + "\n\nThe council meets again on Friday."}
    status, body, _ = call(with_body(event, json.dumps(changed)))
    assert status == 201
    _, stored, _ = call(load_event("api_get_extraction"))
    assert stored["stats"]["characters"] == len(changed["text"]) == body["stats"]["characters"]


def test_the_follow_up_convention_is_extracted_stored_and_changed_like_the_text(call, load_event) -> None:
    event = load_event("api_create_extraction")
    text = "“Housing comes first,” Chen said on Monday. “We have to build more homes.”"
    separate = {"id": article_body(event)["id"], "text": text}
    joined = {**separate, "follow_up_quotes": "joined"}
    assert call(with_body(event, json.dumps(separate)))[0] == 201
    status, body, _ = call(with_body(event, json.dumps(joined)))
    assert status == 201  # a new convention is a new result, not the stored one
    _, stored, _ = call(load_event("api_get_extraction"))
    assert stored == body
    assert stored["follow_up_quotes"] == "joined"
    assert [len(quote["spans"]) for quote in stored["quotes"] if quote["type"] == "direct"] == [2]


def test_delete_event_removes_the_article_then_reports_not_found(call, load_event) -> None:
    call(load_event("api_create_extraction"))
    status, body, _ = call(load_event("api_delete_extraction"))
    assert (status, body) == (204, None)
    assert call(load_event("api_get_extraction"))[1]["code"] == "not_found"
    status, body, _ = call(load_event("api_delete_extraction"))
    assert status == 404
    assert body["code"] == "not_found"


def test_quotes_event_lists_the_mayors_quote_from_the_storedarticle_body(call, load_event) -> None:
    call(load_event("api_create_extraction"))
    status, body, _ = call(load_event("api_list_quotes"))
    assert status == 200
    assert body["speaker"] == "Dana Whitfield"
    assert body["next_cursor"] is None
    assert [item["article_id"] for item in body["items"]] == ["millbrook-footbridge-2026-03-03"]
    quote = body["items"][0]["quote"]
    assert quote["text"].startswith("This bridge will reconnect two neighbourhoods")
    assert quote["speaker"]["name"] == "Dana Whitfield"
    assert body["items"][0]["published_at"] == "2026-03-03"


def test_quotes_of_an_unknown_speaker_is_an_empty_page(call, load_event) -> None:
    event = load_event("api_list_quotes")
    event["queryStringParameters"] = {"speaker": "Nobody Atall"}
    event["multiValueQueryStringParameters"] = {"speaker": ["Nobody Atall"]}
    status, body, _ = call(event)
    assert (status, body["items"], body["next_cursor"]) == (200, [], None)


@pytest.mark.parametrize(
    ("body", "content_type", "status", "code", "field"),
    [
        ('{"text": "unterminated', "application/json", 400, "invalid_json", None),
        ("", "application/json", 422, "validation_error", "body"),
        ('["a list"]', "application/json", 422, "validation_error", "body"),
        ('{"title": "no text"}', "application/json", 422, "validation_error", "text"),
        ('{"text": "   "}', "application/json", 422, "validation_error", "text"),
        ('{"text": 42}', "application/json", 422, "validation_error", "text"),
        ('{"text": "ok", "colour": "red"}', "application/json", 422, "validation_error", "colour"),
        ('{"text": "ok", "published_at": "last Tuesday"}', "application/json", 422, "validation_error", "published_at"),
        ('{"text": "ok", "language": "fr"}', "application/json", 422, "validation_error", "language"),
        ('{"text": "ok", "id": "../../etc/passwd"}', "application/json", 422, "validation_error", "id"),
        ('{"text": "ok"}', "text/plain", 415, "unsupported_media_type", None),
        ("<article>ok</article>", "application/xml", 415, "unsupported_media_type", None),
        ("text=ok", "application/x-www-form-urlencoded", 415, "unsupported_media_type", None),
        (
            "--b\r\nContent-Disposition: form-data; name=text\r\n\r\nok\r\n--b--",
            "multipart/form-data; boundary=b",
            415,
            "unsupported_media_type",
            None,
        ),
    ],
)
def test_bad_post_bodies_get_a_json_error_with_a_stable_code(
    call, load_event, body, content_type, status, code, field
) -> None:
    answer_status, answer, headers = call(with_body(load_event("api_create_extraction"), body, content_type))
    assert answer_status == status
    assert answer["code"] == code
    assert answer["message"]
    assert headers["content-type"] == "application/json"
    if field is not None:
        assert answer["field"] == field
    assert "Traceback" not in json.dumps(answer)


@pytest.mark.parametrize(
    ("body", "base64_encoded", "message"),
    [
        ('{"text": "x", "a": ' + "[" * 50_000 + "]" * 50_000 + "}", False, "nested deeper than"),
        ('{"text": "x", "id": ' + "9" * 5_000 + "}", False, "a number is too long"),
        ("not base64 at all!", True, "not valid base64"),
    ],
)
def test_bodies_json_cannot_read_are_400_not_500(call, load_event, body, base64_encoded, message) -> None:
    event = {**with_body(load_event("api_create_extraction"), body), "isBase64Encoded": base64_encoded}
    status, answer, _ = call(event)
    assert (status, answer["code"]) == (400, "invalid_json")
    assert message in answer["message"]


def test_base64_encoded_json_bodies_are_decoded(call, load_event) -> None:
    article = base64.b64encode(json.dumps({"text": "The council met on Tuesday."}).encode()).decode()
    event = {**with_body(load_event("api_create_extraction"), article), "isBase64Encoded": True}
    status, answer, _ = call(event)
    assert (status, answer["stats"]["characters"]) == (201, len("The council met on Tuesday."))


def test_text_over_the_configured_limit_is_413(call, load_event, monkeypatch) -> None:
    from shared.config import settings

    monkeypatch.setenv("MAX_TEXT_CHARS", "50")
    settings.cache_clear()
    status, body, _ = call(with_body(load_event("api_create_extraction"), json.dumps({"text": "word " * 11})))
    assert status == 413
    assert body == {"code": "text_too_long", "message": body["message"], "field": "text"}
    assert "55 characters" in body["message"]


def test_curl_default_form_content_type_with_a_json_body_is_read_as_json(call, load_event) -> None:
    body = json.dumps({"text": 'Ana Ruiz said: "We are ready."'})
    status, answer, _ = call(with_body(load_event("api_create_extraction"), body, "application/x-www-form-urlencoded"))
    assert status == 201
    assert answer["stats"]["characters"] == len('Ana Ruiz said: "We are ready."')


def test_missing_content_type_is_taken_as_json(call, load_event) -> None:
    body = json.dumps({"text": "The council met."})
    assert call(with_body(load_event("api_create_extraction"), body, None))[0] == 201


@pytest.mark.parametrize(
    ("path", "status", "code"),
    [
        ("/v1/extractions/no-such-article", 404, "not_found"),
        ("/v1/extractions/..%2F..%2Fetc", 422, "validation_error"),
        ("/v1/nowhere", 404, "not_found"),
    ],
)
def test_unknown_ids_and_paths_get_json_errors(call, load_event, path, status, code) -> None:
    event = {**load_event("api_get_extraction"), "path": path}
    answer_status, body, _ = call(event)
    assert (answer_status, body["code"]) == (status, code)


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ({"speaker": ""}, "speaker"),
        ({"speaker": "   "}, "speaker"),
        ({"speaker": "Dana Whitfield", "limit": "0"}, "limit"),
        ({"speaker": "Dana Whitfield", "limit": "many"}, "limit"),
        ({"speaker": "Dana Whitfield", "cursor": "not-a-cursor"}, "cursor"),
        ({}, "speaker"),
    ],
)
def test_bad_quote_queries_name_the_field(call, load_event, query, field) -> None:
    event = load_event("api_list_quotes")
    event["queryStringParameters"] = query or None
    event["multiValueQueryStringParameters"] = {name: [value] for name, value in query.items()} or None
    status, body, _ = call(event)
    assert (status, body["code"], body["field"]) == (422, "validation_error", field)


def test_unexpected_failure_is_500_with_the_request_id_and_no_trace(call, load_event, monkeypatch) -> None:
    import api.logic

    def broken(key: str) -> None:
        raise RuntimeError("secret internal detail")

    monkeypatch.setattr(api.logic, "get_extraction", broken)
    status, body, _ = call(load_event("api_get_extraction"))
    assert status == 500
    assert body == {
        "code": "internal_error",
        "message": "the request failed on our side; quote the request id when reporting it",
        "request_id": "test-request-0001",
    }


def test_a_store_that_keeps_refusing_is_503_store_unavailable(call, load_event, monkeypatch) -> None:
    import api.logic
    from shared.errors import StoreUnavailable

    def throttled(key: str) -> None:
        raise StoreUnavailable("DynamoDB kept items unprocessed after every retry; try again later")

    monkeypatch.setattr(api.logic, "get_extraction", throttled)
    status, body, _ = call(load_event("api_get_extraction"))
    assert (status, body["code"]) == (503, "store_unavailable")


def test_swagger_ui_is_served_only_when_enabled(call, load_event, lambda_context, monkeypatch) -> None:
    import api.app
    from shared.config import settings

    event = {**load_event("api_health"), "path": "/swagger"}
    assert call(event)[0] == 404
    monkeypatch.setenv("ENABLE_SWAGGER", "true")
    settings.cache_clear()
    try:
        enabled = importlib.reload(api.app)
        result = enabled.lambda_handler(event, lambda_context)
        assert result["statusCode"] == 200
        assert "swagger" in result["body"].lower()
    finally:
        monkeypatch.delenv("ENABLE_SWAGGER")
        settings.cache_clear()
        importlib.reload(api.app)


@pytest.mark.parametrize(
    ("body", "base64_encoded", "content_type"),
    [
        ("//79e30=", True, "application/json"),  # bytes that are not UTF-8
        ('{"text": "Caf\u00e9 owners agreed."}', False, "application/json; charset=latin-1"),
        ('{"text": "Caf\u00e9 owners agreed."}', False, "application/json; charset=ISO-8859-1"),
    ],
)
def test_bodies_that_are_not_utf8_are_415(call, load_event, body, base64_encoded, content_type) -> None:
    event = {**with_body(load_event("api_create_extraction"), body, content_type), "isBase64Encoded": base64_encoded}
    status, answer, _ = call(event)
    assert (status, answer["code"]) == (415, "unsupported_media_type")
    assert "UTF-8" in answer["message"]


def test_a_utf8_charset_parameter_is_accepted(call, load_event) -> None:
    body, content_type = '{"text": "Mayor Ana Lima said so."}', "application/json; charset=UTF-8"
    event = with_body(load_event("api_create_extraction"), body, content_type)
    assert call(event)[0] == 201


@pytest.mark.parametrize(("published_at", "phrase"), [
    ("9999-12-31", "tomorrow"),
    ("0001-01-01", "yesterday"),
    ("9999-12-31T23:59:59-12:00", "next week"),
    ("0001-01-01T00:00:00+12:00", "last year"),
])
def test_a_relative_date_past_the_calendars_edge_is_created_with_no_value(
    call, load_event, published_at: str, phrase: str
) -> None:
    text = f"The mayor said the bridge would open {phrase}, after three years of work."
    body = json.dumps({"id": f"edge-{phrase.replace(' ', '-')}", "text": text, "published_at": published_at})
    status, created, _ = call(with_body(load_event("api_create_extraction"), body))
    assert status == 201
    [date] = [f for f in created["figures"] if f["kind"] in ("date", "time") and f["text"] == phrase]
    assert date["value"] is None


def test_a_text_of_more_words_per_character_than_prose_is_413_text_too_costly(call, load_event) -> None:
    body = json.dumps({"id": "costly", "text": "$1 " * 4_000})
    status, answer, _ = call(with_body(load_event("api_create_extraction"), body))
    assert (status, answer["code"]) == (413, "text_too_costly")


# ---- ownership: a client changes only what its own API key stored ------------------------------------------------
