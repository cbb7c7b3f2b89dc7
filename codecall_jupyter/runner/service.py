"""The runner: admission, warm pools, kernels per run (a fresh one, or a sandboxed Python
kernel put back as it was), verdicts, the history, and run events for the session
channel."""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from ..services.errors import InvalidInput, NotFound, Unavailable
from ..services.runs import Finished, RunHistory
from ..store.faults import retry_while_unavailable
from ..store.models import Run
from ..store.types import utcnow
from . import checkers
from .admission import Admission, AdmissionLimits, Ticket
from .environment import Isolation, RunnerOptions, prepare
from .execute import Outcome, execute
from .kernels import KINDS, POLYGLOT, PYTHON, KernelSettings, SandboxedKernel
from .languages import Language, available_languages
from .limits import RunLimits, RunRequest
from .pool import KernelPool
from .sandbox import WORK_DIR
from .verdicts import Verdict, verdict_of

log = logging.getLogger(__name__)
Listener = Callable[[str, dict[str, Any]], None]
STORED_OUTPUT = 64 * 1024  # per case, in the history
FLUSH_EVERY = 0.1  # seconds between run.output batches on the channel
RESULT_RETRY_SECONDS = 120.0  # how long a run's start and result wait for the database
MARK_RUNNING_AFTER = 0.05  # seconds a run runs before the history calls it running


@dataclass
class ActiveRun:
    run: Run
    request: RunRequest
    cancel: asyncio.Event = field(default_factory=asyncio.Event)
    done: asyncio.Event = field(default_factory=asyncio.Event)
    ticket: Ticket | None = None
    pending: list[list[str]] = field(default_factory=list)
    # Everything streamed so far (capped like the run's output), for sockets that
    # connect while the run is going.
    sent: list[list[str]] = field(default_factory=list)
    position: int = 0
    # The "running" mark in the history, written once the program has run for
    # MARK_RUNNING_AFTER; a run over before that goes from queued to done in one write.
    marked: asyncio.Future[None] | None = None
    marking: bool = False  # the mark's write has begun: wait for it, never cancel it
    started_at: datetime | None = None
    row: Run | None = None  # the finished row, for whoever waits on this run
    # The row's insert, under way while the run starts (see ``submit``).
    recorded: asyncio.Future[None] | None = None


class RunnerService:
    def __init__(
        self,
        history: RunHistory,
        options: RunnerOptions,
        limits: RunLimits,
        admission: AdmissionLimits,
        pool_sizes: dict[str, int],
    ) -> None:
        self.history = history
        self.options = options
        self.limits = limits
        self.admission = Admission(admission)
        self.pool_sizes = pool_sizes
        self.settings: KernelSettings | None = None
        self.isolation = Isolation(level="starting")
        self.pools: dict[str, KernelPool] = {}
        self.active: dict[str, ActiveRun] = {}
        self.listeners: list[Listener] = []
        self._tasks: set[asyncio.Task[None]] = set()
        self._disposals: set[asyncio.Future[None]] = set()
        self._closing = False
        self._languages: list[Language] | None = None
        self._start_lock = asyncio.Lock()
        self._started = False

    # --- life ------------------------------------------------------------------------------

    async def ensure_started(self) -> None:
        """Probe the sandbox and fill the pools, once. Done at server start when the pools
        are not empty, else on first use (a server that never runs code never probes)."""
        async with self._start_lock:
            if not self._started:
                await self._start()
                self._started = True

    async def _start(self) -> None:
        self.settings, self.isolation = await asyncio.to_thread(prepare, self.options)
        if not self.isolation.can_run:
            log.error("CodeCall runner refuses to run: %s", "; ".join(self.isolation.problems))
            return
        if self.isolation.warning:
            log.warning("CodeCall runner: %s", self.isolation.warning)
        for kind in KINDS:
            reuses = kind == PYTHON and self._sandboxed and self.options.python_kernel_runs > 1
            self.pools[kind] = KernelPool(
                kind,
                self.pool_sizes.get(kind, 0),
                self._make,
                reuses,
                reuse_grace=self.options.python_kernel_wait,
            )
            self.pools[kind].fill()

    def _make(self, kind: str) -> SandboxedKernel:
        assert self.settings is not None
        return SandboxedKernel(kind, self.settings)

    async def close(self) -> None:
        self._closing = True
        for active in self.active.values():
            active.cancel.set()
        for task in list(self._tasks):
            task.cancel()
        # Disposals are awaited, never cancelled: a kernel must not outlive its server.
        if self._disposals:
            await asyncio.gather(*self._disposals, return_exceptions=True)
        for pool in self.pools.values():
            await pool.close()
        if self.settings is not None and self.settings.cgroups is not None:
            self.settings.cgroups.close()
        await self.history.close()

    def subscribe(self, listener: Listener) -> None:
        self.listeners.append(listener)

    def _publish(self, run: Run, message: dict[str, Any]) -> None:
        if run.session_id is None:
            return
        for listener in self.listeners:
            listener(run.session_id, {"run_id": run.id, **message})

    def status(self) -> dict[str, Any]:
        return {
            "isolation": self.isolation.level,
            "layers": self.isolation.layers,
            "problems": self.isolation.problems,
            "warning": self.isolation.warning,
            "pools": {
                k: {
                    "size": p.size,
                    "warm": p.warm,
                    "last_error": p.last_error,
                    "started": p.started,
                    "reused": p.reused,
                }
                for k, p in self.pools.items()
            },
            "running": len(self.admission.running),
            "queued": len(self.admission.waiting),
            "limits": self.limits.spec(),
        }

    def runs_in_progress(self, session_id: str) -> list[dict[str, Any]]:
        """A session's unfinished runs with their output so far, oldest first."""
        return [
            {
                "run_id": a.run.id,
                "user_id": a.run.user_id,
                "language": a.run.language,
                "mode": a.run.mode,
                "position": a.position,
                "chunks": list(a.sent),
            }
            for a in self.active.values()
            if a.run.session_id == session_id
        ]

    async def last_run(self, session_id: str) -> dict[str, Any] | None:
        run = await self.history.last_for_session(session_id)
        if run is None:
            return None
        return {
            "run_id": run.id,
            "user_id": run.user_id,
            "language": run.language,
            "mode": run.mode,
            "status": run.status,
            "verdict": run.verdict,
            "passed": run.passed,
            "total": run.total,
        }

    async def languages_async(self) -> list[Language]:
        """Probed once (each toolchain's version command) in a worker thread, then kept:
        every submit asks."""
        if self._languages is None:
            await self.ensure_started()
            python = self.settings.python if self.settings is not None else None
            self._languages = await asyncio.to_thread(available_languages, python)
        return self._languages

    # --- runs ------------------------------------------------------------------------------

    async def submit(self, user_id: int, session_id: str | None, request: RunRequest) -> Run:
        await self.ensure_started()
        if not self.isolation.can_run:
            raise Unavailable(
                "Code cannot run on this server: " + "; ".join(self.isolation.problems),
                code="runner_unavailable",
            )
        languages = await self.languages_async()
        language = next((lang for lang in languages if lang.id == request.language), None)
        if language is None or not language.available:
            raise InvalidInput(
                f"The language {request.language!r} is not available on this server.",
                code="unknown_language",
            )
        if request.mode == "judge" and not request.cases:
            raise InvalidInput("Judging needs at least one test case.", code="no_cases")
        ticket = self.admission.reserve(user_id, session_id)
        run = self.history.new(
            user_id, session_id, request.language, request.mode, request.entry, request.problem_id
        )
        active = ActiveRun(run, request, ticket=ticket)
        self.active[run.id] = active
        self._publish(run, {"type": "run.queued", "user_id": user_id, "language": run.language})
        # The run starts while its row is written: a warm run takes a few milliseconds,
        # about what the insert does, and only the answer needs the row. The run's task
        # is scheduled first, so that its program is on its way before the insert's
        # Python work (about half a millisecond) takes the event loop.
        task = asyncio.create_task(self._run(active), name=f"codecall-run-{run.id}")
        active.recorded = asyncio.ensure_future(self.history.add(run))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        try:
            await asyncio.shield(active.recorded)
        except asyncio.CancelledError:
            raise  # the caller left; the row is still written and the run goes on
        except BaseException:
            active.cancel.set()  # never recorded: stopped, and its result is not kept
            raise
        return run

    async def wait(self, run_id: str, timeout: float) -> Run | None:
        active = self.active.get(run_id)
        if active is not None:
            with contextlib.suppress(asyncio.TimeoutError):
                await asyncio.wait_for(active.done.wait(), timeout)
            if active.row is not None:
                return active.row  # as just stored: no second read
        return await self.history.get(run_id)

    def position(self, run_id: str) -> int:
        active = self.active.get(run_id)
        if active is None:
            return 0
        ticket = active.ticket
        if not active.position and ticket is not None and not ticket.granted.done():
            # Just submitted: the run's task has not yet taken over its ticket's place.
            return ticket.position
        return active.position

    async def cancel(self, run_id: str, user_id: int, may_cancel_others: bool) -> None:
        active = self.active.get(run_id)
        if active is None:
            raise NotFound("No such run in progress.")
        if active.run.user_id != user_id and not may_cancel_others:
            raise NotFound("No such run in progress.")
        active.cancel.set()

    async def _run(self, active: ActiveRun) -> None:
        run, request = active.run, active.request
        ticket: Ticket | None = None
        try:
            ticket = await self._admit(active)
            if ticket is None:
                await self._finish(active, Verdict("CANCELLED", None, None, "Cancelled."), None)
                return
            active.started_at = utcnow()
            active.marked = asyncio.ensure_future(self._mark_running(active))
            self._publish(run, {"type": "run.started"})
            kind = PYTHON if request.language == "python" and request.mode == "run" else POLYGLOT
            outcome, oom = await self._execute(active, kind, self._code(kind, request))
            if request.mode == "judge":
                await self._finish_judging(active, outcome, oom)
            else:
                await self._finish(active, verdict_of(outcome, oom), outcome)
        except Exception as e:
            log.exception("CodeCall runner: run %s failed", run.id)
            with contextlib.suppress(Exception):
                await self._finish(active, Verdict("IE", None, None, f"Runner error: {e}"), None)
        finally:
            if ticket is not None:
                self.admission.leave(ticket)
            active.done.set()
            self.active.pop(run.id, None)

    async def _admit(self, active: ActiveRun) -> Ticket | None:
        """Wait for the run's turn, telling everyone its place; None if cancelled first."""
        ticket = active.ticket
        assert ticket is not None

        def moved(position: int) -> None:
            active.position = position
            self._publish(active.run, {"type": "run.queued", "position": position})

        ticket.on_position = moved
        if ticket.granted.done() and not active.cancel.is_set():
            return ticket  # its turn already: on to the kernel without yielding the loop
        if ticket.position:
            moved(ticket.position)
        stop: asyncio.Future[Any] = asyncio.ensure_future(active.cancel.wait())
        waiters: set[asyncio.Future[Any]] = {ticket.granted, stop}
        try:
            await asyncio.wait(waiters, return_when=asyncio.FIRST_COMPLETED)
        finally:
            stop.cancel()
        active.position = 0
        if active.cancel.is_set():
            self.admission.leave(ticket)
            return None
        return ticket

    @property
    def _sandboxed(self) -> bool:
        return self.settings is not None and self.settings.policy is not None

    def _with_workdir(self, spec: dict[str, Any]) -> dict[str, Any]:
        """Sandboxed kernels work in the sandbox's /work; others in their own folder."""
        if self._sandboxed:
            spec["workdir"] = WORK_DIR
        return spec

    def _code(self, kind: str, request: RunRequest) -> str:
        spec = self._with_workdir(
            {
                "mode": request.mode,
                "language": request.language,
                "files": request.files,
                "entry": request.entry,
                "stdin": request.stdin,
                "limits": self.limits.within(request.time_limit).spec(),
                "cases": [{"id": c.id, "stdin": c.stdin} for c in request.cases],
            }
        )
        if kind == PYTHON:
            # Only inside its own pid namespace may the kernel sweep every other process.
            spec["sweep"] = self._sandboxed
        return json.dumps(spec)

    def _deadline(self, request: RunRequest) -> float:
        lim = self.limits.within(request.time_limit)
        if request.mode == "judge":
            return lim.compile_wall + len(request.cases) * (lim.wall + 1.0) + 5.0
        if request.language == "python":
            return lim.wall + 2.0  # the kernel stops the program at lim.wall itself
        return lim.compile_wall + lim.wall + 2.0

    async def _execute(self, active: ActiveRun, kind: str, code: str) -> tuple[Outcome, bool]:
        kernel = await self.pools[kind].take()
        flusher = asyncio.create_task(self._flush_output(active))

        def output(name: str, text: str) -> None:
            active.pending.append([name, text])
            active.sent.append([name, text])

        outcome: Outcome | None = None
        oom = False
        kernel.runs += 1
        try:
            outcome = await execute(
                kernel,
                code,
                deadline=self._deadline(active.request),
                output_bytes=self.limits.output_bytes,
                on_output=output if active.run.session_id else None,
                cancel=active.cancel,
            )
            # The cgroup's count of OOM kills names the verdict only of a program that
            # took its kernel down with it; whether the kernel may serve again is asked
            # apart (_may_reuse), off the answer's path when the run server settles later.
            oom = outcome.died and outcome.result is None and _oom_killed(kernel)
            return outcome, oom
        finally:
            flusher.cancel()
            self._send_output(active)
            if outcome is not None and outcome.settled is not None:
                self._background(self._settle(kind, kernel, outcome, outcome.settled))
            elif not (
                self._may_reuse(kind, kernel, outcome) and self.pools[kind].give_back(kernel)
            ):
                # Nothing of this run may reach the next: disposal and the pool's refill
                # happen after the result is out, not before.
                self._background(self._replace(kind, kernel))

    async def _settle(
        self,
        kind: str,
        kernel: SandboxedKernel,
        outcome: Outcome,
        settled: asyncio.Future[bool],
    ) -> None:
        """A kernel whose run server answered before putting its sandbox back serves
        again once its reply says that worked; otherwise it is replaced."""
        await settled
        if not (self._may_reuse(kind, kernel, outcome) and self.pools[kind].give_back(kernel)):
            await self._replace(kind, kernel)

    def _may_reuse(self, kind: str, kernel: SandboxedKernel, outcome: Outcome | None) -> bool:
        """A sandboxed Python kernel whose run ended normally and whose sandbox it put back
        as it was (its own report) serves the next run, unless its cgroup ever saw an OOM
        kill; any doubt retires it."""
        if outcome is None or kind != PYTHON or not self._sandboxed or self._closing:
            return False
        if kernel.runs >= self.options.python_kernel_runs:
            return False
        if outcome.timed_out or outcome.died or outcome.cancelled or outcome.error:
            return False
        if not (outcome.result and outcome.result.get("reusable") is True):
            return False
        return not _oom_killed(kernel)

    async def _replace(self, kind: str, kernel: SandboxedKernel) -> None:
        self.pools[kind].retire()
        await kernel.dispose()
        if not self._closing:
            self.pools[kind].fill()

    def _background(self, work: Any) -> None:
        task = asyncio.ensure_future(work)
        self._disposals.add(task)
        task.add_done_callback(self._disposals.discard)

    async def _flush_output(self, active: ActiveRun) -> None:
        while True:
            await asyncio.sleep(FLUSH_EVERY)
            self._send_output(active)

    def _send_output(self, active: ActiveRun) -> None:
        if active.pending:
            chunks, active.pending = active.pending, []
            self._publish(active.run, {"type": "run.output", "chunks": chunks})

    async def _finish(self, active: ActiveRun, verdict: Verdict, outcome: Outcome | None) -> None:
        result = (outcome.result if outcome else None) or {}
        compiled = (outcome.compile if outcome else None) or (result.get("compile") or {})
        done = Finished(
            verdict=verdict.code,
            message=verdict.message,
            exit_code=verdict.exit_code,
            signal=verdict.signal,
            stdout=outcome.text("stdout") if outcome else "",
            stderr=outcome.text("stderr") if outcome else "",
            compile_output=_compile_text(compiled),
            truncated=bool(outcome and (outcome.truncated or result.get("truncated"))),
            wall_ms=_ms(result.get("wall", outcome.wall if outcome else None)),
            cpu_ms=_ms(result.get("cpu")),
            memory_bytes=result.get("memory"),
        )
        await self._store(active, done)

    async def _finish_judging(self, active: ActiveRun, outcome: Outcome, oom: bool) -> None:
        request = active.request
        overall = verdict_of(outcome, oom)
        by_id = {c.get("id"): c for c in outcome.cases}
        actual: dict[str, str] = {}
        cases: list[dict[str, Any]] = []
        for case in request.cases:
            got = by_id.get(case.id)
            if got is None:
                code = overall.code if overall.code != "OK" else "IE"
                code = "TLE" if outcome.timed_out else code
                cases.append(_case_row(case, code, {}))
                continue
            code = str(got.get("verdict", "RE"))
            if code == "OK":
                actual[case.id] = str(got.get("stdout", ""))
                if request.comparison.kind != "custom":
                    ok = checkers.matches(request.comparison, case.expected, actual[case.id])
                    code = "OK" if ok else "WA"
            cases.append(_case_row(case, code, got))
        if request.comparison.kind == "custom" and actual:
            await self._custom_check(active, cases, actual)
        passed = sum(1 for c in cases if c["verdict"] == "OK")
        if overall.code == "CE":
            first = overall
        else:
            failing = next((c for c in cases if c["verdict"] != "OK"), None)
            code = failing["verdict"] if failing else "OK"
            first = Verdict(code, None, None, f"{passed} of {len(cases)} tests passed.")
        done = Finished(
            verdict=first.code,
            message=first.message,
            exit_code=None,
            signal=None,
            stdout="",
            stderr=outcome.text("stderr"),
            compile_output=_compile_text(outcome.compile or {}),
            truncated=False,
            wall_ms=_ms(sum(float(c.get("wall") or 0) for c in cases)),
            cpu_ms=_ms(sum(float(c.get("cpu") or 0) for c in cases)),
            memory_bytes=max((int(c.get("memory") or 0) for c in cases), default=None),
            cases=cases,
            passed=passed,
            total=len(cases),
        )
        await self._store(active, done)

    async def _custom_check(
        self, active: ActiveRun, cases: list[dict[str, Any]], actual: dict[str, str]
    ) -> None:
        request = active.request
        spec = self._with_workdir(
            {
                "mode": "check",
                "checker": request.comparison.checker or "",
                "cases": [
                    {"id": c.id, "input": c.stdin, "expected": c.expected, "actual": actual[c.id]}
                    for c in request.cases
                    if c.id in actual
                ],
                "limits": self.limits.spec(),
            }
        )
        checked, _ = await self._execute(active, POLYGLOT, json.dumps(spec))
        verdicts = {c.get("id"): bool(c.get("ok")) for c in checked.checks}
        for case in cases:
            if case["id"] in actual:
                case["verdict"] = "OK" if verdicts.get(case["id"]) else "WA"

    async def _mark_running(self, active: ActiveRun) -> None:
        await asyncio.sleep(MARK_RUNNING_AFTER)
        if not await _recorded(active):
            return
        active.marking = True
        await retry_while_unavailable(
            lambda: self.history.started(active.run.id), budget=RESULT_RETRY_SECONDS
        )

    async def _store(self, active: ActiveRun, done: Finished) -> None:
        if not await _recorded(active):
            return  # the submitter was told the run could not start
        started_at = None
        if active.marked is not None and not active.marking:
            active.marked.cancel()  # still waiting to write: the result says it all
            started_at = active.started_at
        elif active.marked is not None:
            # "running" must land before "done", never after it; if it never landed,
            # the result still should.
            with contextlib.suppress(Exception):
                await active.marked
        # A result outlives a short database outage: the write is retried until it is back.
        row = await retry_while_unavailable(
            lambda: self.history.finish(active.run.id, done, started_at),
            budget=RESULT_RETRY_SECONDS,
        )
        active.row = row
        self._publish(row, {"type": "run.finished", "verdict": row.verdict})


def _oom_killed(kernel: SandboxedKernel) -> bool:
    return kernel.cgroup is not None and kernel.cgroup.oom_killed()


async def _recorded(active: ActiveRun) -> bool:
    """Whether the run's row was written (waiting for its insert if need be)."""
    if active.recorded is None:
        return True
    try:
        await asyncio.shield(active.recorded)
    except Exception:
        return False
    return True


def _ms(seconds: Any) -> int | None:
    return None if seconds is None else round(float(seconds) * 1000)


def _compile_text(compiled: dict[str, Any]) -> str:
    return (str(compiled.get("stdout") or "") + str(compiled.get("stderr") or ""))[:STORED_OUTPUT]


def _case_row(case: Any, verdict: str, got: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": case.id,
        "hidden": case.hidden,
        "verdict": verdict,
        "wall": got.get("wall"),
        "cpu": got.get("cpu"),
        "memory": got.get("memory"),
        "stdin": case.stdin[:STORED_OUTPUT],
        "expected": case.expected[:STORED_OUTPUT],
        "stdout": str(got.get("stdout", ""))[:STORED_OUTPUT],
        "stderr": str(got.get("stderr", ""))[:8192],
    }
