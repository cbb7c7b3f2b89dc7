"""What this machine lets the runner do: the sandbox's layers, probed for real at start-up,
and the isolation level users are shown."""

from __future__ import annotations

import os
import pwd
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from . import cgroups
from .kernels import KernelSettings
from .sandbox import Rlimits, SandboxPolicy, find_tool, polyglot_source, python_prefixes

# Where `jupyter codecall runner setup` makes the kernels' Python when the server is root:
# readable by the runner user, unlike a Python under /root.
ROOT_KERNEL_ENV = "/var/lib/codecall/kernel-env"
KERNEL_PACKAGES = ("ipykernel>=6.29", "numpy", "pandas")


@dataclass(frozen=True)
class RunnerOptions:
    allow_unsandboxed: bool = False
    runner_user: str = "codecall-run"
    kernel_env: str = ""  # "" = the default for this user
    extra_binds: tuple[str, ...] = ()
    memory_mb: int = 256
    kernel_memory_mb: int = 256  # the kernel's own headroom inside its cgroup
    max_pids: int = 128
    python_kernel_runs: int = 100  # runs a sandboxed Python kernel serves (1: one each)
    python_kernel_wait: float = 0.15  # seconds a run waits for a kernel in use to come back
    kernels_dir: str = ""


@dataclass
class Isolation:
    level: str  # "sandboxed" | "reduced" | "unsandboxed" | "unavailable"
    layers: dict[str, str] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)

    @property
    def can_run(self) -> bool:
        return self.level != "unavailable"

    @property
    def warning(self) -> str | None:
        if self.level == "unsandboxed":
            return (
                "Code runs WITHOUT a sandbox on this server: programs can read and change "
                "what the server's user can. The operator chose this (allow_unsandboxed)."
            )
        if self.level == "reduced":
            return "Code runs sandboxed, with reduced limits: " + "; ".join(self.problems)
        return None


def kernel_python(options: RunnerOptions) -> str:
    if options.kernel_env:
        return str(Path(options.kernel_env) / "bin" / "python")
    if os.geteuid() == 0:
        return f"{ROOT_KERNEL_ENV}/bin/python"
    return sys.executable


def ensure_runner_user(name: str) -> tuple[int, int]:
    """The unprivileged user kernels run as when the server is root; made on first use."""
    try:
        entry = pwd.getpwnam(name)
    except KeyError:
        subprocess.run(
            ["useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", name],
            check=True,
            capture_output=True,
        )
        entry = pwd.getpwnam(name)
    return entry.pw_uid, entry.pw_gid


def prepare(options: RunnerOptions) -> tuple[KernelSettings | None, Isolation]:
    """Probe every layer; settings to start kernels with, or None when runs are refused."""
    isolation = Isolation(level="sandboxed")
    layers = isolation.layers
    python = kernel_python(options)
    kernels_dir = Path(options.kernels_dir or tempfile.mkdtemp(prefix="codecall-kernels-"))
    kernels_dir.mkdir(parents=True, exist_ok=True)
    os.chmod(kernels_dir, 0o711)
    memory = (options.memory_mb + options.kernel_memory_mb) * 1024 * 1024
    policy, problems = _policy(options, python)
    driver = None
    if policy is not None:
        driver, why = cgroups.detect()
        layers["cgroups"] = why
        if driver is None:
            isolation.problems.append(why)
    if not os.path.exists(python):
        problems.append(
            f"the kernels' Python {python} is missing: run `jupyter codecall runner setup`"
        )
    if policy is not None and not problems:
        failure = probe(policy, python, kernels_dir)
        if failure:
            problems.append(f"a sandboxed kernel could not start: {failure}")
    if problems:
        isolation.problems = problems
        if not options.allow_unsandboxed:
            isolation.level = "unavailable"
            return None, isolation
        isolation.level = "unsandboxed"
        policy, driver = None, None
        layers["sandbox"] = "off (allow_unsandboxed)"
    elif isolation.problems:
        isolation.level = "reduced"
    if policy is not None:
        layers.update(
            sandbox=f"bubblewrap ({policy.bwrap})",
            namespaces="user, pid, ipc, uts, cgroup, network (loopback only)",
            filesystem="read-only system, private tmpfs /work and /tmp",
            user=options.runner_user if policy.run_as else "the server's user (not root)",
            rlimits="cpu, file size, open files, processes; memory per run",
        )
    settings = KernelSettings(
        policy=policy,
        python=python,
        kernels_dir=kernels_dir,
        cgroups=driver,
        memory_bytes=memory,
        max_pids=options.max_pids,
    )
    return settings, isolation


def _policy(options: RunnerOptions, python: str) -> tuple[SandboxPolicy | None, list[str]]:
    bwrap, prlimit, setpriv = find_tool("bwrap"), find_tool("prlimit"), find_tool("setpriv")
    problems = []
    if bwrap is None:
        problems.append("bubblewrap is not installed (apt-get install bubblewrap)")
    if prlimit is None or setpriv is None:
        problems.append("util-linux's prlimit and setpriv are needed")
    run_as = None
    if os.geteuid() == 0:
        try:
            run_as = ensure_runner_user(options.runner_user)
        except (OSError, subprocess.CalledProcessError, KeyError) as e:
            problems.append(f"the runner user {options.runner_user!r} could not be made: {e}")
    if problems or bwrap is None or prlimit is None:
        return None, problems
    policy = SandboxPolicy(
        bwrap=bwrap,
        prlimit=prlimit,
        setpriv=setpriv if run_as else None,
        run_as=run_as,
        kernel_prefixes=python_prefixes(python),
        polyglot_source=polyglot_source(),
        extra_binds=options.extra_binds,
        rlimits=Rlimits(),
    )
    return policy, problems


def probe(policy: SandboxPolicy, python: str, kernels_dir: Path) -> str | None:
    """Start the kernels' Python in the sandbox, as a kernel would be; None when it works."""
    work = Path(tempfile.mkdtemp(prefix="probe-", dir=kernels_dir))
    try:
        os.chmod(work, 0o711)
        if policy.run_as is not None:
            os.chown(work, *policy.run_as)
        check = "import ipykernel, codecall_polyglot; print('ok')"
        command = policy.command(str(work), [python, "-c", check], [])
        done = subprocess.run(
            command, capture_output=True, text=True, timeout=60, env={"PATH": "/usr/bin:/bin"}
        )
    except (OSError, subprocess.TimeoutExpired) as e:
        return str(e)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    if done.returncode != 0 or done.stdout.strip() != "ok":
        return (done.stderr.strip() or done.stdout.strip() or f"exit {done.returncode}")[-500:]
    return None
