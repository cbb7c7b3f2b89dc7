"""The user's events socket (``/codecall/api/me/events``): a friend request, an answer,
an invitation or an admission reaches the other person's page at once, on this server
and, through PostgreSQL LISTEN/NOTIFY, on another server that shares the database."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from server_process import ServerProcess
from tornado.httpclient import AsyncHTTPClient, HTTPClientError

from codecall_jupyter.testing import Browser, ChannelClient, body_json, join_session
from codecall_jupyter.testing import create_session as create

EVENTS = "codecall/api/me/events"


@pytest.fixture
def events(jp_http_port):
    opened: list[ChannelClient] = []

    async def open_(browser, **kwargs) -> ChannelClient:
        client = await ChannelClient.connect(browser, jp_http_port, EVENTS, **kwargs)
        opened.append(client)
        assert (await client.next())["type"] == "hello"
        return client

    yield open_
    for client in opened:
        client.close()


async def friend_request(sender: Browser, to: str) -> dict[str, Any]:
    response = await sender.api("POST", "friends/requests", {"to": to})
    assert response.code in (200, 201), response.body
    return body_json(response)


async def test_a_friend_request_and_its_answer_reach_both_pages(people, events):
    ann, bob = await people("ann", "bob")
    ann_page, bob_page = await events(ann), await events(bob)

    await friend_request(ann, "bob")
    heard = await bob_page.next("changed", timeout=5)
    assert heard == {"type": "changed", "topic": "friends", "kind": "friend_request", "by": "Ann"}
    # The sender's own page reloads its outgoing list too.
    assert (await ann_page.next("changed", timeout=5))["topic"] == "friends"

    incoming = body_json(await bob.api("GET", "friends/requests"))["incoming"]
    response = await bob.api("POST", f"friends/requests/{incoming[0]['id']}/accept")
    assert response.code == 200, response.body
    accepted = await ann_page.next("changed", timeout=5)
    assert accepted["kind"] == "friend_accepted"
    assert accepted["by"] == "Bob"


async def test_an_invitation_and_an_admission_reach_the_guest_and_the_host(people, events):
    ann, bob, cat = await people("ann", "bob", "cat")
    await friend_request(ann, "bob")
    incoming = body_json(await bob.api("GET", "friends/requests"))["incoming"]
    await bob.api("POST", f"friends/requests/{incoming[0]['id']}/accept")
    ann_page, bob_page, cat_page = await events(ann), await events(bob), await events(cat)

    session = await create(ann, invite=["bob"])
    assert (await bob_page.next("changed", timeout=5))["topic"] == "sessions"

    response = await join_session(bob, session)
    assert response.code == 200, response.body
    # The host hears someone is waiting (or joined) without polling.
    while (await ann_page.next("changed", timeout=5))["topic"] != "sessions":
        pass
    # Someone with no place in the session hears nothing of it.
    with pytest.raises(TimeoutError):
        await cat_page.next("changed", timeout=1)


async def test_each_open_page_of_a_user_hears_and_a_closed_one_is_forgotten(
    people, events, codecall_services
):
    ann, bob = await people("ann", "bob")
    first, second = await events(bob), await events(bob)
    assert codecall_services.events.subscribed(bob.id) == 2
    first.close()
    for _ in range(50):
        if codecall_services.events.subscribed(bob.id) == 1:
            break
        await asyncio.sleep(0.05)
    assert codecall_services.events.subscribed(bob.id) == 1

    await friend_request(ann, "bob")
    assert (await second.next("changed", timeout=5))["kind"] == "friend_request"


async def test_strangers_and_foreign_pages_are_refused(people, events, codecall_browser):
    (ann,) = await people("ann")
    with pytest.raises(HTTPClientError) as anonymous:
        await events(codecall_browser())
    assert anonymous.value.code == 403
    for origin in (None, "http://evil.example.test"):
        with pytest.raises(HTTPClientError) as foreign:
            await events(ann, origin=origin)
        assert foreign.value.code == 403


async def test_anything_but_a_ping_gets_an_error_and_the_socket_stays(people, events):
    (ann,) = await people("ann")
    page = await events(ann)
    await page.send("not json")
    assert (await page.next("error"))["code"] == "invalid_message"
    await page.send({"type": "ping"})
    assert await page.next("pong")


class RemoteClient:
    """Browser's HTTP client for a server in another process."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.http = AsyncHTTPClient()

    async def fetch(self, path: str, **kwargs: Any) -> Any:
        return await self.http.fetch(self.url + path, **kwargs)


@pytest.mark.timeout(180)
@pytest.mark.parametrize("codecall_backend", ["postgresql"], indirect=True)
async def test_a_friend_request_sent_on_one_server_reaches_a_page_on_another(
    people, events, codecall_db_url, tmp_path
):
    """JupyterHub: Ann and Bob each have a server of their own on one database."""
    ann, bob = await people("ann", "bob")
    other = ServerProcess(tmp_path / "bobs-server", db_url=codecall_db_url)
    other.start()
    try:
        bob_there = Browser(RemoteClient(other.url), "/")
        response = await bob_there.login("bob", "correct horse 1")
        assert response.code == 302, response.body
        bob_page = await ChannelClient.connect(bob_there, other.port, EVENTS)
        assert (await bob_page.next())["type"] == "hello"
        ann_page = await events(ann)

        loop = asyncio.get_running_loop()
        sent_at = loop.time()
        await friend_request(ann, "bob")
        heard = await bob_page.next("changed", timeout=10)
        took = loop.time() - sent_at
        assert heard["kind"] == "friend_request"
        assert heard["by"] == "Ann"
        assert took < 5, f"took {took:.2f} s"

        # And back: Bob accepts on his server; Ann's page on hers hears it.
        incoming = body_json(await bob_there.api("GET", "friends/requests"))["incoming"]
        response = await bob_there.api("POST", f"friends/requests/{incoming[0]['id']}/accept")
        assert response.code == 200, response.body
        while (await ann_page.next("changed", timeout=10))["kind"] != "friend_accepted":
            pass
        bob_page.close()
    finally:
        other.stop()
