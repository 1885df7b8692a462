"""events/env.json, the `--env-vars` file of `sam local invoke`: every variable the functions read, pointing at the
resources `make aws` (local.aws_server) creates.

Without it SAM hands the functions the template's unresolved references (TABLE_NAME=Table) and the API answers 500.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import boto3
import pytest

from local.aws_server import DEFAULT_PORT, moto_server
from local.template import load_template

ROOT = Path(__file__).resolve().parents[2]
ENV_FILE = ROOT / "events" / "env.json"
FUNCTIONS = ROOT / "functions"
# Lambda sets the region, credentials and the like itself (SAM's container too); a function cannot declare them.
SET_BY_LAMBDA = re.compile(r"AWS_(REGION|DEFAULT_REGION|ACCESS_KEY_ID|SECRET_ACCESS_KEY|SESSION_TOKEN|LAMBDA_\w+)$")


def _env_file() -> dict[str, dict[str, str]]:
    return json.loads(ENV_FILE.read_text(encoding="utf-8"))


def _template() -> dict[str, Any]:
    template = load_template()
    assert template is not None
    return template


def _declared(template: dict[str, Any]) -> dict[str, set[str]]:
    """Each function's environment variables as the template declares them (Globals and its own)."""
    shared = template.get("Globals", {}).get("Function", {}).get("Environment", {}).get("Variables", {})
    return {
        name: set(shared) | set(resource["Properties"].get("Environment", {}).get("Variables", {}))
        for name, resource in template["Resources"].items()
        if resource["Type"] == "AWS::Serverless::Function"
    }


class _Recording(dict[str, str]):
    """An environment that remembers every name looked up in it."""

    def __init__(self) -> None:
        super().__init__()
        self.read: set[str] = set()

    def get(self, key: str, default: Any = None) -> Any:
        self.read.add(key)
        return super().get(key, default)

    def __getitem__(self, key: str) -> str:
        self.read.add(key)
        return super().__getitem__(key)

    def __contains__(self, key: object) -> bool:
        self.read.add(str(key))
        return super().__contains__(key)


def _settings_read(monkeypatch: pytest.MonkeyPatch) -> set[str]:
    """The variables functions/shared/config.py's settings() reads, found by running it on an empty environment."""
    from shared.config import settings

    recording = _Recording()
    settings.cache_clear()
    monkeypatch.setattr(os, "environ", recording)
    try:
        settings()
    finally:
        monkeypatch.undo()
        settings.cache_clear()
    return recording.read


def _named_in_function_code() -> set[str]:
    """Powertools' and the engine's variables the handlers read by name (observability.py's metrics namespace)."""
    names: set[str] = set()
    for source in FUNCTIONS.rglob("*.py"):
        names |= set(re.findall(r"[\"'](POWERTOOLS_[A-Z_]+|FACTEXTRACT_[A-Z_]+)[\"']", source.read_text("utf-8")))
    return names


def test_env_file_gives_each_function_every_variable_the_template_declares_for_it() -> None:
    env_file = _env_file()
    for function, declared in _declared(_template()).items():
        assert function in env_file, f"events/env.json has no section for {function}"
        missing = declared - set(env_file[function])
        assert not missing, f"{function}: events/env.json lacks {sorted(missing)}"


def test_env_file_names_every_setting_the_function_code_reads(monkeypatch: pytest.MonkeyPatch) -> None:
    read = _settings_read(monkeypatch) | _named_in_function_code()
    assert {"TABLE_NAME", "CHUNK_QUEUE_URL", "POWERTOOLS_METRICS_NAMESPACE"} <= read, "the derivation found too little"
    named = set().union(*_env_file().values())
    assert not read - named, f"events/env.json lacks {sorted(read - named)}"


def test_env_file_points_every_function_at_the_moto_server_from_inside_sams_container() -> None:
    for function, variables in _env_file().items():
        assert variables.get("AWS_ENDPOINT_URL") == f"http://host.docker.internal:{DEFAULT_PORT}", function
        assert not [name for name in variables if SET_BY_LAMBDA.match(name)], f"{function}: Lambda sets those"


def test_env_file_names_no_variable_that_nothing_reads(monkeypatch: pytest.MonkeyPatch) -> None:
    known = _settings_read(monkeypatch) | _named_in_function_code() | set().union(*_declared(_template()).values())
    for function, variables in _env_file().items():
        stale = set(variables) - known - {"AWS_ENDPOINT_URL"}
        assert not stale, f"{function}: nothing reads {sorted(stale)}"


def test_env_file_gives_no_function_a_variable_the_template_declares_only_for_another() -> None:
    # SAM applies an --env-vars value only to a variable the template declares for that function.
    declared = _declared(_template())
    for function, variables in _env_file().items():
        elsewhere = {name for other, names in declared.items() if other != function for name in names}
        dropped = (set(variables) & elsewhere) - declared[function]
        assert not dropped, f"{function}: SAM would drop {sorted(dropped)}"


def test_template_declares_every_variable_the_env_file_sets() -> None:
    declared = _declared(_template())
    for function, variables in _env_file().items():
        undeclared = set(variables) - declared[function]
        assert not undeclared, f"{function}: SAM would drop {sorted(undeclared)}"


@pytest.fixture(scope="module")
def aws_server() -> Iterator[dict[str, str]]:
    with moto_server(host="127.0.0.1", port=0) as settings:
        yield settings


def _client(service: str, settings: dict[str, str]) -> Any:
    return boto3.client(
        service,
        endpoint_url=settings["AWS_ENDPOINT_URL"],
        region_name="us-east-1",
        aws_access_key_id="local",
        aws_secret_access_key="local",
    )


def test_env_file_names_the_table_buckets_and_queue_the_aws_server_creates(aws_server: dict[str, str]) -> None:
    for function, variables in _env_file().items():
        table = variables["TABLE_NAME"]
        assert _client("dynamodb", aws_server).describe_table(TableName=table)["Table"]["TableName"] == table
        for setting in ("INPUT_BUCKET", "RESULTS_BUCKET"):
            if setting in variables:
                _client("s3", aws_server).head_bucket(Bucket=variables[setting])
        if "CHUNK_QUEUE_URL" in variables:
            queue = urlsplit(variables["CHUNK_QUEUE_URL"])
            assert queue.path == urlsplit(aws_server["CHUNK_QUEUE_URL"]).path, function
            assert queue.netloc == urlsplit(variables["AWS_ENDPOINT_URL"]).netloc, "the queue is on the same server"
            name = queue.path.rsplit("/", 1)[1]
            assert _client("sqs", aws_server).get_queue_url(QueueName=name)["QueueUrl"].endswith(queue.path)


def test_batch_events_name_the_input_bucket_of_the_env_file() -> None:
    # events/batch_s3_object_created.json wraps an S3 notification in an SQS record.
    event = json.loads((ROOT / "events" / "batch_s3_object_created.json").read_text(encoding="utf-8"))
    buckets = {
        record["s3"]["bucket"]["name"]
        for message in event["Records"]
        for record in json.loads(message["body"])["Records"]
    }
    assert buckets == {_env_file()["BatchFunction"]["INPUT_BUCKET"]}
