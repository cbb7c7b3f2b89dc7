"""What every subcommand shares: the server's configuration and a database handle."""

from __future__ import annotations

import sys
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

from jupyter_core.application import JupyterApp
from traitlets import List, Unicode

from .. import __version__
from ..app import CodeCallApp
from ..services.accounts import AccountService
from ..services.errors import CodeCallError
from ..services.invites import InviteService
from ..store import migrate
from ..store.db import Database

T = TypeVar("T")


class CommandError(Exception):
    """A refusal to print as one line and exit 1."""


class CodeCallCommand(JupyterApp):
    """Reads the same config files as the server, so db_url and friends agree."""

    version = __version__
    classes = [CodeCallApp]
    aliases = {"db-url": "CodeCallApp.db_url", "log-level": "Application.log_level"}
    config_file_name = Unicode("jupyter_server_config")
    args = List(Unicode())

    def initialize(self, argv: Any = None) -> None:
        super().initialize(argv)
        self.args = list(self.extra_args)
        self.codecall = CodeCallApp(config=self.config)

    @property
    def db_url(self) -> str:
        return str(self.codecall.db_url)

    def arg(self, index: int, name: str) -> str:
        if len(self.args) <= index:
            raise CommandError(f"missing {name}: see `{self.name} --help`")
        return self.args[index]

    def run(self, work: Callable[[Database], Awaitable[T]], *, migrated: bool = True) -> T:
        async def go() -> T:
            if migrated:
                await migrate.upgrade(self.db_url)
            database = Database(self.db_url)
            try:
                return await work(database)
            finally:
                await database.dispose()

        return migrate.run_blocking(go)

    def accounts(self, database: Database) -> AccountService:
        return AccountService(
            database, InviteService(database), reserved={self.codecall.owner_username}
        )

    def start(self) -> None:
        if self.subapp is not None:
            self.subapp.start()
            return
        try:
            self.execute()
        except (CommandError, CodeCallError) as exc:
            print(f"error: {exc}", file=sys.stderr)
            self.exit(1)

    def execute(self) -> None:
        """A group without a subcommand prints its help."""
        self.print_help()
        print("\nSubcommands: " + ", ".join(sorted(self.subcommands)))
