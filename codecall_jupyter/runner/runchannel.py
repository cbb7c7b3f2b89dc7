"""The server's end of a Python kernel's run server (polyglot/runserver.py): a socket
pair made for that one kernel, its other end passed down the launch chain.

A task reads the run server's frames into a queue as they come, so a caller waiting
with a timeout never stops in the middle of a frame (nor loses one: it waits on an
event, never on the queue); after end of file (the kernel and its run server are gone)
every read returns ``None``.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import socket
from collections import deque
from typing import Any

from .polyglot.protocol import FRAME_HEADER, frame, frame_length


class RunChannel:
    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self._writer = writer
        self._frames: deque[dict[str, Any]] = deque()
        self._arrived = asyncio.Event()
        self._task = asyncio.ensure_future(self._read(reader))

    @classmethod
    async def open(cls, sock: socket.socket) -> RunChannel:
        reader, writer = await asyncio.open_unix_connection(sock=sock)
        return cls(reader, writer)

    @property
    def closed(self) -> bool:
        return self._task.done()

    async def _read(self, reader: asyncio.StreamReader) -> None:
        try:
            while True:
                header = await reader.readexactly(FRAME_HEADER)
                body = await reader.readexactly(frame_length(header))
                message = json.loads(body)
                self._frames.append(message if isinstance(message, dict) else {})
                self._arrived.set()
        except (asyncio.IncompleteReadError, OSError, ValueError):
            pass  # gone, or speaking no protocol of ours: either way the channel ends here
        finally:
            self._arrived.set()

    def send(self, message: dict[str, Any]) -> None:
        if not self._writer.is_closing():
            self._writer.write(frame(message))

    def drop_pending(self) -> None:
        """Frames of a run that has ended (none is expected): never read as the next's."""
        self._frames.clear()

    async def receive(self, timeout: float) -> dict[str, Any] | None:
        """The next frame; None once the channel has ended; TimeoutError meanwhile."""
        while not self._frames:
            if self._task.done():
                return None
            self._arrived.clear()
            await asyncio.wait_for(self._arrived.wait(), timeout)
        return self._frames.popleft()

    async def close(self) -> None:
        self._writer.close()
        with contextlib.suppress(Exception):
            await self._writer.wait_closed()
        self._task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await self._task
