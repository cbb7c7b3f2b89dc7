"""Writing the request's files into the work dir without following symlinks.

A previous program in the same kernel may have left a symlink where a file or folder
of the next request goes; every step opens relative to its parent's descriptor with
O_NOFOLLOW, and a file is replaced (unlink, then O_CREAT|O_EXCL), never written through.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from collections.abc import Mapping

from .row import BUILD_DIR
from .spec import SpecError

_DIR_FLAGS = os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | os.O_CLOEXEC
_FILE_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC


def write_files(workdir: str, files: Mapping[str, str]) -> None:
    root = os.open(workdir, _DIR_FLAGS & ~os.O_NOFOLLOW)
    try:
        for path, content in files.items():
            *folders, name = path.split("/")
            try:
                parent = _open_folders(root, folders)
                try:
                    _replace(parent, name, content.encode("utf-8", "replace"))
                finally:
                    os.close(parent)
            except OSError as e:
                raise SpecError(f"cannot write {path!r}: {e.strerror}") from None
    finally:
        os.close(root)


def fresh_build_dir(workdir: str) -> str:
    """An empty build folder for this request (the last one's outputs go)."""
    path = os.path.join(workdir, BUILD_DIR)
    if os.path.islink(path) or os.path.isfile(path):
        os.unlink(path)
    elif os.path.isdir(path):
        shutil.rmtree(path)
    os.mkdir(path, 0o755)
    return path


def _open_folders(root: int, folders: list[str]) -> int:
    fd = os.dup(root)
    for folder in folders:
        try:
            with contextlib.suppress(FileExistsError):
                os.mkdir(folder, 0o755, dir_fd=fd)
            child = os.open(folder, _DIR_FLAGS, dir_fd=fd)
        finally:
            os.close(fd)
        fd = child
    return fd


def _replace(parent: int, name: str, data: bytes) -> None:
    with contextlib.suppress(FileNotFoundError):
        os.unlink(name, dir_fd=parent)
    fd = os.open(name, _FILE_FLAGS, 0o644, dir_fd=parent)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
    finally:
        os.close(fd)
