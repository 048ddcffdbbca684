"""A process-wide request rate limit: a token bucket, refilled at `rate` tokens a second and holding
at most `capacity`. With capacity 1 requests start at least 1/rate seconds apart, so no one-second
window ever holds more than `rate` of them. The clock and sleep are injectable (tests use a fake clock)."""

from __future__ import annotations

import threading
import time
from typing import Callable


class TokenBucket:
    """`acquire()` blocks until a token is free and takes it."""

    def __init__(self, rate: float, capacity: float = 1.0, clock: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        self.rate, self.capacity = rate, capacity
        self.clock, self.sleep = clock, sleep
        self._tokens = capacity
        self._stamp = clock()
        self._lock = threading.Lock()

    def acquire(self) -> None:
        """Wait for a token, then take it."""
        with self._lock:
            while True:
                now = self.clock()
                self._tokens = min(self.capacity, self._tokens + (now - self._stamp) * self.rate)
                self._stamp = now
                if self._tokens >= 1.0:
                    self._tokens -= 1.0
                    return
                self.sleep((1.0 - self._tokens) / self.rate)


SEC_RATE = 8.0  # requests a second: under the SEC's 10, with room for the clock's jitter
_PROCESS_BUCKET: TokenBucket | None = None
_PROCESS_LOCK = threading.Lock()


def process_bucket() -> TokenBucket:
    """The one bucket every fetch in this process shares (two fetches in two threads still make at most
    SEC_RATE requests a second together)."""
    global _PROCESS_BUCKET
    with _PROCESS_LOCK:
        if _PROCESS_BUCKET is None:
            _PROCESS_BUCKET = TokenBucket(SEC_RATE)
        return _PROCESS_BUCKET
