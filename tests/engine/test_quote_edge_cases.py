"""Every hand-written quote edge case in ../shared/eval/quotes/edge_cases.jsonl passes: quote text,
speaker (and the resolved name when the case gives one), cue and type; negative cases find nothing."""

import json
from pathlib import Path

import pytest

from devtools.evaluate.quotes import EDGE_CASES, case_failures, load_edge_cases, quotes_in

# Case ids are read at collection so each case is its own test; the data itself is read through
# the shared_eval fixture, which skips cleanly when ../shared/eval is absent.
_FILE = Path(__file__).resolve().parents[2].parent / "shared" / "eval" / EDGE_CASES
_LINES = _FILE.read_text(encoding="utf-8").splitlines() if _FILE.is_file() else []
CASE_IDS = [json.loads(line)["id"] for line in _LINES if line.strip()]


@pytest.fixture(scope="module")
def cases(shared_eval):
    return {case["id"]: case for case in load_edge_cases(shared_eval)}


@pytest.mark.parametrize("case_id", CASE_IDS or ["edge-cases-absent"])
def test_quote_edge_case(cases, case_id):
    case = cases[case_id]
    failures = case_failures(case, quotes_in(case["text"]))
    assert not failures, f"{case_id} ({case['why']}):\n" + "\n".join(failures)
