"""`jupyter codecall problems check [FOLDER ...]`: prove problem folders before offering
them (the bank's when none is named): validate each, then run its solutions, starters
and naive solution in the sandbox exactly as a session would."""

from __future__ import annotations

import asyncio
import tempfile
from pathlib import Path

from traitlets import Bool

from ..problems.checker import check_problem, runner_submit
from ..problems.faults import ProblemInvalid
from ..problems.folders import BANK_DIR, load_folder, problem_folders
from ..problems.model import Source
from ..runner.service import RunnerService
from ..services.accounts import AccountService
from ..services.invites import InviteService
from ..services.runs import RunHistory
from ..store import migrate
from ..store.db import Database
from .base import CodeCallCommand, CommandError


class ProblemsCheck(CodeCallCommand):
    name = "jupyter-codecall-problems-check"
    description = (
        "Validate problem folders (a folder of problems, or one problem's folder; the "
        "bank when none is given), then prove each in the sandbox. Exit 1 on any fault."
    )
    static_only = Bool(False, config=True, help="Only validate; run nothing.")
    flags = {"static": ({"ProblemsCheck": {"static_only": True}}, "Only validate.")}

    def execute(self) -> None:
        folders = self._folders()
        if not folders:
            raise CommandError("no problem folders found (each has a problem.md)")
        faults = migrate.run_blocking(lambda: self._check(folders))
        print(f"{len(folders)} problem(s), {faults} fault(s)")
        if faults:
            self.exit(1)

    def _folders(self) -> list[Path]:
        roots = [Path(a) for a in self.args] or [BANK_DIR]
        found: list[Path] = []
        for root in roots:
            if (root / "problem.md").is_file():
                found.append(root)
            else:
                found.extend(problem_folders(root))
        return found

    async def _check(self, folders: list[Path]) -> int:
        source: Source = "bank" if all(f.parent == BANK_DIR for f in folders) else "folder"
        loaded = []
        faults = 0
        for folder in folders:
            try:
                loaded.append(load_folder(folder, source))
            except ProblemInvalid as e:
                faults += len(e.faults)
                for fault in e.faults:
                    print(f"{folder.name}: {fault}")
        if self.static_only or not loaded:
            return faults
        with tempfile.TemporaryDirectory(prefix="codecall-check-") as scratch:
            # The runs go to a scratch database: checking leaves no trace in the real one.
            url = f"sqlite+aiosqlite:///{scratch}/check.db"
            await migrate.upgrade(url)
            database = Database(url)
            options = self.codecall
            runner = RunnerService(
                RunHistory(database),
                options.runner_options(),
                options.run_limits(),
                options.admission_limits(),
                {"python": 1, "polyglot": 2},
            )
            try:
                accounts = AccountService(database, InviteService(database))
                checker = await accounts.ensure_owner("checker", "Problem checker")
                await runner.ensure_started()
                if not runner.isolation.can_run:
                    raise CommandError(
                        "code cannot run here: " + "; ".join(runner.isolation.problems)
                    )
                submit = runner_submit(runner, checker.id)
                reports = await asyncio.gather(*(check_problem(p, submit) for p in loaded))
            finally:
                await runner.close()
                await database.dispose()
        for report in reports:
            faults += len(report.faults)
            status = "ok" if report.ok else "FAULTS"
            print(f"{report.problem_id}: {status} ({report.runs} runs)")
            for fault in report.faults:
                print(f"  {fault}")
        return faults


class ProblemsCommand(CodeCallCommand):
    name = "jupyter-codecall-problems"
    description = "Check problem folders (docs/PROBLEMS.md) before offering them."
    subcommands = {"check": (ProblemsCheck, ProblemsCheck.description)}
