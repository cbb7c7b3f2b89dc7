"""Domain errors. Handlers turn them into the JSON error envelope in one place."""

from __future__ import annotations

import errno
from typing import Any

from ..store.faults import RETRY_AFTER_SECONDS, database_fault


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
    # Seconds for the Retry-After header; None sends none.
    retry_after: int | None = None


class DatabaseUnavailable(Unavailable):
    """The database cannot answer now (down, restarting, or locked by another writer for
    longer than the busy timeout). Nothing of the request was stored: try again."""

    code = "database_unavailable"

    def __init__(self, *, busy: bool = False, retry_after: int = RETRY_AFTER_SECONDS) -> None:
        if busy:
            message = "The database is busy with another writer; nothing was saved. Try again."
        else:
            message = "The database is unavailable right now; nothing was saved. Try again."
        super().__init__(message, code="database_busy" if busy else None)
        self.retry_after = retry_after


class StorageFull(Unavailable):
    """The disk that holds sessions' files is full (or over quota). What was stored
    before is intact; the change was not made."""

    code = "storage_full"
    retry_after = 30

    def __init__(self) -> None:
        super().__init__("The server's disk is full; nothing was saved. Try again later.")


_FULL = {errno.ENOSPC, errno.EDQUOT}


def unavailable_from(exc: BaseException) -> Unavailable | None:
    """The 503 an infrastructure fault stands for (database down or busy, disk full), or
    None: a fault we do not recognise stays a 500 and is logged as a bug. A domain error
    stands as it is, whatever it was raised while handling."""
    if isinstance(exc, CodeCallError):
        return None
    fault = database_fault(exc)
    if fault is not None:
        return DatabaseUnavailable(busy=fault.kind == "busy", retry_after=fault.retry_after)
    current: BaseException | None = exc
    for _ in range(10):
        if current is None:
            break
        if isinstance(current, OSError) and current.errno in _FULL:
            return StorageFull()
        current = current.__cause__ or current.__context__
    return None
