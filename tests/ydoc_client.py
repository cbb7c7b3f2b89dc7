"""A Yjs client of one jupyter-collaboration room, speaking the protocol as JupyterLab's
provider does: sync step 1 and 2, updates, awareness; pycrdt holds the document."""

from __future__ import annotations

import asyncio
import contextlib
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pycrdt import (
    Awareness,
    Decoder,
    Doc,
    Encoder,
    Map,
    Text,
    YMessageType,
    YSyncMessageType,
    create_awareness_message,
    create_sync_message,
    create_update_message,
    handle_sync_message,
    read_message,
)
from tornado.httpclient import HTTPRequest
from tornado.websocket import WebSocketClientConnection, websocket_connect

from codecall_jupyter.collab.whiteboard import read_value
from codecall_jupyter.testing import Browser, body_json

RAW = 2  # jupyter_server_ydoc's MessageType.RAW


async def document_room(
    browser: Browser, path: str, *, file_format: str = "text", file_type: str = "file"
) -> str:
    """Start the document session of a file (a text file unless told otherwise, e.g.
    ``file_type="whiteboard"``); its room id with the ``sessionId`` query."""
    response = await browser.fetch(
        f"api/collaboration/session/{path}",
        "PUT",
        json_body={"format": file_format, "type": file_type},
    )
    assert response.code in (200, 201), (response.code, response.body)
    session = body_json(response)
    return f"{file_format}:{file_type}:{session['fileId']}?sessionId={session['sessionId']}"


def stroke(n: int, author: str = "ann", **extra: Any) -> dict[str, Any]:
    """A whiteboard stroke element (the format of collab/whiteboard.py), numbered ``n``."""
    return {
        "kind": "stroke",
        "x": 10 + n,
        "y": 20,
        "points": [0, 0, 3.5, 4, 7, 9.25],
        "color": "#1976d2",
        "width": 3,
        "z": n,
        "author": author,
        **extra,
    }


class YClient:
    def __init__(self, connection: WebSocketClientConnection, doc: Doc | None = None) -> None:
        self.connection = connection
        self.doc = Doc() if doc is None else doc
        self.text = self.doc.get("source", type=Text)
        self.awareness = Awareness(self.doc)
        self.raw: list[dict[str, Any]] = []
        self.synced = False
        self.step2_received = 0
        self.close_code: int | None = None
        self._tick = asyncio.Event()
        self._reader = asyncio.create_task(self._read())

    @classmethod
    async def open(
        cls,
        browser: Browser,
        port: int,
        room: str,
        *,
        origin: str | None = "same",
        doc: Doc | None = None,
    ) -> YClient:
        """Connect and send sync step 1; ``doc`` reconnects a client that kept its copy."""
        headers = {**browser.headers}
        if browser.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in browser.cookies.items())
        if origin == "same":
            headers["Origin"] = f"http://127.0.0.1:{port}"
        elif origin is not None:
            headers["Origin"] = origin
        url = f"ws://127.0.0.1:{port}{browser.base_url}api/collaboration/room/{room}"
        client = cls(await websocket_connect(HTTPRequest(url, headers=headers)), doc)
        await client.send(create_sync_message(client.doc))
        return client

    # --- sending -------------------------------------------------------------------------

    async def send(self, message: bytes) -> None:
        await self.connection.write_message(message, binary=True)

    async def edit(self, change: Callable[[Text], None]) -> None:
        """Change the text locally and send the change as an update, as an editor would."""
        before = self.doc.get_state()
        change(self.text)
        await self.send(create_update_message(self.doc.get_update(before)))

    async def change(self, change: Callable[[Doc], None]) -> None:
        """Change any part of the document locally (one transaction) and send the update:
        for documents that are not text, such as a whiteboard's ``elements`` map."""
        before = self.doc.get_state()
        with self.doc.transaction():
            change(self.doc)
        await self.send(create_update_message(self.doc.get_update(before)))

    async def append(self, text: str) -> None:
        await self.edit(lambda source: source.insert(len(source), text))

    async def announce(self, state: dict[str, Any]) -> None:
        """Set this client's awareness state (name, cursor) and send it."""
        self.awareness.set_local_state(state)
        update = self.awareness.encode_awareness_update([self.awareness.client_id])
        await self.send(create_awareness_message(update))

    async def request_save(self, save_id: int = 1) -> None:
        encoder = Encoder()
        encoder.write_var_uint(RAW)
        encoder.write_var_string("save")
        encoder.write_var_uint(save_id)
        await self.send(encoder.to_bytes())

    async def round_trip(self, timeout: float = 10.0) -> None:
        """Sync step 1 and wait for the server's step 2: the server has then handled every
        message this socket sent before (one socket's messages are handled in order)."""
        seen = self.step2_received
        await self.send(create_sync_message(self.doc))
        await self.until(lambda: self.step2_received > seen, timeout)

    # --- receiving -----------------------------------------------------------------------

    @property
    def source(self) -> str:
        return str(self.text)

    @property
    def elements(self) -> dict[str, Any]:
        """A whiteboard's elements: id -> the attributes stored (JSON text read back)."""
        return {key: read_value(value) for key, value in self.doc.get("elements", type=Map).items()}

    def peers(self) -> dict[int, dict[str, Any]]:
        own = self.awareness.client_id
        return {cid: state for cid, state in self.awareness.states.items() if cid != own}

    async def until(self, predicate: Callable[[], bool], timeout: float = 10.0) -> None:
        """Wait until ``predicate()`` holds, re-checking after every message received."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while True:
            tick = self._tick
            if predicate():
                return
            if self._reader.done():
                raise ConnectionError(f"room socket closed ({self.close_code})")
            left = deadline - loop.time()
            if left <= 0:
                raise TimeoutError(f"condition not met; text is {self.source!r}")
            with contextlib.suppress(asyncio.TimeoutError):
                await asyncio.wait_for(tick.wait(), left)

    async def _read(self) -> None:
        try:
            while True:
                message = await self.connection.read_message()
                if message is None:
                    self.close_code = self.connection.close_code
                    return
                if isinstance(message, bytes):
                    await self._handle(message)
                self._tick.set()
                self._tick = asyncio.Event()
        finally:
            self._tick.set()

    async def _handle(self, message: bytes) -> None:
        if message[0] == YMessageType.SYNC:
            reply = handle_sync_message(message[1:], self.doc)
            if message[1] == YSyncMessageType.SYNC_STEP2:
                self.synced = True
                self.step2_received += 1
            if reply is not None:
                await self.send(reply)
        elif message[0] == YMessageType.AWARENESS:
            self.awareness.apply_awareness_update(read_message(message[1:]), "remote")
        elif message[0] == RAW:
            decoder = Decoder(message)
            decoder.read_var_uint()
            self.raw.append(json.loads(decoder.read_var_string()))

    async def close(self) -> None:
        self.connection.close()
        self._reader.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await self._reader


async def saved(file: Path, predicate: Callable[[str], bool], timeout: float = 15.0) -> str:
    """The file's text once ``predicate`` holds for it (rooms save ~1 s after a change)."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while True:
        text = file.read_text()
        if predicate(text):
            return text
        if loop.time() > deadline:
            raise TimeoutError(f"file never matched; it holds {text[:500]!r}")
        await asyncio.sleep(0.1)


def ydoc_server(serverapp: Any) -> Any:
    """jupyter-collaboration's websocket server (its open rooms) in ``serverapp``."""
    return serverapp.web_app.settings["jupyter_server_ydoc"].ywebsocket_server


async def room_closed(serverapp: Any, room: str, timeout: float = 15.0) -> None:
    """Wait until the server dropped the room (no client left, cleanup delay passed)."""
    server, room_id = ydoc_server(serverapp), room.split("?")[0]
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while server.room_exists(room_id):
        assert loop.time() < deadline, "the room was never cleaned up"
        await asyncio.sleep(0.05)
