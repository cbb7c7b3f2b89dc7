"""The document history's writer on SQLite: its own connection, in its own thread.

A batch is inserted and committed in one call to that thread: one hop from the event
loop and back per batch, where a pooled aiosqlite connection takes two (insert, commit)
and SQLAlchemy's pooled transaction several more. Every room waits for that commit
before it relays (``DurableRoom``), so each hop is edit latency under load.

The connection is set up as the engine's are (``apply_sqlite_pragmas``), except that it
never checkpoints the write-ahead log inside a commit (``wal_autocheckpoint=0``); the
history's checkpointer does that beside it, and asks for a checkpoint before a batch
when the log is long (see ``collab/history.py``). A failed batch is rolled back and the
connection dropped: the next batch opens a new one.
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


class SqliteWriter:
    def __init__(self, path: str, *, busy_timeout: float, log_limit_pages: int) -> None:
        self.path = path
        self.busy_timeout = busy_timeout
        self.log_limit_pages = log_limit_pages
        self._connection: sqlite3.Connection | None = None
        # Calls for the thread, each with the future it answers; None stops the thread.
        self._calls: SimpleQueue[tuple[asyncio.Future[None], Callable[[], None]] | None]
        self._calls = SimpleQueue()
        self._thread: threading.Thread | None = None

    async def commit(
        self, sql: str, rows: Sequence[tuple[object, ...]], *, checkpoint_first: bool = False
    ) -> None:
        """Insert ``rows`` with ``sql`` in one transaction; raises what SQLite raised."""
        await self._call(lambda: self._commit(sql, rows, checkpoint_first))

    async def close(self) -> None:
        """Close the connection (after a batch still in the thread) and stop the thread."""
        if self._thread is None:
            return
        await self._call(self._drop)
        self._calls.put(None)
        self._thread = None

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
        connection = sqlite3.connect(self.path, timeout=self.busy_timeout, check_same_thread=False)
        try:
            apply_sqlite_pragmas(connection, self.busy_timeout)
            connection.execute("PRAGMA wal_autocheckpoint=0")
            (page_size,) = connection.execute("PRAGMA page_size").fetchone()
            # Once the log starts again from its beginning, its file is cut back to this.
            connection.execute(f"PRAGMA journal_size_limit={self.log_limit_pages * page_size}")
        except BaseException:
            connection.close()
            raise
        self._connection = connection
        return connection

    def _drop(self) -> None:
        connection, self._connection = self._connection, None
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
