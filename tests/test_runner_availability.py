"""When the sandbox cannot work, runs are refused, unless the operator allows unsandboxed
runs (then every user is warned); and a full queue answers 429."""

import asyncio

import pytest
from runner_support import RUNNER_CONFIG, finish, responsive, run, start

from codecall_jupyter.testing import body_json

pytestmark = pytest.mark.sqlite_only

# A bind of a folder that does not exist makes bubblewrap fail for real.
BROKEN = {**RUNNER_CONFIG, "sandbox_extra_binds": ["/codecall-no-such-folder"]}


@pytest.fixture
def codecall_config(request):
    return dict(request.param)


@pytest.mark.parametrize("codecall_config", [BROKEN], indirect=True)
async def test_without_a_sandbox_runs_are_refused(people):
    [ann] = await people("ann")
    status = body_json(await ann.api("GET", "runner"))
    assert status["isolation"] == "unavailable"
    assert any("could not start" in p for p in status["problems"]), status
    response = await ann.api("POST", "runs", {"language": "python", "code": "print(1)"})
    assert response.code == 503
    error = body_json(response)["error"]
    assert error["code"] == "runner_unavailable"
    assert "Code cannot run on this server" in error["message"]


@pytest.mark.parametrize("codecall_config", [{**BROKEN, "allow_unsandboxed": True}], indirect=True)
async def test_unsandboxed_runs_warn_everyone(people):
    [ann] = await people("ann")
    result = await run(ann, "print('unguarded')")
    assert result["stdout"] == "unguarded\n"
    status = body_json(await ann.api("GET", "runner"))
    assert status["isolation"] == "unsandboxed"
    assert "WITHOUT a sandbox" in status["warning"]


@pytest.mark.parametrize(
    "codecall_config",
    [{**RUNNER_CONFIG, "max_runs_total": 1, "max_run_queue": 1}],
    indirect=True,
)
async def test_a_full_queue_answers_429(people):
    ann, bob = await people("ann", "bob")
    await start(ann, "import time\ntime.sleep(2)")
    await start(bob, "print(1)")  # waits: the only slot is taken
    response = await bob.api("POST", "runs", {"language": "python", "code": "print(2)"})
    assert response.code == 429
    assert response.headers.get("Retry-After")
    assert body_json(response)["error"]["code"] == "rate_limited"


@pytest.mark.timeout(120)
@pytest.mark.parametrize(
    "codecall_config",
    [
        {
            **RUNNER_CONFIG,
            "kernel_pool_sizes": {"python": 1, "polyglot": 0},
            "max_runs_total": 2,
            "max_runs_per_user": 3,
            "max_runs_per_session": 3,
        }
    ],
    indirect=True,
)
async def test_more_runs_than_kernels_queue_with_positions_and_all_finish(people):
    """One warm kernel and two run slots; two long runs hold the slots while three people
    submit seven more, one of which kills its kernel. The seven queue at positions 1..7,
    every run finishes with its own output, and the server answers meanwhile: no deadlock."""
    ann, bob, cat = await people("ann", "bob", "cat")
    blockers = [await start(who, "import time\ntime.sleep(2)\nprint('b')") for who in (ann, bob)]
    code = "import time\ntime.sleep(0.2)\nprint({n})"
    jobs = [(who, code.format(n=n)) for n, who in enumerate([ann, bob, cat, cat, ann, bob, cat])]
    jobs[3] = (cat, "import os\nos._exit(3)")  # a kernel that dies must free its slot
    queued = [await start(who, source) for who, source in jobs]
    assert [(q["status"], q["position"]) for q in queued] == [
        ("queued", n) for n in range(1, len(jobs) + 1)
    ]
    assert await responsive(ann) < 2.0
    last = body_json(await cat.api("GET", f"runs/{queued[-1]['id']}"))
    assert last["status"] == "queued", last
    assert 1 <= last["position"] <= len(jobs), last
    done = await asyncio.gather(
        *(finish(who, b["id"], timeout=90) for who, b in zip((ann, bob), blockers, strict=True)),
        *(finish(who, q["id"], timeout=90) for (who, _), q in zip(jobs, queued, strict=True)),
    )
    assert [(r["verdict"], r["stdout"]) for r in done[:2]] == [("OK", "b\n")] * 2
    for n, result in enumerate(done[2:]):
        if n == 3:
            assert result["verdict"] != "OK", result
        else:
            assert (result["verdict"], result["stdout"]) == ("OK", f"{n}\n"), result
