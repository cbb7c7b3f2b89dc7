"""Joining a session and the host's say over who is in it: the waiting room and roles."""

from __future__ import annotations

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from ..store.db import Database
from ..store.models import Participant, PracticeSession
from ..store.types import utcnow
from .activity import ActivityLog
from .errors import Conflict, Forbidden, InvalidInput, NotFound, RateLimited
from .friends import FriendService
from .passwords import verify_password
from .ratelimit import Rate, TokenBucketLimiter
from .sessions import SessionService, _participant


class WaitingRoom:
    def __init__(
        self,
        db: Database,
        friends: FriendService,
        activity: ActivityLog,
        sessions: SessionService,
        password_rate: Rate,
    ) -> None:
        self.db = db
        self.friends = friends
        self.activity = activity
        self.sessions = sessions
        # Wrong session passwords, per user and session.
        self.password_limiter = TokenBucketLimiter(password_rate)

    # --- joining --------------------------------------------------------------------------

    async def join_by_token(
        self, user_id: int, token: str, password: str | None
    ) -> tuple[str, str]:
        async with self.db.session() as s:
            session_id = await s.scalar(
                select(PracticeSession.id).where(PracticeSession.invite_token == token)
            )
        if session_id is None:
            raise NotFound("This invite link is not valid.", code="invalid_invite")
        return session_id, await self._join(user_id, session_id, password, by_link=True)

    async def join_by_id(self, user_id: int, session_id: str, password: str | None) -> str:
        return await self._join(user_id, session_id, password, by_link=False)

    async def _join(
        self, user_id: int, session_id: str, password: str | None, by_link: bool
    ) -> str:
        async with self.db.session() as s:
            session = await s.get(PracticeSession, session_id)
            me = await _participant(s, session_id, user_id) if session else None
        if session is None or await self.friends.blocked_between(user_id, session.host_id):
            raise NotFound("No such session.")
        invited = me is not None and me.state in ("invited", "waiting", "admitted", "left")
        if not (by_link or invited or await self.friends.are_friends(user_id, session.host_id)):
            raise NotFound("No such session.")
        _check_joinable(session, me, user_id)
        if me is not None and me.state in ("waiting", "admitted"):
            return me.state  # joining twice changes nothing
        await self._check_password(session, user_id, password)
        async with self.db.session() as s, s.begin():
            session = await s.get(PracticeSession, session_id, with_for_update=True)
            assert session is not None
            _check_joinable(session, None, user_id)
            me = await _participant(s, session_id, user_id)
            if me is None:
                me = Participant(session_id=session_id, user_id=user_id, role="candidate")
                s.add(me)
            me.state, me.joined_at, me.left_at = "waiting", utcnow(), None
            await s.flush()
            self.activity.add(s, session_id, user_id, "joined")
            admitted = session.auto_admit and await self._seat(s, session, me, session.host_id)
        await self.sessions.notifier.changed(session_id)
        return "admitted" if admitted else "waiting"

    async def _check_password(
        self, session: PracticeSession, user_id: int, password: str | None
    ) -> None:
        if session.password_hash is None:
            return
        key = f"{user_id}:{session.id}"
        wait = self.password_limiter.retry_after(key)
        if wait:
            raise RateLimited("Too many wrong passwords for this session.", retry_after=wait)
        if not password or not await verify_password(session.password_hash, password):
            self.password_limiter.hit(key)
            raise Forbidden("The session password is wrong.", code="wrong_password")

    async def leave(self, user_id: int, session_id: str) -> None:
        async with self.db.session() as s, s.begin():
            session = await s.get(PracticeSession, session_id, with_for_update=True)
            me = await _participant(s, session_id, user_id) if session else None
            if session is None or me is None or me.state not in ("waiting", "admitted"):
                raise NotFound("You are not in this session.")
            if session.host_id == user_id:
                raise Conflict(
                    "The host ends the session or hands the host role over first.",
                    code="host_cannot_leave",
                )
            await self._release(s, session, me, "left")
            me.left_at = utcnow()
            self.activity.add(s, session_id, user_id, "left")
        await self.sessions.notifier.changed(session_id)

    async def decline(self, user_id: int, session_id: str) -> None:
        async with self.db.session() as s, s.begin():
            me = await _participant(s, session_id, user_id)
            if me is None or me.state != "invited":
                raise NotFound("No invitation to this session.")
            me.state = "declined"
            self.activity.add(s, session_id, user_id, "declined")
        await self.sessions.notifier.changed(session_id)

    # --- the host's say ---------------------------------------------------------------------

    async def admit(self, host_id: int, session_id: str, user_id: int) -> None:
        async with self.db.session() as s, s.begin():
            session = await self.sessions.hosted(s, host_id, session_id)
            guest = await self._guest(s, session_id, user_id)
            if guest.state != "waiting":
                raise Conflict("That person is not waiting.", code="not_waiting")
            if not await self._seat(s, session, guest, host_id):
                raise Conflict("The session is full.", code="session_full")
        await self.sessions.notifier.changed(session_id)

    async def reject(self, host_id: int, session_id: str, user_id: int) -> None:
        async with self.db.session() as s, s.begin():
            await self.sessions.hosted(s, host_id, session_id)
            guest = await self._guest(s, session_id, user_id)
            if guest.state != "waiting":
                raise Conflict("That person is not waiting.", code="not_waiting")
            guest.state = "rejected"
            self.activity.add(s, session_id, host_id, "rejected", user_id=user_id)
        await self.sessions.notifier.changed(session_id)

    async def remove(self, host_id: int, session_id: str, user_id: int) -> None:
        async with self.db.session() as s, s.begin():
            session = await self.sessions.hosted(s, host_id, session_id)
            if user_id == host_id:
                raise InvalidInput("The host cannot remove themselves.", code="remove_host")
            guest = await self._guest(s, session_id, user_id)
            if guest.state not in ("invited", "waiting", "admitted"):
                raise Conflict("That person is not in the session.", code="not_present")
            await self._release(s, session, guest, "removed")
            self.activity.add(s, session_id, host_id, "removed", user_id=user_id)
        await self.sessions.notifier.changed(session_id)

    async def set_role(self, host_id: int, session_id: str, user_id: int, role: str) -> None:
        async with self.db.session() as s, s.begin():
            await self.sessions.hosted(s, host_id, session_id)
            member = await self._admitted(s, session_id, user_id)
            if member.role != role:
                member.role = role
                self.activity.add(
                    s, session_id, host_id, "role_changed", user_id=user_id, role=role
                )
        await self.sessions.notifier.changed(session_id)

    async def hand_host(self, host_id: int, session_id: str, user_id: int) -> None:
        async with self.db.session() as s, s.begin():
            session = await self.sessions.hosted(s, host_id, session_id)
            if user_id == host_id:
                raise InvalidInput("You are the host already.", code="already_host")
            await self._admitted(s, session_id, user_id)
            session.host_id = user_id
            self.activity.add(s, session_id, host_id, "host_changed", user_id=user_id)
        await self.sessions.notifier.changed(session_id)

    async def swap_roles(self, host_id: int, session_id: str) -> None:
        async with self.db.session() as s, s.begin():
            session = await self.sessions.hosted(s, host_id, session_id)
            if session.mode != "peer":
                raise Conflict("Roles swap only in peer mode.", code="not_peer_mode")
            members = await s.scalars(
                select(Participant).where(
                    Participant.session_id == session_id,
                    Participant.state == "admitted",
                    Participant.role.in_(("interviewer", "candidate")),
                )
            )
            swap = {"interviewer": "candidate", "candidate": "interviewer"}
            for member in members:
                member.role = swap[member.role]
            self.activity.add(s, session_id, host_id, "roles_swapped")
        await self.sessions.notifier.changed(session_id)

    # --- seats ------------------------------------------------------------------------------

    async def _seat(
        self, s: AsyncSession, session: PracticeSession, guest: Participant, actor: int
    ) -> bool:
        """Admit ``guest`` if a seat is free. The conditional UPDATE is what stops two
        admissions racing for the last seat from overfilling the session."""
        taken = await s.execute(
            update(PracticeSession)
            .where(
                PracticeSession.id == session.id,
                PracticeSession.admitted_count < PracticeSession.max_participants,
                PracticeSession.status != "ENDED",
            )
            .values(admitted_count=PracticeSession.admitted_count + 1)
            .execution_options(synchronize_session=False)
        )
        if taken.rowcount != 1:  # type: ignore[attr-defined]
            return False
        guest.role = await self._newcomer_role(s, session)
        guest.state, guest.admitted_at = "admitted", utcnow()
        if session.status == "WAITING":
            session.status, session.started_at = "ACTIVE", utcnow()
        session.last_presence_at = utcnow()
        self.activity.add(s, session.id, actor, "admitted", user_id=guest.user_id, role=guest.role)
        return True

    async def _release(
        self, s: AsyncSession, session: PracticeSession, member: Participant, state: str
    ) -> None:
        if member.state == "admitted":
            await s.execute(
                update(PracticeSession)
                .where(PracticeSession.id == session.id)
                .values(admitted_count=PracticeSession.admitted_count - 1)
                .execution_options(synchronize_session=False)
            )
        member.state = state

    @staticmethod
    async def _newcomer_role(s: AsyncSession, session: PracticeSession) -> str:
        roles = set(
            await s.scalars(
                select(Participant.role).where(
                    Participant.session_id == session.id, Participant.state == "admitted"
                )
            )
        )
        if "candidate" not in roles:
            return "candidate"
        if session.mode == "peer" and "interviewer" not in roles:
            return "interviewer"
        return "observer"

    @staticmethod
    async def _guest(s: AsyncSession, session_id: str, user_id: int) -> Participant:
        guest = await _participant(s, session_id, user_id)
        if guest is None:
            raise NotFound("That person is not in this session.")
        return guest

    async def _admitted(self, s: AsyncSession, session_id: str, user_id: int) -> Participant:
        member = await self._guest(s, session_id, user_id)
        if member.state != "admitted":
            raise Conflict("That person is not admitted.", code="not_admitted")
        return member


def _check_joinable(session: PracticeSession, me: Participant | None, user_id: int) -> None:
    if session.host_id == user_id:
        raise Conflict(
            "You host this session; the host does not join as a guest.",
            code="host_cannot_join",
            session_id=session.id,
        )
    if session.status == "ENDED":
        raise Conflict("The session has ended.", code="session_ended")
    if me is not None and me.state in ("rejected", "removed"):
        raise Forbidden("The host turned you away from this session.", code="turned_away")
    if (
        me is None or me.state != "admitted"
    ) and session.admitted_count >= session.max_participants:
        raise Conflict("The session is full.", code="session_full")
