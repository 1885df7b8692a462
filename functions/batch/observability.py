"""Logger, Tracer and Metrics of the batch function, created once per process.

Service name, log level and metrics namespace come from the POWERTOOLS_* variables template.yaml sets.
"""

from __future__ import annotations

import os

from aws_lambda_powertools import Logger, Metrics, Tracer

logger = Logger()
tracer = Tracer()
metrics = Metrics(namespace=os.environ.get("POWERTOOLS_METRICS_NAMESPACE", "factextract"))
