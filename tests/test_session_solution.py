"""A session's solution file comes from its language's starter program; changing the
language keeps the old file and adds the new one, which then runs."""

import pytest
from runner_support import RUNNER_CONFIG, run

from codecall_jupyter.runner.languages import available_languages
from codecall_jupyter.runner.polyglot.languages import LANGUAGES
from codecall_jupyter.testing import body_json, join_session
from codecall_jupyter.testing import create_session as create

pytestmark = pytest.mark.sqlite_only


@pytest.fixture
def codecall_config():
    return {**RUNNER_CONFIG, "run_wall_seconds": 10.0, "compile_wall_seconds": 60.0}


def folder_of(root, session_id):
    return next(p for p in root.rglob(session_id) if p.is_dir())


async def test_the_starter_is_written_and_kept(people, jp_root_dir):
    [ann] = await people("ann")
    session = await create(ann, language="python")
    folder = folder_of(jp_root_dir, session["id"])
    solution = folder / "solution.py"
    assert solution.read_text() == LANGUAGES["python"].template
    solution.write_text("print('mine')\n")
    response = await ann.api("PATCH", f"sessions/{session['id']}", {"language": "c"})
    assert response.code in (200, 204), response.body
    assert solution.read_text() == "print('mine')\n"  # the old file stays as it was
    assert (folder / "main.c").read_text() == LANGUAGES["c"].template
    # Back to Python: the participant's work is never overwritten by the starter.
    await ann.api("PATCH", f"sessions/{session['id']}", {"language": "python"})
    assert solution.read_text() == "print('mine')\n"


async def test_the_new_languages_starter_runs(people):
    if not next(x for x in available_languages() if x.id == "go").available:
        pytest.skip("go not installed")
    [ann] = await people("ann")
    session = await create(ann, language="python")
    await ann.api("PATCH", f"sessions/{session['id']}", {"language": "go"})
    result = await run(
        ann, None, language="go", session_id=session["id"], entry="main.go", stdin="Grace\n"
    )
    assert result["verdict"] == "OK", result
    assert result["stdout"] == "Hello, Grace!\n"


async def test_an_unknown_language_is_refused(people):
    [ann] = await people("ann")
    response = await ann.api("POST", "sessions", {"title": "x", "language": "klingon"})
    assert response.code == 422
    assert body_json(response)["error"]["code"] == "invalid_request"


async def test_a_solution_spans_files_that_writers_add_rename_and_delete(people, codecall_services):
    ann, bob, cat = await people("ann", "bob", "cat")
    session = await create(ann, language="python", auto_admit=True, max_participants=3)
    for guest in (bob, cat):
        assert (await join_session(guest, session)).code == 200
    folder = codecall_services.access.folder_path(session["id"])

    def put(who, name, content):
        return who.fetch(
            f"api/contents/{folder}/{name}",
            "PUT",
            json_body={"type": "file", "format": "text", "content": content},
        )

    # The candidate adds a module, renames it, and the run imports it from the entry file.
    assert (await put(bob, "helpr.py", "def twice(x):\n    return 2 * x\n")).code == 201
    renamed = await bob.fetch(
        f"api/contents/{folder}/helpr.py", "PATCH", json_body={"path": f"{folder}/helper.py"}
    )
    assert renamed.code == 200, renamed.body
    assert (
        await put(bob, "solution.py", "from helper import twice\nprint(twice(21))\n")
    ).code == 200
    assert (await put(bob, "scratch.py", "")).code == 201
    assert (await bob.fetch(f"api/contents/{folder}/scratch.py", "DELETE")).code == 204

    # The observer may read, and may neither add, rename nor delete.
    assert (await cat.fetch(f"api/contents/{folder}/helper.py")).code == 200
    assert (await put(cat, "mine.py", "")).code == 403
    moved = await cat.fetch(
        f"api/contents/{folder}/helper.py", "PATCH", json_body={"path": f"{folder}/gone.py"}
    )
    assert moved.code == 403
    assert (await cat.fetch(f"api/contents/{folder}/helper.py", "DELETE")).code == 403

    result = await run(bob, None, language="python", session_id=session["id"], entry="solution.py")
    assert result["verdict"] == "OK", result
    assert result["stdout"] == "42\n"
