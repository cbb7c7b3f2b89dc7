"""Warm pools of sandboxed kernels: a run takes a started kernel; afterwards it gives it
back (a Python kernel whose sandbox was put back as it was) or the pool starts a
replacement in the background."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable

from .kernels import SandboxedKernel

log = logging.getLogger(__name__)


class KernelPool:
    def __init__(
        self, kind: str, size: int, make: Callable[[str], SandboxedKernel], reuses: bool = False
    ) -> None:
        self.kind = kind
        self.size = size
        self.reuses = reuses  # kernels come back after runs (see take)
        self._make = make
        self._ready: asyncio.Queue[SandboxedKernel] = asyncio.Queue()
        self._starting = 0
        self._waiters = 0
        self._tasks: set[asyncio.Task[None]] = set()
        self._closed = False
        self.started = 0
        self.reused = 0
        self.failures = 0
        self.last_error: str | None = None

    @property
    def warm(self) -> int:
        return self._ready.qsize()

    def fill(self) -> None:
        """Start kernels until warm plus starting reaches the pool's size."""
        while not self._closed and self.warm + self._starting < self.size:
            self._start_in_background()

    def _start_in_background(self) -> None:
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
        # Started for a run that a kernel given back has served meanwhile: beyond the
        # pool's size, it goes (the operator's size bounds the idle kernels).
        surplus = self.reuses and self._waiters == 0 and self.warm >= self.size
        if self._closed or surplus:
            await kernel.dispose()
        else:
            self._ready.put_nowait(kernel)

    def give_back(self, kernel: SandboxedKernel) -> bool:
        """Keep a kernel that served a run cleanly for the next one; False when the pool
        is full or closed (the caller disposes of it then)."""
        if self._closed or (self._waiters == 0 and self.warm >= self.size):
            return False
        self._ready.put_nowait(kernel)
        return True

    async def take(self, wait: float = 30.0) -> SandboxedKernel:
        """A warm kernel if one is waiting. Else, in a pool whose kernels come back after
        runs, one is started in the background and the run takes whichever is ready
        first, that one or a kernel given back meanwhile (usually, after a few ms), at
        most ``wait`` seconds; in other pools (and at size 0) one started now. Unless
        given back, the caller calls ``fill`` once its run is over, so that starting the
        replacement does not compete with the run for the CPU."""
        deadline = asyncio.get_running_loop().time() + wait
        while True:
            if self.size == 0 or (not self.reuses and self._ready.empty()):
                kernel = self._make(self.kind)
                await kernel.start()
                self.started += 1
                return kernel
            if self._ready.empty():
                self.fill()
                if self._starting <= self._waiters and not self._closed:
                    self._start_in_background()  # one coming for every run that waits
            left = deadline - asyncio.get_running_loop().time()
            self._waiters += 1
            try:
                kernel = await asyncio.wait_for(self._ready.get(), max(0.0, left))
            except asyncio.TimeoutError:
                raise RuntimeError(
                    f"no {self.kind} kernel became ready in {wait:g} s"
                    + (f" (last error: {self.last_error})" if self.last_error else "")
                ) from None
            finally:
                self._waiters -= 1
            if await kernel.is_alive():
                self.reused += kernel.runs > 0
                return kernel
            await kernel.dispose()

    async def close(self) -> None:
        self._closed = True
        for task in list(self._tasks):
            task.cancel()
        for task in list(self._tasks):
            with contextlib.suppress(BaseException):
                await task
        while not self._ready.empty():
            await self._ready.get_nowait().dispose()
