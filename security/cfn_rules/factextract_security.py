"""cfn-lint rules for the security promises of template.yaml (issue 4), run offline by `make security` and the tests.

cfn-lint validates SAM resources as written (it no longer expands the SAM transform), so these rules read the
AWS::Serverless::* resources, with Globals merged in, directly. Loaded with `--append-rules security/cfn_rules`
(security/cfnlint.yaml does that); each rule names the promise it keeps.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, ClassVar

from cfnlint.rules import CloudFormationLintRule, RuleMatch

# SAM policy templates reviewed for this project: each grants a fixed list of named actions (no wildcard) on
# the one resource its single parameter names. SQSSendMessagePolicy is not here: it grants sqs:SendMessage*.
REVIEWED_POLICY_TEMPLATES = {
    "DynamoDBCrudPolicy": "TableName",
    "DynamoDBReadPolicy": "TableName",
    "S3ReadPolicy": "BucketName",
    "SQSPollerPolicy": "QueueName",
}
# Routes that carry no data and are public by design: the viewer page and its two static assets.
PUBLIC_PATHS = {"/", "/viewer/{name}"}


def _resources(cfn: Any, kind: str) -> Iterator[tuple[str, dict[str, Any]]]:
    for name, resource in (cfn.template.get("Resources") or {}).items():
        if isinstance(resource, dict) and resource.get("Type") == kind:
            yield name, resource.get("Properties") or {}


def _references(value: Any) -> set[str]:
    """Logical ids and parameters a CloudFormation value refers to (Ref, Fn::GetAtt, Fn::Sub variables)."""
    found: set[str] = set()
    if isinstance(value, dict):
        for key, inner in value.items():
            if key == "Ref" and isinstance(inner, str) and not inner.startswith("AWS::"):
                found.add(inner)
            elif key == "Fn::GetAtt":
                target = inner[0] if isinstance(inner, list) else str(inner).split(".")[0]
                found.add(target)
            elif key == "Fn::Sub":
                text = inner[0] if isinstance(inner, list) else inner
                found.update(
                    part.split("}")[0].split(".")[0]
                    for part in str(text).split("${")[1:]
                    if not part.startswith("AWS::")
                )
                if isinstance(inner, list) and len(inner) > 1:
                    found.update(_references(inner[1]))
                    found.difference_update(inner[1])
            else:
                found.update(_references(inner))
    elif isinstance(value, list):
        for inner in value:
            found.update(_references(inner))
    return found


class LeastPrivilegePolicies(CloudFormationLintRule):
    id = "E9101"
    shortdesc = "Function policies: no wildcard actions, each statement on one resource"
    description = (
        "Every policy of a serverless function is a reviewed SAM policy template scoped by one resource, or an "
        "inline statement whose actions are named (no '*') and whose Resource refers to exactly one resource."
    )
    source_url = "https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege"
    tags: ClassVar[list[str]] = ["security", "iam"]

    def match(self, cfn: Any) -> list[RuleMatch]:
        matches: list[RuleMatch] = []
        for name, properties in _resources(cfn, "AWS::Serverless::Function"):
            policies = properties.get("Policies") or []
            for index, policy in enumerate(policies if isinstance(policies, list) else [policies]):
                path = ["Resources", name, "Properties", "Policies", index]
                matches.extend(RuleMatch(path, problem) for problem in self._problems(policy))
        return matches

    def _problems(self, policy: Any) -> Iterator[str]:
        if isinstance(policy, str):
            yield f"managed policy {policy!r}: grant named actions on named resources instead"
            return
        if not isinstance(policy, dict):
            yield "unrecognized policy"
            return
        if "Statement" in policy:
            for statement in policy["Statement"]:
                yield from self._statement_problems(statement)
            return
        for template, parameters in policy.items():
            key = REVIEWED_POLICY_TEMPLATES.get(template)
            if key is None:
                yield f"policy template {template} is not reviewed (see REVIEWED_POLICY_TEMPLATES)"
            elif not isinstance(parameters, dict) or len(_references(parameters.get(key))) != 1:
                yield f"{template} must name exactly one resource through {key}"

    def _statement_problems(self, statement: dict[str, Any]) -> Iterator[str]:
        if statement.get("Effect") != "Allow":
            return
        actions = statement.get("Action")
        for action in actions if isinstance(actions, list) else [actions]:
            if not isinstance(action, str) or "*" in action:
                yield f"wildcard or unnamed action {action!r}"
        resources = statement.get("Resource")
        if resources == "*" or (isinstance(resources, list) and "*" in resources):
            yield "Resource '*'"
        elif len(_references(resources)) != 1:
            yield f"statement must refer to exactly one resource, refers to {sorted(_references(resources))}"


class PrivateTlsOnlyBuckets(CloudFormationLintRule):
    id = "E9102"
    shortdesc = "Buckets block public access, are encrypted and refuse requests without TLS"
    description = "Every bucket has all four public access blocks, default encryption and a TLS-only bucket policy."
    source_url = "https://docs.aws.amazon.com/AmazonS3/latest/userguide/security-best-practices.html"
    tags: ClassVar[list[str]] = ["security", "s3"]

    BLOCKS = ("BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls", "RestrictPublicBuckets")

    def match(self, cfn: Any) -> list[RuleMatch]:
        tls_only = {
            next(iter(_references(properties.get("Bucket"))), None)
            for _, properties in _resources(cfn, "AWS::S3::BucketPolicy")
            if any(self._denies_plain_http(statement) for statement in properties["PolicyDocument"]["Statement"])
        }
        matches: list[RuleMatch] = []
        for name, properties in _resources(cfn, "AWS::S3::Bucket"):
            path = ["Resources", name, "Properties"]
            blocks = properties.get("PublicAccessBlockConfiguration") or {}
            if not all(blocks.get(block) is True for block in self.BLOCKS):
                matches.append(RuleMatch(path, f"bucket {name} does not block all public access"))
            if not properties.get("BucketEncryption"):
                matches.append(RuleMatch(path, f"bucket {name} has no default encryption"))
            if name not in tls_only:
                matches.append(RuleMatch(path, f"bucket {name} has no policy denying aws:SecureTransport false"))
        return matches

    @staticmethod
    def _denies_plain_http(statement: dict[str, Any]) -> bool:
        condition = (statement.get("Condition") or {}).get("Bool") or {}
        resources = statement.get("Resource")
        return (
            statement.get("Effect") == "Deny"
            and str(condition.get("aws:SecureTransport")).lower() == "false"
            and isinstance(resources, list)
            and len(resources) == 2  # the bucket and its objects
        )


class EncryptedRecoverableData(CloudFormationLintRule):
    id = "E9103"
    shortdesc = "Tables are encrypted with point-in-time recovery; queues are encrypted"
    description = "DynamoDB tables enable SSE and PITR; SQS queues use SSE (SQS-managed or KMS)."
    source_url = "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/PointInTimeRecovery.html"
    tags: ClassVar[list[str]] = ["security", "dynamodb", "sqs"]

    def match(self, cfn: Any) -> list[RuleMatch]:
        matches: list[RuleMatch] = []
        for name, properties in _resources(cfn, "AWS::DynamoDB::Table"):
            path = ["Resources", name, "Properties"]
            if (properties.get("SSESpecification") or {}).get("SSEEnabled") is not True:
                matches.append(RuleMatch(path, f"table {name} does not enable SSE"))
            pitr = properties.get("PointInTimeRecoverySpecification") or {}
            if pitr.get("PointInTimeRecoveryEnabled") is not True:
                matches.append(RuleMatch(path, f"table {name} does not enable point-in-time recovery"))
        for name, properties in _resources(cfn, "AWS::SQS::Queue"):
            if properties.get("SqsManagedSseEnabled") is not True and not properties.get("KmsMasterKeyId"):
                matches.append(RuleMatch(["Resources", name, "Properties"], f"queue {name} is not encrypted"))
        return matches


class ApiKeyByDefault(CloudFormationLintRule):
    id = "E9104"
    shortdesc = "The API requires a key by default, with a usage plan throttled and capped by parameters"
    description = (
        "Every AWS::Serverless::Api requires an API key and creates a usage plan whose throttle and daily quota "
        "come from template parameters; only the public viewer paths opt out of the key."
    )
    source_url = "https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-api-usage-plans.html"
    tags: ClassVar[list[str]] = ["security", "apigateway"]

    def match(self, cfn: Any) -> list[RuleMatch]:
        matches: list[RuleMatch] = []
        parameters = set(cfn.template.get("Parameters") or {})
        for name, properties in _resources(cfn, "AWS::Serverless::Api"):
            path = ["Resources", name, "Properties", "Auth"]
            auth = properties.get("Auth") or {}
            if auth.get("ApiKeyRequired") is not True:
                matches.append(RuleMatch(path, f"API {name} does not require an API key by default"))
            plan = auth.get("UsagePlan") or {}
            throttle, quota = plan.get("Throttle") or {}, plan.get("Quota") or {}
            limits = [throttle.get("RateLimit"), throttle.get("BurstLimit"), quota.get("Limit")]
            if not all(isinstance(limit, dict) and limit.get("Ref") in parameters for limit in limits):
                matches.append(RuleMatch(path, f"API {name} needs a usage plan with throttle and quota parameters"))
            if quota.get("Period") != "DAY":
                matches.append(RuleMatch(path, f"API {name}'s usage plan quota is not daily"))
        for name, properties in _resources(cfn, "AWS::Serverless::Function"):
            for event_name, event in (properties.get("Events") or {}).items():
                spec = event.get("Properties") or {}
                opted_out = (spec.get("Auth") or {}).get("ApiKeyRequired") is False
                if event.get("Type") == "Api" and opted_out and spec.get("Path") not in PUBLIC_PATHS:
                    path = ["Resources", name, "Properties", "Events", event_name]
                    matches.append(RuleMatch(path, f"route {spec.get('Path')} is public but not a viewer path"))
        return matches


class SwaggerOffByDefault(CloudFormationLintRule):
    id = "E9105"
    shortdesc = "The Swagger UI is off unless a parameter turns it on"
    description = "ENABLE_SWAGGER, where a function sets it, comes from a parameter whose default is 'false'."
    source_url = "https://owasp.org/API-Security/editions/2023/en/0xa9-improper-inventory-management/"
    tags: ClassVar[list[str]] = ["security", "apigateway"]

    def match(self, cfn: Any) -> list[RuleMatch]:
        matches: list[RuleMatch] = []
        parameters = cfn.template.get("Parameters") or {}
        for name, properties in _resources(cfn, "AWS::Serverless::Function"):
            variables = ((properties.get("Environment") or {}).get("Variables")) or {}
            if "ENABLE_SWAGGER" not in variables:
                continue
            value = variables["ENABLE_SWAGGER"]
            parameter = value.get("Ref") if isinstance(value, dict) else None
            if parameter not in parameters or str(parameters[parameter].get("Default")).lower() != "false":
                path = ["Resources", name, "Properties", "Environment", "Variables", "ENABLE_SWAGGER"]
                matches.append(RuleMatch(path, "ENABLE_SWAGGER must come from a parameter defaulting to 'false'"))
        return matches
