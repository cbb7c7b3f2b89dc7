"""The runner's options, as traitlets that CodeCallApp inherits (``c.CodeCallApp.<name>``)."""

from __future__ import annotations

from traitlets import Bool, Dict, Float, HasTraits, Int, List, Unicode

from .admission import AdmissionLimits
from .environment import RunnerOptions
from .limits import RunLimits


class RunnerTraits(HasTraits):
    allow_unsandboxed = Bool(
        False,
        config=True,
        help="Run code without the bubblewrap sandbox when it cannot work on this machine. "
        "Every user then sees a warning. Never on a server others can reach.",
    )
    runner_user = Unicode(
        "codecall-run",
        config=True,
        help="When the server runs as root, kernels run as this unprivileged system user, "
        "created on first use.",
    )
    kernel_env = Unicode(
        "",
        config=True,
        help="The Python environment (with ipykernel) the kernels run in. Default: "
        "/var/lib/codecall/kernel-env as root (made by `jupyter codecall runner setup`), "
        "else the server's own Python.",
    )
    sandbox_extra_binds = List(
        Unicode(),
        default_value=[],
        config=True,
        help="Extra host folders (toolchains outside /usr) the sandbox sees, read-only.",
    )
    kernel_pool_sizes = Dict(
        per_key_traits={"python": Int(), "polyglot": Int()},
        default_value={"python": 2, "polyglot": 1},
        config=True,
        help="Warm kernels kept started per kind: python (ipykernel) and polyglot (every "
        "other language, and judging). 0 starts kernels on demand.",
    )
    python_kernel_runs = Int(
        100,
        config=True,
        help="Python runs one sandboxed kernel serves before it is replaced. Each run is "
        "a fork of the kernel, and the sandbox is emptied after it (processes killed, "
        "scratch folders cleared); a run that ends abnormally always retires its kernel. "
        "1 gives every run a freshly started kernel (about 0.5 s of CPU each).",
    )
    # A warm run gives its kernel back within milliseconds, and a start costs about half
    # a second of CPU: without the wait, steady load started 18 kernels in 10 s and threw
    # most away unused.
    python_kernel_wait = Float(
        0.15,
        config=True,
        help="Seconds a Python run waits for a kernel in use to come back (a warm run gives "
        "it back within milliseconds) before the pool starts another kernel for it "
        "(about 0.5 s of CPU). 0 starts one at once, as for a long program.",
    )
    run_wall_seconds = Float(10.0, config=True, help="Wall-clock limit per program run.")
    run_cpu_seconds = Float(10.0, config=True, help="CPU-time limit per program run.")
    run_memory_mb = Int(256, config=True, help="Memory limit per program run, in MB.")
    run_output_bytes = Int(
        1024 * 1024,
        config=True,
        help="Output kept per run; beyond it output is dropped with a visible marker.",
    )
    run_file_bytes = Int(64 * 1024 * 1024, config=True, help="Largest file a program may write.")
    compile_wall_seconds = Float(30.0, config=True, help="Wall-clock limit per compilation.")
    compile_memory_mb = Int(1024, config=True, help="Memory limit per compilation, in MB.")
    run_processes = Int(64, config=True, help="Processes and threads a program may have.")
    max_runs_total = Int(4, config=True, help="Runs at once on this server; more queue.")
    max_runs_per_user = Int(2, config=True, help="Runs at once per user; more queue.")
    max_runs_per_session = Int(2, config=True, help="Runs at once per session; more queue.")
    max_run_queue = Int(100, config=True, help="Runs that may wait; beyond it, 429.")

    def runner_options(self) -> RunnerOptions:
        return RunnerOptions(
            allow_unsandboxed=self.allow_unsandboxed,
            runner_user=self.runner_user,
            kernel_env=self.kernel_env,
            extra_binds=tuple(self.sandbox_extra_binds),
            memory_mb=max(self.run_memory_mb, self.compile_memory_mb),
            python_kernel_runs=max(1, self.python_kernel_runs),
            python_kernel_wait=max(0.0, self.python_kernel_wait),
        )

    def run_limits(self) -> RunLimits:
        return RunLimits(
            wall=self.run_wall_seconds,
            cpu=self.run_cpu_seconds,
            memory_mb=self.run_memory_mb,
            output_bytes=self.run_output_bytes,
            file_bytes=self.run_file_bytes,
            compile_wall=self.compile_wall_seconds,
            compile_memory_mb=self.compile_memory_mb,
            processes=self.run_processes,
        )

    def admission_limits(self) -> AdmissionLimits:
        return AdmissionLimits(
            total=self.max_runs_total,
            per_user=self.max_runs_per_user,
            per_session=self.max_runs_per_session,
            queue=self.max_run_queue,
        )
