"""Blocking: a block ends a friendship and every pending request, and keeps them ended."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import and_, delete, select
from sqlalchemy.exc import IntegrityError

from ..store.db import Database
from ..store.models import Block, FriendRequest, Friendship, User
from .accounts import Account
from .errors import Conflict, InvalidInput, NotFound
from .relations import (
    by_username,
    close_request,
    exists_where,
    friendship_of,
    lock_pair,
    pending_key,
)


@dataclass(frozen=True)
class BlockedUser:
    account: Account
    blocked_at: datetime


class BlockService:
    def __init__(self, db: Database) -> None:
        self.db = db

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
        target = await by_username(self.db, username)
        if target.id == blocker_id:
            raise InvalidInput("You cannot block yourself.", code="self_block")
        try:
            async with self.db.session() as s, s.begin():
                await lock_pair(s, blocker_id, target.id)
                mine = and_(Block.blocker_id == blocker_id, Block.blocked_id == target.id)
                if await exists_where(s, mine):
                    raise Conflict("You have blocked this user already.", code="already_blocked")
                await s.execute(delete(Friendship).where(friendship_of(blocker_id, target.id)))
                keys = (pending_key(blocker_id, target.id), pending_key(target.id, blocker_id))
                for request in await s.scalars(
                    select(FriendRequest).where(FriendRequest.pending_key.in_(keys))
                ):
                    close_request(request, "cancelled")
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
