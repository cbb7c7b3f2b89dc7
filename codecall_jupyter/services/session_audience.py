"""Who hears that a session changed: its host and everyone it has a place for (invited,
waiting, admitted, and those turned away or removed, whose lists change too)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from sqlalchemy import select

from ..store.db import Database
from ..store.models import Participant, PracticeSession
from .user_events import UserEvent, UserEvents


async def session_audience(db: Database, session_id: str) -> set[int]:
    async with db.session() as s:
        host = await s.scalar(
            select(PracticeSession.host_id).where(PracticeSession.id == session_id)
        )
        people = await s.scalars(
            select(Participant.user_id).where(Participant.session_id == session_id)
        )
        audience = set(people)
    if host is not None:
        audience.add(host)
    return audience


def announce_session_changes(db: Database, events: UserEvents) -> Callable[[str], Awaitable[None]]:
    """A SessionNotifier listener that tells the session's people to reload."""

    async def changed(session_id: str) -> None:
        await events.publish(await session_audience(db, session_id), UserEvent("sessions"))

    return changed
