"""A session's chat and proctoring summary: the services' rules, and reading over REST."""

import pytest

from codecall_jupyter.services.errors import Conflict, Forbidden, InvalidInput, NotFound
from codecall_jupyter.testing import body_json
from codecall_jupyter.testing import create_session as create
from codecall_jupyter.testing import join_session as join


@pytest.fixture
def pair(people):
    """A session hosted by ann with bob admitted: ``ann, bob, session_id = await pair()``."""

    async def make():
        ann, bob = await people("ann", "bob")
        session = await create(ann, auto_admit=True)
        assert body_json(await join(bob, session))["state"] == "admitted"
        return ann, bob, session["id"]

    return make


async def refused(error, call):
    with pytest.raises(error) as caught:
        await call
    return caught.value.code


# --- writing ------------------------------------------------------------------------------


async def test_post_edit_delete(pair, codecall_services):
    chat = codecall_services.chat
    ann, bob, sid = await pair()
    message = await chat.post(sid, bob.id, "  def f(x):\n\treturn x  \n\n")
    assert message.text == "  def f(x):\n\treturn x"  # only trailing whitespace goes
    assert message.author.username == "bob"
    assert message.edited_at is None
    edited = await chat.edit(sid, bob.id, message.id, "fixed ")
    assert (edited.id, edited.text) == (message.id, "fixed")
    assert edited.edited_at is not None
    deleted = await chat.delete(sid, bob.id, message.id)
    assert deleted.text == ""
    assert deleted.deleted_at is not None
    [row] = body_json(await ann.api("GET", f"sessions/{sid}/chat"))["messages"]
    assert row == {
        "id": message.id,
        "author": row["author"],
        "text": "",
        "created_at": row["created_at"],
        "edited_at": row["edited_at"],
        "deleted": True,
    }
    assert row["author"]["username"] == "bob"
    assert "email" not in row["author"]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("", "empty_message"),
        (" \n\t ", "empty_message"),
        ("é" * 2048 + "x", "message_too_long"),  # 4097 bytes, 2049 characters
        ("nul\x00here", "invalid_text"),
        ("bell\x07", "invalid_text"),
        ("cr\rlf", "invalid_text"),
        ("del\x7f", "invalid_text"),
        ("lone \ud800 surrogate", "invalid_text"),
    ],
)
async def test_text_rules(pair, codecall_services, text, code):
    chat = codecall_services.chat
    _, bob, sid = await pair()
    assert await refused(InvalidInput, chat.post(sid, bob.id, text)) == code
    message = await chat.post(sid, bob.id, "ok")
    assert await refused(InvalidInput, chat.edit(sid, bob.id, message.id, text)) == code
    assert [m.text for m in await chat.history(sid, None, 10)] == ["ok"]


async def test_largest_message_fits(pair, codecall_services):
    _, bob, sid = await pair()
    message = await codecall_services.chat.post(sid, bob.id, "é" * 2048)  # 4096 bytes
    assert len(message.text) == 2048


async def test_only_the_author_changes_a_message(pair, people, codecall_services):
    chat = codecall_services.chat
    ann, bob, sid = await pair()
    message = await chat.post(sid, bob.id, "mine")
    assert await refused(Forbidden, chat.edit(sid, ann.id, message.id, "x")) == "not_author"
    assert await refused(Forbidden, chat.delete(sid, ann.id, message.id)) == "not_author"
    # Another session's message, or no message at all, is not found.
    (cat,) = await people("cat")
    other = (await create(cat))["id"]
    assert await refused(NotFound, chat.edit(other, bob.id, message.id, "x")) == "not_found"
    assert await refused(NotFound, chat.delete(sid, bob.id, 10**6)) == "not_found"
    await chat.delete(sid, bob.id, message.id)
    assert await refused(Conflict, chat.edit(sid, bob.id, message.id, "back")) == "deleted"
    assert await refused(Conflict, chat.delete(sid, bob.id, message.id)) == "deleted"
    [kept] = await chat.history(sid, None, 10)
    assert (kept.text, kept.edited_at) == ("", None)


async def test_no_chat_after_the_session_ended(pair, codecall_services):
    chat = codecall_services.chat
    ann, bob, sid = await pair()
    message = await chat.post(sid, bob.id, "bye")
    assert (await ann.api("POST", f"sessions/{sid}/end")).code == 200
    assert await refused(Conflict, chat.post(sid, bob.id, "late")) == "session_ended"
    assert await refused(Conflict, chat.edit(sid, bob.id, message.id, "x")) == "session_ended"
    assert await refused(NotFound, chat.post("nope", bob.id, "x")) == "not_found"
    # The record stays readable.
    texts = [m["text"] for m in body_json(await bob.api("GET", f"sessions/{sid}/chat"))["messages"]]
    assert texts == ["bye"]


# --- reading ------------------------------------------------------------------------------


async def test_history_pages_back_oldest_first(pair, codecall_services):
    chat = codecall_services.chat
    ann, bob, sid = await pair()
    ids = [(await chat.post(sid, ann.id if i % 2 else bob.id, f"m{i}")).id for i in range(7)]

    async def page(**params):
        query = {k: str(v) for k, v in params.items()}
        response = await ann.api("GET", f"sessions/{sid}/chat", params=query)
        assert response.code == 200, response.body
        body = body_json(response)
        return [m["text"] for m in body["messages"]], body["has_more"], body["messages"]

    texts, more, _ = await page()
    assert (texts, more) == ([f"m{i}" for i in range(7)], False)
    texts, more, rows = await page(limit=3)
    assert (texts, more) == (["m4", "m5", "m6"], True)
    texts, more, rows = await page(limit=3, before=rows[0]["id"])
    assert (texts, more) == (["m1", "m2", "m3"], True)
    texts, more, _ = await page(limit=3, before=rows[0]["id"])
    assert (texts, more) == (["m0"], False)
    texts, more, _ = await page(limit=1, before=ids[1])
    assert (texts, more) == (["m0"], False)
    assert [m.text for m in await chat.history(sid, ids[3], 2)] == ["m1", "m2"]


@pytest.mark.parametrize(
    "params",
    [
        {"limit": "0"},
        {"limit": "101"},
        {"limit": "ten"},
        {"limit": "²"},
        {"before": "0"},
        {"before": "-1"},
        {"before": str(2**31)},
    ],
)
async def test_bad_query_parameters(pair, params):
    ann, _, sid = await pair()
    response = await ann.api("GET", f"sessions/{sid}/chat", params=params)
    assert response.code == 422, response.body


async def test_unread_counts_and_read_marks(pair, codecall_services):
    chat = codecall_services.chat
    ann, bob, sid = await pair()

    async def unread(browser):
        return body_json(await browser.api("GET", f"sessions/{sid}/chat"))["unread"]

    first = await chat.post(sid, bob.id, "one")
    await chat.post(sid, ann.id, "own messages never count")
    third = await chat.post(sid, bob.id, "three")
    gone = await chat.post(sid, bob.id, "deleted ones do not count")
    await chat.delete(sid, bob.id, gone.id)
    assert await chat.unread_count(sid, ann.id) == 2
    assert await unread(ann) == 2
    assert await unread(bob) == 1
    read = await ann.api("POST", f"sessions/{sid}/chat/read", {"up_to": first.id})
    assert read.code == 204
    assert await unread(ann) == 1
    await chat.mark_read(sid, ann.id, third.id)
    assert await unread(ann) == 0
    # Never backwards.
    await chat.mark_read(sid, ann.id, first.id)
    assert (await ann.api("POST", f"sessions/{sid}/chat/read", {"up_to": 0})).code == 204
    assert await unread(ann) == 0
    # A mark beyond the newest message does not swallow later ones.
    await chat.mark_read(sid, ann.id, 10**9)
    await chat.post(sid, bob.id, "later")
    assert await unread(ann) == 1


@pytest.mark.parametrize("body", [{}, {"up_to": -1}, {"up_to": "3"}, {"up_to": 1, "x": 1}])
async def test_bad_read_marks(pair, body):
    ann, _, sid = await pair()
    assert (await ann.api("POST", f"sessions/{sid}/chat/read", body)).code == 422


async def test_who_may_read_the_chat(pair, people, codecall_services):
    ann, bob, sid = await pair()
    await codecall_services.chat.post(sid, ann.id, "hello")
    cat, dan = await people("cat", "dan")
    guarded = await create(ann, auto_admit=False, max_participants=3)
    assert body_json(await join(cat, guarded))["state"] == "waiting"
    for path in (f"sessions/{sid}/chat", f"sessions/{guarded['id']}/chat"):
        assert (await ann.api("GET", path)).code == 200
    assert (await bob.api("GET", f"sessions/{sid}/chat")).code == 200
    for browser, session_id in ((cat, guarded["id"]), (dan, sid), (dan, "nope")):
        for response in (
            await browser.api("GET", f"sessions/{session_id}/chat"),
            await browser.api("POST", f"sessions/{session_id}/chat/read", {"up_to": 1}),
        ):
            assert response.code == 404, response.body
            assert body_json(response)["error"]["code"] == "not_found"
    # Someone who left keeps the history.
    assert (await bob.api("POST", f"sessions/{sid}/leave")).code == 204
    assert len(body_json(await bob.api("GET", f"sessions/{sid}/chat"))["messages"]) == 1


# --- proctoring ---------------------------------------------------------------------------


async def test_proctoring_summary(pair, codecall_services):
    proctoring = codecall_services.proctoring
    ann, bob, sid = await pair()
    for kind in ("blur", "focus", "blur", "copy"):
        await proctoring.record(sid, bob.id, kind)
    await proctoring.record(sid, bob.id, "paste", size=12, content="print('hi')")
    await proctoring.record(sid, bob.id, "paste", content="x" * 30)  # size from the content
    await proctoring.record(sid, bob.id, "tab_hidden")
    await proctoring.record(sid, bob.id, "tab_hidden")  # a repeat keeps the first start
    await proctoring.record(sid, bob.id, "tab_visible")
    response = await ann.api("GET", f"sessions/{sid}/activity/summary")
    assert response.code == 200, response.body
    host, guest = body_json(response)["people"]
    assert host["user"]["username"] == "ann"
    assert {k: v for k, v in host.items() if k != "user"} == {
        "tab_hidden": 0,
        "tab_visible": 0,
        "blur": 0,
        "focus": 0,
        "paste": 0,
        "copy": 0,
        "pasted_chars": 0,
        "largest_paste": 0,
        "hidden_seconds": 0,
    }
    assert guest["user"]["username"] == "bob"
    counts = {k: guest[k] for k in ("tab_hidden", "tab_visible", "blur", "focus", "paste", "copy")}
    assert counts == {
        "tab_hidden": 2,
        "tab_visible": 1,
        "blur": 2,
        "focus": 1,
        "paste": 2,
        "copy": 1,
    }
    assert (guest["pasted_chars"], guest["largest_paste"]) == (42, 30)
    assert 0 <= guest["hidden_seconds"] < 60
    # The participant sees the same summary: practice is transparent.
    assert body_json(await bob.api("GET", f"sessions/{sid}/activity/summary")) == body_json(
        response
    )


async def test_a_tab_still_hidden_counts_until_now(pair, codecall_services):
    ann, bob, sid = await pair()
    await codecall_services.proctoring.record(sid, bob.id, "tab_hidden")
    [summary] = [p for p in await codecall_services.proctoring.summary(sid) if p.user.id == bob.id]
    assert summary.counts["tab_hidden"] == 1
    assert summary.hidden_seconds >= 0


async def test_pasted_text_is_not_kept_by_default(pair, codecall_services):
    ann, bob, sid = await pair()
    await codecall_services.proctoring.record(sid, bob.id, "paste", content="secret answer")
    [event] = [e for e, _ in await codecall_services.activity.list(sid) if e.kind == "proctor"]
    assert event.data == {"event": "paste", "size": 13}
    activity = (await ann.api("GET", f"sessions/{sid}/activity")).body.decode()
    assert "secret answer" not in activity


async def test_proctoring_refusals(pair, people, codecall_services):
    proctoring = codecall_services.proctoring
    ann, bob, sid = await pair()
    assert await refused(InvalidInput, proctoring.record(sid, bob.id, "screenshot")) == (
        "unknown_event"
    )
    assert await refused(InvalidInput, proctoring.record(sid, bob.id, "paste", size=-1)) == (
        "invalid_size"
    )
    (cat,) = await people("cat")
    guarded = await create(ann, max_participants=3)
    assert body_json(await join(cat, guarded))["state"] == "waiting"
    assert (await cat.api("GET", f"sessions/{guarded['id']}/activity/summary")).code == 404
    assert (await cat.api("GET", f"sessions/{sid}/activity/summary")).code == 404
    assert (await bob.api("POST", f"sessions/{sid}/leave")).code == 204
    assert (await bob.api("GET", f"sessions/{sid}/activity/summary")).code == 404


@pytest.mark.parametrize("codecall_config", [{"record_paste_content": True}])
async def test_keeps_paste_content_when_asked(pair, codecall_services):
    _, bob, sid = await pair()
    proctoring = codecall_services.proctoring
    await proctoring.record(sid, bob.id, "paste", content="y" * 10_050)
    await proctoring.record(sid, bob.id, "copy", content="not kept: copies never are")
    events = [e.data for e, _ in await codecall_services.activity.list(sid) if e.kind == "proctor"]
    assert events == [
        {"event": "paste", "size": 10_050, "content": "y" * 10_000},
        {"event": "copy", "size": 26},
    ]
