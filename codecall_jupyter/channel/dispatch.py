"""What the channel does with each incoming message. The sender is always the
socket's own user; nothing in a payload can claim otherwise."""

from __future__ import annotations

import json
import logging
from typing import Any

from pydantic import ValidationError

from ..services.errors import CodeCallError, unavailable_from
from . import protocol as p
from .hub import ChannelHub
from .room import Connection, Room
from .views import chat_out

log = logging.getLogger(__name__)


class Dispatcher:
    def __init__(self, hub: ChannelHub) -> None:
        self.hub = hub
        self.services = hub.services

    async def receive(self, session_id: str, conn: Connection, raw: str | bytes) -> None:
        message = self._parse(conn, raw)
        if message is None:
            return
        room = self.hub.rooms.get(session_id)
        if room is None or conn.closed:
            return
        if isinstance(message, p.Ping):
            conn.send({"type": "pong"})
            return
        if not conn.member.inside:
            conn.send(p.error("not_admitted", "Wait until the host lets you in."))
            return
        try:
            await self._handle(session_id, room, conn, message)
        except CodeCallError as exc:
            conn.send(p.error(exc.code, exc.message))
        except Exception as exc:
            # The database down or busy, the disk full: this message failed as a whole
            # (its transaction rolled back, nothing was published); the socket stays.
            fault = unavailable_from(exc)
            if fault is None:
                raise
            log.warning("Channel %s: %s (%s)", session_id, fault.code, type(exc).__name__)
            conn.send(p.error(fault.code, fault.message, retry_after=fault.retry_after))

    def _parse(self, conn: Connection, raw: str | bytes) -> Any:
        try:
            data = json.loads(raw)
        except (ValueError, RecursionError):
            conn.send(p.error("invalid_json", "Messages are JSON objects."))
            return None
        if not isinstance(data, dict) or data.get("type") not in p.KNOWN_TYPES:
            kind = data.get("type") if isinstance(data, dict) else None
            conn.send(p.error("unknown_type", f"Unknown message type {str(kind)[:40]!r}."))
            return None
        try:
            return p.INCOMING.validate_python(data)
        except ValidationError as exc:
            first = exc.errors(include_url=False, include_input=False)[0]
            where = ".".join(str(x) for x in first["loc"][1:]) or "message"
            conn.send(p.error("invalid_message", f"{where}: {first['msg']}"))
            return None

    async def _handle(self, session_id: str, room: Room, conn: Connection, message: Any) -> None:
        user_id = conn.member.user_id
        if isinstance(message, p.Signal):
            self._signal(room, conn, message)
        elif isinstance(message, p.Typing):
            room.relay(
                {"type": "typing", "user": conn.member.public(), "active": message.active},
                exclude=conn.id,
            )
        elif isinstance(message, p.Admit):
            room_action = self.services.waiting_room
            action = room_action.admit if message.type == "admit" else room_action.reject
            await action(user_id, session_id, message.user_id)  # the refresh tells everyone
        elif isinstance(message, p.Activity):
            await self._activity(room, conn, message, session_id)
        else:
            await self._chat(session_id, room, conn, message)

    def _signal(self, room: Room, conn: Connection, message: p.Signal) -> None:
        wait = self.hub.signal_limiter.hit(conn.id)
        if wait:
            conn.send(p.error("rate_limited", "Too much signaling; slow down.", retry_after=wait))
            return
        target = room.connections.get(message.to)
        if target is None or not target.member.inside or target is conn:
            conn.send(
                p.error("unknown_target", "No such connection in this session.", to=message.to)
            )
            return
        target.send(
            {
                "type": "signal",
                "from": conn.id,
                "from_user": conn.member.public(),
                "kind": message.kind,
                "data": message.data,
            }
        )

    async def _activity(
        self, room: Room, conn: Connection, message: p.Activity, session_id: str
    ) -> None:
        # Shares the chat bucket: each event is a stored row, and no one switches tabs 2/s.
        wait = self.hub.chat_limiter.hit(conn.id)
        if wait:
            conn.send(p.error("rate_limited", "Too many activity events.", retry_after=wait))
            return
        await self.services.proctoring.record(
            session_id, conn.member.user_id, message.event, message.size, message.content
        )
        size = message.size if message.size is not None else len(message.content or "") or None
        event = {"event": message.event, "size": size}
        room.publish({"type": "activity", "user": conn.member.public(), **event})

    async def _chat(self, session_id: str, room: Room, conn: Connection, message: Any) -> None:
        chat = self.services.chat
        user_id = conn.member.user_id
        if isinstance(message, p.ChatRead):
            await chat.mark_read(session_id, user_id, message.up_to)
            conn.send(
                {"type": "chat.unread", "count": await chat.unread_count(session_id, user_id)}
            )
            return
        wait = self.hub.chat_limiter.hit(conn.id)
        if wait:
            conn.send(
                p.error("rate_limited", "Too many chat messages; slow down.", retry_after=wait)
            )
            return
        if isinstance(message, p.Chat):
            stored, kind = await chat.post(session_id, user_id, message.text), "chat"
        elif isinstance(message, p.ChatEdit):
            stored, kind = (
                await chat.edit(session_id, user_id, message.id, message.text),
                "chat.edit",
            )
        else:
            stored, kind = await chat.delete(session_id, user_id, message.id), "chat.delete"
        # Published only after the service stored it: nothing is acknowledged unstored.
        room.publish({"type": kind, "message": chat_out(stored, stored.author)})
