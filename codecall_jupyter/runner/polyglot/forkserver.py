"""A small process that forks and execs the programs the kernel runs, and reaps them.

Why not fork from the kernel: Linux copies the forking process's RSS into the child and
keeps its peak across exec, so ``ru_maxrss`` of anything forked from the ~60 MB kernel
would say "60 MB" for a C hello world. Forked from this small process, a program's peak
is its own, with a floor of about 8 MB (this process's own RSS).

Run as a script (``python -I -S forkserver.py FD``): standard library only, no package.
Protocol on the SOCK_SEQPACKET socket FD, one program at a time:
  kernel -> {"argv", "env", "cwd", "rlimits": [[resource, soft, hard], ...]}
            with stdin, stdout, stderr passed as SCM_RIGHTS
  server -> {"pid": n} (or {"error": "..."}), later {"pid", "status", "cpu", "maxrss"}
            once the program has exited (``status`` is the raw wait status).
The program is the leader of a new session and process group (pid == pgid), so the
kernel kills it and everything it started with killpg.
"""

from __future__ import annotations

import json
import os
import resource
import select
import signal
import socket
import sys
from typing import Any, NoReturn

MAX_MESSAGE = 1 << 20


def _clamp(res: int, soft: int, hard: int) -> tuple[int, int]:
    """Never above the current hard limit: an unprivileged process cannot raise it."""
    _, cur_hard = resource.getrlimit(res)
    if cur_hard != resource.RLIM_INFINITY and (hard < 0 or hard > cur_hard):
        hard = cur_hard
    if hard >= 0 and (soft < 0 or soft > hard):
        soft = hard
    return soft, hard


def _forget_peak() -> None:
    """Reset this process's peak RSS to its current RSS (Linux's clear_refs 5): a peak
    the fork server once had (reading a big request) does not become the program's."""
    try:
        fd = os.open("/proc/self/clear_refs", os.O_WRONLY)
        try:
            os.write(fd, b"5")
        finally:
            os.close(fd)
    except OSError:
        pass


def _child(request: dict[str, Any], fds: list[int]) -> NoReturn:
    try:
        os.setsid()
        for target, fd in enumerate(fds):
            os.dup2(fd, target)
        os.closerange(3, 65536)  # the socket and every other descriptor
        # Python ignores SIGPIPE and SIGXFSZ; ignored signals survive exec.
        for sig in (signal.SIGPIPE, signal.SIGXFSZ, signal.SIGINT):
            signal.signal(sig, signal.SIG_DFL)
        os.chdir(request["cwd"])
        os.umask(0o022)
        for res, soft, hard in request["rlimits"]:
            resource.setrlimit(res, _clamp(res, soft, hard))
        _forget_peak()
        argv = request["argv"]
        os.execvpe(argv[0], argv, request["env"])  # noqa: S606 - no shell, by design
    except BaseException as e:
        message = f"codecall: cannot run {request.get('argv', ['?'])[0]!r}: {e}\n"
        try:
            os.write(2, message.encode("utf-8", "replace"))
        finally:
            os._exit(127)


def serve(sock: socket.socket) -> None:
    while True:
        try:
            data, fds, _, _ = socket.recv_fds(sock, MAX_MESSAGE, 3)
        except (ConnectionError, OSError):
            return
        if not data:
            return  # the kernel is gone
        request = json.loads(data)
        try:
            pid = os.fork()
        except OSError as e:
            for fd in fds:
                os.close(fd)
            sock.send(json.dumps({"error": f"fork failed: {e}"}).encode())
            continue
        if pid == 0:
            _child(request, fds)
        for fd in fds:
            os.close(fd)
        sock.send(json.dumps({"pid": pid}).encode())
        kernel_gone = _wait_for_exit_or_eof(pid, sock)
        _, status, usage = os.wait4(pid, 0)
        if kernel_gone:
            return
        done = {
            "pid": pid,
            "status": status,
            "cpu": usage.ru_utime + usage.ru_stime,
            "maxrss": usage.ru_maxrss * 1024,
        }
        sock.send(json.dumps(done).encode())


def _wait_for_exit_or_eof(pid: int, sock: socket.socket) -> bool:
    """Until the program exits; if the kernel goes first (the socket reads EOF: it sends
    nothing while a program runs), kill the program's group and say so."""
    try:
        pidfd = os.pidfd_open(pid)
    except (AttributeError, OSError):
        return False  # no pidfd (old kernel): wait4 alone
    try:
        readable, _, _ = select.select([pidfd, sock.fileno()], [], [])
        if sock.fileno() in readable:
            os.killpg(pid, signal.SIGKILL)
            return True
        return False
    finally:
        os.close(pidfd)


def main() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # interrupts are the kernel's business
    sock = socket.socket(fileno=int(sys.argv[1]))
    serve(sock)


if __name__ == "__main__":
    main()
