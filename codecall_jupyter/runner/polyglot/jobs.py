"""From a request and a language row to the exact job the fork server starts: argv,
a small clean environment (never the kernel's own), and rlimits."""

from __future__ import annotations

import math
import os
import resource
from dataclasses import dataclass

from .execute import Job
from .row import LanguageRow, expand, fill, placeholders, source_files
from .spec import Request

PATH = "/usr/local/bin:/usr/bin:/bin"
MIB = 1024 * 1024
OPEN_FILES = 256
COMPILE_OPEN_FILES = 1024
STACK = 64 * MIB  # deep recursion works; threads (whose stacks default to it) still fit
COMPILE_CPU_FACTOR = 2  # compilers use several cores: CPU seconds per wall second


@dataclass(frozen=True)
class Places:
    """Where children live: the kernel's interpreter, home and scratch folders."""

    python: str
    home: str
    tmp: str


def rlimits(
    *, cpu: float, memory: int | None, file_bytes: int, open_files: int, processes: int | None
) -> list[tuple[int, int, int]]:
    seconds = max(1, math.ceil(cpu))
    limits = [
        (resource.RLIMIT_CPU, seconds, seconds + 1),  # SIGXCPU, then SIGKILL a second later
        (resource.RLIMIT_FSIZE, file_bytes, file_bytes),
        (resource.RLIMIT_NOFILE, open_files, open_files),
        (resource.RLIMIT_CORE, 0, 0),
        (resource.RLIMIT_STACK, STACK, STACK),
    ]
    if memory:
        limits.append((resource.RLIMIT_AS, memory, memory))
    if processes:
        limits.append((resource.RLIMIT_NPROC, processes, processes))
    return limits


# Math libraries start a thread per core by default; under the run's process limit (an
# rlimit counted per user) that fails, so numpy and pandas get one thread.
ONE_THREAD = {"OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}


def environment(row: LanguageRow, values: dict[str, str], *, streaming: bool) -> dict[str, str]:
    env = {"PATH": PATH, "HOME": values["home"], "LANG": "C.UTF-8", "TMPDIR": values["tmp"]}
    env.update(ONE_THREAD)
    env.update({name: fill(value, values) for name, value in row.env.items()})
    if streaming:
        extra = dict(row.stream_env)
        preload = extra.get("LD_PRELOAD")
        if preload and not os.path.exists(preload):
            extra = {}  # no coreutils' libstdbuf: the loader would complain on stderr
        env.update(extra)
    return env


def compile_job(request: Request, places: Places) -> Job:
    row, limits = _row(request), request.limits
    assert row.compile is not None
    values = _values(request, limits.compile_memory_mb, places)
    sources = source_files(row, request.entry, list(request.files or {}))
    memory = limits.compile_memory_mb * MIB if row.compile_memory == "rlimit" else None
    return Job(
        argv=expand(row.compile, values, sources),
        env=environment(row, values, streaming=False),
        cwd=request.workdir,
        stdin=b"",
        wall=limits.compile_wall,
        rlimits=rlimits(
            cpu=limits.compile_wall * COMPILE_CPU_FACTOR,
            memory=memory,
            file_bytes=limits.file_bytes,
            open_files=COMPILE_OPEN_FILES,
            processes=None,  # compilers start threads; the cgroup's pids limit holds them
        ),
    )


def program_job(request: Request, places: Places, stdin: str, *, streaming: bool) -> Job:
    row, limits = _row(request), request.limits
    values = _values(request, limits.memory_mb, places)
    sources = source_files(row, request.entry, list(request.files or {}))
    return Job(
        argv=expand(row.run, values, sources),
        env=environment(row, values, streaming=streaming),
        cwd=request.workdir,
        stdin=stdin.encode("utf-8", "replace"),
        wall=limits.wall,
        rlimits=rlimits(
            cpu=limits.cpu,
            memory=_address_space(request),
            file_bytes=limits.file_bytes,
            open_files=OPEN_FILES,
            processes=limits.processes if row.nproc else None,
        ),
    )


def checker_job(request: Request, places: Places, checker: str, stdin: str) -> Job:
    limits = request.limits
    return Job(
        argv=[places.python, checker],
        env={
            "PATH": PATH,
            "HOME": places.home,
            "LANG": "C.UTF-8",
            "TMPDIR": places.tmp,
            "PYTHONDONTWRITEBYTECODE": "1",
            **ONE_THREAD,
        },
        cwd=request.workdir,
        stdin=stdin.encode("utf-8", "replace"),
        wall=limits.wall,
        rlimits=rlimits(
            cpu=limits.cpu,
            memory=limits.memory_mb * MIB,
            file_bytes=limits.file_bytes,
            open_files=OPEN_FILES,
            processes=limits.processes,
        ),
    )


def memory_limit(request: Request) -> int | None:
    """The program's memory budget in bytes when RLIMIT_AS enforces it, else None."""
    row = _row(request)
    return request.limits.memory_mb * MIB if row.memory == "rlimit" else None


def _address_space(request: Request) -> int | None:
    budget = memory_limit(request)
    return budget + _row(request).address_space_mb * MIB if budget else None


def _row(request: Request) -> LanguageRow:
    assert request.language is not None
    return request.language


def _values(request: Request, mem_mb: int, places: Places) -> dict[str, str]:
    return placeholders(request.entry, mem_mb, places.python, places.tmp, places.home)
