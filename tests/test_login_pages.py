"""Logging in and out: CodeCall accounts, the owner's Jupyter token, throttling, redirects."""

import json

import pytest

from codecall_jupyter.testing import body_json

PASSWORD = "correct horse 1"


def cookie_header(response, name_prefix):
    return next(h for h in response.headers.get_list("Set-Cookie") if h.startswith(name_prefix))


async def test_login_page_is_served_with_a_strict_csp(codecall_browser):
    response = await codecall_browser().fetch("login")
    assert response.code == 200
    page = response.body.decode()
    assert 'id="account-login"' in page
    assert 'id="owner-login"' in page
    assert "script-src" not in response.headers["Content-Security-Policy"]
    assert "default-src 'none'" in response.headers["Content-Security-Policy"]


async def test_member_logs_in_and_gets_a_safe_cookie(
    codecall_member, codecall_browser, jp_base_url
):
    await codecall_member("ann")
    browser = codecall_browser()
    response = await browser.login("ann", PASSWORD)
    assert response.code == 302
    assert response.headers["Location"] == f"{jp_base_url}lab"
    cookie = cookie_header(response, "codecall-login-").lower()
    assert "httponly" in cookie
    assert "samesite=lax" in cookie
    assert f"path={jp_base_url}".lower() in cookie
    assert "secure" not in cookie  # plain HTTP here; Secure under HTTPS
    me = body_json(await browser.api("GET", "me"))
    assert me["username"] == "ann"
    assert me["is_owner"] is False


async def test_login_by_email_is_case_insensitive(codecall_member, codecall_browser):
    await codecall_member("ann", email="Ann@Example.TEST")
    response = await codecall_browser().login("ANN@example.test", PASSWORD)
    assert response.code == 302


async def test_wrong_password_is_refused_and_shown(codecall_member, codecall_browser):
    await codecall_member("ann")
    browser = codecall_browser()
    response = await browser.login("ann", "wrong password")
    assert response.code == 401
    assert "Wrong username or password." in response.body.decode()
    assert not any(k.startswith("codecall-login-") for k in browser.cookies)
    assert (await browser.api("GET", "me")).code == 403


async def test_unknown_user_gets_the_same_answer(codecall_browser):
    response = await codecall_browser().login("nobody", "whatever1")
    assert response.code == 401
    assert "Wrong username or password." in response.body.decode()


@pytest.fixture
def codecall_config():
    return {"login_rate_limit_account": "3/15minutes", "login_rate_limit_address": "5/15minutes"}


async def test_failed_logins_are_throttled_per_account(codecall_member, codecall_browser):
    await codecall_member("ann")
    browser = codecall_browser()
    for _ in range(3):
        assert (await browser.login("ann", "wrong password")).code == 401
    response = await browser.login("ann", PASSWORD)  # even the right password waits now
    assert response.code == 429
    assert int(response.headers["Retry-After"]) > 0
    assert "Too many attempts" in response.body.decode()


async def test_failed_logins_are_throttled_per_address(codecall_member, codecall_browser):
    await codecall_member("bob")
    browser = codecall_browser()
    for name in ("u1", "u2", "u3", "u4", "u5"):
        assert (await browser.login(name, "wrong password")).code == 401
    response = await browser.login("bob", PASSWORD)
    assert response.code == 429
    assert "Retry-After" in response.headers


@pytest.mark.parametrize(
    "next_url",
    ["https://evil.example/x", "//evil.example/x", "/\\evil.example", "javascript:alert(1)"],
)
async def test_login_next_accepts_only_local_paths(
    codecall_member, codecall_browser, jp_base_url, next_url
):
    await codecall_member("ann")
    browser = codecall_browser()
    await browser.prime_xsrf()
    response = await browser.fetch(
        "login",
        "POST",
        form={"form": "account", "login": "ann", "password": PASSWORD},
        params={"next": next_url},
    )
    assert response.code == 302
    location = response.headers["Location"]
    assert location.startswith(jp_base_url)
    assert "evil.example" not in location.split("?")[0].lstrip("/").split("/")[0]
    assert not location.startswith("//")


async def test_login_next_keeps_a_local_path(codecall_member, codecall_browser, jp_base_url):
    await codecall_member("ann")
    browser = codecall_browser()
    await browser.prime_xsrf()
    target = f"{jp_base_url}lab/tree/x"
    response = await browser.fetch(
        "login",
        "POST",
        form={"form": "account", "login": "ann", "password": PASSWORD},
        params={"next": target},
    )
    assert response.headers["Location"] == target


async def test_login_form_without_xsrf_is_refused(codecall_member, codecall_browser):
    await codecall_member("ann")
    browser = codecall_browser()
    response = await browser.fetch(
        "login",
        "POST",
        body="form=account&login=ann&password=correct+horse+1",
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )
    assert response.code == 403
    assert not any(k.startswith("codecall-login-") for k in browser.cookies)


async def test_logout_ends_the_login_for_good(codecall_member, codecall_browser, jp_base_url):
    ann = await codecall_member("ann")
    token_cookie = {k: v for k, v in ann.cookies.items() if k.startswith("codecall-login-")}
    response = await ann.fetch("logout")
    assert response.code == 302
    assert response.headers["Location"] == f"{jp_base_url}login?loggedout=1"
    assert (await ann.api("GET", "me")).code == 403
    # Replaying the old cookie does not work either: the login is gone on the server.
    replay = codecall_browser()
    replay.cookies.update(token_cookie)
    assert (await replay.api("GET", "me")).code == 403
    page = await ann.fetch("login", params={"loggedout": "1"})
    assert "You are logged out." in page.body.decode()


async def test_owner_logs_in_with_the_jupyter_token(jp_serverapp, codecall_browser):
    browser = codecall_browser()
    await browser.prime_xsrf()
    response = await browser.fetch(
        "login", "POST", form={"form": "owner", "password": jp_serverapp.identity_provider.token}
    )
    assert response.code == 302
    me = body_json(await browser.api("GET", "me"))
    assert me["is_owner"] is True
    assert me["username"] == "owner"


async def test_owner_form_with_a_wrong_token_shows_an_error(codecall_browser):
    browser = codecall_browser()
    await browser.prime_xsrf()
    response = await browser.fetch("login", "POST", form={"form": "owner", "password": "nope"})
    assert response.code == 401
    page = response.body.decode()
    assert "Invalid credentials" in page
    assert '<details class="cc-owner" open' in page


async def test_jupyter_identity_carries_the_display_name(codecall_member):
    ann = await codecall_member("ann", display_name="Ann Lee")
    identity = body_json(await ann.fetch("api/me"))["identity"]
    assert identity["name"] == "Ann Lee"
    assert identity["display_name"] == "Ann Lee"
    assert identity["initials"] == "AL"
    assert identity["color"].startswith("#")
    assert "Anonymous" not in json.dumps(identity)


async def test_owner_identity_is_named_too(codecall_owner):
    identity = body_json(await codecall_owner.fetch("api/me"))["identity"]
    assert identity["username"] == "owner"
    assert identity["name"] == "owner"


async def test_disabled_account_is_logged_out(codecall_member, codecall_services):
    ann = await codecall_member("ann")
    await codecall_services.accounts.set_disabled("ann", True)
    assert (await ann.api("GET", "me")).code == 403
    assert (await ann.login("ann", PASSWORD)).code == 401
