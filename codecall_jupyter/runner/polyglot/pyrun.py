"""Runs a Python program inside the stock ipykernel of a fresh sandboxed kernel.

The server sends ``from codecall_polyglot.pyrun import run; run('<spec json>')`` as the
execute request. This module is imported inside the sandbox (standard library only).
The result is published as ``application/vnd.codecall.result+json``.
"""

from __future__ import annotations

import builtins
import io
import json
import os
import resource
import runpy
import sys
import time
import traceback
from typing import Any

from .protocol import RESULT, TRUNCATED


class _Budget:
    """Bytes of output left to forward, shared by stdout and stderr."""

    def __init__(self, limit: int) -> None:
        self.left = limit
        self.limit = limit
        self.truncated = False
        self.written = {"stdout": 0, "stderr": 0}


class _CappedStream(io.TextIOBase):
    def __init__(self, inner: Any, name: str, budget: _Budget) -> None:
        self.inner = inner
        self.name_ = name
        self.budget = budget

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        b = self.budget
        size = len(text.encode("utf-8", "replace"))
        b.written[self.name_] += size
        if b.truncated:
            return len(text)  # drained, not forwarded: the program is not killed for it
        if size > b.left:
            self.inner.write(text.encode("utf-8", "replace")[: b.left].decode("utf-8", "ignore"))
            self.inner.write(TRUNCATED.format(b.limit))
            b.left = 0
            b.truncated = True
        else:
            self.inner.write(text)
            b.left -= size
        return len(text)

    def flush(self) -> None:
        self.inner.flush()


def _write_files(work: str, files: dict[str, str]) -> None:
    for rel, content in files.items():
        parts = rel.split("/")
        if rel.startswith("/") or any(p in ("", ".", "..") for p in parts):
            raise ValueError(f"bad file name {rel!r}")
        path = os.path.join(work, *parts)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o644)
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(content)


def _status(field: str) -> int:
    """A size from /proc/self/status (VmRSS, VmHWM = peak RSS, VmSize), in bytes."""
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1]) * 1024
    return 0


def _cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def _limit(spec: dict[str, Any]) -> None:
    limits = spec.get("limits", {})
    memory = int(limits.get("memory_mb", 256)) * 1024 * 1024
    # The kernel's own mappings stay allowed; the program gets `memory` on top of them.
    address_space = _status("VmSize") + memory
    resource.setrlimit(resource.RLIMIT_AS, (address_space, address_space))
    cpu = int(_cpu() + float(limits.get("cpu", 10)) + 1)
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))
    size = int(limits.get("file_bytes", 64 * 1024 * 1024))
    resource.setrlimit(resource.RLIMIT_FSIZE, (size, size))


def _input(prompt: object = "") -> str:
    if prompt:
        sys.stdout.write(str(prompt))
    line = sys.stdin.readline()
    if not line:
        raise EOFError("EOF when reading a line")
    return line[:-1] if line.endswith("\n") else line


def _user_traceback(error: BaseException, work: str) -> str:
    """The traceback without the harness's and runpy's frames."""
    te = traceback.TracebackException.from_exception(error)
    te.stack = traceback.StackSummary.from_list(
        [f for f in te.stack if f.filename.startswith(work + os.sep)]
    )
    return "".join(te.format())


def run(spec_json: str) -> None:
    from IPython.display import publish_display_data

    spec = json.loads(spec_json)
    work = spec.get("workdir") or os.environ.get("CODECALL_WORK_DIR", "/work")
    os.makedirs(work, exist_ok=True)
    _write_files(work, spec["files"])
    entry = os.path.join(work, *spec["entry"].split("/"))
    os.chdir(work)
    sys.path.insert(0, os.path.dirname(entry))
    budget = _Budget(int(spec.get("limits", {}).get("output_bytes", 1024 * 1024)))
    saved = sys.stdout, sys.stderr, sys.stdin, builtins.input, sys.argv
    sys.stdout = _CappedStream(sys.stdout, "stdout", budget)
    sys.stderr = _CappedStream(sys.stderr, "stderr", budget)
    sys.stdin = io.StringIO(spec.get("stdin", ""))
    builtins.input = _input
    sys.argv = [entry]
    verdict, exit_code = "OK", 0
    with open("/proc/self/clear_refs", "w") as f:
        f.write("5")  # resets VmHWM, so the peak below is this run's
    rss0, cpu0, t0 = _status("VmRSS"), _cpu(), time.monotonic()
    try:
        _limit(spec)
        runpy.run_path(entry, run_name="__main__")
    except SystemExit as e:
        if isinstance(e.code, int) or e.code is None:
            exit_code = e.code or 0
        else:
            print(e.code, file=sys.stderr)
            exit_code = 1
        verdict = "OK" if exit_code == 0 else "RE"
    except MemoryError:
        verdict, exit_code = "MLE", 1
        sys.stderr.write("MemoryError: the program used more memory than its limit.\n")
    except KeyboardInterrupt:
        verdict, exit_code = "CANCELLED", 130
    except BaseException as e:
        verdict, exit_code = "RE", 1
        sys.stderr.write(_user_traceback(e, work))
    wall, cpu = time.monotonic() - t0, _cpu() - cpu0
    sys.stdout.flush()
    sys.stderr.flush()
    sys.stdout, sys.stderr, sys.stdin, builtins.input, sys.argv = saved
    result = {
        "verdict": verdict,
        "exit_code": exit_code,
        "signal": None,
        "wall": round(wall, 6),
        "cpu": round(cpu, 6),
        "memory": max(0, _status("VmHWM") - rss0),
        "truncated": budget.truncated,
        "stdout_bytes": budget.written["stdout"],
        "stderr_bytes": budget.written["stderr"],
        "compile": None,
    }
    publish_display_data({RESULT: result})
