"""From what a kernel did to what the user is told: one verdict and a sentence."""

from __future__ import annotations

import signal
from dataclasses import dataclass

from .execute import Outcome

VERDICTS = {
    "OK": "OK",
    "WA": "Wrong Answer",
    "RE": "Runtime Error",
    "TLE": "Time Limit",
    "MLE": "Memory Limit",
    "OLE": "Output Limit",
    "CE": "Compile Error",
    "CANCELLED": "Cancelled",
    "IE": "Internal Error",
}


@dataclass
class Verdict:
    code: str
    exit_code: int | None
    signal: int | None
    message: str


def _signal_name(number: int) -> str:
    try:
        return signal.Signals(number).name
    except ValueError:
        return f"signal {number}"


def verdict_of(outcome: Outcome, oom: bool) -> Verdict:
    """``oom``: the kernel's cgroup says it hit its memory limit."""
    if outcome.cancelled:
        return Verdict("CANCELLED", None, None, "The run was stopped.")
    if outcome.timed_out:
        return Verdict("TLE", None, None, "The program ran past its time limit.")
    result = outcome.result
    if outcome.died and result is None:
        status = outcome.exit_status
        sig = status - 128 if status is not None and status > 128 else None
        if oom:
            return Verdict("MLE", None, sig, "The program used more memory than its limit.")
        if sig == signal.SIGXCPU:
            return Verdict("TLE", None, sig, "The program used more CPU time than its limit.")
        if sig is not None:
            return Verdict("RE", None, sig, f"The program was killed by {_signal_name(sig)}.")
        if status is None:
            return Verdict("RE", None, None, "The program ended the process that ran it.")
        return Verdict("RE", status, None, f"The program ended the process (exit {status}).")
    if result is None:
        return Verdict("IE", None, None, "The runner gave no result; please try again.")
    code = str(result.get("verdict", "RE"))
    if code == "OK" and (outcome.truncated or result.get("truncated")):
        code = "OLE"
    exit_code, sig = result.get("exit_code"), result.get("signal")
    messages = {
        "OK": "The program finished.",
        "OLE": "The program printed more than the output limit; the rest was dropped.",
        "TLE": "The program ran past its time limit.",
        "MLE": "The program used more memory than its limit.",
        "CE": "The program did not compile.",
        "CANCELLED": "The run was stopped.",
    }
    if code == "RE":
        what = f"killed by {_signal_name(sig)}" if sig else f"exit status {exit_code}"
        message = f"The program failed ({what})."
    else:
        message = messages.get(code, VERDICTS.get(code, code))
    return Verdict(code if code in VERDICTS else "RE", exit_code, sig, message)
