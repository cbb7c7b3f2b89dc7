"""The languages this server offers: the polyglot kernel's table, each toolchain probed
once on the host (its version command, with the sandbox's PATH and a clean environment).

The sandbox sees the host's /usr read-only, so what runs here runs there.
"""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Literal

from .polyglot.languages import LANGUAGES
from .polyglot.row import LanguageRow, fill, placeholders
from .sandbox import SANDBOX_PATH

PROBE_TIMEOUT = 5.0  # seconds; a JVM compiler's -version takes about one
PROBE_THREADS = 8
Kernel = Literal["python", "polyglot"]


@dataclass(frozen=True)
class Language:
    id: str
    name: str
    file: str  # the default entry file name
    version: str | None  # the first line the version command printed
    available: bool
    kernel: Kernel  # what runs it in run mode (judging is always the polyglot kernel)
    template: str  # a starter program


def available_languages(python: str | None = None) -> list[Language]:
    """Every row of the table, in table order, probed once per ``python`` (the kernels'
    interpreter, which runs Python programs; default: this one)."""
    return list(_probe_all(python or sys.executable))


def clear_cache() -> None:
    """Probe again on the next call (after installing a toolchain)."""
    _probe_all.cache_clear()


@functools.cache
def _probe_all(python: str) -> tuple[Language, ...]:
    rows = list(LANGUAGES.values())
    with (
        tempfile.TemporaryDirectory(prefix="codecall-probe-") as scratch,
        ThreadPoolExecutor(PROBE_THREADS) as pool,
    ):
        versions = list(pool.map(lambda row: probe_version(row, python, scratch), rows))
    return tuple(
        Language(
            id=row.id,
            name=row.name,
            file=row.file,
            version=version,
            available=version is not None,
            kernel="python" if row.id == "python" else "polyglot",
            template=row.template,
        )
        for row, version in zip(rows, versions, strict=True)
    )


def probe_version(row: LanguageRow, python: str, scratch: str) -> str | None:
    """The toolchain's version line, or None when it is missing or does not answer."""
    values = placeholders(row.file, 1024, python, scratch, scratch)
    argv = [fill(arg, values) for arg in row.version]
    if not all(_present(program) for program in (argv[0], *row.requires)):
        return None
    env = {"PATH": SANDBOX_PATH, "HOME": scratch, "LANG": "C.UTF-8", "TMPDIR": scratch}
    env.update({name: fill(value, values) for name, value in row.env.items()})
    try:
        done = subprocess.run(
            argv,
            capture_output=True,
            stdin=subprocess.DEVNULL,
            timeout=PROBE_TIMEOUT,
            env=env,
            cwd=scratch,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    if done.returncode != 0:
        return None
    text = (done.stdout + b"\n" + done.stderr).decode("utf-8", "replace")
    return next((line.strip()[:200] for line in text.splitlines() if line.strip()), "")


def _present(program: str) -> bool:
    """On the sandbox's PATH, or (an absolute path) there at all."""
    if os.path.isabs(program):
        return os.path.exists(program)
    return shutil.which(program, path=SANDBOX_PATH) is not None
