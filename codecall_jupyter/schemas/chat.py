"""A session's chat, proctoring summary and ICE servers: requests and responses."""

from __future__ import annotations

from datetime import datetime

from pydantic import Field

from .accounts import PublicUserOut
from .base import Request, Response


class ChatMessageOut(Response):
    id: int
    author: PublicUserOut | None = Field(description="null once the author's account is gone.")
    text: str = Field(description="Empty for deleted messages.")
    created_at: datetime
    edited_at: datetime | None
    deleted: bool


class ChatPage(Response):
    messages: list[ChatMessageOut] = Field(description="Oldest first.")
    unread: int = Field(description="Others' messages after my read mark, deleted ones aside.")
    has_more: bool = Field(description="Older messages remain: ask again with `before`.")


class ChatReadMark(Request):
    up_to: int = Field(ge=0, le=2**31 - 1, description="The id of the newest message I have seen.")


class ProctorPersonOut(Response):
    user: PublicUserOut
    tab_hidden: int
    tab_visible: int
    blur: int
    focus: int
    paste: int
    # Not "copy": that name would shadow BaseModel.copy. Serialise with by_alias=True.
    copies: int = Field(alias="copy")
    pasted_chars: int = Field(description="Characters pasted in all.")
    largest_paste: int = Field(description="Characters in the largest paste.")
    hidden_seconds: int = Field(
        description="Time the tab was hidden; a tab still hidden counts until now."
    )


class ProctorSummaryOut(Response):
    people: list[ProctorPersonOut] = Field(description="The host first, then participants.")


class StunServerOut(Response):
    """An RTCIceServer without credentials."""

    urls: list[str]


class TurnServerOut(StunServerOut):
    """An RTCIceServer with a short-lived TURN REST credential."""

    username: str = Field(description='"<expires_at>:<user id>"')
    credential: str


class IceConfigOut(Response):
    # Two shapes, not one with nulls: browsers read `username: null` as the string "null".
    ice_servers: list[TurnServerOut | StunServerOut]
    expires_at: int = Field(description="Unix seconds when the TURN credentials stop working.")
