"""Runner benchmark: Python `print("hello")` from the REST request to the result on a warm
pool, against a bare `python3 -c` subprocess (no sandbox) and a cold sandboxed kernel,
all measured in the same run; then trivial runs per second, C++ and Java compile-and-run,
and judging a 10-case problem. Writes bench/results/runner.json.

Run with `make bench`. Traffic stays on 127.0.0.1.
"""

from __future__ import annotations

import asyncio
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from tornado.httpclient import AsyncHTTPClient, HTTPRequest

from codecall_jupyter.runner.environment import RunnerOptions, prepare
from codecall_jupyter.runner.execute import execute
from codecall_jupyter.runner.kernels import PYTHON, SandboxedKernel
from codecall_jupyter.runner.sandbox import SANDBOX_PATH
from codecall_jupyter.testing import free_port

HERE = Path(__file__).parent
SAMPLES = int(os.environ.get("BENCH_SAMPLES", "40"))
TOKEN = "bench-token-0123456789"  # noqa: S105 (a throwaway server on loopback)
HELLO = 'print("hello")'
# Submitters at once for the throughput figure: as many as the server runs at once by
# default (max_runs_total), so a run is always waiting when a kernel comes free.
CLIENTS = 4


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def summary(values: list[float]) -> dict[str, float]:
    return {
        "n": len(values),
        "p50_ms": round(statistics.median(values) * 1000, 2),
        "p99_ms": round(pct(values, 99) * 1000, 2),
    }


class Server:
    """`jupyter server` with CodeCall, on 127.0.0.1, warm pools of two kernels each."""

    def __init__(self, root: Path) -> None:
        self.port = free_port()
        self.root = root
        self.base = f"http://127.0.0.1:{self.port}/"
        args = [
            sys.executable, "-m", "jupyter_server", "--no-browser", "--ip=127.0.0.1",
            f"--port={self.port}", f"--ServerApp.root_dir={root}",
            f"--IdentityProvider.token={TOKEN}",
            f"--CodeCallApp.db_url=sqlite:///{root}/codecall.db",
            f"--config={self._config(root)}",
        ]  # fmt: skip
        if os.geteuid() == 0:
            args.append("--allow-root")
        self.process = subprocess.Popen(
            args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=root
        )
        self.client = AsyncHTTPClient()

    @staticmethod
    def _config(root: Path) -> Path:
        config = root / "bench_config.py"
        config.write_text(
            'c.CodeCallApp.kernel_pool_sizes = {"python": 2, "polyglot": 2}\n'
            "c.CodeCallApp.max_runs_total = 4\n"
            "c.CodeCallApp.max_runs_per_user = 4\n"
            # One user submits every run here: the per-user REST limit (600 a minute by
            # default) would measure the limiter, not the runner.
            'c.CodeCallApp.api_rate_limit_user = "1000000/minute"\n'
            'c.CodeCallApp.api_rate_limit_address = "1000000/minute"\n'
        )
        return config

    async def call(self, method: str, path: str, body: Any = None) -> Any:
        request = HTTPRequest(
            self.base + path,
            method=method,
            body=None if body is None else json.dumps(body),
            headers={"Authorization": f"token {TOKEN}", "Content-Type": "application/json"},
            request_timeout=120,
        )
        response = await self.client.fetch(request, raise_error=False)
        return response.code, json.loads(response.body or b"null")

    async def ready(self) -> None:
        for _ in range(300):
            try:
                code, status = await self.call("GET", "codecall/api/runner")
                if code == 200 and all(p["warm"] >= p["size"] for p in status["pools"].values()):
                    return
            except (OSError, ValueError):  # not listening yet, or not yet CodeCall's
                pass
            await asyncio.sleep(0.2)
        raise RuntimeError("the server did not start with warm pools")

    async def run(self, body: dict[str, Any]) -> tuple[float, dict[str, Any]]:
        """One request from code to result (``?wait``), as a script asks for a run."""
        t0 = time.perf_counter()
        code, run = await self.call("POST", "codecall/api/runs?wait=30", body)
        assert code in (201, 202), run
        while run["status"] != "done":
            code, run = await self.call("GET", f"codecall/api/runs/{run['id']}?wait=30")
            assert code == 200, run
        return time.perf_counter() - t0, run

    async def wait_warm(self) -> None:
        for _ in range(200):
            _, status = await self.call("GET", "codecall/api/runner")
            if all(p["warm"] >= p["size"] for p in status["pools"].values()):
                return
            await asyncio.sleep(0.1)

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(20)


async def warm_rest(server: Server) -> list[float]:
    """One run at a time, each on a warm kernel (the pool refills between runs)."""
    times = []
    for _ in range(SAMPLES):
        await server.wait_warm()
        elapsed, run = await server.run({"language": "python", "code": HELLO})
        assert run["stdout"] == "hello\n", run
        times.append(elapsed)
    return times


# The interpreter of the sandbox's PATH (what `python3` means to a program in a run), not
# whatever `python3` the shell finds: a version manager's shim there is a shell script
# that takes ten times an interpreter's start.
BARE_PYTHON = shutil.which("python3", path=SANDBOX_PATH) or "/usr/bin/python3"


def bare_subprocess() -> list[float]:
    times = []
    for _ in range(SAMPLES):
        t0 = time.perf_counter()
        out = subprocess.run([BARE_PYTHON, "-c", HELLO], capture_output=True, text=True, check=True)
        times.append(time.perf_counter() - t0)
        assert out.stdout == "hello\n"
    return times


async def cold_kernel() -> list[float]:
    settings, isolation = prepare(RunnerOptions())
    assert settings is not None, isolation.problems
    times = []
    spec = {"files": {"s.py": HELLO}, "entry": "s.py", "workdir": "/work"}
    code = json.dumps(spec)
    for _ in range(max(5, SAMPLES // 4)):
        t0 = time.perf_counter()
        kernel = SandboxedKernel(PYTHON, settings)
        await kernel.start()
        outcome = await execute(kernel, code, deadline=30, output_bytes=1000)
        times.append(time.perf_counter() - t0)
        assert outcome.text("stdout") == "hello\n", outcome
        await kernel.dispose()
    return times


async def throughput(server: Server, seconds: float = 15.0) -> float:
    """Trivial runs per second with CLIENTS clients submitting back to back."""
    done = 0
    end = time.perf_counter() + seconds

    async def client() -> None:
        nonlocal done
        while time.perf_counter() < end:
            await server.run({"language": "python", "code": HELLO})
            done += 1

    t0 = time.perf_counter()
    await asyncio.gather(*(client() for _ in range(CLIENTS)))
    return done / (time.perf_counter() - t0)


CPP = '#include <iostream>\nint main() { std::cout << "hello\\n"; }\n'
JAVA = (
    'public class Main { public static void main(String[] a) { System.out.println("hello"); } }\n'
)
SUM = "import sys\nprint(sum(map(int, sys.stdin.read().split())))\n"


async def main() -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="codecall-bench-") as tmp:
        server = Server(Path(tmp))
        try:
            await server.ready()
            # The first run probes every toolchain's version once: not part of a run.
            await server.run({"language": "python", "code": HELLO})
            rest = await warm_rest(server)
            bare = bare_subprocess()
            cold = await cold_kernel()
            await server.wait_warm()
            per_second = await throughput(server)
            compiled = {}
            for language, source in (("cpp", CPP), ("java", JAVA)):
                samples = []
                for _ in range(5):
                    await server.wait_warm()
                    elapsed, run = await server.run({"language": language, "code": source})
                    assert run["verdict"] == "OK", run
                    samples.append(elapsed)
                compiled[language] = summary(samples)
            cases = [{"input": f"{i} {i}\n", "expected": f"{2 * i}\n"} for i in range(10)]
            judged = []
            for _ in range(10):
                await server.wait_warm()
                elapsed, run = await server.run(
                    {"language": "python", "code": SUM, "mode": "judge", "tests": cases}
                )
                assert run["passed"] == 10, run
                judged.append(elapsed)
        finally:
            server.stop()
    warm = summary(rest)
    return {
        "machine": {"cpus": os.cpu_count(), "platform": platform.platform()},
        "python_hello_warm_rest": warm,
        "reference_bare_subprocess": summary(bare),
        "reference_bare_interpreter": BARE_PYTHON,
        "reference_cold_sandboxed_kernel": summary(cold),
        "ratio_warm_to_bare_p50": round(warm["p50_ms"] / summary(bare)["p50_ms"], 2),
        "ratio_warm_to_cold_p50": round(warm["p50_ms"] / summary(cold)["p50_ms"], 2),
        "trivial_runs_per_second": round(per_second, 1),
        "compile_and_run": compiled,
        "judge_10_cases_python": summary(judged),
    }


if __name__ == "__main__":
    results = asyncio.run(main())
    out = HERE / "results" / "runner.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(results, indent=2) + "\n")
    print(json.dumps(results, indent=2))
