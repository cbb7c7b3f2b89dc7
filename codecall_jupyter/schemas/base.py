"""The building blocks of every request and response model."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, ConfigDict, Field


def _no_control_chars(value: str) -> str:
    # NUL and other C0 controls break PostgreSQL text and terminals; newlines and tabs are fine.
    if any(ord(c) < 32 and c not in "\n\r\t" for c in value):
        raise ValueError("control characters are not allowed")
    return value


Text = Annotated[str, AfterValidator(_no_control_chars)]


class Request(BaseModel):
    """Strict: no unknown fields, no silent type coercion."""

    model_config = ConfigDict(extra="forbid", strict=True)


class Response(BaseModel):
    model_config = ConfigDict(from_attributes=True)


class ErrorBody(Response):
    code: str = Field(description="Stable machine-readable reason, e.g. `not_found`.")
    message: str = Field(description="What went wrong, for people.")
    details: dict[str, Any] | None = Field(default=None, description="Extra facts, when any.")


class ErrorEnvelope(Response):
    error: ErrorBody
