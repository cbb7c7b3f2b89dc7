"""/codecall/api/sessions: create, see, list, change and end practice sessions."""

from __future__ import annotations

from jupyter_server.auth.decorator import authorized
from tornado import web

from ..schemas.sessions import (
    EventList,
    JoinById,
    JoinByToken,
    JoinResult,
    SessionCreate,
    SessionDetail,
    SessionInvite,
    SessionList,
    SessionPage,
    SessionUpdate,
)
from ..services.errors import InvalidInput, NotFound
from .base import CodeCallAPIHandler
from .operation import operation, whole
from .session_views import event_out, session_detail, session_out

TAGS = ("sessions",)


class SessionHandler(CodeCallAPIHandler):
    """Shared by the session handlers: answer with the session as the caller sees it."""

    async def reply_detail(self, session_id: str, status: int = 200) -> None:
        view = await self.services.sessions.view(self.user.account_id, session_id)
        if view.me is not None and view.me.state == "admitted":
            await self.services.sessions.touch_presence(session_id)
        folder = self.services.access.folder_path(view.session.folder)
        self.reply(session_detail(view, self.base_url, folder), status=status)


class SessionsHandler(SessionHandler):
    @web.authenticated
    @authorized
    @operation("My sessions: hosting or joined, not ended", responses={200: SessionList}, tags=TAGS)
    async def get(self) -> None:
        views = await self.services.sessions.mine(self.user.account_id)
        self.reply(SessionList(sessions=[session_out(v, self.base_url) for v in views]))

    @web.authenticated
    @authorized
    @operation(
        "Create a session; the creator is its host",
        request=SessionCreate,
        responses={201: SessionDetail},
        errors=(422,),
        tags=TAGS,
    )
    async def post(self) -> None:
        spec = self.body(SessionCreate).model_dump()
        account = await self.services.accounts.get(self.user.account_id)
        session = await self.services.sessions.create(account, spec)
        await self.reply_detail(session.id, status=201)


class InvitationsHandler(SessionHandler):
    @web.authenticated
    @authorized
    @operation("Sessions I am invited to", responses={200: SessionList}, tags=TAGS)
    async def get(self) -> None:
        views = await self.services.sessions.invitations(self.user.account_id)
        self.reply(SessionList(sessions=[session_out(v, self.base_url) for v in views]))


class FriendsSessionsHandler(SessionHandler):
    @web.authenticated
    @authorized
    @operation("Friends' sessions I may join", responses={200: SessionList}, tags=TAGS)
    async def get(self) -> None:
        views = await self.services.sessions.of_friends(self.user.account_id)
        self.reply(SessionList(sessions=[session_out(v, self.base_url) for v in views]))


class HistoryHandler(SessionHandler):
    @web.authenticated
    @authorized
    @operation(
        "Ended sessions I hosted or took part in, newest first",
        responses={200: SessionPage},
        errors=(422,),
        query={
            "page": whole("Page number, from 1.", 10_000),
            "per_page": whole("Sessions per page, 1 to 100.", 100),
        },
        tags=TAGS,
    )
    async def get(self) -> None:
        page = self.positive_int("page", 1, 10_000)
        per_page = self.positive_int("per_page", 20, 100)
        views, total = await self.services.sessions.history(self.user.account_id, page, per_page)
        sessions = [session_out(v, self.base_url) for v in views]
        self.reply(SessionPage(sessions=sessions, page=page, per_page=per_page, total=total))

    def positive_int(self, name: str, default: int, most: int) -> int:
        raw = self.get_query_argument(name, str(default))
        if not (raw.isascii() and raw.isdigit()) or not 1 <= int(raw) <= most:
            raise InvalidInput(f"{name}: a whole number from 1 to {most}.")
        return int(raw)


class JoinByTokenHandler(SessionHandler):
    @web.authenticated
    @authorized
    @operation(
        "Join a session with its invite link's token",
        request=JoinByToken,
        responses={200: JoinResult},
        errors=(404, 409, 429),
        tags=TAGS,
    )
    async def post(self) -> None:
        spec = self.body(JoinByToken)
        room = self.services.waiting_room
        session_id, state = await room.join_by_token(
            self.user.account_id, spec.token, spec.password
        )
        await self.reply_join(session_id, state)

    async def reply_join(self, session_id: str, state: str) -> None:
        view = await self.services.sessions.view(self.user.account_id, session_id)
        self.reply(JoinResult(state=state, session=session_out(view, self.base_url)))  # type: ignore[arg-type]


class SessionDetailHandler(SessionHandler):
    @web.authenticated
    @authorized
    @operation(
        "A session: participants, roles, status, durations",
        responses={200: SessionDetail},
        errors=(404,),
        tags=TAGS,
    )
    async def get(self, session_id: str) -> None:
        await self.reply_detail(session_id)

    @web.authenticated
    @authorized
    @operation(
        "Change a session (host; not after it ended)",
        request=SessionUpdate,
        responses={200: SessionDetail},
        errors=(404, 409),
        tags=TAGS,
    )
    async def patch(self, session_id: str) -> None:
        update = self.body(SessionUpdate)
        changes = {k: getattr(update, k) for k in update.model_fields_set}
        nullable = {"problem_id", "password", "scheduled_at"}
        if any(v is None and k not in nullable for k, v in changes.items()):
            raise InvalidInput("Only problem_id, password and scheduled_at can be null.")
        await self.services.sessions.update(self.user.account_id, session_id, changes)
        await self.reply_detail(session_id)

    @web.authenticated
    @authorized
    @operation(
        "Delete a session and its folder (host)", responses={204: None}, errors=(404,), tags=TAGS
    )
    async def delete(self, session_id: str) -> None:
        await self.services.sessions.delete(self.user.account_id, session_id)
        self.no_content()


class EndHandler(SessionHandler):
    @web.authenticated
    @authorized
    @operation(
        "End a session (host); ENDED is final",
        responses={200: SessionDetail},
        errors=(404, 409),
        tags=TAGS,
    )
    async def post(self, session_id: str) -> None:
        await self.services.sessions.end(self.user.account_id, session_id)
        await self.reply_detail(session_id)


class JoinByIdHandler(JoinByTokenHandler):
    @web.authenticated
    @authorized
    @operation(
        "Join a session I was invited to, or a friend's",
        request=JoinById,
        responses={200: JoinResult},
        errors=(404, 409, 429),
        tags=TAGS,
    )
    async def post(self, session_id: str) -> None:
        spec = self.body(JoinById)
        state = await self.services.waiting_room.join_by_id(
            self.user.account_id, session_id, spec.password
        )
        await self.reply_join(session_id, state)


class LeaveHandler(SessionHandler):
    @web.authenticated
    @authorized
    @operation("Leave a session (guests)", responses={204: None}, errors=(404, 409), tags=TAGS)
    async def post(self, session_id: str) -> None:
        await self.services.waiting_room.leave(self.user.account_id, session_id)
        self.no_content()


class DeclineHandler(SessionHandler):
    @web.authenticated
    @authorized
    @operation("Decline an invitation", responses={204: None}, errors=(404,), tags=TAGS)
    async def post(self, session_id: str) -> None:
        await self.services.waiting_room.decline(self.user.account_id, session_id)
        self.no_content()


class SessionInviteHandler(SessionHandler):
    @web.authenticated
    @authorized
    @operation(
        "Invite friends to a session (host)",
        request=SessionInvite,
        responses={200: SessionDetail},
        errors=(404, 409),
        tags=TAGS,
    )
    async def post(self, session_id: str) -> None:
        spec = self.body(SessionInvite)
        await self.services.sessions.invite(self.user.account_id, session_id, spec.usernames)
        await self.reply_detail(session_id)


class ActivityHandler(SessionHandler):
    @web.authenticated
    @authorized
    @operation(
        "A session's activity log, oldest first",
        responses={200: EventList},
        errors=(404,),
        tags=TAGS,
    )
    async def get(self, session_id: str) -> None:
        view = await self.services.sessions.view(self.user.account_id, session_id)
        if not (view.is_host or (view.me is not None and view.me.state in ("admitted", "left"))):
            raise NotFound("No such session.")
        activity = self.services.activity
        events = await activity.list(session_id)
        subjects = await activity.subjects([e for e, _ in events])
        out = [event_out(e, actor, subjects.get(e.data.get("user_id", 0))) for e, actor in events]
        self.reply(EventList(events=out))
