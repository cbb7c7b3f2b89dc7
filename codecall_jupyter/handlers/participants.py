"""The host's say over a session's people: admit, reject, remove, roles, host handoff."""

from __future__ import annotations

from jupyter_server.auth.decorator import authorized
from tornado import web

from ..schemas.sessions import HostHandoff, RoleChange, SessionDetail
from .operation import operation
from .sessions import TAGS, SessionHandler

HOST_ERRORS = (403, 404, 409)


class AdmitHandler(SessionHandler):
    @web.authenticated
    @authorized
    @operation(
        "Admit someone from the waiting room (host)",
        responses={200: SessionDetail},
        errors=HOST_ERRORS,
        tags=TAGS,
    )
    async def post(self, session_id: str, user_id: str) -> None:
        await self.services.waiting_room.admit(
            self.user.account_id, session_id, self.int_id(user_id)
        )
        await self.reply_detail(session_id)


class RejectHandler(SessionHandler):
    @web.authenticated
    @authorized
    @operation(
        "Turn someone in the waiting room away (host)",
        responses={200: SessionDetail},
        errors=HOST_ERRORS,
        tags=TAGS,
    )
    async def post(self, session_id: str, user_id: str) -> None:
        await self.services.waiting_room.reject(
            self.user.account_id, session_id, self.int_id(user_id)
        )
        await self.reply_detail(session_id)


class ParticipantHandler(SessionHandler):
    @web.authenticated
    @authorized
    @operation(
        "Remove a participant (host)", responses={204: None}, errors=(*HOST_ERRORS, 422), tags=TAGS
    )
    async def delete(self, session_id: str, user_id: str) -> None:
        await self.services.waiting_room.remove(
            self.user.account_id, session_id, self.int_id(user_id)
        )
        self.no_content()


class RoleHandler(SessionHandler):
    @web.authenticated
    @authorized
    @operation(
        "Set an admitted participant's role (host)",
        request=RoleChange,
        responses={200: SessionDetail},
        errors=HOST_ERRORS,
        tags=TAGS,
    )
    async def put(self, session_id: str, user_id: str) -> None:
        role = self.body(RoleChange).role
        await self.services.waiting_room.set_role(
            self.user.account_id, session_id, self.int_id(user_id), role
        )
        await self.reply_detail(session_id)


class HostHandler(SessionHandler):
    @web.authenticated
    @authorized
    @operation(
        "Hand the host role to an admitted participant (host)",
        request=HostHandoff,
        responses={200: SessionDetail},
        errors=(*HOST_ERRORS, 422),
        tags=TAGS,
    )
    async def post(self, session_id: str) -> None:
        target = self.body(HostHandoff).user_id
        await self.services.waiting_room.hand_host(self.user.account_id, session_id, target)
        await self.reply_detail(session_id)


class SwapRolesHandler(SessionHandler):
    @web.authenticated
    @authorized
    @operation(
        "Swap interviewer and candidate (host, peer mode)",
        responses={200: SessionDetail},
        errors=HOST_ERRORS,
        tags=TAGS,
    )
    async def post(self, session_id: str) -> None:
        await self.services.waiting_room.swap_roles(self.user.account_id, session_id)
        await self.reply_detail(session_id)
