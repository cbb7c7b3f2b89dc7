"""Practice sessions: create, change, end, delete, see, list, and expire them."""

from __future__ import annotations

import asyncio
import secrets
import shutil
import time
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import delete, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from ..store.db import Database
from ..store.models import DocCheckpoint, DocUpdate, Participant, PracticeSession, User
from ..store.types import utcnow
from .accounts import Account
from .activity import ActivityLog
from .errors import Conflict, Forbidden, InvalidInput, NotFound
from .friends import FriendService
from .notify import SessionNotifier
from .passwords import hash_password
from .problem import write_session_problem
from .solutions import write_whiteboard

if TYPE_CHECKING:
    from ..problems.model import Problem
    from ..problems.service import ProblemService

PRESENCE_EVERY = 60.0  # seconds between two stored presence marks of one session
# Participant states that still belong to a session (the others were turned away or left).
PRESENT = ("invited", "waiting", "admitted")


@dataclass
class SessionView:
    """A session as one user sees it."""

    session: PracticeSession
    host: User
    me: Participant | None
    participants: list[tuple[Participant, User]] = field(default_factory=list)

    @property
    def is_host(self) -> bool:
        return self.me is not None and self.me.user_id == self.session.host_id


@dataclass(frozen=True)
class SessionRules:
    sessions_root: Path  # absolute: <server root>/<sessions_dir>
    waiting_ttl: timedelta
    idle_ttl: timedelta
    # Under JupyterHub, this server's URL prefix ($JUPYTERHUB_SERVICE_PREFIX): where the
    # folders of the sessions created here live.
    server_prefix: str | None = None


class SessionService:
    def __init__(
        self,
        db: Database,
        friends: FriendService,
        activity: ActivityLog,
        rules: SessionRules,
        problems: ProblemService | None = None,
    ) -> None:
        self.db = db
        self.problems = problems
        self.friends = friends
        self.activity = activity
        self.rules = rules
        self.notifier = SessionNotifier()
        self._presence_marks: dict[str, float] = {}

    # --- the host's actions -------------------------------------------------------------

    async def create(self, host: Account, spec: dict[str, Any]) -> PracticeSession:
        invitees = await self._invitees(host.id, spec.pop("invite", []))
        problem = await self._problem(host.id, spec.get("problem_id"))
        password = spec.pop("password", None)
        session_id = uuid.uuid4().hex
        session = PracticeSession(
            id=session_id,
            host_id=host.id,
            folder=session_id,
            server_prefix=self.rules.server_prefix,
            invite_token=secrets.token_urlsafe(24),
            password_hash=await hash_password(password) if password else None,
            **spec,
        )
        folder = self._folder(session)
        try:
            await asyncio.to_thread(folder.mkdir, parents=True, exist_ok=True)
            await asyncio.to_thread(write_session_problem, folder, session, problem)
            await asyncio.to_thread(write_whiteboard, folder)
            await self._store_new(session, host, invitees)
        except BaseException:
            # Nothing half-made: a full disk or a database outage leaves no orphan folder
            # (the id is fresh, so the folder is this call's alone).
            await asyncio.to_thread(shutil.rmtree, folder, True)
            raise
        if invitees:  # their invitation lists changed
            await self.notifier.changed(session_id)
        return session

    async def _store_new(
        self, session: PracticeSession, host: Account, invitees: list[User]
    ) -> None:
        session_id = session.id
        async with self.db.session() as s, s.begin():
            s.add(session)
            await s.flush()
            s.add(
                Participant(
                    session_id=session_id,
                    user_id=host.id,
                    role="interviewer",
                    state="admitted",
                    admitted_at=utcnow(),
                )
            )
            self.activity.add(s, session_id, host.id, "created", title=session.title)
            for user in invitees:
                s.add(
                    Participant(
                        session_id=session_id, user_id=user.id, role="candidate", state="invited"
                    )
                )
                self.activity.add(s, session_id, host.id, "invited", user=user.username)

    async def invite(self, host_id: int, session_id: str, usernames: list[str]) -> None:
        async with self.db.session() as s:
            await self.hosted(s, host_id, session_id)  # 404 first: say nothing of invitees
        invitees = await self._invitees(host_id, usernames)
        async with self.db.session() as s, s.begin():
            session = await self.hosted(s, host_id, session_id)
            for user in invitees:
                existing = await _participant(s, session.id, user.id)
                if existing is None:
                    s.add(
                        Participant(
                            session_id=session.id,
                            user_id=user.id,
                            role="candidate",
                            state="invited",
                        )
                    )
                elif existing.state in ("declined", "left"):
                    existing.state = "invited"
                else:
                    continue
                self.activity.add(s, session.id, host_id, "invited", user=user.username)
        await self.notifier.changed(session_id)

    async def update(self, host_id: int, session_id: str, changes: dict[str, Any]) -> None:
        if "password" in changes:
            password = changes.pop("password")
            changes["password_hash"] = await hash_password(password) if password else None
        async with self.db.session() as s, s.begin():
            session = await self.hosted(s, host_id, session_id)
            before = await self._problem(host_id, session.problem_id, missing_ok=True)
            problem = await self._problem(host_id, changes.get("problem_id", session.problem_id))
            if changes.get("max_participants", session.max_participants) < session.admitted_count:
                raise Conflict(
                    f"{session.admitted_count} people are admitted: the session cannot be smaller.",
                    code="too_small",
                )
            for name, value in changes.items():
                setattr(session, name, value)
            logged = sorted(k if k != "password_hash" else "password" for k in changes)
            self.activity.add(s, session.id, host_id, "updated", fields=logged)
            folder = self._folder(session)
        if "language" in changes or "problem_id" in changes:
            await asyncio.to_thread(
                write_session_problem, folder, session, problem, before, "problem_id" in changes
            )
        await self.notifier.changed(session_id)

    async def _problem(
        self, host_id: int, problem_id: str | None, missing_ok: bool = False
    ) -> Problem | None:
        """The bank problem a session names, as its host may see it; None for a session
        without one (or, with ``missing_ok``, one whose problem is gone)."""
        if not problem_id or self.problems is None:
            return None
        try:
            return await self.problems.get(host_id, problem_id)
        except NotFound:
            if missing_ok:
                return None
            raise InvalidInput(
                f"problem_id: no problem {problem_id!r} that you can use.", code="no_such_problem"
            ) from None

    async def end(self, host_id: int, session_id: str) -> None:
        async with self.db.session() as s, s.begin():
            session = await self.hosted(s, host_id, session_id)
            self._end(s, session, host_id, "host")
        await self.notifier.changed(session_id)

    async def delete(self, host_id: int, session_id: str) -> None:
        async with self.db.session() as s, s.begin():
            session = await self.hosted(s, host_id, session_id, allow_ended=True)
            folder = self._folder(session)
            await s.delete(session)
            # The documents' history has no foreign key (see DocUpdate): delete it here.
            rooms = select(DocUpdate.room).where(DocUpdate.session_id == session_id)
            await s.execute(delete(DocCheckpoint).where(DocCheckpoint.room.in_(rooms)))
            await s.execute(delete(DocUpdate).where(DocUpdate.session_id == session_id))
        await asyncio.to_thread(shutil.rmtree, folder, True)
        # The participants' private notes live beside the folder (services/notes.py).
        await asyncio.to_thread(shutil.rmtree, folder.with_name(f"{folder.name}-private"), True)
        await self.notifier.changed(session_id)

    def _end(
        self, s: AsyncSession, session: PracticeSession, actor: int | None, reason: str
    ) -> None:
        session.status, session.ended_at, session.end_reason = "ENDED", utcnow(), reason
        self.activity.add(s, session.id, actor, "ended", reason=reason)

    # --- seeing and listing -------------------------------------------------------------

    async def view(self, user_id: int, session_id: str) -> SessionView:
        if "\x00" in session_id:  # names nothing, and PostgreSQL text refuses it
            raise NotFound("No such session.")
        async with self.db.session() as s:
            session = await s.get(PracticeSession, session_id)
            if session is None:
                raise NotFound("No such session.")
            me = await _participant(s, session_id, user_id)
            visible = (me is not None and me.state in (*PRESENT, "left")) or (
                session.status != "ENDED"
                and await self.friends.are_friends(user_id, session.host_id)
            )
            if not visible:
                raise NotFound("No such session.")  # never reveal that it exists
            host = await s.get(User, session.host_id)
            assert host is not None
            view = SessionView(session, host, me)
            if view.is_host or (me is not None and me.state == "admitted"):
                rows = await s.execute(
                    select(Participant, User)
                    .join(User, User.id == Participant.user_id)
                    .where(Participant.session_id == session_id)
                    .order_by(Participant.joined_at, Participant.id)
                )
                shown = (
                    ("admitted", "left", "removed", "rejected", "waiting", "invited", "declined")
                    if view.is_host
                    else ("admitted", "left")
                )
                view.participants = [(p, u) for p, u in rows if p.state in shown]
            return view

    async def roster(
        self, session_id: str
    ) -> tuple[PracticeSession, list[tuple[Participant, User]]] | None:
        """The session and everyone with a participant row, for the realtime channel."""
        async with self.db.session() as s:
            session = await s.get(PracticeSession, session_id)
            if session is None:
                return None
            rows = await s.execute(
                select(Participant, User)
                .join(User, User.id == Participant.user_id)
                .where(Participant.session_id == session_id)
                .order_by(Participant.joined_at, Participant.id)
            )
            return session, [(p, u) for p, u in rows]

    async def mine(self, user_id: int) -> list[SessionView]:
        return await self._list(user_id, PracticeSession.status != "ENDED", ("waiting", "admitted"))

    async def invitations(self, user_id: int) -> list[SessionView]:
        return await self._list(user_id, PracticeSession.status != "ENDED", ("invited",))

    async def of_friends(self, user_id: int) -> list[SessionView]:
        friends = await self.friends.friend_ids(user_id)
        if not friends:
            return []
        async with self.db.session() as s:
            rows = await s.scalars(
                select(PracticeSession)
                .where(PracticeSession.host_id.in_(friends), PracticeSession.status != "ENDED")
                .order_by(PracticeSession.created_at.desc())
            )
            views = []
            for session in rows:
                me = await _participant(s, session.id, user_id)
                if me is not None and me.state in ("rejected", "removed"):
                    continue
                if session.admitted_count >= session.max_participants and (
                    me is None or me.state != "admitted"
                ):
                    continue
                host = await s.get(User, session.host_id)
                assert host is not None
                views.append(SessionView(session, host, me))
            return views

    async def history(
        self, user_id: int, page: int, per_page: int
    ) -> tuple[list[SessionView], int]:
        took_part = (
            select(Participant.session_id)
            .where(Participant.user_id == user_id, Participant.admitted_at.is_not(None))
            .scalar_subquery()
        )
        where = (PracticeSession.status == "ENDED") & or_(
            PracticeSession.host_id == user_id, PracticeSession.id.in_(took_part)
        )
        async with self.db.session() as s:
            total = int(
                await s.scalar(select(func.count()).select_from(PracticeSession).where(where)) or 0
            )
            rows = await s.scalars(
                select(PracticeSession)
                .where(where)
                .order_by(PracticeSession.ended_at.desc(), PracticeSession.id)
                .offset((page - 1) * per_page)
                .limit(per_page)
            )
            return [await self._view_row(s, session, user_id) for session in rows], total

    async def _list(
        self, user_id: int, condition: Any, states: tuple[str, ...]
    ) -> list[SessionView]:
        async with self.db.session() as s:
            rows = await s.scalars(
                select(PracticeSession)
                .join(Participant, Participant.session_id == PracticeSession.id)
                .where(condition, Participant.user_id == user_id, Participant.state.in_(states))
                .order_by(PracticeSession.created_at.desc())
            )
            return [await self._view_row(s, session, user_id) for session in rows]

    @staticmethod
    async def _view_row(s: AsyncSession, session: PracticeSession, user_id: int) -> SessionView:
        host = await s.get(User, session.host_id)
        assert host is not None
        return SessionView(session, host, await _participant(s, session.id, user_id))

    # --- time -----------------------------------------------------------------------------

    async def touch_presence(self, session_id: str) -> None:
        """Someone is in the session. Pollers call this every few seconds; the idle expiry
        counts in minutes, so one write a minute per session is plenty."""
        now = time.monotonic()
        if now - self._presence_marks.get(session_id, -PRESENCE_EVERY) < PRESENCE_EVERY:
            return
        self._presence_marks[session_id] = now
        if len(self._presence_marks) > 10_000:
            self._presence_marks.clear()
        async with self.db.session() as s, s.begin():
            session = await s.get(PracticeSession, session_id)
            if session is not None and session.status == "ACTIVE":
                session.last_presence_at = utcnow()

    async def expire(self, now: datetime | None = None) -> list[str]:
        """End sessions nobody joined in time, and active ones left alone too long."""
        now = now or utcnow()
        ended = []
        async with self.db.session() as s, s.begin():
            stale = await s.scalars(
                select(PracticeSession).where(
                    or_(
                        (PracticeSession.status == "WAITING")
                        & (PracticeSession.created_at < now - self.rules.waiting_ttl)
                        & or_(
                            PracticeSession.scheduled_at.is_(None),
                            PracticeSession.scheduled_at < now - self.rules.waiting_ttl,
                        ),
                        (PracticeSession.status == "ACTIVE")
                        & (PracticeSession.last_presence_at < now - self.rules.idle_ttl),
                    )
                )
            )
            for session in stale:
                self._end(s, session, None, "expired" if session.status == "WAITING" else "idle")
                ended.append(session.id)
        for session_id in ended:
            await self.notifier.changed(session_id)
        return ended

    # --- shared -----------------------------------------------------------------------------

    @staticmethod
    async def hosted(
        s: AsyncSession, host_id: int, session_id: str, *, allow_ended: bool = False
    ) -> PracticeSession:
        """The session, if ``host_id`` hosts it; others get 404 (or 403 when they can see it)."""
        session = await s.get(PracticeSession, session_id, with_for_update=True)
        if session is None:
            raise NotFound("No such session.")
        if session.host_id != host_id:
            me = await _participant(s, session_id, host_id)
            if me is None or me.state not in (*PRESENT, "left"):
                raise NotFound("No such session.")
            raise Forbidden("Only the host can do that.", code="not_host")
        if session.status == "ENDED" and not allow_ended:
            raise Conflict("The session has ended.", code="session_ended")
        return session

    def folder_of(self, session: PracticeSession) -> Path:
        """The session's folder on disk."""
        return self._folder(session)

    def _folder(self, session: PracticeSession) -> Path:
        return self.rules.sessions_root / session.folder

    async def _invitees(self, host_id: int, usernames: list[str]) -> list[User]:
        users = []
        async with self.db.session() as s:
            for name in dict.fromkeys(u.strip().lower() for u in usernames):
                user = await s.scalar(select(User).where(User.username == name))
                if (
                    user is None
                    or user.id == host_id
                    or not await self.friends.are_friends(host_id, user.id)
                ):
                    raise InvalidInput(f"{name!r} is not one of your friends.", code="not_a_friend")
                users.append(user)
        return users


async def _participant(s: AsyncSession, session_id: str, user_id: int) -> Participant | None:
    return await s.scalar(
        select(Participant).where(
            Participant.session_id == session_id, Participant.user_id == user_id
        )
    )
