"""Friends: requests, friendships, blocks, and the presence only friends see."""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import suppress
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import ColumnElement, and_, delete, exists, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from ..store.db import Database
from ..store.models import Block, FriendRequest, Friendship, Participant, PracticeSession, User
from ..store.types import utcnow
from .accounts import Account, normalize_email
from .errors import Conflict, Forbidden, InvalidInput, NotFound

ONLINE_WITHIN = timedelta(seconds=120)  # a friend seen this recently shows as online


@dataclass(frozen=True)
class Presence:
    online: bool
    in_session: bool
    last_seen_at: datetime | None


@dataclass(frozen=True)
class Friend:
    account: Account
    since: datetime
    presence: Presence


@dataclass(frozen=True)
class RequestView:
    id: int
    sender: Account
    recipient: Account
    status: str
    created_at: datetime


@dataclass(frozen=True)
class BlockedUser:
    account: Account
    blocked_at: datetime


def _pair(a: int, b: int) -> tuple[int, int]:
    return (a, b) if a < b else (b, a)


def _friendship_of(a: int, b: int) -> ColumnElement[bool]:
    low, high = _pair(a, b)
    return and_(Friendship.user_a_id == low, Friendship.user_b_id == high)


def _block_between(a: int, b: int) -> ColumnElement[bool]:
    return or_(
        and_(Block.blocker_id == a, Block.blocked_id == b),
        and_(Block.blocker_id == b, Block.blocked_id == a),
    )


def _involving(user_id: int) -> ColumnElement[bool]:
    return or_(Friendship.user_a_id == user_id, Friendship.user_b_id == user_id)


def _pending_key(from_id: int, to_id: int) -> str:
    return f"{from_id}:{to_id}"


def _close(request: FriendRequest, status: str) -> None:
    # pending_key back to NULL frees the pair for a new request later.
    request.status, request.pending_key, request.decided_at = status, None, utcnow()


async def _lock_pair(s: AsyncSession, a: int, b: int) -> None:
    """Serialise every change to one pair of users until the transaction ends.

    Without it two people asking each other at once would each find no request from
    the other and both leave one pending. A no-op UPDATE is the portable lock: a row
    lock on PostgreSQL, and on SQLite the write lock, taken before anything is read.
    """
    for user_id in _pair(a, b):  # always in id order, so two pairs never deadlock
        await s.execute(
            update(User)
            .where(User.id == user_id)
            .values(updated_at=User.updated_at)
            .execution_options(synchronize_session=False)
        )


async def _exists(s: AsyncSession, where: ColumnElement[bool]) -> bool:
    return bool(await s.scalar(select(exists().where(where))))


async def _pending(s: AsyncSession, from_id: int, to_id: int) -> FriendRequest | None:
    return await s.scalar(
        select(FriendRequest).where(FriendRequest.pending_key == _pending_key(from_id, to_id))
    )


async def _befriend(s: AsyncSession, request: FriendRequest) -> Friendship:
    """Accept a pending request; under the pair lock that means we are not friends yet."""
    _close(request, "accepted")
    low, high = _pair(request.from_id, request.to_id)
    friendship = Friendship(user_a_id=low, user_b_id=high)
    s.add(friendship)
    await s.flush()
    return friendship


async def _friends(s: AsyncSession, user_id: int, rows: Sequence[Friendship]) -> list[Friend]:
    """The other side of each friendship, with presence."""
    since = {(f.user_b_id if f.user_a_id == user_id else f.user_a_id): f.created_at for f in rows}
    if not since:
        return []
    users = await s.scalars(select(User).where(User.id.in_(since)))
    busy = set(
        await s.scalars(
            select(Participant.user_id)
            .join(PracticeSession, PracticeSession.id == Participant.session_id)
            .where(
                Participant.user_id.in_(since),
                Participant.state == "admitted",
                PracticeSession.status == "ACTIVE",
            )
        )
    )
    recently = utcnow() - ONLINE_WITHIN
    return [
        Friend(
            Account.of(u),
            since[u.id],
            Presence(
                u.last_seen_at is not None and u.last_seen_at >= recently,
                u.id in busy,
                u.last_seen_at,
            ),
        )
        for u in users
    ]


class FriendService:
    def __init__(self, db: Database) -> None:
        self.db = db

    # --- what other services ask -------------------------------------------------------

    async def are_friends(self, a_id: int, b_id: int) -> bool:
        async with self.db.session() as s:
            return await _exists(s, _friendship_of(a_id, b_id))

    async def blocked_between(self, a_id: int, b_id: int) -> bool:
        """True when either has blocked the other."""
        async with self.db.session() as s:
            return await _exists(s, _block_between(a_id, b_id))

    async def friend_ids(self, user_id: int) -> set[int]:
        async with self.db.session() as s:
            rows = await s.execute(
                select(Friendship.user_a_id, Friendship.user_b_id).where(_involving(user_id))
            )
            return {b if a == user_id else a for a, b in rows}

    # --- requests ----------------------------------------------------------------------

    async def send_request(self, sender_id: int, to: str) -> Friend | RequestView | None:
        """Ask a username or an email address to be friends.

        Friend: they had asked first, so we are friends now. None for an email address,
        whatever happened: the answer must not tell whether the address is registered.
        """
        if "@" in to:
            await self._request_by_email(sender_id, normalize_email(to) or "")
            return None
        target = await self._by_username(to)
        if target.id == sender_id:
            raise InvalidInput("You cannot befriend yourself.", code="self_request")
        return await self._send(sender_id, target)

    async def _request_by_email(self, sender_id: int, email: str) -> None:
        target = await self._active(User.email == email)
        if target is None:
            return
        if target.id == sender_id:  # one's own address reveals nothing
            raise InvalidInput("You cannot befriend yourself.", code="self_request")
        # Blocked, already asked or already friends: the same answer as an unknown address.
        with suppress(Conflict, Forbidden):
            await self._send(sender_id, target)

    async def _send(self, sender_id: int, target: Account) -> Friend | RequestView:
        try:
            return await self._send_once(sender_id, target)
        except IntegrityError:  # a concurrent request won a unique key: reading again refuses
            return await self._send_once(sender_id, target)

    async def _send_once(self, sender_id: int, target: Account) -> Friend | RequestView:
        async with self.db.session() as s, s.begin():
            await _lock_pair(s, sender_id, target.id)
            if await _exists(s, _block_between(sender_id, target.id)):
                raise Forbidden(
                    "You cannot send a friend request to this user.", code="cannot_request"
                )
            if await _exists(s, _friendship_of(sender_id, target.id)):
                raise Conflict("You are already friends.", code="already_friends")
            if await _pending(s, sender_id, target.id) is not None:
                raise Conflict(
                    "A friend request to this user is already pending.", code="request_pending"
                )
            theirs = await _pending(s, target.id, sender_id)
            if theirs is not None:  # they asked first: asking back accepts
                friendship = await _befriend(s, theirs)
                return (await _friends(s, sender_id, [friendship]))[0]
            request = FriendRequest(
                from_id=sender_id,
                to_id=target.id,
                status="pending",
                pending_key=_pending_key(sender_id, target.id),
            )
            s.add(request)
            await s.flush()
            sender = Account.of(await s.get_one(User, sender_id))
        return RequestView(request.id, sender, target, request.status, request.created_at)

    async def requests_of(self, user_id: int) -> tuple[list[RequestView], list[RequestView]]:
        """Pending requests (incoming, outgoing), newest first."""
        mine = or_(FriendRequest.from_id == user_id, FriendRequest.to_id == user_id)
        async with self.db.session() as s:
            rows = list(
                await s.scalars(
                    select(FriendRequest)
                    .where(FriendRequest.status == "pending", mine)
                    .order_by(FriendRequest.created_at.desc(), FriendRequest.id.desc())
                )
            )
            ids = {r.from_id for r in rows} | {r.to_id for r in rows}
            users = await s.scalars(select(User).where(User.id.in_(ids)))
            accounts = {u.id: Account.of(u) for u in users}
        views = [
            RequestView(r.id, accounts[r.from_id], accounts[r.to_id], r.status, r.created_at)
            for r in rows
        ]
        incoming = [v for v in views if v.recipient.id == user_id]
        return incoming, [v for v in views if v.sender.id == user_id]

    async def accept(self, user_id: int, request_id: int) -> Friend:
        async with self.db.session() as s, s.begin():
            request = await self._open_request(s, request_id, user_id, as_sender=False)
            friendship = await _befriend(s, request)
            return (await _friends(s, user_id, [friendship]))[0]

    async def decline(self, user_id: int, request_id: int) -> None:
        async with self.db.session() as s, s.begin():
            _close(await self._open_request(s, request_id, user_id, as_sender=False), "declined")

    async def cancel(self, user_id: int, request_id: int) -> None:
        async with self.db.session() as s, s.begin():
            _close(await self._open_request(s, request_id, user_id, as_sender=True), "cancelled")

    async def _open_request(
        self, s: AsyncSession, request_id: int, user_id: int, *, as_sender: bool
    ) -> FriendRequest:
        """A pending request this user may act on, with its pair locked."""
        request = await s.get(FriendRequest, request_id)
        # Requests of others are "not found": ids are not to be probed.
        if request is None or (request.from_id if as_sender else request.to_id) != user_id:
            raise NotFound("No such friend request.")
        await _lock_pair(s, request.from_id, request.to_id)
        await s.refresh(request)  # as left by whoever held the lock before us
        if request.status != "pending":
            raise Conflict("This friend request is no longer pending.", code="not_pending")
        return request

    # --- friends -----------------------------------------------------------------------

    async def friends_of(self, user_id: int) -> list[Friend]:
        """My friends with their presence, by display name: the only place presence shows."""
        async with self.db.session() as s:
            rows = await s.scalars(select(Friendship).where(_involving(user_id)))
            friends = await _friends(s, user_id, list(rows))
        return sorted(friends, key=lambda f: (f.account.display_name.casefold(), f.account.id))

    async def unfriend(self, user_id: int, other_id: int) -> None:
        async with self.db.session() as s, s.begin():
            result = await s.execute(delete(Friendship).where(_friendship_of(user_id, other_id)))
        if result.rowcount != 1:  # type: ignore[attr-defined]
            raise NotFound("You are not friends with this user.")

    # --- blocks ------------------------------------------------------------------------

    async def blocks_of(self, user_id: int) -> list[BlockedUser]:
        async with self.db.session() as s:
            rows = await s.execute(
                select(User, Block.created_at)
                .join(Block, Block.blocked_id == User.id)
                .where(Block.blocker_id == user_id)
                .order_by(Block.created_at.desc(), Block.id.desc())
            )
            return [BlockedUser(Account.of(user), at) for user, at in rows]

    async def block(self, blocker_id: int, username: str) -> BlockedUser:
        """Block someone: it also ends the friendship and every pending request between us."""
        target = await self._by_username(username)
        if target.id == blocker_id:
            raise InvalidInput("You cannot block yourself.", code="self_block")
        try:
            async with self.db.session() as s, s.begin():
                await _lock_pair(s, blocker_id, target.id)
                mine = and_(Block.blocker_id == blocker_id, Block.blocked_id == target.id)
                if await _exists(s, mine):
                    raise Conflict("You have blocked this user already.", code="already_blocked")
                await s.execute(delete(Friendship).where(_friendship_of(blocker_id, target.id)))
                keys = (_pending_key(blocker_id, target.id), _pending_key(target.id, blocker_id))
                for request in await s.scalars(
                    select(FriendRequest).where(FriendRequest.pending_key.in_(keys))
                ):
                    _close(request, "cancelled")
                block = Block(blocker_id=blocker_id, blocked_id=target.id)
                s.add(block)
                await s.flush()
        except IntegrityError as exc:  # a second click raced the first
            raise Conflict("You have blocked this user already.", code="already_blocked") from exc
        return BlockedUser(target, block.created_at)

    async def unblock(self, blocker_id: int, blocked_id: int) -> None:
        async with self.db.session() as s, s.begin():
            result = await s.execute(
                delete(Block).where(Block.blocker_id == blocker_id, Block.blocked_id == blocked_id)
            )
        if result.rowcount != 1:  # type: ignore[attr-defined]
            raise NotFound("You have not blocked this user.")

    # --- lookups -----------------------------------------------------------------------

    async def _by_username(self, username: str) -> Account:
        target = await self._active(User.username == username.strip().lower())
        if target is None:
            raise NotFound("No user has that username.", code="user_not_found")
        return target

    async def _active(self, condition: ColumnElement[bool]) -> Account | None:
        """The enabled account matching ``condition``: a disabled one is as good as unknown."""
        async with self.db.session() as s:
            row = await s.scalar(select(User).where(condition, User.disabled.is_(False)))
        return Account.of(row) if row else None
