"""Per-method API metadata: the OpenAPI document is built from these marks."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from pydantic import BaseModel

F = TypeVar("F", bound=Callable[..., Any])
ATTRIBUTE = "__codecall_operation__"


@dataclass(frozen=True)
class Operation:
    summary: str
    responses: dict[int, type[BaseModel] | None]
    request: type[BaseModel] | None = None
    errors: tuple[int, ...] = ()
    description: str = ""
    tags: tuple[str, ...] = field(default_factory=tuple)
    # Query parameters: name -> description (integers are documented as such by name).
    query: dict[str, str] = field(default_factory=dict)


def operation(
    summary: str,
    *,
    responses: dict[int, type[BaseModel] | None],
    request: type[BaseModel] | None = None,
    errors: tuple[int, ...] = (),
    description: str = "",
    tags: tuple[str, ...] = (),
    query: dict[str, str] | None = None,
) -> Callable[[F], F]:
    """Mark a handler method. Put it innermost: functools.wraps carries it outwards."""

    def mark(method: F) -> F:
        setattr(
            method,
            ATTRIBUTE,
            Operation(summary, responses, request, errors, description, tags, query or {}),
        )
        return method

    return mark


def operation_of(method: Any) -> Operation | None:
    return getattr(method, ATTRIBUTE, None)
