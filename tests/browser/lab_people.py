"""What the two-person browser stories share: a person with their own browser profile,
what their page saw go wrong, and waits on JupyterLab and CodeCall's panels."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

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
