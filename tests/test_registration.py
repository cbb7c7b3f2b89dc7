"""Registration: invite links, open and closed modes, and every refusal."""

import pytest

from codecall_jupyter.testing import body_json

FIELDS = {
    "display_name": "Ann Lee",
    "username": "ann",
    "email": "ann@example.test",
    "password": "correct horse 1",
    "password_confirm": "correct horse 1",
}


async def make_invite(owner, **spec):
    response = await owner.api("POST", "invites", spec or {})
    assert response.code == 201, response.body
    return body_json(response)


async def test_register_with_an_invite_logs_in(codecall_owner, codecall_browser, jp_base_url):
    invite = await make_invite(codecall_owner)
    assert invite["url"] == f"{jp_base_url}codecall/register?invite={invite['token']}"
    browser = codecall_browser()
    page = await browser.fetch("codecall/register", params={"invite": invite["token"]})
    assert page.code == 200
    assert 'id="register"' in page.body.decode()
    response = await browser.register(invite["token"], **FIELDS)
    assert response.code == 302, response.body
    assert response.headers["Location"] == f"{jp_base_url}lab"
    me = body_json(await browser.api("GET", "me"))
    assert me["username"] == "ann"
    assert me["display_name"] == "Ann Lee"
    listed = body_json(await codecall_owner.api("GET", "invites"))["invites"]
    assert listed[0]["uses"] == 1


async def test_invite_mode_refuses_without_a_link(codecall_browser):
    browser = codecall_browser()
    page = await browser.fetch("codecall/register")
    assert page.code == 403
    assert "invite link" in page.body.decode()
    response = await browser.register(None, **FIELDS)
    assert response.code == 403
    assert (await browser.api("GET", "me")).code == 403


async def test_a_used_up_invite_is_refused(codecall_owner, codecall_browser, codecall_services):
    invite = await make_invite(codecall_owner, max_uses=1)
    assert (await codecall_browser().register(invite["token"], **FIELDS)).code == 302
    second = {**FIELDS, "username": "bob", "email": "bob@example.test"}
    response = await codecall_browser().register(invite["token"], **second)
    assert response.code == 403
    assert await codecall_services.accounts.by_username("bob") is None


async def test_a_revoked_invite_is_refused(codecall_owner, codecall_browser):
    invite = await make_invite(codecall_owner)
    assert (await codecall_owner.api("DELETE", f"invites/{invite['id']}")).code == 204
    assert (await codecall_browser().register(invite["token"], **FIELDS)).code == 403


async def test_a_forged_invite_is_refused(codecall_browser):
    assert (await codecall_browser().register("not-a-real-token", **FIELDS)).code == 403


@pytest.mark.parametrize(
    ("change", "status", "message"),
    [
        ({"password": "short", "password_confirm": "short"}, 422, "at least 8 characters"),
        ({"password_confirm": "different pw 1"}, 422, "two passwords differ"),
        ({"username": "a"}, 422, "3 to 32 characters"),
        ({"username": "bad name!"}, 422, "3 to 32 characters"),
        ({"email": "not-an-email"}, 422, "not a valid email"),
        ({"display_name": "   "}, 422, "1 to 80 characters"),
        ({"username": "owner"}, 409, "username is taken"),
    ],
)
async def test_registration_refusals_keep_the_form(
    codecall_owner, codecall_browser, codecall_services, change, status, message
):
    invite = await make_invite(codecall_owner)
    response = await codecall_browser().register(invite["token"], **{**FIELDS, **change})
    assert response.code == status
    page = response.body.decode()
    assert message in page
    assert 'value="Ann Lee"' in page or change.get("display_name")  # entered values stay
    assert await codecall_services.accounts.by_username("ann") is None
    # The invite was not spent by the refused attempt.
    assert body_json(await codecall_owner.api("GET", "invites"))["invites"][0]["uses"] == 0


async def test_duplicate_username_and_email(codecall_owner, codecall_browser, codecall_member):
    await codecall_member("ann", email="ann@example.test")
    invite = await make_invite(codecall_owner, max_uses=2)
    taken_name = await codecall_browser().register(invite["token"], **FIELDS)
    assert taken_name.code == 409
    assert "username is taken" in taken_name.body.decode()
    taken_mail = await codecall_browser().register(
        invite["token"], **{**FIELDS, "username": "ann2"}
    )
    assert taken_mail.code == 409
    assert "email is already registered" in taken_mail.body.decode()


async def test_user_text_is_escaped_in_the_form(codecall_owner, codecall_browser):
    invite = await make_invite(codecall_owner)
    evil = '"><script>alert(1)</script>'
    response = await codecall_browser().register(
        invite["token"], **{**FIELDS, "display_name": evil, "password_confirm": "nope nope 1"}
    )
    page = response.body.decode()
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;" in page


@pytest.fixture
def codecall_config(request):
    return getattr(request, "param", {})


@pytest.mark.parametrize("codecall_config", [{"registration": "open"}], indirect=True)
async def test_open_registration_needs_no_invite(codecall_browser):
    browser = codecall_browser()
    assert (await browser.fetch("codecall/register")).code == 200
    assert (await browser.register(None, **FIELDS)).code == 302
    assert body_json(await browser.api("GET", "me"))["username"] == "ann"


@pytest.mark.parametrize("codecall_config", [{"registration": "closed"}], indirect=True)
async def test_closed_registration_refuses_everything(codecall_browser, codecall_owner):
    browser = codecall_browser()
    assert (await browser.fetch("codecall/register")).code == 403
    assert (await browser.register(None, **FIELDS)).code == 403
    response = await codecall_owner.api("POST", "invites", {})
    assert response.code == 403
    assert body_json(response)["error"]["code"] == "registration_closed"
    login_page = (await browser.fetch("login")).body.decode()
    assert "codecall/register" not in login_page


@pytest.mark.parametrize(
    "codecall_config",
    [{"registration": "open", "register_rate_limit_address": "2/hour"}],
    indirect=True,
)
async def test_registrations_are_throttled_per_address(codecall_browser):
    for i in range(2):
        fields = {**FIELDS, "username": f"user{i}", "email": f"u{i}@example.test"}
        assert (await codecall_browser().register(None, **fields)).code == 302
    response = await codecall_browser().register(None, **FIELDS)
    assert response.code == 429
    assert "Retry-After" in response.headers
