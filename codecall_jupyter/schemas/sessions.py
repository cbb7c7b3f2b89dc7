"""Practice sessions: requests and responses."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Annotated, Literal

from pydantic import Field, Strict

from ..runner.polyglot.languages import LANGUAGES
from .accounts import PublicUserOut
from .base import Request, Response, Text

if TYPE_CHECKING:
    Language = str
else:  # every language of the runner's table (whether this server has it installed or not)
    Language = Literal[tuple(LANGUAGES)]
Mode = Literal["interview", "peer"]
Role = Literal["interviewer", "candidate", "observer"]
State = Literal["invited", "waiting", "admitted", "rejected", "removed", "left", "declined"]
Status = Literal["WAITING", "ACTIVE", "ENDED"]
# JSON carries timestamps as ISO-8601 strings: parse them even in strict models.
Timestamp = Annotated[datetime, Strict(False)]
Username = Annotated[Text, Field(min_length=1, max_length=254)]


class SessionCreate(Request):
    title: Text = Field(min_length=1, max_length=120)
    description: Text = Field(default="", max_length=5000)
    language: Language = "python"
    problem_id: Text | None = Field(default=None, min_length=1, max_length=64)
    password: Text | None = Field(default=None, min_length=1, max_length=128)
    max_participants: int = Field(default=2, ge=2, le=6)
    scheduled_at: Timestamp | None = None
    mode: Mode = "interview"
    auto_admit: bool = False
    invite: list[Username] = Field(default_factory=list, max_length=20)


class SessionUpdate(Request):
    """Only the fields given change; `password: null` removes the password."""

    title: Text | None = Field(default=None, min_length=1, max_length=120)
    description: Text | None = Field(default=None, max_length=5000)
    language: Language | None = None
    problem_id: Text | None = Field(default=None, min_length=1, max_length=64)
    password: Text | None = Field(default=None, min_length=1, max_length=128)
    max_participants: int | None = Field(default=None, ge=2, le=6)
    scheduled_at: Timestamp | None = None
    auto_admit: bool | None = None


class SessionInvite(Request):
    usernames: list[Username] = Field(min_length=1, max_length=20)


class JoinByToken(Request):
    token: Text = Field(min_length=1, max_length=128)
    password: Text | None = Field(default=None, max_length=128)


class JoinById(Request):
    password: Text | None = Field(default=None, max_length=128)


class RoleChange(Request):
    role: Role


class HostHandoff(Request):
    user_id: int = Field(ge=1, le=2**31 - 1)  # an id: 32-bit in PostgreSQL


class ParticipantOut(Response):
    user: PublicUserOut
    role: Role
    state: State
    is_host: bool
    joined_at: datetime
    admitted_at: datetime | None
    left_at: datetime | None


class Durations(Response):
    waiting_seconds: int = Field(description="From creation until the first admission (or now).")
    active_seconds: int = Field(description="From the first admission until the end (or now).")


class SessionOut(Response):
    id: str
    title: str
    description: str
    language: Language
    problem_id: str | None
    mode: Mode
    status: Status
    host: PublicUserOut
    max_participants: int
    participant_count: int = Field(description="Admitted participants, the host included.")
    has_password: bool
    auto_admit: bool
    scheduled_at: datetime | None
    created_at: datetime
    started_at: datetime | None
    ended_at: datetime | None
    end_reason: str | None
    my_role: Role | None
    my_state: State | None
    is_host: bool
    invite_url: str | None = Field(description="Shown to the host and admitted participants.")
    home_url: str | None = Field(
        default=None,
        description="Under JupyterHub, where the session's files are when that is another "
        "user's server: its JupyterLab, opening this session (for the host and admitted "
        "participants). Null on the server that holds them, and outside JupyterHub.",
    )


class SessionFiles(Response):
    """Contents paths (relative to the server root) of what the workspace opens."""

    folder: str
    solution: str = Field(description="The entry file in the session's language.")
    statement: str = Field(description="The problem statement, problem.md.")
    whiteboard: str


class SessionDetail(SessionOut):
    participants: list[ParticipantOut] = Field(
        description="Admitted and past participants; the waiting list only for the host."
    )
    durations: Durations
    files: SessionFiles | None = Field(
        default=None,
        description="For the host and admitted participants, on the server that holds "
        "the files (null where home_url points elsewhere).",
    )


class SessionList(Response):
    sessions: list[SessionOut]


class SessionPage(SessionList):
    page: int
    per_page: int
    total: int


class JoinResult(Response):
    state: State
    session: SessionOut


class EventOut(Response):
    id: int
    kind: str
    actor: PublicUserOut | None
    subject: PublicUserOut | None = Field(
        description="Whom the event is about (admitted, rejected, removed, new role), if anyone."
    )
    data: dict[str, object]
    created_at: datetime


class EventList(Response):
    events: list[EventOut]
