"""Speaker pages on moto: cursors are signed, so a forged one (even one that keeps the right partition) is 422,
never an empty 200 or a 500; speaker names match however they are composed or cased (NFKC + case folding)."""

from __future__ import annotations

import base64
import json
from types import SimpleNamespace

import pytest

from shared.errors import InvalidCursor, InvalidRequest
from shared.store import DynamoArticleStore
from tests.functions.test_store import _extraction, _quote


@pytest.fixture
def store(aws: dict[str, str]) -> DynamoArticleStore:
    return DynamoArticleStore(aws["TABLE_NAME"], sleep=lambda seconds: None)


def _unsigned(plain: dict[str, str]) -> str:
    return base64.urlsafe_b64encode(json.dumps(plain).encode()).decode().rstrip("=")


def _forged_positions() -> list[dict[str, str]]:
    """Positions that keep the speaker's partition: an empty, a 1,100-byte and a lone-surrogate sort key."""
    base = {"pk": "ART#a1", "sk": "QUOTE#x#q1", "gsi1pk": "SPEAKER#dana whitfield"}
    return [{**base, "gsi1sk": sort_key} for sort_key in ("", "9" * 1_100, "2026\ud800")]


def test_forged_cursors_keeping_the_partition_are_refused(store: DynamoArticleStore) -> None:
    store.put(_extraction("a1", [_quote(1, "Dana Whitfield"), _quote(2, "Dana Whitfield")]))
    _, issued = store.quotes_by_speaker("Dana Whitfield", limit=1)
    assert issued is not None
    payload, _, signature = issued.partition(".")
    tampered = _unsigned({**json.loads(base64.urlsafe_b64decode(payload + "==")), "gsi1sk": ""}) + "." + signature

    for forged in [_unsigned(position) for position in _forged_positions()] + [tampered, payload, issued + "x"]:
        with pytest.raises(InvalidCursor):
            store.quotes_by_speaker("Dana Whitfield", limit=1, cursor=forged)
    # The issued one still pages on.
    page, _ = store.quotes_by_speaker("Dana Whitfield", limit=1, cursor=issued)
    assert len(page) == 1


def test_a_position_dynamodb_refuses_is_422_not_500(store: DynamoArticleStore) -> None:
    from shared import aws

    store.put(_extraction("a1", [_quote(1, "Dana Whitfield"), _quote(2, "Dana Whitfield")]))
    _, issued = store.quotes_by_speaker("Dana Whitfield", limit=1)
    client = aws.dynamodb()

    def refuse(**_: object) -> tuple[object, dict[str, object]]:
        # DynamoDB's answer to a start key over its limits (moto does not check them).
        error = {"Code": "ValidationException", "Message": "Exclusive Start Key is too large"}
        return SimpleNamespace(status_code=400), {"Error": error, "ResponseMetadata": {"HTTPStatusCode": 400}}

    client.meta.events.register_first("before-call.dynamodb.Query", refuse)
    try:
        with pytest.raises(InvalidCursor):
            store.quotes_by_speaker("Dana Whitfield", limit=1, cursor=issued)
    finally:
        client.meta.events.unregister("before-call.dynamodb.Query", refuse)


@pytest.mark.parametrize(
    ("stored", "typed"),
    [
        ("José Núñez", "Jose\u0301 Nu\u0301n\u0303ez"),  # decomposed accents
        ("İsmail Kaya", "ismail kaya"),  # Turkish dotted capital I
        ("Ｄａｎａ Whitfield", "dana whitfield"),  # full-width letters
        ("STRASSE Weiß", "strasse weiss"),
    ],
)
def test_speaker_names_match_however_composed_or_cased(store: DynamoArticleStore, stored: str, typed: str) -> None:
    store.put(_extraction("a1", [_quote(1, stored)]))

    page, _ = store.quotes_by_speaker(typed)

    assert [item.quote.id for item in page] == ["q1"]


def test_a_speaker_with_a_lone_surrogate_is_a_validation_error(store: DynamoArticleStore) -> None:
    with pytest.raises(InvalidRequest):
        store.quotes_by_speaker("Dana \ud800")
