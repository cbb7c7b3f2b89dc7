"""What the two-person browser stories share: a person with their own browser profile,
what their page saw go wrong, and waits on JupyterLab and CodeCall's panels."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

import pytest


@dataclass
class Person:
    username: str
    display_name: str
    email: str
    server: Any
    context: Any = None
    page: Any = None
    failed_responses: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)

    def url(self, path: str) -> str:
        return self.server.base + path.lstrip("/")

    def diagnostics(self) -> str:
        return (
            f"{self.username}: HTTP errors seen by the page:\n  "
            + ("\n  ".join(self.failed_responses) or "(none)")
            + "\nConsole errors:\n  "
            + ("\n  ".join(self.console_errors) or "(none)")
        )


def open_browser(person: Person, new_context: Any) -> None:
    """A fresh profile and page for ``person``, recording failed responses and errors."""
    person.context = new_context()
    person.page = page = person.context.new_page()
    page.on(
        "response",
        lambda r: (
            person.failed_responses.append(f"{r.status} {r.request.method} {r.url}")
            if r.status >= 400
            else None
        ),
    )
    page.on(
        "console",
        lambda m: person.console_errors.append(m.text) if m.type == "error" else None,
    )


def wait_for_lab(page: Any) -> None:
    """JupyterLab has started: the shell is visible, the splash gone, CodeCall's tab there."""
    page.wait_for_url(re.compile(r"/lab(/|\?|#|$)"))
    page.locator("#jp-main-dock-panel").wait_for(state="visible")
    page.locator("#jupyterlab-splash").wait_for(state="detached")
    page.locator('.jp-SideBar.jp-mod-left [data-id="codecall-sidebar"]').wait_for(state="visible")
    page.wait_for_load_state("networkidle")


def open_sidebar(page: Any) -> Any:
    """Open the CodeCall sidebar (a click on an open panel's tab would close it)."""
    panel = page.locator("#codecall-sidebar")
    if not panel.is_visible():
        page.locator('.jp-SideBar.jp-mod-left [data-id="codecall-sidebar"]').click()
    panel.wait_for(state="visible")
    panel.locator(".cc-UserCard").wait_for(state="visible")
    return panel


def session_panel(page: Any, session_id: str) -> Any:
    panel = page.locator(f"#codecall-session-{session_id}")
    panel.wait_for(state="visible")
    return panel


class Steps:
    """A story told by a module's tests in order: a later test skips, saying why, when a
    step it needs failed earlier."""

    def require(self, step: str) -> None:
        if not getattr(self, step):
            pytest.skip(f"an earlier step ({step}) failed: see the first failing test")


PASSWORD = "correct-horse-battery-staple"


def register(person: Person, lab_server: Any) -> None:
    """``person`` registers with an invite link the owner made, and lands in JupyterLab."""
    status, invite = lab_server.owner_request("POST", "codecall/api/invites", {})
    assert status == 201, invite
    page = person.page
    page.goto(person.url(invite["url"]))
    form = page.locator("form#register")
    form.wait_for(state="visible")
    page.fill("#display_name", person.display_name)
    page.fill("#username", person.username)
    page.fill("#email", person.email)
    page.fill("#password", PASSWORD)
    page.fill("#password_confirm", PASSWORD)
    form.locator("button[type=submit]").click()
    wait_for_lab(page)


def create_session(page: Any, title: str, language: str | None = None) -> dict[str, Any]:
    """Create a session with the sidebar's dialog; the server's answer (the session)."""
    open_sidebar(page).get_by_role("button", name="New practice session").click()
    dialog = page.locator(".jp-Dialog").filter(has_text="New practice session")
    dialog.wait_for(state="visible")
    dialog.get_by_label("Title").fill(title)
    if language is not None:
        dialog.get_by_label("Language").select_option(language)
    with page.expect_response(
        lambda r: (
            urlsplit(r.url).path.endswith("/codecall/api/sessions") and r.request.method == "POST"
        )
    ) as created:
        dialog.get_by_role("button", name="Create session").click()
    assert created.value.status == 201, created.value.text()
    return dict(created.value.json())


def join_and_admit(host: Person, guest: Person, session: dict[str, Any], wait_ms: int) -> None:
    """The guest follows the invite link and waits; the host admits them."""
    host_panel = session_panel(host.page, session["id"])
    guest.page.goto(guest.url(session["invite_url"]))
    wait_for_lab(guest.page)
    guest_panel = session_panel(guest.page, session["id"])
    guest_panel.locator('.cc-PlaceNotice[data-place="waiting"]').wait_for()
    waiting_room = host_panel.locator(".cc-WaitingRoom")
    waiting_room.locator(f'.cc-Person[data-username="{guest.username}"]').wait_for(timeout=wait_ms)
    waiting_room.get_by_role("button", name=f"Admit {guest.display_name}").click()
    guest_panel.locator('.cc-PlaceNotice[data-place="admitted"]').wait_for(timeout=wait_ms)


def dismiss_toasts(page: Any) -> None:
    """Close JupyterLab's notification toasts (for clean screenshots). Clicked through the
    DOM in one go: a toast still sliding in is never "stable" to Playwright, and one may
    close itself between finding it and clicking it."""
    for _ in range(5):
        clicked = page.evaluate(
            """() => {
                const buttons = document.querySelectorAll(
                    '.Toastify__toast .jp-toast-dismiss, .Toastify__close-button,'
                    + ' .Toastify__toast [title="Hide notification"]');
                buttons.forEach(button => button.click());
                return buttons.length;
            }"""
        )
        if not clicked:
            return
        page.wait_for_timeout(500)


def api(person: Person, method: str, path: str, body: Any = None) -> tuple[int, Any]:
    """Call a server API from a member's browser profile (cookie + XSRF header)."""
    xsrf = next((c["value"] for c in person.context.cookies() if c["name"] == "_xsrf"), "")
    response = person.page.request.fetch(
        person.url(path),
        method=method,
        headers={"X-XSRFToken": xsrf, "Content-Type": "application/json"},
        data=body,
    )
    text = response.text()
    try:
        return response.status, (response.json() if text else None)
    except ValueError:
        return response.status, text
