"""When the sandbox cannot work, runs are refused, unless the operator allows unsandboxed
runs (then every user is warned); and a full queue answers 429."""

import pytest
from runner_support import RUNNER_CONFIG, run, start

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
