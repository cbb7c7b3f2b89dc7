"""Collaboration rooms that readers cannot change.

jupyter-collaboration's room socket (``YDocWebSocketHandler``) applies every document
update any socket sends, accepts any Origin, and loads the room in ``prepare()``, before
``get()`` asks the authorizer. ``RoomSocket`` takes its place in this server's routing
table (there is no trait to swap it):

- before the room is loaded it refuses a foreign Origin (jupyter_server's own WebSocket
  rule), a cookie-authenticated socket with no Origin (no browser omits it), and anyone
  the authorizer will not let read the room's file, and it decides, once for the socket,
  whether this user may write the file (owner, interviewer, candidate) or only read it
  (observer);
- a read-only socket's Yjs messages that carry document changes (sync step 2, updates)
  are dropped before they reach the room, so no other client, the file or the YStore sees
  them. Sync step 1 (to receive the document), awareness (cursors, presence) and upstream's
  raw requests (a save of the shared document) pass. Nothing is sent back: a read-only
  Yjs client simply never has its changes echoed.
"""

from __future__ import annotations

import contextlib
import weakref
from collections.abc import Awaitable, Callable, Iterable
from typing import Any

from jupyter_server.base.handlers import JupyterHandler
from jupyter_server.base.websocket import WebSocketMixin
from jupyter_server.utils import ensure_async
from jupyter_server_ydoc.handlers import YDocWebSocketHandler
from jupyter_server_ydoc.utils import decode_file_path, room_id_from_encoded_path
from pycrdt import YMessageType, YSyncMessageType, read_message
from tornado import web
from tornado.routing import Rule, RuleRouter
from tornado.websocket import WebSocketClosedError

from ..collab import session_store
from ..collab.opener import ensure_room, is_document_room
from .identity import services_of

_RAW = 2  # jupyter_server_ydoc's MessageType.RAW: requests such as "save", never the document
_EMPTY_UPDATE = b"\x00\x00"


def reader_may_send(message: bytes | str) -> bool:
    """Whether a read-only socket's message may reach the room. Bytes are read the way
    the room reads them (the first byte is the message type, the second the sync step)."""
    if not isinstance(message, bytes) or not message:
        return False
    if message[0] == YMessageType.SYNC:
        return len(message) > 1 and message[1] == YSyncMessageType.SYNC_STEP1
    return message[0] in (YMessageType.AWARENESS, _RAW)


def _carries_changes(message: bytes | str) -> bool:
    """A dropped message worth a log line: not the empty sync step 2 every reader sends."""
    if not isinstance(message, bytes):
        return True
    try:
        return read_message(message[2:]) != _EMPTY_UPDATE
    except (AssertionError, IndexError, RuntimeError):
        return True


class _CheckBeforeLoading(JupyterHandler):
    """Sits between ``YDocWebSocketHandler`` and ``JupyterHandler`` in ``RoomSocket``'s
    MRO, so it runs right after authentication and before upstream loads the room."""

    may_write = False  # until decided: a socket that was never checked only reads

    async def prepare(self, *args: Any, **kwargs: Any) -> None:
        await super().prepare(*args, **kwargs)  # authentication
        if self._finished:
            raise web.Finish()  # sent to the login page: load nothing
        user = self.current_user
        if not user:
            raise web.HTTPError(403)
        origin = self.request.headers.get("Origin")
        if origin is None and not self.token_authenticated:
            # A browser always sends an Origin: a cookie without one is not a page of ours.
            # Scripts that hold a token (jupyter_server's rule) may leave it out.
            raise web.HTTPError(403, "Collaboration sockets need an Origin or a token.")
        if origin is not None and not self.check_origin(origin):
            raise web.HTTPError(403, "Cross-origin collaboration sockets are refused.")
        if not await self.decide_access():
            raise web.HTTPError(403, f"Not allowed to open {self.request.path}")
        await self.before_loading()

    async def before_loading(self) -> None:
        """Runs once the socket is allowed, before upstream opens the room."""

    async def decide_access(self) -> bool:
        """Whether the user may read the room's file; sets ``may_write`` on the way."""
        user, authorizer = self.current_user, self.authorizer
        if not await ensure_async(authorizer.is_authorized(self, user, "read", "contents")):
            self.may_write = False
            return False
        self.may_write = bool(
            await ensure_async(authorizer.is_authorized(self, user, "write", "contents"))
        )
        return True


# Open room sockets, so that a change to a session (a role, a removal, the end) is
# applied to sockets already open, not only to the next one.
OPEN_ROOMS: weakref.WeakSet[RoomSocket] = weakref.WeakSet()
CLOSE_NO_LONGER_ALLOWED = 4403


class RoomSocket(YDocWebSocketHandler, _CheckBeforeLoading):
    """``/api/collaboration/room/(.*)``: upstream's room socket, read-only for readers."""

    _logged_drop = False

    @property
    def author_id(self) -> int | None:
        """Whose edits this socket carries, recorded with each update in the history."""
        return getattr(self.current_user, "account_id", None)

    async def before_loading(self) -> None:
        """Open the room as a ``DurableRoom`` (stored before relayed), tagged with the
        session whose folder holds the file."""
        extension = self.settings.get("jupyter_server_ydoc")
        room_id = room_id_from_encoded_path(self.request.path)
        if extension is None or not is_document_room(room_id):
            return
        services = services_of(self)

        async def session_of_file() -> str | None:
            path = self.settings["file_id_manager"].get_path(decode_file_path(room_id)[2])
            if services is None or not path:
                return None
            return await services.access.session_of(str(path))

        await ensure_room(extension, room_id, session_of_file)

    def send_now(self, message: bytes) -> None:
        """Write without awaiting: the room relays to many sockets per update."""
        # A closed socket's own close handling removes it from the room.
        with contextlib.suppress(WebSocketClosedError):
            self.write_message(message, binary=True)

    async def open(self, room_id: str) -> None:
        await super().open(room_id)
        OPEN_ROOMS.add(self)

    def on_close(self) -> None:
        OPEN_ROOMS.discard(self)
        super().on_close()

    async def recheck(self) -> None:
        """Ask the authorizer again: close if the user may no longer read, and follow a
        change between reading and writing."""
        if not await self.decide_access():
            OPEN_ROOMS.discard(self)
            self.close(CLOSE_NO_LONGER_ALLOWED, "You may no longer open this document.")

    def check_origin(self, origin: str | None = None) -> bool:
        """Same origin, or one the operator allowed (upstream accepts any): jupyter_server's
        rule for its own sockets, which lets token-authenticated and Origin-less clients
        (scripts, not browsers) through."""
        return bool(WebSocketMixin.check_origin(self, origin))

    def on_message(self, message: bytes | str) -> Awaitable[None] | None:
        if not self.may_write and not reader_may_send(message):
            if not self._logged_drop and _carries_changes(message):
                self._logged_drop = True
                self.log.debug(
                    "Dropped document changes from read-only user %s in room %s",
                    getattr(self.current_user, "username", "?"),
                    self.path,
                )
            return None
        if isinstance(message, bytes) and message[:1] != bytes([_RAW]):
            # What upstream's coroutine does for every message but a request ("save"),
            # without it: tornado makes a task of each coroutine a handler returns, and
            # waits for it before reading the next frame.
            self._message_queue.put_nowait(message)
            self._websocket_server.ypatch_nb += 1
            return None
        return super().on_message(message)


async def recheck_open_rooms(session_id: str | None = None) -> None:
    """After any stored change to a session, every open room socket is checked again."""
    for socket in list(OPEN_ROOMS):
        try:
            await socket.recheck()
        except Exception:  # one socket's failure must not spare the others
            socket.log.exception("Could not re-check a collaboration socket")


def _guard_rules(rules: Iterable[Rule]) -> None:
    for rule in rules:
        if isinstance(rule.target, RuleRouter):
            _guard_rules(rule.target.rules)
        elif rule.target is YDocWebSocketHandler:
            rule.target = RoomSocket


def install(web_app: web.Application) -> None:
    """Swap the room socket in what is routed now and whatever extensions add later, and
    have its ``open`` write upstream's session store only when it changes."""
    session_store.install()
    _guard_rules(web_app.default_router.rules)
    original: Callable[..., None] = web_app.add_handlers

    def add_handlers(host_pattern: str, host_handlers: list[Any]) -> None:
        original(host_pattern, host_handlers)
        _guard_rules(web_app.default_router.rules)

    web_app.add_handlers = add_handlers  # type: ignore[method-assign,assignment]
