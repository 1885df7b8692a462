"""The template security lint (security/cfnlint.yaml): clean on template.yaml, and each project rule catches
the gap it exists for when that gap is put into a copy of the template. Offline: cfn-lint needs no account.

cfn-lint (1.x) checks SAM resources as written and no longer runs the SAM transform, so the roles SAM would
generate are checked here by running the transform itself (aws-sam-translator) and linting what it produces."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import boto3
import pytest
import yaml
from cfnlint.api import ManualArgs, lint
from cfnlint.decode import decode_str
from samtranslator.parser.parser import Parser
from samtranslator.translator.translator import Translator

ROOT = Path(__file__).resolve().parents[2]
TEMPLATE = (ROOT / "template.yaml").read_text(encoding="utf-8")
CONFIG = yaml.safe_load((ROOT / "security" / "cfnlint.yaml").read_text(encoding="utf-8"))


def findings(template: str) -> list[tuple[str, str]]:
    rules = [rule if "/" not in rule else str(ROOT / rule) for rule in CONFIG["append_rules"]]
    config = ManualArgs(append_rules=rules, ignore_checks=CONFIG["ignore_checks"], regions=["us-east-1"])
    return [(match.rule.id, match.message) for match in lint(template, config=config)]


def test_template_passes_the_security_lint() -> None:
    assert findings(TEMPLATE) == []


# (gap, text in template.yaml, what puts the gap in, the rule that must catch it)
GAPS = [
    ("a bucket allowing public ACLs", "BlockPublicAcls: true", "BlockPublicAcls: false", "E9102"),
    (
        "a bucket without its TLS-only policy",
        'Bool: {"aws:SecureTransport": "false"}',
        'Bool: {"aws:SecureTransport": "true"}',
        "E9102",
    ),
    ("an unencrypted table", "SSEEnabled: true", "SSEEnabled: false", "E9103"),
    ("a table without PITR", "PointInTimeRecoveryEnabled: true", "PointInTimeRecoveryEnabled: false", "E9103"),
    ("an unencrypted queue", "SqsManagedSseEnabled: true", "SqsManagedSseEnabled: false", "E9103"),
    ("an API without keys", "ApiKeyRequired: true", "ApiKeyRequired: false", "E9104"),
    ("a quota fixed in the template", "Limit: !Ref ApiDailyQuota", "Limit: 1000000", "E9104"),
    (
        "a public data route",
        "Path: /v1/health, Method: get}",
        "Path: /v1/health, Method: get, Auth: {ApiKeyRequired: false}}",
        "E9104",
    ),
    ("a wildcard action", "                  - dynamodb:UpdateItem\n", "                  - dynamodb:*\n", "E9101"),
    ("an unscoped resource", "Resource: !GetAtt ApiLogGroup.Arn", 'Resource: "*"', "E9101"),
    (
        "a role attached to a managed policy",
        "  ApiExecutionRole:\n    Type: AWS::IAM::Role\n    Properties:\n",
        "  ApiExecutionRole:\n    Type: AWS::IAM::Role\n    Properties:\n"
        "      ManagedPolicyArns: [arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]\n",
        "E9101",
    ),
    (
        "a role anyone may assume",
        "            Principal: {Service: lambda.amazonaws.com}\n",
        '            Principal: {AWS: "*"}\n',
        "E9101",
    ),
    ("a function whose role SAM would generate", "      Role: !GetAtt BatchExecutionRole.Arn\n", "", "E9101"),
    (
        "another action riding on the X-Ray exception",
        "Action: [xray:PutTraceSegments, xray:PutTelemetryRecords]",
        "Action: [xray:PutTraceSegments, xray:PutTelemetryRecords, s3:GetObject]",
        "E9101",
    ),
    (
        "one statement on two resources",
        "GetQueueAttributes]\n                Resource: !GetAtt InputQueue.Arn",
        "GetQueueAttributes]\n                Resource: [!GetAtt InputQueue.Arn, !GetAtt ChunkQueue.Arn]",
        "E9101",
    ),
    ("a wildcard inside a name", '!Sub "${Table.Arn}/index/gsi1"', '!Sub "${Table.Arn}*"', "E9101"),
    (
        "a resource outside the stack",
        'Resource: !Sub "${ResultsBucket.Arn}/results/*"',
        'Resource: "arn:aws:s3:::other/*"',
        "E9101",
    ),
    (
        "Swagger on by default",
        'EnableSwagger:\n    Type: String\n    Default: "false"',
        'EnableSwagger:\n    Type: String\n    Default: "true"',
        "E9105",
    ),
]


@pytest.mark.parametrize(("gap", "secure", "insecure", "rule"), GAPS, ids=[gap[0] for gap in GAPS])
def test_security_rule_catches_the_gap_it_exists_for(gap: str, secure: str, insecure: str, rule: str) -> None:
    assert secure in TEMPLATE, f"template.yaml changed shape: update this case ({gap})"

    found = findings(TEMPLATE.replace(secure, insecure, 1))

    assert rule in {rule_id for rule_id, _ in found}, found


def sam_transform(template: str) -> dict[str, Any]:
    """The CloudFormation template the SAM transform makes of a SAM template (as `sam deploy` would), offline."""
    decoded, problems = decode_str(template)
    assert not problems, problems
    sam = json.loads(json.dumps(decoded))
    # The transform wants S3 locations where `sam build` would have uploaded the code.
    sam["Globals"]["Function"]["CodeUri"] = "s3://artifacts/functions.zip"
    sam["Resources"]["NlpLayer"]["Properties"]["ContentUri"] = "s3://artifacts/layer.zip"
    translator = Translator({}, Parser(), boto_session=boto3.session.Session(region_name="us-east-1"))
    return translator.translate(sam_template=sam, parameter_values={})


def _iam_resources(deployed: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {name: spec for name, spec in deployed["Resources"].items() if spec["Type"].startswith("AWS::IAM::")}


def test_sam_deploys_no_role_or_managed_policy_beyond_the_template_roles() -> None:
    deployed = sam_transform(TEMPLATE)

    iam = _iam_resources(deployed)
    assert set(iam) == {"ApiExecutionRole", "BatchExecutionRole"}
    assert not any(spec["Properties"].get("ManagedPolicyArns") for spec in iam.values())
    functions = [spec for spec in deployed["Resources"].values() if spec["Type"] == "AWS::Lambda::Function"]
    assert sorted(function["Properties"]["Role"]["Fn::GetAtt"][0] for function in functions) == sorted(iam)


def test_security_lint_passes_every_statement_of_the_deployed_roles() -> None:
    deployed = json.dumps(sam_transform(TEMPLATE))

    assert [finding for finding in findings(deployed) if finding[0] == "E9101"] == []


def test_security_lint_catches_the_managed_policies_of_a_role_sam_generates() -> None:
    weakened = TEMPLATE.replace("      Role: !GetAtt BatchExecutionRole.Arn\n", "", 1)
    deployed = sam_transform(weakened)
    generated = _iam_resources(deployed)["BatchFunctionRole"]["Properties"]["ManagedPolicyArns"]
    assert any(arn.endswith("policy/service-role/AWSLambdaBasicExecutionRole") for arn in generated)

    found = [message for rule, message in findings(json.dumps(deployed)) if rule == "E9101"]

    assert any(message.startswith("BatchFunctionRole attaches managed policies") for message in found), found
