"""The problem bank: browsing, a session's problem with its hints, users' own problems."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from .base import Request, Response, Text

MAX_PROBLEM_FILES = 400


class ProblemSummaryOut(Response):
    id: str
    title: str
    difficulty: Literal["easy", "medium", "hard"]
    tags: list[str]
    kind: Literal["code", "data"]
    languages: list[str] = Field(description="The languages it has a starter in.")
    source: Literal["bank", "folder", "user"] = Field(
        description="CodeCall's bank, the operator's folders, or a user's own problem."
    )
    owner_id: int | None
    shared: bool = Field(description="A user's problem that their friends may use.")
    solved: bool = Field(description="I have judged a solution with every case passing.")
    cases: int
    hints: int


class ProblemListOut(Response):
    problems: list[ProblemSummaryOut]
    total: int
    tags: list[str] = Field(description="Every tag of the problems I can see.")
    invalid: int = Field(description="Problems in the operator's folders that failed to load.")


class ExampleOut(Response):
    id: str
    input: str
    expected: str
    explanation: str | None


class StarterOut(Response):
    language: str
    file: str
    source: str


class ProblemOut(ProblemSummaryOut):
    statement: str = Field(description="Markdown: title, statement and the examples.")
    time_limit: float
    compare: str
    examples: list[ExampleOut]
    starters: list[StarterOut]


class GuideOut(Response):
    """What only the interviewer sees."""

    hints: list[str]
    solutions: list[StarterOut]
    follow_up: str
    hidden_cases: int


class SessionProblemOut(Response):
    problem: ProblemOut
    revealed_hints: list[str] = Field(description="Hints the interviewer has revealed, in order.")
    guide: GuideOut | None = Field(description="For the host and interviewers only; else null.")


class HintRevealOut(Response):
    revealed_hints: list[str]
    remaining: int


class ProblemFilesIn(Request):
    id: Text = Field(min_length=3, max_length=64, description="Lowercase, digits and dashes.")
    visibility: Literal["private", "friends"] = "private"
    files: dict[str, Text] = Field(
        max_length=MAX_PROBLEM_FILES,
        description="The problem's files by relative path, as in a bank folder "
        "(problem.md, tests/examples/..., tests/hidden/..., starter/..., solutions/...).",
    )


class ProblemVisibilityIn(Request):
    visibility: Literal["private", "friends"]


class OwnProblemOut(Response):
    id: str
    visibility: Literal["private", "friends"]
    files: dict[str, str]
    problem: ProblemOut


class CheckOut(Response):
    ok: bool
    runs: int
    faults: list[dict[str, str]]


class SolvedCountOut(Response):
    key: str
    solved: int
    total: int


class DayCountOut(Response):
    day: str = Field(description="ISO date (UTC).")
    solved: int
    judged: int


class ProgressOut(Response):
    solved: int
    attempted: int
    by_difficulty: list[SolvedCountOut]
    by_tag: list[SolvedCountOut]
    days: list[DayCountOut] = Field(description="Each day with a judging, oldest first.")
    current_streak: int = Field(description="Days in a row, up to today, with a solve.")
    longest_streak: int


class PastSessionOut(Response):
    session_id: str
    title: str
    problem_id: str | None
    problem_title: str | None
    role: str
    host: bool
    started_at: str | None
    ended_at: str | None
    duration_seconds: int | None
    result: str | None = Field(description="The best judging's verdict in the session.")
    tests_passed: int | None
    tests_total: int | None
    feedback_received: int


class PastSessionsOut(Response):
    sessions: list[PastSessionOut]
