"""One run on a sandboxed kernel: streams out, limits enforced from outside.

A run goes to the kernel as an execute request, or, for a Python kernel with a run
server (polyglot/runserver.py), as a frame on the run server's socket: the same spec,
the same output and result, without ipykernel's messages in between. Whatever the
kernel reports, the server keeps its own wall clock and output cap: a kernel that hangs,
floods or dies is stopped and described, never waited on forever.
"""

from __future__ import annotations

import asyncio
import contextlib
import queue
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

from .kernels import SandboxedKernel
from .polyglot.protocol import CASE, CHECK, COMPILE, RESULT, TRUNCATED
from .runchannel import RunChannel

INTERRUPT_GRACE = 1.0  # seconds a cancelled program has to stop before its kernel is killed
# Seconds for a kernel to end once its run server is gone (a program that kills its
# parent, then everything else): its exit status says how.
KERNEL_EXIT_WAIT = 1.0
# Seconds a run server has, after a result, to put its sandbox back and say so; a kernel
# whose run server has not said so by then serves no other run.
SETTLE_WAIT = 10.0

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
    # A run server's result comes before its sandbox is put back: this resolves once its
    # reply says whether that worked (``result["reusable"]``); None when nothing is left
    # to say.
    settled: asyncio.Future[bool] | None = None

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


class _Watch:
    """The server's own clock over one run, and its cancel."""

    def __init__(self, deadline: float, cancel: asyncio.Event | None) -> None:
        self.started = time.monotonic()
        self.end = self.started + deadline
        self._cancel = cancel
        self._interrupted_at: float | None = None

    async def stop_waiting(
        self, outcome: Outcome, interrupt: Callable[[], Awaitable[None]]
    ) -> bool:
        """Past the deadline, or a cancelled program still running after its grace (the
        caller kills the kernel); a new cancel is passed on with ``interrupt``."""
        now = time.monotonic()
        if now >= self.end:
            outcome.timed_out = True
            return True
        if self._cancel is not None and self._cancel.is_set() and self._interrupted_at is None:
            outcome.cancelled = True
            self._interrupted_at = now
            await interrupt()
        return self._interrupted_at is not None and now - self._interrupted_at > INTERRUPT_GRACE


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
    if kernel.run_channel is not None and not kernel.run_channel.closed:
        return await _run_on_channel(
            kernel, kernel.run_channel, code, deadline, _Cap(output_bytes), on_output, cancel
        )
    client = kernel.client
    assert client is not None
    outcome = Outcome()
    cap = _Cap(output_bytes)
    watch = _Watch(deadline, cancel)
    # Silent: the kernels publish no execute_input, one message fewer per run.
    msg_id = client.execute(code, silent=True, store_history=False, allow_stdin=False)
    next_alive_check = watch.started + 0.25
    while not await watch.stop_waiting(outcome, kernel.interrupt):
        now = time.monotonic()
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
    outcome.wall = time.monotonic() - watch.started
    if not (outcome.timed_out or outcome.died):
        with contextlib.suppress(queue.Empty, asyncio.TimeoutError):
            reply = await client.get_shell_msg(timeout=0.5)
            content = reply["content"]
            if content.get("status") == "error" and outcome.error is None:
                outcome.error = {"ename": content.get("ename"), "evalue": content.get("evalue")}
    return outcome


async def _run_on_channel(
    kernel: SandboxedKernel,
    channel: RunChannel,
    code: str,
    deadline: float,
    cap: _Cap,
    on_output: OutputSink | None,
    cancel: asyncio.Event | None,
) -> Outcome:
    """``execute`` through the run server: its frames are the execute request's messages."""
    outcome = Outcome()
    watch = _Watch(deadline, cancel)
    channel.drop_pending()
    channel.send({"code": code})

    async def interrupt() -> None:
        channel.send({"cancel": True})

    while not await watch.stop_waiting(outcome, interrupt):
        try:
            message = await channel.receive(min(0.1, max(0.0, watch.end - time.monotonic())))
        except asyncio.TimeoutError:
            continue
        if message is None:  # the run server is gone, and the kernel with it, or soon
            outcome.died = True
            outcome.exit_status = await _exit_status(kernel, within=KERNEL_EXIT_WAIT)
            break
        if "stream" in message:
            _take_stream(message["stream"], message.get("text", ""), outcome, cap, on_output)
        elif "display" in message:
            _take_display({message["display"]: message.get("data")}, outcome)
            if outcome.result is not None and "reusable" not in outcome.result:
                # The run is over; the sandbox is being put back as it was, and the
                # reply will say whether it was. The answer need not wait for that.
                outcome.settled = asyncio.ensure_future(_settle(channel, outcome))
                break
        elif "reply" in message:
            error = message["reply"]
            if error and outcome.error is None:
                outcome.error = {"ename": error[0], "evalue": error[1]}
            break
    outcome.wall = time.monotonic() - watch.started
    return outcome


async def _settle(channel: RunChannel, outcome: Outcome) -> bool:
    """The run server's reply after a result: whether its sandbox is as it was (also set
    as the result's ``reusable``; an error it names becomes the outcome's). False for
    anything but such a reply in time."""
    assert outcome.result is not None
    outcome.result["reusable"] = False
    deadline = time.monotonic() + SETTLE_WAIT
    while True:
        try:
            message = await channel.receive(max(0.0, deadline - time.monotonic()))
        except asyncio.TimeoutError:
            return False
        if message is None:
            return False
        if "reply" in message:
            error = message["reply"]
            if error and outcome.error is None:
                outcome.error = {"ename": error[0], "evalue": error[1]}
            outcome.result["reusable"] = not error and message.get("reusable") is True
            return bool(outcome.result["reusable"])


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
        _take_stream(content.get("name"), content.get("text", ""), outcome, cap, on_output)
    elif kind in ("display_data", "execute_result"):
        _take_display(content.get("data", {}), outcome)
    elif kind == "error":
        outcome.error = {"ename": content.get("ename"), "evalue": content.get("evalue")}
    elif kind == "status" and content.get("execution_state") == "idle":
        return True
    return False


def _take_stream(
    name: Any, text: str, outcome: Outcome, cap: _Cap, on_output: OutputSink | None
) -> None:
    name = "stderr" if name == "stderr" else "stdout"
    kept = cap.take(outcome, text)
    if kept:
        (outcome.stdout if name == "stdout" else outcome.stderr).append(kept)
        if on_output is not None:
            on_output(name, kept)


def _take_display(data: dict[str, Any], outcome: Outcome) -> None:
    if RESULT in data:
        outcome.result = data[RESULT]
    elif CASE in data:
        outcome.cases.append(data[CASE])
    elif COMPILE in data:
        outcome.compile = data[COMPILE]
    elif CHECK in data:
        outcome.checks.append(data[CHECK])


async def _exit_status(kernel: SandboxedKernel, within: float = 0.0) -> int | None:
    """The sandbox's exit status; waits up to ``within`` seconds for it to end."""
    for _ in range(round(within / 0.02)):  # the provisioner only polls: no event to wait on
        if not await kernel.is_alive():
            break
        await asyncio.sleep(0.02)
    manager = kernel.manager
    if manager is None or manager.provisioner is None:
        return None
    with contextlib.suppress(Exception):
        status = await manager.provisioner.poll()
        return int(status) if status is not None else None
    return None
