"""/codecall/api/config and /codecall/api/openapi.json: facts about this server."""

from __future__ import annotations

from jupyter_server.auth.decorator import authorized
from tornado import web

from .. import __version__
from ..schemas import ServerConfigOut
from .base import CodeCallAPIHandler
from .operation import operation


class ConfigHandler(CodeCallAPIHandler):
    @web.authenticated
    @authorized
    @operation("How this server is set up", responses={200: ServerConfigOut}, tags=("server",))
    async def get(self) -> None:
        self.reply(
            ServerConfigOut(
                registration=self.services.registration,  # type: ignore[arg-type]
                version=__version__,
                hub=bool(self.services.extra.get("hub", False)),
            )
        )


class OpenAPIHandler(CodeCallAPIHandler):
    @web.authenticated
    @authorized
    @operation(
        "This API's OpenAPI 3.1 document",
        responses={200: None},
        description="The document kept in the repository as codecall_jupyter/openapi.json.",
        tags=("server",),
    )
    async def get(self) -> None:
        from ..openapi import load_document

        self.set_header("Content-Type", "application/json; charset=UTF-8")
        self.finish(load_document())
