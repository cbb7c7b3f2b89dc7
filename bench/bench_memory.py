"""Server memory per active room and per connection: the CodeCall server's RSS before and
after opening more connections, then more rooms; the slope, not a single point.

An active room is a session as two people work in it: its code document (20 KB of code)
and its whiteboard (2,000 freehand strokes, in the `.whiteboard` format of
codecall_jupyter/collab/whiteboard.py), both written before the room opens, and two
connected clients, each holding what a browser tab holds: a socket on the code document,
one on the whiteboard (both synced) and one on the session channel. The clients are
pycrdt/tornado clients in separate processes (``--hold``), one process per step.

Steps, on CodeCall and on @y/websocket-server (the reference; its rooms are filled by
their first client, and it has no channel): 2 warm-up rooms (one-time costs: the document
server, imports, caches); then extra connections to those rooms, M = 250 and 500 code
document sockets (each synced, as a third tab would be), then M = 250 and 500 channel
sockets; then rooms added up to K = 10, 20, 50. RSS is sampled after each step settles.
MiB per room and KiB per connection are least-squares slopes over the steps. Connections
come before rooms because loading a room frees much memory back to the allocator, which
later connections would reuse without the RSS moving; even the warm-up rooms free a few
MiB, which 100 and 200 sockets could fill without the RSS moving (0.1 KiB per socket in
one run, 12 KiB in the others), hence hundreds. In a fresh process, the memory ten rooms'
documents alone hold as pycrdt documents (the allocator's bytes in use) gives the floor any
Yjs server pays.

    python bench/bench_memory.py [--rooms 10,20,50] [--connections 250,500] [--kinds ...]
    python bench/bench_memory.py --hold CONFIG_JSON   (a client process, started by the above)

Writes bench/results/memory.json.
"""

from __future__ import annotations

import argparse
import asyncio
import ctypes
import gc
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from pycrdt import Doc, Text, create_update_message
from tornado.httpclient import HTTPRequest
from tornado.websocket import websocket_connect

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import (
    CodeCallServer,
    DocClient,
    Server,
    code_text,
    element_count,
    machine,
    whiteboard_doc,
    whiteboard_file,
    write_result,
)

CODE_BYTES = 20_000
STROKES = 2_000
WARMUP_ROOMS = 2
SETTLE = 2.5  # seconds after a step before sampling: saves and history commits are done


# -- the client processes -----------------------------------------------------------------------


async def hold(config_path: str) -> None:
    """Connect everything the config lists, room by room, write ``<config>.ready``, hold
    until ``<config>.stop`` appears. On servers without files (the Node reference) the
    first client of a room sends the room's content, as the first person to draw would."""
    config = json.loads(Path(config_path).read_text())  # noqa: ASYNC240 - before any I/O
    server = {"kind": config["kind"], "url": config["url"], "token": config["token"]}
    docs: list[tuple[DocClient, str]] = []
    channels: list[Any] = []

    async def open_doc(item: dict[str, Any]) -> None:
        client = DocClient(server, item["path"], doc_type=item["type"])
        docs.append((client, item["type"]))
        await client.connect()
        await asyncio.wait_for(client.synced.wait(), 120)
        if item.get("seed") is not None:
            seed = item["seed"]
            content = (
                code_doc(code_text(CODE_BYTES, seed)) if item["type"] == "file"
                else whiteboard_doc(STROKES, seed)
            )  # fmt: skip
            client.doc.apply_update(content.get_update())
            await client.send(create_update_message(client.doc.get_update()))

    async def open_channel(item: dict[str, Any]) -> None:
        ws = config["url"].replace("http", "ws", 1)
        request = HTTPRequest(
            f"{ws}/codecall/api/sessions/{item['session']}/channel",
            headers={"Authorization": f"token {config['token']}", "Origin": config["url"]},
            connect_timeout=60,
            request_timeout=60,
        )
        connection = await websocket_connect(request)
        while True:  # inside once the snapshot came; later messages wait in tornado's queue
            raw = await asyncio.wait_for(connection.read_message(), 60)
            if raw is None or json.loads(raw)["type"] == "snapshot":
                break
        channels.append(connection)

    async def open_group(items: list[dict[str, Any]]) -> None:
        for item in items:  # in order: a room's first client before its second
            await (open_doc(item) if item["what"] == "doc" else open_channel(item))

    groups = config["groups"]
    for start in range(0, len(groups), 5):  # small waves: memory, not a connection storm
        await asyncio.gather(*(open_group(group) for group in groups[start : start + 5]))
    # Every document arrived whole (the seeds of the Node rooms may still be on their way).
    deadline = time.monotonic() + 60
    for client, doc_type in docs:
        while not _complete(client, doc_type):
            if time.monotonic() > deadline:
                raise RuntimeError(f"{client.room} did not arrive whole")
            await asyncio.sleep(0.05)
    Path(config_path + ".ready").touch()  # noqa: ASYNC240 - once
    stop = Path(config_path + ".stop")
    while not stop.exists():  # noqa: ASYNC110, ASYNC240 - the simplest cross-process flag
        await asyncio.sleep(0.2)
    for client, _ in docs:
        client.close()
    for connection in channels:
        connection.close()


def _complete(client: DocClient, doc_type: str) -> bool:
    if doc_type == "file":
        return len(str(client.text)) == CODE_BYTES
    return element_count(client.doc) == STROKES


def code_doc(text: str) -> Doc[Any]:
    doc: Doc[Any] = Doc()
    doc.get("source", type=Text).insert(0, text)
    return doc


def doc_floor() -> None:
    """In a fresh process: the memory ten rooms' documents hold as pycrdt documents alone,
    loaded as a room loads its files (upstream fills a document of client 0 from the file
    and applies its update to the room's: the same board built in place holds about 0.16
    MiB less). Measured as the allocator's bytes in use (glibc's ``mallinfo2``; yrs
    allocates with malloc), not as RSS, which the memory a load frees blurs: by how much
    of it the next document reuses. Printed as JSON."""
    from jupyter_ydoc import YFile

    from codecall_jupyter.collab.whiteboard import YWhiteboard

    libc = ctypes.CDLL("libc.so.6")
    libc.mallinfo2.restype = _MallInfo2

    def in_use() -> int:
        info = libc.mallinfo2()
        return int(info.uordblks + info.hblkhd)

    async def load(document_type: Any, content: str) -> Any:
        source = document_type(Doc(client_id=0))
        await source.aset(content)
        document = document_type()
        document.ydoc.apply_update(source.ydoc.get_update())
        return document

    files = [(code_text(CODE_BYTES, i), whiteboard_file(STROKES, i)) for i in range(10)]
    gc.collect()
    before = in_use()
    kept = []
    for code, board_file in files:
        kept.append((asyncio.run(load(YFile, code)), asyncio.run(load(YWhiteboard, board_file))))
    gc.collect()
    after = in_use()
    update = kept[0][1].ydoc.get_update()
    print(
        json.dumps(
            {
                "mib_per_room_documents": round((after - before) / 10 / 2**20, 3),
                "whiteboard_file_bytes": len(files[0][1]),
                "whiteboard_update_bytes": len(update),
            }
        )
    )


class _MallInfo2(ctypes.Structure):
    _fields_ = [
        (name, ctypes.c_size_t)
        for name in ("arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks", "fsmblks",
                     "uordblks", "fordblks", "keepcost")
    ]  # fmt: skip


# -- the orchestrator ---------------------------------------------------------------------------


class Holder:
    """One client process holding ``groups`` of connections open."""

    def __init__(
        self, server: Server, tmp: Path, name: str, groups: list[list[dict[str, Any]]]
    ) -> None:
        self.config = tmp / f"hold-{server.kind}-{name}.json"
        config = {
            "kind": server.client_kind,
            "url": server.url,
            "token": server.token,
            "groups": groups,
        }
        self.config.write_text(json.dumps(config))
        self.process = subprocess.Popen([sys.executable, __file__, "--hold", str(self.config)])

    def wait_ready(self, timeout: float = 600) -> None:
        deadline = time.monotonic() + timeout
        ready = Path(f"{self.config}.ready")
        while not ready.exists():
            if self.process.poll() is not None:
                raise RuntimeError(f"a client process exited with {self.process.returncode}")
            if time.monotonic() > deadline:
                raise RuntimeError("the clients did not connect in time")
            time.sleep(0.1)

    def stop(self) -> None:
        Path(f"{self.config}.stop").touch()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()


def make_rooms(server: Server, count: int, first: int) -> list[dict[str, Any]]:
    """``count`` new rooms. CodeCall: sessions with their code and whiteboard written to
    disk before anything opens them. Node: room names, filled by their first client."""
    rooms: list[dict[str, Any]] = []
    for index in range(first, first + count):
        if not isinstance(server, CodeCallServer):
            rooms.append({"code": f"mem-{index}-code", "board": f"mem-{index}-board",
                          "seed": index})  # fmt: skip
            continue
        session_id, folder = server.create_session(f"memory {index}")
        (folder / "solution.py").write_text(code_text(CODE_BYTES, seed=index))
        (folder / "whiteboard.whiteboard").write_text(whiteboard_file(STROKES, seed=index))
        relative = f"codecall-sessions/{session_id}"
        rooms.append(
            {
                "session": session_id,
                "code": f"{relative}/solution.py",
                "board": f"{relative}/whiteboard.whiteboard",
            }
        )
    return rooms


def room_groups(rooms: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """Two clients per room, each with the code, the whiteboard and (CodeCall) the channel."""
    groups = []
    for room in rooms:
        group: list[dict[str, Any]] = []
        for client in range(2):
            seed = room.get("seed") if client == 0 else None
            group.append({"what": "doc", "path": room["code"], "type": "file", "seed": seed})
            group.append({"what": "doc", "path": room["board"], "type": "whiteboard", "seed": seed})
            if "session" in room:
                group.append({"what": "channel", "session": room["session"]})
        groups.append(group)
    return groups


def rss_mib(server: Server) -> float:
    """The server's RSS after the step settled: the median of five samples."""
    time.sleep(SETTLE)
    samples = []
    for _ in range(5):
        samples.append(server.rss_bytes() / 2**20)
        time.sleep(0.3)
    return round(statistics.median(samples), 2)


def slope(points: list[tuple[float, float]]) -> float | None:
    """The least-squares slope of y over x."""
    if len(points) < 2:
        return None
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    mx, my = statistics.fmean(xs), statistics.fmean(ys)
    den = sum((x - mx) ** 2 for x in xs)
    return sum((x - mx) * (y - my) for x, y in points) / den if den else None


def measure(server: Server, tmp: Path, room_steps: list[int], connection_steps: list[int]
            ) -> dict[str, Any]:  # fmt: skip
    holders: list[Holder] = []
    began = time.monotonic()

    def note(text: str) -> None:
        print(f"{server.kind}: {text} ({time.monotonic() - began:.0f} s)", flush=True)

    try:
        started_mib = round(server.rss_bytes() / 2**20, 2)
        warm = make_rooms(server, WARMUP_ROOMS, 0)
        holders.append(Holder(server, tmp, "warmup", room_groups(warm)))
        holders[-1].wait_ready()
        # Connections first, while little memory has been freed back to the allocator:
        # after the rooms' loading, new connections would only reuse that free memory.
        kinds = ("doc", "channel") if isinstance(server, CodeCallServer) else ("doc",)
        per_kind: dict[str, list[tuple[float, float]]] = {}
        for kind in kinds:
            points = [(0.0, rss_mib(server))]
            done = 0
            for target in connection_steps:
                groups = []
                for index in range(done, target):
                    room = warm[index % len(warm)]
                    if kind == "doc":
                        groups.append([{"what": "doc", "path": room["code"], "type": "file"}])
                    else:
                        groups.append([{"what": "channel", "session": room["session"]}])
                holders.append(Holder(server, tmp, f"{kind}-{target}", groups))
                holders[-1].wait_ready()
                done = target
                points.append((target, rss_mib(server)))
                note(f"extra {kind} connections={target}: {points[-1][1]} MiB")
            per_kind[kind] = points
        rooms_points: list[tuple[float, float]] = [(0, rss_mib(server))]
        note(f"rooms=0 (after {WARMUP_ROOMS} warm-up rooms): {rooms_points[-1][1]} MiB")
        opened: list[dict[str, Any]] = []
        for target in room_steps:
            new = make_rooms(server, target - len(opened), WARMUP_ROOMS + len(opened))
            opened += new
            holders.append(Holder(server, tmp, f"rooms-{target}", room_groups(new)))
            holders[-1].wait_ready()
            rooms_points.append((target, rss_mib(server)))
            note(f"rooms={target}: {rooms_points[-1][1]} MiB")
    finally:
        for holder in holders:
            holder.stop()
    per_room = slope(rooms_points[1:])
    by_step = dict(rooms_points)
    two_point = (by_step[50] - by_step[20]) / 30 if 20 in by_step and 50 in by_step else None
    # Every room from none: what loading them left behind shows here, not in the slope.
    last = rooms_points[-1][0]
    from_none = (by_step[last] - by_step[0]) / last if last else None
    result: dict[str, Any] = {
        "rss_at_start_mib": started_mib,
        "rooms_rss_mib": [{"rooms": int(k), "rss_mib": v} for k, v in rooms_points],
        "mib_per_room": None if per_room is None else round(per_room, 3),
        "mib_per_room_20_to_50": None if two_point is None else round(two_point, 3),
        "mib_per_room_from_none": None if from_none is None else round(from_none, 3),
        "rooms_from_none": int(last),
        "connections_rss_mib": {
            kind: [{"connections": int(k), "rss_mib": v} for k, v in points]
            for kind, points in per_kind.items()
        },
    }
    for kind, points in per_kind.items():
        value = slope(points)
        result[f"kib_per_{kind}_connection"] = None if value is None else round(value * 1024, 1)
    return result


def run(args: argparse.Namespace) -> dict[str, Any]:
    room_steps = [int(n) for n in args.rooms.split(",")]
    connection_steps = [int(n) for n in args.connections.split(",")]
    floor = subprocess.run(
        [sys.executable, __file__, "--doc-floor"], capture_output=True, text=True, check=True
    )
    results: dict[str, Any] = {
        "machine": machine(),
        "room": {
            "code_bytes": CODE_BYTES,
            "whiteboard_strokes": STROKES,
            "clients": 2,
            "sockets_per_client": ["code document", "whiteboard", "session channel (CodeCall)"],
        },
        "warmup_rooms": WARMUP_ROOMS,
        "documents_alone": json.loads(floor.stdout),
        "servers": {},
    }
    with tempfile.TemporaryDirectory(prefix="codecall-bench-memory-") as tmp_name:
        tmp = Path(tmp_name)
        for kind in args.kinds.split(","):
            if kind == "codecall":
                # The REST rate limit guards against abuse; this run creates many sessions.
                server: Server = CodeCallServer(
                    tmp / kind, {"api_rate_limit_user": "100000/minute"}
                )
            else:
                server = Server(kind, tmp / kind)
            server.start()
            try:
                results["servers"][kind] = measure(server, tmp, room_steps, connection_steps)
            finally:
                server.stop()
    return results


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--hold", help=argparse.SUPPRESS)
    parser.add_argument("--rooms", default="10,20,50")
    parser.add_argument("--connections", default="250,500")
    parser.add_argument("--kinds", default="codecall,y-websocket")
    parser.add_argument("--doc-floor", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.hold:
        asyncio.run(hold(args.hold))
        return
    if args.doc_floor:
        doc_floor()
        return
    results = run(args)
    path = write_result("memory", results)
    print(f"documents alone: {json.dumps(results['documents_alone'])}")
    for kind, row in results["servers"].items():
        print(
            f"{kind}: {row['mib_per_room']} MiB per room "
            f"(20 to 50: {row['mib_per_room_20_to_50']}; 0 to {row['rooms_from_none']}: "
            f"{row['mib_per_room_from_none']}), "
            f"{row.get('kib_per_doc_connection')} KiB per document connection, "
            f"{row.get('kib_per_channel_connection')} KiB per channel connection"
        )
    print(f"wrote {path}")


if __name__ == "__main__":
    main()
