"""Hostile programs. Each runs in one session while the server must keep answering and a
run in another session must come out right."""

import asyncio
import os
import time

import pytest
from runner_support import RUNNER_CONFIG, finish, gone, run, start, zombies_of

from codecall_jupyter.testing import body_json
from codecall_jupyter.testing import create_session as create

pytestmark = pytest.mark.sqlite_only

SECRET = "codecall-test-secret-4d1f"


@pytest.fixture
def codecall_config():
    return dict(RUNNER_CONFIG)


@pytest.fixture
def two_sessions(people):
    """ann hosts one session and bob another."""

    async def make():
        ann, bob = await people("ann", "bob")
        a = await create(ann, title="hostile")
        b = await create(bob, title="bystander")
        return ann, a["id"], bob, b["id"]

    return make


async def hostile(two_sessions, code, *, language="python", **fields):
    """The hostile run's result, after checking the server and a neighbour meanwhile."""
    ann, sid, bob, other = await two_sessions()
    started = await start(ann, code, language=language, session_id=sid, **fields)
    await asyncio.sleep(0.7)  # let it get going
    t0 = time.monotonic()
    me = await ann.api("GET", "me")
    assert me.code == 200
    assert time.monotonic() - t0 < 2.0, "the server stopped answering"
    neighbour = await run(bob, "print(sum(range(10)))", session_id=other)
    assert (neighbour["verdict"], neighbour["stdout"]) == ("OK", "45\n"), neighbour
    return await finish(ann, started["id"])


async def test_infinite_loop(two_sessions):
    result = await hostile(two_sessions, "while True:\n    pass\n")
    assert result["verdict"] == "TLE"


async def test_sleep_past_the_wall_time(two_sessions):
    result = await hostile(two_sessions, "import time\ntime.sleep(60)\n")
    assert result["verdict"] == "TLE"
    assert result["wall_ms"] < 6000


async def test_memory_bomb(two_sessions):
    code = "chunks = []\nwhile True:\n    chunks.append(bytearray(10**7))\n"
    result = await hostile(two_sessions, code)
    assert result["verdict"] == "MLE", result


async def test_fork_bomb(two_sessions):
    code = (
        "import os\nwhile True:\n    try:\n        os.fork()\n    except OSError:\n        pass\n"
    )
    result = await hostile(two_sessions, code)
    assert result["verdict"] in ("TLE", "RE", "MLE"), result


async def test_thread_bomb(two_sessions):
    code = (
        "import threading, time\nthreads = []\nwhile True:\n"
        "    t = threading.Thread(target=time.sleep, args=(100,))\n    t.start()\n"
        "    threads.append(t)\n"
    )
    result = await hostile(two_sessions, code)
    assert result["verdict"] in ("RE", "TLE", "MLE"), result


async def test_endless_output(two_sessions):
    result = await hostile(two_sessions, "while True:\n    print('x' * 100)\n")
    assert result["verdict"] in ("TLE", "OLE"), result
    assert result["truncated"]
    assert "[output truncated: more than 65536 bytes]" in result["stdout"]
    assert len(result["stdout"]) < 70 * 1024


async def test_one_huge_line(two_sessions):
    result = await hostile(two_sessions, "print('y' * 10**7)\n")
    assert result["verdict"] == "OLE", result
    assert result["stdout"].startswith("y" * 1000)
    assert result["stdout"].endswith("[output truncated: more than 65536 bytes]\n")


async def test_writing_a_2_gb_file(two_sessions):
    code = (
        "with open('big', 'wb') as f:\n    for _ in range(2048):\n"
        "        f.write(b'0' * (1 << 20))\n"
    )
    result = await hostile(two_sessions, code)
    assert result["verdict"] == "RE", result
    assert "File too large" in result["stderr"]


async def test_a_million_small_files(two_sessions):
    code = "for i in range(10**6):\n    open(f'f{i}', 'w').close()\n"
    result = await hostile(two_sessions, code)
    assert result["verdict"] in ("TLE", "RE"), result


async def test_markers_do_not_reach_the_next_run(people):
    [ann] = await people("ann")
    plant = (
        "for p in ('/tmp/marker', '/dev/shm/marker', '/work/marker', '/tmp/home/marker'):\n"
        "    open(p, 'w').write('x')\nprint('planted')\n"
    )
    assert (await run(ann, plant))["stdout"] == "planted\n"
    look = (
        "import os\nprint([p for p in ('/tmp/marker', '/dev/shm/marker', '/work/marker',"
        " '/tmp/home/marker') if os.path.exists(p)])\n"
    )
    assert (await run(ann, look))["stdout"] == "[]\n"


async def test_no_network(two_sessions, jp_http_port):
    code = (
        "import socket\n"
        "print(sorted(name for _, name in socket.if_nameindex()))\n"
        "try:\n"
        f"    socket.create_connection(('127.0.0.1', {jp_http_port}), timeout=2)\n"
        "    print('connected')\n"
        "except OSError as e:\n    print('refused', type(e).__name__)\n"
        "try:\n    socket.getaddrinfo('codecall-test.invalid', 80)\n    print('resolved')\n"
        "except OSError as e:\n    print('no dns', type(e).__name__)\n"
    )
    result = await hostile(two_sessions, code)
    lines = result["stdout"].splitlines()
    assert lines[0] == "['lo']"
    assert lines[1].startswith("refused")
    assert lines[2].startswith("no dns")


async def test_host_files_are_out_of_reach(two_sessions, codecall_db_url, jp_root_dir):
    db_file = codecall_db_url.split("///", 1)[1]
    assert os.path.exists(db_file)
    neighbour_folder = jp_root_dir
    code = (
        "import os\n"
        f"for path in ({db_file!r}, '/etc/shadow', {str(neighbour_folder)!r}, '/root',"
        " '/proc/1/environ'):\n"
        "    try:\n"
        "        if os.path.isdir(path):\n            print(path, os.listdir(path))\n"
        "        else:\n            print(path, open(path, 'rb').read()[:2000])\n"
        "    except OSError as e:\n        print(path, 'refused', e.errno)\n"
    )
    result = await hostile(two_sessions, code)
    out = result["stdout"]
    assert f"{db_file} refused" in out
    assert "/etc/shadow b''" in out or "/etc/shadow refused" in out
    assert f"{neighbour_folder} refused" in out
    assert "/root refused" in out
    assert SECRET not in out
    assert "JUPYTER" not in out


async def test_the_environment_holds_no_secrets(people, monkeypatch):
    monkeypatch.setenv("CODECALL_SECRET_FOR_TEST", SECRET)
    [ann] = await people("ann")
    result = await run(
        ann, "import os\nprint(dict(os.environ))\nprint(open('/proc/1/environ').read())"
    )
    assert result["verdict"] == "OK"
    assert SECRET not in result["stdout"]
    for name in ("JUPYTER_TOKEN", "JPY_", "CODECALL_SECRET", "DATABASE"):
        assert name not in result["stdout"]


async def test_killing_everything_it_can(two_sessions):
    code = (
        "import os, signal\ntry:\n    os.kill(os.getppid(), signal.SIGKILL)\n"
        "except OSError as e:\n    print('parent', e.errno, flush=True)\n"
        "os.kill(-1, signal.SIGKILL)\n"
    )
    result = await hostile(two_sessions, code)
    # Inside its pid namespace the program can kill only its own kernel (its parent),
    # and the namespace's init ignores it: the run ends as an ordinary failure, and the
    # kernel is replaced.
    assert result["verdict"] == "RE", result
    assert "SIGKILL" in result["message"] or "ProcessLookupError" in result["stderr"]


async def test_daemons_are_gone_after_the_run(two_sessions):
    code = (
        "import os, time\n"
        "if os.fork() == 0:\n    os.setsid()\n    if os.fork() == 0:\n"
        "        os.execvp('sleep', ['sleep', '987654'])\n    os._exit(0)\n"
        "time.sleep(0.3)\nprint('parent done')\n"
    )
    result = await hostile(two_sessions, code)
    assert result["stdout"] == "parent done\n"
    assert await gone("sleep 987654")


async def test_planted_symlinks_are_never_followed(people, jp_root_dir):
    [ann] = await people("ann")
    session = await create(ann)
    folder = next(p for p in jp_root_dir.rglob(session["id"]) if p.is_dir())
    (folder / "leak.py").symlink_to("/etc/hostname")
    (folder / "main.py").write_text(
        "import os\nprint(sorted(os.listdir('.')))\n"
        "os.symlink('/etc/passwd', 'planted.py')\nprint(os.path.islink('planted.py'))\n"
    )
    result = await run(ann, None, session_id=session["id"], entry="main.py")
    # The starter solution.py and main.py: the link is not among the files.
    assert result["stdout"] == "['main.py', 'solution.py']\nTrue\n", result
    # The link the program planted stayed inside its sandbox.
    assert not (folder / "planted.py").exists()


async def test_exits_and_crashes_are_reported_and_reaped(people):
    [ann] = await people("ann")
    # Only this test's kernels count: an earlier test may have left a zombie of its own.
    before = set(zombies_of(os.getpid()))
    exited = await run(ann, "import os\nos._exit(3)\n")
    assert (exited["verdict"], exited["exit_code"]) == ("RE", 3), exited
    crashed = await run(ann, "import ctypes\nctypes.string_at(0)\n")
    assert crashed["verdict"] == "RE", crashed
    assert "SIGSEGV" in crashed["message"]
    after = await run(ann, "print('still fine')")
    assert after["stdout"] == "still fine\n"
    # Disposed kernels are reaped in the background: give a loaded machine a moment.
    for _ in range(50):
        if not set(zombies_of(os.getpid())) - before:
            break
        await asyncio.sleep(0.1)
    assert set(zombies_of(os.getpid())) - before == set()


@pytest.mark.parametrize(
    "source",
    [
        "template<int N> struct F { enum { v = F<N + 1>::v }; };\nint main() { return F<0>::v; }\n",
        '#include "/dev/random"\nint main() {}\n',
    ],
    ids=["template-recursion", "include-dev-random"],
)
async def test_compile_bombs(two_sessions, source):
    result = await hostile(two_sessions, source, language="cpp")
    assert result["verdict"] == "CE", result


async def test_twenty_concurrent_hostile_runs(people):
    users = await people("user1", "user2", "user3", "user4", "user5")
    bombs = [
        "while True:\n    pass\n",
        "chunks = []\nwhile True:\n    chunks.append(bytearray(10**7))\n",
        "import time\ntime.sleep(60)\n",
        "while True:\n    print('z' * 1000)\n",
    ]
    started = [(who, await start(who, bombs[i % len(bombs)])) for i, who in enumerate(users * 4)]
    t0 = time.monotonic()
    assert (await users[0].api("GET", "me")).code == 200
    assert time.monotonic() - t0 < 2.0
    results = [await finish(who, s["id"], timeout=180) for who, s in started]
    assert all(r["verdict"] in ("TLE", "MLE", "OLE") for r in results), [
        r["verdict"] for r in results
    ]
    assert (await run(users[0], "print('after')"))["stdout"] == "after\n"
    status = body_json(await users[0].api("GET", "runner"))
    assert status["running"] == 0
    assert status["queued"] == 0
