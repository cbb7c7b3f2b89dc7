"""The channel hub: rooms per session, who is inside, snapshots, resumes, and keeping
every socket in step with the stored session (admissions, removals, the end)."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from ..services.accounts import Account
from ..services.container import CodeCallServices
from ..services.errors import NotFound
from ..services.ratelimit import Rate, TokenBucketLimiter
from ..store.models import Participant, PracticeSession, User
from ..tasks import cancel_and_wait
from .protocol import CLOSE_ENDED, CLOSE_TURNED_AWAY, error
from .room import Connection, Member, Room
from .views import chat_out, public_user, session_state

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ChannelLimits:
    max_message_bytes: int
    queue_size: int
    replay_buffer: int
    chat_rate: Rate
    signal_rate: Rate
    presence_every: float  # seconds between "someone is connected" marks for expiry
    preflight_seconds: int = 60  # 0 switches the pre-flight check off


class ChannelHub:
    def __init__(self, services: CodeCallServices, limits: ChannelLimits) -> None:
        self.services = services
        self.limits = limits
        self.rooms: dict[str, Room] = {}
        self.chat_limiter = TokenBucketLimiter(limits.chat_rate)
        self.signal_limiter = TokenBucketLimiter(limits.signal_rate)
        self._presence_task: asyncio.Task[None] | None = None
        self.preflights: set[int] = set()  # users with a pre-flight check running
        # The runner's summary of a session's latest run and its runs under way, for
        # snapshots (set by the app).
        self.last_run: Callable[[str], Awaitable[dict[str, Any] | None]] | None = None
        self.runs_in_progress: Callable[[str], list[dict[str, Any]]] | None = None
        services.sessions.notifier.subscribe(self.refresh)

    # --- who may connect ------------------------------------------------------------------

    async def member_for(self, session_id: str, account_id: int) -> Member:
        """The caller as the channel sees them; NotFound for anyone without a place."""
        if "\x00" in session_id:  # names nothing, and PostgreSQL text refuses it
            raise NotFound("No such session.")
        roster = await self.services.sessions.roster(session_id)
        if roster is None:
            raise NotFound("No such session.")
        session, people = roster
        member = _member(session, people, account_id)
        if member is None or session.status == "ENDED":
            raise NotFound("No such session.")
        return member

    # --- connections ------------------------------------------------------------------------

    async def connect(
        self,
        session_id: str,
        member: Member,
        write: Callable[[str], Any],
        close: Callable[[int, str], None],
        resume: str | None,
    ) -> Connection:
        room = self.rooms.setdefault(session_id, Room(session_id, self.limits.replay_buffer))
        conn = Connection(member, write, close, self.limits.queue_size)
        room.connections[conn.id] = conn
        try:
            await self._greet(room, conn, resume)
        except BaseException:  # the database failed the greeting: this socket never joined
            room.connections.pop(conn.id, None)
            conn.dispose()
            if not room.connections:
                self.rooms.pop(session_id, None)
            raise
        if member.inside:
            room.publish({"type": "presence.join", **_presence(conn)})
        self._start_presence_marks()
        return conn

    def disconnect(self, conn: Connection, session_id: str) -> None:
        room = self.rooms.get(session_id)
        conn.dispose()
        if room is None or room.connections.pop(conn.id, None) is None:
            return
        self.chat_limiter.reset(conn.id)
        self.signal_limiter.reset(conn.id)
        if conn.member.inside:
            room.publish({"type": "presence.leave", **_presence(conn)})
        if not room.connections:
            # An empty room is dropped with its buffer: a later resume names an epoch
            # that no longer exists and gets a snapshot, so nothing is lost or repeated.
            self.rooms.pop(session_id, None)

    async def _greet(self, room: Room, conn: Connection, resume: str | None) -> None:
        you = {"type": "hello", "connection_id": conn.id, "epoch": room.epoch, "seq": room.seq}
        conn.send(
            {
                **you,
                "you": {
                    **conn.member.public(),
                    "state": conn.member.state,
                    "role": conn.member.role,
                },
            }
        )
        if not conn.member.inside:
            conn.send({"type": "admission", "state": "waiting"})
            return
        missed = _resume_point(room, conn, resume)
        if missed is None:
            conn.send(await self.snapshot(room, conn))
        else:
            for message in missed:
                conn.send(message)

    async def snapshot(self, room: Room, conn: Connection) -> dict[str, Any]:
        roster = await self.services.sessions.roster(room.session_id)
        assert roster is not None
        session, people = roster
        chat = self.services.chat
        messages = await chat.history(room.session_id, None, 50)
        snapshot = {
            "type": "snapshot",
            "epoch": room.epoch,
            "seq": room.seq,
            **session_state(session, people),
            "connections": [_presence(c) for c in room.inside()],
            "chat": {
                "messages": [chat_out(m, m.author) for m in messages],
                "unread": await chat.unread_count(room.session_id, conn.member.user_id),
            },
            "last_run": await self.last_run(room.session_id) if self.last_run else None,
            "runs_in_progress": (
                self.runs_in_progress(room.session_id) if self.runs_in_progress else []
            ),
        }
        if conn.member.state == "host":
            snapshot["waiting"] = _waiting(people)
        return snapshot

    def broadcast(self, session_id: str, message: dict[str, Any]) -> None:
        """A server event for everyone inside a session (runs: queued, output, finished)."""
        room = self.rooms.get(session_id)
        if room is not None:
            room.publish(message)

    # --- keeping sockets in step with the stored session --------------------------------------

    async def refresh(self, session_id: str) -> None:
        """Called after any stored change to a session (REST or channel)."""
        room = self.rooms.get(session_id)
        if room is None:
            return
        roster = await self.services.sessions.roster(session_id)
        if roster is None:
            await self._close_all(room, CLOSE_ENDED, "The session was deleted.")
            return
        session, people = roster
        for conn in list(room.connections.values()):
            await self._update_member(room, conn, _member(session, people, conn.member.user_id))
        room.publish({"type": "session", **session_state(session, people)})
        room.publish({"type": "waiting", "waiting": _waiting(people)}, audience="host")
        if session.status == "ENDED":
            await self._close_all(room, CLOSE_ENDED, "The session ended.")

    async def _update_member(self, room: Room, conn: Connection, member: Member | None) -> None:
        before = conn.member
        if member is None or member.state in ("rejected", "removed", "left", "declined"):
            state = member.state if member else "removed"
            conn.send({"type": "admission", "state": state})
            room.connections.pop(conn.id, None)
            if before.inside:
                room.publish({"type": "presence.leave", **_presence(conn)})
            await conn.flush_and_close(
                CLOSE_TURNED_AWAY, f"You are no longer in this session ({state})."
            )
            return
        conn.member = member
        if member.inside and not before.inside:
            conn.send({"type": "admission", "state": "admitted"})
            conn.send(await self.snapshot(room, conn))
            room.publish({"type": "presence.join", **_presence(conn)})

    async def _close_all(self, room: Room, code: int, reason: str) -> None:
        self.rooms.pop(room.session_id, None)
        await asyncio.gather(*(c.flush_and_close(code, reason) for c in room.connections.values()))

    # --- expiry: connected sessions are not idle ----------------------------------------------

    def _start_presence_marks(self) -> None:
        if self._presence_task is None or self._presence_task.done():
            self._presence_task = asyncio.create_task(
                self._mark_presence(), name="codecall-presence"
            )

    async def _mark_presence(self) -> None:
        while self.rooms:
            for session_id, room in list(self.rooms.items()):
                if room.inside():
                    await self.services.sessions.touch_presence(session_id)
            await asyncio.sleep(self.limits.presence_every)

    async def stop(self) -> None:
        task, self._presence_task = self._presence_task, None
        await cancel_and_wait(task)
        for room in self.rooms.values():
            for conn in room.connections.values():
                conn.dispose()
        self.rooms.clear()


def _member(
    session: PracticeSession, people: list[tuple[Participant, User]], user_id: int
) -> Member | None:
    for participant, user in people:
        if user.id == user_id:
            account = Account.of(user)
            state = "host" if user.id == session.host_id else participant.state
            role = participant.role if state in ("admitted", "host") else None
            if state not in (
                "host",
                "admitted",
                "waiting",
                "rejected",
                "removed",
                "left",
                "declined",
            ):
                return None  # invited, not joined
            return Member(user.id, user.username, user.display_name, account.color, state, role)
    return None


def _presence(conn: Connection) -> dict[str, Any]:
    member = conn.member
    return {
        "connection_id": conn.id,
        "user": member.public(),
        "role": member.role,
        "is_host": member.state == "host",
    }


def _waiting(people: list[tuple[Participant, User]]) -> list[dict[str, Any]]:
    return [
        {"user": public_user(u), "since": p.joined_at.isoformat()}
        for p, u in people
        if p.state == "waiting"
    ]


def _resume_point(room: Room, conn: Connection, resume: str | None) -> list[dict[str, Any]] | None:
    """Missed messages for "epoch.seq", or None when only a snapshot will do."""
    if not resume or "." not in resume:
        return None
    epoch, _, raw = resume.partition(".")
    if epoch != room.epoch or not raw.isdigit():
        return None
    since = int(raw)
    if since > room.seq:
        conn.send(
            error("resume_from_future", f"Sequence {since} is ahead of the session ({room.seq}).")
        )
        return None
    return room.missed(conn.member, since)
