"""The one token bucket behind every throttle."""

import pytest

from codecall_jupyter.services.ratelimit import Rate, TokenBucketLimiter

pytestmark = pytest.mark.sqlite_only


class Clock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self):
        return self.now


@pytest.mark.parametrize(
    ("text", "count", "period"),
    [("120/minute", 120, 60), ("5/15minutes", 5, 900), ("10/hour", 10, 3600), ("1/second", 1, 1)],
)
def test_rates_parse(text, count, period):
    assert Rate.parse(text) == Rate(count, period)


@pytest.mark.parametrize("text", ["", "5", "0/minute", "five/minute", "5/fortnight"])
def test_bad_rates_are_refused(text):
    with pytest.raises(ValueError, match="rate"):
        Rate.parse(text)


def test_burst_then_wait():
    clock = Clock()
    limiter = TokenBucketLimiter(Rate(3, 60), clock=clock)
    assert [limiter.hit("k") for _ in range(3)] == [0, 0, 0]
    wait = limiter.hit("k")
    assert wait == 20  # one token every 20 s
    clock.now += 19
    assert limiter.hit("k") == 1
    clock.now += 1
    assert limiter.hit("k") == 0
    assert limiter.hit("other") == 0  # keys are independent


def test_reset_and_retry_after():
    clock = Clock()
    limiter = TokenBucketLimiter(Rate(1, 10), clock=clock)
    assert limiter.retry_after("k") == 0
    limiter.hit("k")
    assert limiter.retry_after("k") == 10
    limiter.reset("k")
    assert limiter.retry_after("k") == 0


def test_memory_is_bounded():
    limiter = TokenBucketLimiter(Rate(5, 60), clock=Clock(), max_keys=100)
    for i in range(1000):
        limiter.hit(f"address-{i}")
    assert len(limiter._buckets) <= 100
