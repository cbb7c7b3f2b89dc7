"""A session's solution file name and its whiteboard (the solution's starter is written
with the problem: services/problem.py)."""

from __future__ import annotations

import os
from pathlib import Path

from ..runner.polyglot.languages import LANGUAGES


def solution_name(language: str) -> str:
    """The entry file of a session in ``language`` (Java's must be Main.java, so the
    runner's table names it rather than a fixed `solution.<ext>`)."""
    return LANGUAGES[language].file


WHITEBOARD = "whiteboard.whiteboard"
EMPTY_WHITEBOARD = '{"elements":[],"type":"codecall-whiteboard","version":1}\n'


def write_whiteboard(folder: Path) -> str:
    """Create the session's empty whiteboard unless one exists; its name."""
    path = folder / WHITEBOARD
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o644)
    except FileExistsError:
        return WHITEBOARD
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(EMPTY_WHITEBOARD)
    return WHITEBOARD
