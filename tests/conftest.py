"""Fixtures shared by every test suite."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# The development data lives beside the checkout and is never copied into it.
SHARED_EVAL = ROOT.parent / "shared" / "eval"


@pytest.fixture(scope="session")
def shared_eval() -> Path:
    if not SHARED_EVAL.is_dir():
        pytest.skip(f"development data not found at {SHARED_EVAL} (../shared/eval beside the checkout)")
    return SHARED_EVAL
