"""The database fails under a running server: PostgreSQL stopped and started again, a
SQLite file another process holds locked. Requests answer 503 with the error envelope and
Retry-After (never a 500), channel messages get an ``error`` (the socket stays), nothing
is half-written, and everything recovers on its own once the database is back.

The PostgreSQL tests stop and start a server of their own, never the shared one other
tests use."""

from __future__ import annotations

import asyncio
import errno
import os
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from runner_support import finish, start
from sqlalchemy import exc as sa_exc
from sqlalchemy import func, select
from tornado.httpclient import HTTPClientError
from ydoc_client import document_room

from codecall_jupyter.handlers.runs import RUNNER_KEY
from codecall_jupyter.services.container import SERVICES_KEY
from codecall_jupyter.services.errors import unavailable_from
from codecall_jupyter.store import migrate
from codecall_jupyter.store.faults import database_fault
from codecall_jupyter.store.models import ChatMessage, PracticeSession, Run
from codecall_jupyter.testing import (
    ChannelClient,
    PostgresServer,
    body_json,
    create_session,
    join_session,
)


class StoppablePostgres(PostgresServer):
    """A throwaway cluster this module may stop and start on the same port."""

    def down(self) -> None:
        self._run(f"{self.bin}/pg_ctl", "-D", self.data, "-w", "-m", "fast", "stop")

    def up(self) -> None:
        options = f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1 -c fsync=off"
        self._run(
            f"{self.bin}/pg_ctl", "-D", self.data, "-o", options, "-w",
            "-l", os.path.join(self.root, "server.log"), "start",
        )  # fmt: skip


@pytest.fixture(scope="module")
def own_postgres() -> Iterator[StoppablePostgres]:
    server = StoppablePostgres().start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def codecall_db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """``postgres``: a migrated database on this module's own server; ``sqlite``: a file."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'codecall.db'}"
    server: StoppablePostgres = request.getfixturevalue("own_postgres")
    url = server.url(server.new_database())
    migrate.run_blocking(lambda: migrate.upgrade(url))
    return url


@pytest.fixture
def codecall_config(request: pytest.FixtureRequest) -> dict[str, Any]:
    return dict(getattr(request, "param", {}))


@pytest.fixture
def channel(jp_http_port: int) -> Iterator[Any]:
    opened: list[ChannelClient] = []

    async def open_(browser: Any, session_id: str) -> ChannelClient:
        client = await ChannelClient.open(browser, jp_http_port, session_id)
        opened.append(client)
        return client

    yield open_
    for client in opened:
        client.close()


def assert_unavailable(response: Any, code: str = "database_unavailable") -> None:
    assert response.code == 503, (response.code, response.body)
    assert body_json(response)["error"]["code"] == code, response.body
    assert int(response.headers["Retry-After"]) >= 1


async def count(jp_serverapp: Any, model: Any) -> int:
    db = jp_serverapp.web_app.settings[SERVICES_KEY].accounts.db
    async with db.session() as s:
        return int(await s.scalar(select(func.count()).select_from(model)) or 0)


# --- PostgreSQL stopped under a running server -----------------------------------------------


@pytest.mark.timeout(120)
@pytest.mark.parametrize("codecall_db_url", ["postgres"], indirect=True)
async def test_postgres_down_answers_503_and_recovers_without_a_restart(
    own_postgres, people, channel, rooms, jp_serverapp, jp_http_port
):
    sessions_root = Path(jp_serverapp.root_dir) / "codecall-sessions"
    services = jp_serverapp.web_app.settings[SERVICES_KEY]
    ann, bob = await people("ann", "bob")
    session = await create_session(ann, title="Before the outage", auto_admit=True)
    assert (await join_session(bob, session)).code == 200
    live = await channel(ann, session["id"])
    await live.next("snapshot")
    folder = services.access.folder_path(session["id"])
    (Path(jp_serverapp.root_dir) / folder / "notes.txt").write_text("start\n")
    room = await document_room(ann, f"{folder}/notes.txt")
    writer, reader = await rooms(ann, room), await rooms(bob, room)
    folders_before = sorted(p.name for p in sessions_root.iterdir())
    # A run that finishes while the database is down keeps its result.
    run = await start(ann, "import time\ntime.sleep(1.5)\nprint('survived')")

    own_postgres.down()
    try:
        # Reads, writes and a write that also makes files: 503, each in the envelope.
        assert_unavailable(await ann.api("GET", "me"))
        assert_unavailable(await ann.api("GET", f"sessions/{session['id']}"))
        assert_unavailable(await ann.api("POST", "sessions", {"title": "During the outage"}))
        assert_unavailable(await ann.api("PATCH", "me", {"display_name": "Lost Ann"}))
        # A run that cannot be recorded is refused, and stopped (it starts beside its
        # insert): no result of it is kept, and its place in the runner is given back.
        runner = jp_serverapp.web_app.settings[RUNNER_KEY]
        unrecorded = {"language": "python", "code": "import time\ntime.sleep(60)"}
        assert_unavailable(await ann.api("POST", "runs", unrecorded))
        deadline = time.monotonic() + 5
        while set(runner.active) != {run["id"]}:
            assert time.monotonic() < deadline, "the unrecorded run was not stopped"
            await asyncio.sleep(0.1)
        # The channel answers a message that needs the database with an error, and the
        # socket stays open.
        await live.send({"type": "chat", "text": "during the outage"})
        error = await live.next("error")
        assert error["code"] == "database_unavailable", error
        assert error["retry_after"] >= 1
        await live.send({"type": "ping"})
        assert (await live.next("pong"))["type"] == "pong"
        # A new socket cannot be greeted without the database: 503 before the upgrade.
        with pytest.raises(HTTPClientError) as refused:
            await channel(bob, session["id"])
        assert refused.value.code == 503
        plain = await bob.fetch(
            f"codecall/api/sessions/{session['id']}/channel",
            headers={"Origin": f"http://127.0.0.1:{jp_http_port}"},
        )
        assert_unavailable(plain)
        # Nothing half-made: the failed creation left no session folder behind.
        assert sorted(p.name for p in sessions_root.iterdir()) == folders_before
        # A collaborative edit is held, not lost: nobody sees it before it is stored.
        await writer.append("typed during the outage\n")
        with pytest.raises(TimeoutError):
            await reader.until(lambda: "outage" in reader.source, timeout=1.0)
        await asyncio.sleep(1.5)  # the run ends meanwhile
    finally:
        own_postgres.up()
    # Stored once the database is back (the history retries), then relayed.
    await reader.until(lambda: "typed during the outage" in reader.source, timeout=20)
    assert reader.source == writer.source == "start\ntyped during the outage\n"

    # Back on its own: the pool replaces the dropped connections (pre-ping).
    deadline = time.monotonic() + 20
    while (response := await ann.api("GET", "me")).code != 200:
        assert response.code == 503, response.body
        assert time.monotonic() < deadline, "no recovery within 20 s of PostgreSQL's return"
        await asyncio.sleep(0.2)
    created = await ann.api("POST", "sessions", {"title": "After the outage"})
    assert created.code == 201, created.body
    await live.send({"type": "chat", "text": "after the outage"})
    assert (await live.next("chat"))["message"]["text"] == "after the outage"

    result = await finish(ann, run["id"], timeout=60)
    assert (result["verdict"], result["stdout"]) == ("OK", "survived\n"), result
    deadline = time.monotonic() + 10
    while runner.active or runner.admission.running:
        assert time.monotonic() < deadline, (runner.active, runner.admission.running)
        await asyncio.sleep(0.1)
    assert await count(jp_serverapp, Run) == 1

    # Only what was acknowledged is stored: two sessions, one chat message, the old name.
    assert body_json(await ann.api("GET", "me"))["display_name"] == "Ann"
    assert await count(jp_serverapp, PracticeSession) == 2
    db = jp_serverapp.web_app.settings[SERVICES_KEY].accounts.db
    async with db.session() as s:
        texts = (await s.scalars(select(ChatMessage.text))).all()
    assert texts == ["after the outage"]


# --- SQLite locked by another process ---------------------------------------------------------

LOCKER = """
import sqlite3, sys, time
db = sqlite3.connect(sys.argv[1], isolation_level=None, timeout=30)
db.execute("BEGIN IMMEDIATE")  # the write lock, held until we commit
print("locked", flush=True)
time.sleep(float(sys.argv[2]))
db.execute("COMMIT")
"""


def hold_write_lock(db_path: Path, seconds: float) -> subprocess.Popen[str]:
    """Another process takes SQLite's write lock and keeps it for ``seconds``."""
    locker = subprocess.Popen(
        [sys.executable, "-c", LOCKER, str(db_path), str(seconds)],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert locker.stdout is not None
    assert locker.stdout.readline().strip() == "locked"
    return locker


def db_file(jp_serverapp: Any) -> Path:
    url = jp_serverapp.web_app.settings[SERVICES_KEY].accounts.db.url
    return Path(url.removeprefix("sqlite:///"))


@pytest.mark.timeout(60)
@pytest.mark.parametrize("codecall_db_url", ["sqlite"], indirect=True)
@pytest.mark.parametrize("codecall_config", [{"db_busy_timeout": 4.0}], indirect=True)
async def test_sqlite_writes_wait_for_a_lock_and_succeed_once_released(
    people, channel, jp_serverapp
):
    (ann,) = await people("ann")
    session = await create_session(ann)
    live = await channel(ann, session["id"])
    await live.next("snapshot")
    locker = hold_write_lock(db_file(jp_serverapp), 1.5)
    try:
        started = time.monotonic()
        await live.send({"type": "chat", "text": "patient"})
        response = await ann.api("PATCH", "me", {"display_name": "Patient Ann"})
        waited = time.monotonic() - started
        chat = await live.next("chat")
    finally:
        locker.wait(timeout=10)
    assert response.code == 200, response.body
    assert waited >= 1.0, f"the write did not wait for the lock ({waited:.2f} s)"
    assert chat["message"]["text"] == "patient"
    assert body_json(await ann.api("GET", "me"))["display_name"] == "Patient Ann"
    history = body_json(await ann.api("GET", f"sessions/{session['id']}/chat"))
    assert [m["text"] for m in history["messages"]] == ["patient"]


@pytest.mark.timeout(60)
@pytest.mark.parametrize("codecall_db_url", ["sqlite"], indirect=True)
@pytest.mark.parametrize("codecall_config", [{"db_busy_timeout": 0.5}], indirect=True)
async def test_sqlite_lock_beyond_the_budget_answers_503_and_writes_nothing(
    people, channel, jp_serverapp
):
    (ann,) = await people("ann")
    session = await create_session(ann)
    live = await channel(ann, session["id"])
    await live.next("snapshot")
    sessions_root = Path(jp_serverapp.root_dir) / "codecall-sessions"
    folders_before = sorted(p.name for p in sessions_root.iterdir())

    locker = hold_write_lock(db_file(jp_serverapp), 4.0)
    try:
        # Reads go on (WAL): only writes need the lock.
        read = await ann.api("GET", f"sessions/{session['id']}")
        assert read.code == 200, read.body
        response = await ann.api("PATCH", "me", {"display_name": "Hasty Ann"})
        assert_unavailable(response, "database_busy")
        assert_unavailable(await ann.api("POST", "sessions", {"title": "x"}), "database_busy")
        await live.send({"type": "chat", "text": "also too soon"})
        error = await live.next("error")
        assert error["code"] == "database_busy", error
        assert sorted(p.name for p in sessions_root.iterdir()) == folders_before
    finally:
        locker.wait(timeout=10)

    # Released: the same requests simply work.
    assert body_json(await ann.api("GET", "me"))["display_name"] == "Ann"
    response = await ann.api("PATCH", "me", {"display_name": "Calm Ann"})
    assert response.code == 200, response.body
    await live.send({"type": "chat", "text": "now"})
    assert (await live.next("chat"))["message"]["text"] == "now"
    with sqlite3.connect(db_file(jp_serverapp)) as db:
        texts = [row[0] for row in db.execute("SELECT text FROM chat_messages")]
        sessions = db.execute("SELECT count(*) FROM practice_sessions").fetchone()[0]
    assert texts == ["now"]
    assert sessions == 1


# --- what counts as an outage -----------------------------------------------------------------


def test_only_outages_become_503_and_bugs_stay_500():
    """A refused connection counts only when the database driver raised it; SQLite's "no
    such table" is a bug, its "database is locked" is busy; a full disk is storage_full,
    a permission error is not."""
    assert database_fault(ConnectionRefusedError(111, "refused elsewhere")) is None
    bug = sa_exc.OperationalError("SELECT 1", {}, sqlite3.OperationalError("no such table: x"))
    assert database_fault(bug) is None
    locked = sa_exc.OperationalError("UPDATE", {}, sqlite3.OperationalError("database is locked"))
    fault = database_fault(locked)
    assert fault is not None
    assert fault.kind == "busy"
    wrapped = RuntimeError("while saving")
    wrapped.__cause__ = OSError(errno.ENOSPC, "No space left on device")
    full = unavailable_from(wrapped)
    assert full is not None
    assert (full.status, full.code) == (503, "storage_full")
    assert unavailable_from(OSError(errno.EACCES, "Permission denied")) is None
