"""The pre-flight check: a WebRTC peer run by the server with aiortc. The browser calls it
through the same signaling messages as the session channel; it sends the browser's own
audio and video back, measures the round trip over a data channel, and reports which
ICE candidate types connected."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Callable
from typing import Any

from aiortc import RTCConfiguration, RTCPeerConnection, RTCSessionDescription
from aiortc.contrib.media import MediaRelay
from aiortc.mediastreams import MediaStreamTrack

log = logging.getLogger(__name__)
SERVER = "server"  # the connection id the browser addresses the server peer by


class PreflightPeer:
    def __init__(self, send: Callable[[dict[str, Any]], None], pings: int = 5) -> None:
        self.send = send
        self.pings = pings
        # Its host candidates: aioice's choice (every interface but loopback) or the
        # operator's CodeCallApp.webrtc_host_addresses (channel/ice_addresses.py).
        self.pc = RTCPeerConnection(RTCConfiguration(iceServers=[]))
        self.relay = MediaRelay()
        self.kinds: set[str] = set()
        self._rtts: list[float] = []
        self._pongs: asyncio.Queue[str] = asyncio.Queue()
        self._report: asyncio.Task[None] | None = None
        self.pc.on("track", self._echo)
        self.pc.on("datachannel", self._on_channel)

    def _echo(self, track: MediaStreamTrack) -> None:
        # The browser sees and hears itself: camera and microphone work end to end.
        self.kinds.add(track.kind)
        self.pc.addTrack(self.relay.subscribe(track))

    def _on_channel(self, channel: Any) -> None:
        channel.on("message", lambda message: self._pongs.put_nowait(str(message)))
        self._report = asyncio.ensure_future(self._measure(channel))

    async def answer(self, data: dict[str, Any]) -> None:
        await self.pc.setRemoteDescription(RTCSessionDescription(data["sdp"], data["type"]))
        await self.pc.setLocalDescription(await self.pc.createAnswer())
        local = self.pc.localDescription
        self.send(
            {
                "type": "signal",
                "from": SERVER,
                "from_user": None,
                "kind": "answer",
                "data": {"type": local.type, "sdp": local.sdp},
            }
        )

    async def _measure(self, channel: Any) -> None:
        with contextlib.suppress(asyncio.TimeoutError):
            if channel.readyState != "open":
                opened = asyncio.Event()
                channel.on("open", opened.set)
                await asyncio.wait_for(opened.wait(), 10)
            for n in range(self.pings):
                sent = time.perf_counter()
                channel.send(f"ping {n}")
                while (await asyncio.wait_for(self._pongs.get(), 5)) != f"pong {n}":
                    pass
                self._rtts.append((time.perf_counter() - sent) * 1000)
        self.send({"type": "preflight.report", **self.report()})

    def report(self) -> dict[str, Any]:
        local, remote = _candidate_types(self.pc)
        rtts = sorted(self._rtts)
        return {
            "connection": self.pc.connectionState,
            "rtt_ms": round(rtts[len(rtts) // 2], 2) if rtts else None,
            "samples": len(rtts),
            "local_candidate": local,
            "remote_candidate": remote,
            "audio": "audio" in self.kinds,
            "video": "video" in self.kinds,
        }

    async def close(self) -> None:
        if self._report is not None:
            self._report.cancel()
        await self.pc.close()


def _candidate_types(pc: RTCPeerConnection) -> tuple[str | None, str | None]:
    """The candidate types of the nominated pair (host, srflx, relay), when known."""
    try:
        transport = pc.sctp.transport.transport if pc.sctp else None
        connection = transport._connection if transport else None  # aioice's, no public API
        pair = connection._nominated.get(1) if connection else None
        if pair is None:
            return None, None
        return pair.local_candidate.type, pair.remote_candidate.type
    except AttributeError:
        return None, None
