"""Writes to a SQLite file on the event loop's own thread while the write lock is free,
on the writer's thread when it is not.

Used where a write is on someone's path: a room relays a batch only once it is stored
(``DocHistory``), a run answers only once its result is stored (``RunHistory``). Through
the engine, a write hops to aiosqlite's thread for every call (begin, statement, fetch,
commit: about 0.12 ms each while the loop is busy) and SQLAlchemy's statement work comes
on top. In WAL mode with ``synchronous=NORMAL`` and no checkpoint inside it, a commit is
an append to the log without an fsync, about 0.05 ms: cheaper than one hop.

So a write runs first on the loop's thread, on a connection that never waits for the lock
(``busy_timeout`` 0). When another connection holds the lock (the server's other writes,
another writer, a checkpoint starting the log again), it goes to the writer's thread,
whose connection waits for the lock as the engine's do without blocking the loop. So does
a write that comes after the log grew long (see below). Hopping to a thread for every
write cost more than the write: the thread waits for the GIL while the loop is busy, and
at 100 busy rooms the edits' p99 was about a third higher (bench/README.md).

Both connections are set up as the engine's are (``apply_sqlite_pragmas``), except that
they never checkpoint the write-ahead log inside a commit (``wal_autocheckpoint=0``): an
automatic checkpoint copies a thousand pages and syncs the file, on the loop's thread if
the commit is there. The writer checkpoints beside its writes instead, in its own thread,
every ``checkpoint_interval`` while it writes; when the log has passed
``log_limit_pages``, the next write goes to the thread and checkpoints first, so that the
log starts again from its beginning instead of growing. A failed write is rolled back and
its connection dropped: the next write opens a new one.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import sqlite3
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from queue import SimpleQueue
from typing import Any, TypeVar

from .db import apply_sqlite_pragmas

T = TypeVar("T")
log = logging.getLogger(__name__)

_SQLITE_BUSY = 5


class _Locked(Exception):
    """The write lock is held by another connection."""


@dataclass(slots=True)
class WriterStats:
    """What the writer has done; read by tests and the benchmark suite."""

    inline: int = 0  # writes committed on the loop's thread
    waited_for_lock: int = 0  # writes sent to the writer's thread
    checkpoints: int = 0  # of the write-ahead log, by the writer's checkpointer


class SqliteWriter:
    def __init__(
        self,
        path: str,
        *,
        busy_timeout: float,
        log_limit_pages: int = 16384,
        checkpoint_interval: float = 1.0,
    ) -> None:
        self.path = path
        self.busy_timeout = busy_timeout
        self.log_limit_pages = log_limit_pages
        self.checkpoint_interval = checkpoint_interval
        self.stats = WriterStats()
        self._inline: sqlite3.Connection | None = None  # the loop's, never waits
        self._connection: sqlite3.Connection | None = None  # the thread's
        # Calls for the thread, each with the future it answers; None stops the thread.
        self._calls: SimpleQueue[tuple[asyncio.Future[Any], Callable[[], Any]] | None]
        self._calls = SimpleQueue()
        self._thread: threading.Thread | None = None
        self._checkpointer: asyncio.Task[None] | None = None
        self._uncheckpointed = 0  # writes since the last checkpoint
        self._restart_log = False  # the log is long: the next write checkpoints first

    async def write(self, work: Callable[[sqlite3.Connection], T]) -> T:
        """Run ``work`` on a connection in one transaction and commit; its result.
        Raises what SQLite raised (the transaction rolled back)."""
        result: T
        if self._restart_log:
            self._restart_log = False
            result = await self._call(partial(self._write, work, checkpoint_first=True))
            self.stats.waited_for_lock += 1
        else:
            try:
                result = self._write_inline(work)
            except _Locked:  # someone else writes: wait for the lock in the thread
                result = await self._call(partial(self._write, work, checkpoint_first=False))
                self.stats.waited_for_lock += 1
            else:
                self.stats.inline += 1
        self._wrote()
        return result

    async def commit(self, sql: str, rows: Sequence[tuple[object, ...]]) -> None:
        """Insert ``rows`` with ``sql`` in one transaction."""
        await self.write(lambda connection: connection.executemany(sql, rows))

    @property
    def checkpointing(self) -> bool:
        """Whether the checkpointer runs: it stops once a checkpoint covered every write."""
        return self._checkpointer is not None and not self._checkpointer.done()

    async def close(self) -> None:
        """Close the connections (after a write still in the thread); stop the thread."""
        checkpointer, self._checkpointer = self._checkpointer, None
        if checkpointer is not None:
            checkpointer.cancel()
            with contextlib.suppress(BaseException):
                await checkpointer
        _close(self._inline)
        self._inline = None
        if self._thread is None:
            return
        await self._call(self._drop)
        self._calls.put(None)
        self._thread = None

    def _write_inline(self, work: Callable[[sqlite3.Connection], T]) -> T:
        connection = self._inline
        try:
            if connection is None:
                connection = self._inline = self._connect(busy_timeout=0.0)
            result = work(connection)  # sqlite3 begins the transaction
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
        return result

    def _call(self, function: Callable[[], T]) -> asyncio.Future[T]:
        if self._thread is None:
            self._thread = threading.Thread(
                target=self._serve, name="codecall-sqlite-writer", daemon=True
            )
            self._thread.start()
        future: asyncio.Future[T] = asyncio.get_running_loop().create_future()
        self._calls.put((future, function))
        return future

    def _wrote(self) -> None:
        self._uncheckpointed += 1
        if self._checkpointer is None or self._checkpointer.done():
            self._checkpointer = asyncio.create_task(
                self._checkpoint_loop(), name="codecall-sqlite-checkpoint"
            )

    async def _checkpoint_loop(self) -> None:
        """Checkpoint the log while the writer writes; ends after an interval with
        nothing new."""
        while True:
            await asyncio.sleep(self.checkpoint_interval)
            if not self._uncheckpointed:
                return
            self._uncheckpointed = 0
            try:
                frames = await self._call(self._checkpoint)
            except Exception as exc:  # busy or closing: the next round tries again
                log.debug("SQLite writer: checkpoint failed: %s", exc)
                self._uncheckpointed += 1
            else:
                self.stats.checkpoints += 1
                if frames > self.log_limit_pages:
                    self._restart_log = True

    # -- in the writer's thread ------------------------------------------------------

    def _serve(self) -> None:
        # A plain queue and one wake-up of the loop per call: what the thread pool adds
        # (a second future, its lock and callbacks) showed in the edits' latency.
        while (call := self._calls.get()) is not None:
            future, function = call
            try:
                value = function()
            except BaseException as exc:
                answer: Callable[[], None] = partial(_fail, future, exc)
            else:
                answer = partial(_succeed, future, value)
            with contextlib.suppress(RuntimeError):  # the loop closed: nobody waits
                future.get_loop().call_soon_threadsafe(answer)

    def _write(self, work: Callable[[sqlite3.Connection], T], *, checkpoint_first: bool) -> T:
        connection = self._connection or self._open()
        try:
            if checkpoint_first:
                connection.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
            result = work(connection)  # sqlite3 begins the transaction
            connection.commit()
        except BaseException:
            self._drop()
            raise
        return result

    def _checkpoint(self) -> int:
        """A passive checkpoint (it waits for no one); the log's length in frames."""
        connection = self._connection or self._open()
        try:
            _busy, frames, _done = connection.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
        except BaseException:
            self._drop()
            raise
        return int(frames)

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


def _succeed(future: asyncio.Future[T], value: T) -> None:
    if not future.done():  # the waiter may have been cancelled meanwhile
        future.set_result(value)


def _fail(future: asyncio.Future[Any], exc: BaseException) -> None:
    if not future.done():
        future.set_exception(exc)
