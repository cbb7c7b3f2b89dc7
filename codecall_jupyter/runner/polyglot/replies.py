"""How a request's end becomes its reply, the same for both ways a request reaches a
kernel (an execute request, or the run server's socket): None when a result was
published, else the error's name and message. ``CodeCallSpecError``: a malformed spec;
``KeyboardInterrupt``: a cancelled run (after its CANCELLED result); ``CodeCallError``:
the runner itself failed. Never a traceback: the message says what was wrong."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from .spec import SpecError


def answer(
    handle: Callable[[str], dict[str, Any]],
    code: str,
    log: logging.Logger | logging.LoggerAdapter[Any],
) -> tuple[str, str] | None:
    try:
        result = handle(code)
    except SpecError as e:
        return "CodeCallSpecError", str(e)
    except KeyboardInterrupt:  # SIGINT before our handler took over
        return "KeyboardInterrupt", "cancelled"
    except Exception as e:  # the runner's failure, never the program's: say so
        log.exception("CodeCall: the request failed")
        return "CodeCallError", f"{type(e).__name__}: {e}"
    if result["verdict"] == "CANCELLED":
        return "KeyboardInterrupt", "cancelled"
    return None
