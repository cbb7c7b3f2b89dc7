"""The pre-flight check against the server's aiortc peer, from a real aiortc client."""

import asyncio
import json

import aioice.ice
import pytest
from aiortc import RTCConfiguration, RTCPeerConnection, RTCSessionDescription, VideoStreamTrack
from aiortc.mediastreams import AudioStreamTrack
from tornado.httpclient import HTTPClientError, HTTPRequest
from tornado.websocket import websocket_connect

from codecall_jupyter.app import CodeCallApp
from codecall_jupyter.channel.ice_addresses import check_addresses, restrict

pytestmark = pytest.mark.sqlite_only


@pytest.fixture
def open_preflight(jp_http_port, jp_base_url):
    async def open_(browser, origin="same"):
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in browser.cookies.items())}
        if origin:
            headers["Origin"] = f"http://127.0.0.1:{jp_http_port}" if origin == "same" else origin
        url = f"ws://127.0.0.1:{jp_http_port}{jp_base_url}codecall/api/preflight"
        return await websocket_connect(HTTPRequest(url, headers=headers))

    return open_


async def read(socket, kind, timeout=20):
    while True:
        raw = await asyncio.wait_for(socket.read_message(), timeout)
        assert raw is not None, f"closed waiting for {kind}"
        message = json.loads(raw)
        if message["type"] == kind:
            return message


async def check(socket, pc_checks):
    """Run the pre-flight check from an aiortc client over ``socket``; ``pc_checks(pc)``
    runs while the client's peer connection is still open. The server's report."""
    pc = RTCPeerConnection(RTCConfiguration(iceServers=[]))
    pc.addTrack(VideoStreamTrack())
    pc.addTrack(AudioStreamTrack())
    channel = pc.createDataChannel("preflight")
    channel.on("message", lambda m: channel.send(m.replace("ping", "pong")))
    echoed = set()
    frames = []

    @pc.on("track")
    def on_track(track):
        async def first():
            await asyncio.wait_for(track.recv(), 10)
            echoed.add(track.kind)

        frames.append(asyncio.ensure_future(first()))

    try:
        await pc.setLocalDescription(await pc.createOffer())
        offer = {"type": pc.localDescription.type, "sdp": pc.localDescription.sdp}
        socket.write_message(
            json.dumps({"type": "signal", "to": "server", "kind": "offer", "data": offer})
        )
        answer = await read(socket, "signal")
        assert answer["from"] == "server"
        await pc.setRemoteDescription(RTCSessionDescription(answer["data"]["sdp"], "answer"))
        report = await read(socket, "preflight.report")
        await asyncio.wait_for(asyncio.gather(*frames), 15)
        assert echoed == {"audio", "video"}  # the browser gets its own media back
        pc_checks(pc)
        return report
    finally:
        for task in frames:
            task.cancel()
        await pc.close()
        socket.close()


async def test_the_server_peer_echoes_media_and_reports(
    codecall_member, open_preflight, on_loopback
):
    ann = await codecall_member("ann")
    report = await check(await open_preflight(ann), on_loopback)
    assert report["connection"] == "connected"
    assert report["samples"] == 5
    assert report["rtt_ms"] is not None
    assert report["rtt_ms"] >= 0
    assert report["audio"] is True
    assert report["video"] is True
    assert report["local_candidate"] == "host"


async def test_one_check_at_a_time(codecall_member, open_preflight):
    ann = await codecall_member("ann")
    first = await open_preflight(ann)
    with pytest.raises(HTTPClientError) as refused:
        await open_preflight(ann)
    assert refused.value.code == 409
    first.close()


async def test_foreign_origin_is_refused(codecall_member, open_preflight):
    ann = await codecall_member("ann")
    for origin in (None, "http://evil.example"):
        with pytest.raises(HTTPClientError) as refused:
            await open_preflight(ann, origin=origin)
        assert refused.value.code == 403


@pytest.fixture
def codecall_config(request):
    return getattr(request, "param", {})


@pytest.mark.parametrize("codecall_config", [{"preflight_seconds": 0}], indirect=True)
async def test_switched_off(codecall_member, open_preflight):
    ann = await codecall_member("ann")
    with pytest.raises(HTTPClientError) as refused:
        await open_preflight(ann)
    assert refused.value.code == 404


@pytest.mark.parametrize("codecall_config", [{"preflight_seconds": 1}], indirect=True)
async def test_time_limited(codecall_member, open_preflight):
    ann = await codecall_member("ann")
    socket = await open_preflight(ann)
    assert await asyncio.wait_for(socket.read_message(), 10) is None  # closed by the server
    assert socket.close_code == 1000
    again = await open_preflight(ann)  # the slot is free again
    again.close()


@pytest.mark.parametrize("codecall_config", [{"webrtc_host_addresses": ["::1"]}], indirect=True)
async def test_the_server_peer_offers_only_the_configured_addresses(
    codecall_member, open_preflight, on_loopback
):
    # The tests' own restriction is 127.0.0.1: ::1 everywhere is the server's setting at
    # work (it holds for the whole process, so the client in this process follows it too).
    ann = await codecall_member("ann")
    report = await check(await open_preflight(ann), lambda pc: on_loopback(pc, "::1"))
    assert report["connection"] == "connected"
    assert report["samples"] == 5


def test_host_addresses_are_checked():
    assert check_addresses([" 127.0.0.1", "::0001", "127.0.0.1"]) == ["127.0.0.1", "::1"]
    for bad in ("eth0", "localhost", "0.0.0.0", "::", "224.0.0.251"):  # noqa: S104 - refused
        with pytest.raises(ValueError, match="webrtc_host_addresses"):
            check_addresses([bad])
    with pytest.raises(ValueError, match="'eth0' is not an IP address"):
        CodeCallApp(webrtc_host_addresses=["eth0"])  # a server with it refuses to start


def test_the_restriction_follows_the_peer_families():
    previous = restrict(["127.0.0.1", "::1"])
    try:
        assert aioice.ice.get_host_addresses(use_ipv4=True, use_ipv6=True) == ["127.0.0.1", "::1"]
        assert aioice.ice.get_host_addresses(use_ipv4=True, use_ipv6=False) == ["127.0.0.1"]
        assert aioice.ice.get_host_addresses(use_ipv4=False, use_ipv6=True) == ["::1"]
        restrict([])  # aioice's own choice again: every interface but loopback
        assert "127.0.0.1" not in aioice.ice.get_host_addresses(use_ipv4=True, use_ipv6=True)
    finally:
        restrict(previous)
