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
        self,
        kind: str,
        size: int,
        make: Callable[[str], SandboxedKernel],
        reuses: bool = False,
        reuse_grace: float = 0.0,
    ) -> None:
        self.kind = kind
        self.size = size
        self.reuses = reuses  # kernels come back after runs (see take)
        # Seconds a run waits for a kernel in use to come back (python_kernel_wait).
        self.reuse_grace = reuse_grace
        self._make = make
        self._ready: asyncio.Queue[SandboxedKernel] = asyncio.Queue()
        self._starting = 0
        self._waiters = 0
        self._tasks: set[asyncio.Task[None]] = set()
        self._closed = False
        # Started kernels not yet retired: waiting, out on a run, or on their way from
        # the queue to a run (a Queue.get inside wait_for hands over a turn later).
        self._alive = 0
        self.started = 0
        self.reused = 0
        self.failures = 0
        self.last_error: str | None = None

    @property
    def warm(self) -> int:
        return self._ready.qsize()

    def fill(self) -> None:
        """Start kernels until warm plus starting reaches the pool's size; in a pool whose
        kernels come back, every started kernel not yet retired counts."""
        while not self._closed and self._kernels() < self.size:
            self._start_in_background()

    def _kernels(self) -> int:
        return (self._alive if self.reuses else self.warm) + self._starting

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
            self._alive += 1
            self._ready.put_nowait(kernel)

    def give_back(self, kernel: SandboxedKernel) -> bool:
        """Keep a kernel that served a run cleanly for the next one; False when the pool
        is full or closed (the caller disposes of it then, and calls ``retire``)."""
        if self._closed or (self._waiters == 0 and self.warm >= self.size):
            return False
        self._ready.put_nowait(kernel)
        return True

    async def take(self, wait: float = 30.0) -> SandboxedKernel:
        """A warm kernel if one is waiting. Else, in a pool whose kernels come back after
        runs, the first one given back; if none comes back within ``reuse_grace`` (or
        none is out on a run), one is started in the background, and the run takes
        whichever is ready first, that one or a kernel given back meanwhile, at most
        ``wait`` seconds. In other pools (and at size 0) one is started now. Unless given
        back, the caller calls ``retire`` and then ``fill`` once its run is over, so that
        starting the replacement does not compete with the run for the CPU."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + wait
        while True:
            if self.size == 0 or (not self.reuses and self._ready.empty()):
                kernel = self._make(self.kind)
                await kernel.start()
                self.started += 1
                self._alive += 1
                return kernel
            self._waiters += 1
            try:
                kernel = await self._next_ready(deadline)
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
            self._alive -= 1
            await kernel.dispose()

    async def _next_ready(self, deadline: float) -> SandboxedKernel:
        """The next kernel ready (see ``take``); TimeoutError at ``deadline``."""
        if not self._ready.empty():
            return self._ready.get_nowait()  # wait_for would yield the loop even so
        loop = asyncio.get_running_loop()
        if self._ready.empty():
            if self._alive > 0:  # none waits, so every one is out and may come back
                with contextlib.suppress(asyncio.TimeoutError):
                    grace = min(self.reuse_grace, max(0.0, deadline - loop.time()))
                    return await asyncio.wait_for(self._ready.get(), grace)
            # One coming for every run that waits (this one is among the waiters).
            if self._starting < self._waiters and not self._closed:
                self._start_in_background()
        return await asyncio.wait_for(self._ready.get(), max(0.0, deadline - loop.time()))

    def retire(self) -> None:
        """A kernel taken for a run will not come back (the caller disposes of it)."""
        self._alive = max(0, self._alive - 1)

    async def close(self) -> None:
        self._closed = True
        for task in list(self._tasks):
            task.cancel()
        for task in list(self._tasks):
            with contextlib.suppress(BaseException):
                await task
        while not self._ready.empty():
            await self._ready.get_nowait().dispose()
