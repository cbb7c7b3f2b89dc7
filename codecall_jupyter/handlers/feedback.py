"""Private notes, scorecards and peer feedback. The rules (who writes, who reads, when
feedback is revealed) are in services/notes.py, services/feedback.py and services/access.py."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from jupyter_server.auth.decorator import authorized
from tornado import web

from ..schemas.feedback import (
    FeedbackDraft,
    FeedbackOut,
    FeedbackStateOut,
    NotesOut,
    ReceivedFeedbackOut,
    ReceivedFeedbackPage,
    RubricOut,
    ScorecardStateOut,
)
from ..services.container import CodeCallServices
from ..services.feedback import (
    CRITERIA,
    RATING_MAX,
    RATING_MIN,
    VERDICTS,
    Draft,
    Entry,
    FeedbackService,
    FeedbackState,
    ScorecardState,
)
from ..services.notes import NotesService
from ..store.models import PracticeSession
from .chat import MemberHandler
from .me import public_row
from .operation import operation, whole

API = "/codecall/api"
TAGS = ("feedback",)
S = TypeVar("S")


def _cached(services: CodeCallServices, key: str, make: Callable[[], S]) -> S:
    """One instance per server, kept with the other services."""
    found = services.extra.get(key)
    if found is None:
        found = services.extra[key] = make()
    return found  # type: ignore[return-value]


def feedback_service(services: CodeCallServices) -> FeedbackService:
    return _cached(
        services, "feedback", lambda: FeedbackService(services.sessions.db, services.activity)
    )


def notes_service(services: CodeCallServices) -> NotesService:
    return _cached(
        services,
        "notes",
        lambda: NotesService(
            services.sessions.db, services.access, services.sessions.rules.sessions_root
        ),
    )


RUBRIC = RubricOut(
    criteria=list(CRITERIA),
    verdicts=list(VERDICTS),
    min_rating=RATING_MIN,
    max_rating=RATING_MAX,
)


def entry_out(entry: Entry) -> FeedbackOut:
    row = entry.row
    return FeedbackOut(
        kind=row.kind,  # type: ignore[arg-type]
        session_id=row.session_id,
        author=public_row(entry.author),
        subject=public_row(entry.subject) if entry.subject is not None else None,
        ratings=entry.ratings,
        verdict=row.verdict,
        text=row.text,
        updated_at=row.updated_at,
        submitted_at=row.submitted_at,
    )


def scorecard_out(state: ScorecardState) -> ScorecardStateOut:
    mine = entry_out(state.mine) if state.mine is not None else None
    return ScorecardStateOut(rubric=RUBRIC, mine=mine, others=[entry_out(e) for e in state.others])


def feedback_out(state: FeedbackState) -> FeedbackStateOut:
    mine = entry_out(state.mine) if state.mine is not None else None
    return FeedbackStateOut(
        rubric=RUBRIC,
        mine=mine,
        received=[entry_out(e) for e in state.received],
        waiting=state.waiting,
    )


def received_out(entry: Entry, session: PracticeSession) -> ReceivedFeedbackOut:
    return ReceivedFeedbackOut(
        **entry_out(entry).model_dump(),
        session_title=session.title,
        session_ended_at=session.ended_at,
    )


class FeedbackBase(MemberHandler):
    @property
    def feedback(self) -> FeedbackService:
        return feedback_service(self.services)

    def draft(self) -> Draft:
        body = self.body(FeedbackDraft)
        return Draft(
            ratings=dict(body.ratings),
            verdict=body.verdict,
            text=body.text,
            subject_id=body.subject_id,
        )


class NotesHandler(FeedbackBase):
    @web.authenticated
    @authorized
    @operation(
        "My private notes for a session: made on first use, then the same file",
        description="For the host and interviewers (in peer mode both sides) while the "
        "session lasts. The file lies outside the session's folder; only its writer can "
        "open it (contents, files, collaboration room). Observers and an interview's "
        "candidate get 403.",
        responses={200: NotesOut},
        errors=(404, 409),
        tags=TAGS,
    )
    async def post(self, session_id: str) -> None:
        path = await notes_service(self.services).ensure(self.user.account_id, session_id)
        self.set_header("Cache-Control", "no-store")
        self.reply(NotesOut(path=path))


class ScorecardHandler(FeedbackBase):
    @web.authenticated
    @authorized
    @operation(
        "My scorecard of the candidate (interview mode), and for the host the others'",
        description="Interviewers and the host only; anyone else gets 404. Never shown to "
        "the candidate or observers, in any response.",
        responses={200: ScorecardStateOut},
        errors=(404, 409),
        tags=TAGS,
    )
    async def get(self, session_id: str) -> None:
        state = await self.feedback.scorecard(self.user.account_id, session_id)
        self.set_header("Cache-Control", "no-store")
        self.reply(scorecard_out(state))

    @web.authenticated
    @authorized
    @operation(
        "Save my scorecard's draft (replaces it; not after submitting)",
        request=FeedbackDraft,
        responses={200: ScorecardStateOut},
        errors=(404, 409),
        tags=TAGS,
    )
    async def put(self, session_id: str) -> None:
        draft = self.draft()
        state = await self.feedback.save_scorecard(self.user.account_id, session_id, draft)
        self.set_header("Cache-Control", "no-store")
        self.reply(scorecard_out(state))


class ScorecardSubmitHandler(FeedbackBase):
    @web.authenticated
    @authorized
    @operation(
        "Submit my scorecard: every criterion rated and a verdict; final",
        responses={200: ScorecardStateOut},
        errors=(404, 409, 422),
        tags=TAGS,
    )
    async def post(self, session_id: str) -> None:
        state = await self.feedback.submit_scorecard(self.user.account_id, session_id)
        self.set_header("Cache-Control", "no-store")
        self.reply(scorecard_out(state))


class FeedbackHandler(FeedbackBase):
    @web.authenticated
    @authorized
    @operation(
        "My feedback for the other side, and theirs once revealed",
        description="The other side's submitted feedback about me shows once I have "
        "submitted mine about them, or once the session has ended. Observers get 403.",
        responses={200: FeedbackStateOut},
        errors=(403, 404),
        tags=TAGS,
    )
    async def get(self, session_id: str) -> None:
        state = await self.feedback.feedback(self.user.account_id, session_id)
        self.set_header("Cache-Control", "no-store")
        self.reply(feedback_out(state))

    @web.authenticated
    @authorized
    @operation(
        "Save my feedback's draft (replaces it; not after submitting)",
        request=FeedbackDraft,
        responses={200: FeedbackStateOut},
        errors=(403, 404, 409),
        tags=TAGS,
    )
    async def put(self, session_id: str) -> None:
        draft = self.draft()
        state = await self.feedback.save_feedback(self.user.account_id, session_id, draft)
        self.set_header("Cache-Control", "no-store")
        self.reply(feedback_out(state))


class FeedbackSubmitHandler(FeedbackBase):
    @web.authenticated
    @authorized
    @operation(
        "Submit my feedback: every criterion rated and a verdict; final",
        description="Logged in the session's activity log as `feedback_submitted`.",
        responses={200: FeedbackStateOut},
        errors=(403, 404, 409, 422),
        tags=TAGS,
    )
    async def post(self, session_id: str) -> None:
        state = await self.feedback.submit_feedback(self.user.account_id, session_id)
        self.set_header("Cache-Control", "no-store")
        self.reply(feedback_out(state))


class ReceivedFeedbackHandler(FeedbackBase):
    @web.authenticated
    @authorized
    @operation(
        "Feedback I received across sessions, newest first",
        description="Only what is revealed: the session ended, or I submitted mine about "
        "its author. Scorecards are never included.",
        responses={200: ReceivedFeedbackPage},
        errors=(422,),
        query={
            "page": whole("Page number, from 1.", 10_000),
            "per_page": whole("Entries per page, 1 to 100.", 100),
        },
        tags=TAGS,
    )
    async def get(self) -> None:
        page = self.query_int("page", 1, 10_000) or 1
        per_page = self.query_int("per_page", 20, 100) or 20
        rows, total = await self.feedback.received(self.user.account_id, page, per_page)
        self.set_header("Cache-Control", "no-store")
        self.reply(
            ReceivedFeedbackPage(
                feedback=[received_out(e, s) for e, s in rows],
                page=page,
                per_page=per_page,
                total=total,
            )
        )


FEEDBACK_ROUTES: list[tuple[str, type[web.RequestHandler]]] = [
    (f"{API}/me/feedback", ReceivedFeedbackHandler),
    (f"{API}/sessions/{{session_id}}/notes", NotesHandler),
    (f"{API}/sessions/{{session_id}}/scorecard", ScorecardHandler),
    (f"{API}/sessions/{{session_id}}/scorecard/submit", ScorecardSubmitHandler),
    (f"{API}/sessions/{{session_id}}/feedback", FeedbackHandler),
    (f"{API}/sessions/{{session_id}}/feedback/submit", FeedbackSubmitHandler),
]
