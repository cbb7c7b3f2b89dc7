"""A Yjs client in a process of its own that types into a text file's room the way an
editor does, through server crashes: it keeps its copy while disconnected, keeps typing,
reconnects with backoff and resyncs. Used by the durability tests.

    python collab_typist.py URL TOKEN PATH NAME COUNT INTERVAL OTHER_LAST OUT

Types COUNT tokens "<NAME><n>;" at INTERVAL seconds, then waits until the document holds
OTHER_LAST (the other typist's last token; "" for none) and writes JSON to OUT: what it
typed, when it first saw each token of another client (such a token came from the server:
it was accepted), and the final text. With COUNT 0 it only reads the document.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import re
import sys
import time
from typing import Any

from pycrdt import (
    Doc,
    Text,
    YMessageType,
    YSyncMessageType,
    create_sync_message,
    create_update_message,
    handle_sync_message,
)
from tornado.httpclient import AsyncHTTPClient, HTTPRequest
from tornado.websocket import WebSocketClientConnection, websocket_connect

TOKEN_RE = re.compile(r"([a-z]+)(\d+);")


class Typist:
    def __init__(self, url: str, token: str, path: str, name: str) -> None:
        self.url, self.token, self.path, self.name = url.rstrip("/"), token, path, name
        self.doc = Doc()
        self.text = self.doc.get("source", type=Text)
        self.connection: WebSocketClientConnection | None = None
        self.synced = asyncio.Event()
        self.first_seen: dict[str, float] = {}
        self.step2 = 0

    def _note_tokens(self) -> None:
        now = time.time()
        for match in TOKEN_RE.finditer(str(self.text)):
            if match.group(1) != self.name:
                self.first_seen.setdefault(match.group(0), now)

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"token {self.token}"}

    async def connect(self) -> None:
        """(Re)connect until it works: a new document session, then the room."""
        delay = 0.1
        while True:
            try:
                response = await AsyncHTTPClient().fetch(
                    HTTPRequest(
                        f"{self.url}/api/collaboration/session/{self.path}",
                        method="PUT",
                        headers={**self.headers, "Content-Type": "application/json"},
                        body=json.dumps({"format": "text", "type": "file"}),
                        request_timeout=5,
                    )
                )
                session = json.loads(response.body)
                room = f"text:file:{session['fileId']}?sessionId={session['sessionId']}"
                ws_url = self.url.replace("http", "ws", 1) + f"/api/collaboration/room/{room}"
                self.connection = await websocket_connect(
                    HTTPRequest(ws_url, headers=self.headers, request_timeout=5)
                )
                await self.send(create_sync_message(self.doc))
                return
            except Exception:
                self.connection = None
                await asyncio.sleep(delay)
                delay = min(delay * 2, 1.0)

    async def send(self, message: bytes) -> None:
        if self.connection is None:
            return
        with contextlib.suppress(Exception):
            await self.connection.write_message(message, binary=True)

    async def read_forever(self) -> None:
        while True:
            if self.connection is None:
                await self.connect()
            assert self.connection is not None
            message = await self.connection.read_message()
            if message is None:  # the server went away: keep the copy, come back
                self.connection = None
                self.synced.clear()
                continue
            if isinstance(message, bytes) and message[0] == YMessageType.SYNC:
                reply = handle_sync_message(message[1:], self.doc)
                self._note_tokens()  # what the server sent: tokens of others are accepted
                if message[1] == YSyncMessageType.SYNC_STEP2:
                    self.step2 += 1
                    self.synced.set()
                if reply is not None:
                    await self.send(reply)

    async def type(self, count: int, interval: float) -> list[str]:
        typed = []
        for n in range(count):
            token = f"{self.name}{n};"
            before = self.doc.get_state()
            self.text.insert(len(self.text), token)
            typed.append(token)
            # Offline, the edit stays in the copy; the resync on reconnect carries it.
            await self.send(create_update_message(self.doc.get_update(before)))
            await asyncio.sleep(interval)
        return typed

    async def settle(self, other_last: str, timeout: float) -> None:
        """Wait for the other's last token, then make sure the server has all of ours."""
        deadline = time.monotonic() + timeout
        while other_last and other_last not in str(self.text):
            if time.monotonic() > deadline:
                raise TimeoutError(f"{self.name}: never saw {other_last}")
            await asyncio.sleep(0.1)
        while True:
            await self.synced.wait()
            seen = self.step2
            await self.send(create_sync_message(self.doc))
            with contextlib.suppress(asyncio.TimeoutError):
                await asyncio.wait_for(self._step2_after(seen), 3)
                return

    async def _step2_after(self, seen: int) -> None:
        while self.step2 <= seen:
            await asyncio.sleep(0.02)


async def main(argv: list[str]) -> None:
    url, token, path, name, count, interval, other_last, out = argv
    typist = Typist(url, token, path, name)
    await typist.connect()
    reader = asyncio.create_task(typist.read_forever())
    await asyncio.wait_for(typist.synced.wait(), 30)
    typed = await typist.type(int(count), float(interval))
    await typist.settle(other_last, 120)
    reader.cancel()
    result: dict[str, Any] = {
        "typed": typed,
        "first_seen": typist.first_seen,
        "final": str(typist.text),
    }
    with open(out, "w") as f:
        json.dump(result, f)


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1:]))
