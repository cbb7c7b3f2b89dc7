"""The problem statement, problem.md in the session's folder: written at creation from the
session's title; everyone admitted reads it; only interviewers and the host change it, by
the contents API or live in its collaboration room (real Yjs clients): a candidate's or
an observer's edits reach nobody and never the file."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import pytest
from ydoc_client import document_room, saved

from codecall_jupyter.services.problem import problem_text, write_problem
from codecall_jupyter.testing import Browser, body_json, create_session, join_session


@dataclass
class Trio:
    """Host ann (interviewer), bob (candidate), cat (observer)."""

    ann: Browser
    bob: Browser
    cat: Browser
    session_id: str
    folder: str
    path: str  # problem.md's contents path
    file: Path


@pytest.fixture
def trio(people, codecall_services, jp_root_dir):
    async def make(mode: str = "interview", title: str = "Two sum") -> Trio:
        ann, bob, cat = await people("ann", "bob", "cat")
        session = await create_session(
            ann, title=title, auto_admit=True, max_participants=3, mode=mode
        )
        for guest in (bob, cat):
            assert (await join_session(guest, session)).code == 200
        folder = codecall_services.access.folder_path(session["id"])
        path = f"{folder}/problem.md"
        return Trio(ann, bob, cat, session["id"], folder, path, jp_root_dir / path)

    return make


def put_text(text: str) -> dict[str, str]:
    return {"type": "file", "format": "text", "content": text}


async def set_role(t: Trio, user: Browser, role: str) -> None:
    path = f"sessions/{t.session_id}/participants/{user.id}/role"  # type: ignore[attr-defined]
    assert (await t.ann.api("PUT", path, {"role": role})).code == 200


# --- the file -----------------------------------------------------------------------------


async def test_created_with_the_session_from_its_title(trio):
    t = await trio(title="  LRU\ncache  ")
    assert t.file.read_text() == problem_text("LRU cache")
    assert t.file.read_text().startswith("# LRU cache\n")
    listing = body_json(await t.bob.fetch(f"api/contents/{t.folder}"))
    assert "problem.md" in [item["name"] for item in listing["content"]]


@pytest.mark.sqlite_only
def test_write_problem_never_overwrites_nor_follows_links(tmp_path):
    (tmp_path / "problem.md").write_text("the interviewer's statement")
    assert write_problem(tmp_path, "Other") == "problem.md"
    assert (tmp_path / "problem.md").read_text() == "the interviewer's statement"
    linked = tmp_path / "linked"
    linked.mkdir()
    target = tmp_path / "elsewhere.txt"
    target.write_text("host file")
    os.symlink(target, linked / "problem.md")
    # O_EXCL refuses an existing name, a dangling link included: nothing is written through it.
    write_problem(linked, "x")
    assert target.read_text() == "host file"


# --- over REST ----------------------------------------------------------------------------


@pytest.mark.parametrize("who", ["bob", "cat"])
async def test_candidate_and_observer_read_but_never_change_it(trio, who):
    t = await trio()
    browser: Browser = getattr(t, who)
    before = t.file.read_text()
    read = await browser.fetch(f"api/contents/{t.path}")
    assert read.code == 200
    assert body_json(read)["content"] == before
    assert (await browser.fetch(f"files/{t.path}")).code == 200
    attempts = [
        ("PUT", t.path, put_text("# Easier problem\n")),
        ("DELETE", t.path, None),
        ("PATCH", t.path, {"path": f"{t.folder}/old-problem.md"}),
        # Deleting or moving the whole folder would take problem.md with it.
        ("DELETE", t.folder, None),
        ("PATCH", t.folder, {"path": f"{t.folder}-moved"}),
    ]
    for method, path, body in attempts:
        response = await browser.fetch(f"api/contents/{path}", method, json_body=body)
        assert response.code == 403, (method, path, response.code)
    assert t.file.read_text() == before


async def test_a_rename_cannot_replace_it(trio):
    t = await trio()
    ann_put = await t.ann.fetch(f"api/contents/{t.path}", "DELETE")
    assert ann_put.code == 204  # the interviewer removed it...
    # ...and the candidate cannot put their own file in its place.
    solution = f"{t.folder}/solution.py"
    moved = await t.bob.fetch(
        f"api/contents/{solution}", "PATCH", json_body={"path": f"{t.folder}/problem.md"}
    )
    assert moved.code == 403
    created = await t.bob.fetch(f"api/contents/{t.path}", "PUT", json_body=put_text("mine"))
    assert created.code == 403
    assert not t.file.exists()


async def test_the_candidate_still_writes_everything_else(trio):
    t = await trio()
    for path in (f"{t.folder}/solution.py", f"{t.folder}/problem.md.txt", f"{t.folder}/x.md"):
        response = await t.bob.fetch(f"api/contents/{path}", "PUT", json_body=put_text("work"))
        assert response.code in (200, 201), path
    response = await t.bob.fetch(f"api/contents/{t.folder}/x.md", "DELETE")
    assert response.code == 204


async def test_the_interviewer_and_host_edit_it(trio):
    t = await trio()
    response = await t.ann.fetch(f"api/contents/{t.path}", "PUT", json_body=put_text("# A\n"))
    assert response.code == 200
    assert t.file.read_text() == "# A\n"
    # A second interviewer (not the host) may too.
    await set_role(t, t.cat, "interviewer")
    response = await t.cat.fetch(f"api/contents/{t.path}", "PUT", json_body=put_text("# B\n"))
    assert response.code == 200
    assert t.file.read_text() == "# B\n"


# --- live, in the collaboration room ------------------------------------------------------


async def test_the_candidates_edits_reach_nobody_and_the_interviewers_reach_everyone(trio, rooms):
    t = await trio()
    before = t.file.read_text()
    room = await document_room(t.bob, t.path)  # the candidate may start the document session
    ann = await rooms(t.ann, room)
    bob = await rooms(t.bob, room)
    cat = await rooms(t.cat, room)
    assert ann.source == bob.source == cat.source == before

    await bob.append("CANDIDATE: make it easier\n")
    await bob.edit(lambda source: source.insert(0, "EVIL "))
    await cat.append("OBSERVER\n")
    await bob.round_trip()
    await cat.round_trip()  # the server has handled (and dropped) all of them

    await ann.append("Constraints: n <= 10^5\n")
    await bob.until(lambda: "Constraints" in bob.source)
    await cat.until(lambda: "Constraints" in cat.source)
    text = await saved(t.file, lambda text: "Constraints" in text)
    assert text == ann.source == before + "Constraints: n <= 10^5\n"
    for dropped in ("CANDIDATE", "EVIL", "OBSERVER"):
        assert dropped not in text
    fresh = await rooms(t.ann, room)
    assert fresh.source == ann.source


async def test_an_open_socket_follows_a_promotion(trio, rooms):
    t = await trio()
    room = await document_room(t.ann, t.path)
    ann = await rooms(t.ann, room)
    bob = await rooms(t.bob, room)
    await set_role(t, t.bob, "interviewer")
    await bob.append("bob now writes it\n")
    await ann.until(lambda: "bob now writes it" in ann.source)
    await saved(t.file, lambda text: "bob now writes it" in text)


async def test_in_peer_mode_the_swap_moves_the_pen(trio):
    t = await trio("peer")  # ann hosts as interviewer, bob is the candidate

    async def put(browser: Browser, text: str) -> int:
        response = await browser.fetch(f"api/contents/{t.path}", "PUT", json_body=put_text(text))
        return response.code

    assert await put(t.bob, "b") == 403
    swapped = await t.ann.api("POST", f"sessions/{t.session_id}/swap-roles")
    assert swapped.code in (200, 204), swapped.body
    assert await put(t.bob, "b") == 200  # bob interviews now
    assert await put(t.ann, "a") == 200  # the host keeps the pen in any seat
    assert await put(t.cat, "c") == 403
