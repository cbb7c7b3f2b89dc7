"""The pre-flight check against the server's aiortc peer, from a real aiortc client."""

import asyncio

import aioice.ice
import pytest
from aiortc import RTCConfiguration, RTCPeerConnection, RTCSessionDescription, VideoStreamTrack
from aiortc.mediastreams import AudioStreamTrack
from tornado.httpclient import HTTPClientError, HTTPRequest
from tornado.websocket import websocket_connect

pytestmark = pytest.mark.sqlite_only


@pytest.fixture(autouse=True)
def loopback_only(monkeypatch):
    # aioice gathers every interface but loopback; both peers must use 127.0.0.1 only.
    monkeypatch.setattr(aioice.ice, "get_host_addresses", lambda use_ipv4, use_ipv6: ["127.0.0.1"])


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
    import json

    while True:
        raw = await asyncio.wait_for(socket.read_message(), timeout)
        assert raw is not None, f"closed waiting for {kind}"
        message = json.loads(raw)
        if message["type"] == kind:
            return message


async def test_the_server_peer_echoes_media_and_reports(codecall_member, open_preflight):
    import json

    ann = await codecall_member("ann")
    socket = await open_preflight(ann)
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
        assert report["connection"] == "connected"
        assert report["samples"] == 5
        assert report["rtt_ms"] is not None
        assert report["rtt_ms"] >= 0
        assert report["audio"] is True
        assert report["video"] is True
        assert report["local_candidate"] == "host"
        await asyncio.wait_for(asyncio.gather(*frames), 15)
        assert echoed == {"audio", "video"}  # the browser gets its own media back
    finally:
        for task in frames:
            task.cancel()
        await pc.close()
        socket.close()


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
