"""Every REST route in one table; the OpenAPI document is generated from it."""

from __future__ import annotations

import re

from tornado import web

from .base import NotFoundHandler
from .invites import InviteHandler, InvitesHandler
from .me import MeHandler, PasswordHandler
from .server import ConfigHandler, OpenAPIHandler

API = "/codecall/api"

# (OpenAPI path template, handler). Path parameters are {name}: one URL segment each.
ROUTES: list[tuple[str, type[web.RequestHandler]]] = [
    (f"{API}/me", MeHandler),
    (f"{API}/me/password", PasswordHandler),
    (f"{API}/config", ConfigHandler),
    (f"{API}/invites", InvitesHandler),
    (f"{API}/invites/{{invite_id}}", InviteHandler),
    (f"{API}/openapi.json", OpenAPIHandler),
]


def to_pattern(template: str) -> str:
    """ "/a/{id}" -> "/a/(?P<id>[^/]+)", anchored by tornado."""
    return re.sub(r"\{(\w+)\}", r"(?P<\1>[^/]+)", template)


def api_handlers() -> list[tuple[str, type[web.RequestHandler]]]:
    routes: list[tuple[str, type[web.RequestHandler]]] = [
        (to_pattern(path), handler) for path, handler in ROUTES
    ]
    routes.append((f"{API}(?:/.*)?", NotFoundHandler))
    return routes
