"""`jupyter codecall db upgrade | current`."""

from __future__ import annotations

from ..store import migrate
from ..store.db import redact
from .base import CodeCallCommand


class DbUpgrade(CodeCallCommand):
    name = "jupyter-codecall-db-upgrade"
    description = "Apply CodeCall's database migrations up to the newest (safe to repeat)."

    def execute(self) -> None:
        migrate.run_blocking(lambda: migrate.upgrade(self.db_url))
        revision = migrate.run_blocking(lambda: migrate.current_revision(self.db_url))
        print(f"{redact(self.db_url)} is at revision {revision} (head)")


class DbCurrent(CodeCallCommand):
    name = "jupyter-codecall-db-current"
    description = "Print the database's migration revision and the newest one."

    def execute(self) -> None:
        revision = migrate.run_blocking(lambda: migrate.current_revision(self.db_url))
        head = migrate.head_revision()
        state = "up to date" if revision == head else "needs `jupyter codecall db upgrade`"
        print(f"{redact(self.db_url)}: revision {revision}, head {head}: {state}")


class DbCommand(CodeCallCommand):
    name = "jupyter-codecall-db"
    description = "Manage CodeCall's database."
    subcommands = {
        "upgrade": (DbUpgrade, DbUpgrade.description),
        "current": (DbCurrent, DbCurrent.description),
    }
