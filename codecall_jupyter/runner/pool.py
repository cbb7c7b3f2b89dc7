"""Warm pools of sandboxed kernels: a run takes a started kernel and never gives it back;
the pool starts a replacement in the background."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable

from .kernels import SandboxedKernel

log = logging.getLogger(__name__)


class KernelPool:
    def __init__(self, kind: str, size: int, make: Callable[[str], SandboxedKernel]) -> None:
        self.kind = kind
        self.size = size
        self._make = make
        self._ready: asyncio.Queue[SandboxedKernel] = asyncio.Queue()
        self._starting = 0
        self._tasks: set[asyncio.Task[None]] = set()
        self._closed = False
        self.started = 0
        self.failures = 0
        self.last_error: str | None = None

    @property
    def warm(self) -> int:
        return self._ready.qsize()

    def fill(self) -> None:
        """Start kernels until warm plus starting reaches the pool's size."""
        while not self._closed and self.warm + self._starting < self.size:
            self._starting += 1
            task = asyncio.create_task(self._start_one(), name=f"codecall-pool-{self.kind}")
            self._tasks.add(task)
            task.add_done_callback(self._tasks.discard)

    async def _start_one(self) -> None:
        kernel = self._make(self.kind)
        try:
            await kernel.start()
        except Exception as e:
            self.failures += 1
            self.last_error = f"{type(e).__name__}: {e}"
            log.warning("CodeCall runner: a %s kernel failed to start: %s", self.kind, e)
            self._starting -= 1
            # Back off rather than spin when kernels cannot start at all.
            await asyncio.sleep(min(30.0, 0.5 * 2 ** min(self.failures, 6)))
            self.fill()
            return
        self._starting -= 1
        self.started += 1
        self.failures = 0
        if self._closed:
            await kernel.dispose()
        else:
            self._ready.put_nowait(kernel)

    async def take(self) -> SandboxedKernel:
        """A warm kernel if there is one, else one started now. Never used twice. The
        caller calls ``fill`` once its run is over, so that starting the replacement
        does not compete with the run for the CPU."""
        try:
            kernel = self._ready.get_nowait()
        except asyncio.QueueEmpty:
            kernel = None
        if kernel is not None and await kernel.is_alive():
            return kernel
        if kernel is not None:
            await kernel.dispose()
        kernel = self._make(self.kind)
        await kernel.start()
        self.started += 1
        return kernel

    async def close(self) -> None:
        self._closed = True
        for task in list(self._tasks):
            task.cancel()
        for task in list(self._tasks):
            with contextlib.suppress(BaseException):
                await task
        while not self._ready.empty():
            await self._ready.get_nowait().dispose()
