"""Typed request and response bodies of the REST API (pydantic v2).

Handlers validate every body against these models, and the OpenAPI document takes
its components from them: one source for both.
"""

from .accounts import (
    InviteCreate,
    InviteCreated,
    InviteList,
    InviteOut,
    MeUpdate,
    PasswordChange,
    PublicUserOut,
    ServerConfigOut,
    UserOut,
)
from .base import ErrorBody, ErrorEnvelope, Request, Response, Text

__all__ = [
    "ErrorBody",
    "ErrorEnvelope",
    "InviteCreate",
    "InviteCreated",
    "InviteList",
    "InviteOut",
    "MeUpdate",
    "PasswordChange",
    "PublicUserOut",
    "Request",
    "Response",
    "ServerConfigOut",
    "Text",
    "UserOut",
]
