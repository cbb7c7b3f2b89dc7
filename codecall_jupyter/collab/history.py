"""The durable history of every collaborative document: one writer per server process.

Rooms append Yjs updates; the writer commits whatever is waiting in one transaction
(a group commit) and then resolves each append. A room relays an update to other clients
only after its append resolved, so an update anyone has seen is an update that is stored.

Why not jupyter-collaboration's ``SQLiteYStore``: it opens a connection per room, hops to
a thread for every update, and under 50 busy rooms loses writes to "database is locked".
Here there is one writer, one transaction per batch, and a failed commit is retried with
backoff until it succeeds: an update is never dropped, it waits.

On SQLite the writer has its own connections (``store/sqlite_writer.py``): a batch is
inserted and committed on the event loop's thread while the write lock is free (an append
to the log, about 0.1 ms), in the writer's own thread when it must wait for the lock; a
pooled SQLAlchemy transaction takes a check-out, cursor, insert, commit and reset on
check-in (about 340 µs of CPU per commit on the development machine; a connection of the
driver, aiosqlite, about 125 µs in two hops to its thread), at the several hundred
commits a second that 200 busy rooms make.

Those connections never checkpoint the write-ahead log inside a commit: SQLite's
automatic checkpoint runs inside the commit that crosses 1,000 pages, copying the log
into the database and syncing it, and every room waiting on that commit waited for it (at
100 busy rooms, a few times a second: most of the edits' p99). The writer checkpoints
beside the commits instead, every ``checkpoint_interval`` seconds while updates are
written, PASSIVE, in its own thread: WAL lets it run beside the commits. Such a checkpoint
never catches up with a writer that keeps committing, and SQLite only starts the log again
from its beginning once every frame in it is checkpointed: when the log passes
``wal_restart_pages``, the writer checkpoints once between two batches (the few frames the
last pass left, a short pause once every several seconds at most) and its next commit
starts the log again, cut back to that size.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Sequence
from dataclasses import dataclass

from pycrdt import merge_updates
from sqlalchemy import insert, select

from ..store.db import Database
from ..store.models import DocCheckpoint, DocUpdate
from ..store.sqlite_writer import SqliteWriter, WriterStats
from ..tasks import cancel_and_wait

log = logging.getLogger(__name__)


async def wait_stored(appends: Sequence[asyncio.Future[None]]) -> None:
    """Wait for appends to be committed. Cancelling the waiter does not cancel the
    appends (``asyncio.gather`` would): they are still written."""
    if appends:
        await asyncio.wait(appends)


_COLUMNS = ("room", "session_id", "author_id", "at", "data")
_MARKS = {"qmark": "?, ?, ?, ?, ?", "numeric_dollar": "$1, $2, $3, $4, $5"}


def _insert_sql(paramstyle: str) -> str | None:
    """The driver's own INSERT for the two drivers we ship with: SQLAlchemy's per-value
    type processing of thousands of rows a second cost more than the database did."""
    marks = _MARKS.get(paramstyle)
    if marks is None:
        return None
    return f"INSERT INTO doc_updates ({', '.join(_COLUMNS)}) VALUES ({marks})"  # noqa: S608


def merge_in_blocks(updates: Sequence[bytes], block: int = 500) -> bytes:
    """One update equal to all of ``updates``; merging in blocks keeps each merge small."""
    merged = list(updates)
    while len(merged) > 1:
        merged = [
            merge_updates(*merged[i : i + block]) if len(merged[i : i + block]) > 1 else merged[i]
            for i in range(0, len(merged), block)
        ]
    return merged[0]


@dataclass(slots=True)
class _Pending:
    """One append: its rows, committed together, and the future that says so."""

    rows: list[tuple[object, ...]]  # in the order of _COLUMNS
    done: asyncio.Future[None]


@dataclass(slots=True)
class HistoryStats:
    """What the writer has done; read by tests and the benchmark suite."""

    committed: int = 0
    batches: int = 0
    retries: int = 0
    last_error: str = ""


class DocHistory:
    """Appends are group-committed by one task; reads go straight to the database."""

    def __init__(
        self,
        db: Database,
        *,
        max_batch: int = 2000,
        retry_initial: float = 0.05,
        retry_max: float = 2.0,
        checkpoint_interval: float = 1.0,
        wal_restart_pages: int = 16384,
    ) -> None:
        self.db = db
        self.checkpoint_interval = checkpoint_interval
        self.wal_restart_pages = wal_restart_pages
        self.max_batch = max_batch
        self.retry_initial = retry_initial
        self.retry_max = retry_max
        self.stats = HistoryStats()
        self._pending: list[_Pending] = []
        self._wake = asyncio.Event()
        self._writer: asyncio.Task[None] | None = None
        self._closing = False
        # The writer's own SQLite connection (see the module docstring), made on first use.
        self._sqlite: SqliteWriter | None = None
        self._sqlite_path = db.sqlite_file

    # -- writing ---------------------------------------------------------------------

    def append(
        self,
        room: str,
        data: bytes,
        *,
        session_id: str | None = None,
        author_id: int | None = None,
        at: float | None = None,
    ) -> asyncio.Future[None]:
        """Queue one update; the future resolves once it is committed."""
        return self.append_batch(room, [(data, author_id)], session_id=session_id, at=at)

    def append_batch(
        self,
        room: str,
        updates: Sequence[tuple[bytes, int | None]],
        *,
        session_id: str | None = None,
        at: float | None = None,
    ) -> asyncio.Future[None]:
        """Queue a room's updates, in order, each with its author; one future resolves
        once all are committed (a room waits for its whole batch at once)."""
        if self._closing:
            raise RuntimeError("The document history is closed.")
        when = time.time() if at is None else at
        rows: list[tuple[object, ...]] = [
            (room, session_id, author, when, data) for data, author in updates
        ]
        done: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._pending.append(_Pending(rows, done))
        self._wake.set()
        if self._writer is None or self._writer.done():
            self._writer = asyncio.create_task(self._write_loop(), name="codecall-doc-history")
        return done

    async def flush(self) -> None:
        """Wait until everything appended so far is committed."""
        await wait_stored([p.done for p in self._pending])

    async def close(self, timeout: float = 10.0) -> None:
        """Commit what is waiting (for up to ``timeout`` seconds), then stop the writer."""
        self._closing = True
        try:
            await asyncio.wait_for(self.flush(), timeout)
        except TimeoutError:
            log.error("Document history: %d updates not committed at shutdown", len(self._pending))
        await cancel_and_wait(self._writer)
        await self._close_writer()

    async def _write_loop(self) -> None:
        while True:
            if not self._pending:
                self._wake.clear()
                await self._wake.wait()
                continue
            # Whole appends, up to about max_batch rows, in one transaction.
            taken, rows = 0, []  # type: tuple[int, list[tuple[object, ...]]]
            while taken < len(self._pending) and (not rows or len(rows) < self.max_batch):
                rows.extend(self._pending[taken].rows)
                taken += 1
            await self._commit(rows)
            batch = self._pending[:taken]
            del self._pending[:taken]
            for item in batch:
                if not item.done.done():
                    item.done.set_result(None)

    async def _commit(self, rows: list[tuple[object, ...]]) -> None:
        """Insert the rows in one transaction, retrying until they are stored."""
        delay = self.retry_initial
        sql = _insert_sql(self.db.engine.dialect.paramstyle)
        while True:
            try:
                writer = self._sqlite_writer()
                if writer is not None and sql is not None:
                    await writer.commit(sql, rows)
                else:
                    async with self.db.engine.begin() as conn:
                        if sql is None:
                            named = [dict(zip(_COLUMNS, row, strict=True)) for row in rows]
                            await conn.execute(insert(DocUpdate), named)
                        else:
                            await conn.exec_driver_sql(sql, rows)
            except Exception as exc:  # locked, disk full, the database restarting...
                self.stats.retries += 1
                self.stats.last_error = f"{type(exc).__name__}: {exc}"[:500]
                log.warning(
                    "Document history: commit of %d updates failed (%s); retrying in %.2f s",
                    len(rows),
                    self.stats.last_error,
                    delay,
                )
                await asyncio.sleep(delay)
                delay = min(delay * 2, self.retry_max)
                continue
            self.stats.committed += len(rows)
            self.stats.batches += 1
            return

    @property
    def writer_stats(self) -> WriterStats | None:
        """What the SQLite writer did (lock waits, checkpoints); None without one."""
        return self._sqlite.stats if self._sqlite is not None else None

    @property
    def checkpointing(self) -> bool:
        """Whether the SQLite writer's checkpointer runs (it stops once a checkpoint
        covered every commit)."""
        return self._sqlite is not None and self._sqlite.checkpointing

    def _sqlite_writer(self) -> SqliteWriter | None:
        """The writer of a SQLite database in a file, made on first use; None to go
        through SQLAlchemy."""
        if self._sqlite is None and self._sqlite_path is not None:
            self._sqlite = SqliteWriter(
                self._sqlite_path,
                busy_timeout=self.db.busy_timeout,
                log_limit_pages=self.wal_restart_pages,
                checkpoint_interval=self.checkpoint_interval,
            )
        return self._sqlite

    async def _close_writer(self) -> None:
        writer, self._sqlite = self._sqlite, None
        if writer is not None:
            with contextlib.suppress(Exception):
                await asyncio.shield(writer.close())

    # -- reading ---------------------------------------------------------------------

    async def read(self, room: str, *, after_id: int = 0) -> list[tuple[int, bytes, float]]:
        """A room's updates after ``after_id``, oldest first: (id, update, time)."""
        async with self.db.session() as s:
            result = await s.execute(
                select(DocUpdate.id, DocUpdate.data, DocUpdate.at)
                .where(DocUpdate.room == room, DocUpdate.id > after_id)
                .order_by(DocUpdate.id)
            )
            return [(row.id, row.data, row.at) for row in result]

    async def state(self, room: str) -> tuple[bytes, float] | None:
        """The room's whole history as one update, and the time of its newest row; None
        when it has none. Starts from the newest checkpoint (replay makes them) and merges
        the rest in blocks in a worker thread: applying 50,000 small updates one by one
        takes seconds, applying their merge milliseconds."""
        async with self.db.session() as s:
            checkpoint = (
                await s.execute(
                    select(DocCheckpoint.upto_id, DocCheckpoint.state, DocCheckpoint.at)
                    .where(DocCheckpoint.room == room)
                    .order_by(DocCheckpoint.upto_id.desc())
                    .limit(1)
                )
            ).first()
        rows = await self.read(room, after_id=checkpoint.upto_id if checkpoint else 0)
        if checkpoint is None and not rows:
            return None
        updates = ([checkpoint.state] if checkpoint else []) + [data for _id, data, _at in rows]
        last_at = rows[-1][2] if rows else checkpoint.at  # type: ignore[union-attr]
        return await asyncio.to_thread(merge_in_blocks, updates), last_at
