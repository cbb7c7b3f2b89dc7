"""Proving a problem in the sandbox, as a session would run it: every reference
solution passes every case, every starter compiles and runs the first example, and the
naive solution times out on the large cases (and only there).

Runs go through the runner like anyone's, under ``user_id``, a few at a time so the
checker never fills the queue that users share.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from ..runner.limits import RunRequest
from .faults import Fault
from .judging import program_request
from .model import Problem, Program, is_large
from .parse import check_generators

Submit = Callable[[RunRequest], Awaitable[dict[str, Any]]]
PARALLEL = 2
BROKEN = ("CE", "RE", "TLE", "MLE", "OLE", "IE")


@dataclass(frozen=True)
class Report:
    problem_id: str
    faults: list[Fault]
    runs: int

    @property
    def ok(self) -> bool:
        return not self.faults


def runner_submit(runner: Any, user_id: int, timeout: float = 600.0) -> Submit:
    """Submit to a RunnerService and wait for the finished run, as a dict."""

    async def submit(request: RunRequest) -> dict[str, Any]:
        run = await runner.submit(user_id, None, request)
        done = await runner.wait(run.id, timeout)
        if done is None or done.status != "done":
            return {"verdict": "IE", "message": "the run did not finish", "cases": []}
        cases = json.loads(done.cases) if done.cases else []
        return {
            "verdict": done.verdict,
            "message": done.message,
            "compile_output": done.compile_output,
            "stderr": done.stderr,
            "cases": cases,
        }

    return submit


async def check_problem(
    problem: Problem, submit: Submit, *, starters: bool = True, naive: bool = True
) -> Report:
    faults = await asyncio.to_thread(check_generators, problem)
    if faults:
        return Report(problem.id, faults, 0)
    gate = asyncio.Semaphore(PARALLEL)
    jobs: list[Awaitable[list[Fault]]] = [
        _solution(problem, program, submit, gate) for program in problem.solutions
    ]
    if starters:
        jobs += [_starter(problem, program, submit, gate) for program in problem.starters]
    if naive and problem.naive is not None:
        jobs.append(_naive(problem, problem.naive, submit, gate))
    for found in await asyncio.gather(*jobs):
        faults.extend(found)
    return Report(problem.id, faults, len(jobs))


async def _judge(
    problem: Problem, program: Program, cases: Any, submit: Submit, gate: asyncio.Semaphore
) -> dict[str, Any]:
    request = await asyncio.to_thread(program_request, problem, program, cases)
    async with gate:
        return await submit(request)


async def _solution(
    problem: Problem, program: Program, submit: Submit, gate: asyncio.Semaphore
) -> list[Fault]:
    where = f"solutions/{program.file}"
    result = await _judge(problem, program, problem.cases, submit, gate)
    if result["verdict"] == "CE":
        return [Fault(where, "does not compile: " + _tail(result["compile_output"]))]
    return [
        Fault(where, f"fails case {case['id']}: {case['verdict']}{_difference(case)}")
        for case in result["cases"]
        if case["verdict"] != "OK"
    ] or ([] if result["verdict"] == "OK" else [Fault(where, result["message"])])


async def _starter(
    problem: Problem, program: Program, submit: Submit, gate: asyncio.Semaphore
) -> list[Fault]:
    where = f"starter/{program.file}"
    first = problem.examples[:1]
    result = await _judge(problem, program, first, submit, gate)
    if result["verdict"] == "CE":
        return [Fault(where, "does not compile: " + _tail(result["compile_output"]))]
    if result["verdict"] in BROKEN:
        case = (result["cases"] or [{}])[0]
        detail = _tail(str(case.get("stderr") or result.get("stderr") or result["message"]))
        return [Fault(where, f"fails on the first example with {result['verdict']}: {detail}")]
    return []


async def _naive(
    problem: Problem, program: Program, submit: Submit, gate: asyncio.Semaphore
) -> list[Fault]:
    where = f"solutions/{program.file}"
    result = await _judge(problem, program, problem.cases, submit, gate)
    if result["verdict"] == "CE":
        return [Fault(where, "does not compile: " + _tail(result["compile_output"]))]
    faults = []
    for case in result["cases"]:
        large = is_large(case["id"])
        if large and case["verdict"] != "TLE":
            faults.append(
                Fault(
                    where,
                    f"finishes the large case {case['id']} with {case['verdict']} within "
                    f"{problem.time_limit:g} s: the case does not separate O(n²) from "
                    "O(n log n); make it larger",
                )
            )
        elif not large and case["verdict"] != "OK":
            faults.append(Fault(where, f"fails case {case['id']}: {case['verdict']}"))
    return faults


def _difference(case: dict[str, Any]) -> str:
    if case["verdict"] != "WA":
        return _tail(str(case.get("stderr") or ""), prefix=": ")
    expected = _tail(str(case.get("expected") or ""), 80)
    got = _tail(str(case.get("stdout") or ""), 80)
    return f" (expected {expected!r}, got {got!r})"


def _tail(text: str, size: int = 400, prefix: str = "") -> str:
    text = " ".join(text.split())
    if not text:
        return ""
    return prefix + (text if len(text) <= size else "…" + text[-size:])
