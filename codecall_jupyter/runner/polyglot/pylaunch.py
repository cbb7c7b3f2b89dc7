"""The Python kernel's entry point in the sandbox: ``python -m codecall_polyglot.pylaunch
--run-fd N -f <connection file>`` forks the run server (runserver.py) on the inherited
socket N first, while this interpreter has imported little, then starts the kernel
(pykernel.py). Without ``--run-fd`` it starts the kernel alone."""

from __future__ import annotations

import sys

RUN_FD = "--run-fd"


def _take_run_fd(argv: list[str]) -> int | None:
    """The run server's descriptor, removed from ``argv`` (ipykernel has no such option)."""
    if RUN_FD not in argv:
        return None
    at = argv.index(RUN_FD)
    fd = int(argv[at + 1])
    del argv[at : at + 2]
    return fd


def main() -> None:
    fd = _take_run_fd(sys.argv)
    if fd is not None:
        from .runserver import start

        start(fd)
    from .pykernel import main as kernel

    kernel()


if __name__ == "__main__":
    main()
