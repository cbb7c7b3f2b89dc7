"""One session's live connections, its event sequence and the replay buffer."""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import secrets
from collections import deque
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

from .protocol import CLOSE_TOO_SLOW

log = logging.getLogger(__name__)


@dataclass
class Member:
    """Who is behind a connection, as of the last look at the roster."""

    user_id: int
    username: str
    display_name: str
    color: str
    state: str  # waiting | admitted | host (the host is always in)
    role: str | None

    @property
    def inside(self) -> bool:
        return self.state in ("admitted", "host")

    def public(self) -> dict[str, Any]:
        return {
            "id": self.user_id,
            "username": self.username,
            "display_name": self.display_name,
            "color": self.color,
        }


class Connection:
    """One socket. Messages go through a bounded queue drained by a writer task, so a
    slow reader never holds up the others; one that falls too far behind is closed."""

    def __init__(
        self,
        member: Member,
        write: Callable[[str], Awaitable[None]],
        close: Callable[[int, str], None],
        queue_size: int,
    ) -> None:
        self.id = secrets.token_hex(8)
        self.member = member
        self._write = write
        self._close = close
        self._queue: asyncio.Queue[str] = asyncio.Queue(maxsize=queue_size)
        self.closed = False
        self._writer = asyncio.create_task(self._drain(), name=f"codecall-channel-{self.id}")

    def send(self, message: dict[str, Any]) -> None:
        if self.closed:
            return
        try:
            self._queue.put_nowait(json.dumps(message, separators=(",", ":")))
        except asyncio.QueueFull:
            self.close(CLOSE_TOO_SLOW, "The client did not keep up with its messages.")

    def close(self, code: int, reason: str) -> None:
        if not self.closed:
            self.closed = True
            self._writer.cancel()
            self._close(code, reason)

    def dispose(self) -> None:
        """The socket is gone: stop the writer."""
        self.closed = True
        self._writer.cancel()

    async def flush_and_close(self, code: int, reason: str) -> None:
        """Deliver what is queued (a goodbye), then close."""
        if self.closed:
            return
        self.closed = True
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._queue.join(), timeout=2)
        self._writer.cancel()
        self._close(code, reason)

    async def _drain(self) -> None:
        while True:
            frame = await self._queue.get()
            try:
                await self._write(frame)  # resolves once the socket took it: backpressure
            except Exception:  # the socket is gone; on_close cleans up
                log.debug("channel %s: write failed", self.id, exc_info=True)
                self._queue.task_done()
                return
            self._queue.task_done()


@dataclass
class Room:
    """Events for everyone inside carry a sequence number and are kept for resumes;
    the epoch changes when the server restarts, so old numbers are never mistaken."""

    session_id: str
    buffer_size: int
    epoch: str = field(default_factory=lambda: secrets.token_hex(4))
    seq: int = 0
    connections: dict[str, Connection] = field(default_factory=dict)
    buffer: deque[tuple[int, str, dict[str, Any]]] = field(default_factory=deque)

    def publish(self, message: dict[str, Any], audience: str = "inside") -> None:
        """Send to everyone inside (or only the host) and keep it for resumes."""
        self.seq += 1
        message = {**message, "seq": self.seq}
        self.buffer.append((self.seq, audience, message))
        while len(self.buffer) > self.buffer_size:
            self.buffer.popleft()
        for conn in self.connections.values():
            if _hears(conn.member, audience):
                conn.send(message)

    def relay(self, message: dict[str, Any], exclude: str | None = None) -> None:
        """Send something passing (typing) to everyone inside: not kept, not numbered."""
        for conn in self.connections.values():
            if conn.id != exclude and conn.member.inside:
                conn.send(message)

    def missed(self, member: Member, since: int) -> list[dict[str, Any]] | None:
        """What a resuming connection missed, or None when the buffer no longer has it."""
        if self.buffer and since < self.buffer[0][0] - 1:
            return None
        if not self.buffer and since < self.seq:
            return None
        return [m for seq, audience, m in self.buffer if seq > since and _hears(member, audience)]

    def inside(self) -> list[Connection]:
        return [c for c in self.connections.values() if c.member.inside]


def _hears(member: Member, audience: str) -> bool:
    return member.state == "host" if audience == "host" else member.inside
