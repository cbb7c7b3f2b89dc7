"""Friend requests, friends with their presence, and blocks."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import Field

from .accounts import PublicUserOut
from .base import Request, Response, Text


class FriendRequestCreate(Request):
    to: Text = Field(min_length=1, max_length=254, description="A username or an email address.")


class BlockCreate(Request):
    username: Text = Field(min_length=1, max_length=32)


class FriendRequestOut(Response):
    id: int
    from_user: PublicUserOut
    to_user: PublicUserOut
    status: Literal["pending", "accepted", "declined", "cancelled"]
    created_at: datetime


class FriendRequestList(Response):
    incoming: list[FriendRequestOut] = Field(description="Pending requests to me, newest first.")
    outgoing: list[FriendRequestOut] = Field(description="My pending requests, newest first.")


class PresenceOut(Response):
    online: bool = Field(description="Seen within the last two minutes.")
    in_session: bool = Field(description="Admitted to a practice session that is running.")
    last_seen_at: datetime | None


class FriendOut(Response):
    user: PublicUserOut
    since: datetime
    presence: PresenceOut


class FriendList(Response):
    friends: list[FriendOut] = Field(description="Sorted by display name.")


class FriendRequestPending(Response):
    status: Literal["pending"] = "pending"
    request: FriendRequestOut


class FriendRequestAccepted(Response):
    """They had asked me already: asking back made us friends."""

    status: Literal["friends"] = "friends"
    friend: FriendOut


class FriendRequestMaybeSent(Response):
    """The answer to every request by email, so it never tells whether an email is registered."""

    status: Literal["sent_if_registered"] = "sent_if_registered"


class BlockOut(Response):
    user: PublicUserOut
    blocked_at: datetime


class BlockList(Response):
    blocked: list[BlockOut]
