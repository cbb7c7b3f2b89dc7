"""Every handler CodeCall registers is authenticated (the extension template's check_auth),
and authorized: no method answers a request that skipped either step."""

import warnings

import pytest
from jupyter_server.serverapp import ServerWebApplication
from jupyter_server.utils import JupyterServerAuthWarning

from codecall_jupyter.app import CodeCallApp
from codecall_jupyter.auth.pages import LoginHandler, LogoutHandler, RegisterHandler
from codecall_jupyter.handlers.routes import api_handlers

pytestmark = pytest.mark.sqlite_only

PUBLIC = {LoginHandler, LogoutHandler, RegisterHandler}  # the pages a stranger must reach


def our_handlers():
    return [
        *api_handlers(),
        ("/codecall/register", RegisterHandler),
        ("/login", LoginHandler),
        ("/logout", LogoutHandler),
    ]


@pytest.mark.parametrize(("pattern", "handler"), our_handlers())
def test_handler_methods_are_authenticated(pattern, handler):
    missing = ServerWebApplication._check_handler_auth(None, pattern, handler)
    assert missing == [], missing


@pytest.mark.parametrize(("pattern", "handler"), api_handlers())
def test_api_methods_are_authorized(pattern, handler):
    for name in ("get", "post", "put", "patch", "delete"):
        method = getattr(handler, name)
        if method.__qualname__.startswith("RequestHandler") or getattr(
            handler, "openapi_exclude", False
        ):
            continue
        # @web.authenticated wraps @authorized: the inner function is the authorizing one.
        inner = method.__wrapped__
        assert inner.__code__.co_qualname.startswith("authorized"), f"{handler.__name__}.{name}"
        assert handler.auth_resource == "codecall"


def test_public_pages_are_only_the_three():
    for _, handler in our_handlers():
        public = any(
            getattr(getattr(handler, m), "__allow_unauthenticated", False) for m in ("get", "post")
        )
        assert public == (handler in PUBLIC), handler


def test_server_start_raises_no_auth_warning_for_codecall(
    codecall_backend, jp_configurable_serverapp, codecall_server_config
):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        app = jp_configurable_serverapp(config=codecall_server_config)
    assert app.web_app.settings["allow_unauthenticated_access"] is False
    ours = [
        str(w.message)
        for w in caught
        if issubclass(w.category, JupyterServerAuthWarning) and "codecall" in str(w.message).lower()
    ]
    assert ours == []
    assert isinstance(app.web_app.settings["codecall"], CodeCallApp)
