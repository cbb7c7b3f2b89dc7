"""SIGKILL the server while two tabs chat and code runs, then start it again: every chat
message the server acknowledged (relayed to the other tab) and every finished run result
is there, exactly once; the run the kill interrupted is closed, not left "running"; tabs
that reconnect with their resume point get a snapshot without duplicates.
(Collaborative edits across a SIGKILL: test_doc_durability.py.)"""

from __future__ import annotations

import asyncio
import time
from collections import Counter
from typing import Any

import pytest
from runner_support import RUNNER_CONFIG
from server_process import ServerProcess
from tornado.httpclient import AsyncHTTPClient, HTTPResponse

from codecall_jupyter.testing import Browser, ChannelClient, body_json

pytestmark = pytest.mark.sqlite_only


class ServerClient:
    """pytest-jupyter's ``http_server_client`` shape (paths, not URLs) for a server in a
    process of its own, so ``Browser`` and ``ChannelClient`` work with it unchanged."""

    def __init__(self, server: ServerProcess) -> None:
        self.server = server
        self.http = AsyncHTTPClient()

    async def fetch(self, path: str, **kwargs: Any) -> HTTPResponse:
        return await self.http.fetch(self.server.url + path, **kwargs)


def owner(server: ServerProcess) -> Browser:
    browser = Browser(ServerClient(server), "/")
    browser.headers["Authorization"] = f"token {server.token}"
    return browser


async def finished_run(who: Browser, run_id: str, timeout: float = 60.0) -> dict[str, Any]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        run = body_json(await who.api("GET", f"runs/{run_id}", params={"wait": "5"}))
        if run["status"] == "done":
            return dict(run)
    raise AssertionError(f"run {run_id} did not finish")


@pytest.mark.timeout(180)
async def test_sigkill_keeps_every_acknowledged_chat_message_and_run_result(tmp_path):
    traits = {f"CodeCallApp__{name}": value for name, value in RUNNER_CONFIG.items()}
    traits["CodeCallApp__run_wall_seconds"] = 60.0
    traits["CodeCallApp__run_cpu_seconds"] = 60.0
    server = ServerProcess(tmp_path, **traits)
    server.start()
    tabs: list[ChannelClient] = []
    try:
        me = owner(server)
        created = await me.api("POST", "sessions", {"title": "Kill me"})
        assert created.code == 201, created.body
        session_id = body_json(created)["id"]
        a = await ChannelClient.open(me, server.port, session_id)
        b = await ChannelClient.open(me, server.port, session_id)
        tabs += [a, b]
        await a.next("snapshot")
        b_hello = await b.next("snapshot")
        epoch = b_hello["epoch"]

        # A finished run: its result was acknowledged (GET says done).
        body = {"language": "python", "code": "print('kept')", "session_id": session_id}
        started = await me.api("POST", "runs", body)
        assert started.code == 202, started.body
        kept = await finished_run(me, body_json(started)["id"])
        assert (kept["verdict"], kept["stdout"]) == ("OK", "kept\n")
        # A run still going when the server dies.
        body = {
            "language": "python",
            "code": "import time\ntime.sleep(50)",
            "session_id": session_id,
        }
        started = await me.api("POST", "runs", body)
        assert started.code == 202, started.body
        interrupted_id = body_json(started)["id"]

        # Chat: acknowledged = relayed to the other tab. Then more, unanswered, as the
        # server dies under them.
        acknowledged: list[str] = []
        last_seq = 0
        for n in range(15):
            await a.send({"type": "chat", "text": f"acked {n}"})
            seen = await b.next("chat")
            acknowledged.append(seen["message"]["text"])
            last_seq = seen.get("seq", last_seq)
        for n in range(15):
            await a.send({"type": "chat", "text": f"racing {n}"})
        await asyncio.sleep(0.05)
        server.kill()
        for tab in tabs:
            tab.close()
        tabs.clear()

        server.start()
        me = owner(server)
        # The tab comes back with its resume point: the old epoch is gone, so it gets a
        # fresh snapshot, and every message in it appears once.
        back = await ChannelClient.open(me, server.port, session_id, resume=f"{epoch}.{last_seq}")
        tabs.append(back)
        snapshot = await back.next("snapshot")
        snapshot_texts = [m["text"] for m in snapshot["chat"]["messages"]]
        history = body_json(await me.api("GET", f"sessions/{session_id}/chat"))
        texts = [m["text"] for m in history["messages"]]
        assert snapshot_texts == texts
        duplicates = [t for t, k in Counter(texts).items() if k > 1]
        assert not duplicates, duplicates
        assert len({m["id"] for m in history["messages"]}) == len(texts)
        missing = [t for t in acknowledged if t not in texts]
        assert not missing, f"acknowledged but lost: {missing}"
        # The unacknowledged ones are either stored or not, but in the order sent.
        racing = [t for t in texts if t.startswith("racing")]
        assert racing == [f"racing {n}" for n in range(len(racing))]

        # The finished run is intact; the interrupted one is closed with a verdict.
        again = body_json(await me.api("GET", f"runs/{kept['id']}"))
        assert (again["status"], again["verdict"], again["stdout"]) == ("done", "OK", "kept\n")
        interrupted = body_json(await me.api("GET", f"runs/{interrupted_id}"))
        assert interrupted["status"] == "done", interrupted
        assert interrupted["verdict"] != "OK", interrupted
        runs = body_json(await me.api("GET", f"sessions/{session_id}/runs"))
        listed = [r["id"] for r in runs["runs"]]
        assert sorted(listed) == sorted([kept["id"], interrupted_id])

        # And the channel works on: a new message reaches a second tab once.
        other = await ChannelClient.open(me, server.port, session_id)
        tabs.append(other)
        await other.next("snapshot")
        await back.send({"type": "chat", "text": "after the restart"})
        assert (await other.next("chat"))["message"]["text"] == "after the restart"
    finally:
        for tab in tabs:
            tab.close()
        server.stop()
