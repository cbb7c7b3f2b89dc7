"""Typed request and response bodies of the REST API (pydantic v2).

Handlers validate every body against these models, and the OpenAPI document takes
its components from them: one source for both.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Literal

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


class UserOut(Response):
    id: int
    username: str
    display_name: str
    email: str | None
    is_owner: bool
    color: str = Field(description="CSS colour used for the user's cursor and avatar.")
    initials: str
    created_at: datetime
    disabled: bool


class MeUpdate(Request):
    display_name: Text | None = Field(default=None, min_length=1, max_length=80)
    email: Text | None = Field(default=None, max_length=254)


class PasswordChange(Request):
    current_password: Text = Field(max_length=256)
    new_password: Text = Field(min_length=8, max_length=256)


class ServerConfigOut(Response):
    registration: Literal["open", "invite", "closed"]
    version: str
    hub: bool = Field(description="True when this server runs under JupyterHub.")


class InviteCreate(Request):
    max_uses: int = Field(default=1, ge=1, le=100)
    expires_in_hours: int = Field(default=72, ge=1, le=720)


class InviteOut(Response):
    id: int
    created_at: datetime
    expires_at: datetime
    max_uses: int
    uses: int
    revoked: bool


class InviteCreated(InviteOut):
    token: str = Field(description="Shown once: only its hash is stored.")
    url: str = Field(description="The registration link, a path below the server's base URL.")


class InviteList(Response):
    invites: list[InviteOut]
