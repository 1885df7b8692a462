"""template.yaml deploys what the design promises: lint-clean, locked-down storage, scoped access, keyed API."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from local.template import load_template

ROOT = Path(__file__).resolve().parents[2]
TEMPLATE = ROOT / "template.yaml"


@pytest.fixture(scope="module")
def template() -> dict[str, Any]:
    loaded = load_template(TEMPLATE)
    assert loaded is not None
    return loaded


def _of_type(template: dict[str, Any], kind: str) -> dict[str, dict[str, Any]]:
    return {name: spec for name, spec in template["Resources"].items() if spec["Type"] == kind}


def test_cfn_lint_reports_nothing() -> None:
    # cfn-lint needs no AWS account. It checks SAM resources as written (it no longer runs the SAM transform):
    # tests/reliability/test_template_security.py runs the transform to check what SAM would add.
    result = subprocess.run(
        [str(Path(sys.executable).with_name("cfn-lint")), str(TEMPLATE)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_functions_run_python313_on_arm64_with_the_nlp_layer(template: dict[str, Any]) -> None:
    function = template["Globals"]["Function"]
    assert function["Runtime"] == "python3.13"
    assert function["Architectures"] == ["arm64"]
    assert function["Layers"] == [{"Ref": "NlpLayer"}]
    layer = template["Resources"]["NlpLayer"]
    assert layer["Metadata"]["BuildMethod"] == "makefile"
    assert layer["Properties"]["ContentUri"] == "layers/nlp"
    assert (ROOT / "layers" / "nlp" / "Makefile").read_text().count("build-NlpLayer:") == 1


def test_api_function_uses_snapstart_on_published_versions(template: dict[str, Any]) -> None:
    api = template["Resources"]["ApiFunction"]["Properties"]
    assert api["SnapStart"] == {"ApplyOn": "PublishedVersions"}
    assert api["AutoPublishAlias"]


def test_api_requires_a_key_with_usage_plan_except_for_the_static_viewer(template: dict[str, Any]) -> None:
    auth = template["Resources"]["Api"]["Properties"]["Auth"]
    assert auth["ApiKeyRequired"] is True
    assert auth["UsagePlan"]["Quota"]["Limit"] == {"Ref": "ApiDailyQuota"}
    assert set(auth["UsagePlan"]["Throttle"]) == {"RateLimit", "BurstLimit"}
    events = template["Resources"]["ApiFunction"]["Properties"]["Events"]
    open_paths = {e["Properties"]["Path"] for e in events.values() if "Auth" in e["Properties"]}
    assert open_paths == {"/", "/viewer/{name}"}


def test_buckets_block_public_access_encrypt_and_refuse_plain_http(template: dict[str, Any]) -> None:
    buckets = _of_type(template, "AWS::S3::Bucket")
    assert set(buckets) == {"InputBucket", "ResultsBucket", "AccessLogsBucket"}
    policies = {
        spec["Properties"]["Bucket"]["Ref"]: spec for spec in _of_type(template, "AWS::S3::BucketPolicy").values()
    }
    for name, bucket in buckets.items():
        properties = bucket["Properties"]
        assert all(properties["PublicAccessBlockConfiguration"].values())
        assert properties["BucketEncryption"]["ServerSideEncryptionConfiguration"]
        statement = policies[name]["Properties"]["PolicyDocument"]["Statement"][0]
        assert statement["Effect"] == "Deny"
        assert statement["Condition"] == {"Bool": {"aws:SecureTransport": "false"}}


def _statements(resources: dict[str, Any], role: str) -> list[dict[str, Any]]:
    return resources[role]["Properties"]["Policies"][0]["PolicyDocument"]["Statement"]


def test_audit_checklist_access_logs_reserved_concurrency_and_narrow_writes(template: dict[str, Any]) -> None:
    resources = template["Resources"]
    for bucket in ("InputBucket", "ResultsBucket"):
        logging = resources[bucket]["Properties"]["LoggingConfiguration"]
        assert logging["DestinationBucketName"] == {"Ref": "AccessLogsBucket"}
    assert resources["Api"]["Properties"]["AccessLogSetting"]["DestinationArn"] == {"GetAtt": "ApiAccessLogGroup.Arn"}
    reservations = (("ApiFunction", "ApiReservedConcurrency"), ("BatchFunction", "BatchReservedConcurrency"))
    for function, parameter in reservations:
        assert template["Parameters"][parameter]["Default"] == -1  # no reservation unless asked for
        reserved = resources[function]["Properties"]["ReservedConcurrentExecutions"]["If"]
        assert reserved[1] == {"Ref": parameter} and reserved[2] == {"Ref": "AWS::NoValue"}
    api = {s["Sid"]: s for s in _statements(resources, "ApiExecutionRole")}
    assert api["WriteArticles"]["Condition"] == {"ForAllValues:StringLike": {"dynamodb:LeadingKeys": ["ART#*"]}}
    assert not {"dynamodb:PutItem", "dynamodb:DeleteItem", "dynamodb:BatchWriteItem"} & set(api["Read"]["Action"])
    batch = {s["Sid"]: s for s in _statements(resources, "BatchExecutionRole")}
    assert batch["SeeMissingInputFiles"]["Condition"] == {"StringLikeIfExists": {"s3:prefix": ["incoming/*"]}}
    assert batch["ListResults"]["Condition"] == {"StringLike": {"s3:prefix": ["results/*"]}}
    assert batch["WriteResults"]["Resource"] == {"Sub": "${ResultsBucket.Arn}/results/*"}


def test_only_incoming_prefix_notifies_and_results_live_in_another_bucket(template: dict[str, Any]) -> None:
    resources = template["Resources"]
    (notification,) = resources["InputBucket"]["Properties"]["NotificationConfiguration"]["QueueConfigurations"]
    assert notification["Filter"]["S3Key"]["Rules"] == [{"Name": "prefix", "Value": "incoming/"}]
    assert "NotificationConfiguration" not in resources["ResultsBucket"]["Properties"]
    batch = resources["BatchFunction"]["Properties"]["Environment"]["Variables"]
    assert batch["RESULTS_BUCKET"] == {"Ref": "ResultsBucket"}


def test_queues_are_encrypted_and_dead_letter_after_three_receives(template: dict[str, Any]) -> None:
    queues = _of_type(template, "AWS::SQS::Queue")
    assert all(queue["Properties"]["SqsManagedSseEnabled"] for queue in queues.values())
    for name in ("InputQueue", "ChunkQueue"):
        assert queues[name]["Properties"]["RedrivePolicy"]["maxReceiveCount"] == 3


def test_batch_reports_item_failures_from_both_queues(template: dict[str, Any]) -> None:
    events = template["Resources"]["BatchFunction"]["Properties"]["Events"]
    assert {event["Properties"]["Queue"]["GetAtt"] for event in events.values()} == {
        "InputQueue.Arn",
        "ChunkQueue.Arn",
    }
    assert all(event["Properties"]["FunctionResponseTypes"] == ["ReportBatchItemFailures"] for event in events.values())


def test_table_matches_the_single_table_design(template: dict[str, Any]) -> None:
    table = template["Resources"]["Table"]["Properties"]
    assert table["BillingMode"] == "PAY_PER_REQUEST"
    assert table["PointInTimeRecoverySpecification"] == {"PointInTimeRecoveryEnabled": True}
    assert table["SSESpecification"] == {"SSEEnabled": True}
    assert table["TimeToLiveSpecification"]["AttributeName"] == "expires_at"
    assert [key["AttributeName"] for key in table["KeySchema"]] == ["pk", "sk"]
    assert [index["IndexName"] for index in table["GlobalSecondaryIndexes"]] == ["gsi1"]


def test_each_function_runs_under_its_own_role_without_managed_policies(template: dict[str, Any]) -> None:
    # Without Role, SAM generates one with AWS managed policies (logs and X-Ray on "*"); security/cfn_rules E9101
    # checks every statement of these roles.
    roles = _of_type(template, "AWS::IAM::Role")
    functions = _of_type(template, "AWS::Serverless::Function")
    used = [function["Properties"]["Role"]["GetAtt"] for function in functions.values()]
    assert sorted(used) == sorted(f"{name}.Arn" for name in roles) and len(set(used)) == len(functions)
    assert not any("Policies" in function["Properties"] for function in functions.values())
    assert not any("ManagedPolicyArns" in role["Properties"] for role in roles.values())


def test_each_function_logs_to_its_own_log_group_with_retention_from_a_parameter(template: dict[str, Any]) -> None:
    groups = _of_type(template, "AWS::Logs::LogGroup")
    functions = _of_type(template, "AWS::Serverless::Function").values()
    used = [function["Properties"]["LoggingConfig"]["LogGroup"]["Ref"] for function in functions]
    assert sorted([*used, "ApiAccessLogGroup"]) == sorted(groups)  # and the API stage's access log
    assert all(group["Properties"]["RetentionInDays"] == {"Ref": "LogRetentionDays"} for group in groups.values())


def test_memory_is_one_vcpu_and_the_batch_accepts_what_that_memory_holds(template: dict[str, Any]) -> None:
    # 1,769 MB is one full vCPU (spaCy parses on one thread); the engine's parse of 1,000,000 characters peaked at
    # 506 MB (template.yaml's comment on the memory parameters).
    parameters = template["Parameters"]
    resources = template["Resources"]
    for function, parameter in (("ApiFunction", "ApiMemorySize"), ("BatchFunction", "BatchMemorySize")):
        assert resources[function]["Properties"]["MemorySize"] == {"Ref": parameter}
        assert parameters[parameter]["Default"] == 1769
    batch = resources["BatchFunction"]["Properties"]["Environment"]["Variables"]
    assert batch["FACTEXTRACT_MAX_CHARS"] == {"Ref": "BatchMaxTextChars"}
    assert parameters["BatchMaxTextChars"]["Default"] <= 1_000_000
