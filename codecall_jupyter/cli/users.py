"""`jupyter codecall user add | list | disable | enable | reset-password` and `invite create`."""

from __future__ import annotations

import getpass
import secrets
import sys
from datetime import timedelta

from traitlets import Bool, Int, Unicode

from ..services.invites import InviteService
from ..store.db import Database
from .base import CodeCallCommand, CommandError


def read_password(from_stdin: bool, confirm: bool = True) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\n")
    first = getpass.getpass("Password: ")
    if confirm and getpass.getpass("Repeat password: ") != first:
        raise CommandError("the passwords differ")
    return first


class UserAdd(CodeCallCommand):
    name = "jupyter-codecall-user-add"
    description = (
        "Create an account: jupyter codecall user add USERNAME --email=... --display-name=..."
    )
    email = Unicode("", config=True, help="The new user's email.")
    display_name = Unicode("", config=True, help="The new user's display name (default: username).")
    password_stdin = Bool(False, config=True, help="Read the password from standard input.")
    aliases = {
        **CodeCallCommand.aliases,
        "email": "UserAdd.email",
        "display-name": "UserAdd.display_name",
    }
    flags = {
        "password-stdin": ({"UserAdd": {"password_stdin": True}}, "Read the password from stdin."),
    }

    def execute(self) -> None:
        username = self.arg(0, "USERNAME")
        password = read_password(self.password_stdin)

        async def work(db: Database) -> str:
            account = await self.accounts(db).create_local(
                username=username,
                email=self.email or None,
                display_name=self.display_name or username,
                password=password,
            )
            return account.username

        print(f"created user {self.run(work)}")


class UserList(CodeCallCommand):
    name = "jupyter-codecall-user-list"
    description = "List every account."

    def execute(self) -> None:
        accounts = self.run(lambda db: self.accounts(db).list())
        print(f"{'USERNAME':<24} {'KIND':<6} {'STATE':<9} {'EMAIL':<32} DISPLAY NAME")
        for a in accounts:
            state = "disabled" if a.disabled else "active"
            print(f"{a.username:<24} {a.kind:<6} {state:<9} {a.email or '-':<32} {a.display_name}")


class _SetDisabled(CodeCallCommand):
    disabled = True

    def execute(self) -> None:
        username = self.arg(0, "USERNAME")

        async def work(db: Database) -> None:
            await self.accounts(db).set_disabled(username, self.disabled)

        self.run(work)
        print(f"{'disabled' if self.disabled else 'enabled'} {username}")


class UserDisable(_SetDisabled):
    name = "jupyter-codecall-user-disable"
    description = "Disable an account: it can no longer log in, and its logins end."


class UserEnable(_SetDisabled):
    name = "jupyter-codecall-user-enable"
    description = "Enable a disabled account again."
    disabled = False


class UserResetPassword(CodeCallCommand):
    name = "jupyter-codecall-user-reset-password"
    description = "Set a new password for an account (prompted, from stdin, or --generate)."
    password_stdin = Bool(False, config=True, help="Read the password from standard input.")
    generate = Bool(False, config=True, help="Generate a random password and print it.")
    flags = {
        "password-stdin": (
            {"UserResetPassword": {"password_stdin": True}},
            "Read the password from stdin.",
        ),
        "generate": ({"UserResetPassword": {"generate": True}}, "Generate and print a password."),
    }

    def execute(self) -> None:
        username = self.arg(0, "USERNAME")
        password = (
            secrets.token_urlsafe(12) if self.generate else read_password(self.password_stdin)
        )

        async def work(db: Database) -> None:
            await self.accounts(db).reset_password(username, password)

        self.run(work)
        print(
            f"new password for {username}: {password}"
            if self.generate
            else f"password of {username} changed"
        )


class UserCommand(CodeCallCommand):
    name = "jupyter-codecall-user"
    description = "Manage CodeCall accounts."
    subcommands = {
        "add": (UserAdd, UserAdd.description),
        "list": (UserList, UserList.description),
        "disable": (UserDisable, UserDisable.description),
        "enable": (UserEnable, UserEnable.description),
        "reset-password": (UserResetPassword, UserResetPassword.description),
    }


class InviteCreate(CodeCallCommand):
    name = "jupyter-codecall-invite-create"
    description = "Make an invite link on behalf of the server owner."
    max_uses = Int(1, config=True, help="How many accounts the link can create.")
    hours = Int(72, config=True, help="Hours until the link expires.")
    base_url = Unicode("/", config=True, help="The server's base URL.")
    aliases = {
        **CodeCallCommand.aliases,
        "max-uses": "InviteCreate.max_uses",
        "hours": "InviteCreate.hours",
        "base-url": "InviteCreate.base_url",
    }

    def execute(self) -> None:
        if self.codecall.registration == "closed":
            raise CommandError("registration is closed (c.CodeCallApp.registration = 'closed')")

        async def work(db: Database) -> str:
            owner = await self.accounts(db).ensure_owner(
                self.codecall.owner_username,
                self.codecall.owner_display_name or self.codecall.owner_username,
            )
            _, token = await InviteService(db).create(
                owner.id, max_uses=self.max_uses, expires_in=timedelta(hours=self.hours)
            )
            return token

        token = self.run(work)
        base = self.base_url.rstrip("/") + "/"
        print(f"{base}codecall/register?invite={token}")


class InviteCommand(CodeCallCommand):
    name = "jupyter-codecall-invite"
    description = "Manage invite links."
    subcommands = {"create": (InviteCreate, InviteCreate.description)}
