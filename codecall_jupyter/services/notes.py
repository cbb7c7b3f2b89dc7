"""Private notes: one markdown file per person and session, in a folder beside the
session's folder (``<sessions_dir>/<folder>-private/<username>/notes.md``), so that no
right granted on the session's folder reaches it. Who may open it is ``AccessService``'s
rule (``Seat.keeps_notes``); this makes the file on first use."""

from __future__ import annotations

import asyncio
import contextlib
import os
from pathlib import Path

from ..store.db import Database
from ..store.models import PracticeSession, User
from .access import PRIVATE_SUFFIX, AccessService, Seat
from .errors import Conflict, Forbidden, NotFound
from .sessions import SessionView, _participant

NOTES_FILE = "notes.md"


def notes_text(title: str) -> str:
    heading = " ".join(title.split())
    return f"# Notes: {heading}\n\nOnly you can read this file.\n\n"


def read_notes(private_root: Path, username: str) -> bytes | None:
    """The notes' bytes, or None when there are none (or a link stands in their place)."""
    if private_root.is_symlink() or (private_root / username).is_symlink():
        return None
    try:
        fd = os.open(private_root / username / NOTES_FILE, os.O_RDONLY | os.O_NOFOLLOW)
    except OSError:
        return None
    with os.fdopen(fd, "rb") as f:
        return f.read()


def write_notes(private_root: Path, username: str, title: str) -> None:
    """Make ``<private_root>/<username>/notes.md`` unless it exists. Never follows a link
    and never overwrites."""
    folder = private_root / username
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    if private_root.is_symlink() or folder.is_symlink():
        raise Conflict("The notes folder is not a plain folder.", code="notes_unavailable")
    try:
        fd = os.open(
            folder / NOTES_FILE, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600
        )
    except FileExistsError:
        return
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(notes_text(title))
    except BaseException:
        # A full disk: no empty notes file that would stay empty (the next call finds it
        # and keeps it), and no folders made only for it.
        (folder / NOTES_FILE).unlink(missing_ok=True)
        for made in (folder, private_root):
            with contextlib.suppress(OSError):  # not empty: someone else's, keep it
                made.rmdir()
        raise


class NotesService:
    def __init__(self, db: Database, access: AccessService, sessions_root: Path) -> None:
        self.db = db
        self.access = access
        self.sessions_root = sessions_root  # absolute: <server root>/<sessions_dir>

    async def ensure(self, user_id: int, session_id: str) -> str:
        """The contents path of my notes for a session, made on first use. 404 unless I am
        admitted (or host); 403 for a seat without notes (observers, an interview's
        candidate); 409 once the session has ended (its files close then)."""
        async with self.db.session() as s:
            session = await s.get(PracticeSession, session_id)
            me = await _participant(s, session_id, user_id) if session else None
            user = await s.get(User, user_id)
        if session is None or user is None or me is None or me.state != "admitted":
            raise NotFound("No such session.")
        if session.status == "ENDED":
            raise Conflict("The session has ended.", code="session_ended")
        seat = Seat(role=me.role, mode=session.mode, is_host=session.host_id == user_id)
        if not seat.keeps_notes:
            raise Forbidden("Only interviewers keep private notes here.", code="no_notes")
        private_root = self.sessions_root / f"{session.folder}{PRIVATE_SUFFIX}"
        await asyncio.to_thread(write_notes, private_root, user.username, session.title)
        return f"{self.access.private_path(session.folder, user.username)}/{NOTES_FILE}"

    async def host_extras(self, view: SessionView) -> dict[str, bytes]:
        """The host's own notes for the session archive (services/export.py's
        ``HostExtras``; the archive asks only when the caller is the host)."""
        if not view.is_host:
            return {}
        private_root = self.sessions_root / f"{view.session.folder}{PRIVATE_SUFFIX}"
        data = await asyncio.to_thread(read_notes, private_root, view.host.username)
        return {NOTES_FILE: data} if data is not None else {}
