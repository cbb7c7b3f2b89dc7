"""Turning sessions as a user sees them into API responses."""

from __future__ import annotations

from datetime import datetime

from ..schemas.sessions import (
    Durations,
    EventOut,
    ParticipantOut,
    SessionDetail,
    SessionFiles,
    SessionOut,
)
from ..services.access import PROBLEM_FILE
from ..services.sessions import SessionView
from ..services.solutions import WHITEBOARD, solution_name
from ..store.models import SessionEvent, User
from ..store.types import utcnow
from .me import public_row


def session_out(view: SessionView, base_url: str) -> SessionOut:
    session, me = view.session, view.me
    sees_link = view.is_host or (me is not None and me.state == "admitted")
    home = session.server_prefix
    elsewhere = sees_link and home is not None and home != base_url
    return SessionOut(
        id=session.id,
        title=session.title,
        description=session.description,
        language=session.language,
        problem_id=session.problem_id,
        mode=session.mode,  # type: ignore[arg-type]
        status=session.status,  # type: ignore[arg-type]
        host=public_row(view.host),
        max_participants=session.max_participants,
        participant_count=session.admitted_count,
        has_password=session.password_hash is not None,
        auto_admit=session.auto_admit,
        scheduled_at=session.scheduled_at,
        created_at=session.created_at,
        started_at=session.started_at,
        ended_at=session.ended_at,
        end_reason=session.end_reason,
        my_role=me.role if me is not None and me.state == "admitted" else None,  # type: ignore[arg-type]
        my_state=me.state if me is not None else None,  # type: ignore[arg-type]
        is_host=view.is_host,
        invite_url=f"{base_url}lab?codecall-join={session.invite_token}" if sees_link else None,
        home_url=f"{home}lab?codecall-join={session.invite_token}" if elsewhere else None,
    )


def session_files(view: SessionView, folder_path: str) -> SessionFiles | None:
    """``folder_path``: the session folder's contents path on this server."""
    me = view.me
    inside = view.is_host or (me is not None and me.state == "admitted")
    if not inside:
        return None
    return SessionFiles(
        folder=folder_path,
        solution=f"{folder_path}/{solution_name(view.session.language)}",
        statement=f"{folder_path}/{PROBLEM_FILE}",
        whiteboard=f"{folder_path}/{WHITEBOARD}",
    )


def session_detail(view: SessionView, base_url: str, folder_path: str) -> SessionDetail:
    session = view.session
    participants = [
        ParticipantOut(
            user=public_row(user),
            role=p.role,  # type: ignore[arg-type]
            state=p.state,  # type: ignore[arg-type]
            is_host=p.user_id == session.host_id,
            joined_at=p.joined_at,
            admitted_at=p.admitted_at,
            left_at=p.left_at,
        )
        for p, user in view.participants
    ]
    now = utcnow()
    started = session.started_at
    waiting_until = started or session.ended_at or now
    out = session_out(view, base_url)
    return SessionDetail(
        **out.model_dump(),
        files=None if out.home_url else session_files(view, folder_path),
        participants=participants,
        durations=Durations(
            waiting_seconds=_seconds(session.created_at, waiting_until),
            active_seconds=_seconds(started, session.ended_at or now) if started else 0,
        ),
    )


def event_out(event: SessionEvent, actor: User | None, subject: User | None) -> EventOut:
    return EventOut(
        id=event.id,
        kind=event.kind,
        actor=public_row(actor) if actor else None,
        subject=public_row(subject) if subject else None,
        data=event.data,
        created_at=event.created_at,
    )


def _seconds(start: datetime, end: datetime) -> int:
    return max(0, int((end - start).total_seconds()))
