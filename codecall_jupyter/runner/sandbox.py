"""The bubblewrap sandbox around every runner kernel: what a kernel may see and do.

The launch command is a chain of exec's, each adding one layer, so the process the
server starts is the one bubblewrap runs in (``--die-with-parent`` then fires when the
server's launching thread goes):

    sh (join the cgroups, as the server) -> prlimit (rlimits) -> setpriv (the runner
    user, when the server is root) -> bwrap (namespaces, read-only system, tmpfs work
    dir, no network) -> the kernel
"""

from __future__ import annotations

import os
import shlex
import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path

# System folders the sandbox sees read-only. Everything else on the host is absent.
SYSTEM_DIRS = ("/usr", "/etc", "/var/lib/ghc")  # GHC's package database lives in /var
# Merged-/usr symlinks on Debian; bound as symlinks so the layout matches the host.
SYSTEM_LINKS = ("/bin", "/sbin", "/lib", "/lib64", "/lib32")
# Files in /etc that are secrets or server configuration, replaced by empty ones.
MASKED_FILES = ("/etc/shadow", "/etc/gshadow", "/etc/shadow-", "/etc/gshadow-")
MASKED_DIRS = (
    "/etc/jupyter",
    "/etc/ssl/private",
    "/usr/local/etc/jupyter",
    "/usr/local/share/jupyter",
    "/usr/share/jupyter",
)
# Where the polyglot kernel's package appears inside the sandbox.
SANDBOX_LIB = "/opt/codecall-lib"
WORK_DIR = "/work"
SANDBOX_HOME = "/tmp/home"
SANDBOX_PATH = "/usr/local/bin:/usr/bin:/bin"


@dataclass(frozen=True)
class Rlimits:
    """Per-kernel resource limits, applied with prlimit before the sandbox starts."""

    cpu_seconds: int = 3600  # a backstop: each run lowers it inside the kernel
    address_space: int = 0  # 0 = unlimited; kernels set their own per run
    file_size: int = 64 * 1024 * 1024
    open_files: int = 256
    processes: int = 4096  # per user, threads included: headroom for every kernel

    def prlimit_args(self) -> list[str]:
        args = [
            f"--cpu={self.cpu_seconds}",
            f"--fsize={self.file_size}",
            f"--nofile={self.open_files}",
            f"--nproc={self.processes}",
            "--core=0",
        ]
        if self.address_space:
            args.append(f"--as={self.address_space}")
        return args


@dataclass(frozen=True)
class SandboxPolicy:
    bwrap: str
    prlimit: str
    setpriv: str | None  # None when the kernel keeps the server's user
    run_as: tuple[int, int] | None
    kernel_prefixes: tuple[str, ...]  # interpreter trees bound read-only (the kernel env)
    polyglot_source: str  # the codecall_polyglot package on the host
    extra_binds: tuple[str, ...] = ()  # operators' toolchains outside /usr, read-only
    rlimits: Rlimits = field(default_factory=Rlimits)
    work_bytes: int = 256 * 1024 * 1024
    tmp_bytes: int = 256 * 1024 * 1024

    def environment(self) -> dict[str, str]:
        """The whole environment of a kernel: nothing of the server's leaks in."""
        return {
            "PATH": SANDBOX_PATH,
            "HOME": SANDBOX_HOME,
            "LANG": "C.UTF-8",
            "TMPDIR": "/tmp",
            "PYTHONPATH": SANDBOX_LIB,
            "PYTHONDONTWRITEBYTECODE": "1",
            "PYTHONUNBUFFERED": "1",
            "IPYTHONDIR": f"{SANDBOX_HOME}/.ipython",
            "MPLBACKEND": "Agg",
            # One math thread: the process limit is per user (see polyglot/jobs.py).
            "OPENBLAS_NUM_THREADS": "1",
            "OMP_NUM_THREADS": "1",
            "MKL_NUM_THREADS": "1",
            "MPLCONFIGDIR": f"{SANDBOX_HOME}/.matplotlib",
        }

    def command(self, kernel_dir: str, argv: list[str], cgroup_procs: list[str]) -> list[str]:
        """The full launch command of one kernel whose files live in ``kernel_dir``."""
        head: list[str] = []
        if cgroup_procs:
            joins = " && ".join(f"echo $$ > {shlex.quote(p)}" for p in cgroup_procs)
            head = ["/bin/sh", "-c", f'{joins} && exec "$@"', "codecall-sandbox"]
        head += [self.prlimit, *self.rlimits.prlimit_args(), "--"]
        if self.setpriv is not None and self.run_as is not None:
            uid, gid = self.run_as
            head += [
                self.setpriv,
                f"--reuid={uid}",
                f"--regid={gid}",
                "--clear-groups",
                "--inh-caps=-all",
                "--bounding-set=-all",
                "--no-new-privs",
                "--",
            ]
        # env -i: jupyter_client adds JPY_PARENT_PID and the like to the launch
        # environment; bwrap's own process (pid 1 inside) must not carry them either.
        return [*head, "/usr/bin/env", "-i", *self.bwrap_args(kernel_dir), "--", *argv]

    def bwrap_args(self, kernel_dir: str) -> list[str]:
        args = [
            self.bwrap,
            "--unshare-all",  # user, pid, ipc, uts, cgroup and network namespaces
            "--die-with-parent",
            "--new-session",
            "--clearenv",
            "--hostname",
            "codecall",
        ]
        for name, value in self.environment().items():
            args += ["--setenv", name, value]
        for path in SYSTEM_DIRS:
            args += ["--ro-bind-try", path, path]
        for link in SYSTEM_LINKS:
            if os.path.islink(link):
                args += ["--symlink", os.readlink(link), link]
            elif os.path.isdir(link):
                args += ["--ro-bind", link, link]
        for path in (*self.kernel_prefixes, *self.extra_binds):
            args += ["--ro-bind", path, path]
        for path in MASKED_FILES:
            if os.path.exists(path):
                args += ["--ro-bind", "/dev/null", path]
        for path in [*MASKED_DIRS, *_jupyter_dirs(self.kernel_prefixes)]:
            if os.path.isdir(path):
                args += ["--tmpfs", path, "--remount-ro", path]
        args += [
            "--proc", "/proc",
            "--dev", "/dev",
            "--size", str(self.tmp_bytes), "--tmpfs", "/tmp",
            "--dir", SANDBOX_HOME,
            "--size", str(self.work_bytes), "--tmpfs", WORK_DIR,
            "--ro-bind", self.polyglot_source, f"{SANDBOX_LIB}/codecall_polyglot",
            "--bind", kernel_dir, kernel_dir,
            "--chdir", WORK_DIR,
        ]  # fmt: skip
        return args


def _jupyter_dirs(prefixes: tuple[str, ...]) -> list[str]:
    """Jupyter's data and config folders inside a bound interpreter tree (they may hold
    the server's secrets and runtime files), hidden behind empty read-only tmpfs."""
    found = []
    for prefix in prefixes:
        for sub in ("share/jupyter", "etc/jupyter"):
            path = os.path.join(prefix, sub)
            if os.path.isdir(path):
                found.append(path)
    return found


def find_tool(name: str) -> str | None:
    return shutil.which(name, path="/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin")


def polyglot_source() -> str:
    return str(Path(__file__).with_name("polyglot"))


def python_prefixes(python: str) -> tuple[str, ...]:
    """The folders an interpreter needs: its venv and the installation it was made from."""
    venv = Path(python).parent.parent
    prefixes = [str(venv)]
    cfg = venv / "pyvenv.cfg"
    if cfg.exists():
        for line in cfg.read_text().splitlines():
            key, _, value = line.partition("=")
            if key.strip() == "home":
                base = Path(value.strip()).parent
                if not str(base).startswith("/usr"):
                    prefixes.append(str(base))
    elif python == sys.executable and not sys.base_prefix.startswith("/usr"):
        prefixes.append(sys.base_prefix)
    return tuple(dict.fromkeys(prefixes))
