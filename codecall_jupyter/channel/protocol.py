"""The channel's messages. Every incoming message is validated against these models;
docs/CHANNEL.md describes them and the outgoing ones for client authors."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter

from ..schemas.base import Text

# Close codes, documented in docs/CHANNEL.md. 1008 and 1009 are the standard ones.
CLOSE_POLICY = 1008  # malformed traffic the server will not keep reading
CLOSE_TOO_BIG = 1009  # a frame over the size limit (tornado closes with it)
CLOSE_LOGGED_OUT = 4401  # the login behind the socket ended
CLOSE_TURNED_AWAY = 4403  # the host rejected or removed this user
CLOSE_ENDED = 4410  # the session ended
CLOSE_TOO_SLOW = 4408  # the client did not read its messages fast enough

SIGNAL_KINDS = ("offer", "answer", "candidate", "renegotiate", "restart", "bye")
ACTIVITY_EVENTS = ("tab_hidden", "tab_visible", "blur", "focus", "paste", "copy")


class _Message(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)


class Signal(_Message):
    """WebRTC signaling to one connection of the same session; the server only relays."""

    type: Literal["signal"]
    to: Annotated[str, Field(min_length=1, max_length=64)]
    kind: Literal["offer", "answer", "candidate", "renegotiate", "restart", "bye"]
    data: dict[str, Any] = Field(default_factory=dict)


class Chat(_Message):
    type: Literal["chat"]
    text: Text


# Ids are 32-bit integers in PostgreSQL: a bigger one names nothing and must not reach a query.
DB_ID_MAX = 2**31 - 1
DbId = Annotated[int, Field(ge=1, le=DB_ID_MAX)]


class ChatEdit(_Message):
    type: Literal["chat.edit"]
    id: DbId
    text: Text


class ChatDelete(_Message):
    type: Literal["chat.delete"]
    id: DbId


class ChatRead(_Message):
    type: Literal["chat.read"]
    up_to: Annotated[int, Field(ge=0, le=DB_ID_MAX)]


class Typing(_Message):
    type: Literal["typing"]
    active: bool


class Activity(_Message):
    type: Literal["activity"]
    event: Literal["tab_hidden", "tab_visible", "blur", "focus", "paste", "copy"]
    size: int | None = Field(default=None, ge=0, le=100_000_000)
    content: Text | None = Field(default=None, max_length=10_000)


class Admit(_Message):
    type: Literal["admit", "reject"]
    user_id: DbId


class Ping(_Message):
    type: Literal["ping"]


Incoming = Annotated[
    Signal | Chat | ChatEdit | ChatDelete | ChatRead | Typing | Activity | Admit | Ping,
    Field(discriminator="type"),
]
INCOMING: TypeAdapter[Any] = TypeAdapter(Incoming)
KNOWN_TYPES = frozenset(
    {"signal", "chat", "chat.edit", "chat.delete", "chat.read", "typing", "activity"}
    | {"admit", "reject", "ping"}
)


def error(code: str, message: str, **extra: Any) -> dict[str, Any]:
    return {"type": "error", "code": code, "message": message, **extra}
