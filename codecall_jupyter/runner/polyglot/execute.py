"""Running one program to its end: its output, its wall clock, how it ended.

One loop selects on the program's stdout and stderr, the fork server's "it exited"
message, and the interrupt pipe. Past the wall limit, or on interrupt, the program's
whole process group is killed; after it exits, the group is killed anyway (background
children), and the pipes are drained briefly.
"""

from __future__ import annotations

import contextlib
import os
import selectors
import time
from dataclasses import dataclass
from typing import Protocol

from .cancel import Stop
from .spawner import Exit, Spawner

CHUNK = 64 * 1024
DRAIN = 0.25  # seconds to collect output after the program exited
KILL_GRACE = 5.0  # seconds for a killed program's exit to be reported


class Sink(Protocol):
    def feed(self, name: str, data: bytes) -> None: ...
    def tick(self, now: float) -> float | None: ...
    def close(self) -> None: ...


@dataclass(frozen=True)
class Job:
    argv: list[str]
    env: dict[str, str]
    cwd: str
    stdin: bytes
    wall: float
    rlimits: list[tuple[int, int, int]]


@dataclass
class Outcome:
    exit_code: int | None = None
    signal: int | None = None
    wall: float = 0.0
    cpu: float = 0.0
    memory: int = 0  # peak RSS, bytes
    timed_out: bool = False  # killed at the wall limit
    cancelled: bool = False
    lost: bool = False  # the fork server died: how the program ended is unknown


def _stdin_file(data: bytes) -> int:
    """A descriptor reading ``data``: a memfd, so a big input never blocks the writer."""
    fd = os.memfd_create("stdin", os.MFD_CLOEXEC)
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]
    os.lseek(fd, 0, os.SEEK_SET)
    return fd


def run_job(spawner: Spawner, job: Job, sink: Sink, cancel: Stop) -> Outcome:
    if cancel.requested:
        return Outcome(cancelled=True)
    stdin = _stdin_file(job.stdin)
    out_r, out_w = os.pipe()
    err_r, err_w = os.pipe()
    try:
        pid = spawner.spawn(job.argv, job.env, job.cwd, job.rlimits, (stdin, out_w, err_w))
    except BaseException:
        os.close(out_r)
        os.close(err_r)
        raise
    finally:
        for fd in (stdin, out_w, err_w):
            os.close(fd)
    started = time.monotonic()
    try:
        pipes = {out_r: "stdout", err_r: "stderr"}
        return _watch(spawner, pid, pipes, sink, cancel, started, started + job.wall)
    except BaseException:
        spawner.kill(pid)  # never leave it running behind a failure of ours
        raise
    finally:
        sink.close()
        for fd in (out_r, err_r):
            with contextlib.suppress(OSError):
                os.close(fd)


_EXIT, _ENDING, _CANCEL = "exit", "ending", "cancel"


def _watch(
    spawner: Spawner,
    pid: int,
    pipes: dict[int, str],
    sink: Sink,
    cancel: Stop,
    started: float,
    deadline: float,
) -> Outcome:
    outcome = Outcome()
    done: Exit | None = None
    ended = drain_until = killed_at = 0.0
    with selectors.DefaultSelector() as sel:
        for fd, name in pipes.items():
            sel.register(fd, selectors.EVENT_READ, name)
        sel.register(spawner.fileno(), selectors.EVENT_READ, _EXIT)
        ending = spawner.ending()
        if ending is not None:
            sel.register(ending, selectors.EVENT_READ, _ENDING)
        sel.register(cancel.fileno(), selectors.EVENT_READ, _CANCEL)
        while True:
            now = time.monotonic()
            if done is None and not killed_at and now >= deadline:
                outcome.timed_out = True
                killed_at = now
                spawner.kill(pid)
            if done is None and killed_at and now >= killed_at + KILL_GRACE:
                spawner.close()  # it never reported: start afresh next time
                done, ended = Exit(None, 0.0, 0), now
                break
            if done is not None and (not pipes or now >= drain_until):
                break
            waits = [sink.tick(now)]
            if done is not None:
                waits.append(drain_until - now)
            elif killed_at:
                waits.append(killed_at + KILL_GRACE - now)
            else:
                waits.append(deadline - now)
            timeout = max(0.0, min(w for w in waits if w is not None))
            for key, _ in sel.select(timeout):
                if key.data in (_EXIT, _ENDING) and done is not None:
                    continue  # both came in one round: the first one said it
                if key.data == _EXIT:
                    done, ended = spawner.read_exit(), time.monotonic()
                    spawner.kill(pid, exited=True)  # what it left running in the background
                    drain_until = ended + DRAIN
                    sel.unregister(key.fd)
                    if ending is not None:
                        sel.unregister(ending)
                        ending = None
                elif key.data == _ENDING:
                    # The program said it is over, and its process waits to be killed
                    # (forking._say_ended): its figures are taken and it is killed.
                    watching, said = spawner.read_ending()
                    if not watching:
                        sel.unregister(key.fd)
                        ending = None
                    if said is not None and done is None:
                        done, ended = said, time.monotonic()
                        drain_until = ended + DRAIN
                        sel.unregister(spawner.fileno())
                elif key.data == _CANCEL:
                    sel.unregister(key.fd)
                    if done is None:
                        outcome.cancelled = True
                        killed_at = killed_at or time.monotonic()
                        spawner.kill(pid)
                else:
                    data = os.read(key.fd, CHUNK)
                    if data:
                        sink.feed(key.data, data)
                    else:
                        sel.unregister(key.fd)
                        del pipes[key.fd]
    assert done is not None  # the loop ends only once the program's end is known
    outcome.wall = round(ended - started, 4)
    _describe(outcome, done)
    return outcome


def _describe(outcome: Outcome, done: Exit) -> None:
    outcome.cpu = round(done.cpu, 4)
    outcome.memory = done.maxrss
    if done.status is None:
        outcome.lost = True
    elif os.WIFSIGNALED(done.status):
        outcome.signal = os.WTERMSIG(done.status)
    else:
        outcome.exit_code = os.waitstatus_to_exitcode(done.status)
