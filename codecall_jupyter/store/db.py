"""The async engine: URL normalisation, SQLite pragmas and the session factory."""

from __future__ import annotations

from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)

# Drivers we ship: a plain "postgresql://" or "sqlite://" URL gets the async one.
_ASYNC_DRIVERS = {"sqlite": "sqlite+aiosqlite", "postgresql": "postgresql+asyncpg"}


def async_url(db_url: str) -> URL:
    """Turn what an operator writes into a URL with an async driver."""
    url = make_url(db_url)
    backend = url.get_backend_name()
    if backend not in _ASYNC_DRIVERS:
        raise ValueError(f"unsupported database {backend!r}: use sqlite:/// or postgresql://")
    if url.drivername in ("sqlite", "postgresql", "postgres"):
        url = url.set(drivername=_ASYNC_DRIVERS[backend])
    return url


def redact(db_url: str) -> str:
    """The URL with its password hidden, for logs and the doctor."""
    return make_url(db_url).render_as_string(hide_password=True)


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # WAL lets readers work while one writer commits; busy_timeout turns "database is
    # locked" into a short wait; foreign keys are off by default in SQLite.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def create_engine(db_url: str, **kwargs: Any) -> AsyncEngine:
    url = async_url(db_url)
    if url.get_backend_name() == "postgresql":
        kwargs.setdefault("pool_pre_ping", True)
        kwargs.setdefault("pool_size", 5)
        kwargs.setdefault("max_overflow", 10)
    engine = create_async_engine(url, **kwargs)
    if url.get_backend_name() == "sqlite":
        event.listen(engine.sync_engine, "connect", _sqlite_pragmas)
    return engine


class Database:
    """The engine and session factory every service shares."""

    def __init__(self, db_url: str, **engine_kwargs: Any) -> None:
        self.url = db_url
        self.engine = create_engine(db_url, **engine_kwargs)
        self.session: async_sessionmaker[AsyncSession] = async_sessionmaker(
            self.engine, expire_on_commit=False
        )

    @property
    def backend(self) -> str:
        return self.engine.url.get_backend_name()

    async def dispose(self) -> None:
        await self.engine.dispose()
