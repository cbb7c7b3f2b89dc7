"""Alembic, driven from code: upgrade, current revision and drift checks."""

from __future__ import annotations

import asyncio
import fcntl
import os
import threading
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any, TypeVar

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import text
from sqlalchemy.engine import Connection, make_url

from .db import create_engine
from .models import Base

MIGRATIONS = Path(__file__).parent / "migrations"
# Any 64-bit number of our own: servers sharing one PostgreSQL database (JupyterHub)
# start together, and only one of them may run the migrations at a time.
_PG_LOCK_KEY = 0x436F646543616C6C

T = TypeVar("T")


def alembic_config(connection: Connection | None = None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["connection"] = connection
    return cfg


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def _upgrade(connection: Connection) -> None:
    postgres = connection.dialect.name == "postgresql"
    if postgres:
        # A session-level lock: it outlives the commits below.
        connection.execute(text("SELECT pg_advisory_lock(:k)"), {"k": _PG_LOCK_KEY})
        connection.commit()
    try:
        command.upgrade(alembic_config(connection), "head")
        # Commit before unlocking: the next server must see the new revision, not
        # migrate again into tables this transaction has not yet made visible.
        connection.commit()
    finally:
        if postgres:
            connection.rollback()
            connection.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": _PG_LOCK_KEY})
            connection.commit()


def _current(connection: Connection) -> str | None:
    return MigrationContext.configure(connection).get_current_revision()


def _diff(connection: Connection) -> list[Any]:
    context = MigrationContext.configure(connection, opts={"compare_type": True})
    return list(compare_metadata(context, Base.metadata))


async def _with_connection(db_url: str, fn: Callable[[Connection], T], commit: bool) -> T:
    engine = create_engine(db_url)
    try:
        async with engine.connect() as conn:
            result = await conn.run_sync(fn)
            if commit:
                await conn.commit()
            return result
    finally:
        await engine.dispose()


@asynccontextmanager
async def _sqlite_file_lock(db_url: str) -> AsyncIterator[None]:
    """Serialise migrations of one SQLite file across processes and tasks.

    PostgreSQL gets an advisory lock inside the migration; SQLite has none, and two
    servers creating the same fresh file race ("table already exists").
    """
    url = make_url(db_url)
    database = url.database or ""
    if url.get_backend_name() != "sqlite" or database in ("", ":memory:"):
        yield
        return
    fd = os.open(f"{database}.migrate-lock", os.O_CREAT | os.O_RDWR, 0o600)
    try:
        await asyncio.to_thread(fcntl.flock, fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing releases the lock


async def upgrade(db_url: str) -> None:
    async with _sqlite_file_lock(db_url):
        await _with_connection(db_url, _upgrade, commit=True)


async def current_revision(db_url: str) -> str | None:
    return await _with_connection(db_url, _current, commit=False)


async def pending_diff(db_url: str) -> list[Any]:
    """What autogenerate would still write: empty when models and migrations agree."""
    return await _with_connection(db_url, _diff, commit=False)


def run_blocking(factory: Callable[[], Awaitable[T]]) -> T:
    """Run a coroutine to completion from sync code, even inside a running loop.

    Start-up runs before (real server) or inside (tests) an event loop; a private
    thread with its own loop works in both without nesting loops.
    """
    box: dict[str, Any] = {}

    def target() -> None:
        try:
            box["value"] = asyncio.run(factory())  # type: ignore[arg-type]
        except BaseException as exc:  # re-raised in the caller's thread
            box["error"] = exc

    thread = threading.Thread(target=target, name="codecall-startup")
    thread.start()
    thread.join()
    if "error" in box:
        raise box["error"]
    return box["value"]
