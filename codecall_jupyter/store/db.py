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


# How long a SQLite write waits for another writer's lock before it fails (and the
# request answers 503 database_busy); CodeCallApp.db_busy_timeout sets it.
DEFAULT_BUSY_TIMEOUT = 5.0
# A PostgreSQL server that does not answer at all (not even a refusal) fails a connection
# attempt after this many seconds instead of asyncpg's 60.
CONNECT_TIMEOUT = 10.0


def apply_sqlite_pragmas(dbapi_connection: Any, busy_timeout: float) -> None:
    """What every connection to the SQLite database is set up with."""
    # WAL lets readers work while one writer commits; busy_timeout makes SQLite retry
    # a locked write with backoff (its busy handler sleeps 1, 2, 5 ... 100 ms) for up
    # to that long instead of failing at once; foreign keys are off by default.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={max(0, int(busy_timeout * 1000))}")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def _sqlite_pragmas(busy_timeout: float) -> Any:
    def apply(dbapi_connection: Any, _record: Any) -> None:
        apply_sqlite_pragmas(dbapi_connection, busy_timeout)

    return apply


def create_engine(
    db_url: str, *, busy_timeout: float = DEFAULT_BUSY_TIMEOUT, **kwargs: Any
) -> AsyncEngine:
    url = async_url(db_url)
    if url.get_backend_name() == "postgresql":
        # pre_ping: a pooled connection the server dropped (restart, failover) is replaced
        # at checkout, so requests recover on their own once the server is back.
        kwargs.setdefault("pool_pre_ping", True)
        kwargs.setdefault("pool_size", 5)
        kwargs.setdefault("max_overflow", 10)
        kwargs.setdefault("connect_args", {"timeout": CONNECT_TIMEOUT})
    else:
        # pysqlite's own busy wait, used before our pragma runs on a new connection.
        kwargs.setdefault("connect_args", {"timeout": busy_timeout})
    engine = create_async_engine(url, **kwargs)
    if url.get_backend_name() == "sqlite":
        event.listen(engine.sync_engine, "connect", _sqlite_pragmas(busy_timeout))
    return engine


class Database:
    """The engine and session factory every service shares."""

    def __init__(
        self, db_url: str, *, busy_timeout: float = DEFAULT_BUSY_TIMEOUT, **engine_kwargs: Any
    ) -> None:
        self.url = db_url
        self.busy_timeout = busy_timeout
        self.engine = create_engine(db_url, busy_timeout=busy_timeout, **engine_kwargs)
        self.session: async_sessionmaker[AsyncSession] = async_sessionmaker(
            self.engine, expire_on_commit=False
        )

    @property
    def backend(self) -> str:
        return self.engine.url.get_backend_name()

    @property
    def sqlite_file(self) -> str | None:
        """The file of a SQLite database, for connections of our own beside the engine's
        (``SqliteWriter``); None for PostgreSQL, for an in-memory database (which another
        connection would not see) and for a URL with options the engine alone applies."""
        url = self.engine.url
        path = url.database
        if url.get_backend_name() != "sqlite" or not path or path == ":memory:" or url.query:
            return None
        return path

    async def dispose(self) -> None:
        await self.engine.dispose()
