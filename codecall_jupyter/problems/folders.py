"""Problems kept as folders: the package's bank and the operator's ``problem_dirs``."""

from __future__ import annotations

import logging
from pathlib import Path

from .faults import ProblemInvalid
from .model import Problem, Source
from .parse import parse, read_folder

BANK_DIR = Path(__file__).parent / "bank"
log = logging.getLogger(__name__)


def load_folder(folder: Path, source: Source = "bank") -> Problem:
    """One problem folder; the bank's own are held to the bank's standard."""
    return parse(
        folder.name, read_folder(folder), strict=source == "bank", trusted=True, source=source
    )


def problem_folders(root: Path) -> list[Path]:
    """The problem folders directly below ``root`` (each has a problem.md)."""
    if not root.is_dir():
        return []
    return sorted(p for p in root.iterdir() if p.is_dir() and (p / "problem.md").is_file())


def load_all(roots: list[Path]) -> tuple[list[Problem], list[ProblemInvalid]]:
    """The bank, then each operator folder; a later folder's problem with a bank id is
    refused rather than shadowing it. Invalid problems are returned, not raised."""
    problems: dict[str, Problem] = {}
    invalid: list[ProblemInvalid] = []
    for root, source in [(BANK_DIR, "bank"), *((r, "folder") for r in roots)]:
        for folder in problem_folders(root):
            try:
                problem = load_folder(folder, source)  # type: ignore[arg-type]
            except ProblemInvalid as e:
                log.warning("CodeCall: skipping problem %s: %s", folder, e.message)
                invalid.append(e)
                continue
            if problem.id in problems:
                log.warning("CodeCall: problem %s in %s repeats an id; skipped", problem.id, root)
                continue
            problems[problem.id] = problem
    return list(problems.values()), invalid
