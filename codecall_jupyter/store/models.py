"""The tables. Request and response shapes live in ``codecall_jupyter.schemas``."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from .types import UTCDateTime, utcnow

# Stable constraint names keep Alembic diffs and batch migrations on SQLite predictable.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {datetime: UTCDateTime}


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    # Stored lower-case; the services normalise before every lookup.
    username: Mapped[str] = mapped_column(String(32), unique=True)
    email: Mapped[str | None] = mapped_column(String(254), unique=True)
    display_name: Mapped[str] = mapped_column(String(80))
    # None for accounts that never log in with a password (the owner, hub users).
    password_hash: Mapped[str | None] = mapped_column(String(255))
    # "owner": the Jupyter server's owner; "local": registered here; "hub": a JupyterHub user.
    kind: Mapped[str] = mapped_column(String(16), default="local")
    # The name another identity provider (JupyterHub) knows the user by.
    external_id: Mapped[str | None] = mapped_column(String(255), unique=True)
    disabled: Mapped[bool] = mapped_column(Boolean, default=False)
    invited_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    # Last authenticated activity; friends see "online" from it.
    last_seen_at: Mapped[datetime | None]


class LoginSession(Base):
    """A browser's login: the cookie holds a random token, the table only its hash."""

    __tablename__ = "login_sessions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    expires_at: Mapped[datetime]
    last_seen_at: Mapped[datetime] = mapped_column(default=utcnow)
    user_agent: Mapped[str] = mapped_column(String(256), default="")
    address: Mapped[str] = mapped_column(String(64), default="")

    user: Mapped[User] = relationship(lazy="joined")


class Invite(Base):
    """An invite link to register; only the token's hash is stored."""

    __tablename__ = "invites"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    created_by_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), index=True
    )
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    expires_at: Mapped[datetime]
    max_uses: Mapped[int] = mapped_column(Integer, default=1)
    uses: Mapped[int] = mapped_column(Integer, default=0)
    revoked_at: Mapped[datetime | None]


class PracticeSession(Base):
    """A practice session: a host, guests in a waiting room, roles, and a folder."""

    __tablename__ = "practice_sessions"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    host_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(String(120))
    description: Mapped[str] = mapped_column(Text, default="")
    language: Mapped[str] = mapped_column(String(32), default="python")
    problem_id: Mapped[str | None] = mapped_column(String(64))
    password_hash: Mapped[str | None] = mapped_column(String(255))
    max_participants: Mapped[int] = mapped_column(Integer, default=2)
    # Admitted participants, host included: seats are taken by a conditional UPDATE.
    admitted_count: Mapped[int] = mapped_column(Integer, default=1)
    mode: Mapped[str] = mapped_column(String(16), default="interview")
    auto_admit: Mapped[bool] = mapped_column(Boolean, default=False)
    # Shown to the host and admitted participants so they can share the link again.
    invite_token: Mapped[str] = mapped_column(String(64), unique=True)
    # The session's folder below CodeCallApp.sessions_dir, relative to the server root.
    folder: Mapped[str] = mapped_column(String(64), unique=True)
    # Under JupyterHub: the URL prefix of the single-user server that holds the folder
    # ("/user/ann/"), so participants on other servers know where to go. None elsewhere.
    server_prefix: Mapped[str | None] = mapped_column(String(255))
    # WAITING -> ACTIVE -> ENDED
    status: Mapped[str] = mapped_column(String(16), default="WAITING", index=True)
    scheduled_at: Mapped[datetime | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    started_at: Mapped[datetime | None]
    ended_at: Mapped[datetime | None]
    end_reason: Mapped[str | None] = mapped_column(String(32))
    # Last moment someone was connected; an ACTIVE session idle too long ends.
    last_presence_at: Mapped[datetime] = mapped_column(default=utcnow)


class Participant(Base):
    __tablename__ = "session_participants"
    __table_args__ = (
        UniqueConstraint("session_id", "user_id", name="uq_session_participants_session_user"),
        Index("ix_session_participants_user_state", "user_id", "state"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    session_id: Mapped[str] = mapped_column(ForeignKey("practice_sessions.id", ondelete="CASCADE"))
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    # interviewer | candidate | observer; the host is PracticeSession.host_id
    role: Mapped[str] = mapped_column(String(16))
    # invited | waiting | admitted | rejected | removed | left
    state: Mapped[str] = mapped_column(String(16), default="waiting")
    joined_at: Mapped[datetime] = mapped_column(default=utcnow)
    admitted_at: Mapped[datetime | None]
    left_at: Mapped[datetime | None]


class SessionEvent(Base):
    """The activity log of a session: who did what, when."""

    __tablename__ = "session_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    session_id: Mapped[str] = mapped_column(
        ForeignKey("practice_sessions.id", ondelete="CASCADE"), index=True
    )
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    kind: Mapped[str] = mapped_column(String(32))
    data: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class FriendRequest(Base):
    __tablename__ = "friend_requests"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    from_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    to_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    # pending | accepted | declined | cancelled
    status: Mapped[str] = mapped_column(String(16), default="pending")
    # "from:to" while pending, NULL after: a portable "one pending request per pair".
    pending_key: Mapped[str | None] = mapped_column(String(40), unique=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    decided_at: Mapped[datetime | None]


class Friendship(Base):
    """One row per pair of friends, the lower user id first."""

    __tablename__ = "friendships"
    __table_args__ = (UniqueConstraint("user_a_id", "user_b_id", name="uq_friendships_pair"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_a_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    user_b_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Block(Base):
    __tablename__ = "blocks"
    __table_args__ = (UniqueConstraint("blocker_id", "blocked_id", name="uq_blocks_pair"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    blocker_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    blocked_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class ChatMessage(Base):
    """A session's chat line. Deleting keeps the row (text emptied) so ids and reads hold."""

    __tablename__ = "chat_messages"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    session_id: Mapped[str] = mapped_column(
        ForeignKey("practice_sessions.id", ondelete="CASCADE"), index=True
    )
    author_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    text: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    edited_at: Mapped[datetime | None]
    deleted_at: Mapped[datetime | None]

    author: Mapped[User | None] = relationship(lazy="joined")


class ChatRead(Base):
    """How far one user has read a session's chat: the id of the last message seen."""

    __tablename__ = "chat_reads"
    __table_args__ = (UniqueConstraint("session_id", "user_id", name="uq_chat_reads_session_user"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    session_id: Mapped[str] = mapped_column(ForeignKey("practice_sessions.id", ondelete="CASCADE"))
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    last_read_id: Mapped[int] = mapped_column(Integer, default=0)


class Run(Base):
    """One run of code or one judging, in a session or as a lone snippet: what ran, how
    it ended, and its (capped) output, kept as the session's history."""

    __tablename__ = "runs"
    __table_args__ = (Index("ix_runs_user_problem", "user_id", "problem_id"),)

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    session_id: Mapped[str | None] = mapped_column(
        ForeignKey("practice_sessions.id", ondelete="CASCADE"), index=True
    )
    user_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    language: Mapped[str] = mapped_column(String(32))
    mode: Mapped[str] = mapped_column(String(8))  # run | judge
    entry: Mapped[str] = mapped_column(String(255))
    # queued -> running -> done
    status: Mapped[str] = mapped_column(String(16), default="queued")
    verdict: Mapped[str | None] = mapped_column(String(16))
    message: Mapped[str] = mapped_column(Text, default="")
    exit_code: Mapped[int | None] = mapped_column(Integer)
    signal: Mapped[int | None] = mapped_column(Integer)
    stdout: Mapped[str] = mapped_column(Text, default="")
    stderr: Mapped[str] = mapped_column(Text, default="")
    compile_output: Mapped[str] = mapped_column(Text, default="")
    truncated: Mapped[bool] = mapped_column(Boolean, default=False)
    wall_ms: Mapped[int | None] = mapped_column(Integer)
    cpu_ms: Mapped[int | None] = mapped_column(Integer)
    memory_bytes: Mapped[int | None] = mapped_column(BigInteger)
    # Judging: the cases as JSON (hidden ones are redacted when shown to a candidate).
    cases: Mapped[str | None] = mapped_column(Text)
    # The problem judged against, when its cases came from the problem bank.
    problem_id: Mapped[str | None] = mapped_column(String(64))
    passed: Mapped[int | None] = mapped_column(Integer)
    total: Mapped[int | None] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    started_at: Mapped[datetime | None]
    finished_at: Mapped[datetime | None]


# SQLite only makes a 64-bit autoincrement key out of a plain INTEGER PRIMARY KEY.
_UpdateId = BigInteger().with_variant(Integer(), "sqlite")


class DocUpdate(Base):
    """One Yjs update of a collaborative document, in the order the server applied it:
    the documents' durable history, what rooms are rebuilt from, and what replay reads."""

    __tablename__ = "doc_updates"
    __table_args__ = (Index("ix_doc_updates_room_id", "room", "id"),)

    id: Mapped[int] = mapped_column(_UpdateId, primary_key=True, autoincrement=True)
    # The room's document: "<type>:<file id>" (the file id survives renames).
    room: Mapped[str] = mapped_column(String(160))
    # No foreign keys on purpose: an append must never be refused because a session or
    # a user went away while its room was open. Deleting a session deletes its rows.
    # The session whose folder held the file when the room opened, if any.
    session_id: Mapped[str | None] = mapped_column(String(32), index=True)
    # Who sent it (users.id); None for the server's own changes (loading the file).
    author_id: Mapped[int | None] = mapped_column(Integer)
    at: Mapped[float] = mapped_column(Float)  # seconds since the epoch, as YStores have it
    data: Mapped[bytes] = mapped_column(LargeBinary)


class DocCheckpoint(Base):
    """A document's full state after update ``upto_id``, so that a moment of a long
    session is rebuilt from the nearest checkpoint, not from the first update."""

    __tablename__ = "doc_checkpoints"
    __table_args__ = (UniqueConstraint("room", "upto_id"),)

    id: Mapped[int] = mapped_column(_UpdateId, primary_key=True, autoincrement=True)
    room: Mapped[str] = mapped_column(String(160))
    upto_id: Mapped[int] = mapped_column(BigInteger)
    at: Mapped[float] = mapped_column(Float)
    state: Mapped[bytes] = mapped_column(LargeBinary)


class Snapshot(Base):
    """A named copy of a session's documents (code files and whiteboards) at one moment."""

    __tablename__ = "snapshots"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    session_id: Mapped[str] = mapped_column(
        ForeignKey("practice_sessions.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(120))
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    # JSON: [{"path": relative path, "kind": "text" | "whiteboard", "content": str}, ...]
    files: Mapped[str] = mapped_column(Text)


class Feedback(Base):
    """What one participant wrote after a session: the interviewer's private scorecard
    ("scorecard") or peer feedback for the other side ("feedback")."""

    __tablename__ = "feedback"
    __table_args__ = (
        UniqueConstraint("session_id", "author_id", "kind", name="uq_feedback_author_kind"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    session_id: Mapped[str] = mapped_column(
        ForeignKey("practice_sessions.id", ondelete="CASCADE"), index=True
    )
    author_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    subject_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    kind: Mapped[str] = mapped_column(String(16))  # scorecard | feedback
    # JSON: {criterion: rating 1..4}
    ratings: Mapped[str] = mapped_column(Text, default="{}")
    verdict: Mapped[str | None] = mapped_column(String(24))
    text: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
    submitted_at: Mapped[datetime | None]


class UserProblem(Base):
    """A problem a user wrote (in JupyterLab, over REST or as a zip): the same files as a
    bank folder, kept here so every server of a deployment sees it."""

    __tablename__ = "problems"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    visibility: Mapped[str] = mapped_column(String(16), default="private")  # private | friends
    title: Mapped[str] = mapped_column(String(120))
    difficulty: Mapped[str] = mapped_column(String(8))
    # JSON: {relative path: text}
    files: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
