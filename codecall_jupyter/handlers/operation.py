"""Per-method API metadata: the OpenAPI document is built from these marks."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from pydantic import BaseModel

F = TypeVar("F", bound=Callable[..., Any])
ATTRIBUTE = "__codecall_operation__"


@dataclass(frozen=True)
class Query:
    """A query parameter that is not a whole number from 1 (the default for a plain
    description): its JSON schema, as the handler checks it."""

    description: str
    schema: dict[str, Any]


def whole(description: str, most: int, least: int = 1) -> Query:
    """A whole number from ``least`` to ``most``."""
    return Query(description, {"type": "integer", "minimum": least, "maximum": most})


def one_of(description: str, *choices: str) -> Query:
    return Query(description, {"type": "string", "enum": list(choices)})


@dataclass(frozen=True)
class Operation:
    summary: str
    responses: dict[int, type[BaseModel] | None]
    request: type[BaseModel] | None = None
    errors: tuple[int, ...] = ()
    description: str = ""
    tags: tuple[str, ...] = field(default_factory=tuple)
    # Query parameters: name -> description (a whole number from 1) or a Query.
    query: dict[str, str | Query] = field(default_factory=dict)
    # Bodies that are not JSON: the media type of the success response's body (a file),
    # and of the request body (read raw, not validated by a model).
    media_type: str | None = None
    request_media_type: str | None = None


def operation(
    summary: str,
    *,
    responses: dict[int, type[BaseModel] | None],
    request: type[BaseModel] | None = None,
    errors: tuple[int, ...] = (),
    description: str = "",
    tags: tuple[str, ...] = (),
    query: dict[str, str | Query] | None = None,
    media_type: str | None = None,
    request_media_type: str | None = None,
) -> Callable[[F], F]:
    """Mark a handler method. Put it innermost: functools.wraps carries it outwards."""

    def mark(method: F) -> F:
        setattr(
            method,
            ATTRIBUTE,
            Operation(
                summary,
                responses,
                request,
                errors,
                description,
                tags,
                query or {},
                media_type,
                request_media_type,
            ),
        )
        return method

    return mark


def operation_of(method: Any) -> Operation | None:
    return getattr(method, ATTRIBUTE, None)
