"""Each layer of the sandbox, seen from inside a real sandboxed kernel and from the host."""

import ast
import asyncio
import json
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from runner_support import gone, processes_matching

from codecall_jupyter.runner import cgroups
from codecall_jupyter.runner.environment import RunnerOptions, prepare
from codecall_jupyter.runner.execute import execute
from codecall_jupyter.runner.kernels import PYTHON, SandboxedKernel

ROOT = os.geteuid() == 0


@pytest.fixture(scope="module")
def settings(sandbox_settings):
    return sandbox_settings


def program(code: str) -> str:
    """An execute request of the Python kernel: ``code`` as a run's program, in a fork of
    the kernel (same namespaces, user, folders and cgroup as the kernel)."""
    spec = {"files": {"probe.py": code}, "entry": "probe.py", "workdir": "/work"}
    return json.dumps({**spec, "limits": {"wall": 20}})


async def inside(settings, code: str) -> tuple[str, SandboxedKernel]:
    """Run a Python program in a fresh sandboxed kernel; its stdout, and the still-live
    kernel."""
    kernel = SandboxedKernel(PYTHON, settings)
    await kernel.start()
    outcome = await execute(kernel, program(code), deadline=20, output_bytes=1 << 20)
    assert outcome.error is None, (outcome.error, outcome.stderr)
    return outcome.text("stdout"), kernel


async def probe(settings, code: str) -> str:
    out, kernel = await inside(settings, code)
    await kernel.dispose()
    return out


async def test_namespaces_and_user(settings):
    out, kernel = await inside(
        settings, "import os, socket\nprint(os.getppid(), socket.gethostname())"
    )
    pid, hostname = out.split()  # the kernel's, as its program sees it
    assert hostname == "codecall"  # uts namespace
    assert int(pid) < 10  # pid namespace: the kernel is near the start of its own
    bwrap_pid = kernel.manager.provisioner.pid
    status = Path(f"/proc/{bwrap_pid}/status").read_text()
    uid = int(next(line for line in status.splitlines() if line.startswith("Uid:")).split()[1])
    if ROOT:
        assert uid != 0  # the runner user, never root
        import pwd

        assert pwd.getpwuid(uid).pw_name == "codecall-run"
    for ns in ("user", "pid", "ipc", "uts", "net", "mnt"):
        mine = os.readlink(f"/proc/self/ns/{ns}")
        children = Path(f"/proc/{bwrap_pid}/task/{bwrap_pid}/children").read_text().split()
        child = children[0]
        assert os.readlink(f"/proc/{child}/ns/{ns}") != mine, ns
    await kernel.dispose()


async def test_read_only_system_and_private_work_dir(settings):
    code = textwrap.dedent(
        """
        import os
        for path in ('/usr/codecall-x', '/etc/codecall-x', '/work/x', '/tmp/x'):
            try:
                open(path, 'w').write('x'); print(path, 'written')
            except OSError as e:
                print(path, 'refused')
        print(sorted(os.listdir('/')))
        """
    )
    out = await probe(settings, code)
    assert "/usr/codecall-x refused" in out
    assert "/etc/codecall-x refused" in out
    assert "/work/x written" in out
    assert "/tmp/x written" in out
    top = ast.literal_eval(out.splitlines()[-1])
    assert "root" not in top
    assert "home" not in top
    assert "srv" not in top


async def test_other_kernels_and_jupyter_dirs_are_invisible(settings):
    other = SandboxedKernel(PYTHON, settings)
    await other.start()
    try:
        code = (
            "import os\n"
            f"for p in ({str(other.dir)!r}, {str(other.dir / 'kernel.json')!r},"
            f" {str(settings.kernels_dir)!r}):\n"
            "    try:\n        print(p, os.listdir(p) if os.path.isdir(p) else open(p).read())\n"
            "    except OSError as e:\n        print(p, 'refused', e.errno)\n"
        )
        out = await probe(settings, code)
        assert f"{other.dir} refused" in out
        assert f"{other.dir / 'kernel.json'} refused" in out
        # The kernels' folder shows this kernel's own entry only.
        listing = next(
            line for line in out.splitlines() if line.startswith(f"{settings.kernels_dir} [")
        )
        assert other.id not in listing
    finally:
        await other.dispose()


async def test_rlimits_and_cgroups(settings):
    out = await probe(settings, "print(open('/proc/self/limits').read())")
    assert "Max open files            256" in out
    assert "Max file size             67108864" in out
    if settings.cgroups is not None:
        kernel = SandboxedKernel(PYTHON, settings)
        await kernel.start()
        try:
            assert kernel.cgroup is not None
            memory = kernel.cgroup.dirs[0]
            name = "memory.max" if kernel.cgroup.version == 2 else "memory.limit_in_bytes"
            assert int((memory / name).read_text()) == settings.memory_bytes
            pid = kernel.manager.provisioner.pid
            assert str(pid) in " ".join(
                (d / "cgroup.procs").read_text() for d in kernel.cgroup.dirs
            )
        finally:
            await kernel.dispose()
        assert not any(d.exists() for d in kernel.cgroup.dirs)


async def test_the_ipc_transport_and_message_interrupts(settings):
    kernel = SandboxedKernel(PYTHON, settings)
    await kernel.start()
    try:
        info = json.loads((kernel.dir / "kernel.json").read_text())
        assert info["transport"] == "ipc"
        assert info["ip"].startswith(str(kernel.dir))
        assert kernel.manager.kernel_spec.interrupt_mode == "message"
        # As an execute request (test_run_server.py: through the run server).
        channel, kernel.run_channel = kernel.run_channel, None
        busy = asyncio.ensure_future(
            execute(kernel, program("while True: pass"), deadline=20, output_bytes=1000)
        )
        await asyncio.sleep(0.5)
        await kernel.interrupt()
        outcome = await asyncio.wait_for(busy, 5)
        assert outcome.error
        assert outcome.error["ename"] == "KeyboardInterrupt"
        kernel.run_channel = channel
    finally:
        await kernel.dispose()


def test_cgroup_detection_reports_itself():
    driver, why = cgroups.detect("codecall-test-detect")
    if driver is None:
        assert "rlimits only" in why
    else:
        assert f"v{driver.version}" in why
        driver.close()


def test_without_a_sandbox_runs_are_refused_unless_allowed(tmp_path):
    missing = str(tmp_path / "no-such-env")
    settings, isolation = prepare(RunnerOptions(kernel_env=missing))
    assert settings is None
    assert isolation.level == "unavailable"
    assert "runner setup" in " ".join(isolation.problems)
    settings, isolation = prepare(
        RunnerOptions(kernel_env=str(Path(sys.executable).parent.parent), allow_unsandboxed=False)
    )
    assert isolation.level in ("sandboxed", "reduced", "unavailable")


def test_die_with_parent(tmp_path):
    """A server killed with SIGKILL takes its sandboxed kernels with it."""
    script = tmp_path / "server.py"
    script.write_text(
        textwrap.dedent(
            """
            import asyncio, sys
            from codecall_jupyter.runner.environment import RunnerOptions, prepare
            from codecall_jupyter.runner.kernels import SandboxedKernel

            async def main():
                settings, _ = prepare(RunnerOptions())
                kernel = SandboxedKernel("python", settings)
                await kernel.start()
                print(kernel.dir, flush=True)
                await asyncio.sleep(3600)

            asyncio.run(main())
            """
        )
    )
    server = subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE, text=True)
    try:
        kernel_dir = server.stdout.readline().strip()
        assert kernel_dir, "the kernel did not start"
        assert processes_matching(kernel_dir), "no kernel process seen"
        server.send_signal(signal.SIGKILL)
        server.wait(10)
        assert asyncio.run(gone(kernel_dir)), "the kernel outlived its server"
    finally:
        server.kill()
