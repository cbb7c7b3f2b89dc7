"""A problem that does not hold together: every fault, each naming its file."""

from __future__ import annotations

from dataclasses import dataclass

from ..services.errors import InvalidInput


@dataclass(frozen=True)
class Fault:
    file: str  # relative to the problem's folder; "" for the problem as a whole
    message: str

    def __str__(self) -> str:
        return f"{self.file}: {self.message}" if self.file else self.message


class ProblemInvalid(InvalidInput):
    code = "invalid_problem"

    def __init__(self, problem_id: str, faults: list[Fault]) -> None:
        first = str(faults[0]) if faults else "invalid"
        more = f" (and {len(faults) - 1} more)" if len(faults) > 1 else ""
        super().__init__(
            f"Problem {problem_id!r} is not valid: {first}{more}",
            faults=[{"file": f.file, "message": f.message} for f in faults],
        )
        self.problem_id = problem_id
        self.faults = faults
