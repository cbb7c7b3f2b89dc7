"""The shapes the channel sends: session state and chat messages."""

from __future__ import annotations

from typing import Any

from ..services.accounts import Account
from ..store.models import Participant, PracticeSession, User


def public_user(user: User) -> dict[str, Any]:
    account = Account.of(user)
    return {
        "id": user.id,
        "username": user.username,
        "display_name": user.display_name,
        "color": account.color,
    }


def session_state(
    session: PracticeSession, people: list[tuple[Participant, User]]
) -> dict[str, Any]:
    return {
        "session": {
            "id": session.id,
            "title": session.title,
            "status": session.status,
            "language": session.language,
            "mode": session.mode,
            "problem_id": session.problem_id,
            "host_id": session.host_id,
            "auto_admit": session.auto_admit,
            "max_participants": session.max_participants,
            "ended_at": session.ended_at.isoformat() if session.ended_at else None,
            "end_reason": session.end_reason,
        },
        "participants": [
            {
                "user": public_user(u),
                "role": p.role,
                "is_host": u.id == session.host_id,
                "state": p.state,
            }
            for p, u in people
            if p.state == "admitted"
        ],
    }


def chat_out(message: Any, author: User | None) -> dict[str, Any]:
    return {
        "id": message.id,
        "author": public_user(author) if author is not None else None,
        "text": message.text,
        "created_at": message.created_at.isoformat(),
        "edited_at": message.edited_at.isoformat() if message.edited_at else None,
        "deleted": message.deleted_at is not None,
    }
