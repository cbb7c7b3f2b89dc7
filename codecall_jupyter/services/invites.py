"""Invite links: made by members, spent by registration."""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from ..store.db import Database
from ..store.models import Invite
from ..store.types import utcnow
from .errors import Forbidden, InvalidInput, NotFound


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class InviteService:
    def __init__(self, db: Database) -> None:
        self.db = db

    async def create(
        self, creator_id: int, *, max_uses: int, expires_in: timedelta
    ) -> tuple[Invite, str]:
        token = secrets.token_urlsafe(24)
        invite = Invite(
            created_by_id=creator_id,
            token_hash=token_hash(token),
            expires_at=utcnow() + expires_in,
            max_uses=max_uses,
            uses=0,
        )
        async with self.db.session() as s, s.begin():
            s.add(invite)
        return invite, token

    async def list_for(self, user_id: int) -> list[Invite]:
        async with self.db.session() as s:
            rows = await s.scalars(
                select(Invite).where(Invite.created_by_id == user_id).order_by(Invite.id.desc())
            )
            return list(rows)

    async def revoke(self, user_id: int, invite_id: int) -> None:
        async with self.db.session() as s, s.begin():
            invite = await s.get(Invite, invite_id)
            # Someone else's invite is "not found": ids are not to be probed.
            if invite is None or invite.created_by_id != user_id:
                raise NotFound("No such invite.")
            if invite.revoked_at is None:
                invite.revoked_at = utcnow()

    async def is_usable(self, token: str) -> bool:
        async with self.db.session() as s:
            invite = await s.scalar(select(Invite).where(Invite.token_hash == token_hash(token)))
        return invite is not None and _usable(invite)

    async def consume(self, s: AsyncSession, token: str) -> Invite:
        """Spend one use inside the caller's transaction; refuses a spent or stale link."""
        if not token:
            raise Forbidden("Registration needs an invite link.", code="invite_required")
        invite = await s.scalar(select(Invite).where(Invite.token_hash == token_hash(token)))
        if invite is None or not _usable(invite):
            raise InvalidInput(
                "This invite link is invalid, expired or used up.", code="invalid_invite"
            )
        # A conditional update, so two registrations racing for the last use cannot both win.
        result = await s.execute(
            update(Invite)
            .where(Invite.id == invite.id, Invite.uses < Invite.max_uses)
            .values(uses=Invite.uses + 1)
        )
        if result.rowcount != 1:  # type: ignore[attr-defined]
            raise InvalidInput(
                "This invite link is invalid, expired or used up.", code="invalid_invite"
            )
        return invite


def _usable(invite: Invite) -> bool:
    return (
        invite.revoked_at is None and invite.uses < invite.max_uses and invite.expires_at > utcnow()
    )
