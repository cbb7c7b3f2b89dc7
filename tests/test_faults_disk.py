"""The documents folder on a tiny filesystem that fills up (a real tmpfs mounted over the
sessions folder): making a session's files answers 503 ``storage_full`` with nothing
left half-made; edits keep being stored in the history and relayed while the file cannot
be saved; nothing already on disk or in the history is damaged; once space returns the
next edit saves everything, with no restart."""

from __future__ import annotations

import errno
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pycrdt import Doc, Text
from sqlalchemy import select
from ydoc_client import document_room, saved

from codecall_jupyter.store.models import DocUpdate
from codecall_jupyter.testing import body_json, create_session, join_session

pytestmark = pytest.mark.sqlite_only

FILLER = ".filler"


@pytest.fixture
def tiny_sessions_fs(jp_root_dir: Path) -> Iterator[Path]:
    """A 1 MiB tmpfs mounted where the server keeps sessions' folders."""
    if os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root")
    mount = jp_root_dir / "codecall-sessions"
    mount.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=1m,mode=0755", "tmpfs", str(mount)],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


@pytest.fixture
def jp_server_config(codecall_server_config: Any, tiny_sessions_fs: Path) -> Any:
    # Saves follow an edit quickly, so the test can watch a save fail and succeed.
    codecall_server_config.YDocExtension.document_save_delay = 0.2
    return codecall_server_config


def fill(mount: Path) -> None:
    """Write until the filesystem refuses another byte: big blocks, then small ones for
    the last partly used page."""
    fd = os.open(mount / FILLER, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    try:
        for block in (65536, 512):
            with pytest.raises(OSError, match="No space left") as full:  # noqa: PT012
                while True:
                    os.write(fd, b"\0" * block)
            assert full.value.errno == errno.ENOSPC, full.value
    finally:
        os.close(fd)


def files_of(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` with its bytes, upstream's save backups (``.~*``) aside."""
    return {
        str(p.relative_to(folder)): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and not p.name.startswith(".~") and p.name != FILLER
    }


async def history_text(services: Any, room: str) -> str:
    key = room.split("?")[0].split(":", 1)[1]
    async with services.history.db.session() as s:
        rows = (await s.scalars(select(DocUpdate).where(DocUpdate.room == key))).all()
    doc = Doc()
    for row in sorted(rows, key=lambda r: r.id):
        doc.apply_update(row.data)
    return str(doc.get("source", type=Text))


@pytest.mark.timeout(90)
async def test_a_full_documents_disk_refuses_clearly_corrupts_nothing_and_recovers(
    tiny_sessions_fs, people, rooms, codecall_services, jp_root_dir, caplog
):
    mount = tiny_sessions_fs
    ann, bob = await people("ann", "bob")
    session = await create_session(ann, auto_admit=True)
    assert (await join_session(bob, session)).code == 200
    folder = jp_root_dir / codecall_services.access.folder_path(session["id"])
    assert folder.is_relative_to(mount)
    notes = folder / "notes.txt"
    notes.write_text("start\n")
    room = await document_room(
        ann, f"{codecall_services.access.folder_path(session['id'])}/notes.txt"
    )
    writer = await rooms(ann, room)
    reader = await rooms(bob, room)
    await writer.append("before\n")
    await saved(notes, lambda text: text == "start\nbefore\n")
    on_disk = files_of(folder)
    sessions_before = sorted(p.name for p in mount.iterdir() if p.name != FILLER)

    fill(mount)
    try:
        # Making a session's files: a clear 503, and no half-made folder left behind.
        refused = await ann.api("POST", "sessions", {"title": "No room for me"})
        assert refused.code == 503, refused.body
        assert body_json(refused)["error"]["code"] == "storage_full"
        assert int(refused.headers["Retry-After"]) >= 1
        notes_refused = await ann.api("POST", f"sessions/{session['id']}/notes")
        assert notes_refused.code == 503, notes_refused.body
        assert body_json(notes_refused)["error"]["code"] == "storage_full"
        assert sorted(p.name for p in mount.iterdir() if p.name != FILLER) == sessions_before

        # Typing goes on: each edit is stored in the history and relayed, though the file
        # cannot be saved; the file keeps its last good content, byte for byte.
        await writer.append("during\n")
        await reader.until(lambda: "during" in reader.source)
        assert "during" in await history_text(codecall_services, room)
        await writer.round_trip()
        # The next automatic save comes after a quiet second, at least
        # document_save_interval (5 s) after the one before.
        for _ in range(100):
            if "Error saving file" in caplog.text:
                break
            await _settle(0.1)
        assert "Error saving file" in caplog.text, "no save of the full disk was even tried"
        # Saving on request (JupyterLab's Ctrl+S) says it failed, not "success".
        await writer.request_save(7)
        await writer.until(lambda: any(r.get("responseTo") == 7 for r in writer.raw))
        reply = next(r for r in writer.raw if r.get("responseTo") == 7)
        assert reply["status"] == "failed", reply
        assert files_of(folder) == on_disk
    finally:
        (mount / FILLER).unlink()

    # Space is back: the next edit saves everything that was typed meanwhile.
    await writer.append("after\n")
    text = await saved(notes, lambda t: "after" in t)
    assert text == "start\nbefore\nduring\nafter\n"
    await writer.request_save(8)
    await writer.until(lambda: any(r.get("responseTo") == 8 for r in writer.raw))
    assert next(r for r in writer.raw if r.get("responseTo") == 8)["status"] == "success"
    assert await history_text(codecall_services, room) == text
    assert reader.source == text or await _until_equal(reader, text)
    created = await ann.api("POST", "sessions", {"title": "Room again"})
    assert created.code == 201, created.body
    made = await ann.api("POST", f"sessions/{session['id']}/notes")
    assert made.code == 200, made.body


async def _settle(seconds: float) -> None:
    import asyncio

    await asyncio.sleep(seconds)


async def _until_equal(client: Any, text: str) -> bool:
    await client.until(lambda: client.source == text)
    return True
