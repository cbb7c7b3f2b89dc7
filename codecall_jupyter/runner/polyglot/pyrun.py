"""Runs a Python program for the Python kernel of the warm pool: in its run server
(runserver.py), which gets the run's spec as a frame on its socket, or in the kernel
(pykernel.py), which gets it as an execute request.

The program runs in a fork of that process (forking.py), never in the process itself:
it starts in a few milliseconds from an interpreter that has already imported what it
needs, and what it does to its interpreter dies with it. Afterwards, with ``"sweep":
true`` (the server sends it for bubblewrapped kernels), the sandbox is put back as it was
(scrub.py) and the result says whether that worked (``reusable``): only then may the
server hand this kernel another run.

Output goes to ``publish`` (stream messages) as the program writes it; the result to
``display`` as ``application/vnd.codecall.result+json``. This module is imported inside
the sandbox (standard library only).
"""

from __future__ import annotations

import contextlib
import json
import math
import os
import resource
import sys
from collections.abc import Callable
from typing import Any

from . import scrub
from .cancel import Cancel, Stop
from .execute import Job, run_job
from .forking import ForkSpawner, protect
from .output import StreamSink
from .protocol import RESULT
from .spec import SpecError
from .verdict import verdict
from .workspace import write_files

MIB = 1024 * 1024

_spawner = ForkSpawner()
_cancel = Cancel()
protect()
# Modules are never looked up in the work folder, which runs write to.
sys.path[:] = [p for p in sys.path if p not in ("", ".", os.getcwd())]


def parse(code: str) -> dict[str, Any]:
    """The run spec an execute request carries; SpecError when it is not one."""
    try:
        spec = json.loads(code)
    except ValueError as e:
        raise SpecError(f"the request is not JSON: {e}") from None
    if not (
        isinstance(spec, dict)
        and isinstance(spec.get("files"), dict)
        and isinstance(spec.get("entry"), str)
    ):
        raise SpecError("a run spec is a JSON object with files and an entry")
    return spec


def run(
    spec: dict[str, Any],
    publish: Callable[[str, str], None],
    display: Callable[[str, dict[str, Any]], None],
    cancel: Stop | None = None,
    spawner: ForkSpawner = _spawner,
    *,
    sweep_after_result: bool = False,
) -> dict[str, Any]:
    """Run the spec's program; its output goes to ``publish``, its result to ``display``
    (and is returned). Cancelled by SIGINT (the kernel's interrupts), or by ``cancel``
    when one is given (the run server's socket). The program is forked by ``spawner``.

    ``sweep_after_result`` (the run server): the result goes out before the sandbox is
    put back as it was, without ``reusable`` (the reply that follows says it). The server
    answers with the result, and hands the kernel another run only after that reply."""
    work = spec.get("workdir") or os.environ.get("CODECALL_WORK_DIR", "/work")
    sweep = bool(spec.get("sweep"))
    os.makedirs(work, exist_ok=True)
    write_files(work, spec["files"])
    entry = os.path.join(work, *spec["entry"].split("/"))
    limits = spec.get("limits", {})
    memory = int(limits.get("memory_mb", 256)) * MIB
    cpu = float(limits.get("cpu", 10))
    file_bytes = int(limits.get("file_bytes", 64 * MIB))
    # The kernel's own mappings stay allowed (the child starts with them); the program
    # gets ``memory`` on top.
    address_space = spawner.mapped() + memory
    seconds = max(1, math.ceil(cpu))
    job = Job(
        argv=[entry],
        env={},
        cwd=work,
        stdin=str(spec.get("stdin", "")).encode("utf-8", "replace"),
        wall=float(limits.get("wall", 10)),
        rlimits=[
            (resource.RLIMIT_AS, address_space, address_space),
            (resource.RLIMIT_CPU, seconds, seconds + 1),
            (resource.RLIMIT_FSIZE, file_bytes, file_bytes),
            (resource.RLIMIT_CORE, 0, 0),
        ],
    )
    sink = StreamSink(publish, int(limits.get("output_bytes", MIB)))
    stop = _cancel.on_sigint() if cancel is None else contextlib.nullcontext()
    with stop:
        out = run_job(spawner, job, sink, cancel or _cancel)
    # Only a program that ended by itself leaves a kernel worth keeping: one that was
    # stopped (time, memory, a signal, a cancel) retires it, whatever the sweep says.
    ended_itself = not (out.lost or out.timed_out or out.cancelled or out.signal)
    result: dict[str, Any] = {
        "verdict": verdict(out, cpu_limit=cpu, memory_limit=memory, stderr_tail=sink.tail),
        "exit_code": out.exit_code,
        "signal": out.signal,
        "wall": out.wall,
        "cpu": out.cpu,
        "memory": out.memory,
        "truncated": sink.truncated,
        "stdout_bytes": sink.total["stdout"],
        "stderr_bytes": sink.total["stderr"],
        "compile": None,
    }
    if sweep_after_result:
        display(RESULT, dict(result))
    spawner.reap()  # a child killed after its end report: gone before the sweep
    result["reusable"] = sweep and ended_itself and scrub.restore(work)
    if not sweep_after_result:
        display(RESULT, result)
    return result
