"""/codecall/api/invites: invite links to register."""

from __future__ import annotations

from datetime import timedelta

from jupyter_server.auth.decorator import authorized
from tornado import web

from ..schemas import InviteCreate, InviteCreated, InviteList, InviteOut
from ..services.errors import Forbidden
from ..store.models import Invite
from .base import CodeCallAPIHandler
from .operation import operation


def invite_out(invite: Invite) -> InviteOut:
    return InviteOut(
        id=invite.id,
        created_at=invite.created_at,
        expires_at=invite.expires_at,
        max_uses=invite.max_uses,
        uses=invite.uses,
        revoked=invite.revoked_at is not None,
    )


class InvitesHandler(CodeCallAPIHandler):
    @web.authenticated
    @authorized
    @operation("My invite links", responses={200: InviteList}, tags=("invites",))
    async def get(self) -> None:
        invites = await self.services.invites.list_for(self.user.account_id)
        self.reply(InviteList(invites=[invite_out(i) for i in invites]))

    @web.authenticated
    @authorized
    @operation(
        "Create an invite link (shown once)",
        request=InviteCreate,
        responses={201: InviteCreated},
        errors=(403, 422),
        tags=("invites",),
    )
    async def post(self) -> None:
        spec = self.body(InviteCreate)
        if self.services.registration == "closed":
            raise Forbidden("Registration is closed on this server.", code="registration_closed")
        invite, token = await self.services.invites.create(
            self.user.account_id,
            max_uses=spec.max_uses,
            expires_in=timedelta(hours=spec.expires_in_hours),
        )
        created = InviteCreated(
            **invite_out(invite).model_dump(),
            token=token,
            url=f"{self.base_url}codecall/register?invite={token}",
        )
        self.reply(created, status=201)


class InviteHandler(CodeCallAPIHandler):
    @web.authenticated
    @authorized
    @operation(
        "Revoke one of my invite links", responses={204: None}, errors=(404,), tags=("invites",)
    )
    async def delete(self, invite_id: str) -> None:
        await self.services.invites.revoke(self.user.account_id, self.int_id(invite_id))
        self.no_content()
