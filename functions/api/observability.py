"""Logger, Tracer and Metrics of the API, created once per process and imported where needed.

Service name, log level and metrics namespace come from POWERTOOLS_* variables that template.yaml sets.
"""

from __future__ import annotations

import os
import warnings

from aws_lambda_powertools import Logger, Metrics, Tracer

logger = Logger()
tracer = Tracer()
metrics = Metrics(namespace=os.environ.get("POWERTOOLS_METRICS_NAMESPACE", "factextract"))

# Only writes record metrics; Powertools would warn on every read that flushes none.
warnings.filterwarnings("ignore", message="No application metrics to publish", category=UserWarning)
