"""The runner: languages, runner status, runs and judgings: requests and responses."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import Field

from .base import Request, Response, Text

MAX_SOURCE = 1024 * 1024


class LanguageOut(Response):
    id: str
    name: str
    file_name: str = Field(description="The entry file a new solution in it gets.")
    version: str | None = Field(description="What the toolchain reports, when installed.")
    available: bool
    starter: str = Field(description="A starter program that reads input and prints.")


class LanguagesOut(Response):
    languages: list[LanguageOut]


class PoolOut(Response):
    size: int
    warm: int
    last_error: str | None
    started: int = Field(description="Kernels this pool has started since the server began.")
    reused: int = Field(
        description="Runs served by a kernel that had served one before (Python kernels "
        "are put back as they were after each run)."
    )


class RunnerStatusOut(Response):
    isolation: str = Field(
        description="sandboxed | reduced (sandboxed, some limits missing) | unsandboxed "
        "(the operator allowed it) | unavailable (runs are refused) | starting"
    )
    layers: dict[str, str] = Field(description="Each isolation layer and what it does here.")
    problems: list[str]
    warning: str | None = Field(description="A banner every user should see, when set.")
    pools: dict[str, PoolOut]
    running: int
    queued: int
    limits: dict[str, float] = Field(description="The limits every run gets.")


class TestCaseIn(Request):
    input: Text = Field(default="", max_length=MAX_SOURCE)
    expected: Text = Field(max_length=MAX_SOURCE)
    hidden: bool = False


class ComparisonIn(Request):
    kind: Literal["exact", "whitespace", "float", "custom"] = "whitespace"
    tolerance: float = Field(default=1e-6, ge=0, le=1)
    checker: Text | None = Field(
        default=None,
        max_length=64 * 1024,
        description="custom: Python that reads {input, expected, actual} as JSON on stdin "
        "and prints OK or WA. It runs in the sandbox too.",
    )


class RunIn(Request):
    language: str = Field(max_length=32)
    session_id: str | None = Field(
        default=None,
        max_length=32,
        description="Run in a session (its files, its history, its channel), or alone.",
    )
    code: Text | None = Field(default=None, max_length=MAX_SOURCE, description="A snippet.")
    files: dict[str, Text] | None = Field(
        default=None, description="Several files by path; a session run reads its folder."
    )
    entry: str | None = Field(default=None, max_length=200, description="The file to run.")
    stdin: Text = Field(default="", max_length=MAX_SOURCE)
    mode: Literal["run", "judge"] = "run"
    tests: list[TestCaseIn] = Field(default_factory=list, max_length=200)
    problem_id: Text | None = Field(
        default=None,
        min_length=1,
        max_length=64,
        description="judge: against this problem's cases (visible and hidden) instead of "
        "`tests`; in a session it must be the session's problem. Hidden cases show only "
        "pass or fail, except to the session's host and interviewers.",
    )
    compare: ComparisonIn = Field(default_factory=ComparisonIn)


class CaseOut(Response):
    id: str
    hidden: bool
    verdict: str
    wall: float | None
    cpu: float | None
    memory: int | None
    input: str | None = Field(description="null for a hidden case you may not see.")
    expected: str | None
    stdout: str | None
    stderr: str | None


class RunOut(Response):
    id: str
    session_id: str | None
    user_id: int | None
    language: str
    mode: str
    entry: str
    status: Literal["queued", "running", "done"]
    position: int = Field(description="Place in the queue while queued (1 = next).")
    verdict: str | None = Field(
        description="OK, WA, RE, TLE, MLE, OLE, CE, CANCELLED or IE once done."
    )
    verdict_name: str | None
    message: str
    exit_code: int | None
    signal: int | None
    stdout: str
    stderr: str
    compile_output: str
    truncated: bool
    wall_ms: int | None
    cpu_ms: int | None
    memory_bytes: int | None
    passed: int | None
    total: int | None
    problem_id: str | None = Field(
        default=None, description="The problem judged against (a submission), if any."
    )
    cases: list[CaseOut] | None
    created_at: datetime
    started_at: datetime | None
    finished_at: datetime | None


class RunsOut(Response):
    runs: list[RunOut]
