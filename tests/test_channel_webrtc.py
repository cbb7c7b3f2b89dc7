"""Real aiortc peers (not mocks) negotiate through the session channel: offers and
answers relayed by the server, data channels opening, audio and video arriving."""

import asyncio
import contextlib

import pytest
from aiortc import (
    RTCConfiguration,
    RTCPeerConnection,
    RTCSessionDescription,
    VideoStreamTrack,
)
from aiortc.mediastreams import AudioStreamTrack

from codecall_jupyter.testing import ChannelClient, body_json

pytestmark = pytest.mark.sqlite_only  # the relay keeps no state in the database

# Every peer gathers 127.0.0.1 only: tests/conftest.py's autouse ``loopback_webrtc``.


class Peer:
    """A participant's browser tab: a channel socket and one RTCPeerConnection per peer."""

    def __init__(self, name, client, connection_id):
        self.name = name
        self.client = client
        self.id = connection_id
        self.pcs = {}
        self.received = {}  # remote connection id -> list of data-channel messages
        self.kinds = {}  # remote connection id -> set of track kinds that delivered a frame
        self.opened = {}  # remote connection id -> Event set when a data channel is open
        self.frame_tasks = []
        self.task = asyncio.ensure_future(self._listen())

    def _pc(self, remote):
        pc = RTCPeerConnection(RTCConfiguration(iceServers=[]))
        self.pcs[remote] = pc
        self.received[remote] = []
        self.kinds[remote] = set()
        self.opened[remote] = asyncio.Event()
        pc.addTrack(VideoStreamTrack())
        pc.addTrack(AudioStreamTrack())

        @pc.on("track")
        def on_track(track):
            self.frame_tasks.append(asyncio.ensure_future(self._first_frame(remote, track)))

        @pc.on("datachannel")
        def on_datachannel(channel):
            self._wire(remote, channel)
            self.opened[remote].set()

        return pc

    def _wire(self, remote, channel):
        @channel.on("message")
        def on_message(message):
            self.received[remote].append(message)

    async def _first_frame(self, remote, track):
        with contextlib.suppress(Exception):
            await asyncio.wait_for(track.recv(), 10)
            self.kinds[remote].add(track.kind)

    async def call(self, remote):
        pc = self._pc(remote)
        channel = pc.createDataChannel("chat")
        self._wire(remote, channel)

        @channel.on("open")
        def on_open():
            self.opened[remote].set()

        self.channels = getattr(self, "channels", {})
        self.channels[remote] = channel
        await pc.setLocalDescription(await pc.createOffer())
        await self._signal(remote, "offer", pc.localDescription)

    async def _signal(self, remote, kind, description):
        data = {"type": description.type, "sdp": description.sdp}
        await self.client.send({"type": "signal", "to": remote, "kind": kind, "data": data})

    async def _listen(self):
        while True:
            message = await self.client.next("signal", timeout=60)
            remote, data = message["from"], message["data"]
            if message["kind"] == "offer":
                pc = self._pc(remote)
                await pc.setRemoteDescription(RTCSessionDescription(data["sdp"], data["type"]))
                await pc.setLocalDescription(await pc.createAnswer())
                await self._signal(remote, "answer", pc.localDescription)
            elif message["kind"] == "answer":
                pc = self.pcs[remote]
                await pc.setRemoteDescription(RTCSessionDescription(data["sdp"], data["type"]))

    async def close(self):
        self.task.cancel()
        for task in self.frame_tasks:
            task.cancel()
        for pc in self.pcs.values():
            await pc.close()
        self.client.close()


async def connect_people(names, codecall_member, codecall_services, jp_http_port):
    host = await codecall_member(names[0])
    created = body_json(
        await host.api(
            "POST",
            "sessions",
            {"title": "Mesh", "max_participants": len(names), "auto_admit": True},
        )
    )
    token = created["invite_url"].split("codecall-join=")[1]
    browsers = [host]
    for name in names[1:]:
        guest = await codecall_member(name)
        assert (
            body_json(await guest.api("POST", "sessions/join", {"token": token}))["state"]
            == "admitted"
        )
        browsers.append(guest)
    peers = []
    for name, browser in zip(names, browsers, strict=True):
        client = await ChannelClient.open(browser, jp_http_port, created["id"])
        hello = await client.next("hello")
        await client.next("snapshot")
        peers.append(Peer(name, client, hello["connection_id"]))
    return peers


async def wait_for(condition, timeout=20.0):
    deadline = asyncio.get_running_loop().time() + timeout
    while not condition():
        if asyncio.get_running_loop().time() > deadline:
            raise TimeoutError
        await asyncio.sleep(0.05)


async def mesh(peers):
    """Everyone calls everyone after them; check data, audio and video on every pair."""
    for i, caller in enumerate(peers):
        for callee in peers[i + 1 :]:
            await caller.call(callee.id)
    for i, caller in enumerate(peers):
        for callee in peers[i + 1 :]:
            await asyncio.wait_for(caller.opened[callee.id].wait(), 20)
            await asyncio.wait_for(callee.opened[caller.id].wait(), 20)
            caller.channels[callee.id].send(f"hello from {caller.name}")
            await wait_for(lambda c=callee, r=caller: f"hello from {r.name}" in c.received[r.id])
            for a, b in ((caller, callee), (callee, caller)):
                await wait_for(lambda a=a, b=b: a.kinds[b.id] == {"audio", "video"})


async def test_two_peers_connect_through_the_channel(
    codecall_member, codecall_services, jp_http_port, on_loopback
):
    peers = await connect_people(["ann", "bob"], codecall_member, codecall_services, jp_http_port)
    try:
        await mesh(peers)
        ann, bob = peers
        assert ann.pcs[bob.id].connectionState == "connected"
        # The media went over loopback: only 127.0.0.1 in either SDP, and the pair in use.
        on_loopback(ann.pcs[bob.id])
        on_loopback(bob.pcs[ann.id])
    finally:
        for peer in peers:
            await peer.close()


async def test_three_peers_form_a_mesh(
    codecall_member, codecall_services, jp_http_port, on_loopback
):
    peers = await connect_people(
        ["ann", "bob", "cat"], codecall_member, codecall_services, jp_http_port
    )
    try:
        await mesh(peers)
        for peer in peers:
            assert len(peer.pcs) == 2
            assert all(pc.connectionState == "connected" for pc in peer.pcs.values())
            for pc in peer.pcs.values():
                on_loopback(pc)
    finally:
        for peer in peers:
            await peer.close()
