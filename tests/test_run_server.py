"""The Python kernel's run server (polyglot/runserver.py): warm runs reach a real sandboxed
kernel over a socket pair of their own, not as execute requests, with the same output,
results, cancels and sweeps; and no program can reach that socket."""

import asyncio
import contextlib
import json
import os
import signal
import socket
import time
from collections.abc import AsyncIterator
from dataclasses import replace
from pathlib import Path

from codecall_jupyter.runner.execute import Outcome, execute
from codecall_jupyter.runner.kernels import PYTHON, SandboxedKernel, above_standard_streams
from codecall_jupyter.runner.verdicts import verdict_of

RUN_SERVER_PID = 3  # bwrap's init is 1, the kernel 2, and the kernel forks this first
MIB = 1024 * 1024


def spec(code: str, *, sweep: bool = True, wall: float = 20, stdin: str = "") -> str:
    files = {"solution.py": code}
    return json.dumps(
        {
            "files": files,
            "entry": "solution.py",
            "workdir": "/work",
            "stdin": stdin,
            "limits": {"wall": wall},
            "sweep": sweep,
        }
    )


@contextlib.asynccontextmanager
async def sandboxed(sandbox_settings) -> AsyncIterator[SandboxedKernel]:
    kernel = SandboxedKernel(PYTHON, sandbox_settings)
    await kernel.start()
    try:
        yield kernel
    finally:
        await kernel.dispose()


async def run(kernel: SandboxedKernel, code: str, **options) -> Outcome:
    """The run's outcome once its run server has also put the sandbox back (it answers
    first, and says whether that worked after)."""
    cancel = options.pop("cancel", None)
    on_output = options.pop("on_output", None)
    outcome = await execute(
        kernel, spec(code, **options), deadline=20, output_bytes=1 << 20,
        on_output=on_output, cancel=cancel,
    )  # fmt: skip
    if outcome.settled is not None:
        await outcome.settled
    return outcome


async def test_a_warm_run_is_forked_by_the_run_server_not_by_the_kernel(sandbox_settings):
    async with sandboxed(sandbox_settings) as kernel:
        assert kernel.run_channel is not None
        outcome = await run(kernel, "import os\nprint(os.getppid(), input())", stdin="hi\n")
        assert outcome.error is None, outcome
        assert outcome.text("stdout") == f"{RUN_SERVER_PID} hi\n"
        assert outcome.result["verdict"] == "OK"
        assert outcome.result["reusable"] is True
        # The same spec as an execute request, with the channel set aside, forks from the
        # kernel (pid 2): both ways give the same result.
        channel, kernel.run_channel = kernel.run_channel, None
        try:
            direct = await run(kernel, "import os\nprint(os.getppid(), input())", stdin="hi\n")
        finally:
            kernel.run_channel = channel
        assert direct.text("stdout") == "2 hi\n"
        assert direct.result["reusable"] is True
        again = await run(kernel, "import os\nprint(os.getppid())")
        assert again.text("stdout") == f"{RUN_SERVER_PID}\n"  # each sweep spared the other


async def test_output_streams_while_the_program_runs(sandbox_settings):
    async with sandboxed(sandbox_settings) as kernel:
        seen: list[tuple[float, str, str]] = []
        started = time.monotonic()
        outcome = await run(
            kernel,
            "import sys, time\nprint('first', flush=True)\ntime.sleep(0.6)\n"
            "print('oops', file=sys.stderr)\nprint('second')",
            on_output=lambda name, text: seen.append((time.monotonic() - started, name, text)),
        )
        assert outcome.text("stdout") == "first\nsecond\n"
        assert outcome.text("stderr") == "oops\n"
        assert seen[0][1:] == ("stdout", "first\n")
        assert outcome.wall - seen[0][0] > 0.4  # the first line came long before the end


async def test_a_cancel_stops_the_program(sandbox_settings):
    async with sandboxed(sandbox_settings) as kernel:
        cancel = asyncio.Event()
        asyncio.get_running_loop().call_later(0.5, cancel.set)
        started = time.monotonic()
        outcome = await run(kernel, "while True: pass", cancel=cancel, wall=30)
        assert outcome.cancelled
        assert outcome.result["verdict"] == "CANCELLED"
        assert outcome.error == {"ename": "KeyboardInterrupt", "evalue": "cancelled"}
        assert time.monotonic() - started < 3


async def test_a_programs_peak_memory_is_its_own(sandbox_settings):
    """Runs fork from a child made ahead of them: its memory before the program is not
    the program's."""
    async with sandboxed(sandbox_settings) as kernel:
        trivial = await run(kernel, "print('hi')")
        big = await run(kernel, "block = bytearray(40 * 1024 * 1024)\nprint(len(block))")
    assert trivial.result["memory"] < 4 * MIB
    assert 40 * MIB <= big.result["memory"] < 48 * MIB


async def test_a_child_made_ahead_that_a_sweep_killed_is_replaced_by_a_fork(sandbox_settings):
    async with sandboxed(sandbox_settings) as kernel:
        first = await run(kernel, "import os\nprint(os.getpid())")
        # An execute request to the kernel sweeps the whole namespace but the kernel and
        # its run server: the run server's child, made for the next run, goes too.
        channel, kernel.run_channel = kernel.run_channel, None
        try:
            swept = await run(
                kernel,
                "import os\nprint(sorted(int(p) for p in os.listdir('/proc') if p.isdigit()))",
            )
        finally:
            kernel.run_channel = channel
        pids = json.loads(swept.text("stdout"))
        assert pids[:3] == [1, 2, RUN_SERVER_PID]
        assert len(pids) == 5  # the run server's child made ahead, and this program
        assert swept.result["reusable"] is True
        after = await run(kernel, "import os\nprint(os.getppid())")
        assert after.text("stdout") == f"{RUN_SERVER_PID}\n"
        assert after.result["verdict"] == "OK"
        assert first.result["verdict"] == "OK"


async def test_the_kernels_interrupt_stops_a_run_on_the_run_server(sandbox_settings):
    async with sandboxed(sandbox_settings) as kernel:
        asyncio.get_running_loop().call_later(0.5, asyncio.ensure_future, kernel.interrupt())
        outcome = await run(kernel, "while True: pass", wall=30)
        assert outcome.result["verdict"] == "CANCELLED"
        assert outcome.error == {"ename": "KeyboardInterrupt", "evalue": "cancelled"}


async def test_a_spec_that_is_not_one_is_refused_and_the_server_serves_on(sandbox_settings):
    async with sandboxed(sandbox_settings) as kernel:
        channel = kernel.run_channel
        channel.send({"code": '{"entry": "a.py"}'})
        reply = await channel.receive(10)
        assert reply == {
            "reply": ["CodeCallSpecError", "a run spec is a JSON object with files and an entry"],
            "reusable": None,
        }
        channel.send({"cancel": True})  # no run: ignored
        outcome = await run(kernel, "print('still here')")
        assert outcome.text("stdout") == "still here\n"


async def test_what_a_program_leaves_running_is_swept_and_the_run_server_is_not(sandbox_settings):
    async with sandboxed(sandbox_settings) as kernel:
        daemon = (
            "import os, time\n"
            "if os.fork() == 0:\n"
            "    os.setsid()\n"
            "    time.sleep(60)\n"
            "print(os.getpid())\n"
        )
        outcome = await run(kernel, daemon)
        assert outcome.result["reusable"] is True
        listing = await run(
            kernel, "import os\nprint(sorted(int(p) for p in os.listdir('/proc') if p.isdigit()))"
        )
        pids = json.loads(listing.text("stdout"))
        assert pids[:3] == [1, 2, RUN_SERVER_PID]
        assert len(pids) == 4  # and this program: the daemon is gone


async def test_no_program_can_reach_the_run_servers_socket(sandbox_settings):
    async with sandboxed(sandbox_settings) as kernel:
        probe = (
            "import os, socket\n"
            "open_fds = []\n"
            "for fd in range(4096):\n"
            "    try:\n"
            "        os.fstat(fd)\n"
            "        open_fds.append(fd)\n"
            "    except OSError:\n"
            "        pass\n"
            "print(open_fds)\n"
            "for pid in (2, 3):\n"
            "    try:\n"
            "        print(os.listdir(f'/proc/{pid}/fd'))\n"
            "    except PermissionError:\n"
            "        print('denied')\n"
        )
        outcome = await run(kernel, probe)
        # 3: the harness's own report of the program's end (see the next test).
        assert outcome.text("stdout") == "[0, 1, 2, 3]\ndenied\ndenied\n", outcome


async def test_a_programs_cpu_time_is_measured_with_its_threads_and_children(sandbox_settings):
    """The figures are taken from the kernel as the program's process waits to be
    killed: its CPU time with every thread's, and its waited-for children's."""
    spin = "import time\nend = time.thread_time() + 0.3\nwhile time.thread_time() < end: pass\n"
    async with sandboxed(sandbox_settings) as kernel:
        threads = await run(
            kernel,
            "import threading\n"
            f"def spin():\n    exec({spin!r})\n"
            "workers = [threading.Thread(target=spin) for _ in range(2)]\n"
            "for w in workers: w.start()\n"
            "for w in workers: w.join()\n",
        )
        child = await run(
            kernel, f"import subprocess, sys\nsubprocess.run([sys.executable, '-c', {spin!r}])\n"
        )
    assert 0.5 <= threads.result["cpu"] < 3, threads.result
    assert 0.3 <= child.result["cpu"] < 3, child.result


async def test_a_program_that_reports_its_own_end_only_ends_its_run(sandbox_settings):
    """A run's end is reported by the harness in its process, before the process ends
    (its teardown would come first otherwise); the program can write the same words. It
    then only ends its own run, with the status it chose: its figures are the kernel's,
    and it is stopped there. A program that closes the report runs as any other."""
    async with sandboxed(sandbox_settings) as kernel:
        forged = await run(
            kernel,
            "import os, time\n"
            "block = bytearray(30 * 1024 * 1024)\n"
            "print('reported', flush=True)\n"
            "os.write(3, b'end 0 0 0\\n')\n"
            "time.sleep(5)\n"
            "print('never')\n",
        )
        closed = await run(kernel, "import os\nos.close(3)\nprint('fine')\nraise SystemExit(4)")
        after = await run(kernel, "print('next')")
    assert forged.text("stdout") == "reported\n", forged
    assert forged.result["exit_code"] == 0
    assert forged.result["wall"] < 2
    assert forged.result["memory"] >= 30 * MIB  # measured, not what it wrote
    assert forged.result["reusable"] is True
    assert (closed.text("stdout"), closed.result["exit_code"]) == ("fine\n", 4), closed
    assert closed.result["verdict"] == "RE"
    assert after.text("stdout") == "next\n"


async def test_a_kernel_that_dies_mid_run_is_reported_at_once(sandbox_settings):
    async with sandboxed(sandbox_settings) as kernel:
        cancel = asyncio.Event()
        pid = kernel.manager.provisioner.pid
        asyncio.get_running_loop().call_later(0.5, os.kill, pid, signal.SIGKILL)
        started = time.monotonic()
        outcome = await run(
            kernel, "import time\nprint('up', flush=True)\ntime.sleep(30)", cancel=cancel
        )
        assert outcome.died
        assert not outcome.timed_out
        assert outcome.text("stdout") == "up\n"
        assert time.monotonic() - started < 5


async def test_a_program_that_kills_its_run_server_ends_its_run_with_a_clear_verdict(
    sandbox_settings,
):
    async with sandboxed(sandbox_settings) as kernel:
        started = time.monotonic()
        outcome = await run(
            kernel, "import os, signal, time\nos.kill(os.getppid(), signal.SIGKILL)\ntime.sleep(30)"
        )
        assert outcome.died
        assert outcome.exit_status is None  # the kernel itself lives on, to be disposed of
        assert time.monotonic() - started < 5
        verdict = verdict_of(outcome, oom=False)
        assert (verdict.code, verdict.message) == (
            "RE",
            "The program ended the process that ran it.",
        )


async def test_unsandboxed_kernels_run_through_it_and_take_it_with_them(sandbox_settings):
    unsandboxed = replace(sandbox_settings, policy=None, cgroups=None)
    kernel = SandboxedKernel(PYTHON, unsandboxed)
    await kernel.start()
    try:
        outcome = await run(kernel, "import os\nprint(os.getppid() != os.getpid())", sweep=False)
        assert outcome.text("stdout") == "True\n"
        kernel_pid = kernel.manager.provisioner.pid
        children = Path(f"/proc/{kernel_pid}/task/{kernel_pid}/children").read_text().split()
        assert len(children) == 1  # the run server
        run_server = int(children[0])
    finally:
        await kernel.dispose()
    for _ in range(50):
        if not running(run_server):
            break
        await asyncio.sleep(0.1)
    assert not running(run_server)


def running(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", "rb") as f:
            return f.read().rsplit(b")", 1)[1].split()[0] not in (b"Z", b"X")
    except OSError:
        return False


def test_the_run_servers_descriptor_is_never_a_standard_stream():
    """A server started with its standard streams closed gets 0-2 for new sockets; the
    kernel's launch would put /dev/null or a pipe on them."""
    saved = os.dup(0)
    ours, theirs = socket.socketpair()
    try:
        os.dup2(theirs.fileno(), 0)
        low = socket.socket(fileno=0)
        moved = above_standard_streams(low)
        assert moved.fileno() > 2
        moved.sendall(b"still the pair")
        assert ours.recv(100) == b"still the pair"
        moved.close()
    finally:
        os.dup2(saved, 0)
        os.close(saved)
        ours.close()
        theirs.close()
