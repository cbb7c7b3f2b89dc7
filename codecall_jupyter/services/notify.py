"""Tells whoever listens (the realtime channel) that a session changed, after the
change is stored: nothing is announced before it is committed."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable

Listener = Callable[[str], Awaitable[None]]
log = logging.getLogger(__name__)


class SessionNotifier:
    def __init__(self) -> None:
        self._listeners: list[Listener] = []

    def subscribe(self, listener: Listener) -> None:
        self._listeners.append(listener)

    async def changed(self, session_id: str) -> None:
        for listener in self._listeners:
            try:
                await listener(session_id)
            except Exception:  # one broken listener must not undo a stored change
                log.exception("session %s: a change listener failed", session_id)
