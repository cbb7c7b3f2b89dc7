"""The run history: every run and judging, stored as it is queued and when it ends.

A warm run answers in a few milliseconds, and its answer waits for its row: on a SQLite
file, a run's insert, its "running" mark and its result are written by a ``SqliteWriter``
(on the event loop's thread while the write lock is free) with SQL written once
(``SqliteRows``). Through the engine those writes took 1.1 to 2.1 ms each (hops to
aiosqlite's thread and SQLAlchemy's statement work), against about 0.1 ms. Reads, and
every write on PostgreSQL, go through the engine.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any, cast

from sqlalchemy import Table, select, update
from sqlalchemy.exc import NoResultFound

from ..store.db import Database
from ..store.models import Run
from ..store.sqlite_rows import SqliteRows
from ..store.sqlite_writer import SqliteWriter, WriterStats
from ..store.types import utcnow

_RUNS = cast(Table, Run.__table__)

MAX_PAGE = 100


@dataclass
class Finished:
    verdict: str
    message: str
    exit_code: int | None
    signal: int | None
    stdout: str
    stderr: str
    compile_output: str
    truncated: bool
    wall_ms: int | None
    cpu_ms: int | None
    memory_bytes: int | None
    cases: list[dict[str, Any]] | None = None
    passed: int | None = None
    total: int | None = None


class RunHistory:
    def __init__(self, db: Database) -> None:
        self.db = db
        path = db.sqlite_file
        self._writer = SqliteWriter(path, busy_timeout=db.busy_timeout) if path else None
        self._rows = SqliteRows(_RUNS, db.engine.dialect)

    @property
    def writer_stats(self) -> WriterStats | None:
        """What the SQLite writer did; None on PostgreSQL."""
        return self._writer.stats if self._writer is not None else None

    async def close(self) -> None:
        """Close the SQLite writer's connections (nothing to do on PostgreSQL)."""
        if self._writer is not None:
            await self._writer.close()

    def new(
        self,
        user_id: int,
        session_id: str | None,
        language: str,
        mode: str,
        entry: str,
        problem_id: str | None = None,
    ) -> Run:
        """A queued run, not yet stored (``add`` stores it)."""
        return Run(
            problem_id=problem_id,
            id=uuid.uuid4().hex,
            session_id=session_id,
            user_id=user_id,
            language=language,
            mode=mode,
            entry=entry,
            status="queued",
            message="",
            stdout="",
            stderr="",
            compile_output="",
            truncated=False,
            created_at=utcnow(),
        )

    async def add(self, run: Run) -> None:
        if self._writer is not None:
            values = {column.key: getattr(run, column.key) for column in _RUNS.c}
            await self._writer.write(lambda connection: self._rows.insert(connection, values))
            return
        async with self.db.session() as s, s.begin():
            s.add(run)

    async def started(self, run_id: str) -> None:
        if self._writer is not None:
            await self._update(run_id, {"status": "running", "started_at": utcnow()})
            return
        async with self.db.session() as s, s.begin():
            await s.execute(
                update(Run).where(Run.id == run_id).values(status="running", started_at=utcnow())
            )

    async def finish(self, run_id: str, done: Finished, started_at: datetime | None = None) -> Run:
        """``started_at``: when the run started, if ``started`` never recorded it."""
        values = {k: v for k, v in done.__dict__.items() if k != "cases"} | {
            "cases": json.dumps(done.cases) if done.cases is not None else None
        }
        if started_at is not None:
            values["started_at"] = started_at
        values |= {"status": "done", "finished_at": utcnow()}
        if self._writer is not None:
            return Run(**await self._update(run_id, values))
        # RETURNING: the stored row in the same statement, not a second query. A Core
        # statement on a connection: the ORM's bulk update (its session, its check for
        # objects to synchronise) took about 0.7 ms more of every run's answer.
        async with self.db.engine.begin() as connection:
            result = await connection.execute(
                update(_RUNS).where(_RUNS.c.id == run_id).values(**values).returning(*_RUNS.c)
            )
            return Run(**result.one()._mapping)

    async def _update(self, run_id: str, values: dict[str, Any]) -> dict[str, Any]:
        """Through the SQLite writer: set ``values`` in the run's row; the row as stored."""
        assert self._writer is not None
        row = await self._writer.write(
            lambda connection: self._rows.update(connection, {"id": run_id}, values)
        )
        if row is None:
            raise NoResultFound(f"no run {run_id}")
        return row

    async def get(self, run_id: str) -> Run | None:
        async with self.db.session() as s:
            return await s.get(Run, run_id)

    async def for_session(self, session_id: str, limit: int) -> list[Run]:
        async with self.db.session() as s:
            rows = await s.scalars(
                select(Run)
                .where(Run.session_id == session_id)
                .order_by(Run.created_at.desc(), Run.id)
                .limit(min(limit, MAX_PAGE))
            )
            return list(rows)

    async def last_for_session(self, session_id: str) -> Run | None:
        rows = await self.for_session(session_id, 1)
        return rows[0] if rows else None

    async def abandon_unfinished(self) -> int:
        """At start-up: runs a previous process left queued or running did not finish."""
        async with self.db.session() as s, s.begin():
            result = await s.execute(
                update(Run)
                .where(Run.status != "done")
                .values(
                    status="done",
                    verdict="IE",
                    message="The server restarted before this run finished.",
                    finished_at=utcnow(),
                )
            )
            return int(result.rowcount or 0)  # type: ignore[attr-defined]
