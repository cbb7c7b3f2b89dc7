"""Reading a session's folder as the server must: never through a symbolic link a
participant (or a program) planted, never a hidden file, in a stable order."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path


def walk_files(folder: Path, skip_suffixes: tuple[str, ...] = ()) -> Iterator[tuple[str, Path]]:
    """(relative path, path) of every non-hidden file below ``folder``, sorted, without
    descending into linked folders; names ending in ``skip_suffixes`` are left out."""
    for dirpath, dirnames, filenames in os.walk(folder, followlinks=False):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for filename in sorted(filenames):
            if filename.startswith(".") or filename.endswith(skip_suffixes):
                continue
            path = Path(dirpath) / filename
            yield path.relative_to(folder).as_posix(), path


def read_regular(path: Path, limit: int) -> bytes | None:
    """Up to ``limit`` bytes of a regular file, opened with O_NOFOLLOW; None for a link
    (ELOOP), anything not a regular file, or a file that is gone."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except OSError:
        return None
    with os.fdopen(fd, "rb") as f:
        if not stat.S_ISREG(os.fstat(f.fileno()).st_mode):
            return None
        return f.read(limit)
