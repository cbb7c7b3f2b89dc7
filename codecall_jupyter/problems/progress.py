"""A user's practice over time: problems solved by difficulty and tag, day by day, streaks;
and their past sessions with the problem, role, result, duration and feedback received.

"Solved" means a judging against the problem's own cases with every case passing.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import func, or_, select

from ..store.db import Database
from ..store.models import Feedback, Participant, PracticeSession, Run
from ..store.types import utcnow
from .model import DIFFICULTIES, Problem


@dataclass(frozen=True)
class Progress:
    solved: int
    attempted: int
    by_difficulty: Sequence[tuple[str, int, int]]  # (difficulty, solved, total)
    by_tag: list[tuple[str, int, int]]
    days: list[tuple[date, int, int]]  # (day, problems solved that day, judgings)
    current_streak: int
    longest_streak: int


@dataclass(frozen=True)
class PastSession:
    session: PracticeSession
    role: str
    result: str | None
    tests_passed: int | None
    tests_total: int | None
    feedback_received: int


async def progress(
    db: Database, user_id: int, problems: list[Problem], today: date | None = None
) -> Progress:
    async with db.session() as s:
        rows = (
            await s.execute(
                select(Run.problem_id, Run.verdict, Run.created_at).where(
                    Run.user_id == user_id, Run.problem_id.is_not(None), Run.mode == "judge"
                )
            )
        ).all()
    solved_on: dict[str, date] = {}
    solves_by_day: dict[date, set[str]] = defaultdict(set)
    judged_by_day: Counter[date] = Counter()
    attempted: set[str] = set()
    for problem_id, verdict, created in rows:
        assert problem_id is not None  # selected so
        day = created.date()
        judged_by_day[day] += 1
        attempted.add(problem_id)
        if verdict == "OK":
            solves_by_day[day].add(problem_id)
            solved_on[problem_id] = min(day, solved_on.get(problem_id, day))
    known = {p.id: p for p in problems}
    solved = {pid for pid in solved_on if pid in known}
    by_difficulty = [
        (d, sum(1 for p in solved if known[p].difficulty == d),
         sum(1 for p in problems if p.difficulty == d))
        for d in DIFFICULTIES
    ]  # fmt: skip
    tag_totals = Counter(t for p in problems for t in p.tags)
    tag_solved = Counter(t for pid in solved for t in known[pid].tags)
    by_tag = [(t, tag_solved[t], tag_totals[t]) for t in sorted(tag_totals)]
    days = [(d, len(solves_by_day[d]), judged_by_day[d]) for d in sorted(judged_by_day)]
    current, longest = streaks(set(solves_by_day), today or utcnow().date())
    return Progress(
        len(solved), len(attempted & set(known)), by_difficulty, by_tag, days, current, longest
    )


def streaks(days: set[date], today: date) -> tuple[int, int]:
    """(current, longest) runs of consecutive days. The current run may end yesterday:
    a streak is not broken before the day is over."""
    longest = run = 0
    previous: date | None = None
    for day in sorted(days):
        run = run + 1 if previous is not None and day - previous == timedelta(days=1) else 1
        longest = max(longest, run)
        previous = day
    current = 0
    day = today if today in days else today - timedelta(days=1)
    while day in days:
        current += 1
        day -= timedelta(days=1)
    return current, longest


async def past_sessions(db: Database, user_id: int, limit: int = 100) -> list[PastSession]:
    """Ended sessions I hosted or was admitted to, newest first."""
    async with db.session() as s:
        took_part = select(Participant.session_id).where(
            Participant.user_id == user_id, Participant.admitted_at.is_not(None)
        )
        sessions = (
            await s.scalars(
                select(PracticeSession)
                .where(
                    PracticeSession.status == "ENDED",
                    or_(PracticeSession.host_id == user_id, PracticeSession.id.in_(took_part)),
                )
                .order_by(PracticeSession.ended_at.desc(), PracticeSession.id)
                .limit(limit)
            )
        ).all()
        ids = [x.id for x in sessions]
        roles = dict(
            (
                await s.execute(
                    select(Participant.session_id, Participant.role).where(
                        Participant.user_id == user_id, Participant.session_id.in_(ids)
                    )
                )
            ).all()
        )
        judged = (
            await s.execute(
                select(Run.session_id, Run.verdict, Run.passed, Run.total).where(
                    Run.session_id.in_(ids), Run.mode == "judge", Run.status == "done"
                )
            )
        ).all()
        received = dict(
            (
                await s.execute(
                    select(Feedback.session_id, func.count())
                    .where(
                        Feedback.session_id.in_(ids),
                        Feedback.subject_id == user_id,
                        Feedback.kind == "feedback",
                        Feedback.submitted_at.is_not(None),
                    )
                    .group_by(Feedback.session_id)
                )
            ).all()
        )
    best: dict[str, tuple[str | None, int | None, int | None]] = {}
    for session_id, verdict, passed, total in judged:
        assert session_id is not None  # selected so
        score = (verdict == "OK", passed or 0)
        held = best.get(session_id)
        if held is None or score > (held[0] == "OK", held[1] or 0):
            best[session_id] = (verdict, passed, total)
    return [
        PastSession(
            session=x,
            role=roles.get(x.id, "interviewer"),
            result=best.get(x.id, (None, None, None))[0],
            tests_passed=best.get(x.id, (None, None, None))[1],
            tests_total=best.get(x.id, (None, None, None))[2],
            feedback_received=int(received.get(x.id, 0)),
        )
        for x in sessions
    ]


def duration_seconds(session: PracticeSession) -> int | None:
    start: datetime | None = session.started_at or session.created_at
    if start is None or session.ended_at is None:
        return None
    return max(0, int((session.ended_at - start).total_seconds()))
