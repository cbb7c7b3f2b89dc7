"""The Python kernel of the warm pool: every execute_request is one JSON run spec, and
the program runs in a fork of this kernel (pyrun.py).

``python -m codecall_polyglot.pykernel -f <connection file>`` starts it (in the pool,
pylaunch.py starts it after its run server, the way most runs reach it). It is a plain
ipykernel ``Kernel`` rather than IPython's: a run needs none of IPython's cell machinery
(transformers, history, display hooks, output streams that wait for the IOPub thread on
every flush), which cost a few milliseconds of every warm run, and the program forked
from a lighter kernel copies fewer pages. The program still sees an interpreter that has
imported what it needs to start fast.

Its requests and replies are speckernel.py's, as the polyglot kernel's are.
"""

from __future__ import annotations

import platform
from typing import Any

from ipykernel.kernelapp import IPKernelApp

from . import pyrun
from .speckernel import SpecKernel


class PythonRunKernel(SpecKernel):
    implementation = "codecall-python"
    implementation_version = "1.0"
    language = "python"
    language_version = platform.python_version()
    language_info = {
        "name": "python",
        "version": platform.python_version(),
        "mimetype": "text/x-python",
        "file_extension": ".py",
    }
    banner = "CodeCall Python runner: one JSON run spec per request"

    def handle(self, code: str) -> dict[str, Any]:
        return pyrun.run(pyrun.parse(code), self._stream, self._display)


def main() -> None:
    IPKernelApp.launch_instance(kernel_class=PythonRunKernel)


if __name__ == "__main__":
    main()
