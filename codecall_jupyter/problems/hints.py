"""Hints revealed in a session, one at a time, in order. The activity log is the record:
each reveal is a ``hint_revealed`` event naming the problem and the hint's number."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from ..services.activity import ActivityLog
from ..services.errors import Conflict
from ..store.db import Database
from ..store.models import PracticeSession, SessionEvent
from .model import Problem

KIND = "hint_revealed"


class HintService:
    def __init__(self, db: Database, activity: ActivityLog) -> None:
        self.db = db
        self.activity = activity

    async def revealed(self, session_id: str, problem: Problem) -> list[str]:
        async with self.db.session() as s:
            count = await self._count(s, session_id, problem.id)
        return list(problem.hints[:count])

    async def reveal(self, session_id: str, user_id: int, problem: Problem) -> list[str]:
        """Reveal the next hint; the hints now revealed."""
        async with self.db.session() as s, s.begin():
            # Lock the session row so two interviewers clicking at once reveal two hints.
            await s.execute(
                select(PracticeSession.id).where(PracticeSession.id == session_id).with_for_update()
            )
            count = await self._count(s, session_id, problem.id)
            if count >= len(problem.hints):
                raise Conflict("Every hint has been revealed.", code="no_more_hints")
            self.activity.add(s, session_id, user_id, KIND, problem_id=problem.id, number=count + 1)
        return list(problem.hints[: count + 1])

    @staticmethod
    async def _count(s: AsyncSession, session_id: str, problem_id: str) -> int:
        rows = await s.execute(
            select(SessionEvent.data).where(
                SessionEvent.session_id == session_id, SessionEvent.kind == KIND
            )
        )
        return sum(1 for data in rows.scalars() if (data or {}).get("problem_id") == problem_id)
