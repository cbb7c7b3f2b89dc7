"""SIGKILL the server while two real clients, each in its own process, are typing into the
same file; restart it. Every edit one client had received from the server (accepted) is in
the history at the moment of the kill; after the restart the clients reconnect and
converge; nothing is lost and nothing is duplicated, and a third server start with no
client left rebuilds the same text from the history alone."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from pycrdt import Doc, Text
from server_process import ServerProcess

TYPIST = Path(__file__).with_name("collab_typist.py")
COUNT = 60
INTERVAL = 0.08


def typist(server: ServerProcess, name: str, count: int, other_last: str, out: Path) -> Any:
    return subprocess.Popen(
        [
            sys.executable,
            str(TYPIST),
            server.url,
            server.token,
            "notes.txt",
            name,
            str(count),
            str(INTERVAL),
            other_last,
            str(out),
        ],
        env=server.env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )


def finished(process: Any, out: Path, server: ServerProcess) -> dict[str, Any]:
    try:
        output, _ = process.communicate(timeout=120)
    except subprocess.TimeoutExpired:
        process.kill()
        output, _ = process.communicate()
    assert process.returncode == 0, f"{output.decode()}\n--- server ---\n{server.log()}"
    return dict(json.loads(out.read_text()))


def history_text(db_path: Path) -> str:
    """The document as the history holds it: every stored update applied in order."""
    with sqlite3.connect(db_path) as db:
        rows = db.execute("SELECT data FROM doc_updates ORDER BY id").fetchall()
    doc = Doc()
    for (data,) in rows:
        doc.apply_update(data)
    return str(doc.get("source", type=Text))


@pytest.mark.timeout(300)
def test_sigkill_while_typing_loses_no_accepted_edit_and_duplicates_nothing(tmp_path):
    server = ServerProcess(tmp_path)
    (server.root / "notes.txt").write_text("")
    server.start()
    try:
        outs = {name: tmp_path / f"{name}.json" for name in ("ann", "bob", "cat")}
        ann = typist(server, "ann", COUNT, f"bob{COUNT - 1};", outs["ann"])
        bob = typist(server, "bob", COUNT, f"ann{COUNT - 1};", outs["bob"])
        time.sleep(2.5)  # both are typing now

        server.kill()
        killed_at = time.time()
        stored_at_kill = history_text(tmp_path / "codecall.db")
        time.sleep(1.0)  # they keep typing into their copies, offline
        server.start()

        a, b = finished(ann, outs["ann"], server), finished(bob, outs["bob"], server)

        # Accepted before the kill = received from the server by the other client.
        accepted = [
            token
            for result in (a, b)
            for token, seen in result["first_seen"].items()
            if seen < killed_at
        ]
        assert accepted, "the kill came before any edit was relayed: the test proves nothing"
        missing = [token for token in accepted if token not in stored_at_kill]
        assert not missing, f"accepted but not stored when the server died: {missing}"

        # After the restart, both converge on every token, each exactly once.
        assert a["final"] == b["final"]
        counts = Counter(a["final"].split(";")[:-1])
        expected = {token.rstrip(";") for token in a["typed"] + b["typed"]}
        assert set(counts) == expected
        assert all(n == 1 for n in counts.values()), counts.most_common(3)

        # With no client left to resend anything, a killed and restarted server rebuilds
        # the same text from the history (and the file, which it saved).
        time.sleep(0.5)
        server.kill()
        server.start()
        reader = typist(server, "cat", 0, "", outs["cat"])
        assert finished(reader, outs["cat"], server)["final"] == a["final"]
    finally:
        server.stop()
