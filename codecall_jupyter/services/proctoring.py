"""Proctoring signals from a participant's tab (visibility, focus, copy, paste) and their sums.

Practice is transparent: the signals go to the session's activity log, where the host and
the participants alike can see them. Pasted text itself is kept only if the operator asks.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from ..store.db import Database
from ..store.models import Participant, PracticeSession, SessionEvent, User
from ..store.types import utcnow
from .activity import ActivityLog
from .errors import InvalidInput, NotFound

EVENTS = ("tab_hidden", "tab_visible", "blur", "focus", "paste", "copy")
KIND = "proctor"  # the activity-log kind every signal is stored under
MAX_PASTE_CONTENT = 10_000  # characters of pasted text kept, when kept at all


@dataclass
class ProctorSummary:
    """One person's signals in a session."""

    user: User
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(EVENTS, 0))
    pasted_chars: int = 0
    largest_paste: int = 0
    hidden_seconds: int = 0


class ProctoringService:
    def __init__(self, db: Database, activity: ActivityLog, record_paste_content: bool) -> None:
        self.db = db
        self.activity = activity
        self.record_paste_content = record_paste_content

    async def record(
        self,
        session_id: str,
        user_id: int,
        kind: str,
        size: int | None = None,
        content: str | None = None,
    ) -> None:
        if kind not in EVENTS:
            raise InvalidInput(f"Unknown proctoring event {kind!r}.", code="unknown_event")
        if size is None and content is not None:
            size = len(content)
        if size is not None and size < 0:
            raise InvalidInput("size cannot be negative.", code="invalid_size")
        data: dict[str, Any] = {"event": kind, "size": size}
        if kind == "paste" and content is not None and self.record_paste_content:
            # Lone surrogates cannot be stored as JSON text: replace them.
            data["content"] = content[:MAX_PASTE_CONTENT].encode("utf-8", "replace").decode()
        async with self.db.session() as s, s.begin():
            self.activity.add(s, session_id, user_id, KIND, **data)

    async def summary(self, session_id: str) -> list[ProctorSummary]:
        """Everyone who took part (host first), with their counts and time hidden."""
        async with self.db.session() as s:
            session = await s.get(PracticeSession, session_id)
            if session is None:
                raise NotFound("No such session.")
            people = await _people(s, session)
            events = await s.execute(
                select(SessionEvent.actor_id, SessionEvent.data, SessionEvent.created_at)
                .where(SessionEvent.session_id == session_id, SessionEvent.kind == KIND)
                .order_by(SessionEvent.id)
            )
            hidden_since: dict[int, datetime] = {}
            hidden: dict[int, float] = dict.fromkeys(people, 0.0)
            for actor_id, data, at in events:
                person = people.get(actor_id) if actor_id is not None else None
                if person is not None and isinstance(data, dict):
                    hidden[actor_id] += _count(person, data, at, hidden_since)
        # A tab still hidden counts until now, or until the session ended.
        end = session.ended_at or utcnow()
        for user_id, since in hidden_since.items():
            hidden[user_id] += max(0.0, (end - since).total_seconds())
        for user_id, person in people.items():
            person.hidden_seconds = int(hidden[user_id])
        return list(people.values())


def _count(
    person: ProctorSummary, data: dict[str, Any], at: datetime, hidden_since: dict[int, datetime]
) -> float:
    """Add one signal to ``person``; returns the seconds of a hidden interval it closes."""
    event, size = data.get("event"), data.get("size")
    if event not in person.counts:
        return 0.0
    person.counts[event] += 1
    if event == "paste" and isinstance(size, int):
        person.pasted_chars += size
        person.largest_paste = max(person.largest_paste, size)
    user_id = person.user.id
    if event == "tab_hidden":
        hidden_since.setdefault(user_id, at)  # a repeated "hidden" keeps the first start
    elif event == "tab_visible" and user_id in hidden_since:
        return max(0.0, (at - hidden_since.pop(user_id)).total_seconds())
    return 0.0


async def _people(s: AsyncSession, session: PracticeSession) -> dict[int, ProctorSummary]:
    """The host, everyone ever admitted, and anyone who sent a signal."""
    admitted = select(Participant.user_id).where(
        Participant.session_id == session.id, Participant.admitted_at.is_not(None)
    )
    signalled = select(SessionEvent.actor_id).where(
        SessionEvent.session_id == session.id, SessionEvent.kind == KIND
    )
    users = await s.scalars(
        select(User).where(
            or_(User.id == session.host_id, User.id.in_(admitted), User.id.in_(signalled))
        )
    )
    ordered = sorted(users, key=lambda u: (u.id != session.host_id, u.id))
    return {u.id: ProctorSummary(u) for u in ordered}
