"""The one retry policy: bounded tries, growing pauses, only the errors the caller names retried."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from shared.retry import Backoff


class Flaky(Exception):
    pass


def _failing(times: int, error: Exception) -> tuple[list[int], Callable[[], str]]:
    calls: list[int] = []

    def operation() -> str:
        calls.append(len(calls))
        if len(calls) <= times:
            raise error
        return "done"

    return calls, operation


def test_a_retryable_error_is_tried_again_with_growing_pauses_until_it_succeeds() -> None:
    # Given an operation that fails three times, When it is called under a five-try policy
    calls, operation = _failing(3, Flaky())
    pauses: list[float] = []
    answer = Backoff(attempts=5).call(operation, lambda error: isinstance(error, Flaky), sleep=pauses.append)
    # Then the fourth try answers, after three pauses that each at least half double the last step
    assert (answer, len(calls), len(pauses)) == ("done", 4, 3)
    assert 0.025 <= pauses[0] <= 0.05 and 0.1 <= pauses[2] <= 0.2


def test_the_last_tries_error_propagates_and_no_pause_follows_it() -> None:
    calls, operation = _failing(10, Flaky("still failing"))
    pauses: list[float] = []
    with pytest.raises(Flaky, match="still failing"):
        Backoff(attempts=3).call(operation, lambda error: True, sleep=pauses.append)
    assert (len(calls), len(pauses)) == (3, 2)


def test_an_error_the_caller_did_not_name_is_not_retried() -> None:
    calls, operation = _failing(1, KeyError("bug"))
    with pytest.raises(KeyError):
        Backoff(attempts=5).call(operation, lambda error: isinstance(error, Flaky), sleep=lambda seconds: None)
    assert len(calls) == 1


def test_pauses_stop_growing_at_the_cap() -> None:
    policy = Backoff(attempts=20, base_seconds=0.05, cap_seconds=2.0)
    assert all(1.0 <= policy.pause(retry) <= 2.0 for retry in range(6, 19))
