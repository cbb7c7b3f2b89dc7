"""The problem bank over REST, as users meet it: browse and filter, a session made from a
problem (statement and starter in its folder), hints revealed one at a time by the
interviewer only, judging against the problem's hidden cases, solved problems and
progress, past sessions."""

import pytest
from runner_support import RUNNER_CONFIG, finish
from test_friends import make_friends
from test_problem_authoring import create_problem

from codecall_jupyter.problems.folders import BANK_DIR, load_folder
from codecall_jupyter.runner.polyglot.languages import LANGUAGES
from codecall_jupyter.testing import body_json, create_session, join_session

PROBLEM = "pair-sum-count"


@pytest.fixture
def codecall_config():
    # pandas needs more than the other runner tests' 128 MB.
    return {
        **RUNNER_CONFIG,
        "run_wall_seconds": 10.0,
        "run_cpu_seconds": 10.0,
        "run_memory_mb": 256,
    }


def bank_problem():
    return load_folder(BANK_DIR / PROBLEM)


def folder_of(root, session_id):
    return next(p for p in root.rglob(session_id) if p.is_dir())


async def listed(who, **query):
    response = await who.api("GET", "problems", params=query)
    assert response.code == 200, response.body
    return body_json(response)


async def session_with_problem(host, guest, **spec):
    session = await create_session(host, problem_id=PROBLEM, language="python", **spec)
    joined = await join_session(guest, session)
    assert joined.code == 200, joined.body
    admitted = await host.api("POST", f"sessions/{session['id']}/participants/{guest.id}/admit")
    assert admitted.code == 200, admitted.body
    return session


async def test_browse_search_and_filter(people):
    [ann] = await people("ann")
    everything = await listed(ann)
    ids = [p["id"] for p in everything["problems"]]
    assert PROBLEM in ids
    assert everything["total"] == len(ids)
    assert "hashing" in everything["tags"]
    entry = next(p for p in everything["problems"] if p["id"] == PROBLEM)
    assert entry["difficulty"] == "easy"
    assert entry["source"] == "bank"
    assert {"python", "cpp", "java", "rust"} <= set(entry["languages"])
    assert entry["solved"] is False
    # Every filter narrows to matching problems only.
    assert PROBLEM in [p["id"] for p in (await listed(ann, q="pairs target"))["problems"]]
    assert (await listed(ann, q="no such words anywhere"))["problems"] == []
    for key, value, field in (
        ("difficulty", "easy", "difficulty"),
        ("tag", "hashing", "tags"),
        ("language", "go", "languages"),
    ):
        found = (await listed(ann, **{key: value}))["problems"]
        assert PROBLEM in [p["id"] for p in found]
        assert all(value == p[field] or value in p[field] for p in found)
    assert PROBLEM not in [p["id"] for p in (await listed(ann, difficulty="hard"))["problems"]]
    assert PROBLEM in [p["id"] for p in (await listed(ann, solved="no"))["problems"]]
    response = await ann.api("GET", "problems", params={"difficulty": "trivial"})
    assert response.code == 422


async def test_a_problem_shows_its_statement_not_its_answers(people):
    [ann] = await people("ann")
    response = await ann.api("GET", f"problems/{PROBLEM}")
    assert response.code == 200, response.body
    problem = body_json(response)
    assert problem["statement"].startswith("# Pair Sum Count")
    assert "## Examples" in problem["statement"]
    assert "1 5 3 3 2" in problem["statement"]
    assert [e["expected"] for e in problem["examples"]] == ["2\n", "6\n"]
    assert len(problem["starters"]) == 8
    text = response.body.decode()
    hidden_answer = bank_problem().cases[-1].expected.strip()
    assert hidden_answer not in text  # the large case's answer
    assert problem["hints"] == len(bank_problem().hints)  # how many, not what
    assert bank_problem().hints[0] not in text
    assert "std::sort" not in text
    assert "Counter()" not in text
    missing = await ann.api("GET", "problems/no-such-problem")
    assert missing.code == 404


async def test_a_session_made_from_a_problem_has_its_statement_and_starter(people, jp_root_dir):
    [ann] = await people("ann")
    problem = bank_problem()
    session = await create_session(ann, problem_id=PROBLEM, language="python")
    folder = folder_of(jp_root_dir, session["id"])
    assert (folder / "problem.md").read_text() == problem.statement()
    assert (folder / "solution.py").read_text() == problem.starter("python").source
    # A new language brings that language's starter of the problem.
    await ann.api("PATCH", f"sessions/{session['id']}", {"language": "rust"})
    assert (folder / "main.rs").read_text() == problem.starter("rust").source
    # Work is never overwritten: another problem replaces the statement, and the starter
    # only where nobody has typed.
    (folder / "main.rs").write_text('fn main() { println!("mine"); }\n')
    response = await ann.api("PATCH", f"sessions/{session['id']}", {"problem_id": None})
    assert response.code in (200, 204), response.body
    assert (folder / "problem.md").read_text().startswith("# Two sum")
    assert (folder / "main.rs").read_text() == 'fn main() { println!("mine"); }\n'
    unknown = await ann.api("POST", "sessions", {"title": "x", "problem_id": "nope-nope"})
    assert unknown.code == 422
    assert body_json(unknown)["error"]["code"] == "no_such_problem"


async def test_without_a_problem_the_language_template_is_the_starter(people, jp_root_dir):
    [ann] = await people("ann")
    session = await create_session(ann, language="python")
    folder = folder_of(jp_root_dir, session["id"])
    assert (folder / "solution.py").read_text() == LANGUAGES["python"].template
    response = await ann.api("GET", f"sessions/{session['id']}/problem")
    assert response.code == 404


async def test_hints_are_revealed_by_the_interviewer_one_at_a_time(people):
    ann, bob = await people("ann", "bob")
    session = await session_with_problem(ann, bob)
    sid = session["id"]
    problem = bank_problem()

    seen = body_json(await bob.api("GET", f"sessions/{sid}/problem"))
    assert seen["revealed_hints"] == []
    assert seen["guide"] is None
    assert seen["problem"]["statement"] == problem.statement()
    guide = body_json(await ann.api("GET", f"sessions/{sid}/problem"))["guide"]
    assert guide["hints"] == list(problem.hints)
    assert {s["file"] for s in guide["solutions"]} == {"solution.py", "main.cpp"}
    assert guide["follow_up"] == problem.follow_up
    assert guide["hidden_cases"] == 9

    refused = await bob.api("POST", f"sessions/{sid}/problem/hints")
    assert refused.code == 403
    for count in range(1, len(problem.hints) + 1):
        response = await ann.api("POST", f"sessions/{sid}/problem/hints")
        assert response.code == 200, response.body
        assert body_json(response)["revealed_hints"] == list(problem.hints[:count])
    assert (await ann.api("POST", f"sessions/{sid}/problem/hints")).code == 409
    seen = body_json(await bob.api("GET", f"sessions/{sid}/problem"))
    assert seen["revealed_hints"] == list(problem.hints)
    events = body_json(await bob.api("GET", f"sessions/{sid}/activity"))["events"]
    reveals = [e for e in events if e["kind"] == "hint_revealed"]
    assert [e["data"]["number"] for e in reveals] == [1, 2, 3]
    assert all(e["actor"]["username"] == "ann" for e in reveals)

    [eve] = await people("eve")  # not in the session
    assert (await eve.api("GET", f"sessions/{sid}/problem")).code == 404
    assert (await eve.api("POST", f"sessions/{sid}/problem/hints")).code == 404


@pytest.mark.sqlite_only
async def test_judging_against_the_problem_keeps_hidden_cases_hidden(people):
    ann, bob = await people("ann", "bob")
    session = await session_with_problem(ann, bob)
    sid = session["id"]
    reference = next(p for p in bank_problem().solutions if p.language == "python")
    body = {
        "language": "python",
        "session_id": sid,
        "mode": "judge",
        "problem_id": PROBLEM,
        "files": {"solution.py": reference.source},
        "entry": "solution.py",
    }
    started = await bob.api("POST", "runs", body)
    assert started.code == 202, started.body
    run = await finish(bob, body_json(started)["id"])
    assert (run["verdict"], run["passed"], run["total"]) == ("OK", 11, 11), run["message"]
    assert run["problem_id"] == PROBLEM  # a submission, as the run history shows
    hidden = [c for c in run["cases"] if c["hidden"]]
    assert len(hidden) == 9
    assert all(c["input"] is None for c in hidden)
    as_host = body_json(await ann.api("GET", f"runs/{run['id']}"))
    assert all(c["input"] is not None for c in as_host["cases"])
    # The candidate has now solved it.
    assert PROBLEM in [p["id"] for p in (await listed(bob, solved="yes"))["problems"]]
    assert PROBLEM not in [p["id"] for p in (await listed(ann, solved="yes"))["problems"]]

    # Refusals: tests and a problem at once, another problem, a problem outside judging.
    for change, code in (
        ({"tests": [{"input": "", "expected": ""}]}, "tests_and_problem"),
        ({"problem_id": "another-problem"}, "not_session_problem"),
        ({"mode": "run"}, "problem_needs_judge"),
    ):
        refused = await bob.api("POST", "runs", {**body, **change})
        assert refused.code == 422, refused.body
        assert body_json(refused)["error"]["code"] == code


@pytest.mark.sqlite_only
async def test_progress_and_past_sessions_follow_what_i_solved(people):
    ann, bob = await people("ann", "bob")
    session = await session_with_problem(ann, bob)
    sid = session["id"]
    wrong = "print(0)\n"
    right = next(p for p in bank_problem().solutions if p.language == "python").source
    for source in (wrong, right):
        started = await bob.api(
            "POST",
            "runs",
            {"language": "python", "session_id": sid, "mode": "judge", "problem_id": PROBLEM,
             "files": {"solution.py": source}, "entry": "solution.py"},
        )  # fmt: skip
        await finish(bob, body_json(started)["id"])
    progress = body_json(await bob.api("GET", "me/progress"))
    assert (progress["solved"], progress["attempted"]) == (1, 1)
    easy = next(d for d in progress["by_difficulty"] if d["key"] == "easy")
    assert easy["solved"] == 1
    assert easy["total"] >= 1
    assert next(t for t in progress["by_tag"] if t["key"] == "hashing")["solved"] == 1
    [day] = progress["days"]
    assert (day["solved"], day["judged"]) == (1, 2)
    assert progress["current_streak"] == progress["longest_streak"] == 1
    assert body_json(await ann.api("GET", "me/progress"))["solved"] == 0

    assert (await ann.api("POST", f"sessions/{sid}/end")).code in (200, 204)
    [past] = body_json(await bob.api("GET", "me/sessions"))["sessions"]
    assert past["problem_id"] == PROBLEM
    assert past["problem_title"] == "Pair Sum Count"
    assert (past["role"], past["host"], past["result"]) == ("candidate", False, "OK")
    assert (past["tests_passed"], past["tests_total"]) == (11, 11)
    assert past["duration_seconds"] is not None
    assert past["feedback_received"] == 0
    [hosted] = body_json(await ann.api("GET", "me/sessions"))["sessions"]
    assert hosted["host"] is True


async def test_a_friends_shared_problem_is_usable_and_a_private_one_is_not(people):
    ann, bob, eve = await people("ann", "bob", "eve")
    await make_friends(ann, bob)
    await make_friends(ann, eve)
    await create_problem(bob, "bobs-shared", visibility="friends")
    await create_problem(eve, "eves-private")
    ids = [p["id"] for p in (await listed(ann))["problems"]]
    assert "bobs-shared" in ids
    assert "eves-private" not in ids
    assert (await ann.api("GET", "problems/bobs-shared")).code == 200
    assert (await ann.api("GET", "problems/eves-private")).code == 404
    # A session made from a friend's problem shows it to a guest who is not their friend.
    [cat] = await people("cat")
    session = await create_session(ann, problem_id="bobs-shared", language="python")
    await join_session(cat, session)
    await ann.api("POST", f"sessions/{session['id']}/participants/{cat.id}/admit")
    seen = await cat.api("GET", f"sessions/{session['id']}/problem")
    assert seen.code == 200, seen.body
    refused = await ann.api("POST", "sessions", {"title": "x", "problem_id": "eves-private"})
    assert refused.code == 422


def variant(source, old, new):
    assert old in source
    return source.replace(old, new)


@pytest.mark.sqlite_only
async def test_a_data_problem_compares_tables_not_text(people):
    [ann] = await people("ann")
    reference = load_folder(BANK_DIR / "sales-by-region").solutions[0].source
    returned = "    return report\n"
    shuffled = variant(
        reference, returned, "    return report[['average', 'region', 'total']].iloc[::-1]\n"
    )
    wrong = variant(reference, returned, "    report.loc[0, 'total'] += 0.01\n    return report\n")
    verdicts = []
    for source in (reference, shuffled, wrong):
        started = await ann.api(
            "POST",
            "runs",
            {"language": "python", "mode": "judge", "problem_id": "sales-by-region",
             "files": {"solution.py": source}, "entry": "solution.py"},
        )  # fmt: skip
        assert started.code == 202, started.body
        verdicts.append((await finish(ann, body_json(started)["id"]))["verdict"])
    # Columns and rows in another order are the same table; a cent off is not.
    assert verdicts == ["OK", "OK", "WA"]
