"""``CodeCallYStore``: jupyter-collaboration's YStore interface on our document history.

jupyter-collaboration builds a store per room as ``ystore_class(path=".<type>:<id>.y",
log=...)``; this class reads and writes the room's rows of ``doc_updates`` through the
server's one ``DocHistory`` writer instead of a file or a connection of its own.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from logging import Logger

from pycrdt import Doc
from pycrdt.store import BaseYStore, YDocNotFound

from .history import DocHistory

# Set by CodeCallApp at start-up: upstream constructs stores with a path and a logger only.
_HISTORY: list[DocHistory] = []


def use_history(history: DocHistory | None) -> None:
    """Make ``history`` the one every store of this process writes to."""
    _HISTORY.clear()
    if history is not None:
        _HISTORY.append(history)


def room_key(path: str) -> str:
    """ ".file:1234-abcd.y" (upstream's store path) -> "file:1234-abcd"."""
    key = path.strip()
    if key.startswith("."):
        key = key[1:]
    if key.endswith(".y"):
        key = key[:-2]
    return key


class CodeCallYStore(BaseYStore):
    """A room's history: stored updates in order, each with its time and author."""

    def __init__(
        self,
        path: str,
        metadata_callback: Callable[[], Awaitable[bytes] | bytes] | None = None,
        log: Logger | None = None,
        *,
        history: DocHistory | None = None,
        session_id: str | None = None,
        config: object = None,  # upstream passes its traitlets config; nothing to read
    ) -> None:
        if history is None:
            if not _HISTORY:
                raise RuntimeError("CodeCall's document history is not running.")
            history = _HISTORY[0]
        self.history = history
        self.path = path
        self.room = room_key(path)
        self.session_id = session_id
        self._preloaded: bytes | None = None
        self.metadata_callback = metadata_callback
        self.log = log

    async def write(self, data: bytes) -> None:
        """An update the server made itself (the file loaded from disk): no author."""
        await self.history.append(self.room, data, session_id=self.session_id)

    async def read(self) -> AsyncIterator[tuple[bytes, bytes, float]]:
        rows = await self.history.read(self.room)
        if not rows:
            raise YDocNotFound
        for _id, data, at in rows:
            yield data, b"", at

    def preload(self, state: bytes) -> None:
        """The history's state, just read by the room, so loading does not read it again."""
        self._preloaded = state

    async def apply_updates(self, ydoc: Doc) -> None:
        """Rebuild the document from the history's merged state (upstream applies every
        update one by one)."""
        state, self._preloaded = self._preloaded, None
        if state is None:
            found = await self.history.state(self.room)
            if found is None:
                raise YDocNotFound
            state = found[0]
        ydoc.apply_update(state)
