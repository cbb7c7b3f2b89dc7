"""One row of the language table, and how its commands' placeholders are filled in.

Placeholders (in argv items and env values; unknown ``{...}`` stay as written):

- ``{python}``: the interpreter running the kernel (``python3`` on PATH is not guaranteed
  inside the sandbox; the kernel's own interpreter always is).
- ``{entry}``: the entry file, relative to the work dir; ``{entry_stem}`` without its
  extension; ``{class}`` as a JVM class name (``app/Main.java`` -> ``app.Main``).
- ``{files}``: an argv item of its own, replaced by every source file of the request whose
  suffix is one of the row's ``sources`` (entry first, then sorted).
- ``{build}``: the per-request build folder (relative); ``{out}`` the binary in it.
- ``{mem}``: the memory limit in MiB (the compile limit while compiling).
- ``{tmp}``, ``{home}``: the scratch and home folders of the child's environment.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

# How a row's memory is limited:
# - "rlimit": RLIMIT_AS works (C, C++, Rust, CPython, Bash...).
# - "flag": the command limits its own heap through ``{mem}`` (JVM -Xmx, Node's
#   --max-old-space-size, GHC's -M); these runtimes reserve far more address space than
#   they use, so RLIMIT_AS would break them.
# - "none": the runtime reserves huge address space and has no hard heap flag (Go, tsc):
#   only the sandbox's memory cgroup bounds it.
MemoryMode = Literal["rlimit", "flag", "none"]

BUILD_DIR = ".codecall"
OUT = f"{BUILD_DIR}/main"
# Line-buffered C stdio for run mode, so C, C++ and Lua programs stream (what stdbuf -oL does).
STDBUF = {"LD_PRELOAD": "/usr/libexec/coreutils/libstdbuf.so", "_STDBUF_O": "L"}

TEMPLATES = Path(__file__).with_name("templates")  # starter programs, ``<id>.<suffix>``
# The JVM's flags for a short-lived program: the serial collector starts fewer threads
# and suits small heaps; no hsperfdata files in /tmp. Never JAVA_TOOL_OPTIONS: the JVM
# announces it on stderr.
JVM_RUN = "-Xmx{mem}m -Xss64m -XX:+UseSerialGC -XX:-UsePerfData -Xshare:auto"
JVM_COMPILER = "-Xmx{mem}m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:-UsePerfData"

_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")


@dataclass(frozen=True)
class LanguageRow:
    id: str
    name: str
    file: str  # the default entry file name
    run: tuple[str, ...]
    version: tuple[str, ...]  # prints the toolchain's version (first non-empty line is kept)
    compile: tuple[str, ...] | None = None
    sources: tuple[str, ...] = ()  # suffixes ``{files}`` expands to
    memory: MemoryMode = "rlimit"
    compile_memory: MemoryMode = "rlimit"
    # "rlimit" rows: address space allowed on top of the memory limit, for runtimes that
    # map big libraries or reserve heap up front (Ruby, Mono): RLIMIT_AS counts those.
    address_space_mb: int = 0
    env: Mapping[str, str] = field(default_factory=dict)
    stream_env: Mapping[str, str] = field(default_factory=dict)  # run mode only: unbuffered
    nproc: bool = True  # RLIMIT_NPROC applies (False for runtimes that start many threads)
    requires: tuple[str, ...] = ()  # other programs on PATH, or absolute paths, it needs

    @functools.cached_property
    def template(self) -> str:
        """The starter program (templates/): reads a name on stdin, greets it."""
        return (TEMPLATES / (self.id + Path(self.file).suffix)).read_text()


def words(*parts: str) -> tuple[str, ...]:
    """An argv from space-separated words. No quoting: a command with an argument that
    contains a space is written as a tuple."""
    return tuple(word for part in parts for word in part.split())


def jvm_class(entry: str) -> str:
    stem = entry.rsplit(".", 1)[0] if "." in entry.rsplit("/", 1)[-1] else entry
    return stem.replace("/", ".")


def placeholders(entry: str, mem_mb: int, python: str, tmp: str, home: str) -> dict[str, str]:
    base = entry.rsplit("/", 1)[-1]
    stem = entry[: len(entry) - len(base)] + (base.rsplit(".", 1)[0] if "." in base else base)
    return {
        "python": python,
        "entry": entry,
        "entry_stem": stem,
        "class": jvm_class(entry),
        "build": BUILD_DIR,
        "out": OUT,
        "mem": str(mem_mb),
        "tmp": tmp,
        "home": home,
    }


def fill(text: str, values: Mapping[str, str]) -> str:
    return _PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group(0)), text)


def source_files(row: LanguageRow, entry: str, files: Sequence[str]) -> list[str]:
    """The request's files ``{files}`` stands for: the entry first, then the rest sorted."""
    suffixes = row.sources or ("." + entry.rsplit(".", 1)[-1],)
    rest = sorted(f for f in files if f != entry and f.endswith(suffixes))
    return [entry, *rest]


def expand(argv: Sequence[str], values: Mapping[str, str], sources: Sequence[str]) -> list[str]:
    out: list[str] = []
    for item in argv:
        if item == "{files}":
            out.extend(sources)
        else:
            out.append(fill(item, values))
    return out
