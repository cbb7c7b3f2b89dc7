"""/codecall/api/me: the signed-in account."""

from __future__ import annotations

from jupyter_server.auth.decorator import authorized
from tornado import web

from ..schemas import MeUpdate, PasswordChange, PublicUserOut, UserOut
from ..services.accounts import Account
from ..services.errors import CodeCallError, RateLimited
from ..store.models import User
from .base import CodeCallAPIHandler
from .operation import operation


def user_out(account: Account, *, is_owner: bool) -> UserOut:
    return UserOut(
        id=account.id,
        username=account.username,
        display_name=account.display_name,
        email=account.email,
        is_owner=is_owner,
        color=account.color,
        initials=account.initials,
        created_at=account.created_at,
        disabled=account.disabled,
    )


def public_user(account: Account) -> PublicUserOut:
    return PublicUserOut(
        id=account.id,
        username=account.username,
        display_name=account.display_name,
        initials=account.initials,
        color=account.color,
    )


def public_row(user: User) -> PublicUserOut:
    """The public view of a user row loaded with something else (a participant, a message)."""
    return public_user(Account.of(user))


class MeHandler(CodeCallAPIHandler):
    @web.authenticated
    @authorized
    @operation("The signed-in account", responses={200: UserOut}, tags=("account",))
    async def get(self) -> None:
        account = await self.services.accounts.get(self.user.account_id)
        self.reply(user_out(account, is_owner=self.user.is_owner))

    @web.authenticated
    @authorized
    @operation(
        "Change display name or email",
        request=MeUpdate,
        responses={200: UserOut},
        errors=(409, 422),
        tags=("account",),
    )
    async def patch(self) -> None:
        change = self.body(MeUpdate)
        account = await self.services.accounts.update_profile(
            self.user.account_id, display_name=change.display_name, email=change.email
        )
        self.reply(user_out(account, is_owner=self.user.is_owner))


class PasswordHandler(CodeCallAPIHandler):
    @web.authenticated
    @authorized
    @operation(
        "Change one's password; other browsers are logged out",
        request=PasswordChange,
        responses={204: None},
        errors=(403, 409, 422, 429),
        tags=("account",),
    )
    async def post(self) -> None:
        change = self.body(PasswordChange)
        services = self.services
        wait = services.throttles.login_per_account.retry_after(self.user.username)
        if wait:
            raise RateLimited("Too many wrong passwords.", retry_after=wait)
        try:
            await services.accounts.change_password(
                self.user.account_id, change.current_password, change.new_password
            )
        except CodeCallError as exc:
            if exc.code == "wrong_password":
                services.throttles.login_per_account.hit(self.user.username)
            raise
        identity = self.identity_provider
        keep = self.get_cookie(identity.account_cookie_name(self))  # type: ignore[attr-defined]
        await services.logins.revoke_all(self.user.account_id, keep_token=keep)
        self.no_content()
