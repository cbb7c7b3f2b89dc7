"""The files a run takes: a session folder read without following links, or a snippet,
checked the same way either way."""

from __future__ import annotations

from pathlib import Path

from ..services.access import PROBLEM_FILE
from ..services.errors import InvalidInput, PayloadTooLarge
from ..services.folders import read_regular, walk_files

MAX_FILES = 64
MAX_TOTAL_BYTES = 1024 * 1024
MAX_NAME = 200
SKIPPED_SUFFIXES = (".whiteboard", ".ipynb")
# Session documents that are not code: the problem statement.
SKIPPED_TOP_LEVEL = frozenset({PROBLEM_FILE})


def check_name(name: str) -> str:
    parts = name.split("/")
    if (
        not name
        or len(name) > MAX_NAME
        or name.startswith("/")
        or any(p in ("", ".", "..") or p.startswith(".") for p in parts)
        or any(ord(c) < 32 for c in name)
    ):
        raise InvalidInput(f"Not a usable file name: {name!r}.", code="invalid_file_name")
    return name


def check_files(files: dict[str, str], entry: str) -> dict[str, str]:
    if not files:
        raise InvalidInput("A run needs at least one file.", code="no_files")
    if len(files) > MAX_FILES:
        raise InvalidInput(f"At most {MAX_FILES} files per run.", code="too_many_files")
    total = 0
    for name, content in files.items():
        check_name(name)
        if "\x00" in content:
            raise InvalidInput(f"{name} contains NUL bytes.", code="invalid_text")
        total += len(content.encode("utf-8", "surrogatepass"))
    if total > MAX_TOTAL_BYTES:
        raise PayloadTooLarge(f"A run's files are limited to {MAX_TOTAL_BYTES} bytes.")
    if entry not in files:
        raise InvalidInput(f"The entry file {entry!r} is not among the files.", code="no_entry")
    return files


def read_folder(folder: Path) -> dict[str, str]:
    """Every regular text file below ``folder``. Symbolic links are skipped, and files are
    opened with O_NOFOLLOW, so a planted link never makes the server read a host file."""
    files: dict[str, str] = {}
    total = 0
    for rel, path in walk_files(folder, SKIPPED_SUFFIXES):
        if rel in SKIPPED_TOP_LEVEL:
            continue
        data = read_regular(path, MAX_TOTAL_BYTES + 1 - total)
        if data is None:
            continue  # a symbolic link, not a regular file, or gone
        total += len(data)
        if total > MAX_TOTAL_BYTES or len(files) >= MAX_FILES:
            raise PayloadTooLarge(
                f"The session's files exceed {MAX_FILES} files or {MAX_TOTAL_BYTES} bytes."
            )
        try:
            files[rel] = data.decode("utf-8")
        except UnicodeDecodeError:
            continue  # binary files are not source
    return files
