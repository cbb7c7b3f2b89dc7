"""The REST side of a session's realtime channel: chat history and read marks, the
proctoring summary, and ICE servers. Live traffic goes over the channel's WebSocket."""

from __future__ import annotations

from jupyter_server.auth.decorator import authorized
from tornado import web

from ..schemas.chat import (
    ChatMessageOut,
    ChatPage,
    ChatReadMark,
    IceConfigOut,
    ProctorPersonOut,
    ProctorSummaryOut,
    StunServerOut,
    TurnServerOut,
)
from ..services.chat import MAX_PAGE
from ..services.errors import Conflict, InvalidInput, NotFound
from ..services.proctoring import ProctorSummary
from ..services.sessions import SessionView
from ..store.models import ChatMessage
from .base import CodeCallAPIHandler
from .me import public_row
from .operation import operation, whole

API = "/codecall/api"
MAX_ID = 2**31 - 1  # ids are 32-bit integers in PostgreSQL


class MemberHandler(CodeCallAPIHandler):
    """Shared: who may see a session's channel data, and integer query parameters."""

    async def member_view(self, session_id: str, states: tuple[str, ...]) -> SessionView:
        """The caller's view if they host the session or are in one of ``states``; else 404."""
        view = await self.services.sessions.view(self.user.account_id, session_id)
        if not (view.is_host or (view.me is not None and view.me.state in states)):
            raise NotFound("No such session.")  # never reveal that it exists
        return view

    def query_int(self, name: str, default: int | None, most: int) -> int | None:
        raw = self.get_query_argument(name, None)
        if raw is None:
            return default
        # isascii: "²".isdigit() is true, but int() refuses it.
        if not (raw.isascii() and raw.isdigit()) or not 1 <= int(raw) <= most:
            raise InvalidInput(f"{name}: a whole number from 1 to {most}.")
        return int(raw)


class ChatHandler(MemberHandler):
    @web.authenticated
    @authorized
    @operation(
        "A page of the session's chat, oldest first, with my unread count",
        description="Host, admitted participants, and people who left may read it.",
        responses={200: ChatPage},
        errors=(404, 422),
        query={
            "before": whole(
                "Only messages with a smaller id (the first id of the page you have).", MAX_ID
            ),
            "limit": whole(f"Messages per page, 1 to {MAX_PAGE} (default 50).", MAX_PAGE),
        },
        tags=("chat",),
    )
    async def get(self, session_id: str) -> None:
        await self.member_view(session_id, ("admitted", "left"))
        before = self.query_int("before", None, MAX_ID)
        limit = self.query_int("limit", 50, MAX_PAGE) or 50
        chat = self.services.chat
        messages, has_more = await chat.page(session_id, before, limit)
        unread = await chat.unread_count(session_id, self.user.account_id)
        self.reply(
            ChatPage(messages=[message_out(m) for m in messages], unread=unread, has_more=has_more)
        )


class ChatReadHandler(MemberHandler):
    @web.authenticated
    @authorized
    @operation(
        "Mark the chat read up to a message; the mark never moves back",
        request=ChatReadMark,
        responses={204: None},
        errors=(404,),
        tags=("chat",),
    )
    async def post(self, session_id: str) -> None:
        mark = self.body(ChatReadMark)
        await self.member_view(session_id, ("admitted", "left"))
        await self.services.chat.mark_read(session_id, self.user.account_id, mark.up_to)
        self.no_content()


class ProctorSummaryHandler(MemberHandler):
    @web.authenticated
    @authorized
    @operation(
        "Per person: tab switches, focus changes, copies, pastes, time hidden",
        description="Practice is transparent: the host and admitted participants see it alike.",
        responses={200: ProctorSummaryOut},
        errors=(404,),
        tags=("sessions",),
    )
    async def get(self, session_id: str) -> None:
        await self.member_view(session_id, ("admitted",))
        people = await self.services.proctoring.summary(session_id)
        summary = ProctorSummaryOut(people=[person_out(p) for p in people])
        self.set_header("Content-Type", "application/json; charset=UTF-8")
        self.finish(summary.model_dump_json(by_alias=True))  # the "copy" count


class IceHandler(MemberHandler):
    @web.authenticated
    @authorized
    @operation(
        "STUN and TURN servers for the session's WebRTC connections",
        description="TURN credentials are short-lived (TURN REST scheme): ask again before "
        "`expires_at`. Host and admitted participants only, while the session lasts.",
        responses={200: IceConfigOut},
        errors=(404, 409),
        tags=("sessions",),
    )
    async def get(self, session_id: str) -> None:
        view = await self.member_view(session_id, ("admitted",))
        if view.session.status == "ENDED":
            raise Conflict("The session has ended.", code="session_ended")
        servers, expires_at = self.services.ice.servers_for(self.user.account_id)
        self.set_header("Cache-Control", "no-store")  # credentials
        ice_servers = [
            TurnServerOut(**s) if "credential" in s else StunServerOut(**s) for s in servers
        ]
        self.reply(IceConfigOut(ice_servers=ice_servers, expires_at=expires_at))


def message_out(message: ChatMessage) -> ChatMessageOut:
    return ChatMessageOut(
        id=message.id,
        author=public_row(message.author) if message.author is not None else None,
        text=message.text,
        created_at=message.created_at,
        edited_at=message.edited_at,
        deleted=message.deleted_at is not None,
    )


def person_out(person: ProctorSummary) -> ProctorPersonOut:
    return ProctorPersonOut(
        user=public_row(person.user),
        **person.counts,
        pasted_chars=person.pasted_chars,
        largest_paste=person.largest_paste,
        hidden_seconds=person.hidden_seconds,
    )


CHANNEL_REST_ROUTES: list[tuple[str, type[web.RequestHandler]]] = [
    (f"{API}/sessions/{{session_id}}/chat", ChatHandler),
    (f"{API}/sessions/{{session_id}}/chat/read", ChatReadHandler),
    (f"{API}/sessions/{{session_id}}/activity/summary", ProctorSummaryHandler),
    (f"{API}/sessions/{{session_id}}/ice", IceHandler),
]
