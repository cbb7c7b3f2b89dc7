"""A session's replay: its documents' timelines, runs, chat and activity on one clock, the
idle stretches a player skips, and any document as it was at any moment.

Every time is seconds since the epoch (as the documents' history stamps updates).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import func, select

from ..collab.replay import DocReplay, DocState, doc_type_of
from ..store.db import Database
from ..store.models import ChatMessage, DocUpdate, PracticeSession, Run, SessionEvent, User
from .errors import NotFound

IDLE_AFTER = 30.0  # seconds without any event that make an idle gap
MAX_ROOM = 160


@dataclass(frozen=True, slots=True)
class AuthorShare:
    user_id: int | None  # None: the server (the file loaded from disk, a restore's reload)
    updates: int


@dataclass(slots=True)
class ReplayDocument:
    room: str  # "<type>:<file id>": what /replay/state takes
    type: str
    file_id: str
    path: str | None  # contents path now (follows renames), if known
    name: str | None  # path within the session's folder, if it is still there
    first_at: float
    last_at: float
    updates: int
    last_id: int
    authors: list[AuthorShare] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class ReplayRun:
    id: str
    at: float  # queued
    started_at: float | None
    finished_at: float | None
    user_id: int | None
    language: str
    mode: str
    entry: str
    status: str
    verdict: str | None


@dataclass(frozen=True, slots=True)
class ReplayChat:
    id: int
    at: float
    author_id: int | None
    text: str  # "" once deleted
    edited_at: float | None
    deleted: bool


@dataclass(frozen=True, slots=True)
class ReplayEvent:
    id: int
    at: float
    kind: str
    actor_id: int | None
    data: dict[str, Any]


@dataclass(frozen=True, slots=True)
class IdleGap:
    start: float
    end: float

    @property
    def seconds(self) -> float:
        return self.end - self.start


@dataclass(slots=True)
class Timeline:
    session_id: str
    start: float | None  # the first and last thing that happened, anything
    end: float | None
    idle_after: float
    documents: list[ReplayDocument]
    runs: list[ReplayRun]
    chat: list[ReplayChat]
    events: list[ReplayEvent]
    gaps: list[IdleGap]
    people: list[User]  # everyone the timeline names (authors, actors)


def _ts(when: datetime | None) -> float | None:
    return when.timestamp() if when is not None else None


def idle_gaps(
    busy: Iterable[tuple[float, float]], idle_after: float
) -> tuple[list[IdleGap], float | None, float | None]:
    """Gaps longer than ``idle_after`` between busy spans (a point is a span of zero),
    and the first and last busy moment."""
    spans = sorted(busy)
    if not spans:
        return [], None, None
    gaps = []
    start, end = spans[0]
    for lo, hi in spans[1:]:
        if lo - end > idle_after:
            gaps.append(IdleGap(end, lo))
        end = max(end, hi)
    return gaps, start, end


class ReplayService:
    def __init__(
        self,
        db: Database,
        replay: DocReplay,
        *,
        sessions_dir: str,
        path_of: Callable[[str], str | None] | None = None,
    ) -> None:
        self.db = db
        self.replay = replay
        self.sessions_dir = sessions_dir
        self.path_of = path_of  # file id -> contents path (the file-id manager)

    async def timeline(self, session: PracticeSession, idle_after: float = IDLE_AFTER) -> Timeline:
        async with self.db.session() as s:
            result = await s.execute(
                select(
                    DocUpdate.room,
                    DocUpdate.author_id,
                    func.min(DocUpdate.at),
                    func.max(DocUpdate.at),
                    func.count(),
                    func.max(DocUpdate.id),
                )
                .where(DocUpdate.session_id == session.id)
                .group_by(DocUpdate.room, DocUpdate.author_id)
            )
            shares: list[Any] = list(result)
            documents = self._documents(session, shares)
            # Stretches without anyone's edit, found by the database. The server's own
            # updates (loading a file, marking it saved a second after each edit) are not
            # activity; a file changed on disk is in the activity log.
            edited = [
                (first, last) for _room, author, first, last, *_ in shares if author is not None
            ]
            previous = func.lag(DocUpdate.at).over(order_by=(DocUpdate.at, DocUpdate.id))
            ordered = (
                select(DocUpdate.at.label("at"), previous.label("prev"))
                .where(DocUpdate.session_id == session.id, DocUpdate.author_id.is_not(None))
                .subquery()
            )
            quiet = list(
                await s.execute(
                    select(ordered.c.prev, ordered.c.at)
                    .where(ordered.c.at - ordered.c.prev > idle_after)
                    .order_by(ordered.c.at)
                )
            )
            runs = [
                ReplayRun(
                    id=r.id,
                    at=r.created_at.timestamp(),
                    started_at=_ts(r.started_at),
                    finished_at=_ts(r.finished_at),
                    user_id=r.user_id,
                    language=r.language,
                    mode=r.mode,
                    entry=r.entry,
                    status=r.status,
                    verdict=r.verdict,
                )
                for r in await s.scalars(
                    select(Run).where(Run.session_id == session.id).order_by(Run.created_at)
                )
            ]
            chat = [
                ReplayChat(
                    id=m.id,
                    at=m.created_at.timestamp(),
                    author_id=m.author_id,
                    text="" if m.deleted_at is not None else m.text,
                    edited_at=_ts(m.edited_at),
                    deleted=m.deleted_at is not None,
                )
                for m in await s.scalars(
                    select(ChatMessage)
                    .where(ChatMessage.session_id == session.id)
                    .order_by(ChatMessage.id)
                )
            ]
            events = [
                ReplayEvent(
                    id=e.id,
                    at=e.created_at.timestamp(),
                    kind=e.kind,
                    actor_id=e.actor_id,
                    data=dict(e.data or {}),
                )
                for e in await s.scalars(
                    select(SessionEvent)
                    .where(SessionEvent.session_id == session.id)
                    .order_by(SessionEvent.id)
                )
            ]
            ids = {a.user_id for d in documents for a in d.authors}
            ids |= {r.user_id for r in runs} | {m.author_id for m in chat}
            ids |= {e.actor_id for e in events}
            ids.discard(None)
            people = list(await s.scalars(select(User).where(User.id.in_(ids)).order_by(User.id)))

        busy: list[tuple[float, float]] = []
        if edited:
            edges = [min(first for first, _ in edited)]
            for before, after in quiet:
                edges += [before, after]
            edges.append(max(last for _, last in edited))
            busy += [(edges[i], edges[i + 1]) for i in range(0, len(edges), 2)]
        for r in runs:
            busy += [(t, t) for t in (r.at, r.started_at, r.finished_at) if t is not None]
        busy += [(m.at, m.at) for m in chat]
        busy += [(m.edited_at, m.edited_at) for m in chat if m.edited_at is not None]
        busy += [(e.at, e.at) for e in events]
        busy += [(d.first_at, d.first_at) for d in documents]  # a document appears
        gaps, start, end = idle_gaps(busy, idle_after)
        return Timeline(
            session_id=session.id,
            start=start,
            end=end,
            idle_after=idle_after,
            documents=documents,
            runs=runs,
            chat=chat,
            events=events,
            gaps=gaps,
            people=people,
        )

    def _documents(self, session: PracticeSession, shares: list[Any]) -> list[ReplayDocument]:
        by_room: dict[str, ReplayDocument] = {}
        folder = f"{self.sessions_dir}/{session.folder}/"
        for room, author_id, first_at, last_at, count, last_id in shares:
            doc = by_room.get(room)
            if doc is None:
                file_id = room.split(":", 1)[1] if ":" in room else room
                path = self.path_of(file_id) if self.path_of is not None else None
                doc = by_room[room] = ReplayDocument(
                    room=room,
                    type=doc_type_of(room),
                    file_id=file_id,
                    path=path,
                    name=path[len(folder) :] if path and path.startswith(folder) else None,
                    first_at=first_at,
                    last_at=last_at,
                    updates=0,
                    last_id=0,
                )
            doc.first_at = min(doc.first_at, first_at)
            doc.last_at = max(doc.last_at, last_at)
            doc.updates += count
            doc.last_id = max(doc.last_id, last_id)
            doc.authors.append(AuthorShare(author_id, count))
        for doc in by_room.values():
            doc.authors.sort(key=lambda a: (-a.updates, a.user_id or 0))
        return sorted(by_room.values(), key=lambda d: (d.name is None, d.name or "", d.room))

    async def state(
        self, session_id: str, room: str, at: float | None
    ) -> tuple[DocState, User | None]:
        """A document of the session at ``at`` (None: now), with the last person who had
        edited it by then. 404 for rooms the session never edited."""
        if not room or len(room) > MAX_ROOM or ":" not in room:
            raise NotFound("No such document in this session.")
        if at is not None and not math.isfinite(at):
            raise NotFound("No such moment.")
        async with self.db.session() as s:
            found = await s.scalar(
                select(DocUpdate.id)
                .where(DocUpdate.room == room, DocUpdate.session_id == session_id)
                .limit(1)
            )
        if found is None:
            raise NotFound("No such document in this session.")
        state = await self.replay.state_at(room, at)
        author = None
        if state.editor_id is not None:
            async with self.db.session() as s:
                author = await s.get(User, state.editor_id)
        return state, author
