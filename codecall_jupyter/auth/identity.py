"""The CodeCall identity provider: CodeCall accounts beside Jupyter's own owner login."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, cast

from jupyter_server.auth.identity import PasswordIdentityProvider, User
from tornado import web
from traitlets import Bool, default

from ..services.accounts import Account
from ..services.container import SERVICES_KEY, CodeCallServices

_NON_ALNUM = re.compile(r"[^A-Za-z0-9]")


@dataclass
class CodeCallUser(User):
    """A Jupyter user that knows its CodeCall account."""

    account_id: int = 0
    is_owner: bool = False


def jupyter_user(account: Account, *, is_owner: bool | None = None) -> CodeCallUser:
    # name and display_name feed JupyterLab's user menu and collaborators' cursors.
    return CodeCallUser(
        username=account.username,
        name=account.display_name,
        display_name=account.display_name,
        initials=account.initials,
        color=account.color,
        account_id=account.id,
        is_owner=account.is_owner if is_owner is None else is_owner,
    )


async def codecall_user(user: User | None, services: CodeCallServices) -> CodeCallUser | None:
    """The CodeCall user behind any authenticated Jupyter user.

    Ours already are; one from another identity provider (JupyterHub's) gets an account
    of its own on first sight: no second login.
    """
    if user is None or isinstance(user, CodeCallUser):
        return user
    account = await services.external.account_for(user.username, user.name or user.username)
    return jupyter_user(account, is_owner=services.external.is_owner(user.username))


def services_of(handler: web.RequestHandler) -> CodeCallServices | None:
    return cast("CodeCallServices | None", handler.settings.get(SERVICES_KEY))


class CodeCallIdentityProvider(PasswordIdentityProvider):
    """Jupyter's token/password login still makes you the owner; everyone else is a
    CodeCall account logged in through our own cookie."""

    secure_login_cookie = Bool(
        None,
        allow_none=True,
        config=True,
        help="Mark the CodeCall login cookie Secure. None (default): only when served over HTTPS.",
    )

    @default("login_handler_class")
    def _default_login_handler(self) -> type[web.RequestHandler]:
        from .pages import LoginHandler

        return LoginHandler

    @default("logout_handler_class")
    def _default_logout_handler(self) -> type[web.RequestHandler]:
        from .pages import LogoutHandler

        return LogoutHandler

    @default("updatable_fields")
    def _default_updatable_fields(self) -> list[str]:
        # Names and colours come from the account, edited through CodeCall's API.
        return []

    @property
    def login_available(self) -> bool:
        return True

    def account_cookie_name(self, handler: web.RequestHandler) -> str:
        # Cookies ignore ports: name it after host and port like Jupyter's own cookie.
        return "codecall-login-" + _NON_ALNUM.sub("-", handler.request.host or "")

    async def _get_user(self, handler: web.RequestHandler) -> User | None:
        if getattr(handler, "_jupyter_current_user", None):
            return cast("User", handler._jupyter_current_user)  # type: ignore[attr-defined]
        services = services_of(handler)
        if services is None:
            return await super()._get_user(handler)
        explicit_token = bool(self.token) and bool(self.get_token(handler))
        if not explicit_token:
            account = await self.account_from_cookie(handler, services)
            if account is not None:
                return jupyter_user(account)
        user = await super()._get_user(handler)
        if user is None:
            return None
        if explicit_token and handler.get_cookie(self.account_cookie_name(handler)):
            # The owner's token is explicit: it wins over a member's login in this browser.
            self.clear_account_cookie(handler)
        return jupyter_user(services.owner)

    async def account_from_cookie(
        self, handler: web.RequestHandler, services: CodeCallServices
    ) -> Account | None:
        token = handler.get_cookie(self.account_cookie_name(handler))
        if not token:
            return None
        account = await services.logins.resolve(token)
        if account is None:
            self.clear_account_cookie(handler)
        return account

    def set_account_cookie(self, handler: web.RequestHandler, token: str, max_age: int) -> None:
        secure = self.secure_login_cookie
        if secure is None:
            secure = handler.request.protocol == "https"
        handler.set_cookie(
            self.account_cookie_name(handler),
            token,
            path=cast("Any", handler).base_url,
            max_age=max_age,
            httponly=True,
            secure=bool(secure),
            samesite="Lax",
        )

    def clear_account_cookie(self, handler: web.RequestHandler) -> None:
        handler.clear_cookie(self.account_cookie_name(handler), path=cast("Any", handler).base_url)
