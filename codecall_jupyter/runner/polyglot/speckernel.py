"""What CodeCall's two kernels share: one JSON spec per execute request (``handle``),
output sent as Jupyter messages straight from the request (no IPython shell, no display
publisher), and the replies.

Requests are handled on the main thread, blocking it on purpose: output goes out
through ipykernel's IOPub thread meanwhile, interrupts arrive on the control thread as
SIGINT (see cancel.py), and a kernel serves one run at a time anyway.

Replies: "ok" whenever a result was published (also for CE, TLE, ...); "error" as
replies.py says.
"""

from __future__ import annotations

from typing import Any

from ipykernel.kernelbase import Kernel

from .replies import answer


class SpecKernel(Kernel):
    def handle(self, code: str) -> dict[str, Any]:
        """Run the request; the result it published (SpecError: the request is wrong)."""
        raise NotImplementedError

    async def do_execute(
        self,
        code: str,
        silent: bool,
        store_history: bool = True,
        user_expressions: dict[str, Any] | None = None,
        allow_stdin: bool = False,
        **kwargs: Any,
    ) -> dict[str, Any]:
        error = answer(self.handle, code, self.log)
        if error is not None:
            return self._error(*error)
        return {
            "status": "ok",
            "execution_count": self.execution_count,
            "payload": [],
            "user_expressions": {},
        }

    def _display(self, mimetype: str, data: dict[str, Any]) -> None:
        content = {"data": {mimetype: data}, "metadata": {}, "transient": {}}
        self.send_response(self.iopub_socket, "display_data", content)

    def _stream(self, name: str, text: str) -> None:
        self.send_response(self.iopub_socket, "stream", {"name": name, "text": text})

    def _error(self, ename: str, evalue: str) -> dict[str, Any]:
        return {
            "status": "error",
            "execution_count": self.execution_count,
            "ename": ename,
            "evalue": evalue,
            "traceback": [],
        }
