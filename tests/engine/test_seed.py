"""The seed article (../shared/eval/seed) passes completely: every expectation, category by category."""

import pytest

from devtools.evaluate.seed import CATEGORIES, check, load
from factextract.pipeline import extract


@pytest.fixture(scope="module")
def seed_checks(shared_eval):
    text, expected = load(shared_eval)
    return check(extract({"text": text, "published_at": expected["published_at"]}), text, expected)


@pytest.mark.parametrize("category", CATEGORIES)
def test_seed_article_meets_every_expectation(seed_checks, category):
    mine = [c for c in seed_checks if c.category == category]
    failures = [f"{c.expected} -> found {c.found}" for c in mine if not c.ok]
    assert mine, f"expected.json lists no {category}"
    assert not failures, "\n".join(failures)
