"""One token bucket used for every throttle: API calls, failed logins, passwords."""

from __future__ import annotations

import math
import re
import time
from collections.abc import Callable
from dataclasses import dataclass

_UNITS = {"second": 1, "minute": 60, "hour": 3600, "day": 86400}
_RATE = re.compile(r"^\s*(\d+)\s*/\s*(\d*)\s*(second|minute|hour|day)s?\s*$")


@dataclass(frozen=True)
class Rate:
    """``count`` events per ``period`` seconds, with bursts of up to ``count``."""

    count: int
    period: float

    @classmethod
    def parse(cls, text: str) -> Rate:
        """Parse "120/minute", "5/15minutes" or "10/hour"."""
        match = _RATE.match(text)
        if not match:
            raise ValueError(f"not a rate: {text!r} (expected e.g. '120/minute' or '5/15minutes')")
        count, multiple, unit = match.groups()
        if int(count) < 1:
            raise ValueError(f"a rate needs at least one event: {text!r}")
        return cls(int(count), _UNITS[unit] * int(multiple or 1))


class TokenBucketLimiter:
    """Buckets per key, in memory. ``hit`` spends a token or says how long to wait."""

    def __init__(
        self, rate: Rate, clock: Callable[[], float] = time.monotonic, max_keys: int = 50_000
    ) -> None:
        self.rate = rate
        self._clock = clock
        self._max_keys = max_keys
        self._buckets: dict[str, tuple[float, float]] = {}

    @property
    def _per_second(self) -> float:
        return self.rate.count / self.rate.period

    def _level(self, key: str, now: float) -> float:
        tokens, stamp = self._buckets.get(key, (float(self.rate.count), now))
        return min(float(self.rate.count), tokens + (now - stamp) * self._per_second)

    def retry_after(self, key: str) -> int:
        """Seconds until one token is free; 0 when one is free now."""
        tokens = self._level(key, self._clock())
        return 0 if tokens >= 1 else math.ceil((1 - tokens) / self._per_second)

    def hit(self, key: str) -> int:
        """Spend one token. Returns 0 on success, else the seconds to wait (nothing spent)."""
        now = self._clock()
        tokens = self._level(key, now)
        if tokens < 1:
            return math.ceil((1 - tokens) / self._per_second)
        if len(self._buckets) >= self._max_keys:
            self._prune(now)
        self._buckets[key] = (tokens - 1, now)
        return 0

    def reset(self, key: str) -> None:
        self._buckets.pop(key, None)

    def _prune(self, now: float) -> None:
        # Buckets that have refilled carry no information: forget them first.
        full = [k for k in self._buckets if self._level(k, now) >= self.rate.count]
        for key in full:
            del self._buckets[key]
        while len(self._buckets) >= self._max_keys:
            self._buckets.pop(next(iter(self._buckets)))
