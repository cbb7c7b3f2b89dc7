"""The polyglot Jupyter kernel: every execute_request is one JSON run/judge/check spec
(the requests and replies are speckernel.py's, shared with the Python kernel)."""

from __future__ import annotations

import os
import sys
from typing import Any

from . import modes
from .cancel import Cancel
from .jobs import Places
from .languages import LANGUAGES
from .spawner import Spawner
from .spec import parse
from .speckernel import SpecKernel

# The sandbox's folders, when the environment does not name them.
SANDBOX_HOME = "/tmp/home"
SANDBOX_TMP = "/tmp"


class PolyglotKernel(SpecKernel):
    implementation = "codecall-polyglot"
    implementation_version = "1.0"
    language = "codecall"
    language_version = "1.0"
    language_info = {
        "name": "codecall",
        "mimetype": "application/json",
        "file_extension": ".json",
    }
    banner = "CodeCall polyglot runner: one JSON spec per request"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        home = os.environ.get("HOME") or SANDBOX_HOME
        os.makedirs(home, exist_ok=True)
        self.places = Places(sys.executable, home, os.environ.get("TMPDIR") or SANDBOX_TMP)
        self.spawner = Spawner(sys.executable)
        self.spawner.start()  # ready before the first request
        self.cancel = Cancel()

    def handle(self, code: str) -> dict[str, Any]:
        request = parse(code, LANGUAGES)
        ctx = modes.Context(self.spawner, self.cancel, self.places, self._display, self._stream)
        with self.cancel.on_sigint():
            return modes.handle(request, ctx)

    async def do_shutdown(self, restart: bool) -> dict[str, Any]:
        self.spawner.close()
        return {"status": "ok", "restart": restart}
