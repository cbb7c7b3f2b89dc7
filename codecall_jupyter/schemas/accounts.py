"""Accounts, invites and server facts."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import Field

from .base import Request, Response, Text


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


class PublicUserOut(Response):
    """What other people may see of an account: never its email."""

    id: int
    username: str
    display_name: str
    initials: str
    color: str


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
