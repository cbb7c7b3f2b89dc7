"""Users another identity provider vouches for (JupyterHub): one account each."""

from __future__ import annotations

import re

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from ..store.db import Database
from ..store.models import User
from .accounts import Account, clean_display_name
from .errors import Conflict


def derived_username(external_id: str, attempt: int) -> str:
    """A valid username from any external name: "Ann.Lee@corp.org" -> "ann.lee-corp.org"."""
    base = re.sub(r"[^a-z0-9_.-]+", "-", external_id.lower()).strip("._-")[:28] or "user"
    base = base if len(base) >= 3 else f"{base}-user"
    name = base if attempt == 0 else f"{base}-{attempt + 1}"
    return name.strip("._-")


class ExternalUsers:
    """Maps an external username to its CodeCall account, creating it on first sight."""

    def __init__(self, db: Database, owner_name: str | None) -> None:
        self.db = db
        # Under JupyterHub, the user whose server this is ($JUPYTERHUB_USER).
        self.owner_name = owner_name
        self._cache: dict[str, Account] = {}

    def is_owner(self, external_id: str) -> bool:
        return self.owner_name is not None and external_id == self.owner_name

    async def account_for(self, external_id: str, display_name: str) -> Account:
        account = self._cache.get(external_id)
        if account is None:
            account = await self.ensure(external_id, display_name)
            self._cache[external_id] = account
        return account

    def forget(self, user_id: int) -> None:
        self._cache = {k: v for k, v in self._cache.items() if v.id != user_id}

    async def ensure(self, external_id: str, display_name: str, kind: str = "hub") -> Account:
        existing = await self._find(external_id)
        if existing is not None:
            return existing
        name = clean_display_name(display_name or external_id)
        for attempt in range(20):
            username = derived_username(external_id, attempt)
            try:
                async with self.db.session() as s, s.begin():
                    if await s.scalar(select(User.id).where(User.username == username)):
                        continue
                    row = User(
                        username=username, display_name=name, kind=kind, external_id=external_id
                    )
                    s.add(row)
                    await s.flush()
                    return Account.of(row)
            except IntegrityError:  # the same user's first two requests raced
                existing = await self._find(external_id)
                if existing is not None:
                    return existing
        raise Conflict(f"No free username for {external_id!r}.")

    async def _find(self, external_id: str) -> Account | None:
        async with self.db.session() as s:
            row = await s.scalar(select(User).where(User.external_id == external_id))
        return Account.of(row) if row else None
