"""Users' own problems: written over REST or imported as a zip, proven in the sandbox
before they are kept, each fault named with its file; private unless shared with
friends; exported as a zip that imports again."""

import io
import json
import zipfile

import pytest
from runner_support import RUNNER_CONFIG
from test_friends import make_friends

from codecall_jupyter.testing import body_json

pytestmark = pytest.mark.sqlite_only

STATEMENT = """---
title: Add Two
difficulty: easy
tags: [math]
hints: [Read both numbers.]
---

Print the sum of two integers.

## Input
Two integers on one line.

## Output
Their sum.

## Constraints
- Each is at most 10^9 in absolute value.
"""
ADDER = "a, b = map(int, input().split())\nprint(a + b)\n"
ZIP = {"Content-Type": "application/zip"}
STARTER = "a, b = map(int, input().split())\nprint(0)  # your answer\n"


def problem_files(**changes):
    files = {
        "problem.md": STATEMENT,
        "tests/examples/01-small.in": "1 2\n",
        "tests/examples/01-small.out": "3\n",
        "tests/hidden/02-negative.in": "-5 2\n",
        "tests/hidden/02-negative.out": "-3\n",
        "starter/solution.py": STARTER,
        "starter/main.c": "#include <stdio.h>\nint main(void) { int a, b; "
        'if (scanf("%d %d", &a, &b) != 2) return 0; printf("0\\n"); return 0; }\n',
        "solutions/solution.py": ADDER,
    }
    files.update(changes)
    return {k: v for k, v in files.items() if v is not None}


async def create_problem(who, problem_id, visibility="private", **changes):
    body = {"id": problem_id, "visibility": visibility, "files": problem_files(**changes)}
    response = await who.api("POST", "problems", body)
    assert response.code == 201, response.body
    return body_json(response)


async def refused_with(who, problem_id, **changes):
    body = {"id": problem_id, "files": problem_files(**changes)}
    response = await who.api("POST", "problems", body)
    assert response.code == 422, response.body
    error = body_json(response)["error"]
    assert error["code"] == "invalid_problem"
    return [(f["file"], f["message"]) for f in error["details"]["faults"]]


@pytest.fixture
def codecall_config():
    return {**RUNNER_CONFIG, "run_wall_seconds": 10.0, "compile_wall_seconds": 60.0}


async def test_a_problem_of_my_own_is_proven_then_kept(people):
    [ann] = await people("ann")
    made = await create_problem(ann, "add-two")
    assert made["visibility"] == "private"
    assert made["problem"]["source"] == "user"
    assert made["problem"]["languages"] == ["c", "python"]
    assert made["problem"]["statement"].startswith("# Add Two")
    mine = body_json(await ann.api("GET", "problems", params={"mine": "yes"}))["problems"]
    assert [p["id"] for p in mine] == ["add-two"]
    # The same id again, or a bank problem's id, is taken.
    again = await ann.api("POST", "problems", {"id": "add-two", "files": problem_files()})
    assert again.code == 409
    bank = await ann.api("POST", "problems", {"id": "pair-sum-count", "files": problem_files()})
    assert bank.code == 409


async def test_each_fault_is_named_with_its_file(people):
    [ann] = await people("ann")
    faults = await refused_with(
        ann,
        "broken-one",
        **{"tests/examples/01-small.in": None, "tests/examples/01-small.out": None},
    )
    assert ("tests/examples", "needs at least 1 example case(s)") in faults
    faults = await refused_with(ann, "broken-two", **{"starter/main.c": "int main( {\n"})
    assert [f for f, m in faults] == ["starter/main.c"]
    assert faults[0][1].startswith("does not compile")
    faults = await refused_with(ann, "broken-three", **{"solutions/solution.py": "print(3)\n"})
    assert faults == [
        ("solutions/solution.py", "fails case 02-negative: WA (expected '-3', got '3')")
    ]
    faults = await refused_with(
        ann,
        "broken-four",
        **{"tests/hidden/03-big.gen.py": "print(1, 2)", "tests/hidden/03-big.out": "3\n"},
    )
    assert faults[0][0] == "tests/hidden/03-big.gen.py"
    faults = await refused_with(ann, "broken-five", **{"problem.md": "no front matter\n"})
    assert faults == [("problem.md", "must start with front matter between two '---' lines")]
    faults = await refused_with(ann, "broken-six", **{"notes.txt": "hello"})
    assert ("notes.txt", "is not part of a problem (see docs/PROBLEMS.md)") in faults
    faults = await refused_with(ann, "Bad_Id")
    assert faults[0][1].startswith("the id must be")
    # Nothing of these was kept.
    mine = body_json(await ann.api("GET", "problems", params={"mine": "yes"}))["problems"]
    assert mine == []


async def test_others_private_problems_answer_404_everywhere(people):
    ann, bob = await people("ann", "bob")
    await create_problem(ann, "anns-secret")
    for method, path, body in (
        ("GET", "problems/anns-secret", None),
        ("GET", "problems/anns-secret/files", None),
        ("GET", "problems/anns-secret/export", None),
        ("POST", "problems/anns-secret/check", None),
        ("PUT", "problems/anns-secret", {"id": "anns-secret", "files": problem_files()}),
        ("DELETE", "problems/anns-secret", None),
    ):
        response = await bob.api(method, path, body)
        assert response.code == 404, (method, path, response.code)
    # Still there, unchanged, for its owner.
    files = body_json(await ann.api("GET", "problems/anns-secret/files"))["files"]
    assert files == problem_files()


async def test_edit_share_check_and_delete(people):
    ann, bob = await people("ann", "bob")
    await make_friends(ann, bob)
    await create_problem(ann, "add-two")
    assert (await bob.api("GET", "problems/add-two")).code == 404
    changed = problem_files(
        **{"tests/hidden/03-zero.in": "0 0\n", "tests/hidden/03-zero.out": "0\n"}
    )
    response = await ann.api(
        "PUT", "problems/add-two", {"id": "add-two", "visibility": "friends", "files": changed}
    )
    assert response.code == 200, response.body
    assert body_json(response)["problem"]["cases"] == 3
    assert (await bob.api("GET", "problems/add-two")).code == 200
    check = body_json(await ann.api("POST", "problems/add-two/check"))
    assert check["ok"] is True
    assert check["faults"] == []
    renamed = await ann.api("PUT", "problems/add-two", {"id": "add-three", "files": changed})
    assert renamed.code == 422
    assert (await ann.api("DELETE", "problems/add-two")).code == 204
    assert (await bob.api("GET", "problems/add-two")).code == 404


async def test_export_then_import_as_a_zip(people):
    ann, bob = await people("ann", "bob")
    await create_problem(ann, "add-two")
    exported = await ann.api("GET", "problems/add-two/export")
    assert exported.code == 200
    assert exported.headers["Content-Type"] == "application/zip"
    data = exported.body
    names = zipfile.ZipFile(io.BytesIO(data)).namelist()
    assert "add-two/problem.md" in names
    assert "add-two/solutions/solution.py" in names
    # Bob imports it under a new id (renaming the folder), and it is his.
    renamed = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(renamed, "w") as dst:
        for name in src.namelist():
            dst.writestr(name.replace("add-two/", "bobs-adder/", 1), src.read(name))
    imported = await bob.api("POST", "problems/import", body=renamed.getvalue(), headers=ZIP)
    assert imported.code == 201, imported.body
    assert body_json(imported)["id"] == "bobs-adder"
    files = body_json(await bob.api("GET", "problems/bobs-adder/files"))["files"]
    assert files == problem_files()


@pytest.mark.parametrize(
    ("entries", "message"),
    [
        ({"../evil/problem.md": "x"}, "is not a plain relative path inside the folder"),
        ({"/abs/problem.md": "x"}, "is not a plain relative path inside the folder"),
        ({"a/problem.md": "x", "b/problem.md": "y"}, "the zip must hold one folder"),
    ],
)
async def test_a_hostile_zip_is_refused_and_nothing_is_kept(people, entries, message):
    [ann] = await people("ann")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, text in entries.items():
            archive.writestr(name, text)
    response = await ann.api("POST", "problems/import", body=buffer.getvalue(), headers=ZIP)
    assert response.code == 422, response.body
    faults = body_json(response)["error"]["details"]["faults"]
    assert any(message in f["message"] for f in faults), faults
    not_zip = await ann.api("POST", "problems/import", body=b"PK not really", headers=ZIP)
    assert (
        body_json(not_zip)["error"]["details"]["faults"][0]["message"]
        == "the upload is not a zip file"
    )
    assert body_json(await ann.api("GET", "problems", params={"mine": "yes"}))["problems"] == []
    assert json.loads(json.dumps(faults))  # the envelope is plain JSON
