"""ICE servers for WebRTC: STUN, TURN REST credentials, and who may have them."""

import base64
import hashlib
import hmac
import time

import pytest

from codecall_jupyter.services.ice import IceService, check_urls
from codecall_jupyter.testing import body_json

SECRET = "turn-shared-secret-4f9a"
STUN = ["stun:stun.example.test:3478"]
TURN = ["turn:turn.example.test:3478?transport=udp", "turns:turn.example.test:5349"]


@pytest.fixture
def pair(codecall_member, codecall_services):
    """A session hosted by ann with bob admitted, cat waiting: ``(ann, bob, cat, id)``."""

    async def make():
        browsers = []
        for name in ("ann", "bob", "cat"):
            browser = await codecall_member(name)
            browser.id = (await codecall_services.accounts.by_username(name)).id
            browsers.append(browser)
        ann, bob, cat = browsers
        created = await ann.api("POST", "sessions", {"title": "t", "max_participants": 3})
        session = body_json(created)
        token = session["invite_url"].split("codecall-join=")[1]
        for guest in (bob, cat):
            assert (await guest.api("POST", "sessions/join", {"token": token})).code == 200
        admit = await ann.api("POST", f"sessions/{session['id']}/participants/{bob.id}/admit")
        assert admit.code == 200, admit.body
        return ann, bob, cat, session["id"]

    return make


def expected_credential(username: str) -> str:
    digest = hmac.new(SECRET.encode(), username.encode(), hashlib.sha1).digest()
    return base64.b64encode(digest).decode()


async def test_no_servers_by_default(pair):
    ann, _, _, sid = await pair()
    body = body_json(await ann.api("GET", f"sessions/{sid}/ice"))
    assert body["ice_servers"] == []


@pytest.mark.parametrize("codecall_config", [{"stun_urls": STUN}])
async def test_stun_only(pair):
    _, bob, _, sid = await pair()
    body = body_json(await bob.api("GET", f"sessions/{sid}/ice"))
    assert body["ice_servers"] == [{"urls": STUN}]  # no username or credential keys


@pytest.mark.parametrize(
    "codecall_config",
    [
        {
            "stun_urls": STUN,
            "turn_urls": TURN,
            "turn_secret": SECRET,
            "turn_credential_ttl_seconds": 3600,
        }
    ],
)
async def test_turn_credentials(pair):
    ann, bob, _, sid = await pair()
    before = int(time.time())
    response = await bob.api("GET", f"sessions/{sid}/ice")
    after = int(time.time())
    assert response.code == 200, response.body
    assert "no-store" in response.headers["Cache-Control"]
    assert SECRET not in response.body.decode()
    body = body_json(response)
    stun, turn = body["ice_servers"]
    assert stun == {"urls": STUN}
    assert turn["urls"] == TURN
    assert before + 3600 <= body["expires_at"] <= after + 3600
    assert turn["username"] == f"{body['expires_at']}:{bob.id}"
    assert turn["credential"] == expected_credential(turn["username"])
    # Each person gets their own credential.
    host_turn = body_json(await ann.api("GET", f"sessions/{sid}/ice"))["ice_servers"][1]
    assert host_turn["username"].endswith(f":{ann.id}")


@pytest.mark.parametrize("codecall_config", [{"turn_urls": TURN, "turn_secret": SECRET}])
async def test_only_the_host_and_admitted_participants(pair, codecall_member):
    ann, bob, cat, sid = await pair()
    dan = await codecall_member("dan")
    for stranger in (cat, dan):  # cat is waiting, dan never joined
        response = await stranger.api("GET", f"sessions/{sid}/ice")
        assert response.code == 404
        assert SECRET not in response.body.decode()
    assert (await dan.api("GET", "sessions/nope/ice")).code == 404
    assert (await bob.api("POST", f"sessions/{sid}/leave")).code == 204
    assert (await bob.api("GET", f"sessions/{sid}/ice")).code == 404
    assert (await ann.api("POST", f"sessions/{sid}/end")).code == 200
    ended = await ann.api("GET", f"sessions/{sid}/ice")
    assert ended.code == 409
    assert body_json(ended)["error"]["code"] == "session_ended"


@pytest.mark.parametrize("codecall_config", [{"stun_urls": STUN, "turn_urls": TURN}])
async def test_turn_without_a_secret_is_left_out(pair):
    ann, _, _, sid = await pair()
    body = body_json(await ann.api("GET", f"sessions/{sid}/ice"))
    assert body["ice_servers"] == [{"urls": STUN}]


@pytest.mark.sqlite_only
def test_the_service_with_a_fixed_clock():
    ice = IceService(STUN, TURN, SECRET, ttl=600, clock=lambda: 1_000.9)
    servers, expires_at = ice.servers_for(42)
    assert expires_at == 1_600
    assert servers[1]["username"] == "1600:42"
    assert servers[1]["credential"] == expected_credential("1600:42")
    assert SECRET not in repr(ice)
    assert IceService([], TURN, "", ttl=600, clock=lambda: 5.0).servers_for(1) == ([], 605)


@pytest.mark.sqlite_only
def test_urls_must_be_ice_urls():
    with pytest.raises(ValueError, match="https://x"):
        IceService(["https://x"], [], "", ttl=60)
    with pytest.raises(ValueError, match="stun:x"):
        IceService([], ["stun:x"], SECRET, ttl=60)
    assert check_urls(TURN, ("turn:", "turns:")) == TURN
