"""Put JupyterLab's own REST handlers behind the authorizer.

jupyterlab and jupyterlab_server authenticate their handlers but never ask the
authorizer: any logged-in user could write settings, workspaces, or install
extensions. Each of their handler classes is replaced, in the routing table of this
server only, by a subclass that asks for resource "lab" first.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterable
from typing import Any, cast

from jupyter_server.auth.utils import HTTP_METHOD_TO_AUTH_ACTION
from jupyter_server.base.handlers import JupyterHandler
from jupyter_server.utils import ensure_async
from tornado import web
from tornado.routing import Rule, RuleRouter

from .authorizer import member_workspace
from .identity import CodeCallUser, codecall_user, services_of

_GUARDED_PACKAGES = ("jupyterlab.", "jupyterlab_server.")
_cache: dict[type, type] = {}


def needs_guard(target: Any) -> bool:
    return (
        inspect.isclass(target)
        and issubclass(target, JupyterHandler)
        and target.__module__.startswith(_GUARDED_PACKAGES)
        and not getattr(target, "_codecall_guarded", False)
    )


def guarded(handler_class: type[JupyterHandler]) -> type[JupyterHandler]:
    if handler_class in _cache:
        return _cache[handler_class]

    class Guarded(handler_class):  # type: ignore[valid-type,misc]
        _codecall_guarded = True

        async def prepare(self, *args: Any, **kwargs: Any) -> None:
            result = super().prepare(*args, **kwargs)
            if inspect.isawaitable(result):
                await result
            if self._finished or self.request.method == "OPTIONS" or not self.current_user:
                return  # already answered, or the handler's own authentication will answer
            action = HTTP_METHOD_TO_AUTH_ACTION.get(self.request.method or "", "write")
            allowed = await ensure_async(
                self.authorizer.is_authorized(self, self.current_user, action, "lab")
            )
            if not allowed:
                raise web.HTTPError(
                    403, f"Not allowed to {action} JupyterLab's {self.request.path}"
                )
            if type(self).__name__ == "LabHandler":
                _to_member_workspace(self, await _member(self))

    Guarded.__name__ = Guarded.__qualname__ = handler_class.__name__
    Guarded.__module__ = handler_class.__module__
    _cache[handler_class] = Guarded
    return Guarded


async def _member(handler: Any) -> CodeCallUser | None:
    """The CodeCall user behind the request (a JupyterHub user's account, too)."""
    user = handler.current_user
    services = services_of(handler)
    if isinstance(user, CodeCallUser) or user is None or services is None:
        return cast("CodeCallUser | None", user)
    return await codecall_user(user, services)


def _to_member_workspace(handler: Any, user: CodeCallUser | None) -> None:
    """A member opening JupyterLab lands in their own workspace, so the layout they make
    is saved (and restored) without touching the owner's."""
    kwargs = getattr(handler, "path_kwargs", None) or {}
    if (
        type(handler).__name__ != "LabHandler"
        or not isinstance(user, CodeCallUser)
        or user.is_owner
        or kwargs.get("workspace")
        or kwargs.get("mode") not in ("lab", "doc")
    ):
        return
    query = f"?{handler.request.query}" if handler.request.query else ""
    tree = kwargs.get("tree") or ""
    handler.redirect(
        f"{handler.base_url}{kwargs['mode']}/workspaces/{member_workspace(user)}{tree}{query}"
    )


def guard_rules(rules: Iterable[Rule]) -> None:
    for rule in rules:
        if isinstance(rule.target, RuleRouter):
            guard_rules(rule.target.rules)
        elif needs_guard(rule.target):
            rule.target = guarded(rule.target)


def install(web_app: web.Application) -> None:
    """Guard what is routed now and whatever extensions add later."""
    guard_rules(web_app.default_router.rules)
    original: Callable[..., None] = web_app.add_handlers

    def add_handlers(host_pattern: str, host_handlers: list[Any]) -> None:
        original(host_pattern, host_handlers)
        guard_rules(web_app.default_router.rules)

    web_app.add_handlers = add_handlers  # type: ignore[method-assign,assignment]
