"""What the /lab page tells each browser: never the server token, and to members a
JupyterLab without the tools the authorizer refuses them anyway."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .identity import CodeCallUser, services_of

PageConfigHook = Callable[[Any, dict[str, Any]], dict[str, Any]]

# Plugins whose every action a member would see fail with 403 (terminals, consoles,
# running kernels, extension installs, workspaces, language servers, news).
MEMBER_DISABLED = (
    "@jupyterlab/terminal-extension",
    "@jupyterlab/console-extension",
    "@jupyterlab/running-extension",
    "@jupyterlab/extensionmanager-extension",
    "@jupyterlab/workspaces-extension",
    "@jupyterlab/lsp-extension",
    "@jupyterlab/debugger-extension",
    "@jupyterlab/tooltip-extension:consoles",
    "@jupyterlab/notebook-extension:language-server",
    "@jupyterlab/fileeditor-extension:language-server",
    "@jupyterlab/apputils-extension:announcements",
)


def page_config_hook(
    previous: PageConfigHook | None, *, keep_token: bool = False
) -> PageConfigHook:
    """``keep_token``: under JupyterHub the page's token is the viewer's own (JupyterHub's
    hook, ``previous``, writes it), not the owner's: it stays."""

    def hook(handler: Any, page_config: dict[str, Any]) -> dict[str, Any]:
        if previous is not None:
            page_config = previous(handler, page_config)
        # JupyterLab passes its shared settings dict: change a copy, per request.
        page = dict(page_config)
        # JupyterLab writes the server token into every page; a member's browser would
        # send it back and act as the owner. Cookies authenticate the frontend instead.
        if not keep_token:
            page["token"] = ""
        # Where session folders live, so the frontend can find a session's documents.
        services = services_of(handler)
        if services is not None:
            page["codecallSessionsDir"] = services.access.sessions_dir
        user = handler.current_user
        guest = isinstance(user, CodeCallUser) and not user.is_owner
        if user is not None and not isinstance(user, CodeCallUser) and services is not None:
            # A JupyterHub user this server is shared with (hub/authorizer.py).
            external = services.external
            guest = external.owner_name is not None and not external.is_owner(user.username)
        if guest:
            disabled = list(page.get("disabledExtensions") or [])
            page["disabledExtensions"] = disabled + [
                p for p in MEMBER_DISABLED if p not in disabled
            ]
        return page

    hook.codecall = True  # type: ignore[attr-defined]  # app.py: is ours still in place?
    return hook
