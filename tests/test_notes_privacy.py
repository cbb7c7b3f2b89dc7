"""Private notes: the host and interviewers (in peer mode both sides) each keep a notes
file outside the session's folder. Only its writer reaches it, by every way a browser
has: the contents API, /files/, the document session and the collaboration room's
socket (real Yjs clients), copies and renames. Candidates (interview mode), observers and
strangers are refused, and no response they get names the file."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from tornado.httpclient import HTTPClientError
from ydoc_client import document_room, saved

from codecall_jupyter.handlers.feedback import notes_service
from codecall_jupyter.testing import Browser, body_json, create_session, join_session

PRIVATE = "-private"


@dataclass
class Room:
    """A session of three: host ann (interviewer), bob (candidate), cat (observer)."""

    ann: Browser
    bob: Browser
    cat: Browser
    session_id: str
    folder: str  # the session folder's contents path
    notes: str  # ann's notes' contents path


async def notes_of(browser: Browser, session_id: str) -> str:
    response = await browser.api("POST", f"sessions/{session_id}/notes")
    assert response.code == 200, response.body
    return str(body_json(response)["path"])


@pytest.fixture
def trio(people, codecall_services):
    async def make(mode: str = "interview") -> Room:
        ann, bob, cat = await people("ann", "bob", "cat")
        session = await create_session(ann, auto_admit=True, max_participants=3, mode=mode)
        roles = []
        for guest in (bob, cat):
            joined = await join_session(guest, session)
            assert joined.code == 200, joined.body
            roles.append(body_json(joined)["session"]["my_role"])
        assert roles == ["candidate", "observer"]
        folder = codecall_services.access.folder_path(session["id"])
        notes = await notes_of(ann, session["id"])
        return Room(ann, bob, cat, session["id"], folder, notes)

    return make


async def refused_everywhere(browser: Browser, path: str, room: str, rooms) -> None:
    """Every way a browser could read (or write) ``path`` is refused."""
    for method, url in (
        ("GET", f"api/contents/{path}"),
        ("GET", f"api/contents/{path}?content=0"),
        ("GET", f"files/{path}"),
        ("GET", f"api/contents/{path}/checkpoints"),
        ("GET", f"api/contents/{path.rsplit('/', 1)[0]}"),  # the folder: its listing
        ("GET", f"api/contents/{path.rsplit('/', 2)[0]}"),  # the private root: whose notes
    ):
        response = await browser.fetch(url, method)
        assert response.code == 403, (url, response.code, response.body[:200])
    for method, body in (
        ("PUT", {"type": "file", "format": "text", "content": "overwritten"}),
        ("PATCH", {"path": path + ".moved"}),
        ("DELETE", None),
    ):
        response = await browser.fetch(f"api/contents/{path}", method, json_body=body)
        assert response.code == 403, (method, response.code)
    # The document session (what JupyterLab asks before it opens a room) is refused...
    response = await browser.fetch(
        f"api/collaboration/session/{path}", "PUT", json_body={"format": "text", "type": "file"}
    )
    assert response.code == 403
    # ...and so is the room's socket, even with the room id its writer got.
    with pytest.raises(HTTPClientError) as refused:
        await rooms(browser, room)
    assert refused.value.code == 403


# --- interview mode -----------------------------------------------------------------------


async def test_the_interviewer_keeps_notes_outside_the_session_folder(
    trio, rooms, jp_root_dir, codecall_services
):
    t = await trio()
    sessions_dir = codecall_services.access.sessions_dir
    assert t.notes == f"{sessions_dir}/{t.session_id}{PRIVATE}/ann/notes.md"
    assert not t.notes.startswith(t.folder + "/")
    file = jp_root_dir / t.notes
    assert file.read_text().startswith("# Notes: Two sum")
    # Asking again gives the same file and keeps what is in it.
    file.write_text("bob hesitates on edge cases\n")
    assert await notes_of(t.ann, t.session_id) == t.notes
    assert file.read_text() == "bob hesitates on edge cases\n"

    read = await t.ann.fetch(f"api/contents/{t.notes}")
    assert read.code == 200
    assert body_json(read)["content"] == "bob hesitates on edge cases\n"
    assert (await t.ann.fetch(f"files/{t.notes}")).code == 200
    write = await t.ann.fetch(
        f"api/contents/{t.notes}",
        "PUT",
        json_body={"type": "file", "format": "text", "content": "strong on complexity\n"},
    )
    assert write.code == 200
    # The collaboration room: the interviewer edits live, and the file is saved.
    room = await document_room(t.ann, t.notes)
    ann = await rooms(t.ann, room)
    assert ann.source == "strong on complexity\n"
    await ann.append("asks good questions\n")
    assert "asks good questions" in await saved(file, lambda text: "questions" in text)


@pytest.mark.parametrize("who", ["bob", "cat"])  # the candidate, the observer
async def test_candidate_and_observer_cannot_reach_the_notes(trio, rooms, who):
    t = await trio()
    room = await document_room(t.ann, t.notes)
    await rooms(t.ann, room)  # the room is open and loaded
    browser = getattr(t, who)
    await refused_everywhere(browser, t.notes, room, rooms)
    # No notes of their own either: not by the route, not by writing the folder directly.
    response = await browser.api("POST", f"sessions/{t.session_id}/notes")
    assert response.code == 403
    assert body_json(response)["error"]["code"] == "no_notes"
    own = t.notes.replace("/ann/", f"/{who}/")
    response = await browser.fetch(
        f"api/contents/{own}", "PUT", json_body={"type": "file", "format": "text", "content": "x"}
    )
    assert response.code == 403


async def test_copies_and_renames_cannot_carry_the_notes_out_or_in(trio, jp_root_dir):
    t = await trio()
    # A copy into the session folder, which the candidate may read, names the notes as
    # its source: refused (the contents API would otherwise copy them).
    copy = await t.bob.fetch(f"api/contents/{t.folder}", "POST", json_body={"copy_from": t.notes})
    assert copy.code == 403
    assert not [p for p in (jp_root_dir / t.folder).iterdir() if "notes" in p.name]
    # A rename of the candidate's own file into the private folder is refused too, and
    # so is one out of the session folder altogether.
    solution = f"{t.folder}/solution.py"
    for target in (t.notes.replace("notes.md", "planted.py"), "outside.py"):
        moved = await t.bob.fetch(f"api/contents/{solution}", "PATCH", json_body={"path": target})
        assert moved.code == 403, target
    assert (jp_root_dir / solution).exists()
    # Copies inside the session folder still work for writers.
    inside = await t.bob.fetch(
        f"api/contents/{t.folder}", "POST", json_body={"copy_from": solution}
    )
    assert inside.code == 201, inside.body


async def test_no_response_to_the_candidate_names_the_notes(trio, codecall_services):
    t = await trio()
    private_folder = f"{t.session_id}{PRIVATE}"
    for browser in (t.bob, t.cat):
        for method, url in (
            ("GET", f"codecall/api/sessions/{t.session_id}"),
            ("GET", "codecall/api/sessions"),
            ("GET", f"codecall/api/sessions/{t.session_id}/activity"),
            ("GET", f"codecall/api/sessions/{t.session_id}/chat"),
            ("GET", f"api/contents/{t.folder}"),
        ):
            response = await browser.fetch(url, method)
            assert response.code == 200, (url, response.code)
            body = response.body.decode()
            assert private_folder not in body, url
            assert "notes.md" not in body, url
        # The folder above the sessions' folders, which would list the private folder,
        # stays closed as before.
        sessions_dir = codecall_services.access.sessions_dir
        assert (await browser.fetch(f"api/contents/{sessions_dir}")).code == 403


async def test_strangers_get_nothing(trio, people):
    t = await trio()
    (dan,) = await people("dan")
    response = await dan.api("POST", f"sessions/{t.session_id}/notes")
    assert response.code == 404
    for url in (f"api/contents/{t.notes}", f"files/{t.notes}"):
        assert (await dan.fetch(url)).code == 403


async def test_a_second_interviewer_keeps_own_notes_until_demoted(trio, rooms, jp_root_dir):
    t = await trio()
    role = f"sessions/{t.session_id}/participants/{t.cat.id}/role"  # type: ignore[attr-defined]
    assert (await t.ann.api("PUT", role, {"role": "interviewer"})).code == 200
    cats = await notes_of(t.cat, t.session_id)
    assert cats.endswith(f"{PRIVATE}/cat/notes.md")
    # Each interviewer's notes are their own.
    assert (await t.cat.fetch(f"api/contents/{t.notes}")).code == 403
    assert (await t.ann.fetch(f"api/contents/{cats}")).code == 403
    room = await document_room(t.cat, cats)
    cat = await rooms(t.cat, room)
    await cat.append("cat's private remark\n")
    await saved(jp_root_dir / cats, lambda text: "remark" in text)
    # Demoted to observer: the open socket closes, the file closes.
    assert (await t.ann.api("PUT", role, {"role": "observer"})).code == 200
    await cat.until(lambda: cat.close_code is not None)
    assert cat.close_code == 4403
    assert (await t.cat.fetch(f"api/contents/{cats}")).code == 403


async def test_the_notes_close_with_the_session_and_the_owner_keeps_access(trio, codecall_owner):
    t = await trio()
    # The server's owner is not restricted by CodeCall's rules (the Jupyter token).
    assert (await codecall_owner.fetch(f"api/contents/{t.notes}")).code == 200
    assert (await t.ann.api("POST", f"sessions/{t.session_id}/end")).code == 200
    assert (await t.ann.fetch(f"api/contents/{t.notes}")).code == 403
    response = await t.ann.api("POST", f"sessions/{t.session_id}/notes")
    assert response.code == 409
    assert (await codecall_owner.fetch(f"api/contents/{t.notes}")).code == 200


# --- peer mode ----------------------------------------------------------------------------


async def test_in_peer_mode_both_sides_keep_notes_apart(trio, rooms):
    t = await trio("peer")  # ann hosts (interviewer), bob is the candidate, cat observes
    bobs = await notes_of(t.bob, t.session_id)
    assert bobs != t.notes
    for owner, path in ((t.ann, t.notes), (t.bob, bobs)):
        assert (await owner.fetch(f"api/contents/{path}")).code == 200
    assert (await t.cat.api("POST", f"sessions/{t.session_id}/notes")).code == 403
    # Nobody reads another's notes, by REST or by room: not the host, not the observer.
    room = await document_room(t.bob, bobs)
    await rooms(t.bob, room)
    for other in (t.ann, t.cat):
        await refused_everywhere(other, bobs, room, rooms)
    # After a swap bob interviews: his notes stay his.
    assert (await t.ann.api("POST", f"sessions/{t.session_id}/swap-roles")).code in (200, 204)
    assert (await t.bob.fetch(f"api/contents/{bobs}")).code == 200
    assert (await t.ann.fetch(f"api/contents/{t.notes}")).code == 200


async def test_the_hosts_archive_can_carry_the_hosts_notes_only(trio, codecall_services):
    """``NotesService.host_extras`` is the archive's ``HostExtras``: the host's notes for
    the host's own view; nothing for anyone else's."""
    t = await trio()
    notes = notes_service(codecall_services)
    sessions = codecall_services.sessions
    ann_view = await sessions.view(t.ann.id, t.session_id)  # type: ignore[attr-defined]
    extras = await notes.host_extras(ann_view)
    assert extras == {"notes.md": b"# Notes: Two sum\n\nOnly you can read this file.\n\n"}
    bob_view = await sessions.view(t.bob.id, t.session_id)  # type: ignore[attr-defined]
    assert await notes.host_extras(bob_view) == {}
