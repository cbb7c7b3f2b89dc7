"""One execute request on a sandboxed kernel: streams out, limits enforced from outside.

Whatever the kernel reports, the server keeps its own wall clock and output cap: a kernel
that hangs, floods or dies is stopped and described, never waited on forever.
"""

from __future__ import annotations

import asyncio
import contextlib
import queue
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from .kernels import SandboxedKernel
from .polyglot.protocol import CASE, CHECK, COMPILE, RESULT, TRUNCATED

INTERRUPT_GRACE = 1.0  # seconds a cancelled program has to stop before its kernel is killed

OutputSink = Callable[[str, str], None]


@dataclass
class Outcome:
    stdout: list[str] = field(default_factory=list)
    stderr: list[str] = field(default_factory=list)
    result: dict[str, Any] | None = None
    compile: dict[str, Any] | None = None
    cases: list[dict[str, Any]] = field(default_factory=list)
    checks: list[dict[str, Any]] = field(default_factory=list)
    error: dict[str, Any] | None = None  # an error reply: a bad spec, never user code
    timed_out: bool = False
    cancelled: bool = False
    died: bool = False
    exit_status: int | None = None  # the sandbox's exit status when the kernel died
    truncated: bool = False
    wall: float = 0.0

    def text(self, name: str) -> str:
        return "".join(self.stdout if name == "stdout" else self.stderr)


class _Cap:
    def __init__(self, limit: int) -> None:
        self.left = limit
        self.limit = limit

    def take(self, outcome: Outcome, text: str) -> str | None:
        """What of ``text`` may still go out; the marker once when the cap is crossed."""
        if outcome.truncated:
            return None
        size = len(text.encode("utf-8", "replace"))
        if size <= self.left:
            self.left -= size
            return text
        head = text.encode("utf-8", "replace")[: self.left].decode("utf-8", "ignore")
        self.left = 0
        outcome.truncated = True
        return head + TRUNCATED.format(self.limit)


async def execute(
    kernel: SandboxedKernel,
    code: str,
    *,
    deadline: float,
    output_bytes: int,
    on_output: OutputSink | None = None,
    cancel: asyncio.Event | None = None,
) -> Outcome:
    """Run ``code``; return when the kernel is idle again, dead, past ``deadline``
    (seconds from now), or cancelled and stopped."""
    client = kernel.client
    assert client is not None
    outcome = Outcome()
    cap = _Cap(output_bytes)
    started = time.monotonic()
    end = started + deadline
    # Silent: the kernels publish no execute_input, one message fewer per run.
    msg_id = client.execute(code, silent=True, store_history=False, allow_stdin=False)
    interrupted_at: float | None = None
    next_alive_check = started + 0.25
    while True:
        now = time.monotonic()
        if now >= end:
            outcome.timed_out = True
            break
        if cancel is not None and cancel.is_set() and interrupted_at is None:
            outcome.cancelled = True
            interrupted_at = now
            await kernel.interrupt()
        if interrupted_at is not None and now - interrupted_at > INTERRUPT_GRACE:
            break  # the program ignored the interrupt: the caller kills the kernel
        if now >= next_alive_check:
            next_alive_check = now + 0.25
            if not await kernel.is_alive():
                outcome.died = True
                outcome.exit_status = await _exit_status(kernel)
                await _drain(client, msg_id, outcome, cap, on_output)
                break
        try:
            msg = await client.get_iopub_msg(timeout=0.1)
        except queue.Empty:
            continue
        if _handle(msg, msg_id, outcome, cap, on_output):
            break
    outcome.wall = time.monotonic() - started
    if not (outcome.timed_out or outcome.died):
        with contextlib.suppress(queue.Empty, asyncio.TimeoutError):
            reply = await client.get_shell_msg(timeout=0.5)
            content = reply["content"]
            if content.get("status") == "error" and outcome.error is None:
                outcome.error = {"ename": content.get("ename"), "evalue": content.get("evalue")}
    return outcome


async def _drain(
    client: Any, msg_id: str, outcome: Outcome, cap: _Cap, on_output: OutputSink | None
) -> None:
    """Output the kernel sent before it died is still the program's output."""
    while True:
        try:
            msg = await client.get_iopub_msg(timeout=0.05)
        except queue.Empty:
            return
        if _handle(msg, msg_id, outcome, cap, on_output):
            return


def _handle(
    msg: dict[str, Any], msg_id: str, outcome: Outcome, cap: _Cap, on_output: OutputSink | None
) -> bool:
    """Take one iopub message; True when the request is finished (the kernel is idle)."""
    if msg.get("parent_header", {}).get("msg_id") != msg_id:
        return False
    kind = msg["msg_type"]
    content = msg["content"]
    if kind == "stream":
        name = "stderr" if content.get("name") == "stderr" else "stdout"
        text = cap.take(outcome, content.get("text", ""))
        if text:
            (outcome.stdout if name == "stdout" else outcome.stderr).append(text)
            if on_output is not None:
                on_output(name, text)
    elif kind in ("display_data", "execute_result"):
        data = content.get("data", {})
        if RESULT in data:
            outcome.result = data[RESULT]
        elif CASE in data:
            outcome.cases.append(data[CASE])
        elif COMPILE in data:
            outcome.compile = data[COMPILE]
        elif CHECK in data:
            outcome.checks.append(data[CHECK])
    elif kind == "error":
        outcome.error = {"ename": content.get("ename"), "evalue": content.get("evalue")}
    elif kind == "status" and content.get("execution_state") == "idle":
        return True
    return False


async def _exit_status(kernel: SandboxedKernel) -> int | None:
    manager = kernel.manager
    if manager is None or manager.provisioner is None:
        return None
    with contextlib.suppress(Exception):
        status = await manager.provisioner.poll()
        return int(status) if status is not None else None
    return None
