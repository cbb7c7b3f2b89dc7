"""Queries about a pair of users that friends and blocks share, and the pair lock."""

from __future__ import annotations

from sqlalchemy import ColumnElement, and_, exists, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from ..store.db import Database
from ..store.models import Block, FriendRequest, Friendship, User
from ..store.types import utcnow
from .accounts import Account
from .errors import NotFound


def pair(a: int, b: int) -> tuple[int, int]:
    return (a, b) if a < b else (b, a)


def friendship_of(a: int, b: int) -> ColumnElement[bool]:
    low, high = pair(a, b)
    return and_(Friendship.user_a_id == low, Friendship.user_b_id == high)


def block_between(a: int, b: int) -> ColumnElement[bool]:
    return or_(
        and_(Block.blocker_id == a, Block.blocked_id == b),
        and_(Block.blocker_id == b, Block.blocked_id == a),
    )


def involving(user_id: int) -> ColumnElement[bool]:
    return or_(Friendship.user_a_id == user_id, Friendship.user_b_id == user_id)


def pending_key(from_id: int, to_id: int) -> str:
    return f"{from_id}:{to_id}"


def close_request(request: FriendRequest, status: str) -> None:
    # pending_key back to NULL frees the pair for a new request later.
    request.status, request.pending_key, request.decided_at = status, None, utcnow()


async def lock_pair(s: AsyncSession, a: int, b: int) -> None:
    """Serialise every change to one pair of users until the transaction ends.

    Without it two people asking each other at once would each find no request from
    the other and both leave one pending. A no-op UPDATE is the portable lock: a row
    lock on PostgreSQL, and on SQLite the write lock, taken before anything is read.
    """
    for user_id in pair(a, b):  # always in id order, so two pairs never deadlock
        await s.execute(
            update(User)
            .where(User.id == user_id)
            .values(updated_at=User.updated_at)
            .execution_options(synchronize_session=False)
        )


async def exists_where(s: AsyncSession, where: ColumnElement[bool]) -> bool:
    return bool(await s.scalar(select(exists().where(where))))


async def active_account(db: Database, condition: ColumnElement[bool]) -> Account | None:
    """The enabled account matching ``condition``: a disabled one is as good as unknown."""
    async with db.session() as s:
        row = await s.scalar(select(User).where(condition, User.disabled.is_(False)))
    return Account.of(row) if row else None


async def by_username(db: Database, username: str) -> Account:
    target = await active_account(db, User.username == username.strip().lower())
    if target is None:
        raise NotFound("No user has that username.", code="user_not_found")
    return target
