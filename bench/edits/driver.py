"""One load-generating process: for each of its rooms, two Yjs clients (pycrdt) that type
into a shared text at a steady rate; every update is timed from the local apply at one
client to its arrival in the other client's document.

    python driver.py CONFIG_JSON OUT_JSON

CONFIG: {"kind": "jupyter" | "y-websocket" | "hocuspocus", "url": ..., "token": ...,
"rooms": [names], "rate": updates per second per client, "warmup": s, "seconds": s,
"drain": s}. OUT: latencies in ms of updates sent during the measured window, and how
many of those were sent and received.
"""

from __future__ import annotations

import asyncio
import json
import random
import re
import sys
import time
from pathlib import Path
from typing import Any

from pycrdt import (
    Decoder,
    Doc,
    Encoder,
    Text,
    YMessageType,
    YSyncMessageType,
    create_sync_message,
    create_update_message,
    handle_sync_message,
)
from tornado.httpclient import AsyncHTTPClient, HTTPRequest
from tornado.websocket import WebSocketClientConnection, websocket_connect

TOKEN = re.compile(r"([ab])(\d+);")
HOCUSPOCUS_AUTH, HOCUSPOCUS_SYNC_REPLY, HOCUSPOCUS_TOKEN = 2, 4, 0


class Stats:
    def __init__(self) -> None:
        self.sent_at: dict[tuple[str, str, int], float] = {}
        self.latencies: list[float] = []
        self.measuring = False
        self.window_sent: set[tuple[str, str, int]] = set()
        self.window_received = 0
        self.errors: list[str] = []


class Client:
    def __init__(self, config: dict[str, Any], room: str, name: str, stats: Stats) -> None:
        self.config, self.room, self.name, self.stats = config, room, name, stats
        self.kind: str = config["kind"]
        self.doc = Doc()
        self.text = self.doc.get("source", type=Text)
        self.text.observe(self._arrived)
        self.connection: WebSocketClientConnection | None = None
        self.synced = asyncio.Event()
        self.seq = 0
        self.applying_remote = False
        self.reader: asyncio.Task[None] | None = None

    # -- wire format --------------------------------------------------------------------
    def _frame(self, message: bytes) -> bytes:
        if self.kind != "hocuspocus":
            return message
        encoder = Encoder()
        encoder.write_var_string(self.room)
        return encoder.to_bytes() + message

    def _unframe(self, message: bytes) -> bytes | None:
        if self.kind != "hocuspocus":
            return message
        decoder = Decoder(message)
        name = decoder.read_var_string()
        rest = message[len(self._frame(b"")) :] if name == self.room else None
        if rest and rest[0] == HOCUSPOCUS_SYNC_REPLY:
            rest = bytes([YMessageType.SYNC]) + rest[1:]
        return rest

    async def connect(self) -> None:
        config = self.config
        if self.kind == "jupyter":
            headers = {"Authorization": f"token {config['token']}"}
            response = await AsyncHTTPClient().fetch(
                HTTPRequest(
                    f"{config['url']}/api/collaboration/session/{self.room}",
                    method="PUT",
                    headers={**headers, "Content-Type": "application/json"},
                    body=json.dumps({"format": "text", "type": "file"}),
                    request_timeout=60,
                )
            )
            session = json.loads(response.body)
            ws = config["url"].replace("http", "ws", 1)
            url = f"{ws}/api/collaboration/room/text:file:{session['fileId']}"
            request = HTTPRequest(f"{url}?sessionId={session['sessionId']}", headers=headers)
        elif self.kind == "y-websocket":
            request = HTTPRequest(config["url"].replace("http", "ws", 1) + "/" + self.room)
        else:
            request = HTTPRequest(config["url"].replace("http", "ws", 1))
        request.connect_timeout = request.request_timeout = 60
        self.connection = await websocket_connect(request, max_message_size=64 << 20)
        if self.kind == "hocuspocus":
            auth = Encoder()
            auth.write_var_uint(HOCUSPOCUS_AUTH)
            auth.write_var_uint(HOCUSPOCUS_TOKEN)
            auth.write_var_string("")
            await self.send(auth.to_bytes())
        await self.send(create_sync_message(self.doc))
        self.reader = asyncio.create_task(self._read())

    async def send(self, message: bytes) -> None:
        assert self.connection is not None
        await self.connection.write_message(self._frame(message), binary=True)

    async def _read(self) -> None:
        assert self.connection is not None
        while True:
            raw = await self.connection.read_message()
            if raw is None:
                return
            if not isinstance(raw, bytes):
                continue
            message = self._unframe(raw)
            if not message or message[0] != YMessageType.SYNC:
                continue
            self.applying_remote = True
            try:
                reply = handle_sync_message(message[1:], self.doc)
            finally:
                self.applying_remote = False
            if message[1] == YSyncMessageType.SYNC_STEP2:
                self.synced.set()
            if reply is not None:
                await self.send(reply)

    # -- typing and timing ------------------------------------------------------------------
    def _arrived(self, event: Any) -> None:
        if not self.applying_remote:
            return
        now = time.perf_counter()
        for op in event.delta:
            inserted = op.get("insert")
            if not isinstance(inserted, str):
                continue
            for match in TOKEN.finditer(inserted):
                if match.group(1) == self.name:
                    continue
                key = (self.room, match.group(1), int(match.group(2)))
                sent = self.stats.sent_at.pop(key, None)
                if sent is not None and key in self.stats.window_sent:
                    self.stats.latencies.append((now - sent) * 1000)
                    self.stats.window_received += 1

    async def type_until(self, stop: float, rate: float) -> None:
        interval = 1.0 / rate
        await asyncio.sleep(random.random() * interval)  # spread the clients' phases
        while time.perf_counter() < stop:
            token = f"{self.name}{self.seq};"
            before = self.doc.get_state()
            self.text.insert(len(self.text), token)
            key = (self.room, self.name, self.seq)
            self.stats.sent_at[key] = time.perf_counter()
            if self.stats.measuring:
                self.stats.window_sent.add(key)
            self.seq += 1
            try:
                await self.send(create_update_message(self.doc.get_update(before)))
            except Exception as exc:
                self.stats.errors.append(repr(exc))
                return
            await asyncio.sleep(interval * random.uniform(0.8, 1.2))


async def main(config_path: str, out_path: str) -> None:
    config = json.loads(Path(config_path).read_text())  # noqa: ASYNC240 - before any I/O
    stats = Stats()
    clients = [Client(config, room, name, stats) for room in config["rooms"] for name in "ab"]
    # Connect in small waves: the point is typing latency, not a connection storm.
    for start in range(0, len(clients), 20):
        await asyncio.gather(*(c.connect() for c in clients[start : start + 20]))
    await asyncio.gather(*(asyncio.wait_for(c.synced.wait(), 120) for c in clients))
    Path(out_path + ".ready").touch()  # noqa: ASYNC240 - tells the orchestrator, once

    rate, warmup, seconds = config["rate"], config["warmup"], config["seconds"]
    begin = time.perf_counter()
    stop = begin + warmup + seconds
    typing = [asyncio.create_task(c.type_until(stop, rate)) for c in clients]
    await asyncio.sleep(warmup)
    stats.measuring = True
    await asyncio.sleep(seconds)
    stats.measuring = False
    await asyncio.gather(*typing)
    drain_until = time.perf_counter() + config["drain"]
    while stats.window_received < len(stats.window_sent):
        if time.perf_counter() > drain_until:
            break
        await asyncio.sleep(0.1)
    result = {
        "latencies_ms": stats.latencies,
        "sent": len(stats.window_sent),
        "received": stats.window_received,
        "errors": stats.errors[:10],
    }
    Path(out_path).write_text(json.dumps(result))  # noqa: ASYNC240 - the run is over


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1], sys.argv[2]))
