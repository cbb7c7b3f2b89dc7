"""Which exceptions mean "the database cannot answer right now" rather than a bug.

A PostgreSQL server that is down or restarting, a connection it dropped, a SQLite file
another writer holds locked for longer than the busy timeout: none of these is the
request's fault, and none is a defect to answer with a 500. Callers (the REST base
handler, the channel) ask :func:`database_fault` and answer 503 with a ``Retry-After``.

Why a classifier and not a wrapper: SQLAlchemy raises these from many places (pool
checkout, pre-ping, the statement, the commit), some wrapped in its ``DBAPIError`` and
some not: asyncpg's ``ConnectionRefusedError`` at connect time comes through raw. So we
recognise them where they arrive, by type and by having been raised inside SQLAlchemy
or the driver, so that an unrelated ``OSError`` is never mistaken for a database outage.
"""

from __future__ import annotations

import asyncio
import logging
import os
import sqlite3
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from types import TracebackType
from typing import TypeVar

import asyncpg
from sqlalchemy import exc as sa_exc

T = TypeVar("T")
log = logging.getLogger(__name__)

# Seconds a client is told to wait: PostgreSQL restarts in a few seconds, and a SQLite
# lock that outlived the busy timeout is held by something slow.
RETRY_AFTER_SECONDS = 5

_DRIVER_DIRS = tuple(f"{os.sep}{name}{os.sep}" for name in ("sqlalchemy", "asyncpg", "aiosqlite"))
_BUSY_WORDS = ("database is locked", "database table is locked", "database is busy")
# SQLite errors that mean the file cannot be written now, not that the statement is wrong.
_SQLITE_UNAVAILABLE_WORDS = ("disk i/o error", "database or disk is full", "unable to open")


@dataclass(frozen=True, slots=True)
class DatabaseFault:
    """``busy``: another writer holds the lock; ``unavailable``: the server cannot be
    reached (down, restarting, connection lost) or the file cannot be written."""

    kind: str
    retry_after: int = RETRY_AFTER_SECONDS


def _raised_by_driver(tb: TracebackType | None) -> bool:
    while tb is not None:
        if any(part in tb.tb_frame.f_code.co_filename for part in _DRIVER_DIRS):
            return True
        tb = tb.tb_next
    return False


def _chain(exc: BaseException) -> list[BaseException]:
    seen: list[BaseException] = []
    current: BaseException | None = exc
    while current is not None and current not in seen and len(seen) < 10:
        seen.append(current)
        current = current.__cause__ or current.__context__
    return seen


def _sqlite(text: str) -> DatabaseFault | None:
    """SQLite's OperationalError is also "no such table" (a bug): only the lock and the
    file's state count."""
    if any(word in text for word in _BUSY_WORDS):
        return DatabaseFault("busy")
    if any(word in text for word in _SQLITE_UNAVAILABLE_WORDS):
        return DatabaseFault("unavailable")
    return None


def _one(exc: BaseException) -> DatabaseFault | None:
    if isinstance(exc, sqlite3.OperationalError):  # raw: our own connections (SqliteWriter)
        return _sqlite(str(exc).lower())
    if isinstance(exc, sa_exc.DBAPIError):
        text = str(exc.orig if exc.orig is not None else exc).lower()
        if any(word in text for word in _BUSY_WORDS):
            return DatabaseFault("busy")
        if exc.connection_invalidated or isinstance(exc, sa_exc.InterfaceError):
            return DatabaseFault("unavailable")
        if isinstance(exc, sa_exc.OperationalError):
            # PostgreSQL's is a lost or refused connection.
            if type(exc.orig).__module__.startswith("sqlite3"):
                return _sqlite(text)
            return DatabaseFault("unavailable")
        return None
    if isinstance(exc, sa_exc.TimeoutError):  # every pooled connection stuck waiting
        return DatabaseFault("unavailable")
    if isinstance(exc, OSError) and _raised_by_driver(exc.__traceback__):
        return DatabaseFault("unavailable")
    if isinstance(exc, _ASYNCPG_CONNECTION_ERRORS):
        return DatabaseFault("unavailable")
    return None


_ASYNCPG_CONNECTION_ERRORS = (
    asyncpg.exceptions.PostgresConnectionError,
    asyncpg.exceptions.CannotConnectNowError,
    asyncpg.exceptions.AdminShutdownError,
    asyncpg.exceptions.ConnectionDoesNotExistError,
    asyncpg.exceptions.InterfaceError,
)


def database_fault(exc: BaseException) -> DatabaseFault | None:
    """The outage ``exc`` (or what caused it) stands for, or None for anything else."""
    for link in _chain(exc):
        fault = _one(link)
        if fault is not None:
            return fault
    return None


async def retry_while_unavailable(
    operation: Callable[[], Awaitable[T]],
    *,
    budget: float,
    initial: float = 0.1,
    longest: float = 2.0,
) -> T:
    """Run an idempotent database write again, with backoff, while the database is down or
    busy, for up to ``budget`` seconds; then (or for any other error) raise. For writes no
    request waits on, e.g. a finished run's result: a short outage delays it, never loses it."""
    deadline = time.monotonic() + budget
    delay = initial
    while True:
        try:
            return await operation()
        except Exception as exc:
            if database_fault(exc) is None or time.monotonic() + delay > deadline:
                raise
            log.warning("Database unavailable (%s); retrying in %.1f s", type(exc).__name__, delay)
        await asyncio.sleep(delay)
        delay = min(delay * 2, longest)
