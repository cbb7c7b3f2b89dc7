"""The polyglot Jupyter kernel: every execute_request is one JSON run/judge/check spec.

Requests are handled on the main thread, blocking it on purpose: output goes out
through ipykernel's IOPub thread meanwhile, interrupts arrive on the control thread as
SIGINT (see cancel.py), and a kernel serves one run at a time anyway.

Replies: "ok" whenever a result was published (also for CE, TLE, ...); "error" with
ename CodeCallSpecError for a malformed spec, KeyboardInterrupt for a cancelled run
(after its CANCELLED result), CodeCallError when the runner itself failed.
"""

from __future__ import annotations

import os
import sys
from typing import Any

from ipykernel.kernelbase import Kernel

from . import modes
from .cancel import Cancel
from .jobs import Places
from .languages import LANGUAGES
from .spawner import Spawner
from .spec import SpecError, parse

# The sandbox's folders, when the environment does not name them.
SANDBOX_HOME = "/tmp/home"
SANDBOX_TMP = "/tmp"


class PolyglotKernel(Kernel):
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

    async def do_execute(
        self,
        code: str,
        silent: bool,
        store_history: bool = True,
        user_expressions: dict[str, Any] | None = None,
        allow_stdin: bool = False,
        **kwargs: Any,
    ) -> dict[str, Any]:
        try:
            request = parse(code, LANGUAGES)
            ctx = modes.Context(self.spawner, self.cancel, self.places, self._display, self._stream)
            with self.cancel.on_sigint():
                result = modes.handle(request, ctx)
        except SpecError as e:
            return self._error("CodeCallSpecError", str(e))
        except KeyboardInterrupt:  # SIGINT before our handler took over
            return self._error("KeyboardInterrupt", "cancelled")
        except Exception as e:  # the runner's failure, never the program's: say so
            self.log.exception("CodeCall polyglot: the request failed")
            return self._error("CodeCallError", f"{type(e).__name__}: {e}")
        if result["verdict"] == "CANCELLED":
            return self._error("KeyboardInterrupt", "cancelled")
        return {
            "status": "ok",
            "execution_count": self.execution_count,
            "payload": [],
            "user_expressions": {},
        }

    async def do_shutdown(self, restart: bool) -> dict[str, Any]:
        self.spawner.close()
        return {"status": "ok", "restart": restart}

    def _display(self, mimetype: str, data: dict[str, Any]) -> None:
        content = {"data": {mimetype: data}, "metadata": {}, "transient": {}}
        self.send_response(self.iopub_socket, "display_data", content)

    def _stream(self, name: str, text: str) -> None:
        self.send_response(self.iopub_socket, "stream", {"name": name, "text": text})

    def _error(self, ename: str, evalue: str) -> dict[str, Any]:
        # No traceback: the message says what was wrong with the request.
        return {
            "status": "error",
            "execution_count": self.execution_count,
            "ename": ename,
            "evalue": evalue,
            "traceback": [],
        }
