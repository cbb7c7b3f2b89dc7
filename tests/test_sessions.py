"""Practice sessions over REST: lifecycle, waiting room, roles, lists, expiry, races."""

import asyncio
from datetime import timedelta

import pytest

from codecall_jupyter.store.models import Friendship
from codecall_jupyter.store.types import utcnow
from codecall_jupyter.testing import body_json
from codecall_jupyter.testing import create_session as create
from codecall_jupyter.testing import join_session as join


def error_code(response):
    return body_json(response)["error"]["code"]


@pytest.fixture
def befriend(codecall_services):
    async def make(a, b):
        async with codecall_services.accounts.db.session() as s, s.begin():
            low, high = sorted((a.id, b.id))
            s.add(Friendship(user_a_id=low, user_b_id=high))

    return make


async def test_create_makes_a_waiting_session_with_a_folder(people, jp_root_dir):
    (ann,) = await people("ann")
    session = await create(ann, description="Warm-up", language="java", mode="peer")
    assert session["status"] == "WAITING"
    assert session["is_host"] is True
    assert session["max_participants"] == 2
    assert session["participant_count"] == 1
    assert session["language"] == "java"
    assert session["mode"] == "peer"
    assert session["host"]["username"] == "ann"
    assert "email" not in session["host"]
    [host] = session["participants"]
    assert host["is_host"] is True
    assert host["role"] == "interviewer"
    assert "codecall-join=" in session["invite_url"]
    assert (jp_root_dir / "codecall-sessions" / session["id"]).is_dir()


@pytest.mark.parametrize(
    "spec",
    [
        {"title": ""},
        {"max_participants": 1},
        {"max_participants": 7},
        {"language": "klingon"},
        {"mode": "solo"},
        {"scheduled_at": "tomorrow"},
        {"title": "x", "owner": "me"},
        {"max_participants": "2"},
        {"title": "bad\u0000title"},
    ],
)
async def test_create_refuses_bad_input(people, spec):
    (ann,) = await people("ann")
    response = await ann.api("POST", "sessions", {"title": "ok", **spec})
    assert response.code == 422, response.body
    assert body_json(await ann.api("GET", "sessions"))["sessions"] == []


async def test_scheduled_start_is_kept(people):
    (ann,) = await people("ann")
    session = await create(ann, scheduled_at="2030-01-02T10:00:00Z")
    assert session["scheduled_at"].startswith("2030-01-02T10:00:00")


async def test_invites_go_to_friends_only(people, befriend):
    ann, bob, cat = await people("ann", "bob", "cat")
    await befriend(ann, bob)
    refused = await ann.api("POST", "sessions", {"title": "t", "invite": ["cat"]})
    assert refused.code == 422
    assert error_code(refused) == "not_a_friend"
    session = await create(ann, invite=["bob"])
    invitations = body_json(await bob.api("GET", "sessions/invitations"))["sessions"]
    assert [s["id"] for s in invitations] == [session["id"]]
    assert invitations[0]["my_state"] == "invited"
    assert invitations[0]["invite_url"] is None  # not admitted yet
    assert body_json(await cat.api("GET", "sessions/invitations"))["sessions"] == []
    joined = await bob.api("POST", f"sessions/{session['id']}/join", {})
    assert body_json(joined)["state"] == "waiting"


async def test_decline_an_invitation(people, befriend):
    ann, bob = await people("ann", "bob")
    await befriend(ann, bob)
    session = await create(ann, invite=["bob"])
    assert (await bob.api("POST", f"sessions/{session['id']}/decline")).code == 204
    assert body_json(await bob.api("GET", "sessions/invitations"))["sessions"] == []
    assert (await bob.api("POST", f"sessions/{session['id']}/decline")).code == 404


async def test_lifecycle_waiting_active_ended(people):
    ann, bob = await people("ann", "bob")
    session = await create(ann)
    sid = session["id"]
    joined = body_json(await join(bob, session))
    assert joined["state"] == "waiting"
    assert joined["session"]["status"] == "WAITING"
    detail = body_json(await ann.api("GET", f"sessions/{sid}"))
    assert [p["user"]["username"] for p in detail["participants"] if p["state"] == "waiting"] == [
        "bob"
    ]
    admitted = await ann.api("POST", f"sessions/{sid}/participants/{bob.id}/admit")
    assert admitted.code == 200
    detail = body_json(admitted)
    assert detail["status"] == "ACTIVE"
    assert detail["started_at"] is not None
    bob_view = body_json(await bob.api("GET", f"sessions/{sid}"))
    assert bob_view["my_role"] == "candidate"
    assert bob_view["invite_url"] == session["invite_url"]
    ended = body_json(await ann.api("POST", f"sessions/{sid}/end"))
    assert ended["status"] == "ENDED"
    assert ended["end_reason"] == "host"
    assert ended["durations"]["active_seconds"] >= 0
    # ENDED is final.
    assert error_code(await ann.api("POST", f"sessions/{sid}/end")) == "session_ended"
    assert (await ann.api("PATCH", f"sessions/{sid}", {"title": "again"})).code == 409
    (cat,) = await people("cat")
    late = await join(cat, session)
    assert late.code == 409
    assert error_code(late) == "session_ended"


async def test_join_refusals(people):
    ann, bob, cat = await people("ann", "bob", "cat")
    session = await create(ann, auto_admit=True)
    own = await join(ann, session)
    assert own.code == 409
    assert error_code(own) == "host_cannot_join"
    assert body_json(await join(bob, session))["state"] == "admitted"
    full = await join(cat, session)
    assert full.code == 409
    assert error_code(full) == "session_full"
    forged = await cat.api("POST", "sessions/join", {"token": "nope"})
    assert forged.code == 404
    assert (await cat.api("POST", f"sessions/{session['id']}/join", {})).code == 404


@pytest.fixture
def codecall_config():
    return {"session_password_rate_limit": "3/5minutes"}


async def test_session_password(people):
    ann, bob = await people("ann", "bob")
    session = await create(ann, password="open sesame")
    assert session["has_password"] is True
    missing = await join(bob, session)
    assert missing.code == 403
    assert error_code(missing) == "wrong_password"
    assert (await join(bob, session, password="wrong")).code == 403
    assert (await join(bob, session, password="open sesame")).code == 200
    # The password can be removed by the host.
    removed = body_json(await ann.api("PATCH", f"sessions/{session['id']}", {"password": None}))
    assert removed["has_password"] is False


async def test_wrong_session_passwords_are_throttled(people):
    ann, bob = await people("ann", "bob")
    session = await create(ann, password="open sesame")
    for _ in range(3):
        assert (await join(bob, session, password="wrong")).code == 403
    limited = await join(bob, session, password="open sesame")
    assert limited.code == 429
    assert "Retry-After" in limited.headers


async def test_reject_and_remove_turn_people_away(people):
    ann, bob, cat = await people("ann", "bob", "cat")
    session = await create(ann, max_participants=3)
    sid = session["id"]
    await join(bob, session)
    await join(cat, session)
    assert (await ann.api("POST", f"sessions/{sid}/participants/{bob.id}/reject")).code == 200
    again = await join(bob, session)
    assert again.code == 403
    assert error_code(again) == "turned_away"
    assert (await bob.api("GET", f"sessions/{sid}")).code == 404
    await ann.api("POST", f"sessions/{sid}/participants/{cat.id}/admit")
    assert (await ann.api("DELETE", f"sessions/{sid}/participants/{cat.id}")).code == 204
    detail = body_json(await ann.api("GET", f"sessions/{sid}"))
    assert detail["participant_count"] == 1
    assert error_code(await join(cat, session)) == "turned_away"
    host_remove = await ann.api("DELETE", f"sessions/{sid}/participants/{ann.id}")
    assert host_remove.code == 422
    not_waiting = await ann.api("POST", f"sessions/{sid}/participants/{cat.id}/admit")
    assert not_waiting.code == 409


async def test_only_the_host_decides(people):
    ann, bob, cat = await people("ann", "bob", "cat")
    session = await create(ann, max_participants=3, auto_admit=True)
    sid = session["id"]
    await join(bob, session)
    # An admitted guest sees the session but may not run it: 403.
    for method, path, body in (
        ("PATCH", f"sessions/{sid}", {"title": "mine"}),
        ("POST", f"sessions/{sid}/end", None),
        ("DELETE", f"sessions/{sid}", None),
        ("POST", f"sessions/{sid}/participants/{ann.id}/admit", None),
    ):
        response = await bob.api(method, path, body)
        assert response.code == 403, (method, path)
        assert error_code(response) == "not_host"
    # Someone with no part in it cannot even tell it exists: 404.
    for method, path, body in (
        ("GET", f"sessions/{sid}", None),
        ("PATCH", f"sessions/{sid}", {"title": "mine"}),
        ("POST", f"sessions/{sid}/end", None),
        ("DELETE", f"sessions/{sid}", None),
        ("GET", f"sessions/{sid}/activity", None),
    ):
        assert (await cat.api(method, path, body)).code == 404, (method, path)


async def test_update_by_the_host(people):
    ann, bob = await people("ann", "bob")
    session = await create(ann, auto_admit=True, max_participants=3)
    sid = session["id"]
    await join(bob, session)
    changed = body_json(
        await ann.api(
            "PATCH",
            f"sessions/{sid}",
            {
                "title": "Graphs",
                "description": "BFS",
                "language": "cpp",
                "problem_id": "pair-sum-count",
            },
        )
    )
    assert (changed["title"], changed["language"], changed["problem_id"]) == (
        "Graphs",
        "cpp",
        "pair-sum-count",
    )
    # A problem must be one the host can use (tests/test_problems_api.py has the rest).
    unknown = await ann.api("PATCH", f"sessions/{sid}", {"problem_id": "p-1"})
    assert error_code(unknown) == "no_such_problem"
    too_small = await ann.api("PATCH", f"sessions/{sid}", {"max_participants": 2})
    assert too_small.code == 200  # two admitted, two seats: fine
    (cat,) = await people("cat")
    assert error_code(await join(cat, session)) == "session_full"
    assert (await ann.api("PATCH", f"sessions/{sid}", {"title": None})).code == 422


async def test_auto_admit_toggle(people):
    ann, bob = await people("ann", "bob")
    session = await create(ann)
    await ann.api("PATCH", f"sessions/{session['id']}", {"auto_admit": True})
    assert body_json(await join(bob, session))["state"] == "admitted"


async def test_roles_host_handoff_and_swap(people):
    ann, bob, cat = await people("ann", "bob", "cat")
    session = await create(ann, mode="peer", max_participants=3, auto_admit=True)
    sid = session["id"]
    await join(bob, session)
    await join(cat, session)
    detail = body_json(await ann.api("GET", f"sessions/{sid}"))
    roles = {p["user"]["username"]: p["role"] for p in detail["participants"]}
    assert roles == {"ann": "interviewer", "bob": "candidate", "cat": "observer"}
    swapped = body_json(await ann.api("POST", f"sessions/{sid}/swap-roles"))
    roles = {p["user"]["username"]: p["role"] for p in swapped["participants"]}
    assert roles == {"ann": "candidate", "bob": "interviewer", "cat": "observer"}
    promoted = await ann.api(
        "PUT", f"sessions/{sid}/participants/{cat.id}/role", {"role": "interviewer"}
    )
    assert promoted.code == 200
    assert (
        await ann.api("PUT", f"sessions/{sid}/participants/{cat.id}/role", {"role": "host"})
    ).code == 422
    handed = body_json(await ann.api("POST", f"sessions/{sid}/host", {"user_id": bob.id}))
    assert handed["host"]["username"] == "bob"
    assert (await ann.api("POST", f"sessions/{sid}/end")).code == 403
    assert (await bob.api("POST", f"sessions/{sid}/host", {"user_id": bob.id})).code == 422
    interview = await create(ann, title="Interview")
    not_peer = await ann.api("POST", f"sessions/{interview['id']}/swap-roles")
    assert not_peer.code == 409
    assert error_code(not_peer) == "not_peer_mode"


async def test_leave(people):
    ann, bob = await people("ann", "bob")
    session = await create(ann, auto_admit=True)
    await join(bob, session)
    assert (await bob.api("POST", f"sessions/{session['id']}/leave")).code == 204
    assert body_json(await ann.api("GET", f"sessions/{session['id']}"))["participant_count"] == 1
    host_leaves = await ann.api("POST", f"sessions/{session['id']}/leave")
    assert host_leaves.code == 409
    assert body_json(await join(bob, session))["state"] == "admitted"  # may come back


async def test_lists(people, befriend):
    ann, bob, cat = await people("ann", "bob", "cat")
    await befriend(ann, bob)
    hosted = await create(ann, title="Hosted")
    await create(cat, title="Cat's")
    mine = body_json(await ann.api("GET", "sessions"))["sessions"]
    assert [s["title"] for s in mine] == ["Hosted"]
    friends = body_json(await bob.api("GET", "sessions/friends"))["sessions"]
    assert [s["title"] for s in friends] == ["Hosted"]
    assert body_json(await cat.api("GET", "sessions/friends"))["sessions"] == []
    # A friend sees the session and may join it by id.
    assert (await bob.api("GET", f"sessions/{hosted['id']}")).code == 200
    assert (
        body_json(await bob.api("POST", f"sessions/{hosted['id']}/join", {}))["state"] == "waiting"
    )
    assert [s["title"] for s in body_json(await bob.api("GET", "sessions"))["sessions"]] == [
        "Hosted"
    ]


async def test_history_is_paginated_newest_first(people):
    ann, bob = await people("ann", "bob")
    for i in range(3):
        session = await create(ann, title=f"S{i}", auto_admit=True)
        await join(bob, session)
        await ann.api("POST", f"sessions/{session['id']}/end")
    page1 = body_json(await bob.api("GET", "sessions/history", params={"per_page": "2"}))
    assert [s["title"] for s in page1["sessions"]] == ["S2", "S1"]
    assert page1["total"] == 3
    page2 = body_json(
        await bob.api("GET", "sessions/history", params={"per_page": "2", "page": "2"})
    )
    assert [s["title"] for s in page2["sessions"]] == ["S0"]
    for bad in ({"page": "0"}, {"per_page": "101"}, {"page": "x"}):
        assert (await bob.api("GET", "sessions/history", params=bad)).code == 422


async def test_delete_removes_session_and_folder(people, jp_root_dir):
    (ann,) = await people("ann")
    session = await create(ann)
    folder = jp_root_dir / "codecall-sessions" / session["id"]
    (folder / "solution.py").write_text("x = 1\n")
    assert (await ann.api("DELETE", f"sessions/{session['id']}")).code == 204
    assert not folder.exists()
    assert (await ann.api("GET", f"sessions/{session['id']}")).code == 404


async def test_activity_log_records_every_change(people):
    ann, bob = await people("ann", "bob")
    session = await create(ann)
    sid = session["id"]
    await join(bob, session)
    await ann.api("POST", f"sessions/{sid}/participants/{bob.id}/admit")
    await ann.api("POST", f"sessions/{sid}/end")
    events = body_json(await bob.api("GET", f"sessions/{sid}/activity"))["events"]
    assert [e["kind"] for e in events] == ["created", "joined", "admitted", "ended"]
    assert events[1]["actor"]["username"] == "bob"
    assert events[2]["data"] == {"user_id": bob.id, "role": "candidate"}


async def test_expiry(people, codecall_services):
    ann, bob = await people("ann", "bob")
    waiting = await create(ann, title="Nobody came")
    active = await create(ann, title="Left alone", auto_admit=True)
    await join(bob, active)
    soon = utcnow() + timedelta(minutes=31)
    assert await codecall_services.sessions.expire(soon) == [active["id"]]
    later = utcnow() + timedelta(hours=25)
    assert await codecall_services.sessions.expire(later) == [waiting["id"]]
    assert body_json(await ann.api("GET", f"sessions/{active['id']}"))["end_reason"] == "idle"
    assert body_json(await ann.api("GET", f"sessions/{waiting['id']}"))["end_reason"] == "expired"
    events = body_json(await ann.api("GET", f"sessions/{waiting['id']}/activity"))["events"]
    assert events[-1]["kind"] == "ended"
    assert events[-1]["actor"] is None


async def test_admitted_guests_reach_the_session_folder(people):
    ann, bob = await people("ann", "bob")
    session = await create(ann, auto_admit=True)
    path = f"api/contents/codecall-sessions/{session['id']}"
    assert (await bob.fetch(path)).code == 403  # not joined yet
    await join(bob, session)
    assert (await bob.fetch(path)).code == 200
    await ann.api(
        "PUT", f"sessions/{session['id']}/participants/{bob.id}/role", {"role": "observer"}
    )
    write = await bob.fetch(
        f"{path}/notes.py", "PUT", json_body={"type": "file", "format": "text", "content": "x"}
    )
    assert write.code == 403  # observers read only
    await ann.api("POST", f"sessions/{session['id']}/end")
    assert (await bob.fetch(path)).code == 403


async def test_racing_joins_never_overfill(people):
    ann, *guests = await people("ann", "gus1", "gus2", "gus3", "gus4", "gus5")
    session = await create(ann, auto_admit=True, max_participants=3)
    results = await asyncio.gather(*(join(g, session) for g in guests))
    admitted = [r for r in results if r.code == 200 and body_json(r)["state"] == "admitted"]
    assert len(admitted) == 2
    assert all(r.code in (200, 409) for r in results)
    detail = body_json(await ann.api("GET", f"sessions/{session['id']}"))
    assert detail["participant_count"] == 3
    assert sum(p["state"] == "admitted" for p in detail["participants"]) == 3


async def test_racing_admits_never_overfill(people):
    ann, *guests = await people("ann", "gus1", "gus2", "gus3", "gus4")
    session = await create(ann, max_participants=2)
    for guest in guests:
        await join(guest, session)
    sid = session["id"]
    results = await asyncio.gather(
        *(ann.api("POST", f"sessions/{sid}/participants/{g.id}/admit") for g in guests)
    )
    assert sorted(r.code for r in results) == [200, 409, 409, 409]
    detail = body_json(await ann.api("GET", f"sessions/{sid}"))
    assert detail["participant_count"] == 2


async def test_blocked_people_cannot_join_or_be_invited(people, befriend, codecall_services):
    ann, bob = await people("ann", "bob")
    await befriend(ann, bob)
    session = await create(ann, invite=["bob"])
    blocked = await bob.api("POST", "blocks", {"username": "ann"})
    assert blocked.code == 201
    assert (await join(bob, session)).code == 404  # the link no longer opens for him
    assert (await bob.api("POST", f"sessions/{session['id']}/join", {})).code == 404
    again = await ann.api("POST", f"sessions/{session['id']}/invite", {"usernames": ["bob"]})
    assert again.code == 422
    assert error_code(again) == "not_a_friend"


async def test_activity_names_whom_an_event_is_about(people):
    ann, bob = await people("ann", "bob")
    session = await create(ann)
    await join(bob, session)
    await ann.api("POST", f"sessions/{session['id']}/participants/{bob.id}/admit")
    events = body_json(await ann.api("GET", f"sessions/{session['id']}/activity"))["events"]
    admitted = next(e for e in events if e["kind"] == "admitted")
    assert admitted["actor"]["username"] == "ann"
    assert admitted["subject"]["username"] == "bob"
    assert next(e for e in events if e["kind"] == "created")["subject"] is None


async def test_host_sees_whom_they_invited(people, befriend):
    ann, bob = await people("ann", "bob")
    await befriend(ann, bob)
    session = await create(ann, invite=["bob"])
    states = {p["user"]["username"]: p["state"] for p in session["participants"]}
    assert states == {"ann": "admitted", "bob": "invited"}
    own = await join(ann, session)
    assert body_json(own)["error"]["details"]["session_id"] == session["id"]
