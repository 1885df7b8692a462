"""Dollars per 1,000 articles on Lambda arm64 and DynamoDB on-demand, from this run's figures.

Prices: us-east-1 as published by AWS in 2025 (aws.amazon.com/lambda/pricing, /dynamodb/pricing/on-demand).
Compute is billed per GB-second of configured memory; below 1,769 MB a function gets that share of one
vCPU, so single-threaded work takes proportionally longer and costs the same: the figures assume 1,769 MB
(one full vCPU, which this run's one core stands in for) unless the template says otherwise.
"""

from __future__ import annotations

from devtools.bench.table import Row, Table

LAMBDA_ARM_GB_SECOND = 0.0000133334
LAMBDA_PER_REQUEST = 0.20 / 1_000_000
DYNAMODB_PER_WRITE_UNIT = 0.625 / 1_000_000
DYNAMODB_PER_READ_UNIT = 0.125 / 1_000_000
FULL_VCPU_MB = 1769
ARTICLES = 1000


def _find(table: Table, section_start: str, measure: str) -> Row | None:
    return next((r for r in table.rows if r.section.startswith(section_start) and r.measure == measure), None)


def _memory_mb(function: str) -> tuple[int, str]:
    try:
        from local.template import load_template
    except ImportError:
        return FULL_VCPU_MB, "assumed"
    template = load_template() or {}
    parameters = template.get("Parameters", {})

    def resolved(size: object) -> object:
        """A MemorySize given as a parameter ({"Ref": name}) is that parameter's default."""
        if isinstance(size, dict) and "Ref" in size:
            return parameters.get(size["Ref"], {}).get("Default")
        return size

    default = resolved(template.get("Globals", {}).get("Function", {}).get("MemorySize"))
    for name, resource in template.get("Resources", {}).items():
        if resource.get("Type") == "AWS::Serverless::Function" and function in name.lower():
            size = resolved(resource.get("Properties", {}).get("MemorySize", default))
            if isinstance(size, int):
                return size, f"template {name}"
    return (default, "template Globals") if isinstance(default, int) else (FULL_VCPU_MB, "assumed")


def _compute(seconds: float, memory_mb: int) -> float:
    # Below one full vCPU the same work runs slower in proportion: GB-seconds stay the same.
    effective = seconds * max(1.0, FULL_VCPU_MB / memory_mb)
    return ARTICLES * effective * memory_mb / 1024 * LAMBDA_ARM_GB_SECOND


def estimate(table: Table) -> None:
    section = "cost per 1,000 articles (USD, us-east-1 2025 prices)"
    api = _find(table, "warm POST", "1,000 words p50")
    writes = _find(table, "warm POST", "DynamoDB write units per new article")
    reads = _find(table, "warm POST", "DynamoDB read units per new article")
    if api and api.value and writes and reads:
        memory, source = _memory_mb("api")
        compute = _compute(api.value, memory)
        floor = _compute(api.baseline or api.value, memory)
        dynamo = ARTICLES * (writes.value * DYNAMODB_PER_WRITE_UNIT + reads.value * DYNAMODB_PER_READ_UNIT)
        requests = ARTICLES * LAMBDA_PER_REQUEST
        table.add(section, "API: Lambda compute, 1,000-word articles", compute, "USD", floor, "bare nlp compute",
                  note=f"{api.value:.3f} s each at {memory} MB ({source})")
        table.add(section, "API: Lambda requests", requests, "USD")
        table.add(section, "API: DynamoDB writes and reads", dynamo, "USD",
                  note=f"{writes.value:.1f} WRU + {reads.value:.1f} RRU per article")
        table.add(section, "API: total", compute + requests + dynamo, "USD", floor, "bare nlp compute",
                  note="API Gateway and storage not included")
    batch = _find(table, "batch handler", "seconds per article")
    batch_writes = _find(table, "batch handler", "DynamoDB write units per article")
    if batch and batch.value and batch_writes:
        memory, source = _memory_mb("batch")
        compute = _compute(batch.value, memory)
        floor = _compute(batch.baseline or batch.value, memory)
        dynamo = ARTICLES * batch_writes.value * DYNAMODB_PER_WRITE_UNIT
        table.add(section, "batch: Lambda compute", compute, "USD", floor, "bare nlp compute",
                  note=f"{batch.value:.3f} s per article at {memory} MB ({source})")
        table.add(section, "batch: DynamoDB writes", dynamo, "USD", note=f"{batch_writes.value:.1f} WRU per article")
        table.add(section, "batch: total", compute + dynamo, "USD", floor, "bare nlp compute",
                  note="requests: one per chunk message, negligible; S3 and SQS not included")
