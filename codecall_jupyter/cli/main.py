"""The `jupyter codecall` entry point and its subcommands."""

from __future__ import annotations

from .base import CodeCallCommand
from .db import DbCommand
from .doctor import Doctor
from .problems import ProblemsCommand
from .runner import RunnerCommand
from .users import InviteCommand, UserCommand


class CodeCallCLI(CodeCallCommand):
    name = "jupyter-codecall"
    description = (
        "Operate CodeCall for Jupyter: database, accounts, invites, runner, problems, health."
    )
    subcommands = {
        "db": (DbCommand, DbCommand.description),
        "user": (UserCommand, UserCommand.description),
        "invite": (InviteCommand, InviteCommand.description),
        "doctor": (Doctor, Doctor.description),
        "runner": (RunnerCommand, RunnerCommand.description),
        "problems": (ProblemsCommand, ProblemsCommand.description),
    }


def main() -> None:
    CodeCallCLI.launch_instance()


if __name__ == "__main__":
    main()
