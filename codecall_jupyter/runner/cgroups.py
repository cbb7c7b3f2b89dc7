"""Memory and process-count limits per kernel through cgroups, where the machine lets us.

cgroup v2 is used where it is delegated to us (we may create a child group that has the
memory and pids controllers); otherwise v1's memory and pids hierarchies, as on this
machine kind, when we may write them (as root). Without either, rlimits are the only
limits, and the runner says so in its isolation report.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

ROOT = Path("/sys/fs/cgroup")


@dataclass
class KernelCgroup:
    """The cgroup (v2) or pair of cgroups (v1) of one kernel."""

    version: int
    dirs: list[Path]

    @property
    def procs_files(self) -> list[str]:
        return [str(d / "cgroup.procs") for d in self.dirs]

    def oom_killed(self) -> bool:
        """Whether the kernel hit its memory limit (the OOM killer acted, or a charge
        failed)."""
        memory = self.dirs[0]
        if self.version == 2:
            return _field(memory / "memory.events", "oom_kill") > 0
        return (
            _field(memory / "memory.oom_control", "oom_kill") > 0
            or (_read_int(memory / "memory.failcnt") or 0) > 0
        )

    def remove(self) -> None:
        for d in self.dirs:
            # rmdir only: a cgroup's files cannot be unlinked, and a group that still
            # has processes refuses (its kernel is killed before this is called).
            with contextlib.suppress(OSError):
                d.rmdir()


class CgroupDriver:
    """Creates kernel cgroups below one parent group owned by this server."""

    def __init__(self, version: int, parents: list[Path]) -> None:
        self.version = version
        self.parents = parents

    def describe(self) -> str:
        return f"cgroup v{self.version} (memory, pids)"

    def create(self, name: str, memory_bytes: int, max_pids: int) -> KernelCgroup:
        dirs = [parent / name for parent in self.parents]
        for d in dirs:
            d.mkdir(exist_ok=True)
        if self.version == 2:
            group = dirs[0]
            _write(group / "memory.max", memory_bytes)
            with contextlib.suppress(OSError):
                _write(group / "memory.swap.max", 0)
            _write(group / "pids.max", max_pids)
        else:
            memory, pids = dirs
            _write(memory / "memory.limit_in_bytes", memory_bytes)
            with contextlib.suppress(OSError):  # absent without swap accounting
                _write(memory / "memory.memsw.limit_in_bytes", memory_bytes)
            _write(pids / "pids.max", max_pids)
        return KernelCgroup(self.version, dirs)

    def close(self) -> None:
        for parent in self.parents:
            for child in parent.iterdir() if parent.is_dir() else []:
                if child.is_dir():
                    with contextlib.suppress(OSError):
                        child.rmdir()
            with contextlib.suppress(OSError):
                parent.rmdir()


def detect(tag: str | None = None) -> tuple[CgroupDriver | None, str]:
    """The driver this machine allows, and a sentence saying why or why not."""
    tag = tag or f"codecall-{os.getpid()}"
    own = _own_groups()
    v2 = _try_v2(own.get(""), tag)
    if v2 is not None:
        return v2, "cgroup v2 delegated: memory and pids limits per kernel"
    v1 = _try_v1(own, tag)
    if v1 is not None:
        return v1, "cgroup v1: memory and pids limits per kernel"
    return None, (
        "no writable cgroup with memory and pids controllers: rlimits only "
        "(run the server as root, or delegate a cgroup v2 subtree to its user)"
    )


def _try_v2(own: str | None, tag: str) -> CgroupDriver | None:
    if own is None or not (ROOT / "cgroup.controllers").exists():
        return None
    parent = ROOT / own.lstrip("/") / tag
    try:
        parent.mkdir(exist_ok=True)
        controllers = (parent / "cgroup.controllers").read_text().split()
        if not {"memory", "pids"} <= set(controllers):
            parent.rmdir()
            return None
        (parent / "cgroup.subtree_control").write_text("+memory +pids")
    except OSError:
        with contextlib.suppress(OSError):
            parent.rmdir()
        return None
    return CgroupDriver(2, [parent])


def _try_v1(own: dict[str, str], tag: str) -> CgroupDriver | None:
    parents: list[Path] = []
    for controller in ("memory", "pids"):
        base = ROOT / controller
        if not (base / "cgroup.procs").exists():
            return None
        parent = base / own.get(controller, "/").lstrip("/") / tag
        try:
            parent.mkdir(exist_ok=True)
        except OSError:
            for made in parents:
                shutil.rmtree(made, ignore_errors=True)
            return None
        parents.append(parent)
    return CgroupDriver(1, parents)


def _own_groups() -> dict[str, str]:
    """This process's group per controller ("" is the v2 unified hierarchy)."""
    groups: dict[str, str] = {}
    with contextlib.suppress(OSError):
        for line in Path("/proc/self/cgroup").read_text().splitlines():
            _, controllers, path = line.split(":", 2)
            for controller in controllers.split(","):
                groups[controller.removeprefix("name=")] = path
    return groups


def _write(path: Path, value: int) -> None:
    path.write_text(str(value))


def _read_int(path: Path) -> int | None:
    try:
        return int(path.read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return None


def _field(path: Path, name: str) -> int:
    with contextlib.suppress(OSError):
        for line in path.read_text().splitlines():
            key, _, value = line.partition(" ")
            if key == name:
                return int(value)
    return 0
