"""The Python kernel of the warm pool (``python -m codecall_polyglot.pykernel``), started
as the sandbox starts it but without a sandbox: one JSON run spec per request, the
program in a fork of the kernel, run as ``python solution.py`` would run it."""

from __future__ import annotations

from typing import Any

import pytest
from test_polyglot_kernel import MIME, Polyglot, Reply, assert_refused


@pytest.fixture(scope="module")
def kernel(tmp_path_factory: pytest.TempPathFactory):
    k = Polyglot(tmp_path_factory.mktemp("pykernel"), module="codecall_polyglot.pykernel")
    yield k
    k.close()


def python(kernel: Polyglot, source: str, **extra: Any) -> Reply:
    return kernel.execute(kernel.spec("python", {"solution.py": source}, **extra))


def test_a_run_streams_its_output_and_publishes_its_result(kernel: Polyglot) -> None:
    reply = python(kernel, "print('Hello,', input() + '!')", stdin="CodeCall\n")
    assert reply.status == "ok", reply
    assert reply.text() == "Hello, CodeCall!\n"
    result = reply.result
    assert (result["verdict"], result["exit_code"]) == ("OK", 0)
    assert result["stdout_bytes"] == len("Hello, CodeCall!\n")
    assert result["reusable"] is False  # no sweep asked: never handed another run


def test_the_program_runs_as_python_would_run_its_file(kernel: Polyglot) -> None:
    source = (
        "import builtins, sys\n"
        "print(__name__, sys.argv[0].endswith('solution.py'))\n"
        "print(hasattr(builtins, 'get_ipython'), type(sys.stdout).__name__)\n"
        "raise SystemExit(3)\n"
    )
    reply = python(kernel, source)
    assert reply.text() == "__main__ True\nFalse TextIOWrapper\n", reply
    assert (reply.result["verdict"], reply.result["exit_code"]) == ("RE", 3)


def test_output_goes_out_while_the_program_runs(kernel: Polyglot) -> None:
    reply = python(
        kernel, "import time\nprint('first', flush=True)\ntime.sleep(0.6)\nprint('second')"
    )
    (first_at, _, first), *_ = reply.streams
    assert first == "first\n"
    result_at = next(t for t, mime, _ in reply.displays if mime == MIME.format("result"))
    assert result_at - first_at > 0.4
    assert reply.text() == "first\nsecond\n"


def test_an_interrupt_cancels_the_program_and_the_kernel_serves_on(kernel: Polyglot) -> None:
    spec = kernel.spec("python", {"solution.py": "while True: pass"}, limits={"wall": 30})
    reply = kernel.execute(spec, interrupt_after=0.5)
    assert reply.result["verdict"] == "CANCELLED"
    assert (reply.status, reply.ename) == ("error", "KeyboardInterrupt")
    assert reply.elapsed < 3
    assert python(kernel, "print('still alive')").text() == "still alive\n"


@pytest.mark.parametrize(
    "bad", ["print('not a spec')", "[1, 2]", '{"files": {"a.py": "1"}}', '{"entry": "a.py"}']
)
def test_what_is_not_a_run_spec_is_refused_without_running(kernel: Polyglot, bad: str) -> None:
    assert_refused(kernel.execute(bad))
