"""Articles belong to the API key that stored them: only that key deletes or changes one; every key reads it.

Given the events/ files with an API key id in their request context, on moto.
"""

from __future__ import annotations

import json
from typing import Any

from tests.functions.conftest import article_body, with_body

Event = dict[str, Any]


def _with_key(event: Event, key_id: str) -> Event:
    """The event as API Gateway sends it for a caller of that API key (the events/ files carry none)."""
    identity = {**event["requestContext"]["identity"], "apiKeyId": key_id}
    return {**event, "requestContext": {**event["requestContext"], "identity": identity}}


def test_only_the_key_that_stored_an_article_may_delete_it(call, load_event) -> None:
    # Given an article stored with client A's key
    assert call(_with_key(load_event("api_create_extraction"), "key-a"))[0] == 201
    # When client B deletes it
    status, body, _ = call(_with_key(load_event("api_delete_extraction"), "key-b"))
    # Then B is refused and the article is still there; A's delete then removes it
    assert (status, body["code"]) == (403, "forbidden")
    assert call(_with_key(load_event("api_get_extraction"), "key-b"))[0] == 200
    assert call(_with_key(load_event("api_delete_extraction"), "key-a"))[:2] == (204, None)
    assert call(load_event("api_get_extraction"))[0] == 404


def test_another_key_cannot_replace_an_article_but_reads_it_and_its_quotes(call, load_event) -> None:
    # Given an article stored with client A's key
    event = load_event("api_create_extraction")
    _, stored, _ = call(_with_key(event, "key-a"))
    article = article_body(event)
    # When client B posts new text, or a new title, under A's id
    changed_text = {**article, "text": article["text"] + "\n\nThe council meets again on Friday."}
    changed_title = {**article, "title": "A title client B prefers"}
    refusals = [call(_with_key(with_body(event, json.dumps(body)), "key-b")) for body in (changed_text, changed_title)]
    # Then both are refused, and B reads A's article unchanged, its quotes and an identical repost
    assert [(status, body["code"]) for status, body, _ in refusals] == [(403, "forbidden")] * 2
    assert call(_with_key(load_event("api_get_extraction"), "key-b"))[:2] == (200, stored)
    assert call(_with_key(event, "key-b"))[:2] == (200, stored)
    status, quotes, _ = call(_with_key(load_event("api_list_quotes"), "key-b"))
    assert (status, [item["article_id"] for item in quotes["items"]]) == (200, [stored["id"]])


def test_the_owner_keeps_its_article_through_a_metadata_repost_and_a_re_extraction(call, load_event) -> None:
    # Given an article stored with client A's key, then reposted by A with a new title and with new text
    event = load_event("api_create_extraction")
    article = article_body(event)
    call(_with_key(event, "key-a"))
    retitled = {**article, "title": "Footbridge approved"}
    assert call(_with_key(with_body(event, json.dumps(retitled)), "key-a"))[0] == 200
    rewritten = {**retitled, "text": article["text"] + "\n\nThe council meets again on Friday."}
    assert call(_with_key(with_body(event, json.dumps(rewritten)), "key-a"))[0] == 201
    # When client B deletes it, Then it is still A's
    assert call(_with_key(load_event("api_delete_extraction"), "key-b"))[0] == 403
    assert call(_with_key(load_event("api_delete_extraction"), "key-a"))[0] == 204


def test_an_article_stored_without_a_key_stays_changeable_by_anyone(call, load_event) -> None:
    # Given an article stored by a caller without an API key id (the local server)
    event = load_event("api_create_extraction")
    assert call(event)[0] == 201
    # When client B replaces its title, Then that works and the article still has no owner
    retitled = {**article_body(event), "title": "Retitled by client B"}
    assert call(_with_key(with_body(event, json.dumps(retitled)), "key-b"))[0] == 200
    # so client A may delete it, and a keyless store and delete work as before
    assert call(_with_key(load_event("api_delete_extraction"), "key-a"))[0] == 204
    assert call(event)[0] == 201
    assert call(load_event("api_delete_extraction"))[0] == 204
