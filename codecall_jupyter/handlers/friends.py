"""/codecall/api/friends and /codecall/api/blocks."""

from __future__ import annotations

from jupyter_server.auth.decorator import authorized
from tornado import web

from ..schemas.friends import (
    BlockCreate,
    BlockList,
    BlockOut,
    FriendList,
    FriendOut,
    FriendRequestAccepted,
    FriendRequestCreate,
    FriendRequestList,
    FriendRequestMaybeSent,
    FriendRequestOut,
    FriendRequestPending,
    PresenceOut,
)
from ..services.blocks import BlockedUser
from ..services.friends import Friend, RequestView
from .base import CodeCallAPIHandler
from .me import public_user
from .operation import operation

API = "/codecall/api"
TAGS = ("friends",)


def friend_out(friend: Friend) -> FriendOut:
    presence = friend.presence
    return FriendOut(
        user=public_user(friend.account),
        since=friend.since,
        presence=PresenceOut(
            online=presence.online,
            in_session=presence.in_session,
            last_seen_at=presence.last_seen_at,
        ),
    )


def request_out(request: RequestView) -> FriendRequestOut:
    return FriendRequestOut(
        id=request.id,
        from_user=public_user(request.sender),
        to_user=public_user(request.recipient),
        status=request.status,  # type: ignore[arg-type]
        created_at=request.created_at,
    )


def block_out(block: BlockedUser) -> BlockOut:
    return BlockOut(user=public_user(block.account), blocked_at=block.blocked_at)


class FriendRequestsHandler(CodeCallAPIHandler):
    @web.authenticated
    @authorized
    @operation("My pending friend requests", responses={200: FriendRequestList}, tags=TAGS)
    async def get(self) -> None:
        incoming, outgoing = await self.services.friends.requests_of(self.user.account_id)
        self.reply(
            FriendRequestList(
                incoming=[request_out(r) for r in incoming],
                outgoing=[request_out(r) for r in outgoing],
            )
        )

    @web.authenticated
    @authorized
    @operation(
        "Ask a username or an email address to be friends",
        description=(
            "By username: 201 with the pending request, or 200 when they had asked me "
            "already (we are friends now). By email: always 202, so that the answer never "
            "tells whether the address is registered."
        ),
        request=FriendRequestCreate,
        responses={
            200: FriendRequestAccepted,
            201: FriendRequestPending,
            202: FriendRequestMaybeSent,
        },
        errors=(403, 404, 409, 422),
        tags=TAGS,
    )
    async def post(self) -> None:
        spec = self.body(FriendRequestCreate)
        sent = await self.services.friends.send_request(self.user.account_id, spec.to)
        if sent is None:
            self.reply(FriendRequestMaybeSent(), status=202)
        elif isinstance(sent, Friend):
            self.reply(FriendRequestAccepted(friend=friend_out(sent)))
        else:
            self.reply(FriendRequestPending(request=request_out(sent)), status=201)


class FriendRequestHandler(CodeCallAPIHandler):
    @web.authenticated
    @authorized
    @operation(
        "Cancel a friend request I sent",
        responses={204: None},
        errors=(404, 409),
        tags=TAGS,
    )
    async def delete(self, request_id: str) -> None:
        await self.services.friends.cancel(self.user.account_id, self.int_id(request_id))
        self.no_content()


class FriendRequestAcceptHandler(CodeCallAPIHandler):
    @web.authenticated
    @authorized
    @operation(
        "Accept a friend request sent to me",
        responses={200: FriendOut},
        errors=(404, 409),
        tags=TAGS,
    )
    async def post(self, request_id: str) -> None:
        friend = await self.services.friends.accept(self.user.account_id, self.int_id(request_id))
        self.reply(friend_out(friend))


class FriendRequestDeclineHandler(CodeCallAPIHandler):
    @web.authenticated
    @authorized
    @operation(
        "Decline a friend request sent to me",
        responses={204: None},
        errors=(404, 409),
        tags=TAGS,
    )
    async def post(self, request_id: str) -> None:
        await self.services.friends.decline(self.user.account_id, self.int_id(request_id))
        self.no_content()


class FriendsHandler(CodeCallAPIHandler):
    @web.authenticated
    @authorized
    @operation(
        "My friends and their presence",
        description="Presence (online, in a session) is shown to friends only, and only here.",
        responses={200: FriendList},
        tags=TAGS,
    )
    async def get(self) -> None:
        friends = await self.services.friends.friends_of(self.user.account_id)
        self.reply(FriendList(friends=[friend_out(f) for f in friends]))


class FriendHandler(CodeCallAPIHandler):
    @web.authenticated
    @authorized
    @operation("Unfriend someone", responses={204: None}, errors=(404,), tags=TAGS)
    async def delete(self, user_id: str) -> None:
        await self.services.friends.unfriend(self.user.account_id, self.int_id(user_id))
        self.no_content()


class BlocksHandler(CodeCallAPIHandler):
    @web.authenticated
    @authorized
    @operation("The users I have blocked", responses={200: BlockList}, tags=TAGS)
    async def get(self) -> None:
        blocks = await self.services.blocks.blocks_of(self.user.account_id)
        self.reply(BlockList(blocked=[block_out(b) for b in blocks]))

    @web.authenticated
    @authorized
    @operation(
        "Block someone",
        description="Ends any friendship and cancels pending requests both ways.",
        request=BlockCreate,
        responses={201: BlockOut},
        errors=(404, 409, 422),
        tags=TAGS,
    )
    async def post(self) -> None:
        spec = self.body(BlockCreate)
        block = await self.services.blocks.block(self.user.account_id, spec.username)
        self.reply(block_out(block), status=201)


class BlockHandler(CodeCallAPIHandler):
    @web.authenticated
    @authorized
    @operation("Unblock someone", responses={204: None}, errors=(404,), tags=TAGS)
    async def delete(self, user_id: str) -> None:
        await self.services.blocks.unblock(self.user.account_id, self.int_id(user_id))
        self.no_content()


# /friends/requests comes before /friends/{user_id}, whose pattern would match it too.
FRIEND_ROUTES: list[tuple[str, type[web.RequestHandler]]] = [
    (f"{API}/friends/requests", FriendRequestsHandler),
    (f"{API}/friends/requests/{{request_id}}", FriendRequestHandler),
    (f"{API}/friends/requests/{{request_id}}/accept", FriendRequestAcceptHandler),
    (f"{API}/friends/requests/{{request_id}}/decline", FriendRequestDeclineHandler),
    (f"{API}/friends", FriendsHandler),
    (f"{API}/friends/{{user_id}}", FriendHandler),
    (f"{API}/blocks", BlocksHandler),
    (f"{API}/blocks/{{user_id}}", BlockHandler),
]
