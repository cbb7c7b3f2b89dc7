"""What a guest may reach: the folders of the sessions they are admitted to, the
session's problem statement (written only by interviewers and the host), and their own
private notes folder beside the session's folder."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass

from sqlalchemy import select

from ..store.db import Database
from ..store.models import Participant, PracticeSession, User

# Roles that may change a session's documents; observers only read.
WRITER_ROLES = frozenset({"interviewer", "candidate"})
# The problem statement at the top of a session's folder: everyone admitted reads it,
# only interviewers and the host write it.
PROBLEM_FILE = "problem.md"
# "<sessions_dir>/<session folder>-private/<username>/": one person's notes, a sibling of
# the session's folder so that nothing granted on the session folder reaches it.
PRIVATE_SUFFIX = "-private"


def normalize_path(path: str) -> str | None:
    """A contents path in canonical relative form, or None when it tries to escape."""
    path = path.replace("\\", "/").strip("/")
    if not path:
        return ""
    if any(part in ("..", ".") for part in path.split("/")):
        return None
    return posixpath.normpath(path)


@dataclass(frozen=True)
class Seat:
    """A user's place in one live session they are admitted to."""

    role: str
    mode: str
    is_host: bool

    @property
    def writes(self) -> bool:
        return self.role in WRITER_ROLES

    @property
    def edits_problem(self) -> bool:
        return self.is_host or self.role == "interviewer"

    @property
    def keeps_notes(self) -> bool:
        """Private notes: the host, interviewers, and in peer mode both sides (each
        interviews the other in turn); never an observer or an interview's candidate."""
        if self.is_host:
            return True
        if self.mode == "peer":
            return self.role in WRITER_ROLES
        return self.role == "interviewer"


class AccessService:
    def __init__(self, db: Database, sessions_dir: str) -> None:
        self.db = db
        self.sessions_dir = normalize_path(sessions_dir) or "codecall-sessions"

    def folder_path(self, folder: str) -> str:
        return f"{self.sessions_dir}/{folder}"

    def private_path(self, folder: str, username: str) -> str:
        """The contents path of one person's private folder for a session."""
        return f"{self.sessions_dir}/{folder}{PRIVATE_SUFFIX}/{username}"

    async def seats(self, user_id: int) -> dict[str, Seat]:
        """Session folder name -> the user's seat, for every live session they are in."""
        async with self.db.session() as s:
            rows = await s.execute(
                select(
                    PracticeSession.folder,
                    PracticeSession.mode,
                    PracticeSession.host_id,
                    Participant.role,
                )
                .join(Participant, Participant.session_id == PracticeSession.id)
                .where(
                    Participant.user_id == user_id,
                    Participant.state == "admitted",
                    PracticeSession.status != "ENDED",
                )
            )
            return {
                folder: Seat(role=role, mode=mode, is_host=host_id == user_id)
                for folder, mode, host_id, role in rows
            }

    async def admitted_folders(self, user_id: int) -> dict[str, str]:
        """Folder path -> role, for every live session the user is admitted to."""
        return {self.folder_path(f): seat.role for f, seat in (await self.seats(user_id)).items()}

    async def may_reach(self, user_id: int, path: str, *, write: bool) -> bool:
        clean = normalize_path(path)
        prefix = self.sessions_dir + "/"
        if not clean or not clean.startswith(prefix):
            return False
        folder, _, inner = clean[len(prefix) :].partition("/")
        if folder.endswith(PRIVATE_SUFFIX):
            return await self._may_reach_private(user_id, folder[: -len(PRIVATE_SUFFIX)], inner)
        seat = (await self.seats(user_id)).get(folder)
        if seat is None:
            return False
        if not write:
            return True
        if inner == PROBLEM_FILE:
            return seat.edits_problem
        return seat.writes

    async def may_remove(self, user_id: int, path: str) -> bool:
        """Deleting or renaming ``path`` changes everything below it: a session's whole
        folder only goes with the right to change its problem statement too."""
        if not await self.may_reach(user_id, path, write=True):
            return False
        clean = normalize_path(path) or ""
        folder = clean[len(self.sessions_dir) + 1 :]
        if clean.startswith(self.sessions_dir + "/") and "/" not in folder:
            return await self.may_reach(user_id, f"{clean}/{PROBLEM_FILE}", write=True)
        return True

    async def _may_reach_private(self, user_id: int, folder: str, inner: str) -> bool:
        """Read or write below ``<folder>-private/<username>``: that user only, while they
        hold a seat that keeps notes. The private folder itself (which would list whose
        notes exist) is nobody's."""
        owner = inner.split("/", 1)[0]
        if not folder or not owner:
            return False
        seat = (await self.seats(user_id)).get(folder)
        if seat is None or not seat.keeps_notes:
            return False
        async with self.db.session() as s:
            username = await s.scalar(select(User.username).where(User.id == user_id))
        return username is not None and owner == username

    async def session_of(self, path: str) -> str | None:
        """The session whose folder holds ``path``, if any (for any user: the caller has
        already decided who may reach the file). Private notes lie outside every session's
        folder, so their rooms' history is never tagged with (or replayed as) the session."""
        clean = normalize_path(path)
        prefix = self.sessions_dir + "/"
        if not clean or not clean.startswith(prefix):
            return None
        folder = clean[len(prefix) :].split("/", 1)[0]
        async with self.db.session() as s:
            found = await s.scalar(
                select(PracticeSession.id).where(PracticeSession.folder == folder)
            )
            return str(found) if found is not None else None
