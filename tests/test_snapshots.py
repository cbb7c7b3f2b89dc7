"""Snapshots and the session archive over REST, with real Yjs clients in the room: a
snapshot takes what the editors see (not the file, which is saved later); a restore
reaches connected editors live, follows on disk, is logged, and can be undone, the state
before it staying in the replay; observers may look but not save or restore; the archive
has everything, the host's private part only for the host."""

from __future__ import annotations

import io
import json
import time
import zipfile
from xml.etree import ElementTree

import pytest
from replay_support import make_session, typed
from ydoc_client import saved

from codecall_jupyter.collab.whiteboard_svg import board_svg
from codecall_jupyter.handlers.replay import HOST_EXTRAS_KEY
from codecall_jupyter.testing import body_json

BOARD = {
    "type": "codecall-whiteboard",
    "version": 1,
    "elements": [{"id": "r1", "kind": "rect", "x": 1, "y": 2, "w": 30, "h": 40}],
}


@pytest.fixture
def session(people, codecall_services, jp_root_dir):
    made = []

    async def make():
        made.append(await make_session(people, codecall_services, jp_root_dir))
        return made[-1]

    yield make
    for s in made:
        s.close()


async def snap(browser, session_id, name, code=201):
    response = await browser.api("POST", f"sessions/{session_id}/snapshots", {"name": name})
    assert response.code == code, response.body
    return body_json(response)


async def events(browser, session_id, kind):
    response = await browser.api("GET", f"sessions/{session_id}/activity")
    return [e for e in body_json(response)["events"] if e["kind"] == kind]


def contents(snapshot):
    return {f["path"]: f["content"] for f in snapshot["contents"]}


async def test_snapshots_take_the_live_documents_and_diff(session, jp_http_port):
    s = await session()
    folder = s.file.parent
    (folder / "board.whiteboard").write_text(json.dumps(BOARD))
    (folder / "blob.bin").write_bytes(b"\x00\x01\x02binary")
    (folder / ".hidden").write_text("not a document")
    ann = await s.open(s.ann, jp_http_port)
    bob = await s.open(s.bob, jp_http_port)
    await typed(bob, ann, lambda c: c.append("v1\n"))

    first = await snap(s.bob, s.id, "  First   try ")  # the candidate may
    assert first["name"] == "First try"
    assert first["created_by"]["username"] == "bob"
    files = contents(first)
    # What the editors have, even if the file is not saved yet.
    assert files["solution.py"] == "start\nv1\n"
    assert json.loads(files["board.whiteboard"]) == BOARD
    assert {"solution.py", "board.whiteboard", "problem.md"} <= set(files)
    assert not {"blob.bin", ".hidden"} & set(files)  # no binary, no hidden file
    assert {f["kind"] for f in first["contents"]} == {"text", "whiteboard"}

    await typed(ann, bob, lambda c: c.edit(lambda src: src.insert(6, "v2\n")))
    second = await snap(s.ann, s.id, "second")
    assert contents(second)["solution.py"] == "start\nv2\nv1\n"

    listed = body_json(await s.cat.api("GET", f"sessions/{s.id}/snapshots"))  # observers list
    assert [x["name"] for x in listed["snapshots"]] == ["First try", "second"]
    assert listed["snapshots"][0]["files"] == sorted(files)
    one = body_json(await s.cat.api("GET", f"sessions/{s.id}/snapshots/{first['id']}"))
    assert contents(one) == files

    response = await s.cat.api(
        "GET", f"sessions/{s.id}/snapshots/{first['id']}/diff/{second['id']}"
    )
    assert response.code == 200, response.body
    diff = {f["path"]: f for f in body_json(response)["files"]}
    assert diff["board.whiteboard"]["status"] == "same"
    assert diff["board.whiteboard"]["diff"] == ""
    assert diff["solution.py"]["status"] == "changed"
    assert " start\n+v2\n v1\n" in diff["solution.py"]["diff"]
    assert diff["solution.py"]["diff"].startswith(f"--- {first['id'][:8]}/solution.py")

    # Against the documents as they are now.
    await typed(bob, ann, lambda c: c.append("v3"))  # no newline at the end
    (folder / "new.txt").write_text("added\n")
    now = await s.ann.api("GET", f"sessions/{s.id}/snapshots/{second['id']}/diff/current")
    diff = {f["path"]: f for f in body_json(now)["files"]}
    assert diff["new.txt"]["status"] == "added"
    assert "+added" in diff["new.txt"]["diff"]
    assert "+v3\n\\ No newline at end of file\n" in diff["solution.py"]["diff"]

    logged = await events(s.ann, s.id, "snapshot")
    assert [(e["actor"]["username"], e["data"]["name"]) for e in logged] == [
        ("bob", "First try"),
        ("ann", "second"),
    ]
    for path in (
        "snapshots/f00",
        f"snapshots/{'a' * 40}",
        f"snapshots/{first['id']}/diff/nope",
        "snapshots/nope/diff/current",
    ):
        response = await s.ann.api("GET", f"sessions/{s.id}/{path}")
        assert response.code == 404, path


async def test_a_restore_reaches_editors_is_logged_and_can_be_undone(
    session, jp_http_port, jp_serverapp
):
    s = await session()
    ann = await s.open(s.ann, jp_http_port)
    bob = await s.open(s.bob, jp_http_port)
    await typed(ann, bob, lambda c: c.append("good\n"))
    good = await snap(s.ann, s.id, "good")
    await typed(bob, ann, lambda c: c.edit(lambda src: src.insert(0, "bad ")))
    await typed(bob, ann, lambda c: c.append("worse\n"))
    bad_text = bob.source
    before_restore = time.time()

    response = await s.bob.api("POST", f"sessions/{s.id}/snapshots/{good['id']}/restore")
    assert response.code == 200, response.body
    restored = body_json(response)
    # A candidate does not change the problem statement; the rest is written.
    assert restored["skipped"] == ["problem.md"]
    assert "solution.py" in restored["files"]
    assert "problem.md" not in restored["files"]
    assert restored["snapshot"]["id"] == good["id"]
    assert restored["backup"]["name"] == "Before restoring “good”"
    # Both editors see it live, the file follows after the room's save delay.
    for client in (ann, bob):
        await client.until(lambda client=client: client.source == "start\ngood\n")
    assert await saved(s.file, lambda text: text == "start\ngood\n") == "start\ngood\n"

    [event] = await events(s.ann, s.id, "restored")
    assert event["actor"]["username"] == "bob"
    assert event["data"]["snapshot_id"] == good["id"]
    assert event["data"]["backup_id"] == restored["backup"]["id"]
    assert event["data"]["files"] == restored["files"]
    assert await events(s.ann, s.id, "snapshot") == [
        e for e in await events(s.ann, s.id, "snapshot") if e["data"]["name"] == "good"
    ]  # the automatic backup is logged with the restore, not on its own

    # The state before is kept: in the backup, and in the replay.
    backup = body_json(
        await s.ann.api("GET", f"sessions/{s.id}/snapshots/{restored['backup']['id']}")
    )
    assert contents(backup)["solution.py"] == bad_text
    state = body_json(
        await s.cat.api(
            "GET",
            f"sessions/{s.id}/replay/state",
            params={"room": s.history_room, "at": repr(before_restore)},
        )
    )
    assert state["content"] == bad_text
    latest = body_json(
        await s.cat.api("GET", f"sessions/{s.id}/replay/state", params={"room": s.history_room})
    )
    assert latest["content"] == "start\ngood\n"
    assert latest["author"]["username"] == "bob"  # the restore is bob's edit

    # Undo: restore the backup.
    undo = await s.ann.api("POST", f"sessions/{s.id}/snapshots/{restored['backup']['id']}/restore")
    assert undo.code == 200, undo.body
    await bob.until(lambda: bob.source == bad_text)
    assert ann.source == bad_text


async def test_a_restore_with_nobody_in_the_room_goes_through_it_and_closes_it(
    session, jp_serverapp
):
    s = await session()
    folder = s.file.parent
    (folder / "notes.txt").write_text("keep me\n")
    (folder / "board.whiteboard").write_text(json.dumps(BOARD))
    first = await snap(s.ann, s.id, "on disk")
    assert contents(first)["solution.py"] == "start\n"
    s.file.write_text("changed outside\n")
    (folder / "notes.txt").unlink()
    (folder / "board.whiteboard").write_text(json.dumps({**BOARD, "elements": []}))

    response = await s.ann.api("POST", f"sessions/{s.id}/snapshots/{first['id']}/restore")
    assert response.code == 200, response.body
    restored = body_json(response)
    assert {"board.whiteboard", "notes.txt", "solution.py", "problem.md"} <= set(
        restored["files"]
    )  # the host may restore the problem statement
    assert restored["skipped"] == []
    assert s.file.read_text() == "start\n"  # saved before the answer
    assert (folder / "notes.txt").read_text() == "keep me\n"  # deleted since: written again
    assert json.loads((folder / "board.whiteboard").read_text())["elements"] == BOARD["elements"]
    server = jp_serverapp.web_app.settings["jupyter_server_ydoc"].ywebsocket_server
    assert not any(name.endswith(s.history_room.split(":", 1)[1]) for name in server.rooms)
    latest = body_json(
        await s.ann.api("GET", f"sessions/{s.id}/replay/state", params={"room": s.history_room})
    )
    assert latest["content"] == "start\n"
    assert latest["author"]["username"] == "ann"


async def test_who_may_save_restore_and_look(session):
    s = await session()
    first = await snap(s.ann, s.id, "host's")
    # Observers look, they do not save or restore.
    refused = await s.cat.api("POST", f"sessions/{s.id}/snapshots", {"name": "mine"})
    assert refused.code == 403
    assert body_json(refused)["error"]["code"] == "forbidden"
    refused = await s.cat.api("POST", f"sessions/{s.id}/snapshots/{first['id']}/restore")
    assert refused.code == 403
    assert (await s.cat.api("GET", f"sessions/{s.id}/snapshots")).code == 200
    diff = await s.cat.api("GET", f"sessions/{s.id}/snapshots/{first['id']}/diff/current")
    assert diff.code == 200
    # Outsiders do not learn the session exists.
    for method, path in (
        ("POST", "snapshots"),
        ("GET", f"snapshots/{first['id']}"),
        ("GET", f"snapshots/{first['id']}/diff/current"),
        ("POST", f"snapshots/{first['id']}/restore"),
    ):
        body = {"name": "x"} if path == "snapshots" else None
        response = await s.dan.api(method, f"sessions/{s.id}/{path}", body)
        assert response.code == 404, (method, path)
    # Names: 1 to 120 characters, not only spaces.
    for name in ("x" * 121, "", "   ", "a\u0000b"):
        response = await s.bob.api("POST", f"sessions/{s.id}/snapshots", {"name": name})
        assert response.code == 422, name
        assert body_json(response)["error"]["code"] == "invalid_request"
    assert (await snap(s.bob, s.id, "y" * 120))["name"] == "y" * 120
    for body in ({}, {"name": 5}, {"name": "x", "other": 1}):
        response = await s.bob.api("POST", f"sessions/{s.id}/snapshots", body)
        assert response.code == 422, body
    # After the end: still readable, no longer changed.
    assert (await s.ann.api("POST", f"sessions/{s.id}/end")).code in (200, 204)
    assert (await snap(s.bob, s.id, "late", code=409))["error"]["code"] == "session_ended"
    late = await s.ann.api("POST", f"sessions/{s.id}/snapshots/{first['id']}/restore")
    assert late.code == 409
    assert (await s.bob.api("GET", f"sessions/{s.id}/snapshots")).code == 200


async def export(browser, session_id):
    response = await browser.api("GET", f"sessions/{session_id}/export")
    assert response.code == 200, response.body
    assert response.headers["Content-Type"] == "application/zip"
    assert response.headers["Content-Disposition"] == (
        f'attachment; filename="codecall-session-{session_id}.zip"'
    )
    return zipfile.ZipFile(io.BytesIO(response.body))


async def test_the_archive_has_everything_and_the_host_part_only_for_the_host(
    session, jp_http_port, codecall_services, jp_root_dir
):
    s = await session()
    (s.file.parent / "board.whiteboard").write_text(json.dumps(BOARD))
    # The host's private notes lie beside the session's folder (services/notes.py).
    notes = jp_root_dir / f"{codecall_services.access.private_path(s.id, 'ann')}/notes.md"
    notes.parent.mkdir(parents=True)
    notes.write_text("# Notes\nstrong hire\n")
    ann = await s.open(s.ann, jp_http_port)
    bob = await s.open(s.bob, jp_http_port)
    await typed(bob, ann, lambda c: c.append("answer = 42\n"))
    await snap(s.bob, s.id, "checkpoint")
    await codecall_services.chat.post(s.id, s.bob.id, "done!")

    archives = {"ann": await export(s.ann, s.id), "bob": await export(s.bob, s.id)}
    common = {
        "session.json",
        "code/solution.py",
        "code/problem.md",
        "whiteboards/board.whiteboard.json",
        "snapshots.json",
        "chat.json",
        "activity.json",
        "runs.json",
    }
    host_only = {n for n in archives["ann"].namelist() if n.startswith("host/")}
    assert host_only == {"host/notes.md"}
    assert common <= set(archives["ann"].namelist())
    assert set(archives["ann"].namelist()) - host_only == set(archives["bob"].namelist())
    assert not [n for n in archives["bob"].namelist() if n.startswith("host/")]
    assert archives["ann"].read("host/notes.md") == b"# Notes\nstrong hire\n"

    archive = archives["bob"]
    assert archive.read("code/solution.py").decode() == "start\nanswer = 42\n"  # live
    assert json.loads(archive.read("whiteboards/board.whiteboard.json")) == BOARD
    picture = parse_svg(archive.read("whiteboards/board.whiteboard.svg"))
    rects = picture.iter("{http://www.w3.org/2000/svg}rect")
    [rect] = [e for e in rects if e.get("width") == "30"]
    assert (rect.get("x"), rect.get("y"), rect.get("height")) == ("1", "2", "40")
    [snapshot] = json.loads(archive.read("snapshots.json"))
    assert snapshot["name"] == "checkpoint"
    assert snapshot["created_by"] == "bob"
    assert {"solution.py", "board.whiteboard"} <= {f["path"] for f in snapshot["files"]}
    assert [m["text"] for m in json.loads(archive.read("chat.json"))] == ["done!"]
    kinds = [e["kind"] for e in json.loads(archive.read("activity.json"))]
    assert kinds[0] == "created"
    assert "snapshot" in kinds
    assert json.loads(archive.read("runs.json")) == []
    meta = json.loads(archive.read("session.json"))
    assert (meta["id"], meta["host"]) == (s.id, "ann")

    # The observer may download it too; outsiders get 404.
    assert "host/notes.md" not in (await export(s.cat, s.id)).namelist()
    assert (await s.dan.api("GET", f"sessions/{s.id}/export")).code == 404


async def test_the_host_part_can_come_from_elsewhere(session, jp_serverapp):
    s = await session()
    asked = []

    async def extras(view):
        asked.append(view.user_id if hasattr(view, "user_id") else view.session.id)
        return {"scorecard/ann.json": b"{}", "../escape": b"never", "a//b": b"never"}

    jp_serverapp.web_app.settings[HOST_EXTRAS_KEY] = extras
    host = [n for n in (await export(s.ann, s.id)).namelist() if n.startswith("host/")]
    assert host == ["host/scorecard/ann.json"]  # names that would escape are dropped
    assert [n for n in (await export(s.bob, s.id)).namelist() if n.startswith("host/")] == []
    assert asked == [s.id]  # never even asked for someone else's archive


def parse_svg(text: str | bytes) -> ElementTree.Element:
    """Our own SVG, written by ElementTree a moment ago: not untrusted input."""
    return ElementTree.fromstring(text)  # noqa: S314


def test_a_board_picture_draws_every_kind_and_keeps_text_as_text():
    board = {
        "elements": [
            {"id": "s", "kind": "stroke", "x": 0, "y": 0, "points": [0, 0, 5, 5, 10, 0, 20, 5]},
            {"id": "a", "kind": "arrow", "x": 0, "y": 0, "points": [0, 0, 50, 50], "z": 1},
            {"id": "e", "kind": "ellipse", "x": 10, "y": 10, "w": 20, "h": 10, "z": 2},
            {"id": "n", "kind": "note", "x": 5, "y": 60, "w": 80, "h": 40, "text": "a\nb", "z": 3},
            {"id": "t", "kind": "text", "x": 0, "y": 120, "text": "<script>x()</script>", "z": 4},
        ]
    }
    svg = board_svg(json.dumps(board))
    assert "<script>" not in svg
    assert "&lt;script&gt;" in svg
    picture = parse_svg(svg)
    tags = [e.tag.split("}")[1] for e in picture.iter()]
    assert tags.count("path") == 2
    assert {"polyline", "ellipse"} <= set(tags)
    spans = [e.text for e in picture.iter("{http://www.w3.org/2000/svg}tspan")]
    assert spans == ["a", "b", "<script>x()</script>"]
    assert parse_svg(board_svg("not a board")).tag.endswith("svg")
