"""Python kernels serve run after run: each run is a fork of the kernel, and the sandbox is
put back as it was afterwards. Nothing of one run may reach the next, or the kernel."""

import asyncio

import pytest
from runner_support import RUNNER_CONFIG, finish, run, start

from codecall_jupyter.testing import body_json

pytestmark = pytest.mark.sqlite_only


@pytest.fixture
def codecall_config(request):
    extra = getattr(request, "param", {})
    return {**RUNNER_CONFIG, "kernel_pool_sizes": {"python": 1, "polyglot": 0}, **extra}


async def pool(who):
    response = await who.api("GET", "runner")
    assert response.code == 200
    return body_json(response)["pools"]["python"]


async def test_clean_runs_share_a_kernel_and_abnormal_ones_retire_it(people):
    [ann] = await people("ann")
    first = await run(ann, "print('warm')")
    assert first["stdout"] == "warm\n"
    before = await pool(ann)
    for i in range(4):
        result = await run(ann, f"import sys\nprint({i})\nsys.exit({i % 2})")
        assert (result["stdout"], result["exit_code"]) == (f"{i}\n", i % 2), result
    after = await pool(ann)
    assert after["started"] == before["started"], "a clean run started a new kernel"
    assert after["reused"] >= before["reused"] + 4
    timed_out = await run(ann, "while True:\n    pass\n")
    assert timed_out["verdict"] == "TLE"
    fine = await run(ann, "print('next')")
    assert fine["stdout"] == "next\n"
    assert (await pool(ann))["started"] > after["started"], "a TLE kernel was kept"


async def test_a_run_cannot_reach_into_its_kernel(people):
    [ann] = await people("ann")
    await run(ann, "print(1)")
    probe = (
        "import ctypes, os\n"
        "parent = os.getppid()\n"
        "for name in ('environ', 'mem', 'maps'):\n"
        "    try:\n"
        "        open(f'/proc/{parent}/{name}', 'rb').read(1)\n"
        "        print(name, 'read')\n"
        "    except OSError as e:\n"
        "        print(name, 'refused', e.errno)\n"
        "libc = ctypes.CDLL(None, use_errno=True)\n"
        "print('ptrace', libc.ptrace(16, parent, 0, 0), ctypes.get_errno())\n"
    )
    result = await run(ann, probe)
    assert result["verdict"] == "OK", result
    lines = result["stdout"].splitlines()
    assert lines[:3] == ["environ refused 13", "mem refused 13", "maps refused 13"], lines
    assert lines[3] == "ptrace -1 1", lines  # EPERM: the kernel is not dumpable
    assert (await run(ann, "print('still serving')"))["stdout"] == "still serving\n"


async def test_what_a_run_plants_is_gone_for_the_next(people):
    [ann, bob] = await people("ann", "bob")
    plant = (
        "import os, time\n"
        "open('/work/json.py', 'w').write('raise SystemExit(\"planted\")')\n"
        "os.makedirs('/tmp/home/.config', exist_ok=True)\n"
        "open('/tmp/home/.config/x', 'w').write('x')\n"
        "os.mkdir('/tmp/locked'); open('/tmp/locked/f', 'w').write('x')\n"
        "os.chmod('/tmp/locked', 0)\n"
        "if os.fork() == 0:\n"
        "    os.setsid()\n"
        "    while True:\n"
        "        open('/work/spy', 'a').write('x')\n"
        "        time.sleep(0.01)\n"
        "print('planted')\n"
    )
    assert (await run(ann, plant))["stdout"] == "planted\n"
    look = (
        "import json, os, time\n"
        "time.sleep(0.1)\n"
        "print(sorted(os.listdir('/work')), sorted(os.listdir('/tmp')),"
        " sorted(os.listdir('/tmp/home')))\n"
        "print(json.dumps({'ok': True}))\n"
    )
    result = await run(bob, look)
    assert result["verdict"] == "OK", result
    listing, dumped = result["stdout"].splitlines()
    for planted in ("spy", "json.py", "locked", ".config"):
        assert planted not in listing, listing
    assert dumped == '{"ok": true}'


@pytest.mark.parametrize("codecall_config", [{"python_kernel_runs": 1}], indirect=True)
async def test_one_kernel_per_run_when_configured(people):
    [ann] = await people("ann")
    await run(ann, "print(1)")
    before = await pool(ann)
    for _ in range(2):
        assert (await run(ann, "print(2)"))["stdout"] == "2\n"
    after = await pool(ann)
    assert after["reused"] == before["reused"] == 0
    for _ in range(100):  # the replacements start in the background, after each result
        if after["started"] >= before["started"] + 2:
            break
        await asyncio.sleep(0.1)
        after = await pool(ann)
    assert after["started"] >= before["started"] + 2


@pytest.mark.parametrize("codecall_config", [{"python_kernel_wait": 5.0}], indirect=True)
async def test_runs_queued_for_a_busy_kernel_wait_for_it_rather_than_start_kernels(people):
    """A kernel costs about half a second of CPU to start: runs that find the only kernel
    busy with a quick run take it when it comes back, and no kernel is started for them."""
    [ann, bob] = await people("ann", "bob")
    await run(ann, "print('warm')")
    before = await pool(ann)
    for round_ in range(3):
        runs = [run(who, f"print({round_}, {i})") for who in (ann, bob) for i in range(2)]
        results = await asyncio.gather(*runs)
        outputs = sorted(r["stdout"] for r in results)
        assert outputs == [f"{round_} {i}\n" for i in (0, 0, 1, 1)], results
    await asyncio.sleep(3)  # a kernel started for them would be counted by now
    after = await pool(ann)
    assert after["started"] == before["started"], (before, after)
    assert after["reused"] >= before["reused"] + 12


@pytest.mark.parametrize(
    "codecall_config", [{"python_kernel_wait": 0.2, "run_wall_seconds": 10.0}], indirect=True
)
async def test_a_run_behind_a_long_program_gets_a_kernel_of_its_own(people):
    [ann, bob] = await people("ann", "bob")
    await run(ann, "print('warm')")
    long = await start(ann, "import time\ntime.sleep(6)\nprint('long')")
    await asyncio.sleep(0.3)  # the long program has the pool's only kernel
    short = await run(bob, "print('short')")
    assert short["stdout"] == "short\n"
    still = await ann.api("GET", f"runs/{long['id']}")
    assert body_json(still)["status"] == "running", "the short run waited for the long one"
    assert (await finish(ann, long["id"]))["stdout"] == "long\n"
