"""What a member (not the server's owner) may reach: CodeCall, and the documents of
the sessions they are admitted to. Nothing else on the owner's server."""

import json

import pytest
from tornado.httpclient import HTTPClientError, HTTPRequest
from tornado.websocket import websocket_connect

from codecall_jupyter.testing import body_json


@pytest.fixture
def owner_file(jp_root_dir):
    (jp_root_dir / "secret.txt").write_text("the owner's own file")
    return "secret.txt"


@pytest.fixture
def member_in_session(codecall_member, codecall_services, codecall_admit, jp_root_dir):
    """Returns (browser, folder) for a member admitted as candidate to a session."""

    async def make(username="ann", role="candidate", state="admitted"):
        browser = await codecall_member(username)
        account = await codecall_services.accounts.by_username(username)
        folder = await codecall_admit(codecall_services.owner.id, [(account.id, role, state)])
        (jp_root_dir / folder).mkdir(parents=True, exist_ok=True)
        (jp_root_dir / folder / "solution.py").write_text("print('hi')\n")
        return browser, folder

    return make


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("GET", "api/terminals"),
        ("POST", "api/terminals"),
        ("GET", "api/kernels"),
        ("POST", "api/kernels"),
        ("GET", "api/sessions"),
        ("GET", "api/kernelspecs"),
        ("GET", "api/contents"),
        ("GET", "api/contents/secret.txt"),
        ("PUT", "api/contents/mine.txt"),
        ("GET", "files/secret.txt"),
        ("POST", "api/shutdown"),
        ("PUT", "api/config/notebook"),
        ("PUT", "lab/api/settings/@jupyterlab/apputils-extension:themes"),
        ("PUT", "lab/api/workspaces/default"),
        ("POST", "lab/api/extensions"),
        ("POST", "lab/api/plugins"),
        ("POST", "lab/api/build"),
    ],
)
async def test_member_is_refused_the_owners_server(codecall_member, owner_file, method, path):
    ann = await codecall_member("ann")
    body = (
        json.dumps({"type": "file", "format": "text", "content": "x"}) if method != "GET" else None
    )
    response = await ann.fetch(
        path, method, body=body, headers={"Content-Type": "application/json"}
    )
    assert response.code == 403, (path, response.code, response.body[:200])


async def test_member_may_load_jupyterlab(codecall_member):
    ann = await codecall_member("ann")
    assert (await ann.fetch("lab/workspaces/codecall-ann")).code == 200
    assert (await ann.fetch("api/me")).code == 200
    assert (await ann.fetch("api/status")).code == 200
    assert (await ann.fetch("lab/api/settings")).code == 200


async def test_owner_keeps_everything(codecall_owner, owner_file):
    for path in ("api/terminals", "api/kernels", "api/contents", f"api/contents/{owner_file}"):
        assert (await codecall_owner.fetch(path)).code == 200, path
    settings = await codecall_owner.fetch(
        "lab/api/settings/@jupyterlab/apputils-extension:themes",
        "PUT",
        body=json.dumps({"raw": "{}"}),
    )
    assert settings.code == 204


async def test_member_reads_and_writes_its_session_files(member_in_session):
    ann, folder = await member_in_session()
    read = await ann.fetch(f"api/contents/{folder}/solution.py")
    assert read.code == 200
    assert body_json(read)["content"] == "print('hi')\n"
    write = await ann.fetch(
        f"api/contents/{folder}/helper.py",
        "PUT",
        json_body={"type": "file", "format": "text", "content": "x = 1\n"},
    )
    assert write.code in (200, 201)
    assert (await ann.fetch(f"api/contents/{folder}")).code == 200


async def test_member_cannot_escape_its_folder(member_in_session):
    ann, folder = await member_in_session()
    for path in (f"{folder}/../../secret.txt", f"{folder}/..", folder.split("/")[0]):
        assert (await ann.fetch(f"api/contents/{path}")).code in (403, 404), path


async def test_observer_reads_but_cannot_write(member_in_session):
    obs, folder = await member_in_session("olga", role="observer")
    assert (await obs.fetch(f"api/contents/{folder}/solution.py")).code == 200
    write = await obs.fetch(
        f"api/contents/{folder}/solution.py",
        "PUT",
        json_body={"type": "file", "format": "text", "content": "hacked"},
    )
    assert write.code == 403


@pytest.mark.parametrize("state", ["waiting", "rejected", "removed"])
async def test_not_admitted_means_no_files(member_in_session, state):
    ann, folder = await member_in_session(state=state)
    assert (await ann.fetch(f"api/contents/{folder}/solution.py")).code == 403


async def test_other_sessions_stay_closed(
    member_in_session, codecall_admit, codecall_services, jp_root_dir
):
    ann, _ = await member_in_session()
    other = await codecall_admit(codecall_services.owner.id, [])
    (jp_root_dir / other).mkdir(parents=True)
    (jp_root_dir / other / "solution.py").write_text("secret")
    assert (await ann.fetch(f"api/contents/{other}/solution.py")).code == 403


async def collaboration_room(browser, path):
    """Open a jupyter-collaboration document session and return the room id."""
    response = await browser.fetch(
        f"api/collaboration/session/{path}",
        "PUT",
        json_body={"format": "text", "type": "file"},
    )
    if response.code != 200 and response.code != 201:
        return response.code, None
    session = body_json(response)
    return (
        response.code,
        f"{session['format']}:{session['type']}:{session['fileId']}?sessionId={session['sessionId']}",
    )


async def open_room(browser, jp_http_port, jp_base_url, room):
    headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in browser.cookies.items())}
    headers["Origin"] = f"http://127.0.0.1:{jp_http_port}"
    headers.update(browser.headers)
    url = f"ws://127.0.0.1:{jp_http_port}{jp_base_url}api/collaboration/room/{room}"
    return await websocket_connect(HTTPRequest(url, headers=headers))


async def test_collaboration_room_of_own_session_opens(
    member_in_session, jp_http_port, jp_base_url
):
    ann, folder = await member_in_session()
    code, room = await collaboration_room(ann, f"{folder}/solution.py")
    assert code in (200, 201)
    connection = await open_room(ann, jp_http_port, jp_base_url, room)
    message = await connection.read_message()  # the server starts the Yjs sync
    assert message is not None
    connection.close()


async def test_collaboration_room_of_another_session_is_refused(
    member_in_session, codecall_owner, codecall_admit, codecall_services, jp_root_dir,
    jp_http_port, jp_base_url,
):  # fmt: skip
    ann, _ = await member_in_session()
    other = await codecall_admit(codecall_services.owner.id, [])
    (jp_root_dir / other).mkdir(parents=True)
    (jp_root_dir / other / "solution.py").write_text("secret")
    # The document session cannot be started by the member...
    code, _ = await collaboration_room(ann, f"{other}/solution.py")
    assert code == 403
    # ...and the room, opened by the owner, refuses the member's socket.
    code, room = await collaboration_room(codecall_owner, f"{other}/solution.py")
    assert code in (200, 201)
    with pytest.raises(HTTPClientError) as refused:
        await open_room(ann, jp_http_port, jp_base_url, room)
    assert refused.value.code == 403


async def test_lab_page_never_carries_the_server_token(codecall_member, jp_serverapp):
    """JupyterLab puts the server token in its page; a member's browser would reuse it."""
    token = jp_serverapp.identity_provider.token
    ann = await codecall_member("ann")
    page = await ann.fetch("lab/workspaces/codecall-ann")
    assert page.code == 200
    assert token not in page.body.decode()
    me = await ann.api("GET", "me")
    assert body_json(me)["is_owner"] is False


def page_config(page):
    start = page.index('id="jupyter-config-data"')
    raw = page[page.index(">", start) + 1 : page.index("</script>", start)]
    return json.loads(raw)


async def test_members_get_a_jupyterlab_without_refused_tools(codecall_member, codecall_owner):
    ann = await codecall_member("ann")
    member = page_config((await ann.fetch("lab/workspaces/codecall-ann")).body.decode())
    for plugin in ("@jupyterlab/terminal-extension", "@jupyterlab/running-extension"):
        assert plugin in member["disabledExtensions"]
    owner = page_config((await codecall_owner.fetch("lab")).body.decode())
    assert "@jupyterlab/terminal-extension" not in owner["disabledExtensions"]
    # The member's page did not leak into the shared configuration.
    again = page_config((await codecall_owner.fetch("lab")).body.decode())
    assert again["disabledExtensions"] == owner["disabledExtensions"]
    # Both learn where session folders live (the frontend opens sessions' documents there).
    assert member["codecallSessionsDir"] == owner["codecallSessionsDir"] == "codecall-sessions"


async def test_members_keep_their_own_workspace(codecall_member, codecall_owner, jp_base_url):
    ann = await codecall_member("ann")
    landing = await ann.fetch("lab", params={"codecall-join": "abc"})
    assert landing.code == 302
    assert landing.headers["Location"] == (
        f"{jp_base_url}lab/workspaces/codecall-ann?codecall-join=abc"
    )
    layout = {"data": {}, "metadata": {"id": "codecall-ann"}}
    saved = await ann.fetch("lab/api/workspaces/codecall-ann", "PUT", json_body=layout)
    assert saved.code == 204
    assert (await ann.fetch("lab/api/workspaces/codecall-ann")).code == 200
    for method, path in (
        ("PUT", "lab/api/workspaces/default"),
        ("GET", "lab/api/workspaces/default"),
        ("PUT", "lab/api/workspaces/codecall-bob"),
        ("GET", "lab/api/workspaces"),
    ):
        body = layout if method == "PUT" else None
        response = await ann.fetch(path, method, json_body=body)
        assert response.code == 403, (method, path)
    assert (await codecall_owner.fetch("lab")).code == 200  # the owner stays in "default"
