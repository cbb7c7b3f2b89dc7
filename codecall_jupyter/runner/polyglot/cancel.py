"""Interrupts as an event the wait loops can select on.

ipykernel turns an interrupt_request into SIGINT for its own process. Raising
KeyboardInterrupt at an arbitrary point (mid-publish, mid-spawn) would leave a program
running or a message half sent; instead, while a request runs, SIGINT sets a flag and
makes a pipe readable, and the loops stop their program at a point of their choosing.
"""

from __future__ import annotations

import contextlib
import os
import signal
import threading
from collections.abc import Iterator
from types import FrameType
from typing import Protocol


class Stop(Protocol):
    """What the wait loops select on to learn of a cancel: this module's ``Cancel``, or
    the run server's socket (runserver.py)."""

    requested: bool

    def fileno(self) -> int: ...


class Cancel:
    def __init__(self) -> None:
        self._r, self._w = os.pipe()
        os.set_blocking(self._r, False)
        os.set_blocking(self._w, False)
        self.requested = False

    def fileno(self) -> int:
        return self._r

    def trigger(self, signum: int = 0, frame: FrameType | None = None) -> None:
        self.requested = True
        with contextlib.suppress(BlockingIOError):
            os.write(self._w, b"!")

    def reset(self) -> None:
        self.requested = False
        with contextlib.suppress(BlockingIOError):
            while os.read(self._r, 4096):
                pass

    @contextlib.contextmanager
    def on_sigint(self) -> Iterator[None]:
        """SIGINT triggers this instead of raising KeyboardInterrupt. Only the main thread
        may set signal handlers (a request on a subshell thread is not interruptible)."""
        self.reset()
        if threading.current_thread() is not threading.main_thread():
            yield
            return
        previous = signal.signal(signal.SIGINT, self.trigger)
        try:
            yield
        finally:
            signal.signal(signal.SIGINT, previous)
