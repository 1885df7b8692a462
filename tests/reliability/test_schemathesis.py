"""Fuzzing the committed OpenAPI contract against the local server with schemathesis.

Requests are generated from openapi/openapi.json (valid and invalid bodies, paths and queries) and sent
over HTTP to the local server; each response must not be a server error and must match the document
(status code listed, content type, body schema). Bounded: a fixed number of examples per operation.
"""

from __future__ import annotations

from pathlib import Path

import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis import checks

from tests.reliability.conftest import Tally

DOCUMENT = Path(__file__).resolve().parents[2] / "openapi" / "openapi.json"
EXAMPLES_PER_OPERATION = 25
# What "zero server errors and zero schema-breaking responses" means, check by check.
CHECKS = [
    checks.not_a_server_error,
    checks.status_code_conformance,
    checks.content_type_conformance,
    checks.response_schema_conformance,
    checks.negative_data_rejection,
]

schema = schemathesis.openapi.from_path(DOCUMENT)


@schema.parametrize()
@settings(
    max_examples=EXAMPLES_PER_OPERATION,
    deadline=None,
    derandomize=True,
    suppress_health_check=list(HealthCheck),
)
def test_api_honours_its_openapi_contract(case: schemathesis.Case, local_api: tuple[str, int], tally: Tally) -> None:
    tally.add("schemathesis", fuzz_cases=1)
    case.call_and_validate(base_url=local_api[0], checks=CHECKS, timeout=60)
