"""Per-run limits and what a run asks for."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, replace
from typing import Any


@dataclass(frozen=True)
class RunLimits:
    wall: float = 10.0  # seconds of wall-clock time per program (per test case when judging)
    cpu: float = 10.0
    memory_mb: int = 256
    output_bytes: int = 1024 * 1024
    file_bytes: int = 64 * 1024 * 1024
    compile_wall: float = 30.0
    compile_memory_mb: int = 1024
    processes: int = 64

    def spec(self) -> dict[str, Any]:
        return asdict(self)

    def within(self, time_limit: float | None) -> RunLimits:
        """These limits with wall and CPU time cut to ``time_limit`` when it is lower."""
        if time_limit is None:
            return self
        return replace(self, wall=min(self.wall, time_limit), cpu=min(self.cpu, time_limit))


@dataclass(frozen=True)
class TestCase:
    id: str
    stdin: str
    expected: str
    hidden: bool = False


@dataclass(frozen=True)
class Comparison:
    """How a case's output is compared with the expected output."""

    kind: str = "whitespace"  # exact | whitespace | float | custom
    tolerance: float = 1e-6
    checker: str | None = None  # Python source of a custom checker


@dataclass(frozen=True)
class RunRequest:
    language: str
    files: dict[str, str]
    entry: str
    stdin: str = ""
    mode: str = "run"  # run | judge
    cases: tuple[TestCase, ...] = ()
    comparison: Comparison = field(default_factory=Comparison)
    # A problem's own time limit per case (seconds); never more than the server's.
    time_limit: float | None = None
    problem_id: str | None = None  # judged against a problem of the bank
