"""Under another identity provider (JupyterHub's), its user is the CodeCall user:
an account appears on first sight, with no second login.

The real JupyterHub walk-through belongs to the JupyterHub tests; here a small identity
provider stands in for JupyterHub's, which names the user from the hub's cookie.
"""

import pytest
from jupyter_server.auth.identity import IdentityProvider, User

from codecall_jupyter.testing import body_json


class HeaderIdentityProvider(IdentityProvider):
    """Trusts an `X-Hub-User` header, as JupyterHub's provider trusts the hub's cookie."""

    def get_user(self, handler):
        name = handler.request.headers.get("X-Hub-User")
        return (
            User(username=name, name=name.split("@")[0].replace(".", " ").title()) if name else None
        )


@pytest.fixture
def jp_server_config(codecall_server_config, monkeypatch):
    monkeypatch.setenv("JUPYTERHUB_API_TOKEN", "stand-in")  # CodeCall keeps the hub's auth
    monkeypatch.setenv("JUPYTERHUB_USER", "Ann.Lee@corp.org")
    codecall_server_config.ServerApp.identity_provider_class = HeaderIdentityProvider
    return codecall_server_config


async def test_hub_users_get_accounts_without_a_second_login(codecall_browser, codecall_services):
    ann = codecall_browser()
    ann.headers["X-Hub-User"] = "Ann.Lee@corp.org"
    me = body_json(await ann.api("GET", "me"))
    assert me["username"] == "ann.lee-corp.org"
    assert me["display_name"] == "Ann Lee"
    assert me["is_owner"] is True  # $JUPYTERHUB_USER: this is Ann's server

    bob = codecall_browser()
    bob.headers["X-Hub-User"] = "jo"
    bob_me = body_json(await bob.api("GET", "me"))
    assert bob_me["username"] == "jo-user"  # padded to the 3-character minimum
    assert bob_me["is_owner"] is False
    assert body_json(await bob.api("GET", "me"))["id"] == bob_me["id"]

    stranger = codecall_browser()
    assert (await stranger.api("GET", "me")).code == 403
    account = await codecall_services.accounts.by_username("ann.lee-corp.org")
    assert account.kind == "hub"


async def test_a_clashing_name_gets_its_own_username(codecall_browser, codecall_services):
    await codecall_services.accounts.create_local(
        username="carol", email=None, display_name="Carol", password="correct horse 1"
    )
    carol = codecall_browser()
    carol.headers["X-Hub-User"] = "carol"
    me = body_json(await carol.api("GET", "me"))
    assert me["username"] == "carol-2"
