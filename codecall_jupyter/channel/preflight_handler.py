"""``/codecall/api/preflight``: a socket to the server's own WebRTC peer, for checking
camera, microphone and connectivity before joining a session."""

from __future__ import annotations

import asyncio
import json
from typing import Any

from jupyter_server.auth.decorator import authorized, ws_authenticated
from pydantic import ValidationError
from tornado import web
from tornado.ioloop import IOLoop

from ..auth.identity import codecall_user, services_of
from .handler import StrictSocket
from .preflight import SERVER, PreflightPeer
from .protocol import INCOMING, Ping, Signal, error


class PreflightHandler(StrictSocket):
    peer: PreflightPeer | None = None
    account_id: int | None = None

    @ws_authenticated
    @authorized
    async def get(self, *args: Any, **kwargs: Any) -> None:
        hub = self.hub
        if not hub.limits.preflight_seconds:
            raise web.HTTPError(404, "The pre-flight check is switched off on this server.")
        if not self.check_origin():
            raise web.HTTPError(403, "Cross-origin or origin-less sockets are refused.")
        services = services_of(self)
        user = await codecall_user(self.current_user, services) if services else None
        if user is None:
            raise web.HTTPError(403)
        if user.account_id in hub.preflights:
            raise web.HTTPError(409, "One pre-flight check at a time.")
        self.account_id = user.account_id
        hub.preflights.add(user.account_id)
        await super().get(*args, **kwargs)

    def open(self, *args: Any, **kwargs: Any) -> None:
        super().open(*args, **kwargs)
        self.peer = PreflightPeer(self._send)
        seconds = self.hub.limits.preflight_seconds
        self._deadline = IOLoop.current().call_later(seconds, self.close, 1000, "Time is up.")

    async def on_message(self, message: str | bytes) -> None:
        try:
            parsed = INCOMING.validate_python(json.loads(message))
        except (ValueError, RecursionError, ValidationError):
            self._send(error("invalid_message", "Send a signal offer to 'server', or a ping."))
            return
        if isinstance(parsed, Ping):
            self._send({"type": "pong"})
        elif isinstance(parsed, Signal) and parsed.to == SERVER and parsed.kind == "offer":
            assert self.peer is not None
            await self.peer.answer(parsed.data)
        elif not (isinstance(parsed, Signal) and parsed.kind == "candidate"):
            # aiortc puts every candidate in the SDP; trickled ones add nothing here.
            self._send(error("unsupported", "The pre-flight peer takes one offer."))

    def on_close(self) -> None:
        if self.account_id is not None:
            self.hub.preflights.discard(self.account_id)
        if getattr(self, "_deadline", None) is not None:
            IOLoop.current().remove_timeout(self._deadline)
        if self.peer is not None:
            self._closing = asyncio.ensure_future(self.peer.close())

    def _send(self, message: dict[str, Any]) -> None:
        if self.ws_connection is not None and not self.ws_connection.is_closing():
            self.write_message(json.dumps(message))
