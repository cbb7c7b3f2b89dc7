"""The document history's writer on SQLite: its own connections, one of them in its
own thread.

Every room waits for its batch's commit before it relays (``DurableRoom``), so the
commit's path is edit latency under load. A batch is committed on the event loop's own
thread when the database's write lock is free: in WAL mode with ``synchronous=NORMAL``
and no checkpoint inside it, a commit is an append to the log without an fsync, about
0.1 ms. That connection never waits for the lock (``busy_timeout`` 0): when another
connection holds it (the server's other writes, a checkpoint starting the log again),
the batch goes to the writer's thread, whose connection waits for the lock as the
engine's do without blocking the loop. So does a batch that asks for a checkpoint
first. Hopping to a thread for every batch cost more than the commit: the thread waits
for the GIL while the loop is busy, and at 100 busy rooms the edits' p99 was about a
third higher (bench/README.md).

Both connections are set up as the engine's are (``apply_sqlite_pragmas``), except that
they never checkpoint the write-ahead log inside a commit (``wal_autocheckpoint=0``);
the history's checkpointer does that beside them, and asks for a checkpoint before a
batch when the log is long (see ``collab/history.py``). A failed batch is rolled back and
its connection dropped: the next batch opens a new one.
"""

from __future__ import annotations

import asyncio
import contextlib
import sqlite3
import threading
from collections.abc import Callable, Sequence
from functools import partial
from queue import SimpleQueue

from ..store.db import apply_sqlite_pragmas

_SQLITE_BUSY = 5


class _Locked(Exception):
    """The write lock is held by another connection."""


class SqliteWriter:
    def __init__(self, path: str, *, busy_timeout: float, log_limit_pages: int) -> None:
        self.path = path
        self.busy_timeout = busy_timeout
        self.log_limit_pages = log_limit_pages
        self._inline: sqlite3.Connection | None = None  # the loop's, never waits
        self._connection: sqlite3.Connection | None = None  # the thread's
        # Calls for the thread, each with the future it answers; None stops the thread.
        self._calls: SimpleQueue[tuple[asyncio.Future[None], Callable[[], None]] | None]
        self._calls = SimpleQueue()
        self._thread: threading.Thread | None = None

    async def commit(
        self, sql: str, rows: Sequence[tuple[object, ...]], *, checkpoint_first: bool = False
    ) -> bool:
        """Insert ``rows`` with ``sql`` in one transaction; raises what SQLite raised.
        True when it was committed at once on the loop's thread, False when it went to
        the writer's thread."""
        if not checkpoint_first:
            try:
                self._commit_inline(sql, rows)
            except _Locked:
                pass  # someone else writes: wait for the lock in the thread
            else:
                return True
        await self._call(lambda: self._commit(sql, rows, checkpoint_first))
        return False

    async def close(self) -> None:
        """Close the connections (after a batch still in the thread); stop the thread."""
        _close(self._inline)
        self._inline = None
        if self._thread is None:
            return
        await self._call(self._drop)
        self._calls.put(None)
        self._thread = None

    def _commit_inline(self, sql: str, rows: Sequence[tuple[object, ...]]) -> None:
        connection = self._inline
        try:
            if connection is None:
                connection = self._inline = self._connect(busy_timeout=0.0)
            connection.executemany(sql, rows)  # sqlite3 begins the transaction
            connection.commit()
        except sqlite3.OperationalError as exc:
            if not _is_busy(exc):
                self._inline = None
                _close(connection)
                raise
            if connection is not None:
                connection.rollback()
            raise _Locked from exc
        except BaseException:
            self._inline = None
            _close(connection)
            raise

    def _call(self, function: Callable[[], None]) -> asyncio.Future[None]:
        if self._thread is None:
            self._thread = threading.Thread(
                target=self._serve, name="codecall-history", daemon=True
            )
            self._thread.start()
        future: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._calls.put((future, function))
        return future

    # -- in the writer's thread ------------------------------------------------------

    def _serve(self) -> None:
        # A plain queue and one wake-up of the loop per call: what the thread pool adds
        # (a second future, its lock and callbacks) showed in the edits' latency.
        while (call := self._calls.get()) is not None:
            future, function = call
            try:
                function()
            except BaseException as exc:
                answer: Callable[[], None] = partial(_fail, future, exc)
            else:
                answer = partial(_succeed, future)
            with contextlib.suppress(RuntimeError):  # the loop closed: nobody waits
                future.get_loop().call_soon_threadsafe(answer)

    def _commit(self, sql: str, rows: Sequence[tuple[object, ...]], checkpoint_first: bool) -> None:
        connection = self._connection or self._open()
        try:
            if checkpoint_first:
                connection.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
            connection.executemany(sql, rows)  # sqlite3 begins the transaction
            connection.commit()
        except BaseException:
            self._drop()
            raise

    def _open(self) -> sqlite3.Connection:
        self._connection = self._connect(busy_timeout=self.busy_timeout)
        return self._connection

    def _connect(self, busy_timeout: float) -> sqlite3.Connection:
        connection = sqlite3.connect(self.path, timeout=busy_timeout, check_same_thread=False)
        try:
            apply_sqlite_pragmas(connection, busy_timeout)
            connection.execute("PRAGMA wal_autocheckpoint=0")
            (page_size,) = connection.execute("PRAGMA page_size").fetchone()
            # Once the log starts again from its beginning, its file is cut back to this.
            connection.execute(f"PRAGMA journal_size_limit={self.log_limit_pages * page_size}")
        except BaseException:
            connection.close()
            raise
        return connection

    def _drop(self) -> None:
        connection, self._connection = self._connection, None
        _close(connection)


def _is_busy(exc: sqlite3.OperationalError) -> bool:
    """SQLITE_BUSY: another connection holds the lock (the code from Python 3.11)."""
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None:
        return bool(code & 0xFF == _SQLITE_BUSY)
    return "database is locked" in str(exc)


def _close(connection: sqlite3.Connection | None) -> None:
    """Roll back what is open and close; nothing to do for None."""
    if connection is not None:
        try:
            connection.rollback()
        finally:
            connection.close()


def _succeed(future: asyncio.Future[None]) -> None:
    if not future.done():  # the waiter may have been cancelled meanwhile
        future.set_result(None)


def _fail(future: asyncio.Future[None], exc: BaseException) -> None:
    if not future.done():
        future.set_exception(exc)
