"""``/codecall/api/me/events``: a socket that tells one user's page what to reload
(docs/CHANNEL.md, "The user's events socket")."""

from __future__ import annotations

import json
from collections.abc import Callable
from contextlib import suppress
from typing import Any

from jupyter_server.auth.decorator import authorized, ws_authenticated
from tornado import web
from tornado.websocket import WebSocketClosedError

from ..auth.identity import codecall_user, services_of
from ..services.errors import unavailable_from
from ..services.user_events import UserEvent
from .handler import StrictSocket

# More open pages than this per user is a leak or abuse, not a person.
MAX_SOCKETS_PER_USER = 20


class UserEventsHandler(StrictSocket):
    account_id: int | None = None
    unsubscribe: Callable[[], None] | None = None

    @ws_authenticated
    @authorized
    async def get(self, *args: Any, **kwargs: Any) -> None:
        if not self.check_origin():
            raise web.HTTPError(403, "Cross-origin or origin-less sockets are refused.")
        services = services_of(self)
        try:
            user = await codecall_user(self.current_user, services) if services else None
            if services is not None:
                await services.events.ensure_started()  # hear the other servers too
        except Exception as exc:
            fault = unavailable_from(exc)
            if fault is None:
                raise
            self.set_header("Retry-After", str(fault.retry_after or 5))
            raise web.HTTPError(503, fault.message) from exc
        if user is None or services is None:
            raise web.HTTPError(403)
        if services.events.subscribed(user.account_id) >= MAX_SOCKETS_PER_USER:
            raise web.HTTPError(429, "Too many open pages.")
        self.account_id = user.account_id
        await super().get(*args, **kwargs)

    def open(self, *args: Any, **kwargs: Any) -> None:
        super().open(*args, **kwargs)
        services = services_of(self)
        assert services is not None
        assert self.account_id is not None
        self.unsubscribe = services.events.subscribe(self.account_id, self._send_event)
        self._send({"type": "hello"})

    def on_message(self, message: str | bytes) -> None:
        try:
            kind = json.loads(message).get("type")
        except (ValueError, RecursionError, AttributeError):
            kind = None
        if kind == "ping":
            self._send({"type": "pong"})
        else:
            self._send({"type": "error", "code": "invalid_message", "message": "Send a ping."})

    def on_close(self) -> None:
        if self.unsubscribe is not None:
            self.unsubscribe()
            self.unsubscribe = None

    def _send_event(self, event: UserEvent) -> None:
        self._send(event.message())

    def _send(self, message: dict[str, Any]) -> None:
        if self.ws_connection is None or self.ws_connection.is_closing():
            return
        with suppress(WebSocketClosedError):
            self.write_message(json.dumps(message))
