"""Where a program's output goes: streamed to Jupyter as it arrives, or captured.

Both count every byte the program wrote (``total``) and keep the first and last bytes of
stderr, where runtimes announce running out of memory.
"""

from __future__ import annotations

import codecs
import time
from collections.abc import Callable

from .protocol import TRUNCATED

TAIL = 4096
STREAMS = ("stdout", "stderr")


class _Counting:
    def __init__(self) -> None:
        self.total = dict.fromkeys(STREAMS, 0)
        self.head = b""
        self._tail = b""

    @property
    def tail(self) -> bytes:
        """The first and the last bytes of stderr (an error, then maybe a stack trace)."""
        return self.head + b"\n" + self._tail

    def _count(self, name: str, data: bytes) -> None:
        self.total[name] += len(data)
        if name == "stderr":
            if len(self.head) < TAIL:
                self.head += data[: TAIL - len(self.head)]
            self._tail = (self._tail + data)[-TAIL:]


class StreamSink(_Counting):
    """Jupyter ``stream`` messages, per stream in order: at most one batch per ``interval``,
    each a ``gather`` after its first bytes (so a line written in pieces goes out whole),
    or whenever ``chunk`` bytes wait. stdout and stderr share a cap of
    ``cap`` forwarded bytes; past it, one marker line goes out on the stream that crossed
    it, and the rest is counted and dropped (the program is not stopped for it)."""

    def __init__(
        self,
        publish: Callable[[str, str], None],
        cap: int,
        interval: float = 0.05,
        gather: float = 0.005,
        chunk: int = 64 * 1024,
    ) -> None:
        super().__init__()
        self.publish = publish
        self.cap = cap
        self.interval = interval
        self.gather = gather
        self.since = 0.0  # when the oldest waiting bytes arrived
        self.chunk = chunk
        self.forwarded = 0
        self.truncated = False
        self.last = 0.0
        self.pending = {name: bytearray() for name in STREAMS}
        self.decoders = {name: codecs.getincrementaldecoder("utf-8")("replace") for name in STREAMS}

    def feed(self, name: str, data: bytes) -> None:
        self._count(name, data)
        if self.truncated:
            return
        if not any(self.pending.values()):
            self.since = time.monotonic()
        room = self.cap - self.forwarded
        self.pending[name] += data[:room]
        self.forwarded += min(room, len(data))
        if len(data) > room:
            self.truncated = True
            self._flush_all(final=True)
            self.publish(name, TRUNCATED.format(self.cap))
        elif len(self.pending[name]) >= self.chunk:
            self._flush(name)

    def tick(self, now: float) -> float | None:
        """Flush when due; seconds until the next flush is due, None if nothing waits."""
        if not any(self.pending.values()):
            return None
        wait = max(self.last + self.interval, self.since + self.gather) - now
        if wait > 0:
            return wait
        self._flush_all()
        return None

    def close(self) -> None:
        self._flush_all(final=True)

    def _flush_all(self, final: bool = False) -> None:
        for name in STREAMS:
            self._flush(name, final)

    def _flush(self, name: str, final: bool = False) -> None:
        data = bytes(self.pending[name])
        self.pending[name].clear()
        text = self.decoders[name].decode(data, final)
        if text:
            self.publish(name, text)
            self.last = time.monotonic()


class CaptureSink(_Counting):
    """Keeps the first ``caps[name]`` bytes of each stream."""

    def __init__(self, caps: dict[str, int]) -> None:
        super().__init__()
        self.caps = caps
        self.data = {name: bytearray() for name in STREAMS}

    def feed(self, name: str, data: bytes) -> None:
        self._count(name, data)
        kept = self.data[name]
        room = self.caps[name] - len(kept)
        if room > 0:
            kept += data[:room]

    def tick(self, now: float) -> float | None:
        return None

    def close(self) -> None:
        pass

    def overflowed(self, name: str) -> bool:
        return self.total[name] > self.caps[name]

    def text(self, name: str) -> str:
        text = self.data[name].decode("utf-8", "replace")
        return text + TRUNCATED.format(self.caps[name]) if self.overflowed(name) else text
