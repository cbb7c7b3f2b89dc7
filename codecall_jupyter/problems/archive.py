"""A problem as a zip: one top folder named by the problem's id, holding its files.

Reading is defensive: a zip is user input. No absolute paths, no ``..``, no links, a
bounded number of files and of uncompressed bytes (checked before anything is read),
text files only.
"""

from __future__ import annotations

import io
import stat
import zipfile
from pathlib import PurePosixPath

from .faults import Fault, ProblemInvalid
from .parse import FILE_BYTES, MAX_FILES, TOTAL_BYTES

JUNK = ("__MACOSX/", ".DS_Store")


def to_zip(problem_id: str, files: dict[str, str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(files):
            archive.writestr(f"{problem_id}/{path}", files[path])
    return buffer.getvalue()


def from_zip(data: bytes) -> tuple[str, dict[str, str]]:
    """(problem id, {relative path: text}) or ProblemInvalid naming each fault."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError):
        raise ProblemInvalid("upload", [Fault("", "the upload is not a zip file")]) from None
    with archive:
        entries = [
            e
            for e in archive.infolist()
            if not e.is_dir() and not any(part in e.filename for part in JUNK)
        ]
        faults = _check_entries(entries)
        tops = {PurePosixPath(e.filename).parts[0] for e in entries if not faults}
        if not faults and len(tops) != 1:
            faults.append(Fault("", "the zip must hold one folder, named by the problem's id"))
        if faults:
            raise ProblemInvalid("upload", faults)
        [top] = tops
        files: dict[str, str] = {}
        for entry in entries:
            relative = entry.filename[len(top) + 1 :]
            if not relative:
                raise ProblemInvalid(top, [Fault(entry.filename, "files belong in the folder")])
            try:
                files[relative] = archive.read(entry).decode("utf-8")
            except UnicodeDecodeError:
                faults.append(Fault(relative, "is not UTF-8 text"))
            except (zipfile.BadZipFile, OSError, EOFError) as e:
                faults.append(Fault(relative, f"cannot be read from the zip: {e}"))
        if faults:
            raise ProblemInvalid(top, faults)
        return top, files


def _check_entries(entries: list[zipfile.ZipInfo]) -> list[Fault]:
    faults = []
    if not entries:
        return [Fault("", "the zip is empty")]
    if len(entries) > MAX_FILES:
        return [Fault("", f"the zip holds {len(entries)} files; at most {MAX_FILES}")]
    if sum(e.file_size for e in entries) > TOTAL_BYTES:
        return [Fault("", f"the files add up to more than {TOTAL_BYTES} bytes")]
    for entry in entries:
        name = entry.filename
        path = PurePosixPath(name)
        mode = entry.external_attr >> 16
        if "\\" in name or path.is_absolute() or ".." in path.parts or len(path.parts) < 2:
            faults.append(Fault(name, "is not a plain relative path inside the folder"))
        elif mode and stat.S_ISLNK(mode):
            faults.append(Fault(name, "is a link; only regular files are read"))
        elif entry.file_size > FILE_BYTES:
            faults.append(Fault(name, f"is larger than {FILE_BYTES} bytes"))
    return faults
