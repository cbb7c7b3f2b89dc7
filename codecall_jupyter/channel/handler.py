"""``/codecall/api/sessions/{id}/channel``: the authenticated session WebSocket."""

from __future__ import annotations

import json
from typing import Any, cast
from urllib.parse import urlparse

from jupyter_server.auth.decorator import authorized, ws_authenticated
from jupyter_server.base.handlers import JupyterHandler
from jupyter_server.base.websocket import WebSocketMixin
from jupyter_server.utils import origin_matches_pat
from tornado import web
from tornado.websocket import WebSocketHandler

from ..auth.identity import codecall_user, services_of
from ..services.errors import NotFound, unavailable_from
from .dispatch import Dispatcher
from .hub import ChannelHub
from .protocol import CLOSE_LOGGED_OUT
from .room import Connection, Member

HUB_KEY = "codecall_channel_hub"
CLOSE_TRY_AGAIN = 1013  # RFC 6455 "try again later": the database could not greet


class StrictSocket(WebSocketMixin, WebSocketHandler, JupyterHandler):
    """Authenticated, same-origin CodeCall sockets (described in docs/CHANNEL.md)."""

    auth_resource = "codecall"
    openapi_exclude = True

    @property
    def hub(self) -> ChannelHub:
        return cast(ChannelHub, self.settings[HUB_KEY])

    @property
    def max_message_size(self) -> int:  # tornado closes bigger frames with 1009
        return self.hub.limits.max_message_bytes

    def check_origin(self, origin: str | None = None) -> bool:
        """Same origin, or one the operator allowed; a missing Origin is refused too
        (stricter than Jupyter, which lets scripts without one through)."""
        origin = origin or self.request.headers.get("Origin")
        if not origin:
            return False
        if urlparse(origin.lower()).netloc == (self.request.headers.get("Host") or "").lower():
            return True
        if self.allow_origin:
            return bool(self.allow_origin == origin)
        if self.allow_origin_pat:
            return bool(origin_matches_pat(self.allow_origin_pat, origin))
        self.log.warning("Refused a channel socket from Origin %r", origin)
        return False

    def write_error(self, status_code: int, **kwargs: Any) -> None:
        """Before the upgrade, the database down or busy (here or in the identity lookup)
        is a 503 in the REST API's envelope with Retry-After, which clients retry."""
        exc = kwargs.get("exc_info", (None, None, None))[1]
        fault = unavailable_from(exc) if exc is not None else None
        if fault is None:
            super().write_error(status_code, **kwargs)
            return
        self.set_status(503)
        if fault.retry_after:
            self.set_header("Retry-After", str(fault.retry_after))
        self.set_header("Content-Type", "application/json; charset=UTF-8")
        self.finish(json.dumps({"error": {"code": fault.code, "message": fault.message}}))

    def log_exception(self, typ: Any, value: Any, tb: Any) -> None:
        fault = unavailable_from(value) if value is not None else None
        if fault is None:
            super().log_exception(typ, value, tb)
            return
        self.log.warning("%s %s: %s (%s)", self.request.method, self.request.path, fault.code, typ)


class ChannelHandler(StrictSocket):
    conn: Connection | None = None
    member: Member | None = None

    @ws_authenticated
    @authorized
    async def get(self, session_id: str, *args: Any, **kwargs: Any) -> None:
        if not self.check_origin():
            raise web.HTTPError(403, "Cross-origin or origin-less channel sockets are refused.")
        services = services_of(self)
        user = await codecall_user(self.current_user, services) if services else None
        if user is None:
            raise web.HTTPError(403)
        try:
            self.member = await self.hub.member_for(session_id, user.account_id)
        except NotFound as exc:
            raise web.HTTPError(404, "No such session.") from exc
        if self.member.state not in ("host", "admitted", "waiting"):
            raise web.HTTPError(403, "You are no longer in this session.")
        await super().get(session_id, *args, **kwargs)

    async def open(self, session_id: str, *args: Any, **kwargs: Any) -> None:
        super().open(session_id, *args, **kwargs)
        assert self.member is not None
        self.session_id = session_id
        self.dispatcher = Dispatcher(self.hub)
        try:
            self.conn = await self.hub.connect(
                session_id,
                self.member,
                self._write,
                self._close,
                self.get_query_argument("resume", None),
            )
        except Exception as exc:
            fault = unavailable_from(exc)
            if fault is None:
                raise
            # The greeting needs the database: close with 1013 "try again later".
            self.log.warning("Channel %s: %s at connect", session_id, fault.code)
            self.close(CLOSE_TRY_AGAIN, fault.code)

    async def on_message(self, message: str | bytes) -> None:
        if self.conn is not None:
            await self.dispatcher.receive(self.session_id, self.conn, message)

    def on_close(self) -> None:
        if self.conn is not None:
            self.hub.disconnect(self.conn, self.session_id)

    async def _write(self, frame: str) -> None:
        await self.write_message(frame)

    def _close(self, code: int, reason: str) -> None:
        self.close(code, reason[:120])


__all__ = ["CLOSE_LOGGED_OUT", "HUB_KEY", "ChannelHandler"]
