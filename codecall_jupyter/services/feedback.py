"""Scorecards and peer feedback, written during or after a session.

- ``scorecard``: interview mode only. An interviewer (or the host) rates the candidate.
  It is read by its author and by the host (unless the host is its subject or sits in the
  candidate's seat); never by the candidate or observers, and it is never logged in the
  activity log, which everyone in the session reads.
- ``feedback``: either mode. Each side (interviewer, candidate, the host) writes about
  the other. A draft is saved with ``save`` and made final with ``submit``. The subject
  reads it once they have submitted theirs about its author, or once the session ended.

One row per (session, author, kind): the unique constraint makes it so."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import and_, exists, func, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased

from ..store.db import Database
from ..store.models import Feedback, Participant, PracticeSession, User
from ..store.types import utcnow
from .access import WRITER_ROLES
from .activity import ActivityLog
from .errors import Conflict, Forbidden, InvalidInput, NotFound
from .sessions import _participant

CRITERIA = ("problem_solving", "coding", "communication", "testing")
VERDICTS = ("strong_no", "no", "yes", "strong_yes")
RATING_MIN, RATING_MAX = 1, 4
SCORECARD, FEEDBACK = "scorecard", "feedback"


def ratings_of(row: Feedback) -> dict[str, int]:
    """The stored ratings (JSON text), criteria in the rubric's order."""
    try:
        data: Any = json.loads(row.ratings or "{}")
    except ValueError:
        return {}
    if not isinstance(data, dict):
        return {}
    return {c: int(data[c]) for c in CRITERIA if isinstance(data.get(c), int)}


@dataclass(frozen=True)
class Draft:
    """What an author saves; ``subject_id`` None keeps the subject (or picks the only one)."""

    ratings: dict[str, int]
    verdict: str | None
    text: str
    subject_id: int | None = None

    def __post_init__(self) -> None:  # the schema checks too; the service never trusts it
        for criterion, rating in self.ratings.items():
            if criterion not in CRITERIA or not RATING_MIN <= rating <= RATING_MAX:
                raise InvalidInput(f"ratings.{criterion}: not a criterion rated 1 to 4.")
        if self.verdict is not None and self.verdict not in VERDICTS:
            raise InvalidInput(f"verdict: one of {', '.join(VERDICTS)}.")


@dataclass
class Entry:
    """A stored scorecard or feedback with the people it names."""

    row: Feedback
    author: User
    subject: User | None

    @property
    def ratings(self) -> dict[str, int]:
        return ratings_of(self.row)


@dataclass
class ScorecardState:
    mine: Entry | None
    others: list[Entry]  # the host's view: other interviewers' submitted scorecards


@dataclass
class FeedbackState:
    mine: Entry | None
    received: list[Entry]  # submitted feedback about me that I may read now
    waiting: int  # submitted feedback about me, shown once I submit mine or the session ends


@dataclass(frozen=True)
class _Seat:
    session: PracticeSession
    me: Participant | None
    is_host: bool

    @property
    def role(self) -> str | None:
        return self.me.role if self.me is not None else None


class FeedbackService:
    def __init__(self, db: Database, activity: ActivityLog) -> None:
        self.db = db
        self.activity = activity

    # --- scorecards -------------------------------------------------------------------------

    async def scorecard(self, user_id: int, session_id: str) -> ScorecardState:
        async with self.db.session() as s:
            seat = await self._scorer(s, user_id, session_id)
            mine = await self._entry(s, session_id, user_id, SCORECARD)
            others: list[Entry] = []
            if seat.is_host and seat.role != "candidate":
                rows = await s.scalars(
                    select(Feedback)
                    .where(
                        Feedback.session_id == session_id,
                        Feedback.kind == SCORECARD,
                        Feedback.author_id != user_id,
                        Feedback.submitted_at.is_not(None),
                        or_(Feedback.subject_id.is_(None), Feedback.subject_id != user_id),
                    )
                    .order_by(Feedback.submitted_at, Feedback.id)
                )
                others = [await self._with_people(s, row) for row in rows]
            return ScorecardState(mine, others)

    async def save_scorecard(self, user_id: int, session_id: str, draft: Draft) -> ScorecardState:
        await self._save(user_id, session_id, SCORECARD, draft)
        return await self.scorecard(user_id, session_id)

    async def submit_scorecard(self, user_id: int, session_id: str) -> ScorecardState:
        await self._submit(user_id, session_id, SCORECARD)
        return await self.scorecard(user_id, session_id)

    # --- peer feedback ----------------------------------------------------------------------

    async def feedback(self, user_id: int, session_id: str) -> FeedbackState:
        async with self.db.session() as s:
            seat = await self._side(s, user_id, session_id)
            mine = await self._entry(s, session_id, user_id, FEEDBACK)
            rows = await s.scalars(
                select(Feedback)
                .where(
                    Feedback.session_id == session_id,
                    Feedback.kind == FEEDBACK,
                    Feedback.subject_id == user_id,
                    Feedback.submitted_at.is_not(None),
                )
                .order_by(Feedback.submitted_at, Feedback.id)
            )
            received, waiting = [], 0
            ended = seat.session.status == "ENDED"
            answered = (
                mine.row.subject_id
                if mine is not None and mine.row.submitted_at is not None
                else None
            )
            for row in rows:
                if ended or row.author_id == answered:
                    received.append(await self._with_people(s, row))
                else:
                    waiting += 1
            return FeedbackState(mine, received, waiting)

    async def save_feedback(self, user_id: int, session_id: str, draft: Draft) -> FeedbackState:
        await self._save(user_id, session_id, FEEDBACK, draft)
        return await self.feedback(user_id, session_id)

    async def submit_feedback(self, user_id: int, session_id: str) -> FeedbackState:
        await self._submit(user_id, session_id, FEEDBACK)
        return await self.feedback(user_id, session_id)

    async def received(
        self, user_id: int, page: int, per_page: int
    ) -> tuple[list[tuple[Entry, PracticeSession]], int]:
        """Feedback about me across sessions, newest first: only what I may read (the
        session ended, or I submitted mine about its author). Never scorecards."""
        mine = aliased(Feedback)
        answered = exists().where(
            mine.session_id == Feedback.session_id,
            mine.author_id == user_id,
            mine.kind == FEEDBACK,
            mine.subject_id == Feedback.author_id,
            mine.submitted_at.is_not(None),
        )
        where = and_(
            Feedback.kind == FEEDBACK,
            Feedback.subject_id == user_id,
            Feedback.submitted_at.is_not(None),
            or_(PracticeSession.status == "ENDED", answered),
        )
        base = select(Feedback, PracticeSession).join(
            PracticeSession, PracticeSession.id == Feedback.session_id
        )
        async with self.db.session() as s:
            total = int(
                await s.scalar(select(func.count()).select_from(base.where(where).subquery())) or 0
            )
            rows = await s.execute(
                base.where(where)
                .order_by(Feedback.submitted_at.desc(), Feedback.id.desc())
                .offset((page - 1) * per_page)
                .limit(per_page)
            )
            return [(await self._with_people(s, row), session) for row, session in rows], total

    # --- shared -------------------------------------------------------------------------------

    async def _save(self, user_id: int, session_id: str, kind: str, draft: Draft) -> None:
        for attempt in (1, 2):  # two first saves racing: the loser updates the winner's row
            try:
                async with self.db.session() as s, s.begin():
                    await self._seat_for(s, user_id, session_id, kind)
                    row = await s.scalar(
                        select(Feedback)
                        .where(
                            Feedback.session_id == session_id,
                            Feedback.author_id == user_id,
                            Feedback.kind == kind,
                        )
                        .with_for_update()
                    )
                    if row is not None and row.submitted_at is not None:
                        raise Conflict("It is submitted and final.", code="already_submitted")
                    subject = await self._subject(
                        s, session_id, user_id, kind, draft.subject_id, row
                    )
                    values = {
                        "subject_id": subject,
                        "ratings": json.dumps(draft.ratings, sort_keys=True),
                        "verdict": draft.verdict,
                        "text": draft.text,
                        "updated_at": utcnow(),
                    }
                    if row is None:
                        s.add(
                            Feedback(session_id=session_id, author_id=user_id, kind=kind, **values)
                        )
                        return
                    # Conditional: a submit that won the race keeps what it submitted.
                    done = await s.execute(
                        update(Feedback)
                        .where(Feedback.id == row.id, Feedback.submitted_at.is_(None))
                        .values(**values)
                        .execution_options(synchronize_session=False)
                    )
                    if done.rowcount != 1:  # type: ignore[attr-defined]
                        raise Conflict("It is submitted and final.", code="already_submitted")
                return
            except IntegrityError:
                if attempt == 2:
                    raise

    async def _submit(self, user_id: int, session_id: str, kind: str) -> None:
        async with self.db.session() as s, s.begin():
            await self._seat_for(s, user_id, session_id, kind)
            row = await s.scalar(
                select(Feedback).where(
                    Feedback.session_id == session_id,
                    Feedback.author_id == user_id,
                    Feedback.kind == kind,
                )
            )
            if row is None:
                raise Conflict("Save a draft first.", code="no_draft")
            if row.submitted_at is not None:
                raise Conflict("It is submitted already.", code="already_submitted")
            ratings = ratings_of(row)
            missing = [c for c in CRITERIA if c not in ratings]
            if missing or row.verdict is None:
                raise InvalidInput(
                    "Rate every criterion and choose a verdict before submitting.",
                    code="incomplete",
                    missing=[*missing, *([] if row.verdict else ["verdict"])],
                )
            subject = row.subject_id or await self._subject(s, session_id, user_id, kind, None, row)
            if subject is None:
                raise Conflict("There is nobody to write about yet.", code="no_subject")
            # Conditional: of two submits racing, one wins and is logged once; a save that
            # came between the check above and here (a newer draft) is not submitted unseen.
            done = await s.execute(
                update(Feedback)
                .where(
                    Feedback.id == row.id,
                    Feedback.submitted_at.is_(None),
                    Feedback.updated_at == row.updated_at,
                )
                .values(submitted_at=utcnow(), subject_id=subject)
                .execution_options(synchronize_session=False)
            )
            if done.rowcount != 1:  # type: ignore[attr-defined]
                raise Conflict(
                    "It was submitted or changed meanwhile; look again.", code="already_submitted"
                )
            if kind == FEEDBACK:
                # Scorecards are never logged: the log is read by the candidate too.
                self.activity.add(s, session_id, user_id, "feedback_submitted", user_id=subject)

    async def _seat_for(self, s: AsyncSession, user_id: int, session_id: str, kind: str) -> _Seat:
        if kind == SCORECARD:
            return await self._scorer(s, user_id, session_id)
        return await self._side(s, user_id, session_id)

    @staticmethod
    async def _took_part(s: AsyncSession, user_id: int, session_id: str) -> _Seat:
        """The session, if I host it or was admitted to it (and was not turned away)."""
        session = await s.get(PracticeSession, session_id)
        if session is None:
            raise NotFound("No such session.")
        me = await _participant(s, session_id, user_id)
        is_host = session.host_id == user_id
        took_part = (
            me is not None and me.state in ("admitted", "left") and me.admitted_at is not None
        )
        if not (is_host or took_part):
            raise NotFound("No such session.")  # never reveal that it exists
        return _Seat(session, me, is_host)

    async def _scorer(self, s: AsyncSession, user_id: int, session_id: str) -> _Seat:
        """Interviewers and the host keep scorecards; for anyone else there is none (404,
        as if the route did not exist)."""
        seat = await self._took_part(s, user_id, session_id)
        if not (seat.is_host or seat.role == "interviewer"):
            raise NotFound("No such scorecard.")
        if seat.session.mode != "interview":
            raise Conflict("Scorecards belong to interview mode.", code="not_interview_mode")
        return seat

    async def _side(self, s: AsyncSession, user_id: int, session_id: str) -> _Seat:
        seat = await self._took_part(s, user_id, session_id)
        if not (seat.is_host or seat.role in WRITER_ROLES):
            raise Forbidden("Observers do not write feedback.", code="observer")
        return seat

    @staticmethod
    async def _subjects(s: AsyncSession, session_id: str, user_id: int, kind: str) -> set[int]:
        """Whom ``user_id`` may write about: the candidates (scorecard), or the other
        side, interviewers, candidates and the host (feedback). Never observers."""
        session = await s.get(PracticeSession, session_id)
        assert session is not None
        roles = ("candidate",) if kind == SCORECARD else tuple(WRITER_ROLES)
        people = set(
            await s.scalars(
                select(Participant.user_id).where(
                    Participant.session_id == session_id,
                    Participant.state.in_(("admitted", "left")),
                    Participant.admitted_at.is_not(None),
                    Participant.role.in_(roles),
                )
            )
        )
        if kind == FEEDBACK:
            people.add(session.host_id)
        people.discard(user_id)
        return people

    async def _subject(
        self,
        s: AsyncSession,
        session_id: str,
        user_id: int,
        kind: str,
        asked: int | None,
        row: Feedback | None,
    ) -> int | None:
        people = await self._subjects(s, session_id, user_id, kind)
        if asked is not None:
            if asked not in people:
                whom = "a candidate" if kind == SCORECARD else "the other side"
                raise InvalidInput(f"subject_id: not {whom} of this session.", code="bad_subject")
            return asked
        if row is not None and row.subject_id is not None:
            return row.subject_id
        return next(iter(people)) if len(people) == 1 else None

    async def _entry(
        self, s: AsyncSession, session_id: str, user_id: int, kind: str
    ) -> Entry | None:
        row = await s.scalar(
            select(Feedback).where(
                Feedback.session_id == session_id,
                Feedback.author_id == user_id,
                Feedback.kind == kind,
            )
        )
        return await self._with_people(s, row) if row is not None else None

    @staticmethod
    async def _with_people(s: AsyncSession, row: Feedback) -> Entry:
        author = await s.get(User, row.author_id)
        assert author is not None  # authors cascade: their rows go with them
        subject = await s.get(User, row.subject_id) if row.subject_id is not None else None
        return Entry(row, author, subject)
