"""The CodeCall authorizer: the owner may do anything; members reach CodeCall and
the documents of the sessions they are admitted to, and nothing else. Which paths a
member may read or write is ``AccessService``'s rule (services/access.py): a session's
folder, its problem statement (written by interviewers and the host only), and one's own
private notes folder beside it."""

from __future__ import annotations

import json
from typing import Any

from jupyter_server.auth.authorizer import Authorizer
from jupyter_server.auth.identity import User
from jupyter_server.services.contents.handlers import ContentsHandler
from jupyter_server_ydoc.handlers import DocSessionHandler
from tornado import web

from .identity import CodeCallUser, services_of

# Resources a member may read: the Lab page, server status and /api/me, and the
# frontend config sections JupyterLab reads at start-up.
_MEMBER_READABLE = frozenset({"lab", "api", "config"})
# Resources whose path must lie inside an admitted session folder.
_PATH_RESOURCES = frozenset({"contents", "files"})


def _request_path(handler: web.RequestHandler) -> str | None:
    """The contents path a handler acts on, whatever route shape it uses."""
    room = _collaboration_room_path(handler)
    if room is not None:
        return room
    kwargs: dict[str, Any] = getattr(handler, "path_kwargs", None) or {}
    if "path" in kwargs:
        return str(kwargs["path"] or "")
    args = getattr(handler, "path_args", None) or []
    return str(args[0]) if args else None


def _collaboration_room_path(handler: web.RequestHandler) -> str | None:
    """jupyter-collaboration rooms are named "format:type:fileId"; find the file."""
    if "/api/collaboration/room/" not in handler.request.path:
        return None
    args = getattr(handler, "path_args", None) or []
    parts = str(args[0]).split(":", 2) if args else []
    file_id_manager = handler.settings.get("file_id_manager")
    if len(parts) != 3 or file_id_manager is None:
        return ""  # not a file room (or no file ids): never a member's
    path = file_id_manager.get_path(parts[2])
    return str(path) if path else ""


def _body_paths(handler: web.RequestHandler) -> list[tuple[object, bool]]:
    """Paths a contents request names in its body, each with whether it is written: a
    copy's source (``POST {"copy_from": ...}``, read) and a rename's target
    (``PATCH {"path": ...}``, written). The contents API acts on them too, so they are
    checked like the URL's path."""
    method = handler.request.method
    if not isinstance(handler, ContentsHandler) or method not in ("POST", "PATCH"):
        return []
    try:
        model = json.loads(handler.request.body or b"null")
    except (ValueError, RecursionError):
        return []  # the handler refuses a body it cannot read
    if not isinstance(model, dict):
        return []
    if method == "POST" and model.get("copy_from"):
        return [(model["copy_from"], False)]
    if method == "PATCH" and model.get("path"):
        return [(model["path"], True)]
    return []


def member_workspace(user: User) -> str:
    """The JupyterLab workspace that holds one member's layout."""
    return f"codecall-{user.username}"


class CodeCallAuthorizer(Authorizer):
    async def is_authorized(
        self, handler: web.RequestHandler, user: User, action: str, resource: str
    ) -> bool:
        if not isinstance(user, CodeCallUser) or user.is_owner:
            # Tokens, passwords and other identity providers speak for the owner.
            return True
        return await member_may(handler, user, action, resource)


async def member_may(
    handler: web.RequestHandler, user: CodeCallUser, action: str, resource: str
) -> bool:
    """What a member who is not the owner may do: also the rule for JupyterHub users
    a server is shared with (hub/authorizer.py)."""
    if resource == "codecall":
        return True  # CodeCall's services decide the rest, rule by rule
    if resource == "lab" and type(handler).__name__ == "WorkspacesHandler":
        # JupyterLab's workspaces are server-wide: a member keeps a layout of their own.
        space = (getattr(handler, "path_kwargs", None) or {}).get("space_name")
        return space == member_workspace(user)
    if resource in _MEMBER_READABLE:
        return action == "read"
    if resource in _PATH_RESOURCES:
        services = services_of(handler)
        path = _request_path(handler)
        if services is None or path is None:
            return False
        # Starting a document session (PUT /api/collaboration/session/<path>) only looks
        # up the file's id, so that whoever may read the file can open its room.
        write = action != "read" and not isinstance(handler, DocSessionHandler)
        access = services.access
        if write and handler.request.method in ("DELETE", "PATCH"):
            allowed = await access.may_remove(user.account_id, path)
        else:
            allowed = await access.may_reach(user.account_id, path, write=write)
        if not allowed:
            return False
        for other, writes in _body_paths(handler):
            if not isinstance(other, str):
                return False
            if not await access.may_reach(user.account_id, other, write=writes):
                return False
        return True
    return False
