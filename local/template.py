"""Reads what the local run needs from template.yaml: the API routes and the table's key schema.

So local and deployed routing and keys agree, they come from the one template rather than a second copy.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
TEMPLATE = ROOT / "template.yaml"


class _CloudFormationLoader(yaml.SafeLoader):
    """SafeLoader that keeps CloudFormation's short tags (!Ref, !Sub, !GetAtt, ...) as plain values."""


def _tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Any:
    if isinstance(node, yaml.ScalarNode):
        return {suffix: loader.construct_scalar(node)}
    if isinstance(node, yaml.SequenceNode):
        return {suffix: loader.construct_sequence(node, deep=True)}
    return {suffix: loader.construct_mapping(node, deep=True)}


_CloudFormationLoader.add_multi_constructor("!", _tag)


@dataclass(frozen=True)
class Route:
    method: str  # upper case, or ANY
    path: str  # as API Gateway writes it: /v1/extractions/{id}
    handler: str  # module.function inside the function's CodeUri, e.g. api.app.lambda_handler
    code_uri: str

    @property
    def pattern(self) -> re.Pattern[str]:
        regex = re.sub(r"\\\{(\w+)\\\+\\\}", r"(?P<\1>.+)", re.escape(self.path))
        regex = re.sub(r"\\\{(\w+)\\\}", r"(?P<\1>[^/]+)", regex)
        return re.compile(f"^{regex}$")

    def match(self, method: str, path: str) -> dict[str, str] | None:
        if self.method not in {"ANY", method.upper()}:
            return None
        found = self.pattern.match(path)
        return found.groupdict() if found else None


def load_template(path: Path = TEMPLATE) -> dict[str, Any] | None:
    if not path.is_file():
        return None
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_CloudFormationLoader)


def api_routes(template: dict[str, Any]) -> list[Route]:
    """Every Api event of every serverless function, with the handler that serves it."""
    globals_ = template.get("Globals", {}).get("Function", {})
    routes: list[Route] = []
    for resource in template.get("Resources", {}).values():
        if resource.get("Type") != "AWS::Serverless::Function":
            continue
        properties = resource.get("Properties", {})
        handler = properties.get("Handler", globals_.get("Handler"))
        code_uri = properties.get("CodeUri", globals_.get("CodeUri", "."))
        for event in (properties.get("Events") or {}).values():
            if event.get("Type") != "Api":
                continue
            spec = event.get("Properties", {})
            routes.append(Route(spec["Method"].upper(), spec["Path"], handler, str(code_uri)))
    # Literal paths before templated ones, as API Gateway prefers the most specific match.
    return sorted(routes, key=lambda route: (route.path.count("{"), -len(route.path)))


def table_definition(template: dict[str, Any]) -> dict[str, Any] | None:
    """The create_table arguments of the template's DynamoDB table (keys and indexes only)."""
    for resource in template.get("Resources", {}).values():
        if resource.get("Type") != "AWS::DynamoDB::Table":
            continue
        properties = resource["Properties"]
        definition: dict[str, Any] = {
            "AttributeDefinitions": properties["AttributeDefinitions"],
            "KeySchema": properties["KeySchema"],
            "BillingMode": "PAY_PER_REQUEST",
        }
        indexes = [
            {"IndexName": index["IndexName"], "KeySchema": index["KeySchema"], "Projection": index["Projection"]}
            for index in properties.get("GlobalSecondaryIndexes", [])
        ]
        if indexes:
            definition["GlobalSecondaryIndexes"] = indexes
        return definition
    return None
