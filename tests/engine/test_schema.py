import json

from factextract.schema import SCHEMA_PATH, extraction_schema


def test_published_schema_matches_the_models():
    published = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    assert published == extraction_schema(), "run `make schema` and commit schema/extraction.schema.json"
