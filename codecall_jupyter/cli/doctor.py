"""`jupyter codecall doctor`: what works and what is missing, for an operator."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from jupyter_core.paths import jupyter_config_path, jupyter_path
from jupyter_server.extension.config import ExtensionConfigManager

from ..runner.environment import RunnerOptions, kernel_python, prepare
from ..runner.languages import available_languages
from ..store import migrate
from ..store.db import redact
from .base import CodeCallCommand

# Toolchains often installed outside /usr (rustup, SDKs): the sandbox sees only /usr and
# the configured extra binds, so a compiler found there does not reach the runner.
TOOLCHAINS = ("rustc", "cargo", "go", "node", "java", "javac", "dotnet", "kotlinc", "scala")


@dataclass
class Check:
    name: str
    ok: bool
    detail: str
    essential: bool = True

    def line(self) -> str:
        mark = "ok  " if self.ok else ("FAIL" if self.essential else "warn")
        return f"[{mark}] {self.name}: {self.detail}"


def runner_checks(options: RunnerOptions) -> list[Check]:
    """The runner's isolation, probed as the server does, and each layer."""
    settings, isolation = prepare(options)
    ok = isolation.level == "sandboxed"
    detail = isolation.level + (": " + "; ".join(isolation.problems) if isolation.problems else "")
    checks = [Check("sandbox", ok, detail, essential=False)]
    for layer, what in isolation.layers.items():
        checks.append(Check(f"isolation {layer}", True, what, essential=False))
    if isolation.warning:
        checks.append(Check("warning shown to users", False, isolation.warning, essential=False))
    python = settings.python if settings is not None else kernel_python(options)
    for language in available_languages(python):
        detail = language.version or "not installed (see `make languages`)"
        checks.append(Check(f"language {language.name}", language.available, detail, False))
    checks.extend(_unreachable_toolchains(options))
    return checks


def _unreachable_toolchains(options: RunnerOptions) -> list[Check]:
    seen = ("/usr/", "/bin/", "/sbin/", *(b.rstrip("/") + "/" for b in options.extra_binds))
    checks = []
    for tool in TOOLCHAINS:
        found = shutil.which(tool)
        if found and not os.path.realpath(found).startswith(seen):
            checks.append(
                Check(
                    f"toolchain {tool}",
                    False,
                    f"{found} is outside what the sandbox sees (/usr): install the "
                    "distribution's package, or add its folder to "
                    "CodeCallApp.sandbox_extra_binds (readable by the runner user)",
                    essential=False,
                )
            )
    return checks


class Doctor(CodeCallCommand):
    name = "jupyter-codecall-doctor"
    description = "Check the database, extensions, sandbox and languages; exit 1 on a fault."

    def execute(self) -> None:
        checks: list[Check] = []
        for probe in (self.database_check, self.extensions_check, self.labextension_check):
            checks.extend(probe())
        checks.extend(runner_checks(self.codecall.runner_options()))
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
