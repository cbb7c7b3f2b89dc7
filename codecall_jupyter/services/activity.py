"""A session's activity log: every state change, who made it, and when."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from ..store.db import Database
from ..store.models import SessionEvent, User

# Kinds written outside the session services: a named snapshot of the session's documents
# was saved (data: snapshot_id, name), and one was restored (snapshot_id, name, backup_id:
# the snapshot saved automatically just before, files: the paths written).
SNAPSHOT = "snapshot"
RESTORED = "restored"


class ActivityLog:
    def __init__(self, db: Database) -> None:
        self.db = db

    @staticmethod
    def add(s: AsyncSession, session_id: str, actor_id: int | None, kind: str, **data: Any) -> None:
        """Record an event inside the caller's transaction: it is stored with the change."""
        s.add(SessionEvent(session_id=session_id, actor_id=actor_id, kind=kind, data=data))

    async def list(
        self, session_id: str, limit: int = 500
    ) -> list[tuple[SessionEvent, User | None]]:
        """The newest ``limit`` events, oldest first, each with its actor."""
        async with self.db.session() as s:
            rows = await s.execute(
                select(SessionEvent, User)
                .outerjoin(User, User.id == SessionEvent.actor_id)
                .where(SessionEvent.session_id == session_id)
                .order_by(SessionEvent.id.desc())
                .limit(limit)
            )
            return [(event, actor) for event, actor in reversed(list(rows))]

    async def subjects(self, events: Sequence[SessionEvent]) -> dict[int, User]:
        """The people events are about (``data["user_id"]``), in one query."""
        ids = {e.data["user_id"] for e in events if isinstance(e.data.get("user_id"), int)}
        if not ids:
            return {}
        async with self.db.session() as s:
            return {u.id: u for u in await s.scalars(select(User).where(User.id.in_(ids)))}
