"""A session's problem statement: ``problem.md`` at the top of its folder, written when
the session is created. Everyone admitted reads it; only interviewers and the host
change it (``AccessService``)."""

from __future__ import annotations

import os
from pathlib import Path

from .access import PROBLEM_FILE

PLACEHOLDER = "_The interviewer writes the problem here._\n"


def problem_text(title: str) -> str:
    """The placeholder statement: the session's title as a heading (on one line)."""
    heading = " ".join(title.split()) or "Problem"
    return f"# {heading}\n\n{PLACEHOLDER}"


def write_problem(folder: Path, title: str) -> str:
    """Create ``problem.md`` unless it exists; its name. Never follows a link."""
    try:
        fd = os.open(
            folder / PROBLEM_FILE, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o644
        )
    except FileExistsError:
        return PROBLEM_FILE
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(problem_text(title))
    return PROBLEM_FILE
