"""One sandboxed kernel: its folder, cgroup, manager and client, from start to disposal."""

from __future__ import annotations

import asyncio
import contextlib
import fcntl
import os
import shutil
import socket
import subprocess
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jupyter_client.asynchronous.client import AsyncKernelClient
from jupyter_client.kernelspec import KernelSpec
from jupyter_client.manager import AsyncKernelManager

from .cgroups import CgroupDriver, KernelCgroup
from .runchannel import RunChannel
from .sandbox import SANDBOX_PATH, SandboxPolicy, polyglot_source

PYTHON = "python"
POLYGLOT = "polyglot"
KINDS = (PYTHON, POLYGLOT)


@dataclass
class SandboxLaunch:
    """What the provisioner needs to launch one kernel."""

    policy: SandboxPolicy
    kernel_dir: str
    ipc_dir: str
    connection_file: str
    run_as: tuple[int, int] | None
    cgroup_procs: list[str] = field(default_factory=list)


class SandboxedKernelManager(AsyncKernelManager):
    sandbox_launch: SandboxLaunch | None = None


@dataclass(frozen=True)
class KernelSettings:
    policy: SandboxPolicy | None  # None: unsandboxed (the operator allowed it)
    python: str  # the kernel environment's interpreter
    kernels_dir: Path
    cgroups: CgroupDriver | None
    memory_bytes: int  # the cgroup limit: a run's memory plus the kernel's own
    max_pids: int
    start_timeout: float = 30.0


def above_standard_streams(sock: socket.socket) -> socket.socket:
    """``sock`` on a descriptor above 2: a server started with its standard streams
    closed gets 0, 1 or 2 for a new socket, and the kernel's launch puts /dev/null or a
    pipe there before the kernel runs."""
    if sock.fileno() > 2:
        return sock
    moved = socket.socket(fileno=fcntl.fcntl(sock.fileno(), fcntl.F_DUPFD_CLOEXEC, 3))
    sock.close()
    return moved


class SandboxedKernel:
    """A started kernel with a connected client. Serves one run, or (a sandboxed Python
    kernel) several in turn, each in a fork of it; then disposed of."""

    def __init__(self, kind: str, settings: KernelSettings) -> None:
        self.kind = kind
        self.settings = settings
        self.id = uuid.uuid4().hex[:12]
        self.dir = settings.kernels_dir / self.id
        self.cgroup: KernelCgroup | None = None
        self.manager: SandboxedKernelManager | None = None
        self.client: AsyncKernelClient | None = None
        self.run_channel: RunChannel | None = None  # a Python kernel's run server
        self.runs = 0

    async def start(self) -> None:
        """Start the kernel; a Python kernel with its run server, whose socket pair's other
        end goes down the launch chain as an inherited descriptor."""
        ours, theirs = socket.socketpair() if self.kind == PYTHON else (None, None)
        if theirs is not None:
            theirs = above_standard_streams(theirs)
        try:
            await self._start(theirs.fileno() if theirs is not None else None)
            if ours is not None:
                self.run_channel = await RunChannel.open(ours)
                ours = None
        except BaseException:
            await self.dispose()
            raise
        finally:
            for end in (ours, theirs):
                if end is not None:
                    end.close()

    async def _start(self, run_fd: int | None) -> None:
        s = self.settings
        ipc_dir = self.dir / "ipc"
        ipc_dir.mkdir(parents=True, mode=0o700)
        os.chmod(self.dir, 0o711)  # the runner user passes through, lists nothing
        manager = SandboxedKernelManager(
            kernel_name=f"codecall-{self.kind}",
            transport="ipc",
            ip=str(ipc_dir / "k"),
            connection_file=str(self.dir / "kernel.json"),
        )
        manager._kernel_spec = self._spec(run_fd)
        passed = {"pass_fds": (run_fd,)} if run_fd is not None else {}
        self.manager = manager
        if s.policy is not None:
            run_as = s.policy.run_as
            launch = SandboxLaunch(
                s.policy, str(self.dir), str(ipc_dir), manager.connection_file, run_as
            )
            if s.cgroups is not None:
                self.cgroup = s.cgroups.create(self.id, s.memory_bytes, s.max_pids)
                launch.cgroup_procs = self.cgroup.procs_files
            manager.sandbox_launch = launch
        # Launched from the event-loop thread: bwrap's --die-with-parent follows the
        # thread that forked it, and this one lives as long as the server.
        # The kernel's banner on stdout is noise in the server's log; stderr stays.
        if s.policy is None:
            await manager.start_kernel(
                env=self._unsandboxed_env(), cwd=str(self.dir), stdout=subprocess.DEVNULL, **passed
            )
        else:
            await manager.start_kernel(stdout=subprocess.DEVNULL, **passed)
        client = manager.client()
        client.start_channels()
        self.client = client
        await client.wait_for_ready(timeout=s.start_timeout)
        if s.policy is not None and s.policy.run_as is not None:
            # The sockets exist now: the kernel's user may no longer add files here.
            os.chown(ipc_dir, 0, 0)
            os.chmod(ipc_dir, 0o755)

    def _spec(self, run_fd: int | None) -> KernelSpec:
        module = "codecall_polyglot.pylaunch" if self.kind == PYTHON else "codecall_polyglot"
        run_server = ["--run-fd", str(run_fd)] if run_fd is not None else []
        spec: dict[str, Any] = {
            "argv": [self.settings.python, "-m", module, *run_server, "-f", "{connection_file}"],
            "display_name": f"CodeCall {self.kind}",
            "language": "python" if self.kind == PYTHON else "codecall",
            "interrupt_mode": "message",
        }
        if self.settings.policy is not None:
            spec["metadata"] = {"kernel_provisioner": {"provisioner_name": "codecall-sandbox"}}
        return KernelSpec(**spec)

    def _unsandboxed_env(self) -> dict[str, str]:
        """Without the sandbox, still no server secrets: a clean environment, and the
        polyglot package reachable under its sandbox name."""
        lib = self.settings.kernels_dir / "lib"
        if not (lib / "codecall_polyglot").exists():
            lib.mkdir(exist_ok=True)
            with contextlib.suppress(FileExistsError):
                (lib / "codecall_polyglot").symlink_to(polyglot_source())
        home = self.dir / "home"
        home.mkdir(exist_ok=True)
        return {
            "PATH": SANDBOX_PATH,
            "HOME": str(home),
            "LANG": "C.UTF-8",
            "TMPDIR": str(home),
            "PYTHONPATH": str(lib),
            "PYTHONDONTWRITEBYTECODE": "1",
            "IPYTHONDIR": str(home / ".ipython"),
            "CODECALL_WORK_DIR": str(self.dir / "work"),
        }

    async def is_alive(self) -> bool:
        return self.manager is not None and bool(await self.manager.is_alive())

    async def interrupt(self) -> None:
        """Stop what the kernel runs: a run on the run server, or an execute request."""
        if self.run_channel is not None:
            self.run_channel.send({"cancel": True})
        if self.manager is not None:
            with contextlib.suppress(Exception):
                await self.manager.interrupt_kernel()

    async def dispose(self) -> None:
        """Kill the kernel and everything it started, and remove its traces."""
        if self.run_channel is not None:
            await self.run_channel.close()
        if self.client is not None:
            self.client.stop_channels()
        if self.manager is not None:
            with contextlib.suppress(Exception):
                await self.manager.shutdown_kernel(now=True)
        if self.cgroup is not None:
            for _ in range(50):  # the namespace's processes die a moment after bwrap
                self.cgroup.remove()
                if not any(d.exists() for d in self.cgroup.dirs):
                    break
                await asyncio.sleep(0.02)
        shutil.rmtree(self.dir, ignore_errors=True)
