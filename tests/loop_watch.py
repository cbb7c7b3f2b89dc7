"""How long the event loop stalled while something ran: a test's view of "the loop
went on meanwhile"."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator


class Stalls:
    longest = 0.0  # seconds: the longest tick over the 10 ms the ticker asked for


@contextlib.asynccontextmanager
async def loop_stalls() -> AsyncIterator[Stalls]:
    """``async with loop_stalls() as stalls:`` ... ``stalls.longest``."""
    stalls = Stalls()

    async def ticker() -> None:
        loop = asyncio.get_running_loop()
        while True:
            before = loop.time()
            await asyncio.sleep(0.01)
            stalls.longest = max(stalls.longest, loop.time() - before - 0.01)

    ticking = asyncio.create_task(ticker())
    try:
        yield stalls
    finally:
        ticking.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await ticking
