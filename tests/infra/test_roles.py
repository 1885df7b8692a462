"""The functions' roles in template.yaml allow what their code does: every AWS call each handler makes on moto, on
its main paths, is granted by a statement of that function's role on the resource the call touches.

The roles name their actions one by one (security/cfn_rules E9101 forbids wildcards), so a new call in the code
without its grant would fail only once deployed; this test fails first.
"""

from __future__ import annotations

import fnmatch
import json
import re
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from local.template import load_template

# Fixtures of the function tests (a moto account with the app's resources), reused rather than built twice.
from tests.functions.conftest import _moto_account, aws, lambda_context, load_event  # noqa: F401

Call = tuple[str, str]  # (IAM action, resource as "LogicalId/path")

# The IAM action each API operation the code makes is authorized by (AWS's Service Authorization Reference).
# TransactWriteItems has no action of its own: each of its items is authorized as the single-item write it is.
ACTIONS = {
    "dynamodb": {
        "GetItem": "dynamodb:GetItem",
        "BatchGetItem": "dynamodb:BatchGetItem",
        "Query": "dynamodb:Query",
        "PutItem": "dynamodb:PutItem",
        "UpdateItem": "dynamodb:UpdateItem",
        "DeleteItem": "dynamodb:DeleteItem",
        "BatchWriteItem": "dynamodb:BatchWriteItem",
    },
    "s3": {
        "HeadObject": "s3:GetObject",
        "GetObject": "s3:GetObject",
        "PutObject": "s3:PutObject",
        "ListObjectsV2": "s3:ListBucket",
    },
    "sqs": {"SendMessage": "sqs:SendMessage", "SendMessageBatch": "sqs:SendMessage"},
}
TRANSACT_ITEM_ACTIONS = {
    "Put": "dynamodb:PutItem",
    "Update": "dynamodb:UpdateItem",
    "Delete": "dynamodb:DeleteItem",
    "ConditionCheck": "dynamodb:ConditionCheckItem",
}
# The test account's names of the template's resources (tests/functions/conftest.py).
LOGICAL_IDS = {
    "TABLE_NAME": "Table",
    "INPUT_BUCKET": "InputBucket",
    "RESULTS_BUCKET": "ResultsBucket",
    "CHUNK_QUEUE_URL": "ChunkQueue",
}
# What an SQS event source mapping needs on its queue to poll it for the function.
POLLING = ("sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes")


class Recorder:
    """The IAM actions, with their resources, of the AWS calls made while `recording` is on."""

    def __init__(self, env: dict[str, str]) -> None:
        self.names = {env[setting]: logical for setting, logical in LOGICAL_IDS.items()}
        self.calls: set[Call] = set()
        self.recording = False

    def __call__(self, model: Any, params: dict[str, Any], **_: Any) -> None:
        if self.recording:
            self.calls.update(self._calls(model.service_model.service_name, model.name, params))

    def _calls(self, service: str, operation: str, params: dict[str, Any]) -> Iterator[Call]:
        if service == "dynamodb" and operation == "TransactWriteItems":
            for item in params["TransactItems"]:
                ((kind, spec),) = item.items()
                yield TRANSACT_ITEM_ACTIONS[kind], self.names[spec["TableName"]]
            return
        action = ACTIONS.get(service, {}).get(operation)
        assert action, f"{service}:{operation} has no IAM action in ACTIONS: add it, and grant it in template.yaml"
        if service == "dynamodb":
            tables = params["RequestItems"] if "RequestItems" in params else [params["TableName"]]
            index = f"/index/{params['IndexName']}" if "IndexName" in params else ""
            for table in tables:
                yield action, self.names[table] + index
        elif service == "s3":
            key = f"/{params['Key']}" if "Key" in params else ""
            yield action, self.names[params["Bucket"]] + key
        else:
            yield action, self.names[params["QueueUrl"]]

    def during(self, handler: Callable[..., Any]) -> Callable[..., Any]:
        def recorded(*args: Any) -> Any:
            self.recording = True
            try:
                return handler(*args)
            finally:
                self.recording = False

        return recorded


@pytest.fixture
def recorder(aws: dict[str, str]) -> Iterator[Recorder]:  # noqa: F811
    from shared import aws as clients

    recorder = Recorder(aws)
    for client in (clients.dynamodb(), clients.s3(), clients.sqs()):
        client.meta.events.register("before-parameter-build", recorder, unique_id="role-recorder")
    yield recorder
    for client in (clients.dynamodb(), clients.s3(), clients.sqs()):
        client.meta.events.unregister("before-parameter-build", unique_id="role-recorder")


def _resource_pattern(value: Any) -> str:
    """A statement's Resource as a pattern over "LogicalId/path": !GetAtt X.Arn is X, !Sub "${X.Arn}/a/*" is X/a/*."""
    if isinstance(value, dict) and "GetAtt" in value:
        return str(value["GetAtt"]).removesuffix(".Arn")
    if isinstance(value, dict) and "Sub" in value:
        return re.sub(r"\$\{(\w+)\.Arn\}", r"\1", value["Sub"])
    return str(value)


def _grants(role: str) -> list[tuple[set[str], str]]:
    template = load_template()
    assert template is not None
    (policy,) = template["Resources"][role]["Properties"]["Policies"]
    grants = []
    for statement in policy["PolicyDocument"]["Statement"]:
        actions = statement["Action"] if isinstance(statement["Action"], list) else [statement["Action"]]
        grants.append((set(actions), _resource_pattern(statement["Resource"])))
    return grants


def _ungranted(role: str, calls: set[Call]) -> list[Call]:
    grants = _grants(role)
    return sorted(
        (action, resource)
        for action, resource in calls
        if not any(action in actions and fnmatch.fnmatchcase(resource, pattern) for actions, pattern in grants)
    )


def test_api_role_allows_every_call_of_create_read_quotes_replace_and_delete(
    recorder: Recorder,
    load_event: Callable[[str], dict[str, Any]],  # noqa: F811
    lambda_context: Any,  # noqa: F811
) -> None:
    import api.app

    handler = recorder.during(api.app.lambda_handler)
    create = load_event("api_create_extraction")
    replace = {**create, "body": json.dumps({**json.loads(create["body"]), "text": "A different text, said Ana."})}
    statuses = [
        handler(event, lambda_context)["statusCode"]
        for event in (
            create,
            load_event("api_get_extraction"),
            load_event("api_list_quotes"),
            replace,
            load_event("api_delete_extraction"),
        )
    ]

    assert all(200 <= status < 300 for status in statuses), statuses
    assert {resource for _, resource in recorder.calls} >= {"Table", "Table/index/gsi1"}
    assert _ungranted("ApiExecutionRole", recorder.calls) == []


def test_batch_role_allows_every_call_of_a_file_fanned_out_in_chunks(
    recorder: Recorder,
    aws: dict[str, str],  # noqa: F811
    lambda_context: Any,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from batch.app import lambda_handler
    from local.batch import drain, sqs_event
    from shared import aws as clients
    from shared.config import settings

    monkeypatch.setenv("CHUNK_LINES", "2")  # three chunks: the fan-out through the chunk queue
    settings.cache_clear()
    handler = recorder.during(lambda_handler)
    lines = [
        json.dumps({"id": f"town-{n}", "text": f'Town {n} hired {n + 2} teachers. "Good news," said Ana Lima.'})
        for n in range(5)
    ]
    clients.s3().put_object(Bucket=aws["INPUT_BUCKET"], Key="incoming/towns.jsonl", Body="\n".join(lines))
    notification = {
        "MessageId": "m-1",
        "ReceiptHandle": "r-1",
        "Body": json.dumps(
            {
                "Records": [
                    {
                        "eventName": "ObjectCreated:Put",
                        "s3": {"bucket": {"name": aws["INPUT_BUCKET"]}, "object": {"key": "incoming/towns.jsonl"}},
                    }
                ]
            }
        ),
        "Attributes": {},
        "MD5OfBody": "",
    }

    first = handler(sqs_event([notification], "arn:aws:sqs:us-east-1:123456789012:input"), lambda_context)
    chunks = drain(aws["CHUNK_QUEUE_URL"], handler, batch_size=1)

    assert first["batchItemFailures"] == [] and chunks == 3
    assert {action for action, _ in recorder.calls} >= {"sqs:SendMessage", "s3:ListBucket", "dynamodb:UpdateItem"}
    assert _ungranted("BatchExecutionRole", recorder.calls) == []


def test_batch_role_lets_its_event_source_mappings_poll_both_queues() -> None:
    template = load_template()
    assert template is not None
    events = template["Resources"]["BatchFunction"]["Properties"]["Events"].values()
    queues = {str(event["Properties"]["Queue"]["GetAtt"]).removesuffix(".Arn") for event in events}
    grants = _grants("BatchExecutionRole")

    assert queues == {"InputQueue", "ChunkQueue"}
    for queue in queues:
        granted = set().union(*(actions for actions, pattern in grants if pattern == queue))
        assert granted >= set(POLLING), queue
