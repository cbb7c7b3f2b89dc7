"""The Python kernel's run server: the small process a warm Python run is forked from,
which the Jupyter server speaks to over a socket of its own.

Why beside the kernel: an execute request's round trip through ipykernel (signed
messages on four ZeroMQ sockets, the shell and IOPub threads, status messages) costs
about 3 ms of a run that takes a few, and forking the 40 MB kernel costs about 2 ms more
than forking this process, which has imported only pyrun.py's standard-library modules.
The kernel stays what the server starts, watches and kills; this process is its first
child, forked by pylaunch.py before the kernel imports ipykernel. Each run's child is
forked ahead of the run, once the run before it is over (forking.PreforkSpawner).

The socket is one end of a socket pair the server made for this kernel and passed down
the launch chain: there is no path anyone could connect to. A program forked from here
closes it with every other descriptor above 3 (forking.py), and cannot take it from
/proc either (this process is not dumpable, as the kernel is not).

Frames (protocol.py) on the socket, one run at a time:
  server -> {"code": spec}    a run spec's JSON, as the kernel's execute request carries it
  server -> {"cancel": true}  stops the run in progress; one arriving after the run
                              ended is ignored (any data while a program runs stops it)
  here   -> {"stream": name, "text": ...}, {"display": mimetype, "data": {...}} (the
            result, as soon as the program is over, without "reusable"), then, once the
            sandbox is put back as it was, {"reply": null, "reusable": bool}, or
            {"reply": [ename, evalue], "reusable": null} (replies.py)
End of file on the socket (the server closed it, or is gone) ends this process.
"""

from __future__ import annotations

import contextlib
import ctypes
import json
import logging
import os
import signal
import socket
import sys
from typing import Any

from . import pyrun, scrub
from .forking import PreforkSpawner
from .protocol import FRAME_HEADER, frame, frame_length
from .replies import answer

PR_SET_PDEATHSIG = 1
log = logging.getLogger("codecall.runserver")


class _SocketCancel:
    """run_job's cancel: any data from the server while the program runs."""

    requested = False

    def __init__(self, sock: socket.socket) -> None:
        self._fd = sock.fileno()

    def fileno(self) -> int:
        return self._fd


def _read_exactly(sock: socket.socket, size: int) -> bytes | None:
    chunks, left = [], size
    while left:
        chunk = sock.recv(min(left, 1 << 20))
        if not chunk:
            return None
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


def _read_frame(sock: socket.socket) -> dict[str, Any] | None:
    header = _read_exactly(sock, FRAME_HEADER)
    if header is None:
        return None
    body = _read_exactly(sock, frame_length(header))
    if body is None:
        return None
    message = json.loads(body)
    return message if isinstance(message, dict) else {}


def serve(sock: socket.socket) -> None:
    """Runs until the server closes its end."""
    cancel = _SocketCancel(sock)
    spawner = PreforkSpawner()

    def send(message: dict[str, Any]) -> None:
        sock.sendall(frame(message))

    def stream(name: str, text: str) -> None:
        send({"stream": name, "text": text})

    def display(mimetype: str, data: dict[str, Any]) -> None:
        send({"display": mimetype, "data": data})

    settled: dict[str, Any] = {}

    def handle(code: str) -> dict[str, Any]:
        result = pyrun.run(
            pyrun.parse(code), stream, display, cancel, spawner, sweep_after_result=True
        )
        settled["reusable"] = result["reusable"]
        return result

    spawner.prepare()
    while True:
        try:
            message = _read_frame(sock)
        except (OSError, ValueError):
            return  # a broken socket or a frame no server sends: nothing to answer
        if message is None:
            return
        if "code" not in message:
            continue  # a cancel for a run that has ended
        code = message["code"]
        settled.clear()
        error = answer(handle, code if isinstance(code, str) else "", log)
        try:
            send({"reply": list(error) if error else None, "reusable": settled.get("reusable")})
        except OSError:
            return
        spawner.prepare()  # the next run's child, forked while the server reads this one


def _die_with_kernel() -> None:
    """Unsandboxed kernels have no namespace whose end takes this process with it."""
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)


def start(fd: int) -> int:
    """Fork the run server on the inherited socket ``fd``; in the kernel, return its pid
    (the kernel keeps no copy of the socket)."""
    kernel = os.getpid()
    pid = os.fork()
    if pid:
        os.close(fd)
        scrub.spare(pid)
        return pid
    status = 0
    try:
        _die_with_kernel()
        if os.getppid() != kernel:
            os._exit(0)  # the kernel died before the line above took effect
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # the kernel's interrupts are not ours
        scrub.spare(kernel)
        low = os.dup(fd)  # below the descriptors a program's fork closes (< 65536)
        os.close(fd)
        serve(socket.socket(fileno=low))
    except BaseException:
        status = 70
        with contextlib.suppress(BaseException):
            log.exception("CodeCall run server failed")
            sys.stderr.flush()
    finally:
        os._exit(status)
