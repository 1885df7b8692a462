"""The one retry policy of the functions: bounded attempts, exponential backoff with equal jitter.

Used where AWS answers "not all of it, try again" and botocore does not retry for us: DynamoDB's unprocessed
batch items and keys, transactions cancelled by a conflict on the job record, SQS entries reported failed.
Throttling itself is retried by botocore (shared.aws configures it).
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TypeVar

T = TypeVar("T")
Sleep = Callable[[float], None]

# Jitter from the OS: environments restored from one SnapStart snapshot share a seeded PRNG's state,
# and identical "random" delays would retry in lockstep.
_JITTER = random.SystemRandom()


@dataclass(frozen=True)
class Backoff:
    """At most `attempts` tries; before try n+1 (n from 0) a pause of min(cap, base * 2**n), of which a random
    half is taken off. Equal jitter rather than full jitter: pauses still spread out, but each is at least half
    its step, so the wait grows from one retry to the next (tests/functions/test_store.py checks that it does)."""

    attempts: int
    base_seconds: float = 0.05
    cap_seconds: float = 5.0

    def pause(self, retry: int) -> float:
        return min(self.cap_seconds, self.base_seconds * 2**retry) * _JITTER.uniform(0.5, 1.0)

    def tries(self, sleep: Sleep | None = None) -> Iterator[int]:
        """Try numbers 0 .. attempts-1, pausing before each after the first. The caller breaks out when done;
        a loop that runs out (its for-else) has failed every try. sleep defaults to time.sleep, looked up
        when called so a test may replace it."""
        for attempt in range(self.attempts):
            if attempt:
                (sleep or time.sleep)(self.pause(attempt - 1))
            yield attempt

    def call(self, operation: Callable[[], T], retryable: Callable[[Exception], bool], sleep: Sleep | None = None) -> T:
        """operation's result, calling it again while it raises an error retryable() accepts; the last
        try's error, or any error retryable() refuses, propagates."""
        last = self.attempts - 1
        for attempt in self.tries(sleep):
            try:
                return operation()
            except Exception as error:
                if attempt == last or not retryable(error):
                    raise
        raise ValueError(f"Backoff needs at least one attempt, not {self.attempts}")
