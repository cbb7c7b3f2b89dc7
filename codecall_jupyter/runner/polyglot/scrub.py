"""Putting a sandbox back as it was after a run, so the kernel may serve another one.

Two things outlive a program: processes it started (a daemon that called setsid escapes
its process group), and files it wrote. Inside the sandbox's own pid namespace every
process but the namespace's init (pid 1), the kernel and the Python kernel's run server
is the program's doing, so all of them are killed; the scratch folders are emptied.
Either step failing means the kernel is not reused.
"""

from __future__ import annotations

import contextlib
import functools
import os
import shutil
import signal
import stat
import time

ROUNDS = 20  # a fork bomb refills the table while it is emptied: kill, look again
# Kept across runs: the kernel's own IPython folder (its history database is open).
KEEP = {"/tmp": {"home"}, "/tmp/home": {".ipython"}}


KERNEL_PID = 2  # the first process under the namespace's init (bubblewrap's)
_spared: set[int] = set()  # the Python kernel and its run server spare each other


def spare(pid: int) -> None:
    """Never kill ``pid``: the kernel's run server, or (seen from it) the kernel."""
    _spared.add(pid)


def in_own_pid_namespace() -> bool:
    """This is the kernel, or the kernel's own run server (runserver.py)."""
    pid, parent = os.getpid(), os.getppid()
    return (pid, parent) == (KERNEL_PID, 1) or (parent == KERNEL_PID and parent in _spared)


def _others() -> list[int]:
    mine = {1, os.getpid(), *_spared}
    pids = []
    for name in os.listdir("/proc"):
        if name.isdigit() and int(name) not in mine:
            pids.append(int(name))
    return pids


def _alive(pid: int) -> bool:
    """Running, not a zombie waiting for init to reap it."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as f:
            state = f.read().rsplit(b")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state not in (b"Z", b"X")


def kill_leftovers() -> bool:
    """SIGKILL every process of the namespace but init and this one; True once none is
    left running."""
    if not in_own_pid_namespace():
        return False
    for _ in range(ROUNDS):
        living = [pid for pid in _others() if _alive(pid)]
        if not living:
            return True
        for pid in living:
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.kill(pid, signal.SIGKILL)
        time.sleep(0.002)
    return not any(_alive(pid) for pid in _others())


def _writable_again(function: object, path: str, _exc: object) -> None:
    """A folder the program made unreadable or read-only is opened up, then removed."""
    with contextlib.suppress(OSError):
        os.chmod(os.path.dirname(path), stat.S_IRWXU)
        os.chmod(path, stat.S_IRWXU)
    if os.path.isdir(path) and not os.path.islink(path):
        shutil.rmtree(path, ignore_errors=True)
    else:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(path)


@functools.cache
def _mount_points() -> tuple[str, ...]:
    """Where something is mounted in this sandbox (the kernel's own folder is bound
    inside /tmp): those and the folders leading to them stay. Read once: a program
    cannot mount anything (no capabilities)."""
    points = []
    with contextlib.suppress(OSError), open("/proc/self/mountinfo") as f:
        for line in f:
            fields = line.split()
            if len(fields) > 4:
                points.append(fields[4].encode().decode("unicode_escape"))
    return tuple(points)


def empty(folder: str) -> bool:
    """Remove everything in ``folder`` (never following links) but what KEEP names and
    what leads to a mount point; True when nothing else is left."""
    keep = set(KEEP.get(folder, set()))
    prefix = folder.rstrip("/") + "/"
    for point in _mount_points():
        if point.startswith(prefix):
            keep.add(point[len(prefix) :].split("/", 1)[0])
    try:
        with contextlib.suppress(OSError):
            os.chmod(
                folder, stat.S_IRWXU | stat.S_IRGRP | stat.S_IXGRP | stat.S_IROTH | stat.S_IXOTH
            )
        names = os.listdir(folder)
    except FileNotFoundError:
        return True
    except OSError:
        return False
    for name in names:
        if name in keep:
            continue
        path = os.path.join(folder, name)
        if os.path.isdir(path) and not os.path.islink(path):
            shutil.rmtree(path, onerror=_writable_again)
        else:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(path)
    try:
        return set(os.listdir(folder)) <= keep
    except OSError:
        return False


def restore(workdir: str) -> bool:
    """Everything a run may have changed, undone; True when the kernel is as it was."""
    if not kill_leftovers():
        return False
    if any(os.path.islink(path) or not os.path.isdir(path) for path in ("/tmp/home", workdir)):
        return False  # a folder the kernel relies on was swapped for something else
    folders = (workdir, "/tmp", "/tmp/home", "/dev/shm")
    return all([empty(folder) for folder in folders])
