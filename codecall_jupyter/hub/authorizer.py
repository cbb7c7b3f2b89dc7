"""The authorizer of a CodeCall single-user server under JupyterHub.

``jupyterhub-singleuser`` installs JupyterHub's identity provider, which lets in anyone
holding ``access:servers`` on this server (its owner, admins, and since JupyterHub 5
whoever the server is shared with), and leaves Jupyter's allow-all authorizer in place:
a shared-with user could open terminals, kernels and every file. CodeCall shares this
server with a guest only while they are admitted to a session hosted here, so anyone
who is not the owner is a guest, limited to CodeCall's member rules
(``auth/authorizer.member_may``): the CodeCall API, the session's files and rooms.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from jupyter_server.auth.authorizer import Authorizer
from jupyter_server.auth.identity import User
from tornado import web

from ..auth.authorizer import member_may
from ..auth.identity import codecall_user, services_of
from ..services.container import CodeCallServices


def _sessions_root(handler: web.RequestHandler, services: CodeCallServices) -> Path:
    root = Path(str(handler.settings.get("server_root_dir") or ".")).expanduser()
    return root / services.access.sessions_dir


async def hosts_guest(
    handler: web.RequestHandler, services: CodeCallServices, user_id: int
) -> bool:
    """Whether ``user_id`` is admitted to a live session whose folder is on this server.

    The Hub's answer about a token is cached by the single-user server (HubAuth keeps it
    for minutes), so a revoked share alone would not shut the door at once: this check,
    read from the database on every request, does."""
    sessions = _sessions_root(handler, services)
    seats = await services.access.seats(user_id)
    return any((sessions / folder).is_dir() for folder in seats)


class CodeCallHubAuthorizer(Authorizer):
    """JupyterHub's own check first (the user's ``access:servers`` scope, when the
    identity provider is JupyterHub's), then CodeCall's: the server's owner
    (``$JUPYTERHUB_USER``) may do anything; Hub services nothing; anyone else only
    what a CodeCall member may, and only while admitted to a session hosted here."""

    async def is_authorized(
        self, handler: web.RequestHandler, user: User, action: str, resource: str
    ) -> bool:
        hub_user: dict[str, Any] | None = getattr(user, "hub_user", None)
        hub_auth = getattr(self.identity_provider, "hub_auth", None)
        if hub_user is not None and hub_auth is not None:
            # The same check as JupyterHub's own authorizer, kept: better redundant.
            if not hub_auth.check_scopes(hub_auth.oauth_scopes, hub_user):
                return False
            if hub_user.get("kind", "user") != "user":
                return False  # a Hub service holding access:servers is nobody's guest
        if user.username == os.environ.get("JUPYTERHUB_USER"):
            return True  # the owner, even should CodeCall's services be missing
        services = services_of(handler)
        if services is None:
            return False
        member = await codecall_user(user, services)
        if member is None:
            return False
        if member.is_owner:
            return True
        if not await hosts_guest(handler, services, member.account_id):
            return False
        return await member_may(handler, member, action, resource)
