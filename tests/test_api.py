"""The REST API's contract: the error envelope, validation, limits and the account routes."""

import json

import pytest

from codecall_jupyter.testing import body_json


def error_of(response):
    body = body_json(response)
    assert set(body) == {"error"}, body
    assert {"code", "message"} <= set(body["error"])
    assert response.headers["Content-Type"].startswith("application/json")
    return body["error"]


async def test_unknown_route_is_404_in_the_envelope(codecall_owner):
    for method in ("GET", "POST", "DELETE"):
        response = await codecall_owner.api(method, "no/such/thing")
        assert response.code == 404
        assert error_of(response)["code"] == "not_found"


async def test_wrong_method_is_405_in_the_envelope(codecall_owner):
    response = await codecall_owner.api("PUT", "me", {})
    assert response.code == 405
    assert error_of(response)["code"] == "method_not_allowed"


async def test_unauthenticated_requests_are_refused(codecall_browser):
    browser = codecall_browser()
    for method, path in (("GET", "me"), ("GET", "invites"), ("GET", "nope"), ("GET", "config")):
        response = await browser.api(method, path)
        assert response.code == 403, path
        assert error_of(response)["code"] == "not_authenticated"


@pytest.mark.parametrize(
    ("body", "status", "code"),
    [
        (b"{not json", 400, "invalid_json"),
        (b"\xff\xfe\x00garbage", 400, "invalid_json"),
        (b"[1, 2]", 422, "invalid_request"),
        (b'"text"', 422, "invalid_request"),
        (b'{"display_name": "A", "admin": true}', 422, "invalid_request"),
        (b'{"display_name": 42}', 422, "invalid_request"),
        (b'{"display_name": "A\\u0000B"}', 422, "invalid_request"),
        (b'{"display_name": ""}', 422, "invalid_request"),
        (b'{"display_name": "' + b"x" * 81 + b'"}', 422, "invalid_request"),
        (b"[" * 100_000 + b"]" * 100_000, 400, "invalid_json"),
    ],
)
async def test_bad_bodies_are_refused_and_change_nothing(codecall_member, body, status, code):
    ann = await codecall_member("ann", display_name="Ann Lee")
    response = await ann.fetch(
        "codecall/api/me", "PATCH", body=body, headers={"Content-Type": "application/json"}
    )
    assert response.code == status, response.body
    assert error_of(response)["code"] == code
    assert body_json(await ann.api("GET", "me"))["display_name"] == "Ann Lee"


async def test_validation_errors_name_the_field(codecall_owner):
    response = await codecall_owner.api("POST", "invites", {"max_uses": "3"})
    error = error_of(response)
    assert response.code == 422
    assert error["message"].startswith("max_uses:")
    assert error["details"]["problems"][0]["field"] == "max_uses"


@pytest.fixture
def codecall_config(request):
    return getattr(request, "param", {})


@pytest.mark.parametrize("codecall_config", [{"max_body_bytes": 1000}], indirect=True)
async def test_oversize_body_is_413(codecall_member):
    ann = await codecall_member("ann")
    response = await ann.fetch(
        "codecall/api/me",
        "PATCH",
        body=json.dumps({"display_name": "x" * 2000}),
        headers={"Content-Type": "application/json"},
    )
    assert response.code == 413
    assert error_of(response)["code"] == "payload_too_large"


@pytest.mark.parametrize("codecall_config", [{"api_rate_limit_user": "5/minute"}], indirect=True)
async def test_rest_calls_are_rate_limited_per_user(codecall_member):
    ann = await codecall_member("ann")
    bob = await codecall_member("bob")
    codes = [(await ann.api("GET", "me")).code for _ in range(5)]
    assert codes == [200] * 5
    limited = await ann.api("GET", "me")
    assert limited.code == 429
    assert error_of(limited)["code"] == "rate_limited"
    assert int(limited.headers["Retry-After"]) >= 1
    assert (await bob.api("GET", "me")).code == 200  # other users are unaffected


@pytest.mark.parametrize("codecall_config", [{"api_rate_limit_address": "4/minute"}], indirect=True)
async def test_rest_calls_are_rate_limited_per_address(codecall_browser):
    browser = codecall_browser()
    codes = [(await browser.api("GET", "me")).code for _ in range(5)]
    assert codes[:4] == [403] * 4  # anonymous, but still counted
    assert codes[4] == 429


async def test_me_returns_the_account(codecall_member):
    ann = await codecall_member("ann", display_name="Ann Lee", email="ann@example.test")
    me = body_json(await ann.api("GET", "me"))
    assert me["username"] == "ann"
    assert me["email"] == "ann@example.test"
    assert me["initials"] == "AL"
    assert me["disabled"] is False


async def test_profile_change_reaches_jupyter_identity(codecall_member):
    ann = await codecall_member("ann", display_name="Ann Lee")
    response = await ann.api("PATCH", "me", {"display_name": "Ann  Marie   Lee"})
    assert response.code == 200
    assert body_json(response)["display_name"] == "Ann Marie Lee"
    identity = body_json(await ann.fetch("api/me"))["identity"]
    assert identity["name"] == "Ann Marie Lee"


async def test_email_change_and_conflict(codecall_member):
    ann = await codecall_member("ann")
    await codecall_member("bob", email="bob@example.test")
    taken = await ann.api("PATCH", "me", {"email": "BOB@example.test"})
    assert taken.code == 409
    assert error_of(taken)["code"] == "email_taken"
    assert (await ann.api("PATCH", "me", {"email": "bad"})).code == 422
    cleared = await ann.api("PATCH", "me", {"email": ""})
    assert body_json(cleared)["email"] is None


async def test_password_change(codecall_member, codecall_browser):
    ann = await codecall_member("ann")
    other_browser = codecall_browser()
    assert (await other_browser.login("ann", "correct horse 1")).code == 302
    wrong = await ann.api(
        "POST", "me/password", {"current_password": "nope", "new_password": "new password 2"}
    )
    assert wrong.code == 403
    assert error_of(wrong)["code"] == "wrong_password"
    short = await ann.api(
        "POST", "me/password", {"current_password": "correct horse 1", "new_password": "short"}
    )
    assert short.code == 422
    ok = await ann.api(
        "POST",
        "me/password",
        {"current_password": "correct horse 1", "new_password": "new password 2"},
    )
    assert ok.code == 204
    assert (await ann.api("GET", "me")).code == 200  # this browser stays logged in
    assert (await other_browser.api("GET", "me")).code == 403  # the others are logged out
    assert (await codecall_browser().login("ann", "correct horse 1")).code == 401
    assert (await codecall_browser().login("ann", "new password 2")).code == 302


async def test_owner_has_no_codecall_password(codecall_owner):
    response = await codecall_owner.api(
        "POST", "me/password", {"current_password": "x", "new_password": "long enough 1"}
    )
    assert response.code == 409
    assert error_of(response)["code"] == "owner_password"


async def test_invites_lifecycle(codecall_member, codecall_owner):
    ann = await codecall_member("ann")
    created = await ann.api("POST", "invites", {"max_uses": 3, "expires_in_hours": 2})
    assert created.code == 201
    invite = body_json(created)
    assert invite["max_uses"] == 3
    assert invite["uses"] == 0
    assert invite["token"] in invite["url"]
    listed = body_json(await ann.api("GET", "invites"))["invites"]
    assert [i["id"] for i in listed] == [invite["id"]]
    assert "token" not in listed[0]
    assert "url" not in listed[0]
    # Another user cannot see or revoke it: it does not exist for them.
    assert body_json(await codecall_owner.api("GET", "invites"))["invites"] == []
    assert (await codecall_owner.api("DELETE", f"invites/{invite['id']}")).code == 404
    assert (await ann.api("DELETE", "invites/abc")).code == 404
    assert (await ann.api("DELETE", f"invites/{invite['id']}")).code == 204
    assert body_json(await ann.api("GET", "invites"))["invites"][0]["revoked"] is True


@pytest.mark.parametrize(
    "spec", [{"max_uses": 0}, {"max_uses": 101}, {"expires_in_hours": 0}, {"expires_in_hours": 721}]
)
async def test_invite_limits(codecall_owner, spec):
    assert (await codecall_owner.api("POST", "invites", spec)).code == 422


async def test_config_describes_the_server(codecall_member):
    ann = await codecall_member("ann")
    config = body_json(await ann.api("GET", "config"))
    assert config["registration"] == "invite"
    assert config["hub"] is False
    assert config["version"]


async def test_unicode_digits_in_ids_are_not_ids(codecall_owner):
    response = await codecall_owner.api("DELETE", "invites/\u00b2")
    assert response.code == 404
    assert error_of(response)["code"] == "not_found"
