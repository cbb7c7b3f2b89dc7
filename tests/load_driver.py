"""One load-generating process for tests/test_load.py: a slice of the sessions, each with two
clients (two tabs of the server's owner) that, at once and for a while, type into the
session's solution file, draw strokes on its whiteboard, chat, signal each other over the
session channel, and run code every few seconds; a prober times a plain REST call all along.

    python load_driver.py CONFIG_JSON OUT_JSON

It sets its sessions up, prints ``ready``, waits for a line on stdin, loads for
``seconds``, then lets everything settle (every edit, stroke, message and run delivered)
and writes what each client sent and ended with to OUT, so the test compares them. Errors
(5xx or unexpected REST answers, socket closes, channel ``error`` messages) are collected
rather than raised: the test asserts there are none.

CONFIG: url, port, token, first (index of the first session), sessions, seconds,
typing_rate (updates per second per client), stroke_interval, chat_interval,
signal_interval, run_interval (seconds), probe_interval, settle_timeout, run_timeout,
total (sessions over all processes); and ``offline_ok`` when the test kills the server
during the load: then the clients carry on offline (edits and strokes stay in their
copies; chat messages and signals that cannot be sent are noted as failed), connection
errors are not errors, and once the load is over every client reconnects as a browser
tab would (a new document session, its copy resynced; a new channel socket).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

from pycrdt import Doc, Map
from tornado.httpclient import AsyncHTTPClient, HTTPResponse
from tornado.iostream import StreamClosedError
from tornado.simple_httpclient import HTTPStreamClosedError
from tornado.websocket import WebSocketClosedError
from ydoc_client import YClient, document_room, stroke

from codecall_jupyter.collab.whiteboard import element_value
from codecall_jupyter.testing import Browser, ChannelClient, body_json

TOKEN_RE = re.compile(r"s\d+[ab]\d+;")
CLOSED = (WebSocketClosedError, StreamClosedError)


class ServerClient:
    """pytest-jupyter's ``http_server_client`` shape (paths, not URLs) for a server in
    another process, so ``Browser`` works with it unchanged."""

    def __init__(self, url: str) -> None:
        self.url = url.rstrip("/")
        self.http = AsyncHTTPClient(max_clients=64)

    async def fetch(self, path: str, **kwargs: Any) -> HTTPResponse:
        return await self.http.fetch(self.url + path, **kwargs)


class Recorder:
    """Errors and REST timings of one process."""

    def __init__(self, offline_ok: bool = False) -> None:
        self.errors: list[str] = []
        self.timings: dict[str, list[float]] = {}
        self.loading = False
        self.offline_ok = offline_ok  # the server is killed on purpose during the load
        self.offline = 0  # calls that found no server (only when offline_ok)

    async def api(
        self, who: Browser, label: str, method: str, path: str, body: Any = None, **kw: Any
    ) -> HTTPResponse | None:
        t0 = time.monotonic()
        try:
            response = await who.api(method, path, body, **kw)
        except Exception as exc:  # a connection error is an error of the load, not a crash
            # A kill mid-request closes the stream (HTTPStreamClosedError); before or after
            # it, the connection is refused (OSError).
            gone = OSError | StreamClosedError | HTTPStreamClosedError
            if self.offline_ok and isinstance(exc, gone):
                self.offline += 1
            else:
                self.errors.append(f"{label}: {type(exc).__name__}: {exc}")
            return None
        if self.loading:
            self.timings.setdefault(label, []).append((time.monotonic() - t0) * 1000)
        if response.code >= 500:
            self.errors.append(f"{label}: {response.code} {response.body[:300]!r}")
        return response


async def pause(seconds: float, until: float) -> None:
    """Sleep ``seconds``, but not past the end of the load."""
    await asyncio.sleep(max(0.0, min(seconds, until - time.monotonic())))


def synced(client: YClient) -> Any:
    return lambda: client.synced


class Tab:
    """One client of a session: its channel socket and its two document rooms."""

    def __init__(self, name: str, rec: Recorder) -> None:
        self.name, self.rec = name, rec
        self.channel: ChannelClient
        self.connection_id = ""
        self.text: YClient
        self.board: YClient
        self.typed: list[str] = []
        self.strokes: list[str] = []
        self.chats_sent: list[str] = []
        self.chats_failed: list[str] = []  # could not be sent: the server was down
        self.chats_received: list[str] = []
        self.signals_sent: list[int] = []
        self.signals_received: list[int] = []
        self.closing = False
        self.reader: asyncio.Task[None] | None = None

    async def open(
        self, owner: Browser, port: int, session_id: str, rooms: tuple[str, str]
    ) -> None:
        self.channel = await ChannelClient.open(owner, port, session_id)
        hello = await self.channel.next("hello")
        self.connection_id = hello["connection_id"]
        await self.channel.next("snapshot")
        self.reader = asyncio.create_task(self._read_channel())
        self.text = await YClient.open(owner, port, rooms[0])
        self.board = await YClient.open(owner, port, rooms[1])
        for client in (self.text, self.board):
            await client.until(synced(client), 30)

    async def _read_channel(self) -> None:
        connection = self.channel.connection
        while True:
            raw = await connection.read_message()
            if raw is None:
                if not (self.closing or self.rec.offline_ok):
                    self.rec.errors.append(f"{self.name}: channel closed ({connection.close_code})")
                return
            message = json.loads(raw)
            kind = message.get("type")
            if kind == "chat":
                self.chats_received.append(message["message"]["text"])
            elif kind == "signal":
                self.signals_received.append(int(message["data"]["n"]))
            elif kind == "error":
                self.rec.errors.append(f"{self.name}: channel error {message}")

    def check_rooms(self) -> None:
        for client in (self.text, self.board):
            if client._reader.done() and not (self.closing or self.rec.offline_ok):
                self.rec.errors.append(f"{self.name}: room closed ({client.close_code})")

    # --- the load ---------------------------------------------------------------------------

    async def _sent(self, sending: Any) -> bool:
        """Send; False if the server is gone and that is expected (offline_ok)."""
        try:
            await sending
        except CLOSED:
            if not self.rec.offline_ok:
                raise
            return False
        return True

    async def type(self, until: float, rate: float) -> None:
        n = 0
        while time.monotonic() < until:
            token = f"{self.name}{n};"
            # Offline, the edit stays in the local copy: the resync on reconnect carries it.
            await self._sent(self.text.append(token))
            self.typed.append(token)
            n += 1
            await pause(1 / rate, until)

    async def draw(self, until: float, interval: float) -> None:
        n = 0
        while time.monotonic() < until:
            element_id = f"{self.name}-{n}"

            def change(doc: Doc, element_id: str = element_id, n: int = n) -> None:
                doc.get("elements", type=Map)[element_id] = element_value(stroke(n, self.name))

            await self._sent(self.board.change(change))
            self.strokes.append(element_id)
            n += 1
            await pause(interval, until)

    async def chat(self, until: float, interval: float) -> None:
        n = 0
        while time.monotonic() < until:
            text = f"{self.name} says {n}"
            if await self._sent(self.channel.send({"type": "chat", "text": text})):
                self.chats_sent.append(text)
            else:
                self.chats_failed.append(text)
            n += 1
            await pause(interval, until)

    async def signal(self, to: str, until: float, interval: float) -> None:
        n = 0
        while time.monotonic() < until:
            data = {"n": n, "candidate": f"candidate:{n} 1 udp 1 127.0.0.1 9 typ host"}
            signal = {"type": "signal", "to": to, "kind": "candidate", "data": data}
            if await self._sent(self.channel.send(signal)):
                self.signals_sent.append(n)
            n += 1
            await pause(interval, until)

    async def reconnect(
        self, owner: Browser, port: int, session_id: str, files: dict[str, str], timeout: float
    ) -> tuple[str, str]:
        """Back after the server restarted, as a tab: a new channel socket, new document
        sessions, and each room's copy (with what was typed offline) resynced. The new
        rooms."""
        await self.close()
        self.closing = False
        deadline = time.monotonic() + timeout
        while True:
            try:
                self.channel = await ChannelClient.open(owner, port, session_id)
                self.connection_id = (await self.channel.next("hello"))["connection_id"]
                await self.channel.next("snapshot")
                rooms = (
                    await document_room(owner, files["solution"]),
                    await document_room(owner, files["whiteboard"], file_type="whiteboard"),
                )
                self.text = await YClient.open(owner, port, rooms[0], doc=self.text.doc)
                self.board = await YClient.open(owner, port, rooms[1], doc=self.board.doc)
                for client in (self.text, self.board):
                    await client.until(synced(client), 30)
            except Exception:  # not up yet, or up and still loading: a tab retries
                if time.monotonic() > deadline:
                    raise
                with contextlib.suppress(Exception):
                    await self.close()
                self.closing = False
                await asyncio.sleep(0.5)
                continue
            self.reader = asyncio.create_task(self._read_channel())
            return rooms

    async def close(self) -> None:
        self.closing = True
        self.channel.close()
        for client in (self.text, self.board):
            await client.close()
        if self.reader is not None:
            self.reader.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self.reader


class Session:
    def __init__(self, index: int, rec: Recorder) -> None:
        self.index, self.rec = index, rec
        self.id = ""
        self.rooms: tuple[str, str] = ("", "")
        self.a = Tab(f"s{index}a", rec)
        self.b = Tab(f"s{index}b", rec)
        self.runs: list[dict[str, Any]] = []
        self.run_tasks: list[asyncio.Task[None]] = []
        self.files: dict[str, str] = {}

    async def open(self, owner: Browser, port: int) -> None:
        response = await self.rec.api(
            owner, "sessions.create", "POST", "sessions", {"title": f"Load {self.index}"}
        )
        assert response is not None
        assert response.code == 201, response.body
        detail = body_json(response)
        self.id = detail["id"]
        files = self.files = detail["files"]
        text_room = await document_room(owner, files["solution"])
        board_room = await document_room(owner, files["whiteboard"], file_type="whiteboard")
        self.rooms = (text_room, board_room)
        await self.a.open(owner, port, self.id, self.rooms)
        await self.b.open(owner, port, self.id, self.rooms)

    async def run_every(
        self, owner: Browser, until: float, interval: float, timeout: float, total: int
    ) -> None:
        # Sessions take turns: run n of session i at (n + i / total) * interval, so the
        # server sees a steady rate rather than a burst every interval.
        await pause(interval * self.index / total, until)
        n = 0
        while time.monotonic() < until:
            self.run_tasks.append(asyncio.create_task(self.one_run(owner, n, timeout)))
            n += 1
            await pause(interval, until)

    async def one_run(self, owner: Browser, n: int, timeout: float) -> None:
        tag = f"s{self.index}-run-{n}"
        body = {"language": "python", "code": f"print({tag!r})", "session_id": self.id}
        record: dict[str, Any] = {"tag": tag, "verdict": None, "stdout": None}
        self.runs.append(record)
        t0 = time.monotonic()
        response = await self.rec.api(owner, "runs.create", "POST", "runs", body)
        if response is None and self.rec.offline_ok:
            self.runs.remove(record)  # never submitted: the server was down
            return
        if response is None or response.code != 202:
            self.rec.errors.append(
                f"{tag}: POST runs {response and response.code} "
                f"{response and response.body[:200]!r}"
            )
            return
        run = body_json(response)
        record["id"] = run["id"]
        record["position"] = run.get("position")
        deadline = t0 + timeout
        while run["status"] != "done" and time.monotonic() < deadline:
            polled = await self.rec.api(
                owner, "runs.wait", "GET", f"runs/{run['id']}", params={"wait": "10"}
            )
            if polled is None and self.rec.offline_ok:
                await asyncio.sleep(0.5)  # the server is being restarted: ask again
                continue
            if polled is None or polled.code != 200:
                self.rec.errors.append(f"{tag}: GET run {polled and polled.code}")
                return
            run = body_json(polled)
        record["seconds"] = round(time.monotonic() - t0, 3)
        record["done_at"] = time.monotonic()  # when its result was seen (acknowledged)
        record["verdict"], record["stdout"] = run.get("verdict"), run.get("stdout")
        if run["status"] != "done":
            self.rec.errors.append(f"{tag}: not done after {timeout} s")

    def load(self, owner: Browser, until: float, config: dict[str, Any]) -> list[Any]:
        tasks: list[Any] = []
        for me, other in ((self.a, self.b), (self.b, self.a)):
            tasks += [
                me.type(until, config["typing_rate"]),
                me.draw(until, config["stroke_interval"]),
                me.chat(until, config["chat_interval"]),
                me.signal(other.connection_id, until, config["signal_interval"]),
            ]
        tasks.append(
            self.run_every(
                owner, until, config["run_interval"], config["run_timeout"], config["total"]
            )
        )
        return tasks

    # --- settling ---------------------------------------------------------------------------

    async def reconnect(self, owner: Browser, port: int, timeout: float) -> None:
        for tab in (self.a, self.b):
            self.rooms = await tab.reconnect(owner, port, self.id, self.files, timeout)

    def _delivered(self) -> bool:
        tokens = self.a.typed + self.b.typed
        ids = set(self.a.strokes + self.b.strokes)
        chats = len(self.a.chats_sent) + len(self.b.chats_sent)
        docs = all(t.source.count(";") >= len(tokens) for t in (self.a.text, self.b.text)) and all(
            ids <= set(t.board.elements.keys()) for t in (self.a, self.b)
        )
        if self.rec.offline_ok:
            return docs  # messages relayed while the server was down are simply gone
        return (
            docs
            and all(len(t.chats_received) >= chats for t in (self.a, self.b))
            and len(self.a.signals_received) >= len(self.b.signals_sent)
            and len(self.b.signals_received) >= len(self.a.signals_sent)
        )

    async def settle(self, timeout: float) -> None:
        """Wait until everything sent has arrived (or time is up), then a sync round trip
        on every room so the server has handled all of each client's messages."""
        deadline = time.monotonic() + timeout
        while not self._delivered() and time.monotonic() < deadline:
            await asyncio.sleep(0.1)
        for tab in (self.a, self.b):
            tab.check_rooms()
            for client in (tab.text, tab.board):
                try:
                    await client.round_trip(30)
                except Exception as exc:
                    self.rec.errors.append(f"{tab.name}: round trip {type(exc).__name__}: {exc}")
        await asyncio.gather(*self.run_tasks)

    def result(self) -> dict[str, Any]:
        def room_key(room: str) -> str:  # "text:file:<id>?sessionId=..." -> "file:<id>"
            return room.split("?", 1)[0].split(":", 1)[1]

        return {
            "index": self.index,
            "id": self.id,
            "rooms": {"text": room_key(self.rooms[0]), "board": room_key(self.rooms[1])},
            "tabs": {
                tab.name: {
                    "typed": tab.typed,
                    "text": tab.text.source,
                    "strokes": tab.strokes,
                    "board": sorted(tab.board.elements.keys()),
                    "chats_sent": tab.chats_sent,
                    "chats_failed": tab.chats_failed,
                    "chats_received": tab.chats_received,
                    "signals_sent": tab.signals_sent,
                    "signals_received": tab.signals_received,
                }
                for tab in (self.a, self.b)
            },
            "runs": self.runs,
        }


async def probe(
    owner: Browser, rec: Recorder, sessions: list[Session], until: float, interval: float
) -> None:
    """A plain REST read (a session's detail) at a steady pace: the latency a user's page
    sees while everything else goes on."""
    n = 0
    while time.monotonic() < until:
        session = sessions[n % len(sessions)]
        response = await rec.api(owner, "probe", "GET", f"sessions/{session.id}")
        if response is not None and response.code != 200:
            rec.errors.append(f"probe: {response.code}")
        n += 1
        await pause(interval, until)


async def main(config: dict[str, Any], out: Path) -> None:
    rec = Recorder(bool(config.get("offline_ok")))
    owner = Browser(ServerClient(config["url"]), "/")
    owner.headers["Authorization"] = f"token {config['token']}"
    sessions = [Session(config["first"] + i, rec) for i in range(config["sessions"])]
    for session in sessions:
        await session.open(owner, config["port"])
    print("ready", flush=True)
    await asyncio.get_running_loop().run_in_executor(None, sys.stdin.readline)

    rec.loading = True
    started = time.monotonic()
    until = started + config["seconds"]
    tasks: list[Any] = [probe(owner, rec, sessions, until, config["probe_interval"])]
    for session in sessions:
        tasks += session.load(owner, until, config)
    await asyncio.gather(*tasks)
    loaded = time.monotonic() - started
    rec.loading = False
    if rec.offline_ok:  # the server was killed and restarted meanwhile: every tab returns
        await asyncio.gather(
            *(s.reconnect(owner, config["port"], config["settle_timeout"]) for s in sessions)
        )

    await asyncio.gather(*(s.settle(config["settle_timeout"]) for s in sessions))
    settled = time.monotonic() - started
    results = [s.result() for s in sessions]
    for session in sessions:
        for tab in (session.a, session.b):
            await tab.close()
    out.write_text(
        json.dumps(
            {
                "errors": rec.errors,
                "offline": rec.offline,
                "timings": rec.timings,
                "sessions": results,
                "load_seconds": loaded,
                "settle_seconds": settled - loaded,
            }
        )
    )


def problems(session: dict[str, Any]) -> list[str]:
    """What is wrong with one session's outcome: lost or duplicated edits, strokes, chat
    messages or signals, runs without their verdict."""
    found: list[str] = []
    tabs = session["tabs"]
    (a_name, a), (b_name, b) = tabs.items()
    typed = a["typed"] + b["typed"]
    for name, tab in tabs.items():
        counts = Counter(TOKEN_RE.findall(tab["text"]))
        lost = [t for t in typed if counts[t] == 0]
        doubled = [t for t, c in counts.items() if c > 1]
        extra = set(counts) - set(typed)
        if lost or doubled or extra:
            found.append(
                f"{name} text: lost {lost[:5]}, doubled {doubled[:5]}, extra {sorted(extra)[:5]}"
            )
        if tab["board"] != sorted(a["strokes"] + b["strokes"]):
            found.append(
                f"{name} board: {len(tab['board'])} elements, "
                f"{len(a['strokes'] + b['strokes'])} drawn"
            )
        chats = Counter(tab["chats_received"])
        sent = a["chats_sent"] + b["chats_sent"]
        if sorted(chats) != sorted(sent) or any(c != 1 for c in chats.values()):
            found.append(
                f"{name} chat: received {len(tab['chats_received'])} of {len(sent)} (each once)"
            )
    if a["text"] != b["text"]:
        found.append("the two clients' texts differ")
    for me, other in ((a, b), (b, a)):
        if me["signals_received"] != other["signals_sent"]:
            found.append(
                f"signals: {len(me['signals_received'])} relayed of "
                f"{len(other['signals_sent'])} (in order, once)"
            )
    for run in session["runs"]:
        if run["verdict"] != "OK" or run["stdout"] != f"{run['tag']}\n":
            found.append(f"run {run['tag']}: {run['verdict']} {run['stdout']!r}")
    return found


if __name__ == "__main__":
    asyncio.run(main(json.loads(Path(sys.argv[1]).read_text()), Path(sys.argv[2])))
