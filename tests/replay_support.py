"""Shared by the replay and snapshot tests: a session of three with its solution file,
and real Yjs clients of its room."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ydoc_client import YClient, document_room

from codecall_jupyter.handlers.replay import ReplayKit, replay_kit
from codecall_jupyter.testing import Browser, body_json, create_session, join_session


@dataclass
class Session:
    """Host ann (interviewer), bob (candidate), cat (observer), and dan, an outsider."""

    ann: Browser
    bob: Browser
    cat: Browser
    dan: Browser
    id: str
    path: str  # the solution file's contents path
    file: Path  # ...and where it lies on disk
    room: str  # its collaboration room id, with the sessionId query
    clients: list[YClient] = field(default_factory=list)

    @property
    def history_room(self) -> str:
        """The room as the history names it: "file:<file id>"."""
        return "file:" + self.room.split("?")[0].split(":", 2)[2]

    async def open(self, browser: Browser, port: int) -> YClient:
        client = await YClient.open(browser, port, self.room)
        self.clients.append(client)
        await client.until(lambda: client.synced)
        return client

    def close(self) -> None:
        for client in self.clients:
            client.connection.close()
            client._reader.cancel()


async def make_session(people, services, root: Path) -> Session:
    ann, bob, cat, dan = await people("ann", "bob", "cat", "dan")
    detail = await create_session(ann, auto_admit=True, max_participants=3)
    roles = []
    for guest in (bob, cat):
        joined = await join_session(guest, detail)
        assert joined.code == 200, joined.body
        roles.append(body_json(joined)["session"]["my_role"])
    assert roles == ["candidate", "observer"]
    folder = services.access.folder_path(detail["id"])
    path = f"{folder}/solution.py"
    file = root / path
    file.write_text("start\n")
    problem = file.parent / "problem.md"  # the host's and interviewers' to change
    if not problem.exists():
        problem.write_text("# Two sum\n")
    return Session(ann, bob, cat, dan, detail["id"], path, file, await document_room(ann, path))


def kit(serverapp) -> ReplayKit:
    return replay_kit(serverapp.web_app.settings)


async def typed(writer: YClient, reader: YClient, change: Callable[[YClient], object]) -> float:
    """Make an edit and wait until the other client has it (relayed only once stored);
    the time right after, when the history surely holds it."""
    await change(writer)  # type: ignore[misc]
    await reader.until(lambda: reader.source == writer.source)
    return time.time()
