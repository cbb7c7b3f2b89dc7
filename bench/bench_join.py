"""Join and resync: opening a room that holds a 200 KB document and a whiteboard of 5,000
strokes until fully synced, on CodeCall and on the Node Yjs servers (@y/websocket-server,
@hocuspocus/server, from bench/node), in one run.

The room is two documents, as a session has them: the code (a Y.Text of 200 KB) and the
whiteboard (5,000 strokes in the format of codecall_jupyter/collab/whiteboard.py).
On CodeCall both are files written before the room opens (the first open loads them); on the
Node servers, which have no files, the resident client sends them. A resident client keeps
the room open on every server, as the other person in the session would.

- join: a new client with empty documents opens both (CodeCall: the document-session
  request, then the socket, as JupyterLab does) until both are whole (every character and
  every stroke applied); p50 and p99 over repeated joins.
- resync: while that client was away the resident typed a line and drew a stroke; the
  client reconnects with the documents it kept (its state vector asks only for what it
  lacks) until it has both changes. It reconnects as JupyterLab's document provider does
  after a dropped connection: y-websocket's provider opens the socket again with the same
  document session, and no new session request is made. CodeCall also gets a resync with
  a new document session request first (``resync_new_session``; the Node servers have no
  such request), the way this script measured resyncs before 2026-12-07, 11:00.
- first open (CodeCall only): a room no one has open, loaded from its files; a few
  sessions, since each can be opened for the first time once.

The clients are pycrdt clients in this process; every server is its own process.

    python bench/bench_join.py [--joins 40] [--first-opens 5] [--kinds ...]

Writes bench/results/join.json.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from pycrdt import Doc, Map, Text, create_update_message

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import (
    CodeCallServer,
    DocClient,
    Server,
    code_text,
    element_count,
    machine,
    summary_ms,
    whiteboard_board,
    whiteboard_doc,
    whiteboard_file,
    write_result,
)

from codecall_jupyter.collab.whiteboard import element_value

CODE_BYTES = 200_000
STROKES = 5_000
KINDS = ("codecall", "y-websocket", "hocuspocus")


class Room:
    """Where the room's two documents are on one server."""

    def __init__(self, server: Server, name: str) -> None:
        self.server = server
        self.config = {"kind": server.client_kind, "url": server.url, "token": server.token}
        if isinstance(server, CodeCallServer):
            session_id, folder = server.create_session(name)
            (folder / "solution.py").write_text(code_text(CODE_BYTES))
            (folder / "whiteboard.whiteboard").write_text(whiteboard_file(STROKES))
            self.code = f"codecall-sessions/{session_id}/solution.py"
            self.board = f"codecall-sessions/{session_id}/whiteboard.whiteboard"
        else:
            self.code, self.board = f"{name}-code", f"{name}-board"
        self.code_length = CODE_BYTES
        self.strokes = STROKES

    async def open(
        self, kept: tuple[DocClient, DocClient] | None = None, *, new_session: bool = False
    ) -> tuple[DocClient, DocClient]:
        """Both documents connected and synced (not yet checked whole): new clients, or
        the ``kept`` ones' documents reconnected, in their document sessions unless
        ``new_session``."""
        code, board = kept if kept is not None else (None, None)

        def session(client: DocClient | None) -> dict[str, Any] | None:
            return None if client is None or new_session else client.session

        clients = (
            DocClient(
                self.config, self.code, doc_type="file",
                doc=code.doc if code else None, session=session(code),
            ),
            DocClient(
                self.config, self.board, doc_type="whiteboard",
                doc=board.doc if board else None, session=session(board),
            ),
        )  # fmt: skip
        await asyncio.gather(*(c.connect() for c in clients))
        await asyncio.gather(*(asyncio.wait_for(c.synced.wait(), 120) for c in clients))
        return clients

    def whole(self, code: DocClient, board: DocClient) -> bool:
        return len(code.doc.get("source", type=Text)) == self.code_length and (
            element_count(board.doc) == self.strokes
        )

    async def until_whole(self, code: DocClient, board: DocClient) -> None:
        """Synced is not yet whole on a server that sends the state in several messages."""
        deadline = time.perf_counter() + 60
        while not self.whole(code, board):
            if time.perf_counter() > deadline:
                raise RuntimeError(f"{self.server.kind}: the room did not arrive whole")
            await asyncio.sleep(0.001)


async def seed(room: Room, code: DocClient, board: DocClient) -> None:
    """The Node servers' content, sent by the resident as one update per document."""
    text: Doc[Any] = Doc()
    text.get("source", type=Text).insert(0, code_text(CODE_BYTES))
    for client, content in ((code, text), (board, whiteboard_doc(STROKES))):
        client.doc.apply_update(content.get_update())
        await client.send(create_update_message(client.doc.get_update()))


async def change(room: Room, code: DocClient, board: DocClient, index: int) -> None:
    """The resident types a line and draws a stroke."""
    line = f"# note {index:05}\n"
    stroke = {k: v for k, v in whiteboard_board(1, seed=index)["elements"][0].items() if k != "id"}
    before = code.doc.get_state()
    code.doc.get("source", type=Text).insert(0, line)
    await code.send(create_update_message(code.doc.get_update(before)))
    before = board.doc.get_state()
    board.doc.get("elements", type=Map)[f"late-{index}"] = element_value(stroke)
    await board.send(create_update_message(board.doc.get_update(before)))
    room.code_length += len(line)
    room.strokes += 1


async def measure(server: Server, args: argparse.Namespace) -> dict[str, Any]:
    result: dict[str, Any] = {}
    if isinstance(server, CodeCallServer):
        firsts = []
        for index in range(args.first_opens):
            room = Room(server, f"first-open-{index}")
            began = time.perf_counter()
            code, board = await room.open()
            await room.until_whole(code, board)
            firsts.append((time.perf_counter() - began) * 1000)
            code.close()
            board.close()
        result["first_open"] = summary_ms(firsts)
    room = Room(server, "join")
    resident = await room.open()
    if not isinstance(server, CodeCallServer):
        await seed(room, *resident)
    await room.until_whole(*resident)
    joins: list[float] = []
    resyncs: dict[bool, list[float]] = {False: [], True: []}
    # Only CodeCall has a document session request to make again.
    kinds = (False, True) if isinstance(server, CodeCallServer) else (False,)
    for index in range(args.joins):
        began = time.perf_counter()
        kept = await room.open()
        await room.until_whole(*kept)
        joins.append((time.perf_counter() - began) * 1000)
        for new_session in kinds:
            for client in kept:
                client.close()
            # Away: the resident changes both documents; then the client comes back.
            await change(room, *resident, index * 2 + new_session)
            await room.until_whole(*resident)
            began = time.perf_counter()
            kept = await room.open(kept, new_session=new_session)
            await room.until_whole(*kept)
            resyncs[new_session].append((time.perf_counter() - began) * 1000)
            await asyncio.sleep(0.05)  # a pause between steps, for the server's closes
        for client in kept:
            client.close()
        await asyncio.sleep(0.05)
    for client in resident:
        client.close()
    result["join"] = summary_ms(joins)
    result["resync"] = summary_ms(resyncs[False])
    if resyncs[True]:
        result["resync_new_session"] = summary_ms(resyncs[True])
    return result


async def run(args: argparse.Namespace) -> dict[str, Any]:
    results: dict[str, Any] = {
        "machine": machine(),
        "room": {
            "code_bytes": CODE_BYTES,
            "whiteboard_strokes": STROKES,
            "joins": args.joins,
            "first_opens": args.first_opens,
        },
        "servers": {},
    }
    with tempfile.TemporaryDirectory(prefix="codecall-bench-join-") as tmp_name:
        tmp = Path(tmp_name)
        for kind in args.kinds.split(","):
            server = CodeCallServer(tmp / kind) if kind == "codecall" else Server(kind, tmp / kind)
            server.start()
            try:
                row = await measure(server, args)
            finally:
                server.stop()
            results["servers"][kind] = row
            print(f"{kind:12} {row}", flush=True)
    return results


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--joins", type=int, default=40)
    parser.add_argument("--first-opens", type=int, default=5)
    parser.add_argument("--kinds", default=",".join(KINDS))
    args = parser.parse_args()
    results = asyncio.run(run(args))
    print(f"wrote {write_result('join', results)}")


if __name__ == "__main__":
    main()
