"""The kernel's side of the fork server (forkserver.py): start it, have it run a program,
learn how the program ended, kill the program's process group."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import socket
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

FORKSERVER = os.path.join(os.path.dirname(os.path.abspath(__file__)), "forkserver.py")
MAX_MESSAGE = 1 << 16


class SpawnError(Exception):
    """The program could not be started at all (not: it failed)."""


@dataclass(frozen=True)
class Exit:
    status: int | None  # the raw wait status; None when the fork server died meanwhile
    cpu: float  # user + system seconds of the program and the children it waited for
    maxrss: int  # bytes


class Spawner:
    def __init__(self, python: str = sys.executable) -> None:
        self.python = python
        self._proc: subprocess.Popen[bytes] | None = None
        self._sock: socket.socket | None = None

    def start(self) -> None:
        if self._sock is not None:
            return
        ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        try:
            self._proc = subprocess.Popen(
                [self.python, "-I", "-S", FORKSERVER, str(theirs.fileno())],
                pass_fds=[theirs.fileno()],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                start_new_session=True,  # out of the kernel's group: no SIGINT for it
            )
        except BaseException:
            ours.close()
            raise
        finally:
            theirs.close()
        self._sock = ours

    def close(self) -> None:
        if self._sock is not None:
            self._sock.close()  # the fork server exits when it reads EOF
            self._sock = None
        if self._proc is not None:
            try:
                self._proc.wait(timeout=1)
            except subprocess.TimeoutExpired:
                self._proc.kill()
                self._proc.wait()
            self._proc = None

    def fileno(self) -> int:
        """Readable when the running program has exited (then call ``read_exit``)."""
        assert self._sock is not None
        return self._sock.fileno()

    def spawn(
        self,
        argv: Sequence[str],
        env: dict[str, str],
        cwd: str,
        rlimits: Sequence[tuple[int, int, int]],
        fds: tuple[int, int, int],
    ) -> int:
        """Start ``argv`` with ``fds`` as its stdin, stdout and stderr; its pid."""
        request = json.dumps(
            {"argv": list(argv), "env": env, "cwd": cwd, "rlimits": [list(r) for r in rlimits]}
        ).encode()
        reply = self._request(request, fds)
        if reply is None:
            self.close()  # it died (killed by the cgroup?): one fresh fork server
            reply = self._request(request, fds)
        if reply is None:
            self.close()
            raise SpawnError("the fork server is not responding")
        if "error" in reply:
            raise SpawnError(str(reply["error"]))
        return int(reply["pid"])

    def ending(self) -> int | None:
        """A descriptor readable when the program may have said it is over before its
        process ended (then call ``read_ending``); None: only ``fileno`` says so."""
        return None

    def read_ending(self) -> tuple[bool, Exit | None]:
        """(whether ``ending`` stays worth watching, the program's end if it said so)."""
        return False, None

    def read_exit(self) -> Exit:
        try:
            done = self._recv()
        except OSError:
            done = None
        if done is None:
            self.close()
            return Exit(None, 0.0, 0)
        return Exit(int(done["status"]), float(done["cpu"]), int(done["maxrss"]))

    def _request(self, request: bytes, fds: tuple[int, int, int]) -> dict[str, Any] | None:
        self.start()
        assert self._sock is not None
        try:
            socket.send_fds(self._sock, [request], list(fds))
            return self._recv()
        except OSError:
            return None

    def _recv(self) -> dict[str, Any] | None:
        assert self._sock is not None
        data = self._sock.recv(MAX_MESSAGE)
        return json.loads(data) if data else None

    @staticmethod
    def kill(pid: int, *, exited: bool = False) -> None:
        """SIGKILL the program's process group (it leads one), and while it runs the
        program itself, in case it has not called setsid yet. Once it has exited, only
        the group: its pid may be reused, a live group's id cannot."""
        for kill in (os.killpg,) if exited else (os.killpg, os.kill):
            with contextlib.suppress(ProcessLookupError, PermissionError):
                kill(pid, signal.SIGKILL)
