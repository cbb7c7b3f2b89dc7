"""Replay, snapshots and export: requests and responses. Times on the replay timeline are
seconds since the epoch (floats), as the documents' history stamps its updates."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, Field

from .accounts import PublicUserOut
from .base import Request, Response, Text


def _not_blank(value: str) -> str:
    if not value.strip():
        raise ValueError("a name needs more than spaces")
    return value


class SnapshotIn(Request):
    name: Annotated[Text, AfterValidator(_not_blank)] = Field(
        min_length=1, max_length=120, description="What to call it, up to 120 characters."
    )


# --- replay ------------------------------------------------------------------------------


class AuthorShareOut(Response):
    user_id: int | None = Field(description="null: the server (a file loaded from disk).")
    updates: int


class ReplayDocumentOut(Response):
    room: str = Field(description="`<type>:<file id>`: what `replay/state?room=` takes.")
    type: str = Field(description="file | whiteboard | ...")
    file_id: str
    path: str | None = Field(description="Its contents path now (it follows renames), if known.")
    name: str | None = Field(description="Its path in the session's folder, if still there.")
    first_at: float
    last_at: float
    updates: int
    last_id: int
    authors: list[AuthorShareOut] = Field(description="Updates per author, most first.")


class ReplayRunOut(Response):
    id: str
    at: float = Field(description="When it was queued.")
    started_at: float | None
    finished_at: float | None
    user_id: int | None
    language: str
    mode: str
    entry: str
    status: str
    verdict: str | None


class ReplayChatOut(Response):
    id: int
    at: float
    author_id: int | None
    text: str
    edited_at: float | None
    deleted: bool


class ReplayEventOut(Response):
    id: int
    at: float
    kind: str
    actor_id: int | None
    data: dict[str, Any]


class IdleGapOut(Response):
    start: float
    end: float
    seconds: float


class ReplayTimelineOut(Response):
    session_id: str
    start: float | None = Field(description="The first thing that happened (any kind).")
    end: float | None = Field(description="The last thing that happened.")
    idle_after: float = Field(description="Seconds without any event that make a gap.")
    documents: list[ReplayDocumentOut]
    runs: list[ReplayRunOut]
    chat: list[ReplayChatOut]
    events: list[ReplayEventOut] = Field(description="The activity log.")
    gaps: list[IdleGapOut] = Field(description="Idle stretches a player may skip.")
    people: list[PublicUserOut] = Field(description="Everyone the timeline names by id.")


class DocStateOut(Response):
    room: str
    type: str
    at: float | None = Field(description="The moment asked for (null: now).")
    content: Any = Field(
        description="A file's text; for other types their data (a whiteboard's JSON)."
    )
    upto_id: int = Field(description="The last update that moment holds (0: none yet).")
    upto_at: float | None = Field(description="...and its time.")
    upto_author_id: int | None = Field(
        description="...and its author: null for the server's own (loading, marking a save)."
    )
    author: PublicUserOut | None = Field(
        description="The last person who had edited the document by that moment."
    )
    author_id: int | None
    checkpoint_id: int = Field(description="The checkpoint the state was rebuilt from.")
    applied: int = Field(description="Updates applied on top of the checkpoint.")
    first_id: int
    last_id: int
    first_at: float | None
    last_at: float | None


# --- snapshots ---------------------------------------------------------------------------


class SnapshotFileOut(Response):
    path: str = Field(description="Relative to the session's folder.")
    kind: Literal["text", "whiteboard"]
    content: str = Field(description="The text; a whiteboard's JSON as text.")


class SnapshotSummaryOut(Response):
    id: str
    name: str
    created_by: PublicUserOut | None
    created_at: datetime
    files: list[str] = Field(description="The paths it holds.")


class SnapshotOut(SnapshotSummaryOut):
    contents: list[SnapshotFileOut]


class SnapshotList(Response):
    snapshots: list[SnapshotSummaryOut] = Field(description="Oldest first.")


class FileDiffOut(Response):
    path: str
    status: Literal["added", "removed", "changed", "same"]
    diff: str = Field(description="Unified diff; empty when the same.")


class SnapshotDiffOut(Response):
    a: str
    b: str
    files: list[FileDiffOut]


class RestoreOut(Response):
    snapshot: SnapshotSummaryOut
    backup: SnapshotSummaryOut = Field(
        description="The state just before the restore, saved automatically: restore it to undo."
    )
    files: list[str] = Field(description="The documents written.")
    skipped: list[str] = Field(
        description="Documents left as they are: the problem statement (only the host and "
        "interviewers change it), or a path a link or folder now takes."
    )
