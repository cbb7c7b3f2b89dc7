"""Accounts: registration, profile, passwords, the owner's account and the CLI's needs."""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from ..store.db import Database
from ..store.models import User
from ..store.types import utcnow
from .errors import Conflict, Forbidden, InvalidInput, NotFound
from .invites import InviteService
from .passwords import MAX_LENGTH, MIN_LENGTH, hash_password, verify_password

TOUCH_EVERY = 30.0  # seconds between two presence writes for one user
USERNAME = re.compile(r"^[a-z0-9][a-z0-9_.-]{1,30}[a-z0-9]$")
EMAIL = re.compile(r"^[^@\s]{1,64}@[^@\s]+\.[^@\s]+$")
# Distinct on light and dark themes; a user's colour follows their id.
PALETTE = (
    "#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#17becf",
    "#e377c2", "#8c564b", "#bcbd22", "#3f51b5", "#009688", "#795548",
)  # fmt: skip


@dataclass(frozen=True)
class Account:
    id: int
    username: str
    email: str | None
    display_name: str
    kind: str
    disabled: bool
    created_at: datetime

    @property
    def is_owner(self) -> bool:
        return self.kind == "owner"

    @property
    def color(self) -> str:
        return PALETTE[self.id % len(PALETTE)]

    @property
    def initials(self) -> str:
        words = [w for w in re.split(r"[\s._-]+", self.display_name) if w]
        letters = "".join(w[0] for w in words[:2]) or self.username[:1]
        return letters.upper()

    @classmethod
    def of(cls, row: User) -> Account:
        return cls(
            id=row.id,
            username=row.username,
            email=row.email,
            display_name=row.display_name,
            kind=row.kind,
            disabled=row.disabled,
            created_at=row.created_at,
        )


def normalize_username(value: str) -> str:
    name = value.strip().lower()
    if not USERNAME.match(name):
        raise InvalidInput(
            "A username is 3 to 32 characters: letters, digits, '.', '_' or '-', "
            "starting and ending with a letter or digit.",
            code="invalid_username",
        )
    return name


def normalize_email(value: str | None) -> str | None:
    if value is None or not value.strip():
        return None
    email = value.strip().lower()
    if len(email) > 254 or not EMAIL.match(email):
        raise InvalidInput("That is not a valid email address.", code="invalid_email")
    return email


def clean_display_name(value: str) -> str:
    name = " ".join(value.split())
    if not 1 <= len(name) <= 80:
        raise InvalidInput("A display name is 1 to 80 characters.", code="invalid_display_name")
    return name


def check_password_rules(password: str) -> None:
    if len(password) < MIN_LENGTH:
        raise InvalidInput(
            f"A password needs at least {MIN_LENGTH} characters.", code="weak_password"
        )
    if len(password) > MAX_LENGTH:
        raise InvalidInput(
            f"A password has at most {MAX_LENGTH} characters.", code="invalid_password"
        )


class AccountService:
    def __init__(self, db: Database, invites: InviteService, reserved: Iterable[str] = ()) -> None:
        self.db = db
        self.invites = invites
        self.reserved = {name.lower() for name in reserved}
        # Called with a user id after any change to that account (caches listen).
        self.on_change: list[Callable[[int], None]] = []
        self._touched: dict[int, float] = {}

    async def touch(self, user_id: int) -> None:
        """Record activity for presence; at most one write per user every 30 seconds."""
        now = time.monotonic()
        if now - self._touched.get(user_id, -TOUCH_EVERY) < TOUCH_EVERY:
            return
        self._touched[user_id] = now
        if len(self._touched) > 50_000:
            self._touched.clear()
        async with self.db.session() as s, s.begin():
            await s.execute(update(User).where(User.id == user_id).values(last_seen_at=utcnow()))

    def _changed(self, user_id: int) -> None:
        for listener in self.on_change:
            listener(user_id)

    async def ensure_owner(self, username: str, display_name: str) -> Account:
        """The server owner's account: created once, renamed when the config changes."""
        username = normalize_username(username)
        async with self.db.session() as s, s.begin():
            owner = await s.scalar(select(User).where(User.kind == "owner"))
            clash = await s.scalar(
                select(User).where(User.username == username, User.kind != "owner")
            )
            if clash is not None:
                raise Conflict(
                    f"The owner name {username!r} belongs to a registered account; "
                    "set c.CodeCallApp.owner_username to another name.",
                    code="owner_name_taken",
                )
            if owner is None:
                owner = User(username=username, display_name=display_name, kind="owner")
                s.add(owner)
            else:
                owner.username, owner.display_name, owner.disabled = username, display_name, False
            await s.flush()
            return Account.of(owner)

    async def register(
        self,
        *,
        username: str,
        email: str | None,
        display_name: str,
        password: str,
        invite_token: str | None,
        require_invite: bool,
    ) -> Account:
        username = normalize_username(username)
        email = normalize_email(email)
        display_name = clean_display_name(display_name)
        check_password_rules(password)
        if username in self.reserved:
            raise Conflict("That username is taken.", code="username_taken")
        password_hash = await hash_password(password)
        try:
            async with self.db.session() as s, s.begin():
                invited_by = None
                if require_invite or invite_token:
                    invite = await self.invites.consume(s, invite_token or "")
                    invited_by = invite.created_by_id
                await self._check_free(s, username, email)
                user = User(
                    username=username,
                    email=email,
                    display_name=display_name,
                    password_hash=password_hash,
                    kind="local",
                    invited_by_id=invited_by,
                )
                s.add(user)
                await s.flush()
                return Account.of(user)
        except IntegrityError as exc:  # a concurrent registration took the name first
            raise Conflict("That username or email is taken.", code="username_taken") from exc

    async def create_local(
        self, *, username: str, email: str | None, display_name: str, password: str
    ) -> Account:
        """An operator's `jupyter codecall user add`: no invite needed."""
        return await self.register(
            username=username,
            email=email,
            display_name=display_name,
            password=password,
            invite_token=None,
            require_invite=False,
        )

    async def _check_free(self, s: AsyncSession, username: str, email: str | None) -> None:
        if await s.scalar(select(User.id).where(User.username == username)) is not None:
            raise Conflict("That username is taken.", code="username_taken")
        if email and await s.scalar(select(User.id).where(User.email == email)) is not None:
            raise Conflict("That email is already registered.", code="email_taken")

    async def authenticate(self, login: str, password: str) -> Account | None:
        """The account for a username (or email) and password, or None. Same cost either way."""
        key = login.strip().lower()
        async with self.db.session() as s:
            row = await s.scalar(
                select(User).where(
                    or_(User.username == key, User.email == key), User.kind == "local"
                )
            )
        ok = await verify_password(row.password_hash if row else None, password)
        if row is None or not ok or row.disabled:
            return None
        return Account.of(row)

    async def get(self, user_id: int) -> Account:
        async with self.db.session() as s:
            row = await s.get(User, user_id)
        if row is None:
            raise NotFound("No such user.")
        return Account.of(row)

    async def by_username(self, username: str) -> Account | None:
        async with self.db.session() as s:
            row = await s.scalar(select(User).where(User.username == username.strip().lower()))
        return Account.of(row) if row else None

    async def list(self) -> list[Account]:
        async with self.db.session() as s:
            rows = await s.scalars(select(User).order_by(User.id))
            return [Account.of(r) for r in rows]

    async def count(self) -> int:
        async with self.db.session() as s:
            return int(await s.scalar(select(func.count(User.id))) or 0)

    async def update_profile(
        self, user_id: int, *, display_name: str | None = None, email: str | None = None
    ) -> Account:
        try:
            async with self.db.session() as s, s.begin():
                row = await self._row(s, user_id)
                if display_name is not None:
                    row.display_name = clean_display_name(display_name)
                if email is not None:
                    new_email = normalize_email(email)
                    if new_email and new_email != row.email:
                        taken = await s.scalar(select(User.id).where(User.email == new_email))
                        if taken is not None:
                            raise Conflict("That email is already registered.", code="email_taken")
                    row.email = new_email
                await s.flush()
                account = Account.of(row)
        except IntegrityError as exc:
            raise Conflict("That email is already registered.", code="email_taken") from exc
        self._changed(user_id)
        return account

    async def change_password(self, user_id: int, current: str, new: str) -> None:
        async with self.db.session() as s:
            row = await self._row(s, user_id)
        if row.kind != "local":
            raise Conflict(
                "This account signs in through Jupyter or JupyterHub, not a CodeCall password.",
                code="owner_password",
            )
        if not await verify_password(row.password_hash, current):
            raise Forbidden("The current password is wrong.", code="wrong_password")
        check_password_rules(new)
        await self._store_password(user_id, new)

    async def reset_password(self, username: str, new: str) -> Account:
        account = await self._require(username)
        if account.kind != "local":
            raise Conflict("Only registered accounts have a CodeCall password.")
        check_password_rules(new)
        await self._store_password(account.id, new)
        return account

    async def set_disabled(self, username: str, disabled: bool) -> Account:
        account = await self._require(username)
        if account.is_owner and disabled:
            raise Conflict("The server owner's account cannot be disabled.")
        async with self.db.session() as s, s.begin():
            row = await self._row(s, account.id)
            row.disabled = disabled
        self._changed(account.id)
        return await self.get(account.id)

    async def _store_password(self, user_id: int, password: str) -> None:
        password_hash = await hash_password(password)
        async with self.db.session() as s, s.begin():
            row = await self._row(s, user_id)
            row.password_hash = password_hash
        self._changed(user_id)

    async def _require(self, username: str) -> Account:
        account = await self.by_username(username)
        if account is None:
            raise NotFound(f"No user named {username!r}.")
        return account

    @staticmethod
    async def _row(s: AsyncSession, user_id: int) -> User:
        row = await s.get(User, user_id)
        if row is None:
            raise NotFound("No such user.")
        return row
