"""The session channel over real WebSockets: who may connect, the waiting room, presence,
signaling relay, chat, resume, limits, and every hostile case with its documented answer."""

import json

import pytest
from tornado.httpclient import HTTPClientError

from codecall_jupyter.channel.protocol import CLOSE_ENDED, CLOSE_TOO_BIG, CLOSE_TURNED_AWAY
from codecall_jupyter.testing import ChannelClient, body_json, join_session
from codecall_jupyter.testing import create_session as create


@pytest.fixture
def channel(jp_http_port):
    opened = []

    async def open_(browser, session_id, **kwargs):
        client = await ChannelClient.open(browser, jp_http_port, session_id, **kwargs)
        opened.append(client)
        return client

    yield open_
    for client in opened:
        client.close()


async def join(guest, session):
    response = await join_session(guest, session)
    assert response.code == 200, response.body
    return body_json(response)["state"]


@pytest.fixture
def pair(people, channel):
    """A session with host ann and admitted guest bob, both connected."""

    async def make(**spec):
        ann, bob = await people("ann", "bob")
        session = await create(ann, auto_admit=True, **spec)
        await join(bob, session)
        a = await channel(ann, session["id"])
        b = await channel(bob, session["id"])
        await a.next("snapshot")
        await b.next("snapshot")
        return ann, bob, a, b, session

    return make


# --- who may connect --------------------------------------------------------------------------


async def test_unauthenticated_socket_is_refused(codecall_browser, channel, people):
    (ann,) = await people("ann")
    session = await create(ann)
    with pytest.raises(HTTPClientError) as refused:
        await channel(codecall_browser(), session["id"])
    assert refused.value.code == 403


@pytest.mark.parametrize("origin", [None, "http://evil.example", "null"])
async def test_missing_or_foreign_origin_is_refused(people, channel, origin):
    (ann,) = await people("ann")
    session = await create(ann)
    with pytest.raises(HTTPClientError) as refused:
        await channel(ann, session["id"], origin=origin)
    assert refused.value.code == 403


async def test_strangers_and_unknown_sessions_get_404(people, channel):
    ann, cat = await people("ann", "cat")
    session = await create(ann)
    for who, sid in ((cat, session["id"]), (ann, "0" * 32)):
        with pytest.raises(HTTPClientError) as refused:
            await channel(who, sid)
        assert refused.value.code == 404


# --- the waiting room -------------------------------------------------------------------------


async def test_waiting_user_gets_its_status_and_nothing_else(people, channel):
    ann, bob = await people("ann", "bob")
    session = await create(ann)
    host = await channel(ann, session["id"])
    await host.next("snapshot")
    await join(bob, session)
    waiting = await host.next("waiting")
    assert [w["user"]["username"] for w in waiting["waiting"]] == ["bob"]

    guest = await channel(bob, session["id"])
    hello = await guest.next("hello")
    assert hello["you"]["state"] == "waiting"
    assert (await guest.next("admission"))["state"] == "waiting"
    for message in (
        {"type": "chat", "text": "let me in"},
        {"type": "signal", "to": "x", "kind": "offer", "data": {}},
    ):
        await guest.send(message)
        assert (await guest.next("error"))["code"] == "not_admitted"
    await host.send({"type": "chat", "text": "secret plan"})
    await host.next("chat")
    # The host admits over the channel; the guest is told, then gets the whole state.
    await host.send({"type": "admit", "user_id": bob.id})
    assert (await guest.next("admission"))["state"] == "admitted"
    snapshot = await guest.next("snapshot")
    assert [m["text"] for m in snapshot["chat"]["messages"]] == ["secret plan"]
    assert {p["user"]["username"] for p in snapshot["participants"]} == {"ann", "bob"}
    assert "waiting" not in snapshot  # the waiting list is the host's alone
    assert any(m.get("type") == "chat" for m in guest.inbox) is False


async def test_rejected_user_socket_is_closed(people, channel):
    ann, bob = await people("ann", "bob")
    session = await create(ann)
    await join(bob, session)
    guest = await channel(bob, session["id"])
    await guest.next("admission")
    await ann.api("POST", f"sessions/{session['id']}/participants/{bob.id}/reject")
    assert (await guest.next("admission"))["state"] == "rejected"
    assert await guest.closed() == CLOSE_TURNED_AWAY


async def test_removed_user_stops_receiving_at_once(pair):
    ann, bob, a, b, session = await pair(max_participants=2)
    await ann.api("DELETE", f"sessions/{session['id']}/participants/{bob.id}")
    assert (await b.next("admission"))["state"] == "removed"
    assert await b.closed() == CLOSE_TURNED_AWAY
    left = await a.next("presence.leave")
    assert left["user"]["username"] == "bob"
    await a.send({"type": "chat", "text": "after"})
    await a.next("chat")
    assert not any(m.get("type") == "chat" for m in b.inbox)


# --- presence and state -----------------------------------------------------------------------


async def test_presence_and_snapshot(pair, people, channel):
    ann, bob, a, b, session = await pair(max_participants=3)
    (cat,) = await people("cat")
    await join(cat, session)
    c = await channel(cat, session["id"])
    snapshot = await c.next("snapshot")
    assert {x["user"]["username"] for x in snapshot["connections"]} >= {"ann", "bob"}
    assert snapshot["session"]["status"] == "ACTIVE"
    assert snapshot["session"]["language"] == "python"
    joined = await a.next("presence.join")
    while joined["user"]["username"] != "cat":  # ann heard her own and bob's arrival first
        joined = await a.next("presence.join")
    assert joined["role"] == "observer"
    c.close()
    assert (await a.next("presence.leave"))["user"]["username"] == "cat"


async def test_rest_changes_reach_sockets(pair):
    ann, bob, a, b, session = await pair()
    await ann.api("PATCH", f"sessions/{session['id']}", {"language": "java"})
    update = await b.next("session")
    assert update["session"]["language"] == "java"


async def test_end_closes_every_socket(pair):
    ann, bob, a, b, session = await pair()
    await ann.api("POST", f"sessions/{session['id']}/end")
    assert (await b.next("session"))["session"]["status"] == "ENDED"
    assert await b.closed() == CLOSE_ENDED
    assert await a.closed() == CLOSE_ENDED


# --- signaling -------------------------------------------------------------------------------


async def test_signals_are_relayed_with_the_sockets_own_identity(pair):
    ann, bob, a, b, session = await pair()
    target = (await _connection_ids(a))["bob"]
    await a.send(
        {"type": "signal", "to": target, "kind": "offer", "data": {"sdp": "v=0", "from": "mallory"}}
    )
    relayed = await b.next("signal")
    assert relayed["from_user"]["username"] == "ann"
    assert relayed["kind"] == "offer"
    assert relayed["data"] == {"sdp": "v=0", "from": "mallory"}  # inside data, never trusted
    assert relayed["from"] == (await _hello(a))["connection_id"]


async def _hello(client):
    return next(m for m in client.inbox if m["type"] == "hello")


async def _connection_ids(client):
    await client.send({"type": "ping"})
    await client.next("pong")
    ids = {}
    for message in client.inbox:
        for conn in message.get("connections", []):
            ids[conn["user"]["username"]] = conn["connection_id"]
        if message.get("type") == "presence.join":
            ids[message["user"]["username"]] = message["connection_id"]
    return ids


async def test_spoofed_sender_field_is_refused(pair):
    ann, bob, a, b, session = await pair()
    await a.send({"type": "signal", "to": "x", "kind": "offer", "data": {}, "from": "bob"})
    assert (await a.next("error"))["code"] == "invalid_message"


async def test_target_in_another_session_is_dropped(pair, people, channel):
    ann, bob, a, b, session = await pair()
    (cat,) = await people("cat")
    other = await create(cat)
    c = await channel(cat, other["id"])
    await c.next("snapshot")
    cat_conn = (await _hello(c))["connection_id"]
    for target in (cat_conn, "not-a-connection"):
        await a.send({"type": "signal", "to": target, "kind": "candidate", "data": {}})
        error = await a.next("error")
        assert error["code"] == "unknown_target"
    with pytest.raises(TimeoutError):
        await c.next("signal", timeout=0.5)


@pytest.fixture
def codecall_config(request):
    return getattr(request, "param", {})


@pytest.mark.parametrize("codecall_config", [{"channel_signal_rate": "5/minute"}], indirect=True)
async def test_ice_candidate_flood_is_throttled(pair):
    ann, bob, a, b, session = await pair()
    target = (await _connection_ids(a))["bob"]
    for _ in range(8):
        await a.send({"type": "signal", "to": target, "kind": "candidate", "data": {"c": 1}})
    errors = []
    for _ in range(3):
        errors.append(await a.next("error"))
    assert all(e["code"] == "rate_limited" for e in errors)
    received = [await b.next("signal") for _ in range(5)]
    assert len(received) == 5
    with pytest.raises(TimeoutError):
        await b.next("signal", timeout=0.5)


# --- chat -------------------------------------------------------------------------------


async def test_chat_is_stored_then_broadcast(pair, codecall_services):
    ann, bob, a, b, session = await pair()
    await a.send({"type": "chat", "text": "**hello** <script>x</script>"})
    got = await b.next("chat")
    assert got["message"]["author"]["username"] == "ann"
    assert got["message"]["text"] == "**hello** <script>x</script>"  # the UI renders it safely
    stored = await codecall_services.chat.history(session["id"], None, 10)
    assert [m.text for m in stored] == ["**hello** <script>x</script>"]
    await a.send({"type": "chat.edit", "id": got["message"]["id"], "text": "hello"})
    assert (await b.next("chat.edit"))["message"]["text"] == "hello"
    await b.send({"type": "chat.delete", "id": got["message"]["id"]})
    assert (await b.next("error"))["code"] == "not_author"
    await a.send({"type": "typing", "active": True})
    assert (await b.next("typing"))["user"]["username"] == "ann"


@pytest.mark.parametrize("codecall_config", [{"channel_chat_rate": "3/minute"}], indirect=True)
async def test_chat_flood_is_refused(pair):
    ann, bob, a, b, session = await pair()
    for i in range(5):
        await a.send({"type": "chat", "text": f"spam {i}"})
    assert [(await b.next("chat"))["message"]["text"] for _ in range(3)] == [
        "spam 0",
        "spam 1",
        "spam 2",
    ]
    assert (await a.next("error"))["code"] == "rate_limited"


# --- hostile input ----------------------------------------------------------------------------


async def test_malformed_and_unknown_messages_get_errors(pair):
    ann, bob, a, b, session = await pair()
    for raw, code in (
        ("{not json", "invalid_json"),
        ("[1, 2]", "unknown_type"),
        (json.dumps({"type": "launch_missiles"}), "unknown_type"),
        (json.dumps({"type": "chat"}), "invalid_message"),
        (json.dumps({"type": "chat", "text": 5}), "invalid_message"),
        ("[" * 20_000 + "]" * 20_000, "invalid_json"),
    ):
        await a.send(raw)
        assert (await a.next("error"))["code"] == code, raw[:40]
    await a.send({"type": "ping"})
    assert (await a.next("pong"))["type"] == "pong"  # the socket survived all of it


@pytest.mark.parametrize("codecall_config", [{"channel_max_message_bytes": 2048}], indirect=True)
async def test_oversize_message_closes_with_1009(pair):
    ann, bob, a, b, session = await pair()
    await a.send({"type": "chat", "text": "x" * 5000})
    assert await a.closed() == CLOSE_TOO_BIG


# --- resume -------------------------------------------------------------------------------


async def test_resume_replays_exactly_what_was_missed(pair, channel):
    ann, bob, a, b, session = await pair()
    await a.send({"type": "chat", "text": "one"})
    first = await b.next("chat")
    point = f"{(await _hello(b))['epoch']}.{first['seq']}"
    b.close()
    for text in ("two", "three"):
        await a.send({"type": "chat", "text": text})
        await a.next("chat")
    again = await channel(bob, session["id"], resume=point)
    texts = []
    while len(texts) < 2:
        message = await again.next()
        if message["type"] == "chat":
            texts.append(message["message"]["text"])
        assert message["type"] != "snapshot"
    assert texts == ["two", "three"]


async def test_resume_from_the_future_gets_an_error_and_a_snapshot(pair, channel):
    ann, bob, a, b, session = await pair()
    again = await channel(bob, session["id"], resume=f"{(await _hello(a))['epoch']}.99999")
    assert (await again.next("error"))["code"] == "resume_from_future"
    assert (await again.next("snapshot"))["seq"] >= 0


async def test_unknown_epoch_gets_a_snapshot(pair, channel):
    ann, bob, a, b, session = await pair()
    again = await channel(bob, session["id"], resume="deadbeef.3")
    assert (await again.next("snapshot"))["type"] == "snapshot"


# --- activity -------------------------------------------------------------------------------


async def test_activity_events_are_visible_to_both_sides(pair):
    ann, bob, a, b, session = await pair()
    await b.send({"type": "activity", "event": "tab_hidden"})
    seen = await a.next("activity")
    assert seen["event"] == "tab_hidden"
    assert seen["user"]["username"] == "bob"
    await b.send({"type": "activity", "event": "paste", "size": 120, "content": "secret"})
    pasted = await a.next("activity")
    assert pasted["size"] == 120
    assert "content" not in pasted


async def test_second_tab_coexists(pair, channel):
    ann, bob, a, b, session = await pair()
    b2 = await channel(bob, session["id"])
    await b2.next("snapshot")
    await a.send({"type": "chat", "text": "both tabs"})
    assert (await b.next("chat"))["message"]["text"] == "both tabs"
    assert (await b2.next("chat"))["message"]["text"] == "both tabs"
