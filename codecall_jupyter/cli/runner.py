"""`jupyter codecall runner setup | status`: the kernels' Python and the sandbox."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from ..runner.environment import KERNEL_PACKAGES, ROOT_KERNEL_ENV, kernel_python, prepare
from .base import CodeCallCommand


def _print_isolation(command: CodeCallCommand) -> bool:
    _, isolation = prepare(command.codecall.runner_options())
    print(f"isolation: {isolation.level}")
    for layer, detail in isolation.layers.items():
        print(f"  {layer}: {detail}")
    for problem in isolation.problems:
        print(f"  problem: {problem}")
    if isolation.warning:
        print(f"  warning shown to users: {isolation.warning}")
    return isolation.can_run


class RunnerSetup(CodeCallCommand):
    name = "jupyter-codecall-runner-setup"
    description = (
        "Make the kernels' Python environment (a venv of the system Python with ipykernel, "
        "numpy and pandas) and the runner user, then check that a sandboxed kernel starts."
    )

    def execute(self) -> None:
        options = self.codecall.runner_options()
        python = Path(kernel_python(options))
        env = python.parent.parent
        if python == Path(sys.executable):
            print(f"Kernels use the server's own Python ({python}); installing ipykernel there.")
            base = sys.executable
        else:
            base = "/usr/bin/python3" if os.path.exists("/usr/bin/python3") else sys.executable
            if not python.exists():
                print(f"Making the kernels' environment {env} from {base}")
                env.parent.mkdir(parents=True, exist_ok=True)
                subprocess.run([base, "-m", "venv", str(env)], check=True)
            os.chmod(env, 0o755)
        subprocess.run(
            [str(python), "-m", "pip", "install", "-q", "--disable-pip-version-check",
             *KERNEL_PACKAGES],
            check=True,
        )  # fmt: skip
        if str(env).startswith(ROOT_KERNEL_ENV):
            subprocess.run(["chmod", "-R", "a+rX", str(env)], check=True)
        if not _print_isolation(self):
            # Not a failure of the set-up: the server still starts and refuses runs with
            # this explanation, so `make lab` goes on.
            print("Code will not run on this server until the problems above are fixed.")


class RunnerStatus(CodeCallCommand):
    name = "jupyter-codecall-runner-status"
    description = "Probe the sandbox as the server would, and print each isolation layer."

    def execute(self) -> None:
        if not _print_isolation(self):
            self.exit(1)


class RunnerCommand(CodeCallCommand):
    name = "jupyter-codecall-runner"
    description = "Set up and check the sandboxed code runner."
    subcommands = {
        "setup": (RunnerSetup, RunnerSetup.description),
        "status": (RunnerStatus, RunnerStatus.description),
    }
