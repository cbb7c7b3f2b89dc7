"""Domain errors. Handlers turn them into the JSON error envelope in one place."""

from __future__ import annotations

from typing import Any


class CodeCallError(Exception):
    """Base of every refusal a user can cause; never a server fault."""

    status = 400
    code = "bad_request"

    def __init__(self, message: str, *, code: str | None = None, **details: Any) -> None:
        super().__init__(message)
        self.message = message
        if code is not None:
            self.code = code
        self.details = details


class InvalidInput(CodeCallError):
    status = 422
    code = "invalid_request"


class NotAuthenticated(CodeCallError):
    status = 401
    code = "not_authenticated"


class Forbidden(CodeCallError):
    status = 403
    code = "forbidden"


class NotFound(CodeCallError):
    status = 404
    code = "not_found"


class Conflict(CodeCallError):
    status = 409
    code = "conflict"


class PayloadTooLarge(CodeCallError):
    status = 413
    code = "payload_too_large"


class RateLimited(CodeCallError):
    status = 429
    code = "rate_limited"

    def __init__(self, message: str, *, retry_after: int, code: str | None = None) -> None:
        super().__init__(message, code=code)
        self.retry_after = max(1, retry_after)


class Unavailable(CodeCallError):
    status = 503
    code = "unavailable"
