"""Friends: requests, friendships, and the presence only friends see."""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import suppress
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from ..store.db import Database
from ..store.models import FriendRequest, Friendship, Participant, PracticeSession, User
from ..store.types import utcnow
from .accounts import Account, normalize_email
from .errors import Conflict, Forbidden, InvalidInput, NotFound
from .relations import (
    active_account,
    block_between,
    by_username,
    close_request,
    exists_where,
    friendship_of,
    involving,
    lock_pair,
    pair,
    pending_key,
)
from .user_events import UserEvent, UserEvents

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


async def _pending(s: AsyncSession, from_id: int, to_id: int) -> FriendRequest | None:
    return await s.scalar(
        select(FriendRequest).where(FriendRequest.pending_key == pending_key(from_id, to_id))
    )


async def _befriend(s: AsyncSession, request: FriendRequest) -> Friendship:
    """Accept a pending request; under the pair lock that means we are not friends yet."""
    close_request(request, "accepted")
    low, high = pair(request.from_id, request.to_id)
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
    def __init__(self, db: Database, events: UserEvents | None = None) -> None:
        self.db = db
        self.events = events or UserEvents()

    async def _announce(
        self, a_id: int, b_id: int, kind: str = "changed", by: str | None = None
    ) -> None:
        """After the commit: both pages reload their friends (and may say why)."""
        await self.events.publish((a_id, b_id), UserEvent("friends", kind, by))

    # --- what other services ask -------------------------------------------------------

    async def are_friends(self, a_id: int, b_id: int) -> bool:
        async with self.db.session() as s:
            return await exists_where(s, friendship_of(a_id, b_id))

    async def blocked_between(self, a_id: int, b_id: int) -> bool:
        """True when either has blocked the other."""
        async with self.db.session() as s:
            return await exists_where(s, block_between(a_id, b_id))

    async def friend_ids(self, user_id: int) -> set[int]:
        async with self.db.session() as s:
            rows = await s.execute(
                select(Friendship.user_a_id, Friendship.user_b_id).where(involving(user_id))
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
        target = await by_username(self.db, to)
        if target.id == sender_id:
            raise InvalidInput("You cannot befriend yourself.", code="self_request")
        return await self._send(sender_id, target)

    async def _request_by_email(self, sender_id: int, email: str) -> None:
        target = await active_account(self.db, User.email == email)
        if target is None:
            return
        if target.id == sender_id:  # one's own address reveals nothing
            raise InvalidInput("You cannot befriend yourself.", code="self_request")
        # Blocked, already asked or already friends: the same answer as an unknown address.
        with suppress(Conflict, Forbidden):
            await self._send(sender_id, target)

    async def _send(self, sender_id: int, target: Account) -> Friend | RequestView:
        try:
            sent = await self._send_once(sender_id, target)
        except IntegrityError:  # a concurrent request won a unique key: reading again refuses
            sent = await self._send_once(sender_id, target)
        if isinstance(sent, RequestView):
            await self._announce(sender_id, target.id, "friend_request", sent.sender.display_name)
        else:  # they had asked first: now friends
            sender = await active_account(self.db, User.id == sender_id)
            name = sender.display_name if sender else None
            await self._announce(sender_id, target.id, "friend_accepted", name)
        return sent

    async def _send_once(self, sender_id: int, target: Account) -> Friend | RequestView:
        async with self.db.session() as s, s.begin():
            await lock_pair(s, sender_id, target.id)
            if await exists_where(s, block_between(sender_id, target.id)):
                raise Forbidden(
                    "You cannot send a friend request to this user.", code="cannot_request"
                )
            if await exists_where(s, friendship_of(sender_id, target.id)):
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
                pending_key=pending_key(sender_id, target.id),
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
            friend = (await _friends(s, user_id, [friendship]))[0]
            me = Account.of(await s.get_one(User, user_id))
        await self._announce(user_id, friend.account.id, "friend_accepted", me.display_name)
        return friend

    async def decline(self, user_id: int, request_id: int) -> None:
        async with self.db.session() as s, s.begin():
            request = await self._open_request(s, request_id, user_id, as_sender=False)
            close_request(request, "declined")
        await self._announce(request.from_id, request.to_id)

    async def cancel(self, user_id: int, request_id: int) -> None:
        async with self.db.session() as s, s.begin():
            request = await self._open_request(s, request_id, user_id, as_sender=True)
            close_request(request, "cancelled")
        await self._announce(request.from_id, request.to_id)

    async def _open_request(
        self, s: AsyncSession, request_id: int, user_id: int, *, as_sender: bool
    ) -> FriendRequest:
        """A pending request this user may act on, with its pair locked."""
        request = await s.get(FriendRequest, request_id)
        # Requests of others are "not found": ids are not to be probed.
        if request is None or (request.from_id if as_sender else request.to_id) != user_id:
            raise NotFound("No such friend request.")
        await lock_pair(s, request.from_id, request.to_id)
        await s.refresh(request)  # as left by whoever held the lock before us
        if request.status != "pending":
            raise Conflict("This friend request is no longer pending.", code="not_pending")
        return request

    # --- friends -----------------------------------------------------------------------

    async def friends_of(self, user_id: int) -> list[Friend]:
        """My friends with their presence, by display name: the only place presence shows."""
        async with self.db.session() as s:
            rows = await s.scalars(select(Friendship).where(involving(user_id)))
            friends = await _friends(s, user_id, list(rows))
        return sorted(friends, key=lambda f: (f.account.display_name.casefold(), f.account.id))

    async def unfriend(self, user_id: int, other_id: int) -> None:
        async with self.db.session() as s, s.begin():
            result = await s.execute(delete(Friendship).where(friendship_of(user_id, other_id)))
        if result.rowcount != 1:  # type: ignore[attr-defined]
            raise NotFound("You are not friends with this user.")
        await self._announce(user_id, other_id)
