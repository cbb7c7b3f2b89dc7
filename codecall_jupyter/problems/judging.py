"""A problem's cases and comparison as the runner wants them."""

from __future__ import annotations

from ..runner.limits import Comparison, RunRequest, TestCase
from .dataframe import dataframe_checker
from .model import Case, Problem, Program


def comparison(problem: Problem) -> Comparison:
    if problem.compare == "dataframe":
        return Comparison(kind="custom", checker=dataframe_checker(problem.tolerance))
    return Comparison(kind=problem.compare, tolerance=problem.tolerance)


def test_cases(cases: tuple[Case, ...]) -> tuple[TestCase, ...]:
    return tuple(TestCase(c.id, c.input(), c.expected, c.hidden) for c in cases)


def judge_request(
    problem: Problem,
    language: str,
    files: dict[str, str],
    entry: str,
    cases: tuple[Case, ...] | None = None,
    record: bool = False,
) -> RunRequest:
    """Judge ``files`` against the problem's cases (all of them unless given); a
    ``record``ed run counts towards its user's solved problems."""
    return RunRequest(
        language=language,
        files=files,
        entry=entry,
        mode="judge",
        cases=test_cases(problem.cases if cases is None else cases),
        comparison=comparison(problem),
        time_limit=problem.time_limit,
        problem_id=problem.id if record else None,
    )


def program_request(problem: Problem, program: Program, cases: tuple[Case, ...]) -> RunRequest:
    return judge_request(problem, program.language, {program.file: program.source},
                         program.file, cases)  # fmt: skip
