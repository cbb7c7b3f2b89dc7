"""Every REST route in one table; the OpenAPI document is generated from it."""

from __future__ import annotations

import re

from tornado import web

from ..channel.handler import ChannelHandler
from ..channel.preflight_handler import PreflightHandler
from ..channel.user_events_handler import UserEventsHandler
from .base import NotFoundHandler
from .chat import CHANNEL_REST_ROUTES
from .feedback import FEEDBACK_ROUTES
from .friends import FRIEND_ROUTES
from .invites import InviteHandler, InvitesHandler
from .me import MeHandler, PasswordHandler
from .participants import (
    AdmitHandler,
    HostHandler,
    ParticipantHandler,
    RejectHandler,
    RoleHandler,
    SwapRolesHandler,
)
from .problems import PROBLEM_ROUTES
from .replay import REPLAY_ROUTES
from .runs import RUNNER_ROUTES
from .server import ConfigHandler, OpenAPIHandler
from .sessions import (
    ActivityHandler,
    DeclineHandler,
    EndHandler,
    FriendsSessionsHandler,
    HistoryHandler,
    InvitationsHandler,
    JoinByIdHandler,
    JoinByTokenHandler,
    LeaveHandler,
    SessionDetailHandler,
    SessionInviteHandler,
    SessionsHandler,
)

API = "/codecall/api"

# (OpenAPI path template, handler). Path parameters are {name}: one URL segment each.
ROUTES: list[tuple[str, type[web.RequestHandler]]] = [
    (f"{API}/me", MeHandler),
    (f"{API}/me/password", PasswordHandler),
    (f"{API}/config", ConfigHandler),
    (f"{API}/invites", InvitesHandler),
    (f"{API}/invites/{{invite_id}}", InviteHandler),
    (f"{API}/openapi.json", OpenAPIHandler),
    *FRIEND_ROUTES,
    # Fixed paths before "{session_id}", which would match them too.
    (f"{API}/sessions", SessionsHandler),
    (f"{API}/sessions/invitations", InvitationsHandler),
    (f"{API}/sessions/friends", FriendsSessionsHandler),
    (f"{API}/sessions/history", HistoryHandler),
    (f"{API}/sessions/join", JoinByTokenHandler),
    (f"{API}/sessions/{{session_id}}", SessionDetailHandler),
    (f"{API}/sessions/{{session_id}}/end", EndHandler),
    (f"{API}/sessions/{{session_id}}/join", JoinByIdHandler),
    (f"{API}/sessions/{{session_id}}/leave", LeaveHandler),
    (f"{API}/sessions/{{session_id}}/decline", DeclineHandler),
    (f"{API}/sessions/{{session_id}}/invite", SessionInviteHandler),
    (f"{API}/sessions/{{session_id}}/activity", ActivityHandler),
    (f"{API}/sessions/{{session_id}}/host", HostHandler),
    (f"{API}/sessions/{{session_id}}/swap-roles", SwapRolesHandler),
    (f"{API}/sessions/{{session_id}}/participants/{{user_id}}", ParticipantHandler),
    (f"{API}/sessions/{{session_id}}/participants/{{user_id}}/admit", AdmitHandler),
    (f"{API}/sessions/{{session_id}}/participants/{{user_id}}/reject", RejectHandler),
    (f"{API}/sessions/{{session_id}}/participants/{{user_id}}/role", RoleHandler),
    *CHANNEL_REST_ROUTES,
    *RUNNER_ROUTES,
    *FEEDBACK_ROUTES,
    *REPLAY_ROUTES,
    *PROBLEM_ROUTES,
]


def to_pattern(template: str) -> str:
    """ "/a/{id}" -> "/a/(?P<id>[^/]+)", anchored by tornado."""
    return re.sub(r"\{(\w+)\}", r"(?P<\1>[^/]+)", template)


def api_handlers() -> list[tuple[str, type[web.RequestHandler]]]:
    routes: list[tuple[str, type[web.RequestHandler]]] = [
        (to_pattern(path), handler) for path, handler in ROUTES
    ]
    routes.append((to_pattern(f"{API}/sessions/{{session_id}}/channel"), ChannelHandler))
    routes.append((f"{API}/preflight", PreflightHandler))
    routes.append((f"{API}/me/events", UserEventsHandler))
    routes.append((f"{API}(?:/.*)?", NotFoundHandler))
    return routes
