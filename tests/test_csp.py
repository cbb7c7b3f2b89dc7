"""The pages CodeCall serves itself (login, registration, and their error pages) carry a
Content-Security-Policy that runs no inline script, and hold none that it would have to.

JupyterLab's own /lab page is Jupyter's and keeps Jupyter's policy (SECURITY.md).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from html.parser import HTMLParser
from typing import Any

import pytest

from codecall_jupyter.testing import Browser, body_json

FIELDS = {
    "display_name": "Ann Lee",
    "username": "ann",
    "email": "ann@example.test",
    "password": "correct horse 1",
    "password_confirm": "correct horse 1",
}
UNSAFE = ("'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'", "'strict-dynamic'", "*", "data:")


def policy_of(response: Any) -> dict[str, list[str]]:
    """The response's Content-Security-Policy as {directive: sources} (exactly one header)."""
    headers = response.headers.get_list("Content-Security-Policy")
    assert len(headers) == 1, f"{response.effective_url}: CSP headers {headers}"
    policy: dict[str, list[str]] = {}
    for part in headers[0].split(";"):
        words = part.split()
        if words:
            policy.setdefault(words[0].lower(), words[1:])
    return policy


def script_sources(policy: dict[str, list[str]]) -> list[str]:
    """What may run as script: script-src, else default-src; no fallback means anything."""
    for directive in ("script-src-elem", "script-src", "default-src"):
        if directive in policy:
            return policy[directive]
    pytest.fail(f"no script-src nor default-src in {policy}: every script may run")


class Scripts(HTMLParser):
    """Inline scripts (with their nonce) and event-handler attributes of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.inline: list[str | None] = []
        self.external: list[str] = []
        self.handlers: list[str] = []
        self.javascript_urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        for name, value in attrs:
            if name.startswith("on"):
                self.handlers.append(f"<{tag} {name}>")
            if (value or "").strip().lower().startswith("javascript:"):
                self.javascript_urls.append(f"<{tag} {name}={value}>")
        if tag == "script":
            if values.get("src"):
                self.external.append(values["src"] or "")
            else:
                self.inline.append(values.get("nonce"))


def assert_no_inline_script(response: Any) -> None:
    policy = policy_of(response)
    sources = script_sources(policy)
    assert not set(sources) & set(UNSAFE), f"script sources {sources} allow injected script"
    page = Scripts()
    page.feed(response.body.decode())
    allowed_nonces = {s[len("'nonce-") : -1] for s in sources if s.startswith("'nonce-")}
    for nonce in page.inline:
        assert nonce in allowed_nonces, f"an inline <script> the policy {sources} does not allow"
    assert page.handlers == [], f"event-handler attributes: {page.handlers}"
    assert page.javascript_urls == [], f"javascript: URLs: {page.javascript_urls}"
    # The frame and form rules that make clickjacking and form hijacking harder.
    assert policy.get("frame-ancestors") in (["'self'"], ["'none'"]), policy
    assert policy.get("base-uri") in (["'none'"], ["'self'"]), policy
    assert policy.get("object-src", policy.get("default-src")) == ["'none'"], policy


async def make_invite(owner: Browser) -> str:
    response = await owner.api("POST", "invites", {})
    assert response.code == 201, response.body
    return str(body_json(response)["token"])


Page = Callable[[Browser, Browser], Awaitable[Any]]


async def login_page(browser: Browser, owner: Browser) -> Any:
    return await browser.fetch("login")


async def owner_login_form(browser: Browser, owner: Browser) -> Any:
    return await browser.fetch("login", params={"form": "owner"})


async def logged_out_page(browser: Browser, owner: Browser) -> Any:
    return await browser.fetch("login", params={"loggedout": "1"})


async def wrong_password(browser: Browser, owner: Browser) -> Any:
    response = await browser.login("nobody", "not the password")
    assert response.code in (401, 403), response.code
    return response


async def wrong_owner_token(browser: Browser, owner: Browser) -> Any:
    await browser.prime_xsrf()
    response = await browser.fetch(
        "login", "POST", form={"form": "owner", "password": "not-the-token"}
    )
    assert response.code >= 400, response.code
    return response


async def login_without_xsrf(browser: Browser, owner: Browser) -> Any:
    """Refused by tornado before our handler runs: Jupyter's error page, our policy."""
    response = await browser.fetch(
        "login",
        "POST",
        body="form=account&login=ann&password=x",
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )
    assert response.code == 403, response.code
    page = response.body.decode()
    assert 'class="cc-card"' in page  # our error page, not Jupyter's
    assert "403 Forbidden" in page
    return response


async def register_without_invite(browser: Browser, owner: Browser) -> Any:
    response = await browser.fetch("codecall/register")
    assert response.code == 403, response.code
    return response


async def register_with_invite(browser: Browser, owner: Browser) -> Any:
    token = await make_invite(owner)
    response = await browser.fetch("codecall/register", params={"invite": token})
    assert response.code == 200, response.code
    return response


async def register_with_an_error(browser: Browser, owner: Browser) -> Any:
    token = await make_invite(owner)
    fields = {**FIELDS, "password_confirm": "something else", "display_name": "<script>x</script>"}
    response = await browser.register(token, **fields)
    assert response.code in (400, 422), response.code
    body = response.body.decode()
    # What the person typed comes back escaped, as text.
    assert "<script>x</script>" not in body
    return response


async def register_without_xsrf(browser: Browser, owner: Browser) -> Any:
    response = await browser.fetch(
        "codecall/register",
        "POST",
        body="username=ann",
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )
    assert response.code == 403, response.code
    return response


async def register_wrong_method(browser: Browser, owner: Browser) -> Any:
    response = await browser.fetch("codecall/register", "PUT", body=b"")
    assert response.code in (403, 405), response.code
    return response


PAGES: list[Page] = [
    login_page,
    owner_login_form,
    logged_out_page,
    wrong_password,
    wrong_owner_token,
    login_without_xsrf,
    register_without_invite,
    register_with_invite,
    register_with_an_error,
    register_without_xsrf,
    register_wrong_method,
]


@pytest.mark.sqlite_only
@pytest.mark.parametrize("page", PAGES, ids=[p.__name__ for p in PAGES])
async def test_our_pages_run_no_inline_script(
    page: Page, codecall_browser: Callable[[], Browser], codecall_owner: Browser
) -> None:
    response = await page(codecall_browser(), codecall_owner)
    assert response.headers["Content-Type"].startswith("text/html"), response.headers
    assert_no_inline_script(response)


@pytest.mark.sqlite_only
async def test_logout_redirect_carries_the_policy_too(
    codecall_member: Callable[..., Awaitable[Browser]],
) -> None:
    ann = await codecall_member("ann")
    response = await ann.fetch("logout")
    assert response.code == 302, response.code
    sources = script_sources(policy_of(response))
    assert not set(sources) & set(UNSAFE), sources


@pytest.mark.sqlite_only
async def test_the_pages_stylesheet_is_not_sniffed(codecall_browser: Callable[[], Browser]) -> None:
    response = await codecall_browser().fetch("static/codecall/pages.css")
    assert response.code == 200, response.code
    assert response.headers["Content-Type"].startswith("text/css"), response.headers
    assert response.headers["X-Content-Type-Options"] == "nosniff"
