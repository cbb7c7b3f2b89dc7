"""Running code over REST: results, streams on the channel, history, judging, admission,
and every refusal."""

import asyncio

import pytest
from runner_support import RUNNER_CONFIG, finish, run, start
from sqlalchemy import func, select

from codecall_jupyter.handlers.runs import RUNNER_KEY
from codecall_jupyter.store.models import Run
from codecall_jupyter.testing import ChannelClient, body_json
from codecall_jupyter.testing import create_session as create
from codecall_jupyter.testing import join_session as join

pytestmark = pytest.mark.sqlite_only


@pytest.fixture
def codecall_config():
    return dict(RUNNER_CONFIG)


@pytest.fixture
def pair(people):
    async def make(**spec):
        ann, bob = await people("ann", "bob")
        session = await create(ann, auto_admit=True, **spec)
        assert body_json(await join(bob, session))["state"] == "admitted"
        return ann, bob, session["id"]

    return make


async def test_snippet_run_reports_output_and_measures(people):
    [ann] = await people("ann")
    result = await run(
        ann, "import sys\nprint('hi', input())\nprint('err', file=sys.stderr)", stdin="there\n"
    )
    assert result["verdict"] == "OK", result
    assert result["verdict_name"] == "OK"
    assert result["stdout"] == "hi there\n"
    assert result["stderr"] == "err\n"
    assert result["exit_code"] == 0
    assert result["wall_ms"] is not None
    assert result["wall_ms"] < 3000
    assert result["cpu_ms"] is not None
    assert result["memory_bytes"] is not None
    assert result["session_id"] is None


async def test_exceptions_come_with_the_users_traceback_only(people):
    [ann] = await people("ann")
    result = await run(ann, "def f():\n    return 1 / 0\n\nf()\n")
    assert result["verdict"] == "RE"
    assert "ZeroDivisionError" in result["stderr"]
    assert 'File "/work/solution.py", line 2, in f' in result["stderr"]
    assert "runpy" not in result["stderr"]
    assert "pyrun" not in result["stderr"]
    exited = await run(ann, "import sys\nsys.exit(4)")
    assert (exited["verdict"], exited["exit_code"]) == ("RE", 4)


async def test_each_run_starts_from_a_clean_interpreter(people):
    [ann] = await people("ann")
    first = await run(ann, "import builtins\nbuiltins.LEAK = 1\nprint(id(builtins))")
    second = await run(ann, "import builtins\nprint(hasattr(builtins, 'LEAK'))")
    assert first["verdict"] == second["verdict"] == "OK"
    assert second["stdout"] == "False\n"


async def test_session_run_takes_the_folder_streams_and_is_kept(pair, jp_root_dir, jp_http_port):
    ann, bob, sid = await pair()
    session = body_json(await ann.api("GET", f"sessions/{sid}"))
    folder = jp_root_dir / session["folder"] if "folder" in session else None
    if folder is None:
        folder = next(p for p in jp_root_dir.rglob(sid) if p.is_dir())
    (folder / "helper.py").write_text("def greet(n):\n    return f'hello {n}'\n")
    (folder / "main.py").write_text(
        "import time\nfrom helper import greet\nprint(greet('a'), flush=True)\n"
        "time.sleep(0.6)\nprint(greet('b'))\n"
    )
    channel = await ChannelClient.open(bob, jp_http_port, sid)
    try:
        await channel.next("snapshot")
        started = await start(ann, None, session_id=sid, entry="main.py")
        queued = await channel.next("run.queued")
        assert queued["run_id"] == started["id"]
        await channel.next("run.started")
        first = await channel.next("run.output")
        # The first line arrives while the program still sleeps: output streams.
        assert ["stdout", "hello a\n"] in first["chunks"]
        finished = await channel.next("run.finished")
        assert finished["verdict"] == "OK"
    finally:
        channel.close()
    result = await finish(ann, started["id"])
    assert result["stdout"] == "hello a\nhello b\n"
    history = body_json(await bob.api("GET", f"sessions/{sid}/runs"))["runs"]
    assert [r["id"] for r in history] == [started["id"]]
    # A later snapshot names the last run.
    channel = await ChannelClient.open(ann, jp_http_port, sid)
    snapshot = await channel.next("snapshot")
    channel.close()
    assert snapshot["last_run"]["run_id"] == started["id"]
    assert snapshot["last_run"]["verdict"] == "OK"


async def test_a_program_runs_as_python_would_run_its_file(people):
    [ann] = await people("ann")
    program = (
        "import sys, __main__\n"
        "X = 1\n"
        "def f(x: int) -> None: ...\n"
        "print(__name__, __file__, sys.argv[0], __main__.X)\n"
        "print(f.__annotations__['x'] is int)\n"  # no __future__ flag of the harness's
    )
    result = await run(ann, program)
    assert result["stdout"] == ("__main__ /work/solution.py /work/solution.py 1\nTrue\n"), result


async def test_judging_compares_and_hides_hidden_cases(pair):
    ann, bob, sid = await pair()
    tests = [
        {"input": "1 2\n", "expected": "3\n"},
        {"input": "5 5\n", "expected": "10\n"},
        {"input": "2 2\n", "expected": "5\n", "hidden": True},
        {"input": "7 1\n", "expected": "8  \n\n", "hidden": True},
    ]
    code = "a, b = map(int, input().split())\nprint(a + b)\n"
    started = await start(bob, code, session_id=sid, mode="judge", tests=tests)
    result = await finish(bob, started["id"])
    assert result["verdict"] == "WA", result
    assert (result["passed"], result["total"]) == (3, 4)
    mine = {c["id"]: c for c in result["cases"]}
    assert mine["t1"]["verdict"] == "OK"
    assert mine["t1"]["stdout"] == "3\n"
    # bob (the candidate) sees only pass or fail of hidden cases...
    assert mine["t3"] == {
        **mine["t3"],
        "verdict": "FAIL",
        "input": None,
        "expected": None,
        "stdout": None,
    }
    assert mine["t4"]["verdict"] == "OK"
    assert mine["t4"]["expected"] is None
    # ...the host sees everything.
    hosts = {c["id"]: c for c in body_json(await ann.api("GET", f"runs/{started['id']}"))["cases"]}
    assert hosts["t3"]["verdict"] == "WA"
    assert hosts["t3"]["expected"] == "5\n"
    # A judging awaited in its own request hides the same from the candidate.
    body = {"language": "python", "code": code, "session_id": sid, "mode": "judge", "tests": tests}
    answered = await bob.api("POST", "runs", body, params={"wait": "30"})
    assert answered.code == 201, answered.body
    cases = {c["id"]: c for c in body_json(answered)["cases"]}
    assert (cases["t3"]["verdict"], cases["t3"]["expected"]) == ("FAIL", None)
    assert cases["t2"]["expected"] == "10\n"


async def test_float_exact_and_custom_comparisons(people):
    [ann] = await people("ann")
    code = "print(1/3)"
    floats = await run(
        ann,
        code,
        mode="judge",
        tests=[{"expected": "0.333333"}],
        compare={"kind": "float", "tolerance": 1e-5},
    )
    assert floats["verdict"] == "OK", floats
    exact = await run(
        ann, "print('a ')", mode="judge", tests=[{"expected": "a\n"}], compare={"kind": "exact"}
    )
    assert exact["verdict"] == "WA"
    checker = (
        "import json, sys\nd = json.load(sys.stdin)\n"
        "print('OK' if sorted(d['actual'].split()) == sorted(d['expected'].split()) else 'WA')\n"
    )
    custom = await run(
        ann,
        "print('b a c')",
        mode="judge",
        tests=[{"expected": "a b c"}, {"expected": "a b d"}],
        compare={"kind": "custom", "checker": checker},
    )
    assert [c["verdict"] for c in custom["cases"]] == ["OK", "WA"], custom


async def test_cancel_stops_a_program_that_ignores_interrupts(people):
    [ann] = await people("ann")
    code = "import signal\nsignal.signal(signal.SIGINT, signal.SIG_IGN)\nwhile True:\n    pass\n"
    started = await start(ann, code)
    await asyncio.sleep(0.8)
    response = await ann.api("POST", f"runs/{started['id']}/cancel")
    assert response.code == 202
    result = await finish(ann, started["id"], timeout=5)
    assert result["verdict"] == "CANCELLED"


async def test_queue_positions_and_admission_limits(people, codecall_config):
    [ann] = await people("ann")
    sleepers = [await start(ann, "import time\ntime.sleep(1)\nprint('ok')") for _ in range(3)]
    third = body_json(await ann.api("GET", f"runs/{sleepers[2]['id']}"))
    assert third["status"] == "queued"
    assert third["position"] == 1
    results = [await finish(ann, s["id"]) for s in sleepers]
    assert [r["verdict"] for r in results] == ["OK", "OK", "OK"]


@pytest.mark.parametrize(
    ("body", "status", "code"),
    [
        ({"language": "cobol-77", "code": "x"}, 422, "unknown_language"),
        ({"language": "python"}, 422, "no_files"),
        ({"language": "python", "files": {"a.py": "x"}, "entry": "b.py"}, 422, "no_entry"),
        (
            {"language": "python", "files": {"../a.py": "x"}, "entry": "../a.py"},
            422,
            "invalid_file_name",
        ),
        (
            {"language": "python", "files": {"/etc/a.py": "x"}, "entry": "/etc/a.py"},
            422,
            "invalid_file_name",
        ),
        ({"language": "python", "code": "print(1)", "mode": "judge"}, 422, "no_cases"),
        (
            {
                "language": "python",
                "code": "x",
                "mode": "judge",
                "tests": [{"expected": "1"}],
                "compare": {"kind": "custom"},
            },
            422,
            "no_checker",
        ),
        ({"language": "python", "code": "x", "session_id": "nope"}, 404, "not_found"),
        ({"language": "python", "code": "x" * (2 * 1024 * 1024)}, 413, "payload_too_large"),
    ],
)
async def test_refusals(people, body, status, code):
    [ann] = await people("ann")
    response = await ann.api("POST", "runs", body)
    assert response.code == status, response.body
    assert body_json(response)["error"]["code"] == code


async def test_a_run_awaited_in_its_request_answers_with_the_result(people):
    [ann] = await people("ann")
    body = {"language": "python", "code": "print('hello')"}
    answered = await ann.api("POST", "runs", body, params={"wait": "30"})
    assert answered.code == 201, answered.body
    result = body_json(answered)
    assert (result["status"], result["verdict"], result["stdout"]) == ("done", "OK", "hello\n")
    # The answer is the stored run.
    stored = body_json(await ann.api("GET", f"runs/{result['id']}"))
    assert stored == {**result, "position": stored["position"]}
    # Longer than the wait: 202 and a run still going, followed as without a wait.
    slow = {"language": "python", "code": "import time\ntime.sleep(1)\nprint('late')"}
    pending = await ann.api("POST", "runs", slow, params={"wait": "0.1"})
    assert pending.code == 202, pending.body
    going = body_json(pending)
    assert going["status"] in ("queued", "running"), going
    assert (await finish(ann, going["id"]))["stdout"] == "late\n"


@pytest.mark.parametrize("wait", ["31", "-1", "soon", "nan"])
async def test_a_bad_wait_is_refused_before_anything_runs(people, jp_serverapp, wait):
    [ann] = await people("ann")
    body = {"language": "python", "code": "print('must not run')"}
    response = await ann.api("POST", "runs", body, params={"wait": wait})
    assert response.code == 422, response.body
    assert "wait" in body_json(response)["error"]["message"]
    runner = jp_serverapp.web_app.settings[RUNNER_KEY]
    assert (runner.active, runner.admission.running, runner.admission.waiting) == ({}, set(), [])
    async with runner.history.db.session() as s:
        assert await s.scalar(select(func.count()).select_from(Run)) == 0


async def test_others_runs_are_not_found(people):
    ann, bob = await people("ann", "bob")
    mine = await start(ann, "print(1)")
    assert (await bob.api("GET", f"runs/{mine['id']}")).code == 404
    assert (await bob.api("POST", f"runs/{mine['id']}/cancel")).code == 404
    assert (await bob.api("GET", "runs/" + "x" * 40)).code == 404


async def test_observers_watch_but_do_not_run(people):
    ann, bob, cat = await people("ann", "bob", "cat")
    session = await create(ann, auto_admit=True, max_participants=3)
    assert body_json(await join(bob, session))["state"] == "admitted"
    assert body_json(await join(cat, session))["state"] == "admitted"  # the third: observer
    response = await cat.api(
        "POST", "runs", {"language": "python", "code": "print(1)", "session_id": session["id"]}
    )
    assert response.code == 403


async def test_languages_and_status(people):
    [ann] = await people("ann")
    languages = body_json(await ann.api("GET", "languages"))["languages"]
    python = next(x for x in languages if x["id"] == "python")
    assert python["available"]
    assert python["version"]
    assert python["file_name"] == "solution.py"
    status = body_json(await ann.api("GET", "runner"))
    assert status["isolation"] == "sandboxed", status
    assert status["warning"] is None
    assert "network" in status["layers"]["namespaces"]
    assert status["limits"]["wall"] == 3.0


async def test_a_late_joiner_gets_the_output_so_far(pair, jp_http_port):
    ann, bob, sid = await pair()
    code = "import time\nprint('early', flush=True)\ntime.sleep(2)\nprint('late')\n"
    started = await start(ann, code, session_id=sid)
    for _ in range(50):
        if body_json(await ann.api("GET", f"runs/{started['id']}"))["status"] == "running":
            break
        await asyncio.sleep(0.1)
    await asyncio.sleep(0.8)
    channel = await ChannelClient.open(bob, jp_http_port, sid)
    try:
        snapshot = await channel.next("snapshot")
        [going] = snapshot["runs_in_progress"]
        assert going["run_id"] == started["id"]
        assert ["stdout", "early\n"] in going["chunks"]
        output = await channel.next("run.output")
        assert ["stdout", "late\n"] in output["chunks"]
    finally:
        channel.close()
    result = await finish(ann, started["id"])
    assert result["started_at"] is not None
