"""Friends: requests, the crossing rule, blocks, presence, and races."""

import asyncio
from datetime import timedelta

import pytest
from sqlalchemy import func, select, update

from codecall_jupyter.store.models import (
    FriendRequest,
    Friendship,
    Participant,
    PracticeSession,
    User,
)
from codecall_jupyter.store.types import utcnow
from codecall_jupyter.testing import body_json


def error_of(response):
    body = body_json(response)
    assert set(body) == {"error"}, body
    return body["error"]


@pytest.fixture
def person(codecall_member):
    """``browser = await person("ann")``; ``browser.id`` is the account id."""

    async def make(username, **fields):
        browser = await codecall_member(username, **fields)
        browser.id = body_json(await browser.api("GET", "me"))["id"]
        return browser

    return make


async def ask(sender, to):
    return await sender.api("POST", "friends/requests", {"to": to})


async def requests_of(browser):
    return body_json(await browser.api("GET", "friends/requests"))


async def friend_names(browser):
    friends = body_json(await browser.api("GET", "friends"))["friends"]
    return [f["user"]["username"] for f in friends]


async def make_friends(a, b):
    request = body_json(await ask(a, b.username))["request"]
    accepted = await b.api("POST", f"friends/requests/{request['id']}/accept")
    assert accepted.code == 200, accepted.body


@pytest.fixture
def pair(person):
    async def make():
        ann = await person("ann", display_name="Ann Lee")
        bob = await person("bob", display_name="Bob Stone")
        ann.username, bob.username = "ann", "bob"
        return ann, bob

    return make


async def test_request_and_accept_makes_friends_on_both_sides(pair):
    ann, bob = await pair()
    sent = await ask(ann, "bob")
    assert sent.code == 201, sent.body
    body = body_json(sent)
    assert body["status"] == "pending"
    request = body["request"]
    assert request["from_user"]["username"] == "ann"
    assert request["to_user"]["username"] == "bob"
    assert request["status"] == "pending"
    assert "email" not in request["to_user"]
    assert [r["id"] for r in (await requests_of(bob))["incoming"]] == [request["id"]]
    assert [r["id"] for r in (await requests_of(ann))["outgoing"]] == [request["id"]]
    assert (await requests_of(ann))["incoming"] == []

    accepted = await bob.api("POST", f"friends/requests/{request['id']}/accept")
    assert accepted.code == 200
    friend = body_json(accepted)
    assert friend["user"]["username"] == "ann"
    assert friend["since"]
    assert await friend_names(ann) == ["bob"]
    assert await friend_names(bob) == ["ann"]
    assert await requests_of(ann) == {"incoming": [], "outgoing": []}
    assert await requests_of(bob) == {"incoming": [], "outgoing": []}

    again = await ask(ann, "bob")
    assert again.code == 409
    assert error_of(again)["code"] == "already_friends"
    twice = await bob.api("POST", f"friends/requests/{request['id']}/accept")
    assert twice.code == 409
    assert error_of(twice)["code"] == "not_pending"


async def test_decline_leaves_them_strangers_and_allows_asking_again(pair):
    ann, bob = await pair()
    request = body_json(await ask(ann, "bob"))["request"]
    declined = await bob.api("POST", f"friends/requests/{request['id']}/decline")
    assert declined.code == 204
    assert await requests_of(ann) == {"incoming": [], "outgoing": []}
    assert await requests_of(bob) == {"incoming": [], "outgoing": []}
    assert await friend_names(ann) == []
    late = await bob.api("POST", f"friends/requests/{request['id']}/accept")
    assert late.code == 409
    assert error_of(late)["code"] == "not_pending"
    assert (await bob.api("POST", f"friends/requests/{request['id']}/decline")).code == 409
    assert (await ask(ann, "bob")).code == 201


async def test_sender_cancels_their_request(pair, person):
    ann, bob = await pair()
    cy = await person("cat")
    request = body_json(await ask(ann, "bob"))["request"]
    path = f"friends/requests/{request['id']}"
    for stranger in (bob, cy):  # only the sender may cancel
        refused = await stranger.api("DELETE", path)
        assert refused.code == 404
        assert error_of(refused)["code"] == "not_found"
    assert (await ann.api("DELETE", path)).code == 204
    assert (await requests_of(bob))["incoming"] == []
    assert (await requests_of(ann))["outgoing"] == []
    again = await ann.api("DELETE", path)
    assert again.code == 409
    assert error_of(again)["code"] == "not_pending"
    assert (await bob.api("POST", f"{path}/accept")).code == 409


async def test_only_the_recipient_accepts_or_declines(pair, person):
    ann, bob = await pair()
    cy = await person("cat")
    request = body_json(await ask(ann, "bob"))["request"]
    for outsider in (ann, cy):
        for action in ("accept", "decline"):
            refused = await outsider.api("POST", f"friends/requests/{request['id']}/{action}")
            assert refused.code == 404, (action, refused.body)
            assert error_of(refused)["code"] == "not_found"
    missing = await bob.api("POST", "friends/requests/999999/accept")
    assert missing.code == 404
    assert [r["id"] for r in (await requests_of(bob))["incoming"]] == [request["id"]]
    assert await friend_names(ann) == []


async def test_either_friend_may_unfriend(pair, person):
    ann, bob = await pair()
    cy = await person("cat")
    cy.username = "cat"
    await make_friends(ann, bob)
    await make_friends(cy, ann)
    assert (await bob.api("DELETE", f"friends/{ann.id}")).code == 204
    assert await friend_names(ann) == ["cat"]
    assert await friend_names(bob) == []
    again = await bob.api("DELETE", f"friends/{ann.id}")
    assert again.code == 404
    assert (await ann.api("DELETE", f"friends/{cy.id}")).code == 204
    assert await friend_names(cy) == []
    assert (await ann.api("DELETE", f"friends/{bob.id}")).code == 404


async def test_lists_are_newest_first_and_friends_by_display_name(person):
    ann = await person("ann")
    others = {name: await person(name, display_name=shown) for name, shown in (
        ("bob", "zed"), ("cat", "Yan"), ("dan", "alex"), ("eve", "Bea")
    )}  # fmt: skip
    await ask(others["bob"], "ann")
    await ask(others["cat"], "ann")
    await ask(ann, "dan")
    await ask(ann, "eve")
    lists = await requests_of(ann)
    assert [r["from_user"]["username"] for r in lists["incoming"]] == ["cat", "bob"]
    assert [r["to_user"]["username"] for r in lists["outgoing"]] == ["eve", "dan"]
    for request in lists["incoming"]:
        await ann.api("POST", f"friends/requests/{request['id']}/accept")
    for request in lists["outgoing"]:
        await others[request["to_user"]["username"]].api(
            "POST", f"friends/requests/{request['id']}/accept"
        )
    assert await friend_names(ann) == ["dan", "eve", "cat", "bob"]  # alex, Bea, Yan, zed


async def test_asking_back_accepts_their_request(pair):
    ann, bob = await pair()
    theirs = body_json(await ask(bob, "ann"))["request"]
    crossed = await ask(ann, "bob")
    assert crossed.code == 200, crossed.body
    body = body_json(crossed)
    assert body["status"] == "friends"
    assert body["friend"]["user"]["username"] == "bob"
    assert await friend_names(ann) == ["bob"]
    assert await friend_names(bob) == ["ann"]
    assert await requests_of(ann) == {"incoming": [], "outgoing": []}
    assert await requests_of(bob) == {"incoming": [], "outgoing": []}
    assert (await ann.api("POST", f"friends/requests/{theirs['id']}/accept")).code == 409


async def test_no_request_to_oneself(person):
    ann = await person("ann", email="ann@example.test")
    for to in ("ann", " ANN ", "ann@example.test", "Ann@Example.TEST"):
        refused = await ask(ann, to)
        assert refused.code == 422, to
        assert error_of(refused)["code"] == "self_request"
    assert await requests_of(ann) == {"incoming": [], "outgoing": []}


async def test_unknown_and_disabled_usernames_are_not_found(person, codecall_services):
    ann = await person("ann")
    await person("bob", email="bob@example.test")
    await codecall_services.accounts.set_disabled("bob", True)
    for to in ("nobody", "bob"):
        missing = await ask(ann, to)
        assert missing.code == 404, to
        assert error_of(missing)["code"] == "user_not_found"
    by_email = await ask(ann, "bob@example.test")
    assert by_email.code == 202
    assert (await requests_of(ann))["outgoing"] == []


async def test_one_pending_request_per_direction(pair):
    ann, bob = await pair()
    assert (await ask(ann, "bob")).code == 201
    duplicate = await ask(ann, "bob")
    assert duplicate.code == 409
    assert error_of(duplicate)["code"] == "request_pending"
    assert len((await requests_of(bob))["incoming"]) == 1


async def test_blocked_users_cannot_ask_either_way(pair):
    ann, bob = await pair()
    assert (await ann.api("POST", "blocks", {"username": "bob"})).code == 201
    for sender, to in ((bob, "ann"), (ann, "bob")):
        refused = await ask(sender, to)
        assert refused.code == 403
        error = error_of(refused)
        assert error["code"] == "cannot_request"
        assert error["message"] == "You cannot send a friend request to this user."
    assert await requests_of(ann) == {"incoming": [], "outgoing": []}


async def test_blocking_ends_friendship_and_pending_requests(pair, person):
    ann, bob = await pair()
    cy, dan = await person("cat"), await person("dan")
    await make_friends(ann, bob)
    await ask(cy, "ann")
    await ask(ann, "dan")

    blocked = await ann.api("POST", "blocks", {"username": "bob"})
    assert blocked.code == 201
    body = body_json(blocked)
    assert body["user"]["username"] == "bob"
    assert body["blocked_at"]
    assert await friend_names(ann) == []
    assert await friend_names(bob) == []

    for name, browser in (("cat", cy), ("dan", dan)):
        assert (await ann.api("POST", "blocks", {"username": name})).code == 201
        assert await requests_of(browser) == {"incoming": [], "outgoing": []}
    assert await requests_of(ann) == {"incoming": [], "outgoing": []}
    # Being blocked removes the friendship for the blocked side too: nothing to undo.
    assert (await bob.api("DELETE", f"friends/{ann.id}")).code == 404


async def test_block_refusals(pair):
    ann, _bob = await pair()
    unknown = await ann.api("POST", "blocks", {"username": "nobody"})
    assert unknown.code == 404
    assert error_of(unknown)["code"] == "user_not_found"
    itself = await ann.api("POST", "blocks", {"username": "ann"})
    assert itself.code == 422
    assert error_of(itself)["code"] == "self_block"
    assert (await ann.api("POST", "blocks", {"username": "bob"})).code == 201
    again = await ann.api("POST", "blocks", {"username": "BOB"})
    assert again.code == 409
    assert error_of(again)["code"] == "already_blocked"


async def test_unblock(pair):
    ann, bob = await pair()
    assert body_json(await ann.api("GET", "blocks")) == {"blocked": []}
    await ann.api("POST", "blocks", {"username": "bob"})
    listed = body_json(await ann.api("GET", "blocks"))["blocked"]
    assert [b["user"]["username"] for b in listed] == ["bob"]
    assert body_json(await bob.api("GET", "blocks")) == {"blocked": []}  # one-sided
    assert (await bob.api("DELETE", f"blocks/{ann.id}")).code == 404
    assert (await ann.api("DELETE", f"blocks/{bob.id}")).code == 204
    assert body_json(await ann.api("GET", "blocks")) == {"blocked": []}
    assert (await ann.api("DELETE", f"blocks/{bob.id}")).code == 404
    assert (await ask(bob, "ann")).code == 201


async def test_asking_by_email_never_reveals_registration(pair, person):
    ann, bob = await pair()
    cy = await person("cat", email="cat@example.test")
    dan = await person("dan", email="dan@example.test")
    await cy.api("POST", "blocks", {"username": "ann"})
    await ann.api("POST", "blocks", {"username": "dan"})
    answers = [
        await ask(ann, email)
        for email in (
            "nobody@example.test",
            "BOB@example.test",  # registered: gets the request
            "cat@example.test",  # has blocked ann
            "dan@example.test",  # blocked by ann
            "bob@example.test",  # asked already
        )
    ]
    assert {(r.code, r.body) for r in answers} == {(202, b'{"status":"sent_if_registered"}')}
    assert [r["from_user"]["username"] for r in (await requests_of(bob))["incoming"]] == ["ann"]
    assert (await requests_of(cy))["incoming"] == []
    assert (await requests_of(dan))["incoming"] == []
    # The crossing rule applies by email as well, silently.
    assert (await ask(bob, "ann@example.test")).code == 202
    assert await friend_names(bob) == ["ann"]
    assert (await ask(bob, "ann@example.test")).body == answers[0].body


async def test_malformed_email_is_refused(pair):
    ann, _bob = await pair()
    refused = await ask(ann, "bob@")
    assert refused.code == 422
    assert error_of(refused)["code"] == "invalid_email"


async def test_a_friend_who_just_acted_is_online(pair, codecall_services):
    ann, bob = await pair()
    await make_friends(ann, bob)
    await bob.api("GET", "friends/requests")
    presence = body_json(await ann.api("GET", "friends"))["friends"][0]["presence"]
    assert presence["online"] is True
    assert presence["in_session"] is False
    assert presence["last_seen_at"] is not None

    long_ago = utcnow() - timedelta(minutes=10)
    async with codecall_services.accounts.db.session() as s, s.begin():
        await s.execute(update(User).where(User.id == bob.id).values(last_seen_at=long_ago))
    presence = body_json(await ann.api("GET", "friends"))["friends"][0]["presence"]
    assert presence["online"] is False
    assert presence["last_seen_at"].startswith(long_ago.strftime("%Y-%m-%dT%H:%M"))


async def test_a_friend_admitted_to_a_running_session_is_in_session(
    pair, codecall_services, codecall_admit
):
    ann, bob = await pair()
    await make_friends(ann, bob)
    db = codecall_services.accounts.db

    async def in_session():
        friends = body_json(await ann.api("GET", "friends"))["friends"]
        return friends[0]["presence"]["in_session"]

    async def change(statement):
        async with db.session() as s, s.begin():
            await s.execute(statement)

    await codecall_admit(codecall_services.owner.id, [(bob.id, "candidate", "waiting")])
    await change(update(PracticeSession).values(status="ACTIVE"))
    assert await in_session() is False  # still in the waiting room
    await change(update(Participant).where(Participant.user_id == bob.id).values(state="admitted"))
    assert await in_session() is True
    await change(update(PracticeSession).values(status="ENDED"))
    assert await in_session() is False


async def test_strangers_see_no_presence(pair, person):
    ann, bob = await pair()
    cy = await person("cat")
    await make_friends(ann, bob)
    assert body_json(await cy.api("GET", "friends")) == {"friends": []}
    for path in (f"friends/{bob.id}", f"friends/{bob.id}/presence", "presence"):
        assert (await cy.api("GET", path)).code in (404, 405), path


async def test_asking_each_other_at_once_makes_one_friendship(pair, codecall_services):
    ann, bob = await pair()
    for _ in range(3):
        answers = await asyncio.gather(ask(ann, "bob"), ask(bob, "ann"))
        codes = sorted(a.code for a in answers)
        assert codes == [200, 201], [a.body for a in answers]  # one asked, the other accepted
        assert await friend_names(ann) == ["bob"]
        assert await friend_names(bob) == ["ann"]
        assert await requests_of(ann) == {"incoming": [], "outgoing": []}
        assert await requests_of(bob) == {"incoming": [], "outgoing": []}
        async with codecall_services.accounts.db.session() as s:
            assert await s.scalar(select(func.count(Friendship.id))) == 1
        assert (await ann.api("DELETE", f"friends/{bob.id}")).code == 204


async def test_the_same_request_twice_at_once_is_pending_once(pair, codecall_services):
    ann, bob = await pair()
    answers = await asyncio.gather(ask(ann, "bob"), ask(ann, "bob"))
    assert sorted(a.code for a in answers) == [201, 409]
    assert len((await requests_of(bob))["incoming"]) == 1
    async with codecall_services.accounts.db.session() as s:
        assert await s.scalar(select(func.count(FriendRequest.id))) == 1


@pytest.mark.parametrize(
    ("path", "body"),
    [
        ("friends/requests", {"to": "bob", "note": "hi"}),
        ("friends/requests", {"to": 42}),
        ("friends/requests", {"to": ["bob"]}),
        ("friends/requests", {}),
        ("friends/requests", {"to": ""}),
        ("friends/requests", {"to": "b" * 255}),
        ("friends/requests", {"to": "bob\u0000"}),
        ("blocks", {"username": "bob", "reason": "x"}),
        ("blocks", {"username": 7}),
        ("blocks", {}),
    ],
)
async def test_bad_bodies_are_refused_and_change_nothing(pair, path, body):
    ann, bob = await pair()
    refused = await ann.api("POST", path, body)
    assert refused.code == 422, refused.body
    assert error_of(refused)["code"] == "invalid_request"
    assert await requests_of(bob) == {"incoming": [], "outgoing": []}
    assert body_json(await ann.api("GET", "blocks")) == {"blocked": []}


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("POST", "friends/requests/abc/accept"),
        ("POST", "friends/requests/-1/decline"),
        ("DELETE", "friends/requests/1e3"),
        ("DELETE", "friends/bob"),
        ("DELETE", "blocks/bob"),
    ],
)
async def test_non_numeric_ids_are_not_found(person, method, path):
    ann = await person("ann")
    response = await ann.api(method, path)
    assert response.code == 404
    assert error_of(response)["code"] == "not_found"


async def test_service_answers_for_sessions(pair, person, codecall_services):
    ann, bob = await pair()
    cy = await person("cat")
    friends = codecall_services.friends
    await make_friends(ann, bob)
    await cy.api("POST", "blocks", {"username": "ann"})
    assert await friends.are_friends(ann.id, bob.id)
    assert await friends.are_friends(bob.id, ann.id)
    assert not await friends.are_friends(ann.id, cy.id)
    assert await friends.blocked_between(ann.id, cy.id)
    assert await friends.blocked_between(cy.id, ann.id)
    assert not await friends.blocked_between(ann.id, bob.id)
    assert await friends.friend_ids(ann.id) == {bob.id}
    assert await friends.friend_ids(cy.id) == set()
