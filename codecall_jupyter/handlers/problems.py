"""The problem bank over REST: browse and search, a session's problem and its hints,
users' own problems (JSON or zip), progress. Rules live in codecall_jupyter/problems/."""

from __future__ import annotations

import asyncio
from datetime import datetime

from jupyter_server.auth.decorator import authorized
from tornado import web

from ..problems.archive import from_zip, to_zip
from ..problems.checker import check_problem, runner_submit
from ..problems.faults import ProblemInvalid
from ..problems.hints import HintService
from ..problems.model import DIFFICULTIES, Problem
from ..problems.progress import duration_seconds, past_sessions, progress
from ..problems.service import ProblemQuery, ProblemService, matching, tags_of
from ..schemas.problems import (
    CheckOut,
    DayCountOut,
    ExampleOut,
    GuideOut,
    HintRevealOut,
    OwnProblemOut,
    PastSessionOut,
    PastSessionsOut,
    ProblemFilesIn,
    ProblemListOut,
    ProblemOut,
    ProblemSummaryOut,
    ProgressOut,
    SessionProblemOut,
    SolvedCountOut,
    StarterOut,
)
from ..services.errors import Forbidden, InvalidInput, NotFound, Unavailable
from ..services.sessions import SessionView
from .chat import MemberHandler
from .operation import Query, one_of, operation
from .runs import RUNNER_KEY

API = "/codecall/api"
TAGS = ("problems",)
YES_NO = {"yes": True, "no": False}


def summary_out(problem: Problem, solved: set[str]) -> ProblemSummaryOut:
    return ProblemSummaryOut(
        id=problem.id,
        title=problem.title,
        difficulty=problem.difficulty,
        tags=list(problem.tags),
        kind=problem.kind,
        languages=list(problem.languages),
        source=problem.source,
        owner_id=problem.owner_id,
        shared=problem.shared,
        solved=problem.id in solved,
        cases=len(problem.cases),
        hints=len(problem.hints),
    )


def problem_out(problem: Problem, solved: set[str]) -> ProblemOut:
    return ProblemOut(
        **summary_out(problem, solved).model_dump(),
        statement=problem.statement(),
        time_limit=problem.time_limit,
        compare=problem.compare,
        examples=[
            ExampleOut(id=c.id, input=c.input(), expected=c.expected, explanation=c.explanation)
            for c in problem.examples
        ],
        starters=[StarterOut(language=p.language, file=p.file, source=p.source)
                  for p in problem.starters],
    )  # fmt: skip


class ProblemBase(MemberHandler):
    @property
    def problems(self) -> ProblemService:
        return self.services.problems

    async def solved(self) -> set[str]:
        return await self.problems.solved_ids(self.user.account_id)

    async def checked(self, problem_id: str, files: dict[str, str]) -> Problem:
        """Statically valid and proven in the sandbox, or ProblemInvalid / 503."""
        me = self.user.account_id
        problem = self.problems.validate(problem_id, files, me)
        runner = self.settings[RUNNER_KEY]
        await runner.ensure_started()
        if not runner.isolation.can_run:
            raise Unavailable(
                "Problems are proven in the sandbox before they are saved, and code cannot "
                "run on this server: " + "; ".join(runner.isolation.problems),
                code="runner_unavailable",
            )
        report = await check_problem(problem, runner_submit(runner, me), naive=False)
        if report.faults:
            raise ProblemInvalid(problem.id, report.faults)
        return problem

    async def own_out(self, problem: Problem, files: dict[str, str]) -> OwnProblemOut:
        visibility = await self.problems.visibility_of(problem.id) or "private"
        return OwnProblemOut(
            id=problem.id,
            visibility=visibility,  # type: ignore[arg-type]
            files=files,
            problem=problem_out(problem, await self.solved()),
        )


class ProblemsHandler(ProblemBase):
    @web.authenticated
    @authorized
    @operation(
        "Problems I can use: the bank, the operator's, mine and my friends' shared ones",
        description="Easy first, then by title. `q` matches the id, title, tags and "
        "statement (every word must match).",
        responses={200: ProblemListOut},
        errors=(422,),
        query={
            "q": Query("Words to search for.", {"type": "string"}),
            "difficulty": one_of("easy | medium | hard", *DIFFICULTIES),
            "tag": Query("One tag, e.g. graphs.", {"type": "string"}),
            "language": Query("Only problems with a starter in this language.", {"type": "string"}),
            "solved": one_of("yes | no: whether I have solved it.", *YES_NO),
            "mine": one_of("yes: only the problems I wrote.", *YES_NO),
        },
        tags=TAGS,
    )
    async def get(self) -> None:
        query = ProblemQuery(
            text=self.get_query_argument("q", "")[:200],
            difficulty=self._choice("difficulty", DIFFICULTIES),
            tag=self.get_query_argument("tag", None) or None,
            language=self.get_query_argument("language", None) or None,
            solved=self._yes_no("solved"),
            mine=bool(self._yes_no("mine")),
        )
        visible = await self.problems.visible(self.user.account_id)
        solved = await self.solved()
        found = matching(visible, query, self.user.account_id, solved)
        self.reply(
            ProblemListOut(
                problems=[summary_out(p, solved) for p in found],
                total=len(found),
                tags=tags_of(visible),
                invalid=len(self.problems.invalid),
            )
        )

    @web.authenticated
    @authorized
    @operation(
        "Write a problem of my own",
        description="The files of a problem folder (docs/PROBLEMS.md). It is validated, "
        "then every starter and reference solution runs in the sandbox; any fault is a "
        "422 whose `details.faults` name the file and the fault. Generators are not "
        "accepted: store inputs as files.",
        request=ProblemFilesIn,
        responses={201: OwnProblemOut},
        errors=(409, 413, 422, 429, 503),
        tags=TAGS,
    )
    async def post(self) -> None:
        body = self.body(ProblemFilesIn)
        problem = await self.checked(body.id, dict(body.files))
        await self.problems.save(
            self.user.account_id, problem, dict(body.files), body.visibility, create=True
        )
        self.reply(await self.own_out(problem, dict(body.files)), status=201)

    def _choice(self, name: str, allowed: tuple[str, ...]) -> str | None:
        raw = self.get_query_argument(name, None) or None
        if raw is not None and raw not in allowed:
            raise InvalidInput(f"{name}: one of {', '.join(allowed)}.")
        return raw

    def _yes_no(self, name: str) -> bool | None:
        raw = self._choice(name, tuple(YES_NO))
        return None if raw is None else YES_NO[raw]


class ProblemImportHandler(ProblemBase):
    @web.authenticated
    @authorized
    @operation(
        "Import a problem of my own from a zip (the request body, application/zip)",
        description="The zip holds one folder named by the problem's id. Checked like "
        "`POST /problems`. `visibility`: private (default) or friends.",
        responses={201: OwnProblemOut},
        errors=(409, 413, 422, 429, 503),
        query={"visibility": one_of("private | friends", "private", "friends")},
        request_media_type="application/zip",
        tags=TAGS,
    )
    async def post(self) -> None:
        visibility = self.get_query_argument("visibility", "private")
        if visibility not in ("private", "friends"):
            raise InvalidInput("visibility: private or friends.")
        problem_id, files = await asyncio.to_thread(from_zip, self.request.body)
        problem = await self.checked(problem_id, files)
        await self.problems.save(self.user.account_id, problem, files, visibility, create=True)
        self.reply(await self.own_out(problem, files), status=201)


class ProblemHandler(ProblemBase):
    @web.authenticated
    @authorized
    @operation(
        "A problem: statement, examples and starters",
        description="Hints, reference solutions, the follow-up and hidden cases are for "
        "the interviewer: see `GET /sessions/{session_id}/problem`.",
        responses={200: ProblemOut},
        errors=(404,),
        tags=TAGS,
    )
    async def get(self, problem_id: str) -> None:
        problem = await self.problems.get(self.user.account_id, problem_id)
        out = await asyncio.to_thread(problem_out, problem, await self.solved())
        self.reply(out)

    @web.authenticated
    @authorized
    @operation(
        "Replace a problem of mine (its files and visibility)",
        description="Checked like `POST /problems`; the id in the body must be the path's.",
        request=ProblemFilesIn,
        responses={200: OwnProblemOut},
        errors=(404, 413, 422, 429, 503),
        tags=TAGS,
    )
    async def put(self, problem_id: str) -> None:
        body = self.body(ProblemFilesIn)
        await self.problems.own_files(self.user.account_id, problem_id)  # 404 unless mine
        if body.id != problem_id:
            raise InvalidInput("id: a problem keeps its id; make a new one instead.")
        problem = await self.checked(problem_id, dict(body.files))
        await self.problems.save(
            self.user.account_id, problem, dict(body.files), body.visibility, create=False
        )
        self.reply(await self.own_out(problem, dict(body.files)))

    @web.authenticated
    @authorized
    @operation(
        "Delete a problem of mine",
        description="Sessions that used it keep their statement and files.",
        responses={204: None},
        errors=(404,),
        tags=TAGS,
    )
    async def delete(self, problem_id: str) -> None:
        await self.problems.delete(self.user.account_id, problem_id)
        self.no_content()


class ProblemFilesHandler(ProblemBase):
    @web.authenticated
    @authorized
    @operation(
        "The files of a problem of mine, to edit them",
        responses={200: OwnProblemOut},
        errors=(404,),
        tags=TAGS,
    )
    async def get(self, problem_id: str) -> None:
        files = await self.problems.own_files(self.user.account_id, problem_id)
        problem = await self.problems.get(self.user.account_id, problem_id)
        self.set_header("Cache-Control", "no-store")
        self.reply(await self.own_out(problem, files))


class ProblemExportHandler(ProblemBase):
    @web.authenticated
    @authorized
    @operation(
        "A problem of mine as a zip (application/zip), ready to import elsewhere",
        responses={200: None},
        media_type="application/zip",
        errors=(404,),
        tags=TAGS,
    )
    async def get(self, problem_id: str) -> None:
        files = await self.problems.own_files(self.user.account_id, problem_id)
        data = await asyncio.to_thread(to_zip, problem_id, files)
        self.set_header("Content-Disposition", f'attachment; filename="{problem_id}.zip"')
        self.set_header("Cache-Control", "no-store")
        self.finish(data, set_content_type="application/zip")


class ProblemCheckHandler(ProblemBase):
    @web.authenticated
    @authorized
    @operation(
        "Run a problem of mine in the sandbox again: every solution and starter",
        responses={200: CheckOut},
        errors=(404, 429, 503),
        tags=TAGS,
    )
    async def post(self, problem_id: str) -> None:
        files = await self.problems.own_files(self.user.account_id, problem_id)
        try:
            problem = await self.checked(problem_id, files)
        except ProblemInvalid as e:
            faults = [{"file": f.file, "message": f.message} for f in e.faults]
            self.reply(CheckOut(ok=False, runs=0, faults=faults))
            return
        runs = len(problem.starters) + len(problem.solutions)
        self.reply(CheckOut(ok=True, runs=runs, faults=[]))


class SessionProblemHandler(ProblemBase):
    @property
    def hints(self) -> HintService:
        return HintService(self.services.sessions.db, self.services.activity)

    async def session_problem(self, session_id: str) -> tuple[SessionView, Problem]:
        view = await self.member_view(session_id, ("admitted", "left"))
        problem_id = view.session.problem_id
        if not problem_id:
            raise NotFound("This session has no problem from the bank.", code="no_problem")
        try:
            # As the host sees it: a guest need not be friends with a problem's author.
            problem = await self.problems.get(view.session.host_id, problem_id)
        except NotFound:
            raise NotFound("The session's problem is gone.", code="no_problem") from None
        return view, problem

    @staticmethod
    def interviewer(view: SessionView) -> bool:
        return view.is_host or (view.me is not None and view.me.role == "interviewer")

    @web.authenticated
    @authorized
    @operation(
        "The session's problem: statement and revealed hints; for the interviewer, all "
        "hints, reference solutions, the follow-up question",
        responses={200: SessionProblemOut},
        errors=(404,),
        tags=TAGS,
    )
    async def get(self, session_id: str) -> None:
        view, problem = await self.session_problem(session_id)
        revealed = await self.hints.revealed(session_id, problem)
        guide = None
        if self.interviewer(view):
            guide = GuideOut(
                hints=list(problem.hints),
                solutions=[
                    StarterOut(language=p.language, file=p.file, source=p.source)
                    for p in problem.solutions
                ],
                follow_up=problem.follow_up,
                hidden_cases=sum(1 for c in problem.cases if c.hidden),
            )
        out = await asyncio.to_thread(problem_out, problem, await self.solved())
        self.set_header("Cache-Control", "no-store")
        self.reply(SessionProblemOut(problem=out, revealed_hints=revealed, guide=guide))


class HintRevealHandler(SessionProblemHandler):
    @web.authenticated
    @authorized
    @operation(
        "Reveal the next hint to everyone in the session (host and interviewers)",
        description="Each reveal is in the activity log. 409 when every hint is out.",
        responses={200: HintRevealOut},
        errors=(403, 404, 409),
        tags=TAGS,
    )
    async def post(self, session_id: str) -> None:
        view, problem = await self.session_problem(session_id)
        if not self.interviewer(view):
            raise Forbidden("Only the interviewer reveals hints.", code="not_interviewer")
        if view.session.status == "ENDED":
            raise InvalidInput("The session has ended.", code="session_ended")
        revealed = await self.hints.reveal(session_id, self.user.account_id, problem)
        await self.services.sessions.notifier.changed(session_id)
        self.reply(
            HintRevealOut(revealed_hints=revealed, remaining=len(problem.hints) - len(revealed))
        )


class ProgressHandler(ProblemBase):
    @web.authenticated
    @authorized
    @operation(
        "My progress: problems solved by difficulty and tag, day by day, and streaks",
        responses={200: ProgressOut},
        tags=TAGS,
    )
    async def get(self) -> None:
        visible = await self.problems.visible(self.user.account_id)
        mine = await progress(self.services.sessions.db, self.user.account_id, visible)
        self.reply(
            ProgressOut(
                solved=mine.solved,
                attempted=mine.attempted,
                by_difficulty=[SolvedCountOut(key=k, solved=n, total=t)
                               for k, n, t in mine.by_difficulty],
                by_tag=[SolvedCountOut(key=k, solved=n, total=t) for k, n, t in mine.by_tag],
                days=[DayCountOut(day=d.isoformat(), solved=n, judged=j)
                      for d, n, j in mine.days],
                current_streak=mine.current_streak,
                longest_streak=mine.longest_streak,
            )
        )  # fmt: skip


class PastSessionsHandler(ProblemBase):
    @web.authenticated
    @authorized
    @operation(
        "My past sessions (the last 100): problem, role, result, duration, tests passed "
        "and feedback received",
        responses={200: PastSessionsOut},
        tags=TAGS,
    )
    async def get(self) -> None:
        me = self.user.account_id
        past = await past_sessions(self.services.sessions.db, me)
        titles: dict[str, str | None] = {}
        for item in past:
            pid = item.session.problem_id
            if pid and pid not in titles:
                try:
                    titles[pid] = (await self.problems.get(item.session.host_id, pid)).title
                except NotFound:
                    titles[pid] = None
        self.reply(
            PastSessionsOut(
                sessions=[
                    PastSessionOut(
                        session_id=x.session.id,
                        title=x.session.title,
                        problem_id=x.session.problem_id,
                        problem_title=titles.get(x.session.problem_id or ""),
                        role=x.role,
                        host=x.session.host_id == me,
                        started_at=_iso(x.session.started_at),
                        ended_at=_iso(x.session.ended_at),
                        duration_seconds=duration_seconds(x.session),
                        result=x.result,
                        tests_passed=x.tests_passed,
                        tests_total=x.tests_total,
                        feedback_received=x.feedback_received,
                    )
                    for x in past
                ]
            )
        )


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment is not None else None


PROBLEM_ROUTES: list[tuple[str, type[web.RequestHandler]]] = [
    (f"{API}/me/progress", ProgressHandler),
    (f"{API}/me/sessions", PastSessionsHandler),
    (f"{API}/problems", ProblemsHandler),
    (f"{API}/problems/import", ProblemImportHandler),
    (f"{API}/problems/{{problem_id}}", ProblemHandler),
    (f"{API}/problems/{{problem_id}}/files", ProblemFilesHandler),
    (f"{API}/problems/{{problem_id}}/export", ProblemExportHandler),
    (f"{API}/problems/{{problem_id}}/check", ProblemCheckHandler),
    (f"{API}/sessions/{{session_id}}/problem", SessionProblemHandler),
    (f"{API}/sessions/{{session_id}}/problem/hints", HintRevealHandler),
]
