"""Hostile inputs are built in the tests; this bounds how long one may take (far above the fixed cost)."""

from __future__ import annotations

import signal
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def finishes_within(seconds: float) -> Iterator[None]:
    """Fail the test, rather than hang it, when the block runs past ``seconds`` (a backtracking regex)."""

    def _late(signum: int, frame: object) -> None:
        raise TimeoutError(f"still running after {seconds} s: cost grows faster than the input")

    previous = signal.signal(signal.SIGALRM, _late)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
