"""Migrations and database set-up, on SQLite and on a real PostgreSQL server."""

import asyncio
import sqlite3
from datetime import timedelta

import pytest
from loop_watch import loop_stalls
from sqlalchemy import text

from codecall_jupyter.services.runs import Finished, RunHistory
from codecall_jupyter.store import migrate
from codecall_jupyter.store.db import Database, async_url, redact
from codecall_jupyter.store.faults import database_fault
from codecall_jupyter.store.models import Run


@pytest.fixture
def empty_db_url(codecall_backend, tmp_path, request):
    if codecall_backend == "sqlite":
        return f"sqlite:///{tmp_path / 'empty.db'}"
    server = request.getfixturevalue("codecall_postgres")
    return server.url(server.new_database())


async def test_empty_database_upgrades_to_head_with_no_drift(empty_db_url):
    assert await migrate.current_revision(empty_db_url) is None
    await migrate.upgrade(empty_db_url)
    assert await migrate.current_revision(empty_db_url) == migrate.head_revision()
    # The models and the migrations describe the same schema.
    assert await migrate.pending_diff(empty_db_url) == []
    await migrate.upgrade(empty_db_url)  # idempotent
    assert await migrate.current_revision(empty_db_url) == migrate.head_revision()


async def test_servers_starting_together_migrate_once(empty_db_url):
    await asyncio.gather(*(migrate.upgrade(empty_db_url) for _ in range(3)))
    assert await migrate.current_revision(empty_db_url) == migrate.head_revision()


@pytest.mark.sqlite_only
async def test_sqlite_runs_in_wal_mode_with_foreign_keys(tmp_path):
    url = f"sqlite:///{tmp_path / 'c.db'}"
    await migrate.upgrade(url)
    db = Database(url)
    try:
        async with db.engine.connect() as conn:
            assert (await conn.execute(text("PRAGMA journal_mode"))).scalar() == "wal"
            assert (await conn.execute(text("PRAGMA foreign_keys"))).scalar() == 1
    finally:
        await db.dispose()
    assert sqlite3.connect(tmp_path / "c.db").execute("PRAGMA journal_mode").fetchone()[0] == "wal"


@pytest.mark.sqlite_only
def test_urls_get_async_drivers_and_passwords_stay_hidden():
    assert async_url("sqlite:////x/y.db").drivername == "sqlite+aiosqlite"
    assert async_url("postgresql://u:p@h/d").drivername == "postgresql+asyncpg"
    assert async_url("postgresql+asyncpg://u@h/d").drivername == "postgresql+asyncpg"
    with pytest.raises(ValueError, match="unsupported database"):
        async_url("mysql://u@h/d")
    assert "secret" not in redact("postgresql://u:secret@h/d")


async def test_server_starts_on_the_configured_database(codecall_services, codecall_db_url):
    assert codecall_services.accounts.db.url == codecall_db_url
    owner = await codecall_services.accounts.by_username("owner")
    assert owner is not None
    assert owner.is_owner


async def test_deleting_a_user_cascades(codecall_services, codecall_admit):
    account = await codecall_services.accounts.create_local(
        username="ann", email=None, display_name="Ann", password="correct horse 1"
    )
    await codecall_admit(codecall_services.owner.id, [(account.id, "candidate", "admitted")])
    db = codecall_services.accounts.db
    async with db.session() as s, s.begin():
        await s.execute(text("DELETE FROM users WHERE id = :id"), {"id": account.id})
    async with db.session() as s:
        left = await s.scalar(
            text("SELECT count(*) FROM session_participants WHERE user_id = :id"),
            {"id": account.id},
        )
    assert left == 0


async def test_concurrent_registrations_cannot_share_a_username(codecall_services):
    async def register():
        return await codecall_services.accounts.create_local(
            username="ann", email=None, display_name="Ann", password="correct horse 1"
        )

    results = await asyncio.gather(*(register() for _ in range(4)), return_exceptions=True)
    winners = [r for r in results if not isinstance(r, Exception)]
    assert len(winners) == 1
    assert all(getattr(r, "code", "") == "username_taken" for r in results if r not in winners)


async def test_invite_last_use_cannot_be_spent_twice(codecall_services):
    _, token = await codecall_services.invites.create(
        codecall_services.owner.id, max_uses=1, expires_in=timedelta(hours=1)
    )

    async def register(i):
        return await codecall_services.accounts.register(
            username=f"user{i}",
            email=None,
            display_name="U",
            password="correct horse 1",
            invite_token=token,
            require_invite=True,
        )

    results = await asyncio.gather(*(register(i) for i in range(4)), return_exceptions=True)
    assert sum(not isinstance(r, Exception) for r in results) == 1


async def test_a_finished_run_comes_back_as_stored(empty_db_url):
    """RunHistory.finish answers with the row its UPDATE ... RETURNING stored: the same
    values a later read finds, on both databases."""
    await migrate.upgrade(empty_db_url)
    db = Database(empty_db_url)
    try:
        history = RunHistory(db)
        run = history.new(None, None, "python", "run", "solution.py", None)
        await history.add(run)
        queued = await history.get(run.id)
        await history.started(run.id)
        running = await history.get(run.id)
        done = Finished(
            verdict="OK", message="The program finished.", exit_code=0, signal=None,
            stdout="hello\n", stderr="", compile_output="", truncated=False,
            wall_ms=3, cpu_ms=2, memory_bytes=4096, cases=[{"id": "a", "verdict": "OK"}],
            passed=1, total=1,
        )  # fmt: skip
        row = await history.finish(run.id, done, started_at=run.created_at)
        stored = await history.get(run.id)
    finally:
        await history.close()
        await db.dispose()
    assert queued is not None
    assert running is not None
    assert stored is not None
    columns = [c.key for c in Run.__table__.columns]
    # The row as queued is the run as made, column for column (time stamps as aware UTC).
    assert {c: getattr(queued, c) for c in columns} == {c: getattr(run, c) for c in columns}
    assert (running.status, running.started_at is not None) == ("running", True)
    assert running.started_at.tzinfo is not None  # type: ignore[union-attr]
    assert {c: getattr(row, c) for c in columns} == {c: getattr(stored, c) for c in columns}
    assert (row.status, row.verdict, row.stdout) == ("done", "OK", "hello\n")
    assert (row.memory_bytes, row.passed, row.total) == (4096, 1, 1)
    assert row.finished_at is not None
    assert row.started_at == stored.started_at


@pytest.mark.sqlite_only
async def test_run_rows_wait_for_a_lock_another_connection_holds(tmp_path):
    """On SQLite a run's rows are written on the event loop's thread while the write lock
    is free. While another connection holds it they wait in the writer's thread, the loop
    going on meanwhile; a lock held past the busy timeout is a "busy" database fault
    (answered 503), not an error of ours."""
    url = f"sqlite:///{tmp_path / 'runs.db'}"
    await migrate.upgrade(url)
    db = Database(url, busy_timeout=1.0)
    history = RunHistory(db)
    locker = sqlite3.connect(tmp_path / "runs.db", isolation_level=None)
    try:
        async with loop_stalls() as stalls:
            await _lock_and_write(history, locker)
    finally:
        locker.close()
        await history.close()
        await db.dispose()
    # Waiting for the lock on the loop would stall it for the 0.8 s hold or the busy
    # timeout (1 s); a busy test process's own pauses stay well under that.
    assert stalls.longest < 0.5, stalls.longest


async def _lock_and_write(history: RunHistory, locker: sqlite3.Connection) -> None:
    free = history.new(None, None, "python", "run", "solution.py", None)
    await history.add(free)  # the lock is free: written inline

    locker.execute("BEGIN IMMEDIATE")
    waiting = history.new(None, None, "python", "run", "solution.py", None)
    adding = asyncio.create_task(history.add(waiting))
    await asyncio.sleep(0.8)
    assert not adding.done()  # waits for the lock, in the writer's thread
    locker.execute("ROLLBACK")
    await adding
    assert await history.get(waiting.id) is not None

    locker.execute("BEGIN IMMEDIATE")
    with pytest.raises(sqlite3.OperationalError) as caught:
        await history.finish(waiting.id, _ok())
    locker.execute("ROLLBACK")
    fault = database_fault(caught.value)
    assert fault is not None
    assert fault.kind == "busy"
    unchanged = await history.get(waiting.id)
    assert unchanged is not None
    assert unchanged.status == "queued"  # nothing half-written

    row = await history.finish(waiting.id, _ok())  # the lock is free again
    assert (row.status, row.stdout) == ("done", "hello\n")
    assert history.writer_stats is not None
    assert history.writer_stats.waited_for_lock == 1  # the add; the refused finish is no write
    assert history.writer_stats.inline == 2


def _ok() -> Finished:
    return Finished(
        verdict="OK", message="The program finished.", exit_code=0, signal=None,
        stdout="hello\n", stderr="", compile_output="", truncated=False,
        wall_ms=3, cpu_ms=2, memory_bytes=4096,
    )  # fmt: skip
