"""``DurableRoom``: jupyter-collaboration's document room, relaying only what is stored.

Upstream's room sends each update to the other clients and, in a separate task, to the
YStore: a client can see an edit that a crash then loses. Here every update the document
takes is queued with its author; the room waits for the history's group commit of the
whole queue, then relays it. "Seen by anyone" implies "stored".

The per-message path is also leaner than upstream's: no task per send, a batch of updates
per commit, sockets written directly, and no work per update for saving: upstream observes
the document's shared types deeply (an event object with its delta per change) and starts
a save task per change, cancelling the previous one; here the room's own transaction
observer notes the time of the change and one timer per room saves once the document has
been quiet for ``save_delay`` seconds (the same debounce upstream has) and the previous
save is ``save_interval`` seconds old (``document_save_interval``): the history already
holds every change, so a document edited all along is written every few seconds rather
than after each pause.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from inspect import isawaitable
from typing import Any

from jupyter_server_ydoc.rooms import DocumentRoom
from jupyter_server_ydoc.utils import LogLevel
from jupyter_ydoc import ydocs as YDOCS
from pycrdt import (
    Channel,
    Doc,
    TransactionEvent,
    UndoManager,
    YMessageType,
    create_sync_message,
    create_update_message,
    handle_sync_message,
    is_awareness_disconnect_message,
    merge_updates,
    read_message,
)

from .history import wait_stored
from .ystore import CodeCallYStore

_SENDING: set[asyncio.Future[Any]] = set()


def _send(channel: Channel, message: bytes) -> None:
    send_now = getattr(channel, "send_now", None)
    if send_now is not None:
        send_now(message)
    else:  # a channel of another kind (tests, upstream's fork rooms)
        future = asyncio.ensure_future(channel.send(message))
        _SENDING.add(future)
        future.add_done_callback(_SENDING.discard)


class DurableRoom(DocumentRoom):
    """A document room whose updates are stored, with their author, before they are relayed."""

    ystore: CodeCallYStore
    _saving_document: asyncio.Task[None] | None  # upstream's running save, if any

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # The socket whose message is being applied, and its user.
        self._sender: Channel | None = None
        self._author: int | None = None
        self._outbox: list[tuple[bytes, int | None, Channel | None]] = []
        self._outbox_ready = asyncio.Event()
        self.disk_change_listeners: list[Callable[[DurableRoom], Awaitable[None]]] = []
        # Saving follows changes through ``_on_update`` (see the module docstring), so
        # upstream's deep observers of the document are dropped.
        self._document.unobserve()
        # jupyter_ydoc gives each document an undo manager over its content, and an undo
        # manager keeps every deleted item whole so that it can restore it. Nothing undoes
        # in a room; kept, what was ever typed and deleted would stay in the room's memory
        # and in every joiner's download. One with no scope tracks nothing.
        self._document._undo_manager = UndoManager(capture_timeout_millis=0)
        self._last_change = 0.0
        self._save_timer: asyncio.TimerHandle | None = None
        # Least seconds between automatic saves (document_save_interval): a document that
        # keeps changing is written every few seconds, not after every pause in typing.
        self.save_interval = 0.0
        self._last_save = float("-inf")

    async def initialize(self) -> None:
        """Load the room: from the history when it is ahead of the file (the server died
        between a stored edit and the save ~1 s later), else as upstream does."""
        if not self.ready:
            await self._bring_file_up_to_date()
        await super().initialize()

    async def _bring_file_up_to_date(self) -> None:
        """Upstream loads the history, and when the file differs it writes the file's
        content over the document: after a crash that would undo accepted edits. When the
        newest stored update is newer than the file, the file is saved from the history
        first; a file changed later (by someone else, while no room was open) still wins,
        applied as a change on top of the history, so nothing is lost from replay."""
        found = await self.ystore.history.state(self.ystore.room)
        if found is None:
            return
        state, last_at = found
        self.ystore.preload(state)
        doc: Doc[Any] = Doc()
        doc.apply_update(state)
        content = await YDOCS.get(self._file_type, YDOCS["file"])(doc).aget()
        model = await self._file.load_content(self._file_format, self._file_type)
        if content == model["content"]:
            return
        modified = model["last_modified"].timestamp()
        if modified > last_at:
            self.log.warning(
                "Room %s: %s changed on disk after its last stored edit; applying it on top",
                self._room_id,
                self._file.path,
            )
            return
        self.log.warning(
            "Room %s: %s is behind its history (edits after the last save); saving it",
            self._room_id,
            self._file.path,
        )
        await self._file.maybe_save_content(
            {
                "format": self._file_format,
                "type": self._file_type,
                "content": content,
                "last_modified": model["last_modified"],
            }
        )

    async def _on_outofband_change(self) -> None:
        """The file changed on disk while the room is open: upstream applies the disk's
        content to the document (as granular edits). What the document held before stays
        in the history, and the change is reported to whoever listens (the activity log)."""
        before = await self._document.aget() if self.ready else None
        await super()._on_outofband_change()
        if before is not None and before != await self._document.aget():
            for listener in self.disk_change_listeners:
                try:
                    await listener(self)
                except Exception:
                    self.log.exception("Room %s: a disk-change listener failed", self._room_id)

    # A failed write of the file (a full disk) as upstream reports it: an ERROR event.
    _save_error: str | None = None

    def _emit(self, level: LogLevel, action: str | None = None, msg: str | None = None) -> None:
        if level == LogLevel.ERROR:
            self._save_error = msg or "The file could not be saved."
        super()._emit(level, action, msg)

    def _save_to_disc(self) -> asyncio.Future[None] | None:
        """A save on request (JupyterLab's Ctrl+S). Upstream logs a failed write and still
        answers "success"; here the task fails, so the client is told "failed". The edits
        stay stored in the history, and the next save after space returns writes them."""
        self._save_error = None
        task = super()._save_to_disc()
        if task is not None:
            self._last_save = asyncio.get_running_loop().time()
        if task is not None and self._save_timer is not None:
            self._save_timer.cancel()  # this save covers every change so far
            self._save_timer = None
        return None if task is None else asyncio.ensure_future(self._save_checked(task))

    async def _save_checked(self, task: asyncio.Future[None]) -> None:
        await task
        if self._save_error is not None:
            raise OSError(self._save_error)

    async def _watch_ready(self) -> None:
        await self.ready_event.wait()
        self._subscription = self.ydoc.observe(self._on_update)
        self.ydoc_observed.set()

    def _on_update(self, event: TransactionEvent) -> None:
        # Called inside the transaction that applied the update, so ``_author`` is the
        # socket whose message is being applied (None for the server's own changes).
        self._outbox.append((event.update, self._author, self._sender))
        self._outbox_ready.set()
        # Changes made under the update lock are the room's own (loading, a reload from
        # disk, marking the document clean after a save): nothing to save for them.
        if self._save_delay is not None and not self._update_lock.locked():
            loop = asyncio.get_running_loop()
            self._last_change = loop.time()
            if self._save_timer is None:
                self._save_timer = loop.call_at(
                    self._last_change + self._save_delay, self._save_when_quiet
                )

    def _save_when_quiet(self) -> None:
        """The save timer: saves once no change came for ``save_delay`` seconds and the
        last save is ``save_interval`` old, else waits until then."""
        self._save_timer = None
        delay = self._save_delay
        if delay is None:
            return
        loop = asyncio.get_running_loop()
        due = max(self._last_change + delay, self._last_save + self.save_interval)
        if loop.time() < due - 0.001:  # changed since the timer was set, or saved lately
            self._save_timer = loop.call_at(due, self._save_when_quiet)
            return
        if not self._autosave():
            return
        self._last_save = loop.time()
        # Upstream's save: cancels a save still running, writes, handles a file changed on
        # disk meanwhile. The delay has passed already, hence ``save_now``.
        self._saving_document = asyncio.create_task(
            self._maybe_save_document(self._saving_document, save_now=True)
        )

    def _autosave(self) -> bool:
        """Upstream's rule: save unless every client that says turned autosave off."""
        states = [state.get("autosave", True) for state in self.awareness.states.values() if state]
        return not states or any(states)

    async def stop(self) -> None:
        if self._save_timer is not None:
            self._save_timer.cancel()  # as upstream cancels its pending save task
            self._save_timer = None
        await super().stop()

    async def _broadcast_updates(self) -> None:
        history, store = self.ystore.history, self.ystore
        try:
            while True:
                if not self._outbox:
                    self._outbox_ready.clear()
                    await self._outbox_ready.wait()
                    continue
                batch, self._outbox = self._outbox, []
                rows = [(data, author) for data, author, _sender in batch]
                await wait_stored(
                    [history.append_batch(store.room, rows, session_id=store.session_id)]
                )
                # Not back to a sender whose updates these all are: it has them already.
                senders = {sender for _data, _author, sender in batch}
                only = senders.pop() if len(senders) == 1 else None
                clients = [client for client in self.clients if client is not only]
                if clients:
                    # One message for the batch: fewer frames and applies at each client.
                    updates = [data for data, _author in rows]
                    merged = updates[0] if len(updates) == 1 else merge_updates(*updates)
                    message = create_update_message(merged)
                    for client in clients:
                        _send(client, message)
        except asyncio.CancelledError:
            pass

    async def serve(self, channel: Channel) -> None:
        """Serve one client: upstream's protocol, with the sender recorded as the author of
        what its messages change."""
        author = getattr(channel, "author_id", None)
        try:
            self.clients.add(channel)
            await channel.send(create_sync_message(self.ydoc))
            async for message in channel:
                try:
                    if self.on_message is not None:
                        skip = self.on_message(message)
                        if (await skip) if isawaitable(skip) else skip:
                            continue
                    kind = message[0]
                    if kind == YMessageType.SYNC:
                        self._sender, self._author = channel, author
                        try:
                            reply = handle_sync_message(message[1:], self.ydoc)
                        finally:
                            self._sender = self._author = None
                        if reply is not None:
                            _send(channel, reply)
                    elif kind == YMessageType.AWARENESS:
                        # Echoed to the sender too (it keeps the connection alive), except
                        # the sender's own goodbye.
                        leaving = is_awareness_disconnect_message(message[1:])
                        for client in list(self.clients):
                            if not (leaving and client is channel):
                                _send(client, message)
                        self.awareness.apply_awareness_update(read_message(message[1:]), self)
                except Exception as exc:
                    if self._on_message_error is not None:
                        handled = self._on_message_error(exc, message, channel)
                        if (await handled) if isawaitable(handled) else handled:
                            continue
                    # One bad message must not stop serving the client (upstream agrees).
                    self.log.warning("Room %s: message refused: %r", self.room_id, exc)
        except Exception as exception:
            self._handle_exception(exception)
        finally:
            self.clients.discard(channel)
