"""The execute request's JSON, checked: anything malformed is a ``SpecError`` whose
message goes back to the server as it is (ename ``CodeCallSpecError``)."""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .row import BUILD_DIR, LanguageRow

MODES = ("run", "judge", "check")
MAX_FILES = 256
MAX_PATH = 200


class SpecError(Exception):
    pass


@dataclass(frozen=True)
class Limits:
    wall: float = 10.0
    cpu: float = 10.0
    memory_mb: int = 256
    output_bytes: int = 1024 * 1024
    compile_wall: float = 30.0
    compile_memory_mb: int = 1024
    processes: int = 64
    file_bytes: int = 64 * 1024 * 1024


_INTEGER_LIMITS = ("memory_mb", "output_bytes", "compile_memory_mb", "processes", "file_bytes")


@dataclass(frozen=True)
class Request:
    mode: str
    workdir: str
    limits: Limits
    language: LanguageRow | None = None  # None in check mode
    files: Mapping[str, str] | None = None
    entry: str = ""
    stdin: str = ""
    cases: tuple[Mapping[str, str], ...] = ()  # judge: id, stdin; check: id, input, ...
    checker: str = ""


def parse(code: str, languages: Mapping[str, LanguageRow]) -> Request:
    try:
        spec = json.loads(code)
    except ValueError as e:
        raise SpecError(f"the request is not JSON: {e}") from None
    if not isinstance(spec, dict):
        raise SpecError("the request must be a JSON object")
    mode = spec.get("mode")
    if mode not in MODES:
        raise SpecError(f"mode must be one of {', '.join(MODES)}, not {mode!r}")
    common: dict[str, Any] = {
        "mode": mode,
        "workdir": _workdir(spec.get("workdir")),
        "limits": _limits(spec.get("limits", {})),
    }
    if mode == "check":
        checker = spec.get("checker")
        if not isinstance(checker, str) or not checker.strip():
            raise SpecError("checker must be the checker's Python source")
        cases = _cases(spec.get("cases"), ("id", "input", "expected", "actual"))
        return Request(**common, checker=checker, cases=cases)
    language = languages.get(spec.get("language"))  # type: ignore[arg-type]
    if language is None:
        raise SpecError(f"unknown language {spec.get('language')!r}")
    files = spec.get("files")
    if not isinstance(files, dict) or not files:
        raise SpecError("files must be an object of file names to contents")
    if len(files) > MAX_FILES:
        raise SpecError(f"at most {MAX_FILES} files")
    for path, content in files.items():
        check_path(path)
        if not isinstance(content, str):
            raise SpecError(f"the content of {path!r} must be a string")
    entry = spec.get("entry")
    if not isinstance(entry, str) or entry not in files:
        raise SpecError(f"entry {entry!r} is not one of the files")
    stdin = spec.get("stdin", "")
    if not isinstance(stdin, str):
        raise SpecError("stdin must be a string")
    cases = _cases(spec.get("cases", []), ("id", "stdin")) if mode == "judge" else ()
    return Request(**common, language=language, files=files, entry=entry, stdin=stdin, cases=cases)


def check_path(path: Any) -> str:
    """Relative, inside the work dir, no ``..``, no empty or ``.`` parts, not ours."""
    if not isinstance(path, str) or not path:
        raise SpecError(f"bad file name {path!r}")
    if path.startswith("/"):
        raise SpecError(f"file names must be relative: {path!r}")
    parts = path.split("/")
    if any(part in ("", ".", "..") for part in parts) or "\0" in path:
        raise SpecError(f"file names may not contain '..', '.', '//' or NUL: {path!r}")
    if parts[0] == BUILD_DIR:
        raise SpecError(f"{BUILD_DIR}/ is the runner's build folder: {path!r}")
    if len(path) > MAX_PATH or any(len(part.encode()) > 255 for part in parts):
        raise SpecError(f"file name too long: {path[:50]!r}...")
    return path


def _workdir(value: Any) -> str:
    """The sandbox's writable work dir; unsandboxed kernels get theirs in the environment."""
    workdir = value or os.environ.get("CODECALL_WORK_DIR") or "/work"
    if not isinstance(workdir, str) or not os.path.isabs(workdir):
        raise SpecError(f"workdir must be an absolute path, not {workdir!r}")
    try:
        os.makedirs(workdir, exist_ok=True)
    except OSError as e:
        raise SpecError(f"workdir {workdir!r} is not usable: {e.strerror}") from None
    return workdir


def _limits(value: Any) -> Limits:
    if not isinstance(value, dict):
        raise SpecError("limits must be an object")
    known: dict[str, float | int] = {}
    for name in Limits.__dataclass_fields__:
        if name not in value:
            continue
        number = value[name]
        if isinstance(number, bool) or not isinstance(number, int | float) or number <= 0:
            raise SpecError(f"limits.{name} must be a positive number, not {number!r}")
        known[name] = int(number) if name in _INTEGER_LIMITS else float(number)
    return Limits(**known)  # type: ignore[arg-type]


def _cases(value: Any, keys: tuple[str, ...]) -> tuple[Mapping[str, str], ...]:
    if not isinstance(value, list):
        raise SpecError("cases must be a list")
    cases = []
    for i, case in enumerate(value):
        if not isinstance(case, dict):
            raise SpecError(f"cases[{i}] must be an object")
        for key in keys:
            if not isinstance(case.get(key, "" if key != "id" else None), str):
                raise SpecError(f"cases[{i}].{key} must be a string")
        cases.append({key: case.get(key, "") for key in keys})
    return tuple(cases)
