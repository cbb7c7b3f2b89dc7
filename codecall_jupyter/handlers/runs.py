"""Running code: languages, the runner's status, runs and judgings, a session's runs."""

from __future__ import annotations

import asyncio
import json
from typing import Any

from jupyter_server.auth.decorator import authorized
from tornado import web

from ..problems.judging import judge_request
from ..runner.files import check_files, check_name, read_folder
from ..runner.limits import Comparison, RunRequest, TestCase
from ..runner.service import RunnerService
from ..runner.verdicts import VERDICTS
from ..schemas.runs import (
    CaseOut,
    LanguageOut,
    LanguagesOut,
    RunIn,
    RunnerStatusOut,
    RunOut,
    RunsOut,
)
from ..services.errors import Forbidden, InvalidInput, NotFound
from ..services.sessions import SessionView
from ..store.models import Run
from .chat import MemberHandler
from .operation import Query, operation, whole

API = "/codecall/api"
RUNNER_KEY = "codecall_runner"
MAX_WAIT = 30.0


class RunnerHandler(MemberHandler):
    @property
    def runner(self) -> RunnerService:
        return self.settings[RUNNER_KEY]

    async def session_view(self, session_id: str) -> SessionView:
        """The caller's view of a session they host, are in, or have left; else 404."""
        return await self.member_view(session_id, ("admitted", "left"))

    async def readable_run(self, run_id: str) -> tuple[Run, bool]:
        """The run, and whether hidden test details may be shown; 404 for others' runs."""
        run = await self.runner.history.get(run_id) if len(run_id) <= 32 else None
        if run is None:
            raise NotFound("No such run.")
        if run.session_id is None:
            if run.user_id != self.user.account_id:
                raise NotFound("No such run.")
            # A problem's hidden cases stay hidden, even from the one practising alone.
            return run, run.problem_id is None
        try:
            view = await self.session_view(run.session_id)
        except NotFound:
            raise NotFound("No such run.") from None
        return run, _sees_hidden(run, view)

    def wait_seconds(self) -> float | None:
        """The ``wait`` query argument, checked; None without one."""
        raw = self.get_query_argument("wait", None)
        if raw is None:
            return None
        try:
            wait = float(raw)
        except ValueError:
            wait = -1.0
        if not 0 <= wait <= MAX_WAIT:  # also false for NaN
            raise InvalidInput(f"wait: seconds from 0 to {MAX_WAIT:g}.")
        return wait

    def run_out(self, run: Run, see_hidden: bool) -> RunOut:
        cases = None
        if run.cases is not None:
            cases = [_case_out(c, see_hidden) for c in json.loads(run.cases)]
        return RunOut(
            id=run.id,
            session_id=run.session_id,
            user_id=run.user_id,
            language=run.language,
            mode=run.mode,
            entry=run.entry,
            status=run.status,  # type: ignore[arg-type]
            position=self.runner.position(run.id),
            verdict=run.verdict,
            verdict_name=VERDICTS.get(run.verdict) if run.verdict else None,
            message=run.message,
            exit_code=run.exit_code,
            signal=run.signal,
            stdout=run.stdout,
            stderr=run.stderr,
            compile_output=run.compile_output,
            truncated=run.truncated,
            wall_ms=run.wall_ms,
            cpu_ms=run.cpu_ms,
            memory_bytes=run.memory_bytes,
            passed=run.passed,
            total=run.total,
            problem_id=run.problem_id,
            cases=cases,
            created_at=run.created_at,
            started_at=run.started_at,
            finished_at=run.finished_at,
        )


def _sees_hidden(run: Run, view: SessionView | None) -> bool:
    """Whether hidden test cases show in full: to the session's host, and to its
    interviewers for a problem's cases; to nobody practising alone on a problem."""
    if view is None:
        return run.problem_id is None
    interviewer = view.me is not None and view.me.role == "interviewer"
    return view.is_host or (run.problem_id is not None and interviewer)


WAIT_QUERY = Query(
    f"Seconds (up to {MAX_WAIT:g}) to wait for the run to finish.",
    {"type": "number", "minimum": 0, "maximum": MAX_WAIT},
)


def _case_out(case: dict[str, Any], see_hidden: bool) -> CaseOut:
    show = see_hidden or not case.get("hidden")
    return CaseOut(
        id=case["id"],
        hidden=bool(case.get("hidden")),
        verdict=case["verdict"] if show else ("OK" if case["verdict"] == "OK" else "FAIL"),
        wall=case.get("wall"),
        cpu=case.get("cpu"),
        memory=case.get("memory"),
        input=case.get("stdin") if show else None,
        expected=case.get("expected") if show else None,
        stdout=case.get("stdout") if show else None,
        stderr=case.get("stderr") if show else None,
    )


class LanguagesHandler(RunnerHandler):
    @web.authenticated
    @authorized
    @operation(
        "The languages this server runs, with their versions",
        responses={200: LanguagesOut},
        tags=("runner",),
    )
    async def get(self) -> None:
        languages = await self.runner.languages_async()
        self.reply(
            LanguagesOut(
                languages=[
                    LanguageOut(
                        id=x.id,
                        name=x.name,
                        file_name=x.file,
                        version=x.version,
                        available=x.available,
                        starter=x.template,
                    )
                    for x in languages
                ]
            )
        )


class RunnerStatusHandler(RunnerHandler):
    @web.authenticated
    @authorized
    @operation(
        "The runner's isolation level, warm pools, queue and limits",
        description="`warning` is a banner every user should see (an unsandboxed runner).",
        responses={200: RunnerStatusOut},
        tags=("runner",),
    )
    async def get(self) -> None:
        await self.runner.ensure_started()
        self.reply(RunnerStatusOut.model_validate(self.runner.status()))


class RunsHandler(RunnerHandler):
    @web.authenticated
    @authorized
    @operation(
        "Run code, or judge it against test cases",
        description=(
            "Queues the run and answers 202 at once; follow it with "
            "`GET /runs/{run_id}?wait=<seconds>` or on the session's channel (`run.*`). "
            "With `?wait=<seconds>` the answer waits for the run: 201 with the result "
            "when it finished in time, else 202 as without. "
            "A session run takes the session's files unless `files` or `code` is given; "
            "observers may not run. 429 when the queue is full; 503 when code cannot run "
            "on this server."
        ),
        request=RunIn,
        responses={201: RunOut, 202: RunOut},
        errors=(404, 413, 422, 429, 503),
        query={"wait": WAIT_QUERY},
        tags=("runner",),
    )
    async def post(self) -> None:
        body = self.body(RunIn)
        wait = self.wait_seconds()
        view = await self._view(body)
        request = await self._request(body, view)
        run = await self.runner.submit(self.user.account_id, body.session_id, request)
        if wait is not None:
            run = await self.runner.wait(run.id, wait) or run
        finished = run.status == "done"
        self.reply(self.run_out(run, _sees_hidden(run, view)), status=201 if finished else 202)

    async def _view(self, body: RunIn) -> SessionView | None:
        """The session the run is for, as the caller may run in it; None for their own."""
        if body.session_id is None:
            return None
        view = await self.session_view(body.session_id)
        me = view.me
        if view.session.status == "ENDED" or me is None or me.state != "admitted":
            raise NotFound("No such session.")
        if me.role == "observer" and not view.is_host:
            raise Forbidden("Observers watch runs; they do not start them.")
        return view

    async def _request(self, body: RunIn, view: SessionView | None) -> RunRequest:
        files: dict[str, str]
        entry = check_name(body.entry) if body.entry else None
        if body.code is not None:
            entry = entry or await self._default_entry(body.language)
            files = {entry: body.code}
        elif body.files is not None:
            files = body.files
        elif view is not None:
            folder = self.services.sessions.folder_of(view.session)
            files = read_folder(folder) if folder.is_dir() else {}
        else:
            raise InvalidInput("Give `code`, or `files` and `entry`.", code="no_files")
        if entry is None:
            raise InvalidInput("Say which file to run: `entry`.", code="no_entry")
        check_files(files, entry)
        if body.problem_id is not None:
            return await self._problem_request(body, view, files, entry)
        cases = tuple(
            TestCase(id=f"t{i + 1}", stdin=t.input, expected=t.expected, hidden=t.hidden)
            for i, t in enumerate(body.tests)
        )
        if body.compare.kind == "custom" and not body.compare.checker:
            raise InvalidInput("A custom comparison needs a `checker`.", code="no_checker")
        compare = Comparison(body.compare.kind, body.compare.tolerance, body.compare.checker)
        return RunRequest(body.language, files, entry, body.stdin, body.mode, cases, compare)

    async def _problem_request(
        self, body: RunIn, view: SessionView | None, files: dict[str, str], entry: str
    ) -> RunRequest:
        """Judging against a problem's own cases, hidden ones included."""
        assert body.problem_id is not None
        if body.mode != "judge":
            raise InvalidInput("problem_id: only for `mode: judge`.", code="problem_needs_judge")
        if body.tests:
            raise InvalidInput("Give `tests` or `problem_id`, not both.", code="tests_and_problem")
        problems = self.services.problems
        if view is not None:
            if view.session.problem_id != body.problem_id:
                raise InvalidInput(
                    "problem_id: not this session's problem.", code="not_session_problem"
                )
            # As the host sees it: a guest need not be friends with the problem's author.
            problem = await problems.get(view.session.host_id, body.problem_id)
        else:
            problem = await problems.get(self.user.account_id, body.problem_id)
        return await asyncio.to_thread(
            judge_request, problem, body.language, files, entry, None, True
        )

    async def _default_entry(self, language: str) -> str:
        for lang in await self.runner.languages_async():
            if lang.id == language:
                return lang.file
        raise InvalidInput(f"Unknown language {language!r}.", code="unknown_language")


class RunHandler(RunnerHandler):
    @web.authenticated
    @authorized
    @operation(
        "A run: its state, output and verdict",
        description="Yours, or one in a session you are in. Hidden test cases show only "
        "pass or fail, except to the session's host.",
        responses={200: RunOut},
        errors=(404, 422),
        query={"wait": WAIT_QUERY},
        tags=("runner",),
    )
    async def get(self, run_id: str) -> None:
        run, see_hidden = await self.readable_run(run_id)
        wait = self.wait_seconds()
        if wait is not None and run.status != "done":
            run = await self.runner.wait(run.id, wait) or run
        self.reply(self.run_out(run, see_hidden))


class RunCancelHandler(RunnerHandler):
    @web.authenticated
    @authorized
    @operation(
        "Stop a run",
        description="Your own run, or any run in a session you host. The program is "
        "interrupted, and killed if it does not stop within a second.",
        responses={202: RunOut},
        errors=(404,),
        tags=("runner",),
    )
    async def post(self, run_id: str) -> None:
        run, see_hidden = await self.readable_run(run_id)
        await self.runner.cancel(run.id, self.user.account_id, may_cancel_others=see_hidden)
        self.reply(self.run_out(run, see_hidden), status=202)


class SessionRunsHandler(RunnerHandler):
    @web.authenticated
    @authorized
    @operation(
        "A session's runs, newest first",
        responses={200: RunsOut},
        errors=(404, 422),
        query={"limit": whole("Runs to return, 1 to 100 (default 20).", 100)},
        tags=("runner",),
    )
    async def get(self, session_id: str) -> None:
        view = await self.session_view(session_id)
        limit = self.query_int("limit", 20, 100) or 20
        runs = await self.runner.history.for_session(session_id, limit)
        self.reply(RunsOut(runs=[self.run_out(r, view.is_host) for r in runs]))


RUNNER_ROUTES: list[tuple[str, type[web.RequestHandler]]] = [
    (f"{API}/languages", LanguagesHandler),
    (f"{API}/runner", RunnerStatusHandler),
    (f"{API}/runs", RunsHandler),
    (f"{API}/runs/{{run_id}}", RunHandler),
    (f"{API}/runs/{{run_id}}/cancel", RunCancelHandler),
    (f"{API}/sessions/{{session_id}}/runs", SessionRunsHandler),
]
