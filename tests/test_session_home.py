"""Under JupyterHub a session's files live on its host's server: participants who look
at it from their own server are told where to go (``home_url``)."""

from sqlalchemy import update

from codecall_jupyter.store.models import PracticeSession
from codecall_jupyter.testing import body_json, create_session, join_session


async def set_prefix(services, session_id: str, prefix: str | None) -> None:
    async with services.sessions.db.session() as s, s.begin():
        await s.execute(
            update(PracticeSession)
            .where(PracticeSession.id == session_id)
            .values(server_prefix=prefix)
        )


async def home_url(browser, session_id: str):
    response = await browser.api("GET", f"sessions/{session_id}")
    assert response.code == 200, response.body
    return body_json(response)["home_url"]


async def test_participants_elsewhere_are_sent_to_the_hosts_server(
    people, codecall_services, jp_base_url
):
    ann, bob, cat = await people("ann", "bob", "cat")
    session = await create_session(ann, auto_admit=False, max_participants=3)
    assert (await join_session(bob, session)).code == 200
    # As if made on Ann's single-user server and read on another one.
    await set_prefix(codecall_services, session["id"], "/user/ann/")
    token = session["invite_url"].split("codecall-join=")[1]

    assert await home_url(ann, session["id"]) == f"/user/ann/lab?codecall-join={token}"
    # Waiting is not admitted: the way in is not given yet.
    assert await home_url(bob, session["id"]) is None
    admitted = await ann.api("POST", f"sessions/{session['id']}/participants/{bob.id}/admit")
    assert admitted.code in (200, 204), admitted.body
    assert await home_url(bob, session["id"]) == f"/user/ann/lab?codecall-join={token}"

    # On the server that holds the files, and outside JupyterHub, there is nowhere to go.
    await set_prefix(codecall_services, session["id"], jp_base_url)
    assert await home_url(bob, session["id"]) is None
    await set_prefix(codecall_services, session["id"], None)
    assert await home_url(ann, session["id"]) is None


async def test_those_inside_get_the_paths_the_workspace_opens(people, codecall_services):
    ann, bob = await people("ann", "bob")
    session = await create_session(ann, auto_admit=False, language="java")
    assert (await join_session(bob, session)).code == 200
    folder = f"codecall-sessions/{session['id']}"
    mine = body_json(await ann.api("GET", f"sessions/{session['id']}"))["files"]
    assert mine == {
        "folder": folder,
        "solution": f"{folder}/Main.java",  # Java's entry file, not solution.<ext>
        "statement": f"{folder}/problem.md",
        "whiteboard": f"{folder}/whiteboard.whiteboard",
    }
    # Each path is a real file of the session, as the contents API serves it.
    for path in (mine["solution"], mine["statement"], mine["whiteboard"]):
        assert (await ann.fetch(f"api/contents/{path}?content=0")).code == 200, path
    # Waiting is not inside.
    assert body_json(await bob.api("GET", f"sessions/{session['id']}"))["files"] is None
    # Where the files are on another server, there is nothing to open here.
    await set_prefix(codecall_services, session["id"], "/user/ann/")
    assert body_json(await ann.api("GET", f"sessions/{session['id']}"))["files"] is None
