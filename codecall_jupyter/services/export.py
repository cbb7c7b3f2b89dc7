"""A session's archive (zip): its code as it is now, snapshots, whiteboards, chat, activity
log and runs as JSON, and, for the host only, host-only files (their private notes).

Layout::

    session.json            title, times, host, participants
    code/<path>             every text document of the session's folder, live
    whiteboards/<path>.json every whiteboard, live
    whiteboards/<path>.svg  the same board as a picture
    snapshots.json          every snapshot with its files
    chat.json, activity.json, runs.json
    host/<name>             host-only extras (only in the host's archive)

Host-only extras come from a callable given to ``archive`` (``HostExtras``): whoever keeps
host-private files (notes) provides it; without one the archive has no ``host/`` part.
"""

from __future__ import annotations

import asyncio
import io
import json
import zipfile
from collections.abc import Awaitable, Callable, Mapping
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select

from ..collab.whiteboard_svg import board_svg
from ..store.db import Database
from ..store.models import ChatMessage, Run, Snapshot, User
from .activity import ActivityLog
from .sessions import SessionView
from .snapshots import SnapshotService, files_of

# (session) -> {archive name below host/: bytes}
HostExtras = Callable[[SessionView], Awaitable[Mapping[str, bytes]]]
HIDDEN_CASE_FIELDS = ("stdin", "expected", "stdout", "stderr")


def _iso(when: datetime | None) -> str | None:
    return when.isoformat() if when is not None else None


def _name(user: User | None) -> str | None:
    return user.username if user is not None else None


def _safe_member(name: str) -> bool:
    parts = name.split("/")
    return bool(name) and not any(p in ("", ".", "..") for p in parts)


def _json(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, indent=2, sort_keys=True).encode() + b"\n"


def _zip(members: list[tuple[str, bytes]]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in members:
            archive.writestr(name, data)
    return out.getvalue()


class ExportService:
    def __init__(self, db: Database, activity: ActivityLog, snapshots: SnapshotService) -> None:
        self.db = db
        self.activity = activity
        self.snapshots = snapshots

    async def archive(
        self, view: SessionView, *, host_extras: HostExtras | None = None
    ) -> tuple[str, bytes]:
        """(file name, zip bytes) of ``view``'s session as ``view``'s user may see it."""
        session = view.session
        members: list[tuple[str, bytes]] = []
        for file in await self.snapshots.current_files(session):
            if file.kind == "whiteboard":
                members.append((f"whiteboards/{file.path}.json", file.content.encode()))
                members.append((f"whiteboards/{file.path}.svg", board_svg(file.content).encode()))
            else:
                members.append((f"code/{file.path}", file.content.encode()))

        async with self.db.session() as s:
            snapshots = list(
                await s.scalars(
                    select(Snapshot)
                    .where(Snapshot.session_id == session.id)
                    .order_by(Snapshot.created_at, Snapshot.id)
                )
            )
            messages = list(
                await s.scalars(
                    select(ChatMessage)
                    .where(ChatMessage.session_id == session.id)
                    .order_by(ChatMessage.id)
                )
            )
            runs = list(
                await s.scalars(
                    select(Run).where(Run.session_id == session.id).order_by(Run.created_at)
                )
            )
            ids = {x.created_by for x in snapshots} | {r.user_id for r in runs}
            ids.discard(None)
            users = {u.id: u for u in await s.scalars(select(User).where(User.id.in_(ids)))}
        events = await self.activity.list(session.id, limit=100_000)

        members.append(("session.json", _json(self._session(view))))
        members.append(
            (
                "snapshots.json",
                _json(
                    [
                        {
                            "id": x.id,
                            "name": x.name,
                            "created_by": _name(users.get(x.created_by or 0)),
                            "created_at": _iso(x.created_at),
                            "files": [f.as_json() for f in files_of(x)],
                        }
                        for x in snapshots
                    ]
                ),
            )
        )
        members.append(
            (
                "chat.json",
                _json(
                    [
                        {
                            "id": m.id,
                            "author": _name(m.author),
                            "text": "" if m.deleted_at is not None else m.text,
                            "created_at": _iso(m.created_at),
                            "edited_at": _iso(m.edited_at),
                            "deleted": m.deleted_at is not None,
                        }
                        for m in messages
                    ]
                ),
            )
        )
        members.append(
            (
                "activity.json",
                _json(
                    [
                        {
                            "id": e.id,
                            "kind": e.kind,
                            "actor": _name(actor),
                            "data": e.data,
                            "created_at": _iso(e.created_at),
                        }
                        for e, actor in events
                    ]
                ),
            )
        )
        members.append(("runs.json", _json([self._run(r, users, view.is_host) for r in runs])))
        if view.is_host and host_extras is not None:
            for name, data in sorted((await host_extras(view)).items()):
                if _safe_member(name):
                    members.append((f"host/{name}", data))
        data = await asyncio.to_thread(_zip, members)
        return f"codecall-session-{session.id}.zip", data

    @staticmethod
    def _session(view: SessionView) -> dict[str, Any]:
        session = view.session
        return {
            "id": session.id,
            "title": session.title,
            "description": session.description,
            "language": session.language,
            "mode": session.mode,
            "status": session.status,
            "created_at": _iso(session.created_at),
            "started_at": _iso(session.started_at),
            "ended_at": _iso(session.ended_at),
            "host": view.host.username,
            "participants": [
                {
                    "username": user.username,
                    "display_name": user.display_name,
                    "role": p.role,
                    "state": p.state,
                }
                for p, user in view.participants
            ],
            "exported_at": datetime.now(UTC).isoformat(),
        }

    @staticmethod
    def _run(run: Run, users: dict[int, User], see_hidden: bool) -> dict[str, Any]:
        cases = json.loads(run.cases) if run.cases else None
        if cases is not None and not see_hidden:
            for case in cases:
                if case.get("hidden"):
                    for key in HIDDEN_CASE_FIELDS:
                        case.pop(key, None)
        return {
            "id": run.id,
            "user": _name(users.get(run.user_id or 0)),
            "language": run.language,
            "mode": run.mode,
            "entry": run.entry,
            "status": run.status,
            "verdict": run.verdict,
            "message": run.message,
            "exit_code": run.exit_code,
            "stdout": run.stdout,
            "stderr": run.stderr,
            "compile_output": run.compile_output,
            "wall_ms": run.wall_ms,
            "cpu_ms": run.cpu_ms,
            "memory_bytes": run.memory_bytes,
            "passed": run.passed,
            "total": run.total,
            "cases": cases,
            "created_at": _iso(run.created_at),
            "started_at": _iso(run.started_at),
            "finished_at": _iso(run.finished_at),
        }
