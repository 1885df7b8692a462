"""cfn-lint rules for the security promises of template.yaml (issue 4), run offline by `make security` and the tests.

cfn-lint validates SAM resources as written (it no longer expands the SAM transform), so these rules read the
AWS::Serverless::* resources, with Globals merged in, directly. The roles SAM would generate are therefore out of
sight: E9101 requires every function to name a role of the template instead, and checks every IAM statement of the
template; run on SAM's output (tests/reliability/test_template_security.py does), it also reads any role SAM adds.
Loaded with `--append-rules security/cfn_rules` (security/cfnlint.yaml does that); each rule names its promise.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, ClassVar

from cfnlint.rules import CloudFormationLintRule, RuleMatch

# The one exception to "every statement names one resource of this stack": X-Ray's write actions support no
# resource-level permissions, so IAM accepts only Resource "*" for them, and Tracing: Active needs them. The exception
# is these two actions, alone in their statement, never a resource type or a whole role.
XRAY_WRITE_ACTIONS = frozenset({"xray:PutTraceSegments", "xray:PutTelemetryRecords"})
# SAM resources that generate an execution role (with AWS managed policies attached) unless given Role.
ROLE_GENERATING_TYPES = ("AWS::Serverless::Function", "AWS::Serverless::StateMachine")
# Resources carrying IAM policy documents, and where their documents sit.
POLICY_HOLDERS = {
    "AWS::IAM::Role": "Policies",
    "AWS::IAM::Policy": None,
    "AWS::IAM::ManagedPolicy": None,
    "AWS::IAM::RolePolicy": None,
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
    shortdesc = "IAM: explicit roles only, no managed policies, no wildcard actions, each statement on one resource"
    description = (
        "Functions use a role of this template (so SAM generates none with its managed policies); roles attach no "
        "managed policy and only AWS services may assume them; every Allow statement of every role and policy "
        "names its actions (no '*') and refers to "
        "exactly one resource of the template, except the X-Ray write actions, which IAM only grants on '*'."
    )
    source_url = "https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege"
    tags: ClassVar[list[str]] = ["security", "iam"]

    def match(self, cfn: Any) -> list[RuleMatch]:
        matches: list[RuleMatch] = []
        roles = {name for name, _ in _resources(cfn, "AWS::IAM::Role")}
        for kind in ROLE_GENERATING_TYPES:
            for name, properties in _resources(cfn, kind):
                path = ["Resources", name, "Properties"]
                matches.extend(RuleMatch(path, problem) for problem in self._role_problems(properties, roles))
        for kind in POLICY_HOLDERS:
            for name, properties in _resources(cfn, kind):
                path = ["Resources", name, "Properties"]
                if properties.get("ManagedPolicyArns"):
                    message = f"{name} attaches managed policies: write named statements instead"
                    matches.append(RuleMatch([*path, "ManagedPolicyArns"], message))
                for statement in _statements(kind, properties):
                    matches.extend(RuleMatch(path, f"{name}: {problem}") for problem in statement_problems(statement))
        for name, properties in _resources(cfn, "AWS::IAM::Role"):
            path = ["Resources", name, "Properties", "AssumeRolePolicyDocument"]
            trust = (properties.get("AssumeRolePolicyDocument") or {}).get("Statement") or []
            for statement in trust if isinstance(trust, list) else [trust]:
                principal = statement.get("Principal") if isinstance(statement, dict) else None
                allows = not isinstance(statement, dict) or statement.get("Effect") == "Allow"
                if allows and not (isinstance(principal, dict) and set(principal) == {"Service"}):
                    matches.append(RuleMatch(path, f"{name} may be assumed by {principal!r}: only AWS services"))
        return matches

    @staticmethod
    def _role_problems(properties: dict[str, Any], roles: set[str]) -> Iterator[str]:
        role = _references(properties.get("Role"))
        if not properties.get("Role"):
            yield "no Role: SAM would generate one with AWS managed policies (logs and X-Ray on '*', ...)"
        elif len(role) != 1 or not role <= roles:
            yield "Role must be an AWS::IAM::Role of this template, where its statements are checked"
        if properties.get("Policies"):
            yield "Policies: SAM ignores them beside Role (grant them in the role instead)"


def _statements(kind: str, properties: dict[str, Any]) -> Iterator[Any]:
    """Every statement of the resource's policy documents; None for a policy whose statements cannot be read,
    so it is reported rather than skipped."""
    key = POLICY_HOLDERS[kind]
    policies = properties.get(key) or [] if key else [properties]
    for policy in policies if isinstance(policies, list) else [policies]:
        document = policy.get("PolicyDocument") if isinstance(policy, dict) else None
        statements = document.get("Statement") if isinstance(document, dict) else None
        if not statements:
            yield None
            continue
        yield from statements if isinstance(statements, list) else [statements]


def statement_problems(statement: Any) -> Iterator[str]:
    """What makes one IAM statement broader than "named actions on one resource of this stack"."""
    if not isinstance(statement, dict):
        yield "unrecognized statement"
        return
    if statement.get("Effect") != "Allow":
        return
    if "NotAction" in statement or "NotResource" in statement:
        yield "NotAction/NotResource grant everything else"
        return
    actions = statement.get("Action")
    actions = actions if isinstance(actions, list) else [actions]
    for action in actions:
        if not isinstance(action, str) or "*" in action or "?" in action:
            yield f"wildcard or unnamed action {action!r}"
    resources = statement.get("Resource")
    if resources == "*" or resources == ["*"]:
        if not set(actions) <= XRAY_WRITE_ACTIONS:
            yield f"Resource '*' for {sorted(map(str, actions))} (only {sorted(XRAY_WRITE_ACTIONS)} may have it)"
        return
    referenced = _references(resources)
    if len(referenced) != 1:
        yield f"statement must refer to exactly one resource of the template, refers to {sorted(referenced)}"
    for text in _sub_texts(resources):
        if any(not text[:index].endswith(("/", ":")) for index, char in enumerate(text) if char == "*"):
            yield f"wildcard inside a name in {text!r}: only whole path segments (/*) stay within one resource"


def _sub_texts(value: Any) -> Iterator[str]:
    """The strings of Fn::Sub expressions and literal strings in a Resource value."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, list):
        for inner in value:
            yield from _sub_texts(inner)
    elif isinstance(value, dict) and "Fn::Sub" in value:
        inner = value["Fn::Sub"]
        yield str(inner[0] if isinstance(inner, list) else inner)


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
