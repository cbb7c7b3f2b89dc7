"""Collaborative rooms over real WebSockets with real Yjs clients: writers edit together,
observers read (document, live updates, presence) but their changes never reach anyone,
the file or the history; foreign origins and people outside the session are refused."""

from __future__ import annotations

import asyncio
import json
from dataclasses import dataclass
from pathlib import Path

import pytest
from jupyter_server_ydoc.utils import SERVER_SESSION, YDOC_SERVER_VERSION
from pycrdt import Doc, Text
from tornado.httpclient import HTTPClientError
from tornado.routing import RuleRouter
from ydoc_client import document_room, saved, ydoc_server

from codecall_jupyter.auth.room_guard import RoomSocket, reader_may_send
from codecall_jupyter.collab import session_store
from codecall_jupyter.testing import Browser, body_json, create_session, join_session


@dataclass
class Trio:
    """A session of three: host ann (interviewer), bob (candidate), cat (observer)."""

    ann: Browser
    bob: Browser
    cat: Browser
    session_id: str
    path: str  # the shared file's contents path
    file: Path  # ...and where it lies on disk
    room: str  # its room id, with the sessionId query


@pytest.fixture
def trio(people, codecall_services, jp_root_dir):
    async def make() -> Trio:
        ann, bob, cat = await people("ann", "bob", "cat")
        session = await create_session(ann, auto_admit=True, max_participants=3)
        roles = []
        for guest in (bob, cat):
            joined = await join_session(guest, session)
            assert joined.code == 200, joined.body
            roles.append(body_json(joined)["session"]["my_role"])
        assert roles == ["candidate", "observer"]
        folder = codecall_services.access.folder_path(session["id"])
        file = jp_root_dir / folder / "notes.txt"
        file.write_text("start\n")
        path = f"{folder}/notes.txt"
        return Trio(ann, bob, cat, session["id"], path, file, await document_room(ann, path))

    return make


async def stored_text(jp_serverapp, room: str) -> str:
    """The document rebuilt from every update in the room's YStore."""
    store = (await ydoc_server(jp_serverapp).get_room(room.split("?")[0])).ystore
    doc = Doc()
    async for update, *_ in store.read():
        doc.apply_update(update)
    return str(doc.get("source", type=Text))


async def set_role(host: Browser, session_id: str, user: Browser, role: str) -> None:
    path = f"sessions/{session_id}/participants/{user.id}/role"  # type: ignore[attr-defined]
    response = await host.api("PUT", path, {"role": role})
    assert response.code == 200, response.body


# --- writers ----------------------------------------------------------------------------------


async def test_host_and_candidate_edit_together(trio, rooms):
    t = await trio()
    ann = await rooms(t.ann, t.room)
    bob = await rooms(t.bob, t.room)
    assert ann.source == bob.source == "start\n"

    await ann.append("ann types\n")
    await bob.until(lambda: "ann types" in bob.source)
    await bob.append("bob types\n")
    await ann.until(lambda: "bob types" in ann.source)
    assert ann.source == bob.source == "start\nann types\nbob types\n"
    assert await saved(t.file, lambda text: "bob types" in text) == ann.source


# --- observers --------------------------------------------------------------------------------


async def test_observer_reads_but_its_edits_go_nowhere(trio, rooms, jp_serverapp, caplog):
    t = await trio()
    ann = await rooms(t.ann, t.room)
    # The observer starts the document session itself, as JupyterLab does, and gets the text.
    assert await document_room(t.cat, t.path) == t.room
    cat = await rooms(t.cat, t.room)
    assert cat.source == "start\n"

    # Presence goes both ways.
    await ann.announce({"user": {"name": "ann"}})
    await cat.announce({"user": {"name": "cat"}, "cursor": 3})
    await cat.until(lambda: {"user": {"name": "ann"}} in cat.peers().values())
    await ann.until(lambda: {"user": {"name": "cat"}, "cursor": 3} in ann.peers().values())

    # The observer edits: its own copy changes, nobody else's does.
    await cat.append("OBSERVER WAS HERE\n")
    await cat.edit(lambda source: source.insert(0, "EVIL "))
    assert "OBSERVER WAS HERE" in cat.source
    await cat.round_trip()  # the server has handled (and dropped) both edits
    drops = [r for r in caplog.records if r.getMessage().startswith("Dropped document changes")]
    assert len(drops) == 1  # once per socket
    assert drops[0].levelname == "DEBUG"

    # A writer's edit after the attempt reaches the observer live and is saved...
    await ann.append("ann after\n")
    await cat.until(lambda: "ann after" in cat.source)
    on_disk = await saved(t.file, lambda text: "ann after" in text)
    # ...without the observer's text, in the file, the host's copy, a fresh copy or history.
    assert on_disk == ann.source == "start\nann after\n"
    fresh = await rooms(t.ann, t.room)
    assert fresh.source == "start\nann after\n"
    assert await stored_text(jp_serverapp, t.room) == "start\nann after\n"

    # Asking for a save is answered (the client is not left waiting) and saves no change.
    await cat.request_save(7)
    await cat.until(lambda: any(reply.get("responseTo") == 7 for reply in cat.raw))
    assert t.file.read_text() == "start\nann after\n"


async def test_new_role_applies_to_the_next_socket(trio, rooms):
    t = await trio()
    ann = await rooms(t.ann, t.room)
    # The host swaps them: cat becomes the candidate, bob an observer.
    await set_role(t.ann, t.session_id, t.bob, "observer")
    await set_role(t.ann, t.session_id, t.cat, "candidate")

    cat = await rooms(t.cat, t.room)
    await cat.append("cat may write now\n")
    await ann.until(lambda: "cat may write now" in ann.source)

    bob = await rooms(t.bob, t.room)
    await bob.append("bob may not\n")
    await bob.round_trip()
    await ann.append("ann last\n")
    await bob.until(lambda: "ann last" in bob.source)
    text = await saved(t.file, lambda text: "ann last" in text)
    assert text == ann.source == "start\ncat may write now\nann last\n"


async def test_open_sockets_follow_role_changes_and_removals(trio, rooms):
    t = await trio()
    ann = await rooms(t.ann, t.room)
    bob = await rooms(t.bob, t.room)  # the candidate, writing
    await bob.append("bob before\n")
    await ann.until(lambda: "bob before" in ann.source)
    # Demoted on the socket he already holds: his next edit goes nowhere.
    await set_role(t.ann, t.session_id, t.bob, "observer")
    await bob.append("bob after\n")
    await bob.round_trip()
    await ann.append("ann later\n")
    await bob.until(lambda: "ann later" in bob.source)
    assert "bob after" not in ann.source
    # Removed: the open socket is closed.
    cat = await rooms(t.cat, t.room)
    response = await t.ann.api("DELETE", f"sessions/{t.session_id}/participants/{t.cat.id}")
    assert response.code == 204, response.body
    await cat.until(lambda: cat.close_code is not None)
    assert cat.close_code == 4403


# --- refused ----------------------------------------------------------------------------------


@pytest.mark.parametrize("origin", ["http://evil.example", "null"])
async def test_foreign_origin_is_refused_before_the_room_loads(trio, rooms, jp_serverapp, origin):
    t = await trio()
    with pytest.raises(HTTPClientError) as refused:
        await rooms(t.bob, t.room, origin=origin)
    assert refused.value.code == 403
    assert not ydoc_server(jp_serverapp).room_exists(t.room.split("?")[0])


async def test_outsiders_cannot_open_the_room(trio, rooms, people, codecall_browser, jp_serverapp):
    t = await trio()
    (dan,) = await people("dan")  # a member, not in this session
    for outsider, code in ((codecall_browser(), 302), (dan, 403)):  # anonymous: to the login
        with pytest.raises(HTTPClientError) as refused:
            await rooms(outsider, t.room)
        assert refused.value.code == code
    await asyncio.sleep(0.5)  # what the server does after answering has had time to happen
    assert not ydoc_server(jp_serverapp).room_exists(t.room.split("?")[0])


# --- the installed handler and the message rule -----------------------------------------------


def routed(rules):
    for rule in rules:
        if isinstance(rule.target, RuleRouter):
            yield from routed(rule.target.rules)
        else:
            yield getattr(rule.matcher, "regex", None), rule.target


@pytest.mark.sqlite_only
async def test_the_room_route_uses_our_socket(jp_serverapp):
    targets = [
        target
        for regex, target in routed(jp_serverapp.web_app.default_router.rules)
        if regex is not None and regex.pattern.endswith("/api/collaboration/room/(.*)$")
    ]
    assert targets == [RoomSocket]


@pytest.mark.sqlite_only
@pytest.mark.parametrize(
    ("message", "passes"),
    [
        (b"\x00\x00\x01\x00", True),  # sync step 1: the reader's state vector
        (b"\x01\x01\x00", True),  # awareness
        (b"\x02\x04save\x01", True),  # a save request (of the shared document)
        (b"\x00\x01\x02\x00\x00", False),  # sync step 2
        (b"\x00\x02\x05\x01\x01\x01\x00\x00", False),  # update
        (b"\x00", False),  # truncated sync
        (b"\x00\x03\x00", False),  # unknown sync step
        (b"\x7d\x00", False),  # anything else
        (b"", False),
        ("\x00\x00\x00", False),  # a text frame
    ],
)
def test_what_a_reader_may_send(message, passes):
    assert reader_may_send(message) is passes


async def test_the_session_store_is_written_when_it_changes_not_per_socket(
    trio, rooms, jp_root_dir
):
    """Upstream rewrites .jupyter/collaboration_sessions.json on the event loop for every
    document socket; here once per record, and again if the file is gone."""
    t = await trio()
    store = jp_root_dir / ".jupyter" / "collaboration_sessions.json"
    await rooms(t.ann, t.room)
    assert SERVER_SESSION in json.loads(store.read_text())
    writes, written = session_store.WRITER.writes, store.stat().st_mtime_ns
    for browser in (t.bob, t.ann, t.bob):
        await rooms(browser, await document_room(browser, t.path))
    assert session_store.WRITER.writes == writes
    assert store.stat().st_mtime_ns == written
    store.unlink()
    await rooms(t.bob, await document_room(t.bob, t.path))
    record = json.loads(store.read_text())[SERVER_SESSION]
    assert record["version"] == YDOC_SERVER_VERSION
    assert record["document_version"] == "1.0.0"
