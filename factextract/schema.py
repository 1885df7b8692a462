"""The published JSON Schema of Extraction, generated from the pydantic models."""

from __future__ import annotations

from pathlib import Path

from factextract.models import Extraction

SCHEMA_PATH = Path(__file__).resolve().parent.parent / "schema" / "extraction.schema.json"


def extraction_schema() -> dict:
    schema = Extraction.model_json_schema(mode="serialization")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return schema
