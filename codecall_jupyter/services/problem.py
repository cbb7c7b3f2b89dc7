"""A session's problem statement and starter: ``problem.md`` at the top of its folder and
the solution file, written when the session is created and when its problem or language
changes. Everyone admitted reads ``problem.md``; only interviewers and the host change
it (``AccessService``).

Nothing a participant wrote is ever overwritten: a solution file is replaced only while
it is still exactly a starter, and nothing is written through a symbolic link.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from ..runner.polyglot.languages import LANGUAGES
from .access import PROBLEM_FILE

if TYPE_CHECKING:
    from ..problems.model import Problem
    from ..store.models import PracticeSession

PLACEHOLDER = "_The interviewer writes the problem here._\n"


def problem_text(title: str) -> str:
    """The placeholder statement: the session's title as a heading (on one line)."""
    heading = " ".join(title.split()) or "Problem"
    return f"# {heading}\n\n{PLACEHOLDER}"


def write_problem(folder: Path, title: str, statement: str | None = None) -> str:
    """Create ``problem.md`` unless it exists; its name. Never follows a link."""
    _create(folder / PROBLEM_FILE, statement if statement is not None else problem_text(title))
    return PROBLEM_FILE


def starter_of(language: str, problem: Problem | None) -> str:
    """The program a new solution file in ``language`` starts from."""
    own = problem.starter(language) if problem is not None else None
    return own.source if own is not None else LANGUAGES[language].template


def write_session_problem(
    folder: Path,
    session: PracticeSession,
    problem: Problem | None,
    before: Problem | None = None,
    replace_statement: bool = False,
) -> None:
    """The statement and the solution file for the session's problem and language.

    ``replace_statement``: the problem changed, so ``problem.md`` is rewritten (an open
    editor shows the change; the earlier text stays in the document's history)."""
    statement = problem.statement() if problem is not None else problem_text(session.title)
    if replace_statement:
        _replace(folder / PROBLEM_FILE, statement)
    else:
        _create(folder / PROBLEM_FILE, statement)
    path = folder / LANGUAGES[session.language].file
    starter = starter_of(session.language, problem)
    if not _create(path, starter):
        untouched = {LANGUAGES[session.language].template, starter_of(session.language, before)}
        if _read(path) in untouched:
            _replace(path, starter)


def _create(path: Path, text: str) -> bool:
    """Write a new file; False when one exists. O_EXCL and O_NOFOLLOW: never overwrite,
    never follow a link."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o644)
    except FileExistsError:
        return False
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(text)
    return True


def _read(path: Path) -> str | None:
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW)
    except OSError:
        return None
    with os.fdopen(fd, encoding="utf-8", errors="replace") as f:
        return f.read()


def _replace(path: Path, text: str) -> None:
    """Atomically: a new file renamed over the old one (a link is replaced, not followed)."""
    fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=".codecall-", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
