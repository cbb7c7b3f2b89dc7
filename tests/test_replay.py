"""Replay over REST, with real Yjs clients typing into a session's solution file through
real WebSockets: any moment comes back exactly as the file held it, with its author,
from checkpoints once there are enough updates; the timeline has the documents, runs,
chat and activity on one clock, and the idle stretches to skip; outsiders get 404."""

from __future__ import annotations

import asyncio
import time
from datetime import UTC, datetime

import pytest
from pycrdt import Doc, Text
from replay_support import kit, make_session, typed
from sqlalchemy import func, select

from codecall_jupyter.collab.replay import DocReplay
from codecall_jupyter.handlers.runs import RUNNER_KEY
from codecall_jupyter.store.models import DocCheckpoint
from codecall_jupyter.testing import body_json


@pytest.fixture
def session(people, codecall_services, jp_root_dir):
    made = []

    async def make():
        made.append(await make_session(people, codecall_services, jp_root_dir))
        return made[-1]

    yield make
    for s in made:
        s.close()


async def state_at(browser, session_id, room, at=None, code=200):
    params = {"room": room}
    if at is not None:
        params["at"] = repr(at) if isinstance(at, float) else at
    response = await browser.api("GET", f"sessions/{session_id}/replay/state", params=params)
    assert response.code == code, response.body
    return body_json(response)


async def checkpoints(services, room):
    async with services.history.db.session() as s:
        return int(await s.scalar(select(func.count()).where(DocCheckpoint.room == room)) or 0)


async def test_every_moment_comes_back_exactly_with_its_author(
    session, jp_serverapp, jp_http_port, codecall_services
):
    s = await session()
    kit(jp_serverapp).replay.replay.every = 4  # a checkpoint every 4 updates
    ann = await s.open(s.ann, jp_http_port)
    bob = await s.open(s.bob, jp_http_port)
    moments = [(time.time(), "start\n", None)]  # loaded from the file: no author
    for i in range(7):
        writer, reader, who = (ann, bob, "ann") if i % 2 == 0 else (bob, ann, "bob")
        at = await typed(writer, reader, lambda c, i=i: c.append(f"line {i}\n"))
        moments.append((at, writer.source, who))
    # Not only appends: a deletion at the start and an insertion in the middle.
    at = await typed(bob, ann, lambda c: c.edit(lambda src: src.__delitem__(slice(0, 6))))
    moments.append((at, bob.source, "bob"))
    at = await typed(ann, bob, lambda c: c.edit(lambda src: src.insert(7, "MID ")))
    moments.append((at, ann.source, "ann"))
    assert moments[-1][1].startswith("line 0\nMID line 1\n")
    assert await checkpoints(codecall_services, s.history_room) == 0  # made on first use

    for at, text, who in reversed(moments):  # latest first: checkpoints come first
        state = await state_at(s.bob, s.id, s.history_room, at)
        assert state["content"] == text, (at, who)
        assert (state["author"] or {}).get("username") == who
        assert state["type"] == "file"
        assert (
            state["first_at"] <= state["upto_at"] <= at <= state["last_at"] or at > state["last_at"]
        )
    # 10 updates (the file's load and 9 edits): checkpoints after the 4th and 8th.
    assert await checkpoints(codecall_services, s.history_room) == 2
    latest = await state_at(s.cat, s.id, s.history_room)  # observers replay too
    assert latest["content"] == ann.source
    assert latest["upto_id"] == latest["last_id"]
    assert latest["checkpoint_id"] > 0
    assert latest["applied"] < 4
    # Before the room existed: nothing yet.
    empty = await state_at(s.ann, s.id, s.history_room, 1.0)
    assert (empty["content"], empty["upto_id"], empty["author"]) == ("", 0, None)
    # An ISO 8601 time says the same as seconds.
    at, text, _ = moments[3]
    iso = datetime.fromtimestamp(at, UTC).isoformat()
    assert (await state_at(s.ann, s.id, s.history_room, iso))["content"] == text

    # Seeks after more typing reuse the checkpoints and make only the new ones.
    for i in range(4):
        await typed(ann, bob, lambda c, i=i: c.append(f"more {i}\n"))
    later = await state_at(s.ann, s.id, s.history_room)
    assert later["content"] == ann.source
    assert await checkpoints(codecall_services, s.history_room) == 3
    at, text, _ = moments[5]
    assert (await state_at(s.ann, s.id, s.history_room, at))["content"] == text


async def test_the_timeline_has_everything_on_one_clock_and_the_idle_gaps(
    session, jp_serverapp, jp_http_port, codecall_services
):
    s = await session()
    ann = await s.open(s.ann, jp_http_port)
    bob = await s.open(s.bob, jp_http_port)
    t_a = await typed(ann, bob, lambda c: c.append("ann\n"))
    await asyncio.sleep(1.6)  # nothing happens: an idle gap at idle=1
    t_b0 = time.time()
    message = await codecall_services.chat.post(s.id, s.bob.id, "thinking")
    history = jp_serverapp.web_app.settings[RUNNER_KEY].history
    run = history.new(s.bob.id, s.id, "python", "run", "solution.py")
    await history.add(run)
    t_b = await typed(bob, ann, lambda c: c.append("bob\n"))

    response = await s.cat.api("GET", f"sessions/{s.id}/replay", params={"idle": "1"})
    assert response.code == 200, response.body
    timeline = body_json(response)
    [doc] = [d for d in timeline["documents"] if d["room"] == s.history_room]
    assert (doc["type"], doc["name"], doc["path"]) == ("file", "solution.py", s.path)
    # The load, ann's line, bob's line, and the server's marks of each save (state map).
    shares = {a["user_id"]: a["updates"] for a in doc["authors"]}
    assert (shares[s.ann.id], shares[s.bob.id]) == (1, 1)
    assert doc["updates"] == sum(shares.values())
    assert set(shares) == {None, s.ann.id, s.bob.id}
    assert doc["first_at"] < t_a < t_b0 < doc["last_at"] <= t_b
    assert [m["text"] for m in timeline["chat"]] == ["thinking"]
    assert t_b0 <= timeline["chat"][0]["at"] <= t_b
    assert timeline["chat"][0]["id"] == message.id
    assert [r["id"] for r in timeline["runs"]] == [run.id]
    kinds = [e["kind"] for e in timeline["events"]]
    assert kinds[0] == "created"
    assert "admitted" in kinds
    assert {p["username"] for p in timeline["people"]} >= {"ann", "bob"}
    assert timeline["start"] <= timeline["events"][0]["at"]
    assert timeline["end"] >= t_b0  # the last edit (not the server's save mark after it)
    # The quiet stretch is a gap; the typing around it is not.
    [gap] = [g for g in timeline["gaps"] if g["start"] <= t_a and g["end"] >= t_b0]
    assert gap["seconds"] >= 1.5
    assert gap["end"] - gap["start"] == pytest.approx(gap["seconds"])
    for other in timeline["gaps"]:
        assert not (other["start"] < t_b0 < other["end"] and other is not gap)
    # At the default (30 s) there is no gap.
    default = body_json(await s.ann.api("GET", f"sessions/{s.id}/replay"))
    assert default["idle_after"] == 30
    assert default["gaps"] == []


async def test_outsiders_get_404_and_bad_moments_are_refused(session, jp_http_port):
    s = await session()
    ann = await s.open(s.ann, jp_http_port)
    bob = await s.open(s.bob, jp_http_port)
    await typed(ann, bob, lambda c: c.append("x\n"))
    for path, params in (
        ("replay", None),
        ("replay/state", {"room": s.history_room}),
        ("snapshots", None),
        ("export", None),
    ):
        response = await s.dan.api("GET", f"sessions/{s.id}/{path}", params=params)
        assert response.code == 404, (path, response.code)
        assert body_json(response)["error"]["code"] == "not_found"
    for at in ("yesterday", "nan", "inf", "-5", "1e400"):
        response = await s.ann.api(
            "GET", f"sessions/{s.id}/replay/state", params={"room": s.history_room, "at": at}
        )
        assert response.code == 422, at
        assert body_json(response)["error"]["code"] == "invalid_time"
    for room in ("", "file:nope", "x" * 500, "file"):
        await state_at(s.ann, s.id, room, code=404)
    await state_at(s.ann, s.id, s.history_room, "2020-01-01T00:00:00Z")

    # After the session: participants still replay it, and so does the host.
    assert (await s.ann.api("POST", f"sessions/{s.id}/end")).code in (200, 204)
    assert (await state_at(s.bob, s.id, s.history_room))["content"] == "start\nx\n"
    assert (await s.ann.api("GET", f"sessions/{s.id}/replay")).code == 200


async def test_concurrent_builders_make_each_checkpoint_once(codecall_services):
    history, db = codecall_services.history, codecall_services.history.db
    room = "file:concurrent-builders"
    doc: Doc = Doc()
    text = doc.get("source", type=Text)
    updates, texts = [], []
    for i in range(23):
        before = doc.get_state()
        text += f"{i},"
        updates.append(doc.get_update(before))
        texts.append(str(text))
    start = 1_000_000.0
    for i, data in enumerate(updates):
        history.append(room, data, session_id="s", author_id=i % 3 or None, at=start + i)
    await history.flush()

    builders = [DocReplay(db, every=5) for _ in range(3)]
    made = await asyncio.gather(*(b.ensure_checkpoints(room) for b in builders for _ in range(2)))
    assert sum(made) >= 4  # each builder reports what its inserts asked for
    assert await checkpoints(codecall_services, room) == 4  # after 5, 10, 15 and 20
    for i in (0, 4, 5, 11, 19, 22):
        state = await builders[i % 3].state_at(room, start + i + 0.5)
        assert state.content == texts[i]
        assert state.author_id == (i % 3 or None)
    assert (await builders[0].state_at(room, start - 1)).content == ""
