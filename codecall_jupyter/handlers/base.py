"""The base of every CodeCall REST handler: the error envelope, body limits and
validation, and the per-user and per-address rate limits."""

from __future__ import annotations

import json
import re
from http import HTTPStatus
from typing import Any, TypeVar, cast

from jupyter_server.base.handlers import APIHandler
from jupyter_server.extension.handler import ExtensionHandlerMixin
from pydantic import BaseModel, ValidationError
from tornado import web

from ..auth.identity import CodeCallUser, codecall_user, services_of
from ..services.container import CodeCallServices
from ..services.errors import (
    CodeCallError,
    InvalidInput,
    NotFound,
    PayloadTooLarge,
    RateLimited,
    Unavailable,
    unavailable_from,
)

M = TypeVar("M", bound=BaseModel)

_CODES = {
    400: "bad_request",
    401: "not_authenticated",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    409: "conflict",
    413: "payload_too_large",
    415: "unsupported_media_type",
    422: "invalid_request",
    429: "rate_limited",
    503: "unavailable",
}


# A \u escape of a UTF-16 surrogate: only then can a parsed body hold a lone surrogate.
_SURROGATE_ESCAPE = re.compile(rb"\\u[dD][89a-fA-F]")


class CodeCallAPIHandler(ExtensionHandlerMixin, APIHandler):
    auth_resource = "codecall"

    @property
    def services(self) -> CodeCallServices:
        services = services_of(self)
        assert services is not None, "CodeCall services are set up at start-up"
        return services

    @property
    def user(self) -> CodeCallUser:
        """The authenticated CodeCall user (handlers run after @web.authenticated)."""
        user = getattr(self, "_codecall_user", None)
        if user is None:
            raise web.HTTPError(403, "Log in first.")
        return user

    # --- request checks --------------------------------------------------------------

    async def prepare(self) -> None:  # type: ignore[override]
        limit = self.services.max_body_bytes
        declared = self.request.headers.get("Content-Length", "")
        if (declared.isdigit() and int(declared) > limit) or len(self.request.body) > limit:
            raise PayloadTooLarge(f"Request bodies are limited to {limit} bytes.")
        if any("\x00" in value for value in self.path_kwargs.values()):
            # No id holds a NUL, and PostgreSQL text refuses one: this names nothing.
            raise NotFound(f"No API route {self.request.method} {self.request.path}.")
        throttles = self.services.throttles
        wait = throttles.api_per_address.hit(self.request.remote_ip or "")
        if wait:
            raise RateLimited("Too many requests from this address.", retry_after=wait)
        await super().prepare()
        self._codecall_user = await codecall_user(self.current_user, self.services)
        if self._codecall_user is not None:
            wait = throttles.api_per_user.hit(self._codecall_user.username)
            if wait:
                raise RateLimited("Too many requests.", retry_after=wait)
            try:
                await self.services.accounts.touch(self._codecall_user.account_id)
            except Exception as exc:
                # Presence is best effort: a database that cannot take this write must
                # not refuse a request that may need no write at all.
                if unavailable_from(exc) is None:
                    raise

    def body(self, model: type[M]) -> M:
        """The JSON body validated against ``model``; an empty body is ``{}``."""
        raw = self.request.body
        try:
            # UTF-8 only (RFC 8259): json.loads(bytes) would also guess UTF-16 and UTF-32.
            data: Any = json.loads(raw.decode("utf-8")) if raw.strip() else {}
            if _SURROGATE_ESCAPE.search(raw):
                # "\ud800" alone is valid JSON but no character: no database can store it.
                json.dumps(data, ensure_ascii=False).encode("utf-8")
        except (ValueError, RecursionError) as exc:  # UnicodeError is a ValueError
            raise CodeCallError("The body is not valid JSON.", code="invalid_json") from exc
        if not isinstance(data, dict):
            raise InvalidInput("The body must be a JSON object.")
        try:
            return model.model_validate(data)
        except ValidationError as exc:
            problems = [
                {"field": ".".join(str(p) for p in err["loc"]) or "(body)", "message": err["msg"]}
                for err in exc.errors(include_url=False, include_input=False)
            ]
            first = problems[0]
            raise InvalidInput(f"{first['field']}: {first['message']}", problems=problems) from exc

    @staticmethod
    def int_id(value: str) -> int:
        """A numeric path id; anything else cannot name a resource."""
        if not (value.isascii() and value.isdigit()) or len(value) > 18:
            raise NotFound("No such resource.")
        return int(value)

    # --- replies -----------------------------------------------------------------------

    def reply(self, model: BaseModel, status: int = 200) -> None:
        self.set_status(status)
        self.set_header("Content-Type", "application/json; charset=UTF-8")
        self.finish(model.model_dump_json())

    def no_content(self) -> None:
        self.set_status(204)
        self.finish()

    # --- errors ------------------------------------------------------------------------

    def write_error(self, status_code: int, **kwargs: Any) -> None:
        exc = kwargs.get("exc_info", (None, None, None))[1]
        details: dict[str, Any] | None = None
        # The one place a database outage or a full disk becomes a 503, never a 500.
        if exc is not None:
            exc = unavailable_from(exc) or exc
        if isinstance(exc, CodeCallError):
            status, code, message = exc.status, exc.code, exc.message
            details = exc.details or None
            if isinstance(exc, RateLimited | Unavailable) and exc.retry_after:
                self.set_header("Retry-After", str(exc.retry_after))
        elif isinstance(exc, web.HTTPError) and exc.status_code < 500:
            status = exc.status_code
            code = _CODES.get(status, "error")
            if status == 403 and not getattr(self, "_jupyter_current_user", None):
                code, message = "not_authenticated", "Log in first."
            else:
                message = _http_message(exc)
        else:
            status, code = status_code if status_code >= 500 else 500, "internal_error"
            message = "Something went wrong on the server; it has been logged."
        self.clear_header("Content-Type")
        self.set_status(status)
        self.set_header("Content-Type", "application/json; charset=UTF-8")
        error: dict[str, Any] = {"code": code, "message": message}
        if details:
            error["details"] = details
        self.finish(json.dumps({"error": error}))

    def log_exception(self, typ: Any, value: Any, tb: Any) -> None:
        if isinstance(value, CodeCallError):
            self.log.debug("%s %s refused: %s", self.request.method, self.request.path, value)
            return
        fault = unavailable_from(value)
        if fault is not None:  # an outage, not a bug: one line, no traceback
            self.log.warning(
                "%s %s: %s (%s: %s)",
                self.request.method,
                self.request.path,
                fault.code,
                type(value).__name__,
                str(value)[:300],
            )
            return
        super().log_exception(typ, value, tb)


def _http_message(exc: web.HTTPError) -> str:
    if exc.log_message:
        try:
            return cast(str, exc.log_message % exc.args) if exc.args else exc.log_message
        except TypeError:
            return exc.log_message
    try:
        return HTTPStatus(exc.status_code).phrase
    except ValueError:
        return "Request refused."


class NotFoundHandler(CodeCallAPIHandler):
    """Unknown routes below /codecall/api answer 404 in the envelope."""

    openapi_exclude = True

    def _missing(self, *args: Any, **kwargs: Any) -> None:
        raise NotFound(f"No API route {self.request.method} {self.request.path}.")

    get = web.authenticated(_missing)
    post = web.authenticated(_missing)
    put = web.authenticated(_missing)
    patch = web.authenticated(_missing)
    delete = web.authenticated(_missing)
