"""Python programs forked from the warm kernel's run server (or the kernel), one child
per run.

Starting a Python interpreter costs ~50-90 ms; forking this already-started one costs a
few. The child gets the program's stdin, stdout and stderr on fds 0-2 and its report to
the parent on fd 3, closes every other descriptor (the kernel's ZeroMQ sockets, the run
server's socket), leads its own session, takes the run's rlimits, runs the file as
``__main__`` and ends: nothing it does to its interpreter reaches the kernel, whose
memory it only has a copy of. It ends by reporting the program's exit status on fd 3
and waiting to be killed (``_say_ended``): the parent reads its CPU time and peak RSS
from the kernel meanwhile (``read_ending``) and needs no wait for the teardown of its
address space; a child that cannot report (killed, or fd 3 closed by the program) ends
as before, and its exit says it all (``read_exit``).

The kernel and its run server make themselves non-dumpable first (``protect``), so a
child of the same user can neither ptrace them nor read their memory or descriptors
under /proc: the run cannot tamper with the process that later forks someone else's.

Same interface as the fork server's ``Spawner`` (spawn, fileno, ending, read_ending,
read_exit, kill, close), so ``execute.run_job`` watches either.
"""

from __future__ import annotations

import builtins
import contextlib
import ctypes
import functools
import gc
import io
import json
import os
import resource
import signal
import socket
import sys
import time
import traceback
import types
from collections.abc import Callable, Sequence
from typing import NamedTuple, NoReturn

from .spawner import Exit, Spawner, SpawnError

PR_SET_DUMPABLE = 4
_EXIT_CRASHED = 70  # the harness itself failed in the child (EX_SOFTWARE)


@functools.cache
def _prctl() -> Callable[..., int] | None:
    """libc's prctl, looked up once in the kernel: each child then only calls it."""
    try:
        return ctypes.CDLL(None, use_errno=True).prctl
    except (OSError, AttributeError):
        return None


def _prctl_dumpable(value: int) -> bool:
    prctl = _prctl()
    return prctl is not None and int(prctl(PR_SET_DUMPABLE, value, 0, 0, 0)) == 0


def protect() -> bool:
    """No ptrace and no /proc/PID/mem for this process from its own children."""
    return _prctl_dumpable(0)


def _input(prompt: object = "") -> str:
    """``input`` on the program's stdin (ipykernel replaced the builtin with its own)."""
    if prompt:
        sys.stdout.write(str(prompt))
        sys.stdout.flush()
    line = sys.stdin.readline()
    if not line:
        raise EOFError("EOF when reading a line")
    return line[:-1] if line.endswith("\n") else line


def _user_traceback(error: BaseException, work: str) -> str:
    """The traceback without the harness's frames."""
    te = traceback.TracebackException.from_exception(error)
    te.stack = traceback.StackSummary.from_list(
        [f for f in te.stack if f.filename.startswith(work + os.sep)]
    )
    return "".join(te.format())


def _streams() -> None:
    sys.stdin = io.TextIOWrapper(io.FileIO(0, "r", closefd=False), encoding="utf-8")
    sys.stdout = io.TextIOWrapper(
        io.FileIO(1, "w", closefd=False), encoding="utf-8", errors="replace", line_buffering=True
    )
    sys.stderr = io.TextIOWrapper(
        io.FileIO(2, "w", closefd=False), encoding="utf-8", errors="backslashreplace",
        line_buffering=True,
    )  # fmt: skip
    builtins.input = _input


def _run_file(entry: str) -> None:
    """``python entry``: the file as a fresh ``__main__``. What ``runpy.run_path`` does
    for a plain file, without its search for a zip or package importer first (about
    1.5 ms of a forked child's time, most of a trivial run)."""
    with io.open_code(entry) as f:
        source = f.read()
    # dont_inherit: none of this module's __future__ flags reach the program.
    code = compile(source, entry, "exec", dont_inherit=True)
    main = types.ModuleType("__main__")
    main.__dict__.update(__file__=entry, __cached__=None, __loader__=None, __spec__=None)
    sys.modules["__main__"] = main
    exec(code, main.__dict__)  # noqa: S102 (the program, in its sandboxed fork)


def _run_program(entry: str, work: str) -> int:
    """The program's exit status, as ``python entry`` would end."""
    try:
        _run_file(entry)
    except SystemExit as e:
        if e.code is None or isinstance(e.code, int):
            return int(e.code or 0) & 0xFF
        print(e.code, file=sys.stderr)
        return 1
    except MemoryError:
        # Printed by us, so the verdict's look at stderr finds it (MLE).
        sys.stderr.write("MemoryError: the program used more memory than its limit.\n")
        return 1
    except BaseException as e:
        sys.stderr.write(_user_traceback(e, work))
        return 1
    return 0


def proc_status(field: str, pid: int | str = "self") -> int:
    """A size from /proc/<pid>/status (VmRSS, VmSize, VmHWM), in bytes; 0 if it is not
    there."""
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1]) * 1024
    return 0


def _forget_peak() -> int:
    """Reset this process's peak RSS to its current RSS (clear_refs 5) and return that
    RSS: the program's peak is then ``ru_maxrss`` minus it (a fork starts with the RSS it
    shares with its parent, and with its parent's peak)."""
    with contextlib.suppress(OSError):
        with open("/proc/self/clear_refs", "w") as f:
            f.write("5")
        return proc_status("VmRSS")
    return 0


def _detach() -> None:
    """What a child does before it knows its run: its own session, default signals, its
    own /proc files (clear_refs) again."""
    os.setsid()
    for number in (signal.SIGINT, signal.SIGTERM, signal.SIGQUIT, signal.SIGCHLD):
        signal.signal(number, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.default_int_handler)
    _prctl_dumpable(1)


def _enter(
    entry: str,
    cwd: str,
    rlimits: Sequence[tuple[int, int, int]],
    fds: Sequence[int],
    report: int,
    start_rss: int,
) -> NoReturn:
    """Take the run's descriptors (every other one closed), limits and streams, tell the
    parent the RSS the program started from, run it, and end."""
    status = _EXIT_CRASHED
    report_id: tuple[int, int] | None = None
    try:
        for target, fd in enumerate(fds):
            os.dup2(fd, target)
        os.dup2(report, 3)
        os.closerange(4, 65536)
        os.write(3, b"%d\n" % start_rss)
        stat = os.fstat(3)
        report_id = (stat.st_dev, stat.st_ino)
        _streams()
        os.chdir(cwd)
        sys.argv = [entry]
        sys.path[0:0] = [os.path.dirname(entry)]
        for res, soft, hard in rlimits:
            resource.setrlimit(res, (soft, hard))
        status = _run_program(entry, cwd)
    except BaseException:  # the harness, not the program: say so and end
        os.write(2, traceback.format_exc().encode("utf-8", "replace"))
    finally:
        for stream in (sys.stdout, sys.stderr):
            with contextlib.suppress(BaseException):  # a closed or broken pipe
                stream.flush()
        with contextlib.suppress(BaseException):
            _say_ended(status, report_id)
        os._exit(status)


def _say_ended(status: int, report_id: tuple[int, int] | None) -> None:
    """Tell the parent the program is over, then wait to be killed. Ending by ourselves
    would first tear down the address space this process shares copy-on-write with the
    run server (about 0.6 ms, a tenth of a trivial run) before anyone could know; the
    parent takes this process's figures from the kernel meanwhile (``read_ending``). The
    streams are closed first, so that their pipes end now. The program may have written
    the same words itself: that only ends its run then, with the status it chose."""
    if report_id is None:
        return
    stat = os.fstat(3)
    if (stat.st_dev, stat.st_ino) != report_id:
        return  # the program closed or replaced the descriptor: end as usual
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    os.closerange(0, 3)
    cpu = children.ru_utime + children.ru_stime
    os.write(3, b"end %d %.6f %d\n" % (status & 0xFF, cpu, children.ru_maxrss * 1024))
    os.read(3, 1)  # killed while waiting; end of file: the parent wants the usual end


def _child(
    entry: str,
    cwd: str,
    rlimits: Sequence[tuple[int, int, int]],
    fds: tuple[int, int, int],
    report: int,
) -> NoReturn:
    try:
        _detach()
        start_rss = _forget_peak()
    except BaseException:
        os.write(2, traceback.format_exc().encode("utf-8", "replace"))
        os._exit(_EXIT_CRASHED)
    _enter(entry, cwd, rlimits, fds, report, start_rss)


def _waiting_child(control: socket.socket) -> NoReturn:
    """A child forked ahead of its run (``PreforkSpawner.prepare``): everything but the
    run done, it waits for the run's files, descriptors and limits on ``control``; end of
    file there (the spawner is gone, or discarded it) ends it."""
    try:
        keep = control.fileno()
        os.closerange(3, keep)  # the run server's socket, before anything else
        os.closerange(keep + 1, 65536)
        _detach()
        start_rss = _forget_peak()
        message, fds, _, _ = socket.recv_fds(control, 1 << 16, 4)
        if not message or len(fds) != 4:
            os._exit(0)
        run = json.loads(message)
    except BaseException:
        os._exit(_EXIT_CRASHED)
    *streams, report = fds
    _enter(run["entry"], run["cwd"], run["rlimits"], streams, report, start_rss)


class _Start(NamedTuple):
    """A program's start, as ``_child`` takes it."""

    entry: str
    cwd: str
    rlimits: Sequence[tuple[int, int, int]]
    fds: tuple[int, int, int]


class ForkSpawner(Spawner):
    """Runs ``argv[0]`` (a Python file) in a fork of this interpreter. ``env`` is this
    process's environment (the kernel's, already the sandbox's clean one)."""

    def __init__(self) -> None:
        super().__init__()
        self._pidfd: int | None = None
        self._pid: int | None = None
        # The child's report: the RSS its program started from, then its end.
        self._report: int | None = None
        self._said = b""
        self._unreaped: int | None = None  # a child killed after its end report

    def start(self) -> None:
        """Nothing to start: the kernel is the fork server."""

    def close(self) -> None:
        for fd in (self._pidfd, self._report):
            if fd is not None:
                os.close(fd)
        self._pidfd = self._report = None
        self._said = b""
        self.reap()

    def reap(self) -> None:
        """Wait for a child killed after its end report to be gone (its address space
        torn down): before the sandbox is swept, which would otherwise find it alive."""
        pid, self._unreaped = self._unreaped, None
        if pid is not None:
            with contextlib.suppress(ChildProcessError):
                os.waitpid(pid, 0)

    def fileno(self) -> int:
        assert self._pidfd is not None
        return self._pidfd

    def mapped(self) -> int:
        """The bytes the next child starts with mapped: this process's (the program's
        address-space limit is this plus its memory)."""
        return proc_status("VmSize")

    def spawn(
        self,
        argv: Sequence[str],
        env: dict[str, str],
        cwd: str,
        rlimits: Sequence[tuple[int, int, int]],
        fds: tuple[int, int, int],
    ) -> int:
        self.close()
        for stream in (sys.stdout, sys.stderr):
            stream.flush()  # nothing of the kernel's buffers is written twice
        pid, self._report = self._fork(_Start(argv[0], cwd, rlimits, fds))
        self._pid = pid
        self._pidfd = os.pidfd_open(pid)
        return pid

    def ending(self) -> int | None:
        return self._report

    def read_ending(self) -> tuple[bool, Exit | None]:
        report, pid = self._report, self._pid
        assert report is not None
        assert pid is not None
        try:
            data = os.read(report, 256)
        except OSError:
            data = b""
        self._said += data
        lines = self._said.split(b"\n")
        if data and len(lines) < 3:
            return True, None  # the start's line, or part of the end's
        done = None
        with contextlib.suppress(OSError, ValueError):
            if len(lines) == 3 and lines[1].startswith(b"end "):
                _end, status, children_cpu, children_peak = lines[1].split()
                cpu, peak = _figures(pid)
                # What the child says of its waited-for children can only add to the
                # figures the kernel gives: no report makes a program look leaner.
                cpu += max(0.0, float(children_cpu))
                peak = max(peak, int(children_peak))
                done = Exit((int(status) & 0xFF) << 8, cpu, max(0, peak - int(lines[0])))
        if done is None:
            # Gone, or not our harness's words: its exit will tell, once it stops waiting.
            os.close(report)
            self._report = None
            return False, None
        self.kill(pid)
        self._unreaped, self._pid = pid, None
        return False, done

    def _fork(self, start: _Start) -> tuple[int, int]:
        """The child running the program, and our end of its report."""
        report_r, report_w = _report_pair()
        # The child's collections skip the kernel's objects: each object a collection
        # visits is written to, and every page written in a fork is copied (faults that
        # cost microseconds each in a VM). The kernel's own collector is as it was.
        gc.freeze()
        try:
            pid = os.fork()
        except OSError as e:
            gc.unfreeze()
            os.close(report_r)
            os.close(report_w)
            raise SpawnError(f"cannot fork: {e}") from e
        if pid == 0:
            _child(*start, report_w)
        gc.unfreeze()
        os.close(report_w)
        return pid, report_r

    def read_exit(self) -> Exit:
        assert self._pid is not None
        _, status, usage = os.wait4(self._pid, 0)
        self._pid = None
        start = 0
        with contextlib.suppress(OSError, ValueError):
            if self._report is not None and b"\n" not in self._said:
                self._said += os.read(self._report, 256)
            start = int(self._said.split(b"\n", 1)[0] or b"0")
        self.close()
        peak = max(0, usage.ru_maxrss * 1024 - start)
        return Exit(status, usage.ru_utime + usage.ru_stime, peak)


class PreforkSpawner(ForkSpawner):
    """A ``ForkSpawner`` whose next child is forked ahead of its run (``prepare``, called
    once a run is over and swept): the fork, the child's first page copies and its
    set-up (about 2 ms) are then out of the next run's way. Without a prepared child, or
    if it is gone (a sweep from elsewhere killed it), a run forks as ForkSpawner does."""

    def __init__(self) -> None:
        super().__init__()
        self._next: tuple[int, socket.socket] | None = None
        self._next_mapped = 0  # what the prepared child was forked with mapped

    def mapped(self) -> int:
        """The prepared child's mappings as it was forked (read then, off the next run's
        path: /proc/self/status took 0.15 ms of a run in a kernel idle until it came)."""
        return self._next_mapped if self._next is not None else super().mapped()

    def prepare(self) -> None:
        if self._next is not None:
            return
        ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        self._next_mapped = proc_status("VmSize")
        gc.freeze()  # as in spawn: the child's collections skip this process's objects
        try:
            pid = os.fork()
        except OSError:
            gc.unfreeze()
            ours.close()
            theirs.close()
            return  # the run will fork for itself
        if pid == 0:
            ours.close()
            _waiting_child(theirs)
        gc.unfreeze()
        theirs.close()
        self._next = (pid, ours)

    def _fork(self, start: _Start) -> tuple[int, int]:
        if self._next is None:
            return super()._fork(start)
        pid, control = self._next
        self._next = None
        report_r, report_w = _report_pair()
        run = {"entry": start.entry, "cwd": start.cwd, "rlimits": [list(r) for r in start.rlimits]}
        try:
            socket.send_fds(control, [json.dumps(run).encode()], [*start.fds, report_w])
        except OSError:  # it is gone: reap it, and fork one for this run
            os.close(report_r)
            with contextlib.suppress(ChildProcessError):
                os.waitpid(pid, 0)
            return super()._fork(start)
        finally:
            os.close(report_w)
            control.close()
        return pid, report_r


def _report_pair() -> tuple[int, int]:
    """Our end of a child's report and its end: a socket both ways, so that the child
    can wait on it after its end report."""
    ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
    return ours.detach(), theirs.detach()


def _figures(pid: int) -> tuple[float, int]:
    """A live child's CPU time (all its threads, from the kernel's clock of the process)
    and its peak RSS in bytes (since its peak was reset), read from outside it."""
    cpu = time.clock_gettime(((~pid) << 3) | 2)  # the process's CPU clock (CPUCLOCK_SCHED)
    peak = proc_status("VmHWM", pid)
    if not peak:
        raise ValueError("no VmHWM: the process is ending")
    return cpu, peak
