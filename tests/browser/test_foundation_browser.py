"""The foundation, end to end in a real browser: invite, register, JupyterLab as a member,
the CodeCall sidebar, what a member may not reach, log out and log in again.

The tests run in order and share one browser profile (Ann's); each saves a screenshot
into docs/screenshots/.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.browser

DISPLAY_NAME = "Ann Lee"
USERNAME = "ann"
EMAIL = "ann.lee@example.org"
PASSWORD = "correct-horse-battery-staple"
INVITE_PATH = "/codecall/register?invite="


@dataclass
class Member:
    """Ann's browser profile, shared by the tests of this module in order."""

    context: Any
    page: Any
    server: Any
    failed_responses: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    in_lab: bool = False

    def __repr__(self) -> str:
        return f"Member({USERNAME!r} on {self.server.base})"

    def url(self, path: str) -> str:
        return self.server.base + path.lstrip("/")

    def diagnostics(self) -> str:
        cookies = ", ".join(sorted(c["name"] for c in self.context.cookies())) or "(none)"
        return (
            f"Cookies now: {cookies}\n"
            "HTTP errors seen by the page:\n  "
            + ("\n  ".join(self.failed_responses) or "(none)")
            + "\nConsole errors:\n  "
            + ("\n  ".join(self.console_errors) or "(none)")
        )

    def require_lab(self) -> None:
        if not self.in_lab:
            pytest.skip("Ann never reached JupyterLab (see the first failing test)")


@pytest.fixture(scope="module")
def member(new_context: Any, lab_server: Any) -> Iterator[Member]:
    context = new_context()
    page = context.new_page()
    ann = Member(context=context, page=page, server=lab_server)
    page.on(
        "response",
        lambda r: (
            ann.failed_responses.append(f"{r.status} {r.request.method} {r.url}")
            if r.status >= 400
            else None
        ),
    )
    page.on("console", lambda m: ann.console_errors.append(m.text) if m.type == "error" else None)
    yield ann
    print(ann.diagnostics())  # shown by pytest when a test of the module fails


def wait_for_lab(page: Any) -> None:
    """JupyterLab has started: the shell is visible, the splash gone, CodeCall's tab there."""
    page.wait_for_url(re.compile(r"/lab(/|\?|#|$)"))
    page.locator("#jp-main-dock-panel").wait_for(state="visible")
    page.locator("#jupyterlab-splash").wait_for(state="detached")
    codecall_tab(page).wait_for(state="visible")
    # Let the start-up requests finish (kernel specs, sessions, settings...): an error
    # dialog they cause is on screen by then. JupyterLab's websockets do not count.
    page.wait_for_load_state("networkidle")


def codecall_tab(page: Any) -> Any:
    return page.locator('.jp-SideBar.jp-mod-left [data-id="codecall-sidebar"]')


def open_left_panel(page: Any, panel_id: str) -> Any:
    """Open a left side panel by its tab (a click on an open panel's tab would close it)."""
    panel = page.locator(f"#{panel_id}")
    if not panel.is_visible():
        page.locator(f'.jp-SideBar.jp-mod-left [data-id="{panel_id}"]').click()
    panel.wait_for(state="visible")
    return panel


def visible_dialogs(page: Any) -> list[str]:
    dialogs = page.locator(".jp-Dialog")
    return [
        " ".join(dialogs.nth(i).inner_text().split())
        for i in range(dialogs.count())
        if dialogs.nth(i).is_visible()
    ]


def page_config(page: Any) -> dict[str, Any]:
    text = page.locator("#jupyter-config-data").text_content()
    return dict(json.loads(text or "{}"))


def test_owner_invites_and_member_registers(
    member: Member, lab_server: Any, screenshots: Path
) -> None:
    # 1. The owner creates an invite over REST with the Jupyter token.
    status, invite = lab_server.owner_request("POST", "codecall/api/invites", {})
    assert status == 201, invite
    assert INVITE_PATH in invite["url"], invite

    # 2. A fresh browser opens the invite link and registers.
    page = member.page
    response = page.goto(member.url(invite["url"]))
    assert response is not None
    assert response.status == 200, response.status
    form = page.locator("form#register")
    form.wait_for(state="visible")
    page.fill("#display_name", DISPLAY_NAME)
    page.fill("#username", USERNAME)
    page.fill("#email", EMAIL)
    page.fill("#password", PASSWORD)
    page.fill("#password_confirm", PASSWORD)
    page.screenshot(path=str(screenshots / "01-register.png"))

    form.locator("button[type=submit]").click()
    wait_for_lab(page)
    member.in_lab = True
    assert page.url.startswith(member.url("lab")), page.url

    # Still Ann once JupyterLab has started (its own API calls must not change who she is).
    me = page.request.get(member.url("codecall/api/me"))
    assert me.status == 200, me.text()
    account = me.json()
    who = f"after /lab loaded, the browser that registered as ann is {account}\n"
    assert account["username"] == USERNAME, who + member.diagnostics()
    assert account["display_name"] == DISPLAY_NAME, who
    assert account["is_owner"] is False, who

    dialogs = visible_dialogs(page)
    assert not dialogs, (
        f"JupyterLab showed dialog(s) to a member right after start-up: {dialogs}\n"
        + member.diagnostics()
    )


def test_lab_page_does_not_give_members_the_owner_token(member: Member) -> None:
    """JupyterLab writes ServerApp's token into /lab's page config; the frontend then
    sends it as ``Authorization: token ...`` on every request, which makes the browser
    of whoever loaded /lab the server owner."""
    member.require_lab()
    leaked = page_config(member.page).get("token", "") == member.server.token
    assert not leaked, (
        "The /lab page served to member 'ann' embeds the server owner's Jupyter token in "
        "#jupyter-config-data; JupyterLab sends it with every API call, so the member's "
        "Lab acts as the owner."
    )


def test_user_menu_shows_the_member(member: Member, screenshots: Path) -> None:
    member.require_lab()
    page = member.page
    # The user menu is the avatar at the top right (jupyter-collaboration's). It has no
    # entries (Lab renders it aria-disabled, a click opens nothing); the identity behind it
    # is in "User info", atop the Collaboration panel: its avatar opens "User Details".
    avatar = page.locator("#jp-UserMenu .lm-MenuBar-item")
    avatar.wait_for(state="visible")
    initials = avatar.locator(".jp-MenuBar-anonymousIcon, .jp-MenuBar-imageIcon")
    initials.wait_for(state="visible")
    panel = open_left_panel(page, "jp-collaboration-panel")
    user_icon = panel.locator(".jp-UserInfoPanel .jp-UserInfo-Icon")
    user_icon.wait_for(state="visible")
    icon_title = user_icon.get_attribute("title")
    user_icon.click()
    dialog = page.locator(".jp-Dialog").filter(has_text="User Details")
    dialog.wait_for(state="visible")
    display_name = dialog.locator("#jp-UserInfo-Value-display_name")
    display_name.wait_for(state="visible")
    page.screenshot(path=str(screenshots / "02-lab-user-menu.png"))

    shown = " ".join(dialog.inner_text().split())
    details = {
        field: dialog.locator(f"#jp-UserInfo-Value-{field}").input_value()
        for field in ("username", "name", "display_name", "initials")
    }
    page.keyboard.press("Escape")
    dialog.wait_for(state="detached")
    assert "Anonymous" not in shown, shown
    assert details == {
        "username": USERNAME,
        "name": DISPLAY_NAME,
        "display_name": DISPLAY_NAME,
        "initials": "AL",
    }, f"JupyterLab's User Details show {details}"
    assert initials.inner_text().strip() == "AL", (
        f"the user menu avatar shows {initials.inner_text()!r}, not Ann Lee's initials 'AL'"
    )
    assert icon_title == DISPLAY_NAME, icon_title


def test_codecall_sidebar_shows_the_member_and_makes_invites(
    member: Member, screenshots: Path
) -> None:
    member.require_lab()
    page = member.page
    sidebar = open_left_panel(page, "codecall-sidebar")
    card = sidebar.locator(".cc-UserCard")
    card.wait_for(state="visible")
    sidebar.get_by_role("button", name="Create invite link").click()
    link = sidebar.locator(".cc-InviteLink-input")
    link.wait_for(state="visible")
    # The new invite also appears in "Your invites".
    sidebar.locator(".cc-InviteList .cc-InviteItem").first.wait_for(state="visible")
    page.screenshot(path=str(screenshots / "03-codecall-sidebar.png"))

    assert card.locator(".cc-UserCard-displayName").inner_text().strip() == DISPLAY_NAME
    assert card.locator(".cc-UserCard-username").inner_text().strip() == f"@{USERNAME}"
    assert card.locator(".cc-Avatar").inner_text().strip() == "AL"
    assert card.locator(".cc-Badge").count() == 0, "a member must not be badged 'owner'"
    url = link.input_value()
    assert url.startswith(member.server.base), url
    assert INVITE_PATH in url, url


def test_member_may_not_reach_the_owner_apis(member: Member) -> None:
    member.require_lab()
    request = member.page.request
    for path in ("api/terminals", "api/kernels", "api/contents"):
        response = request.get(member.url(path))
        assert response.status == 403, f"GET /{path} as a member: {response.status}"
    me = request.get(member.url("api/me")).json()
    assert me["identity"]["name"] == DISPLAY_NAME, me
    assert me["identity"]["display_name"] == DISPLAY_NAME, me


def test_log_out_and_log_in_again(member: Member, screenshots: Path) -> None:
    member.require_lab()
    page = member.page
    page.goto(member.url("logout"))
    page.wait_for_url(re.compile(r"/login\?"))
    form = page.locator("form#account-login")
    form.wait_for(state="visible")
    assert page.get_by_role("status").inner_text().strip() == "You are logged out."
    assert page.request.get(member.url("api/me")).status in (401, 403)
    page.screenshot(path=str(screenshots / "04-login.png"))

    page.fill("#login", USERNAME)
    page.fill("#password", PASSWORD)
    form.locator("button[type=submit]").click()
    wait_for_lab(page)
    assert page.url.startswith(member.url("lab")), page.url
    sidebar = open_left_panel(page, "codecall-sidebar")
    name = sidebar.locator(".cc-UserCard-displayName")
    name.wait_for(state="visible")
    assert name.inner_text().strip() == DISPLAY_NAME
    dialogs = visible_dialogs(page)
    assert not dialogs, f"JupyterLab showed dialog(s) after logging in again: {dialogs}"
