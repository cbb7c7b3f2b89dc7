"""What a guest may reach: the folders of the sessions they are admitted to."""

from __future__ import annotations

import posixpath

from sqlalchemy import select

from ..store.db import Database
from ..store.models import Participant, PracticeSession

# Roles that may change a session's documents; observers only read.
WRITER_ROLES = frozenset({"interviewer", "candidate"})


def normalize_path(path: str) -> str | None:
    """A contents path in canonical relative form, or None when it tries to escape."""
    path = path.replace("\\", "/").strip("/")
    if not path:
        return ""
    if any(part in ("..", ".") for part in path.split("/")):
        return None
    return posixpath.normpath(path)


class AccessService:
    def __init__(self, db: Database, sessions_dir: str) -> None:
        self.db = db
        self.sessions_dir = normalize_path(sessions_dir) or "codecall-sessions"

    def folder_path(self, folder: str) -> str:
        return f"{self.sessions_dir}/{folder}"

    async def admitted_folders(self, user_id: int) -> dict[str, str]:
        """Folder path -> role, for every live session the user is admitted to."""
        async with self.db.session() as s:
            rows = await s.execute(
                select(PracticeSession.folder, Participant.role)
                .join(Participant, Participant.session_id == PracticeSession.id)
                .where(
                    Participant.user_id == user_id,
                    Participant.state == "admitted",
                    PracticeSession.status != "ENDED",
                )
            )
            return {self.folder_path(folder): role for folder, role in rows}

    async def may_reach(self, user_id: int, path: str, *, write: bool) -> bool:
        clean = normalize_path(path)
        if not clean:
            return False
        for folder, role in (await self.admitted_folders(user_id)).items():
            if clean == folder or clean.startswith(folder + "/"):
                return role in WRITER_ROLES if write else True
        return False

    async def session_of(self, path: str) -> str | None:
        """The session whose folder holds ``path``, if any (for any user: the caller has
        already decided who may reach the file)."""
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
