"""Named snapshots of a session's documents (code files and whiteboards): save, list,
read, diff, and restore.

A snapshot reads every document of the session's folder as it is live: from its room
when one is open (newer than the file, which is saved about a second after a change),
else from the file. A restore first saves a snapshot of the current state ("Before
restoring ..."), then writes each document through its room, so connected clients see the
change at once and the history keeps it like any edit (the state before stays reachable
by replay); a document no room can take is written to its file. Both are in the activity
log ("snapshot", "restored").
"""

from __future__ import annotations

import asyncio
import difflib
import json
import os
import stat
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select

from ..collab.live import TEXT, WHITEBOARD, LiveDocuments
from ..store.db import Database
from ..store.models import PracticeSession, Snapshot, User
from .access import PROBLEM_FILE, WRITER_ROLES
from .activity import RESTORED, SNAPSHOT, ActivityLog
from .errors import Conflict, Forbidden, NotFound, PayloadTooLarge
from .folders import read_regular, walk_files
from .sessions import SessionView

MAX_NAME = 120
MAX_FILES = 200
MAX_FILE_BYTES = 1024 * 1024  # larger files are left out of snapshots
MAX_TOTAL_BYTES = 4 * 1024 * 1024
WHITEBOARD_SUFFIX = ".whiteboard"
SKIPPED_SUFFIXES = (".ipynb",)  # notebooks are not session documents
CURRENT = "current"  # in a diff: the documents as they are now


@dataclass(frozen=True, slots=True)
class SnapshotFile:
    path: str  # relative to the session's folder
    kind: str  # "text" | "whiteboard"
    content: str  # a whiteboard's is its JSON text

    def as_json(self) -> dict[str, str]:
        return {"path": self.path, "kind": self.kind, "content": self.content}


@dataclass(frozen=True, slots=True)
class FileDiff:
    path: str
    status: str  # added | removed | changed | same
    diff: str  # unified diff, "" when the same


@dataclass
class Restored:
    snapshot: Snapshot
    backup: Snapshot  # the state just before, saved automatically
    files: list[str] = field(default_factory=list)  # written through their rooms or files
    skipped: list[str] = field(default_factory=list)  # not this user's to write, or unsafe


def files_of(snapshot: Snapshot) -> list[SnapshotFile]:
    return [SnapshotFile(f["path"], f["kind"], f["content"]) for f in json.loads(snapshot.files)]


def clean_name(name: str) -> str:
    name = " ".join(name.split())
    return name[:MAX_NAME]


def may_change(view: SessionView) -> None:
    """Saving and restoring: the host, interviewers and candidates of a live session."""
    me = view.me
    if view.session.status == "ENDED":
        raise Conflict("The session has ended.", code="session_ended")
    if view.is_host:
        return
    if me is None or me.state != "admitted":
        raise NotFound("No such session.")
    if me.role not in WRITER_ROLES:
        raise Forbidden("Observers watch; they do not save or restore snapshots.")


def _read_text(path: Path) -> str | None:
    """A regular file's text (UTF-8, no NUL), opened without following a link; None for
    links, binary and oversize files."""
    data = read_regular(path, MAX_FILE_BYTES + 1)
    if data is None or len(data) > MAX_FILE_BYTES or b"\x00" in data:
        return None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return None


def _write_text(path: Path, content: str) -> None:
    """Write a file in the session folder, never through a link."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_NOFOLLOW, 0o644)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(content)


def _on_disk(path: Path) -> str:
    """ "file" (regular), "missing", or "other" (a link, a folder...)."""
    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        return "missing"
    return "file" if stat.S_ISREG(mode) else "other"


def _safe_relative(path: str) -> bool:
    parts = path.split("/")
    return (
        bool(path)
        and not path.startswith("/")
        and not any(p in ("", ".", "..") or p.startswith(".") for p in parts)
    )


def unified(a_name: str, b_name: str, path: str, a: str | None, b: str | None) -> FileDiff:
    if a == b:
        return FileDiff(path, "same", "")
    status = "added" if a is None else "removed" if b is None else "changed"
    lines = difflib.unified_diff(
        (a or "").splitlines(keepends=True),
        (b or "").splitlines(keepends=True),
        fromfile=f"{a_name}/{path}" if a is not None else "/dev/null",
        tofile=f"{b_name}/{path}" if b is not None else "/dev/null",
    )
    # A last line without a newline would run into the next header.
    text = "".join(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n"
                   for line in lines)  # fmt: skip
    return FileDiff(path, status, text)


class SnapshotService:
    def __init__(
        self,
        db: Database,
        activity: ActivityLog,
        live: LiveDocuments,
        *,
        sessions_root: Path,
        sessions_dir: str,
    ) -> None:
        self.db = db
        self.activity = activity
        self.live = live
        self.sessions_root = sessions_root  # absolute, on disk
        self.sessions_dir = sessions_dir  # relative to the server root, as contents paths
        self._restoring: dict[str, asyncio.Lock] = {}

    def folder(self, session: PracticeSession) -> Path:
        return self.sessions_root / session.folder

    def api_path(self, session: PracticeSession, rel: str) -> str:
        return f"{self.sessions_dir}/{session.folder}/{rel}"

    # -- the live documents ----------------------------------------------------------

    async def current_files(self, session: PracticeSession) -> list[SnapshotFile]:
        """Every document of the session as it is now: open rooms first, else files."""
        folder = self.folder(session)
        listed = await asyncio.to_thread(lambda: list(walk_files(folder, SKIPPED_SUFFIXES)))
        files: list[SnapshotFile] = []
        total = 0
        for rel, path in listed:
            kind = "whiteboard" if rel.endswith(WHITEBOARD_SUFFIX) else "text"
            content = self.live.read(
                self.api_path(session, rel), WHITEBOARD if kind == "whiteboard" else TEXT
            )
            if content is None:
                content = await asyncio.to_thread(_read_text, path)
            if content is None:
                continue  # binary, too large, a link, or gone
            total += len(content.encode("utf-8", "surrogatepass"))
            if total > MAX_TOTAL_BYTES or len(files) >= MAX_FILES:
                raise PayloadTooLarge(
                    f"A snapshot holds at most {MAX_FILES} files and {MAX_TOTAL_BYTES} bytes."
                )
            files.append(SnapshotFile(rel, kind, content))
        return files

    # -- saving, listing, reading ----------------------------------------------------

    async def create(
        self, view: SessionView, user_id: int, name: str, *, log: bool = True
    ) -> Snapshot:
        may_change(view)
        return await self._save(view.session, user_id, name, log=log)

    async def _save(
        self, session: PracticeSession, user_id: int, name: str, *, log: bool
    ) -> Snapshot:
        files = await self.current_files(session)
        snapshot = Snapshot(
            id=uuid.uuid4().hex,
            session_id=session.id,
            name=clean_name(name),
            created_by=user_id,
            files=json.dumps([f.as_json() for f in files], ensure_ascii=False),
        )
        async with self.db.session() as s, s.begin():
            s.add(snapshot)
            if log:
                self.activity.add(
                    s, session.id, user_id, SNAPSHOT, snapshot_id=snapshot.id, name=snapshot.name
                )
        return snapshot

    async def of_session(self, session_id: str) -> list[Snapshot]:
        """The session's snapshots, oldest first."""
        async with self.db.session() as s:
            rows = await s.scalars(
                select(Snapshot)
                .where(Snapshot.session_id == session_id)
                .order_by(Snapshot.created_at, Snapshot.id)
            )
            return list(rows)

    async def get(self, session_id: str, snapshot_id: str) -> Snapshot:
        snapshot = None
        if len(snapshot_id) <= 32:
            async with self.db.session() as s:
                snapshot = await s.get(Snapshot, snapshot_id)
        if snapshot is None or snapshot.session_id != session_id:
            raise NotFound("No such snapshot.")
        return snapshot

    async def users(self, ids: set[int]) -> dict[int, User]:
        """The accounts of snapshots' authors, in one query."""
        async with self.db.session() as s:
            return {u.id: u for u in await s.scalars(select(User).where(User.id.in_(ids)))}

    # -- comparing -------------------------------------------------------------------

    async def diff(self, session: PracticeSession, a_id: str, b_id: str) -> list[FileDiff]:
        """File by file, from ``a`` to ``b``; either may be "current" (the live state)."""
        a_name, a_files = await self._side(session, a_id)
        b_name, b_files = await self._side(session, b_id)
        paths = sorted(set(a_files) | set(b_files))
        return [unified(a_name, b_name, p, a_files.get(p), b_files.get(p)) for p in paths]

    async def _side(self, session: PracticeSession, snapshot_id: str) -> tuple[str, dict[str, str]]:
        if snapshot_id == CURRENT:
            files = await self.current_files(session)
            return CURRENT, {f.path: f.content for f in files}
        snapshot = await self.get(session.id, snapshot_id)
        return snapshot.id[:8], {f.path: f.content for f in files_of(snapshot)}

    # -- restoring -------------------------------------------------------------------

    async def restore(self, view: SessionView, user_id: int, snapshot_id: str) -> Restored:
        session = view.session
        snapshot = await self.get(session.id, snapshot_id)
        may_change(view)
        lock = self._restoring.setdefault(session.id, asyncio.Lock())
        async with lock:
            backup = await self._save(
                session, user_id, f"Before restoring “{snapshot.name}”", log=False
            )
            written, skipped = [], []
            # The problem statement is the host's and the interviewers' to change.
            edits_problem = view.is_host or (view.me is not None and view.me.role == "interviewer")
            for file in files_of(snapshot):
                if file.path == PROBLEM_FILE and not edits_problem:
                    skipped.append(file.path)
                elif await self._restore_file(session, file, user_id):
                    written.append(file.path)
                else:
                    skipped.append(file.path)
            async with self.db.session() as s, s.begin():
                self.activity.add(
                    s,
                    session.id,
                    user_id,
                    RESTORED,
                    snapshot_id=snapshot.id,
                    name=snapshot.name,
                    backup_id=backup.id,
                    files=written,
                )
        return Restored(snapshot, backup, written, skipped)

    async def _restore_file(
        self, session: PracticeSession, file: SnapshotFile, user_id: int
    ) -> bool:
        if not _safe_relative(file.path):
            return False
        path = self.folder(session) / file.path
        found = await asyncio.to_thread(_on_disk, path)
        if found == "other":
            return False  # a link or a folder took its place: leave it
        if found == "file":
            doc_type = WHITEBOARD if file.kind == "whiteboard" else TEXT
            written = await self.live.write(
                self.api_path(session, file.path),
                doc_type,
                file.content,
                session_id=session.id,
                author_id=user_id,
            )
            if written:
                return True
        # Gone since, or no room can take it: the file itself (a room opened later loads it).
        await asyncio.to_thread(_write_text, path, file.content)
        return True
