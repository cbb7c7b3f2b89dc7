"""Helpers shared by the runner tests: run code over REST and wait for the verdict."""

from __future__ import annotations

import asyncio
import os
import time
from pathlib import Path
from typing import Any

from codecall_jupyter.testing import Browser, body_json

# Small limits keep hostile runs short; every test server gets them.
RUNNER_CONFIG: dict[str, Any] = {
    "run_wall_seconds": 3.0,
    "run_cpu_seconds": 2.0,
    "run_memory_mb": 128,
    "run_output_bytes": 64 * 1024,
    "compile_wall_seconds": 20.0,
    "max_runs_total": 4,
    "max_runs_per_user": 2,
    "max_runs_per_session": 2,
}


async def start(who: Browser, code: str, **fields: Any) -> dict[str, Any]:
    body = {"language": "python", "code": code, **fields}
    response = await who.api("POST", "runs", body)
    assert response.code == 202, response.body
    return body_json(response)  # type: ignore[no-any-return]


async def finish(who: Browser, run_id: str, timeout: float = 60.0) -> dict[str, Any]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        response = await who.api("GET", f"runs/{run_id}", params={"wait": "10"})
        assert response.code == 200, response.body
        run = body_json(response)
        if run["status"] == "done":
            return run  # type: ignore[no-any-return]
    raise AssertionError(f"run {run_id} did not finish in {timeout} s")


async def run(who: Browser, code: str, **fields: Any) -> dict[str, Any]:
    started = await start(who, code, **fields)
    return await finish(who, started["id"])


async def responsive(who: Browser) -> float:
    """Seconds a plain REST call takes; the server must answer while runs misbehave."""
    t0 = time.monotonic()
    response = await who.api("GET", "me")
    assert response.code == 200
    return time.monotonic() - t0


def processes_matching(text: str) -> list[int]:
    """Host processes whose command line contains ``text``."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit() or int(entry.name) == os.getpid():
            continue
        try:
            cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode()
        except OSError:
            continue
        if text in cmdline:
            found.append(int(entry.name))
    return found


async def gone(text: str, within: float = 5.0) -> bool:
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        if not processes_matching(text):
            return True
        await asyncio.sleep(0.1)
    return False


def zombies_of(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        fields = stat.rsplit(")", 1)[1].split()
        if fields[0] == "Z" and int(fields[1]) == pid:
            found.append(int(entry.name))
    return found
