"""The template security lint (security/cfnlint.yaml): clean on template.yaml, and each project rule catches
the gap it exists for when that gap is put into a copy of the template. Offline: cfn-lint needs no account."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from cfnlint.api import ManualArgs, lint

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
    (
        "a wildcard action on every resource",
        "      Policies:\n        - DynamoDBCrudPolicy:\n            TableName: !Ref Table\n",
        "      Policies:\n        - DynamoDBCrudPolicy:\n            TableName: !Ref Table\n"
        '        - Statement:\n            - {Effect: Allow, Action: "dynamodb:*", Resource: "*"}\n',
        "E9101",
    ),
    ("a managed policy", "      Policies:\n", "      Policies:\n        - AmazonS3FullAccess\n", "E9101"),
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
