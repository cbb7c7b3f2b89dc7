"""What the relay, memory and join benchmarks share: percentiles, the machine's description,
a CodeCall server with extra options, REST calls with the server token, and Yjs clients of
every server kind (the edit benchmark's driver client, plus document types and Origin).

Everything runs on 127.0.0.1; the servers are separate processes from the clients.
"""

from __future__ import annotations

import asyncio
import json
import os
import platform
import random
import sys
import urllib.request
from pathlib import Path
from typing import Any

from pycrdt import Doc, Map, create_sync_message
from tornado.httpclient import AsyncHTTPClient, HTTPRequest
from tornado.websocket import websocket_connect

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results"
sys.path.insert(0, str(HERE / "edits"))

from driver import Client, Stats  # noqa: E402
from servers import Server, free_port  # noqa: E402

__all__ = ["Client", "CodeCallServer", "DocClient", "Server", "Stats", "free_port"]


def percentile(values: list[float], q: float) -> float | None:
    """The nearest-rank percentile, rounded to 0.01 (as the edit benchmark reports it)."""
    if not values:
        return None
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(q / 100 * len(ordered)) - 1))
    return round(ordered[index], 2)


def summary_ms(values: list[float]) -> dict[str, Any]:
    """n, p50 and p99 of durations given in milliseconds."""
    return {"n": len(values), "p50_ms": percentile(values, 50), "p99_ms": percentile(values, 99)}


def machine() -> dict[str, Any]:
    """The machine as report.py shows it, plus what says how busy and how big it was."""
    description: dict[str, Any] = {"cpus": os.cpu_count(), "platform": platform.platform()}
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                description["cpu_model"] = line.split(":", 1)[1].strip()
                break
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                description["memory_gib"] = round(int(line.split()[1]) / 2**20, 1)
        description["load_average_at_start"] = [round(x, 2) for x in os.getloadavg()]
    except OSError:
        pass
    description["python"] = platform.python_version()
    return description


def write_result(name: str, data: dict[str, Any]) -> Path:
    RESULTS.mkdir(exist_ok=True)
    path = RESULTS / f"{name}.json"
    path.write_text(json.dumps(data, indent=2) + "\n")
    return path


class CodeCallServer(Server):
    """The edit benchmark's CodeCall server with extra ``CodeCallApp`` options (rate limits
    raised for the measurement, say) and the REST calls a host makes."""

    def __init__(self, tmp: Path, options: dict[str, Any] | None = None) -> None:
        super().__init__("codecall", tmp)
        self.options = options or {}

    def _jupyter(self, env: dict[str, str]) -> list[str]:
        command = super()._jupyter(env)
        path = self.tmp / "home" / "config" / "jupyter_server_config.json"
        config = json.loads(path.read_text())
        config["CodeCallApp"].update(self.options)
        path.write_text(json.dumps(config))
        return command

    @property
    def origin(self) -> str:
        return self.url

    def call(self, method: str, path: str, body: Any = None) -> Any:
        """A REST call as the owner (the server token); the parsed JSON answer."""
        request = urllib.request.Request(  # noqa: S310 - http://127.0.0.1 only
            self.url + path,
            method=method,
            data=None if body is None else json.dumps(body).encode(),
            headers={"Authorization": f"token {self.token}", "Content-Type": "application/json"},
        )
        with urllib.request.urlopen(request, timeout=60) as response:  # noqa: S310
            return json.loads(response.read() or b"null")

    def create_session(self, title: str) -> tuple[str, Path]:
        """A new session hosted by the owner: its id and its folder on disk."""
        session = self.call("POST", "/codecall/api/sessions", {"title": title})
        return session["id"], self.root / "codecall-sessions" / session["id"]

    def channel_request(self, session_id: str) -> HTTPRequest:
        url = self.url.replace("http", "ws", 1) + f"/codecall/api/sessions/{session_id}/channel"
        headers = {"Authorization": f"token {self.token}", "Origin": self.origin}
        return HTTPRequest(url, headers=headers, connect_timeout=60, request_timeout=60)


class DocClient(Client):
    """A Yjs client of one document room of any server kind. For Jupyter servers the
    room is opened as JupyterLab opens it (the document session request, then the socket,
    with the page's Origin); ``doc_type`` is ``file`` (code) or ``whiteboard``; ``doc``
    reconnects a client that kept its copy (a resync), and ``session`` (the document
    session of its first connection) reconnects it as JupyterLab's provider does: the
    socket again, with the same session, and no new session request."""

    def __init__(
        self,
        config: dict[str, Any],
        room: str,
        *,
        doc_type: str = "file",
        doc: Doc | None = None,
        session: dict[str, Any] | None = None,
        name: str = "a",
    ) -> None:
        super().__init__(config, room, name, Stats())
        self.doc_type = doc_type
        self.session = session
        if doc is not None:
            self.doc = doc

    async def connect(self) -> None:
        if self.kind != "jupyter":
            await super().connect()
            return
        config = self.config
        headers = {"Authorization": f"token {config['token']}"}
        if self.session is None:
            response = await AsyncHTTPClient().fetch(
                HTTPRequest(
                    f"{config['url']}/api/collaboration/session/{self.room}",
                    method="PUT",
                    headers={**headers, "Content-Type": "application/json"},
                    body=json.dumps({"format": "text", "type": self.doc_type}),
                    request_timeout=60,
                )
            )
            self.session = json.loads(response.body)
        session = self.session
        ws = config["url"].replace("http", "ws", 1)
        url = f"{ws}/api/collaboration/room/text:{self.doc_type}:{session['fileId']}"
        request = HTTPRequest(
            f"{url}?sessionId={session['sessionId']}",
            headers={**headers, "Origin": config["url"]},
            connect_timeout=60,
            request_timeout=60,
        )
        self.connection = await websocket_connect(request, max_message_size=64 << 20)
        await self.send(create_sync_message(self.doc))
        self.reader = asyncio.create_task(self._read())

    def close(self) -> None:
        if self.reader is not None:
            self.reader.cancel()
        if self.connection is not None:
            self.connection.close()


# -- the documents the benchmarks load ------------------------------------------------------


def code_text(size: int, seed: int = 1) -> str:
    """About ``size`` characters of Python-looking code (ASCII, so characters = bytes)."""
    rng = random.Random(seed)
    lines: list[str] = []
    total = 0
    while total < size:
        n = rng.randrange(1000)
        line = f"    value_{n} = compute(items[{n}], limit={rng.randrange(99)})  # step {n}\n"
        lines.append(line)
        total += len(line)
    return "".join(lines)[:size]


def whiteboard_board(strokes: int, seed: int = 1) -> dict[str, Any]:
    """A board in the ``.whiteboard`` file format of codecall_jupyter/collab/whiteboard.py:
    ``strokes`` freehand strokes of 12 to 36 points, as a pen draws them."""
    from codecall_jupyter.collab.whiteboard import FILE_TYPE, FILE_VERSION

    rng = random.Random(seed)
    elements = []
    for index in range(strokes):
        points: list[float] = []
        px = py = 0.0
        for _ in range(rng.randrange(12, 37)):
            px += rng.uniform(-6, 6)
            py += rng.uniform(-6, 6)
            points += [round(px, 1), round(py, 1)]
        elements.append(
            {
                "id": f"s{seed}-{index}",
                "kind": "stroke",
                "x": rng.randrange(2000),
                "y": rng.randrange(1500),
                "points": points,
                "color": "#1f77b4",
                "width": 2,
                "z": index,
                "author": "bench",
            }
        )
    return {"elements": elements, "type": FILE_TYPE, "version": FILE_VERSION}


def whiteboard_file(strokes: int, seed: int = 1) -> str:
    return json.dumps(whiteboard_board(strokes, seed), separators=(",", ":")) + "\n"


def whiteboard_doc(strokes: int, seed: int = 1) -> Doc:
    """The same board as a Yjs document, built the way the server builds it from the file
    (``YWhiteboard.set``): for servers that have no files, a client sends it."""
    from codecall_jupyter.collab.whiteboard import YWhiteboard

    board = YWhiteboard()
    board.set(whiteboard_board(strokes, seed))
    doc: Doc = board.ydoc
    return doc


def element_count(doc: Doc) -> int:
    return len(doc.get("elements", type=Map))
