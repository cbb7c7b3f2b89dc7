"""The live state of collaborative documents, read and written through their rooms.

A document open in a room is newer than its file (the room saves about a second after a
change). Reading it goes to the room when one is open; writing goes through the room, so
connected clients see the change at once and the history stores it, with its author,
like any edit. A room opened only for a write is saved at once and closed again.
"""

from __future__ import annotations

import asyncio
import json
import logging
from typing import Any

import jupyter_ydoc

from .opener import ensure_room
from .room import DurableRoom

log = logging.getLogger(__name__)

# The document types a session folder holds. Both are opened as format "text" (a
# whiteboard's file is JSON text); a type jupyter_ydoc does not know is never opened here.
TEXT = "file"
WHITEBOARD = "whiteboard"
_FORMAT = "text"


def _room_lock(extension: Any, room_id: str) -> asyncio.Lock:
    locks: dict[str, asyncio.Lock] = extension._room_locks
    if room_id not in locks:
        locks[room_id] = asyncio.Lock()
    return locks[room_id]


class LiveDocuments:
    """Rooms of jupyter-collaboration's ``YDocExtension`` by contents path.

    ``extension`` (settings["jupyter_server_ydoc"]) and ``file_ids``
    (settings["file_id_manager"]) may be None: then nothing is live and every read and
    write falls back to the file."""

    def __init__(self, extension: Any | None, file_ids: Any | None) -> None:
        self.extension = extension
        self.file_ids = file_ids

    def file_id(self, path: str, *, create: bool = False) -> str | None:
        if self.file_ids is None:
            return None
        found = self.file_ids.index(path) if create else self.file_ids.get_id(path)
        return str(found) if found else None

    def path_of(self, file_id: str) -> str | None:
        """The file's contents path now (it follows renames), if known."""
        if self.file_ids is None:
            return None
        path = self.file_ids.get_path(file_id)
        return str(path) if path else None

    def open_room(self, path: str, doc_type: str) -> Any | None:
        """The open, loaded room of ``path`` as ``doc_type``, if any."""
        if self.extension is None:
            return None
        file_id = self.file_id(path)
        if file_id is None:
            return None
        suffix = f":{doc_type}:{file_id}"
        for name, room in list(self.extension.ywebsocket_server.rooms.items()):
            if name.endswith(suffix) and getattr(room, "ready", False):
                return room
        return None

    def read(self, path: str, doc_type: str) -> str | None:
        """The content of ``path``'s open room (JSON text for non-text types), or None."""
        room = self.open_room(path, doc_type)
        if room is None:
            return None
        content = room._document.get()
        if isinstance(content, str):
            return content
        return json.dumps(content, ensure_ascii=False)

    async def write(
        self,
        path: str,
        doc_type: str,
        content: str,
        *,
        session_id: str | None,
        author_id: int | None,
    ) -> bool:
        """Set ``path``'s document through its room; False when no room can take it (the
        caller then writes the file). Returns once the change is stored and saved."""
        if self.extension is None:
            return False
        room = self.open_room(path, doc_type)
        opened_here = False  # closed again after the write if nobody joined meanwhile
        if room is None:
            if doc_type not in jupyter_ydoc.ydocs:
                return False
            file_id = self.file_id(path, create=True)
            if file_id is None:
                return False
            room_id = f"{_FORMAT}:{doc_type}:{file_id}"
            opened_here = not self.extension.ywebsocket_server.rooms.get(room_id)
            room = await ensure_room(self.extension, room_id, session_id)
            if room is None:
                return False
            await room.initialize()
        await room.ydoc_observed.wait()
        value: Any = content
        if room.file_format == "json":
            value = json.loads(content)
        durable = isinstance(room, DurableRoom)
        if durable:
            room._author = author_id  # recorded with the update the change makes
        try:
            room._document.set(value)
        finally:
            if durable:
                room._author = None
        if durable:
            await _stored(room)
        saving = room._save_to_disc()
        if saving is not None:
            await saving
        if opened_here:
            await self._close_if_unused(room)
        return True

    async def _close_if_unused(self, room: Any) -> None:
        """Close a room nobody joined since we opened it, as upstream does when the last
        client leaves (room out of the server, file loader dropped if unused)."""
        extension: Any = self.extension
        room_id = room.room_id
        async with _room_lock(extension, room_id):
            server = extension.ywebsocket_server
            if room.clients or server.rooms.get(room_id) is not room:
                return
            await server.delete_room(room=room)
            file_id = room_id.split(":", 2)[2]
            loaders = extension.file_loaders
            if file_id in loaders and loaders[file_id].number_of_subscriptions == 0:
                await loaders.remove(file_id)


async def _stored(room: DurableRoom, timeout: float = 30.0) -> None:
    """Wait until the room's pending updates are committed to the history."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    # The room takes its whole outbox into one append batch; nothing signals an empty one.
    while room._outbox and loop.time() < deadline:  # noqa: ASYNC110
        await asyncio.sleep(0.01)
    await room.ystore.history.flush()
