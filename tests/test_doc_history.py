"""The documents' history: every update stored, with its author and session, before any
other client sees it; rooms rebuilt from it after cleanup without duplicates; appends from
many rooms at once, through a locked database, all committed, none dropped."""

from __future__ import annotations

import asyncio
import contextlib
import os
import random
import sqlite3
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from loop_watch import loop_stalls
from pycrdt import Doc, Text, UndoManager, create_update_message
from sqlalchemy import select, text
from ydoc_client import document_room, room_closed, saved, ydoc_server

from codecall_jupyter.collab.history import DocHistory, wait_stored
from codecall_jupyter.collab.room import DurableRoom
from codecall_jupyter.store.db import create_engine
from codecall_jupyter.store.models import DocUpdate
from codecall_jupyter.testing import Browser, body_json, create_session, join_session

CLEANUP_DELAY = 0.3


@pytest.fixture
def jp_server_config(codecall_server_config):
    # Rooms with no clients are dropped quickly, so a test can outlast one.
    codecall_server_config.YDocExtension.document_cleanup_delay = CLEANUP_DELAY
    return codecall_server_config


@dataclass
class Duo:
    ann: Browser  # host, interviewer
    bob: Browser  # candidate
    session_id: str
    file: Path
    room: str  # with the sessionId query

    @property
    def key(self) -> str:
        """The room's key in the history: "file:<file id>"."""
        return self.room.split("?")[0].split(":", 1)[1]


@pytest.fixture
def duo(people, codecall_services, jp_root_dir):
    async def make() -> Duo:
        ann, bob = await people("ann", "bob")
        session = await create_session(ann, auto_admit=True)
        joined = await join_session(bob, session)
        assert body_json(joined)["session"]["my_role"] == "candidate"
        folder = codecall_services.access.folder_path(session["id"])
        file = jp_root_dir / folder / "notes.txt"
        file.write_text("start\n")
        room = await document_room(ann, f"{folder}/notes.txt")
        return Duo(ann, bob, session["id"], file, room)

    return make


@contextlib.asynccontextmanager
async def database_locked(db_url: str) -> AsyncIterator[None]:
    """Another connection holds the write lock that the history's commits need."""
    if db_url.startswith("sqlite"):
        connection = sqlite3.connect(db_url.split("///", 1)[1], isolation_level=None)
        connection.execute("BEGIN IMMEDIATE")
        try:
            yield
        finally:
            connection.execute("ROLLBACK")
            connection.close()
        return
    engine = create_engine(db_url)
    try:
        async with engine.connect() as conn:
            transaction = await conn.begin()
            await conn.execute(text("LOCK TABLE doc_updates IN EXCLUSIVE MODE"))
            try:
                yield
            finally:
                await transaction.rollback()
    finally:
        await engine.dispose()


async def stored_rows(services, key: str) -> list[DocUpdate]:
    async with services.history.db.session() as s:
        result = await s.scalars(select(DocUpdate).where(DocUpdate.room == key))
        return list(result)


def rebuilt(rows: list[DocUpdate]) -> str:
    doc = Doc()
    for row in sorted(rows, key=lambda r: r.id):
        doc.apply_update(row.data)
    return str(doc.get("source", type=Text))


# --- stored before relayed ------------------------------------------------------------------


async def test_nobody_sees_an_edit_before_it_is_stored(
    duo, rooms, codecall_db_url, codecall_services
):
    d = await duo()
    ann = await rooms(d.ann, d.room)
    bob = await rooms(d.bob, d.room)

    async with database_locked(codecall_db_url):
        await ann.append("held back\n")
        # The history cannot commit, so the room must not relay.
        with pytest.raises(TimeoutError):
            await bob.until(lambda: "held back" in bob.source, timeout=1.0)
    await bob.until(lambda: "held back" in bob.source)
    assert "held back" in rebuilt(await stored_rows(codecall_services, d.key))


async def test_every_update_is_stored_with_its_author_and_session(
    duo, rooms, codecall_services, jp_serverapp
):
    d = await duo()
    ann = await rooms(d.ann, d.room)
    bob = await rooms(d.bob, d.room)
    await ann.append("ann's line\n")
    await bob.until(lambda: "ann's line" in bob.source)
    await bob.append("bob's line\n")
    await ann.until(lambda: "bob's line" in ann.source)

    room = await ydoc_server(jp_serverapp).get_room(d.room.split("?")[0])
    assert isinstance(room, DurableRoom)
    rows = await stored_rows(codecall_services, d.key)
    assert rebuilt(rows) == ann.source == "start\nann's line\nbob's line\n"
    assert {r.session_id for r in rows} == {d.session_id}
    authors = {r.author_id for r in rows}
    assert {d.ann.id, d.bob.id} <= authors  # type: ignore[attr-defined]


async def test_deleted_text_is_not_kept_in_the_room_nor_sent_to_a_joiner(duo, rooms, jp_serverapp):
    # jupyter_ydoc gives each document an undo manager, which keeps every deleted item
    # whole so that it could be restored; nothing undoes on the server, and a joiner would
    # download all that was ever typed and deleted.
    d = await duo()
    ann = await rooms(d.ann, d.room)
    line = "value = compute(items, limit=99)  # typed, then deleted again\n"
    for _ in range(300):  # 19 KB typed and deleted, one update each, as an editor sends
        await ann.append(line)
        await ann.edit(lambda source: source.__delitem__(slice(len(source) - len(line), None)))
    await ann.append("kept\n")
    await ann.round_trip()

    room = await ydoc_server(jp_serverapp).get_room(d.room.split("?")[0])
    assert len(room.ydoc.get_update()) < 2_000  # what a joiner's sync sends
    bob = await rooms(d.bob, d.room)
    assert bob.source == ann.source == "start\nkept\n"


# --- rebuilt from the history -----------------------------------------------------------------


async def test_a_client_offline_longer_than_the_cleanup_reconnects_without_duplicates(
    duo, rooms, jp_serverapp
):
    d = await duo()
    ann = await rooms(d.ann, d.room)
    await ann.append("online\n")
    await ann.round_trip()
    await ann.close()
    await room_closed(jp_serverapp, d.room)

    # Offline, ann keeps typing into her copy; then she comes back with it.
    ann.text.insert(len(ann.text), "offline\n")
    back = await rooms(d.ann, d.room, doc=ann.doc)
    await back.round_trip()
    fresh = await rooms(d.bob, d.room)
    await fresh.until(lambda: "offline" in fresh.source)
    assert fresh.source == back.source == "start\nonline\noffline\n"


async def test_a_file_behind_its_history_is_brought_up_to_date(
    duo, rooms, jp_serverapp, codecall_services
):
    """What a crash between a stored edit and the save leaves: the history is ahead of the
    file. The history wins; the file is saved from it."""
    d = await duo()
    ann = await rooms(d.ann, d.room)
    await ann.append("saved\n")
    await ann.round_trip()
    await ann.close()
    await room_closed(jp_serverapp, d.room)
    # Put the file back to an older state, older than the newest stored edit.
    d.file.write_text("start\n")
    past = d.file.stat().st_mtime - 60
    os.utime(d.file, (past, past))

    again = await rooms(d.bob, d.room)
    assert again.source == "start\nsaved\n"
    assert d.file.read_text() == "start\nsaved\n"


async def test_a_file_changed_on_disk_while_closed_is_applied_on_top(duo, rooms, jp_serverapp):
    d = await duo()
    ann = await rooms(d.ann, d.room)
    await ann.append("typed\n")
    await ann.round_trip()
    await ann.close()
    await room_closed(jp_serverapp, d.room)
    await asyncio.sleep(0.05)
    d.file.write_text("rewritten elsewhere\n")  # newer than the last stored edit

    again = await rooms(d.bob, d.room)
    assert again.source == "rewritten elsewhere\n"


# --- the writer under load and locks ----------------------------------------------------------


async def test_many_rooms_appending_through_a_locked_database_lose_nothing(
    codecall_services, codecall_db_url
):
    history = codecall_services.history
    names = [f"file:load-{n}" for n in range(60)]

    async def typist(room: str) -> None:
        appends = []
        for n in range(25):
            appends.append(history.append(room, f"{room}#{n}".encode()))
            await asyncio.sleep(random.random() * 0.004)
        await wait_stored(appends)

    async def lock_for(seconds: float) -> None:
        async with database_locked(codecall_db_url):
            await asyncio.sleep(seconds)

    # On SQLite the lock outlasts the 5 s busy timeout, so a commit fails and is retried.
    hold = 6.0 if codecall_db_url.startswith("sqlite") else 1.0
    async with loop_stalls() as stalls:  # the event loop's longest stall meanwhile
        locker = asyncio.create_task(lock_for(hold))
        await asyncio.sleep(0.1)
        await asyncio.gather(*(typist(room) for room in names))
        await locker

    for room in names:
        rows = await history.read(room)
        assert [data for _id, data, _at in rows] == [f"{room}#{n}".encode() for n in range(25)]
    assert history.stats.committed >= 60 * 25
    assert history.stats.batches < 60 * 25  # group commits, not one per update
    if codecall_db_url.startswith("sqlite"):
        assert history.stats.retries >= 1
        # Batches are committed on the loop's thread only when the lock is free: these
        # waited for it in the writer's thread, and the loop went on meanwhile.
        assert history.writer_stats is not None
        assert history.writer_stats.waited_for_lock >= 1
    # Waiting for the lock on the loop would stall it for the busy timeout (5 s) or the
    # hold (6 s); a busy test process's own pauses (a full collection) stay under 1 s.
    assert stalls.longest < 1.0, stalls.longest


# --- changed on disk while open; undo -------------------------------------------------------


async def test_a_file_changed_on_disk_while_open_is_applied_and_reported(
    duo, rooms, codecall_services
):
    d = await duo()
    ann = await rooms(d.ann, d.room)
    bob = await rooms(d.bob, d.room)
    await ann.append("typed in the room\n")
    await bob.until(lambda: "typed in the room" in bob.source)
    await saved(d.file, lambda content: "typed in the room" in content)

    await asyncio.sleep(0.05)  # a later modification time than the room's own save
    d.file.write_text("replaced on disk\n")
    await bob.until(lambda: bob.source == "replaced on disk\n", timeout=15)
    await ann.until(lambda: ann.source == "replaced on disk\n")

    # The room reports the change once it has applied it: the report may land a moment
    # after the clients see the new text.
    changed: list = []
    for _ in range(50):
        events = [e for e, _actor in await codecall_services.activity.list(d.session_id)]
        changed = [e for e in events if e.kind == "file_changed_on_disk"]
        if changed:
            break
        await asyncio.sleep(0.1)
    assert [e.data["path"] for e in changed] == ["notes.txt"]
    # What the room held before is still in the history, under ann's name.
    rows = await stored_rows(codecall_services, d.key)
    assert any(r.author_id == d.ann.id for r in rows)  # type: ignore[attr-defined]
    before = Doc()
    for row in sorted(rows, key=lambda r: r.id):
        if row.author_id is None and row.id > max(r.id for r in rows if r.author_id):
            break
        before.apply_update(row.data)
    assert "typed in the room" in str(before.get("source", type=Text))


async def test_undo_reverts_only_my_own_edits(duo, rooms):
    d = await duo()
    ann = await rooms(d.ann, d.room)
    bob = await rooms(d.bob, d.room)
    # As in JupyterLab, ann's undo manager tracks the edits made with her editor's origin,
    # not the updates that arrive from the server.
    ann_undo = UndoManager(scopes=[ann.text], capture_timeout_millis=0)
    ann_undo.include_origin("ann's editor")

    async def ann_types(line: str) -> None:
        before = ann.doc.get_state()
        with ann.doc.transaction(origin="ann's editor"):
            ann.text.insert(len(ann.text), line)
        await ann.send(create_update_message(ann.doc.get_update(before)))

    await ann_types("ann one\n")
    await bob.until(lambda: "ann one" in bob.source)
    await bob.append("bob one\n")
    await ann.until(lambda: "bob one" in ann.source)
    await ann_types("ann two\n")
    await bob.until(lambda: "ann two" in bob.source)

    for _ in range(2):
        before = ann.doc.get_state()
        assert ann_undo.undo()
        await ann.send(create_update_message(ann.doc.get_update(before)))
    await bob.until(lambda: "ann" not in bob.source)
    assert bob.source == ann.source == "start\nbob one\n"
    assert not ann_undo.can_undo()  # bob's line was never ann's to undo


async def test_the_history_keeps_its_write_ahead_log_checkpointed(
    codecall_services, codecall_db_url, tmp_path
):
    """The writer leaves checkpoints to its own task (not in the commits rooms wait for):
    the updates still reach the database file itself, and the log does not grow forever
    under a writer that never stops."""
    if not codecall_db_url.startswith("sqlite"):
        pytest.skip("a SQLite write-ahead log")
    database = Path(codecall_db_url.split("///", 1)[1])
    history = DocHistory(
        codecall_services.history.db, checkpoint_interval=0.02, wal_restart_pages=500
    )
    room, chunk = "file:wal", os.urandom(2048)
    wal, longest = database.with_name(database.name + "-wal"), 0
    for n in range(600):  # 600 commits of 10 updates: about 38 MB of log if never restarted
        await wait_stored([history.append_batch(room, [(chunk + n.to_bytes(2, "big"), None)] * 10)])
        longest = max(longest, wal.stat().st_size)
    assert history.checkpointing
    async with asyncio.timeout(10):
        while history.checkpointing:
            await asyncio.sleep(0.05)
    assert history.writer_stats is not None
    assert history.writer_stats.checkpoints >= 1
    # Another connection stays open (the server's engine, say): closing the writer's own
    # does not close the last one, which would fold the log into the file and delete it.
    with contextlib.closing(sqlite3.connect(database)) as other:
        other.execute("SELECT count(*) FROM doc_updates").fetchone()
        await history.append(room, b"after")  # a commit after the last checkpoint: a new log
        await history.close()
        log_size = wal.stat().st_size
        alone = tmp_path / "alone.db"  # the database file without its log
        alone.write_bytes(database.read_bytes())
    with contextlib.closing(sqlite3.connect(alone)) as connection:
        (count,) = connection.execute(
            "SELECT count(*) FROM doc_updates WHERE room = ? AND data != ?", (room, b"after")
        ).fetchone()
    assert count == 6000
    # Started again while the writer kept writing (it passed 500 pages, 2 MB, many times),
    # and cut back to those 500 pages once idle. How soon it starts again depends on how
    # fast the checkpoints copy the log beside the writes: 6 to 11 MB in most runs, 16 MB
    # in a fresh-clone run; never restarted, 38 MB.
    assert longest < 26 * 2**20, longest
    assert log_size <= 500 * 4096
