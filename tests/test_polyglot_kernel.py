"""The polyglot kernel, started the way the sandbox starts it (``python -m
codecall_polyglot`` from a folder on PYTHONPATH, no codecall_jupyter), without a sandbox.

``Polyglot`` is also used by test_languages.py (one kernel per module).
"""

from __future__ import annotations

import json
import os
import queue
import signal
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from jupyter_client.kernelspec import KernelSpec
from jupyter_client.manager import KernelManager

import codecall_jupyter.runner.polyglot as polyglot_package

MIME = "application/vnd.codecall.{}+json"
# The kernel's interpreter: this one, or e.g. the sandbox's kernel environment.
KERNEL_PYTHON = os.environ.get("CODECALL_KERNEL_PYTHON", sys.executable)


@dataclass
class Reply:
    status: str
    ename: str | None
    evalue: str | None
    elapsed: float
    streams: list[tuple[float, str, str]] = field(default_factory=list)  # (time, name, text)
    displays: list[tuple[float, str, dict[str, Any]]] = field(default_factory=list)

    def all(self, kind: str) -> list[dict[str, Any]]:
        return [data for _, mime, data in self.displays if mime == MIME.format(kind)]

    @property
    def result(self) -> dict[str, Any]:
        (result,) = self.all("result")
        return result

    def text(self, name: str = "stdout") -> str:
        return "".join(text for _, n, text in self.streams if n == name)


class Polyglot:
    """A CodeCall kernel: the polyglot one, or with ``module="codecall_polyglot.pykernel"``
    the Python kernel of the warm pool."""

    def __init__(self, root: Path, module: str = "codecall_polyglot") -> None:
        lib, self.work, home = root / "lib", root / "work", root / "home"
        for folder in (lib, self.work, home):
            folder.mkdir()
        (lib / "codecall_polyglot").symlink_to(Path(polyglot_package.__file__).parent)
        spec = KernelSpec(
            argv=[KERNEL_PYTHON, "-m", module, "-f", "{connection_file}"],
            display_name="CodeCall polyglot",
            language="codecall",
            interrupt_mode="message",
            env={"PYTHONPATH": str(lib), "HOME": str(home), "TMPDIR": str(home)},
        )
        self.manager = KernelManager(transport="ipc", ip=str(root / "k"))
        self.manager._kernel_spec = spec
        started = time.monotonic()
        self.manager.start_kernel(cwd=str(root))
        self.client = self.manager.blocking_client()
        self.client.start_channels()
        self.client.wait_for_ready(timeout=60)
        self.start_time = time.monotonic() - started

    def spec(self, language: str, files: dict[str, str], **extra: Any) -> dict[str, Any]:
        spec = {"mode": "run", "language": language, "files": files, "entry": next(iter(files))}
        return {**spec, "workdir": str(self.work), **extra}

    def execute(self, spec: dict[str, Any] | str, interrupt_after: float = 0) -> Reply:
        """Send ``spec``, collect its messages until idle (interrupting it after
        ``interrupt_after`` seconds, when given), then its reply."""
        started = time.monotonic()
        code = spec if isinstance(spec, str) else json.dumps(spec)
        # An error reply aborts requests sent right after it unless stop_on_error is off.
        msg_id = self.client.execute(code, stop_on_error=False)
        reply = Reply("", None, None, 0.0)
        while True:
            if interrupt_after and time.monotonic() - started > interrupt_after:
                self.manager.interrupt_kernel()
                interrupt_after = 0
            try:
                msg = self.client.get_iopub_msg(timeout=0.05 if interrupt_after else 120)
            except queue.Empty:
                continue
            now, content = time.monotonic() - started, msg["content"]
            if msg["parent_header"].get("msg_id") != msg_id:
                continue
            if msg["msg_type"] == "stream":
                reply.streams.append((now, content["name"], content["text"]))
            elif msg["msg_type"] == "display_data":
                reply.displays.extend((now, mime, data) for mime, data in content["data"].items())
            elif msg["msg_type"] == "status" and content["execution_state"] == "idle":
                break
        content = self.client.get_shell_msg(timeout=10)["content"]
        reply.status, reply.ename = content["status"], content.get("ename")
        reply.evalue = content.get("evalue")
        reply.elapsed = time.monotonic() - started
        return reply

    def close(self) -> None:
        self.client.stop_channels()
        self.manager.shutdown_kernel(now=True)


@pytest.fixture(scope="module")
def kernel(tmp_path_factory: pytest.TempPathFactory):
    k = Polyglot(tmp_path_factory.mktemp("polyglot"))
    yield k
    k.close()


def python(kernel: Polyglot, source: str, **extra: Any) -> Reply:
    return kernel.execute(kernel.spec("python", {"solution.py": source}, **extra))


def c(kernel: Polyglot, source: str, **extra: Any) -> Reply:
    return kernel.execute(kernel.spec("c", {"main.c": source}, **extra))


def test_python_hello_with_stdin(kernel: Polyglot) -> None:
    python(kernel, "print('warm-up')")
    reply = python(kernel, "print('Hello,', input() + '!')", stdin="CodeCall\n")
    assert reply.status == "ok"
    assert reply.text() == "Hello, CodeCall!\n"
    result = reply.result
    assert result["verdict"] == "OK"
    assert result["exit_code"] == 0
    assert result["stdout_bytes"] == len("Hello, CodeCall!\n")
    assert result["compile"] is None
    assert 0 < result["memory"] < 64 * 1024 * 1024
    assert reply.elapsed < 1  # ~30 ms on an idle machine: no heavy work per request


def test_big_stdin_is_delivered_whole(kernel: Polyglot) -> None:
    data = "x" * 3_000_000 + "\n" + "second line\n"
    source = "import sys\nd = sys.stdin.read()\nprint(len(d), d.split()[-1])"
    reply = python(kernel, source, stdin=data)
    assert reply.text() == f"{len(data)} line\n"


def test_compile_error_is_ce_with_the_compiler_message(kernel: Polyglot) -> None:
    reply = c(kernel, "int main(void) { return missing; }\n")
    assert reply.status == "ok"
    (compiled,) = reply.all("compile")
    assert not compiled["ok"]
    assert compiled["exit_code"] != 0
    assert "missing" in compiled["stderr"]
    assert "undeclared" in compiled["stderr"]
    assert reply.result["verdict"] == "CE"
    assert reply.result["compile"] == compiled


def test_runtime_errors_report_exit_code_and_signal(kernel: Polyglot) -> None:
    reply = python(kernel, "import sys\nprint('before')\nsys.exit(3)")
    assert (reply.result["verdict"], reply.result["exit_code"]) == ("RE", 3)
    assert reply.text() == "before\n"
    reply = c(kernel, "int main(void) { volatile int *p = 0; return *p; }\n")
    assert (reply.result["verdict"], reply.result["signal"]) == ("RE", 11)


def test_infinite_loop_is_tle_at_the_wall_limit(kernel: Polyglot) -> None:
    reply = python(kernel, "import time\nwhile True: time.sleep(0.01)", limits={"wall": 1})
    assert reply.result["verdict"] == "TLE"
    assert 1.0 <= reply.result["wall"] < 1.5
    assert reply.elapsed < 3


def test_cpu_limit_is_tle(kernel: Polyglot) -> None:
    reply = c(kernel, "int main(void) { for (;;) {} }\n", limits={"cpu": 1, "wall": 10})
    assert reply.result["verdict"] == "TLE"
    assert reply.result["signal"] in (24, 9)  # SIGXCPU, then SIGKILL at the hard limit
    assert reply.result["wall"] < 3


def test_output_flood_is_capped_not_killed(kernel: Polyglot) -> None:
    cap = 100_000
    source = "import sys\nfor i in range(50_000): print('y' * 99)\nprint('done', file=sys.stderr)"
    reply = python(kernel, source, limits={"output_bytes": cap})
    result = reply.result
    assert (result["verdict"], result["truncated"]) == ("OK", True)
    assert result["stdout_bytes"] == 5_000_000
    assert result["stderr_bytes"] == 5  # counted after the cap, not forwarded
    marker = f"\n[output truncated: more than {cap} bytes]\n"
    out = reply.text()
    assert out.endswith(marker)
    assert out.count("[output truncated") == 1
    assert len(out) - len(marker) == cap
    assert reply.text("stderr") == ""


BOMBS = {
    "c": "#include <stdlib.h>\n#include <string.h>\n"
    "int main(void) { for (;;) memset(malloc(1 << 20), 1, 1 << 20); }\n",
    "python": "blocks = []\nwhile True: blocks.append(bytearray(1 << 20))",
}


@pytest.mark.parametrize("language", BOMBS)
def test_memory_bomb_is_mle(kernel: Polyglot, language: str) -> None:
    files = {"main.c" if language == "c" else "solution.py": BOMBS[language]}
    reply = kernel.execute(kernel.spec(language, files, limits={"memory_mb": 128}))
    assert reply.result["verdict"] == "MLE", reply.result


def test_background_children_do_not_hold_the_run(kernel: Polyglot) -> None:
    reply = kernel.execute(kernel.spec("bash", {"main.sh": "sleep 60 &\necho started\n"}))
    assert reply.result["verdict"] == "OK"
    assert reply.text() == "started\n"
    assert reply.elapsed < 3


SLOW_PRINTERS = {
    "python": "import time\nprint('first')\ntime.sleep(0.5)\nprint('second')",
    "c": "#include <stdio.h>\n#include <unistd.h>\n"
    'int main(void) { printf("first\\n"); usleep(500000); printf("second\\n"); }\n',
}


@pytest.mark.parametrize("language", SLOW_PRINTERS)
def test_output_streams_while_the_program_runs(kernel: Polyglot, language: str) -> None:
    if language == "c" and not os.path.exists("/usr/libexec/coreutils/libstdbuf.so"):
        pytest.skip("coreutils' libstdbuf not installed")  # C's stdio buffers a pipe
    files = {"main.c" if language == "c" else "solution.py": SLOW_PRINTERS[language]}
    reply = kernel.execute(kernel.spec(language, files))
    (first_at, _, first), *_ = reply.streams
    assert first.startswith("first")
    result_at = next(t for t, mime, _ in reply.displays if mime == MIME.format("result"))
    assert result_at - first_at > 0.4
    assert reply.text() == "first\nsecond\n"


def test_interrupt_cancels_a_running_program(kernel: Polyglot) -> None:
    reply = kernel.execute(
        kernel.spec("python", {"solution.py": "while True: pass"}, limits={"wall": 30}),
        interrupt_after=0.5,
    )
    assert reply.result["verdict"] == "CANCELLED"
    assert (reply.status, reply.ename) == ("error", "KeyboardInterrupt")
    assert reply.elapsed < 3
    assert python(kernel, "print('still alive')").text() == "still alive\n"


def test_judge_runs_each_case_in_a_fresh_process(kernel: Polyglot) -> None:
    source = (
        '#include <stdio.h>\nint main(void) { int a, b; if (scanf("%d %d", &a, &b) != 2) '
        'return 2; printf("%d\\n", a + b); return 0; }\n'
    )
    cases = [{"id": f"c{i}", "stdin": f"{i} {i * 10}\n"} for i in range(10)]
    c(kernel, source)  # compiled once before: the timing below is of judging
    reply = kernel.execute(kernel.spec("c", {"main.c": source}, mode="judge", cases=cases))
    judged = reply.all("case")
    assert [case["stdout"] for case in judged] == [f"{i * 11}\n" for i in range(10)]
    assert {case["verdict"] for case in judged} == {"OK"}
    result = reply.result
    assert (result["verdict"], result["cases"], result["passed"]) == ("OK", 10, 10)
    assert reply.elapsed - result["compile"]["wall"] < 1.0
    broken = [*cases[:2], {"id": "bad", "stdin": "nope"}]
    reply = kernel.execute(kernel.spec("c", {"main.c": source}, mode="judge", cases=broken))
    assert [case["verdict"] for case in reply.all("case")] == ["OK", "OK", "RE"]
    assert (reply.result["verdict"], reply.result["passed"]) == ("RE", 2)
    assert reply.all("case")[2]["exit_code"] == 2


def test_check_mode_runs_the_authors_checker(kernel: Polyglot) -> None:
    checker = (
        "import json, sys\n"
        "data = json.load(sys.stdin)\n"
        "if data['actual'] == 'crash': raise ValueError('boom')\n"
        "ok = abs(float(data['expected']) - float(data['actual'])) <= 1e-6\n"
        "print('OK' if ok else 'WA')\n"
        "if not ok: print('expected', data['expected'])\n"
    )
    cases = [
        {"id": "close", "input": "", "expected": "0.3333333", "actual": "0.33333331"},
        {"id": "far", "input": "", "expected": "0.5", "actual": "0.6"},
        {"id": "crash", "input": "", "expected": "1", "actual": "crash"},
    ]
    spec = {"mode": "check", "checker": checker, "cases": cases, "workdir": str(kernel.work)}
    reply = kernel.execute(spec)
    checks = {c["id"]: c for c in reply.all("check")}
    assert checks["close"] == {"id": "close", "ok": True, "message": ""}
    assert checks["far"] == {"id": "far", "ok": False, "message": "expected 0.5"}
    assert not checks["crash"]["ok"]
    assert checks["crash"]["message"].startswith("checker failed: exit code 1")
    assert "ValueError: boom" in checks["crash"]["message"]
    assert reply.result == {"verdict": "WA", "cases": 3, "passed": 1, "failed": 1}


def test_files_replace_symlinks_instead_of_writing_through(
    kernel: Polyglot, tmp_path: Path
) -> None:
    outside = tmp_path / "outside.txt"
    outside.write_text("keep me")
    python(kernel, f"import os\nos.symlink({str(outside)!r}, 'data.txt')")
    files = {"solution.py": "print(open('data.txt').read())", "data.txt": "mine"}
    reply = kernel.execute(kernel.spec("python", files))
    assert reply.text() == "mine\n"
    assert outside.read_text() == "keep me"


BAD_SPECS = {
    "not json": "print('hello')",
    "not an object": "[1, 2]",
    "unknown mode": {"mode": "debug"},
    "unknown language": {"language": "cobra"},
    "absolute path": {"files": {"/etc/passwd": "x"}, "entry": "/etc/passwd"},
    "dot dot": {"files": {"../up.py": "x"}, "entry": "../up.py"},
    "entry not in files": {"entry": "other.py"},
    "bad limits": {"limits": {"wall": -1}},
    "bad case": {"mode": "judge", "cases": [{"id": 1, "stdin": ""}]},
}


@pytest.mark.parametrize("name", BAD_SPECS)
def test_invalid_specs_are_spec_errors(kernel: Polyglot, name: str) -> None:
    bad = BAD_SPECS[name]
    if isinstance(bad, dict):
        bad = {**kernel.spec("python", {"solution.py": "print(1)"}), **bad}
    assert_refused(kernel.execute(bad))


def assert_refused(reply: Reply) -> None:
    """A request that is not a spec: a CodeCallSpecError that says why, nothing run."""
    assert (reply.status, reply.ename) == ("error", "CodeCallSpecError"), reply
    assert reply.evalue
    assert "Traceback" not in reply.evalue
    assert reply.displays == []
    assert reply.streams == []


def test_a_dead_kernel_leaves_no_program_behind(tmp_path: Path) -> None:
    own = Polyglot(tmp_path)
    try:
        source = "import os, time\nprint(os.getpid(), flush=True)\ntime.sleep(600)"
        spec = own.spec("python", {"solution.py": source}, limits={"wall": 600})
        own.client.execute(json.dumps(spec))
        message = own.client.get_iopub_msg(timeout=10)
        while message["msg_type"] != "stream":
            message = own.client.get_iopub_msg(timeout=10)
        program = int(message["content"]["text"])
        os.kill(own.manager.provisioner.process.pid, signal.SIGKILL)
        deadline = time.monotonic() + 5
        while os.path.exists(f"/proc/{program}") and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not os.path.exists(f"/proc/{program}")
    finally:
        own.close()
