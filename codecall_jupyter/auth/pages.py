"""The login, logout and registration pages (HTML forms, not the JSON API)."""

from __future__ import annotations

from pathlib import Path
from typing import Any, cast

from jinja2 import Environment, FileSystemLoader, select_autoescape
from jupyter_server.auth.decorator import allow_unauthenticated
from jupyter_server.auth.login import LoginFormHandler
from jupyter_server.base.handlers import JupyterHandler
from markupsafe import Markup
from tornado import web
from tornado.escape import url_escape

from ..services.container import CodeCallServices
from ..services.errors import CodeCallError, RateLimited
from .identity import CodeCallIdentityProvider, services_of

_templates = Environment(
    loader=FileSystemLoader(Path(__file__).parent.parent / "templates"),
    autoescape=select_autoescape(default=True, default_for_string=True),
)


PAGE_CSP = (
    "default-src 'none'; style-src 'self'; img-src 'self' data:; "
    "form-action 'self'; frame-ancestors 'self'; base-uri 'none'"
)


class _PageMixin(JupyterHandler):
    """Rendering and the CodeCall pieces shared by the three pages."""

    @property
    def services(self) -> CodeCallServices:
        services = services_of(self)
        if services is None:
            raise web.HTTPError(503, "CodeCall is not loaded on this server.")
        return services

    @property
    def codecall_identity(self) -> CodeCallIdentityProvider:
        return cast(CodeCallIdentityProvider, self.identity_provider)

    @property
    def content_security_policy(self) -> str:
        """The pages run no script at all; say so to the browser. Every response of these
        handlers carries it (Jupyter sets it in ``set_default_headers``), so the error
        pages tornado and Jupyter render for them (a missing XSRF token, a wrong method:
        Jupyter's error template, which holds an inline script) are covered too."""
        return PAGE_CSP

    def write_error(self, status_code: int, **kwargs: Any) -> None:
        """Errors tornado raises for these pages (a missing XSRF token, a wrong method)
        in our own template: Jupyter's holds an inline script our policy would block."""
        self.set_header("Content-Type", "text/html; charset=UTF-8")
        exception = kwargs.get("exc_info", (None, None, None))[1]
        message = "This request could not be completed."
        if isinstance(exception, web.HTTPError) and exception.log_message and status_code < 500:
            message = (
                exception.log_message % exception.args if exception.args else exception.log_message
            )
        self.finish(
            _templates.get_template("error.html").render(
                base_url=self.base_url,
                static=self.static_url("pages.css"),
                status_code=status_code,
                reason=self._reason,
                message=message,
            )
        )

    def page(self, name: str, status: int = 200, **ns: Any) -> None:
        self.set_status(status)
        self.set_header("Content-Type", "text/html; charset=UTF-8")
        self.write(
            _templates.get_template(name).render(
                base_url=self.base_url,
                static=self.static_url("pages.css"),
                xsrf=Markup(self.xsrf_form_html()),  # noqa: S704 - tornado escapes it
                next=self.get_argument("next", ""),
                **ns,
            )
        )

    def static_url(self, path: str, include_host: bool | None = None, **kwargs: Any) -> str:
        return f"{self.base_url}static/codecall/{path}"

    def next_url(self) -> str:
        return self.get_argument("next", "") or f"{self.base_url}lab"

    def throttled(self, retry_after: int) -> str:
        self.set_header("Retry-After", str(retry_after))
        minutes = max(1, round(retry_after / 60))
        return f"Too many attempts. Try again in about {minutes} minute(s)."

    async def start_login(self, account: Any) -> None:
        services = self.services
        token = await services.logins.create(
            account,
            user_agent=self.request.headers.get("User-Agent", ""),
            address=self.request.remote_ip or "",
        )
        max_age = int(services.logins.max_age.total_seconds())
        self.codecall_identity.set_account_cookie(self, token, max_age)
        # Drop an owner login this browser may hold: one identity per browser.
        self.identity_provider.clear_login_cookie(self)


class LoginHandler(_PageMixin, LoginFormHandler):
    """One page for both: a CodeCall account, or Jupyter's token/password (the owner)."""

    def _render(self, message: Any = None, status: int | None = None, **ns: Any) -> None:
        # Jupyter's own owner-login path calls _render(message={"error": ...}) on failure.
        error = message.get("error") if isinstance(message, dict) else message
        self.page(
            "login.html",
            status=status or self.get_status(),
            error=error,
            info=ns.pop("info", None),
            login=ns.pop("login", ""),
            owner_form=self.get_argument("form", "") == "owner" or bool(error and not ns),
            registration=self.services.registration,
            **ns,
        )

    @allow_unauthenticated
    def get(self) -> None:
        if self.current_user:
            self._redirect_safe(self.next_url())
            return
        info = "You are logged out." if self.get_argument("loggedout", "") else None
        self._render(info=info, account_form=True)

    @allow_unauthenticated
    async def post(self) -> None:
        if self.get_argument("form", "account") == "owner":
            super().post()  # Jupyter's token/password login for the owner
            return
        login = self.get_argument("login", "")[:254]
        password = self.get_argument("password", "")[:256]
        try:
            account = await self.authenticate(login, password)
        except RateLimited as exc:
            self._render(
                self.throttled(exc.retry_after), status=429, login=login, account_form=True
            )
            return
        if account is None:
            self._render("Wrong username or password.", status=401, login=login, account_form=True)
            return
        await self.start_login(account)
        self.log.info("CodeCall user %s logged in.", account.username)
        self._redirect_safe(self.next_url())

    async def authenticate(self, login: str, password: str) -> Any:
        throttles = self.services.throttles
        keys = (
            (throttles.login_per_account, login.strip().lower()),
            (throttles.login_per_address, self.request.remote_ip or ""),
        )
        wait = max(limiter.retry_after(key) for limiter, key in keys)
        if wait:
            raise RateLimited("too many failed logins", retry_after=wait)
        account = await self.services.accounts.authenticate(login, password)
        if account is None:
            for limiter, key in keys:
                limiter.hit(key)
        else:
            throttles.login_per_account.reset(keys[0][1])
        return account


class LogoutHandler(_PageMixin):
    @allow_unauthenticated
    async def get(self) -> None:
        identity = self.codecall_identity
        token = self.get_cookie(identity.account_cookie_name(self))
        if token and services_of(self) is not None:
            await self.services.logins.revoke(token)
        identity.clear_account_cookie(self)
        identity.clear_login_cookie(self)
        self.redirect(f"{self.base_url}login?loggedout=1")


class RegisterHandler(_PageMixin):
    """``/codecall/register``: open, by invite link, or closed (CodeCallApp.registration)."""

    def form(self, status: int = 200, error: str | None = None, **values: Any) -> None:
        self.page(
            "register.html",
            status=status,
            error=error,
            invite=self.get_argument("invite", ""),
            values=values,
            login_url=f"{self.base_url}login?next={url_escape(self.next_url())}",
        )

    async def refusal(self) -> str | None:
        mode = self.services.registration
        if mode == "closed":
            return "Registration is closed on this server. Ask its owner for an account."
        invite = self.get_argument("invite", "")
        if mode == "invite" and not (invite and await self.services.invites.is_usable(invite)):
            return "You need a valid invite link to register. Ask a member for a new one."
        return None

    @allow_unauthenticated
    async def get(self) -> None:
        refusal = await self.refusal()
        if refusal:
            self.page("register.html", status=403, closed=refusal, values={}, invite="")
            return
        self.form()

    @allow_unauthenticated
    async def post(self) -> None:
        refusal = await self.refusal()
        if refusal:
            self.page("register.html", status=403, closed=refusal, values={}, invite="")
            return
        values = {
            key: self.get_argument(key, "")[:300] for key in ("display_name", "username", "email")
        }
        password = self.get_argument("password", "")[:300]
        if password != self.get_argument("password_confirm", "")[:300]:
            self.form(422, "The two passwords differ.", **values)
            return
        wait = self.services.throttles.register_per_address.hit(self.request.remote_ip or "")
        if wait:
            self.form(429, self.throttled(wait), **values)
            return
        try:
            account = await self.services.accounts.register(
                username=values["username"],
                email=values["email"],
                display_name=values["display_name"],
                password=password,
                invite_token=self.get_argument("invite", "") or None,
                require_invite=self.services.registration == "invite",
            )
        except CodeCallError as exc:
            self.form(exc.status, exc.message, **values)
            return
        self.log.info("CodeCall user %s registered.", account.username)
        await self.start_login(account)
        LoginFormHandler._redirect_safe(self, self.next_url())  # type: ignore[arg-type]
