"""Browser logins: opaque tokens in a cookie, their hashes in the database."""

from __future__ import annotations

import secrets
import time
from datetime import timedelta

from sqlalchemy import delete, select

from ..store.db import Database
from ..store.models import LoginSession
from ..store.types import utcnow
from .accounts import Account
from .invites import token_hash


class LoginService:
    """Creates, resolves and revokes logins.

    Every authenticated request resolves its cookie, so resolutions are cached for a
    few seconds; revoking clears the cache at once in this process.
    """

    def __init__(
        self,
        db: Database,
        max_age: timedelta,
        cache_seconds: float = 5.0,
        touch_every: timedelta = timedelta(minutes=5),
    ) -> None:
        self.db = db
        self.max_age = max_age
        self.cache_seconds = cache_seconds
        self.touch_every = touch_every
        self._cache: dict[str, tuple[float, Account]] = {}

    async def create(self, account: Account, *, user_agent: str = "", address: str = "") -> str:
        token = secrets.token_urlsafe(32)
        now = utcnow()
        async with self.db.session() as s, s.begin():
            s.add(
                LoginSession(
                    user_id=account.id,
                    token_hash=token_hash(token),
                    created_at=now,
                    expires_at=now + self.max_age,
                    last_seen_at=now,
                    user_agent=user_agent[:256],
                    address=address[:64],
                )
            )
        return token

    async def resolve(self, token: str) -> Account | None:
        key = token_hash(token)
        cached = self._cache.get(key)
        if cached and cached[0] > time.monotonic():
            return cached[1]
        now = utcnow()
        async with self.db.session() as s, s.begin():
            login = await s.scalar(select(LoginSession).where(LoginSession.token_hash == key))
            if login is None or login.expires_at <= now or login.user.disabled:
                self._cache.pop(key, None)
                return None
            if now - login.last_seen_at > self.touch_every:
                login.last_seen_at = now
            account = Account.of(login.user)
        if len(self._cache) > 10_000:
            self._cache.clear()
        self._cache[key] = (time.monotonic() + self.cache_seconds, account)
        return account

    async def revoke(self, token: str) -> None:
        key = token_hash(token)
        self._cache.pop(key, None)
        async with self.db.session() as s, s.begin():
            await s.execute(delete(LoginSession).where(LoginSession.token_hash == key))

    def forget_user(self, user_id: int) -> None:
        """Drop cached resolutions of one user: their account just changed."""
        self._cache = {k: v for k, v in self._cache.items() if v[1].id != user_id}

    async def revoke_all(self, user_id: int, keep_token: str | None = None) -> int:
        """Log a user out everywhere (but the browser holding ``keep_token``)."""
        self.forget_user(user_id)
        query = delete(LoginSession).where(LoginSession.user_id == user_id)
        if keep_token:
            query = query.where(LoginSession.token_hash != token_hash(keep_token))
        async with self.db.session() as s, s.begin():
            result = await s.execute(query)
        return int(result.rowcount or 0)  # type: ignore[attr-defined]

    async def purge_expired(self) -> int:
        async with self.db.session() as s, s.begin():
            result = await s.execute(
                delete(LoginSession).where(LoginSession.expires_at <= utcnow())
            )
        return int(result.rowcount or 0)  # type: ignore[attr-defined]
