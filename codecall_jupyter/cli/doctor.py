"""`jupyter codecall doctor`: what works and what is missing, for an operator."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from jupyter_core.paths import jupyter_config_path, jupyter_path
from jupyter_server.extension.config import ExtensionConfigManager

from ..store import migrate
from ..store.db import redact
from .base import CodeCallCommand

# Language -> commands that provide it (first found wins). The runner reads the same table.
LANGUAGES: dict[str, tuple[str, ...]] = {
    "Python": ("python3",),
    "JavaScript": ("node",),
    "TypeScript": ("tsc", "node"),
    "C++": ("g++", "clang++"),
    "Java": ("javac",),
    "Go": ("go",),
    "Rust": ("rustc",),
}


@dataclass
class Check:
    name: str
    ok: bool
    detail: str
    essential: bool = True

    def line(self) -> str:
        mark = "ok  " if self.ok else ("FAIL" if self.essential else "warn")
        return f"[{mark}] {self.name}: {self.detail}"


def _run(*cmd: str, timeout: float = 10) -> subprocess.CompletedProcess[str] | None:
    try:
        return subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return None


def sandbox_level() -> tuple[str, str]:
    """("bubblewrap", detail) when bwrap can make namespaces here, else ("none", why)."""
    bwrap = shutil.which("bwrap")
    if bwrap is None:
        return "none", "bubblewrap is not installed (Debian: apt-get install bubblewrap)"
    probe = _run(
        bwrap, "--unshare-all", "--die-with-parent", "--ro-bind", "/", "/",
        "--proc", "/proc", "--dev", "/dev", "true",
    )  # fmt: skip
    if probe is None or probe.returncode != 0:
        why = (probe.stderr.strip() if probe else "timed out") or "unknown error"
        return "none", f"bubblewrap cannot create namespaces here: {why}"
    return "bubblewrap", f"{bwrap}: user, pid, network, ipc and uts namespaces work"


def cgroup_support() -> str:
    v2 = Path("/sys/fs/cgroup/cgroup.controllers")
    if v2.exists():
        controllers = v2.read_text().split()
        return f"cgroup v2 (controllers: {' '.join(controllers) or 'none delegated'})"
    v1_memory = Path("/sys/fs/cgroup/memory")
    if v1_memory.exists():
        writable = os.access(v1_memory, os.W_OK)
        return f"cgroup v1 memory controller ({'writable' if writable else 'read-only'})"
    return "no cgroup controllers found"


def language_checks() -> list[Check]:
    checks = []
    for language, commands in LANGUAGES.items():
        found = next((c for c in commands if shutil.which(c)), None)
        detail = (
            f"{found} at {shutil.which(found)}" if found else f"not found ({', '.join(commands)})"
        )
        checks.append(Check(f"language {language}", found is not None, detail, essential=False))
    return checks


class Doctor(CodeCallCommand):
    name = "jupyter-codecall-doctor"
    description = "Check the database, extensions, sandbox and languages; exit 1 on a fault."

    def execute(self) -> None:
        checks: list[Check] = []
        for probe in (self.database_check, self.extensions_check, self.labextension_check):
            checks.extend(probe())
        level, detail = sandbox_level()
        checks.append(Check("sandbox", level != "none", f"{level}: {detail}", essential=False))
        checks.append(Check("cgroups", True, cgroup_support(), essential=False))
        checks.extend(language_checks())
        checks.append(
            Check("registration", True, f"{self.codecall.registration} (CodeCallApp.registration)")
        )
        for check in checks:
            print(check.line())
        failed = [c for c in checks if c.essential and not c.ok]
        print(
            f"\n{len(checks) - len(failed)} of {len(checks)} checks fine"
            + (f"; {len(failed)} essential fault(s)" if failed else "")
        )
        if failed:
            self.exit(1)

    def database_check(self) -> list[Check]:
        where = redact(self.db_url)
        try:
            revision = migrate.run_blocking(lambda: migrate.current_revision(self.db_url))
        except Exception as exc:  # any driver error means "not reachable" to an operator
            return [Check("database", False, f"{where} is not reachable: {exc}")]
        head = migrate.head_revision()
        if revision != head:
            return [
                Check(
                    "database",
                    False,
                    f"{where} is at {revision}, not {head}: run "
                    "`jupyter codecall db upgrade` (the server also migrates at start-up)",
                )
            ]
        count = self.run(lambda db: self.accounts(db).count(), migrated=False)
        return [
            Check("database", True, f"{where} reachable, migrated to {head}, {count} account(s)")
        ]

    def extensions_check(self) -> list[Check]:
        enabled = ExtensionConfigManager(
            read_config_path=jupyter_config_path()
        ).get_jpserver_extensions()
        wanted: list[tuple[str, str, Callable[[], bool]]] = [
            ("server extension codecall_jupyter", "codecall_jupyter", lambda: True),
            ("collaboration (jupyter_server_ydoc)", "jupyter_server_ydoc", lambda: True),
            ("file ids (jupyter_server_fileid)", "jupyter_server_fileid", lambda: True),
        ]
        checks = []
        for label, module, _ in wanted:
            on = bool(enabled.get(module))
            checks.append(Check(label, on, "enabled" if on else "not enabled in any server config"))
        return checks

    def labextension_check(self) -> list[Check]:
        for root in jupyter_path("labextensions"):
            package = Path(root) / "codecall-jupyter" / "package.json"
            if package.exists():
                return [
                    Check("labextension codecall-jupyter", True, f"installed in {package.parent}")
                ]
        return [
            Check("labextension codecall-jupyter", False, "not installed (pip install the package)")
        ]
