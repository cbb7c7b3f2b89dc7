"""How a program ended, as a verdict: OK, RE, TLE, MLE or CANCELLED.

Truncated output is not a verdict here: a program that printed past the cap and exited 0
is "OK" with ``truncated: true``; the server decides what that means (it reports an
output limit), since the flag and the verdict are independent facts.
"""

from __future__ import annotations

import signal

from .execute import Outcome

# What runtimes print when an allocation fails (stderr, lower-cased): CPython, C++,
# Go, Node, the JVM, .NET, Rust, Ruby, PHP, Lua, GHC/SBCL, Perl, glibc's strerror.
OOM_SIGNS = (
    b"memoryerror",
    b"bad_alloc",
    b"out of memory",
    b"outofmemory",
    b"memory allocation of",
    b"failed to allocate memory",
    b"allowed memory size",
    b"not enough memory",
    b"heap exhausted",
    b"cannot allocate memory",
)
# With RLIMIT_AS, C and friends see a failed malloc and crash on the null pointer.
CRASHES = (signal.SIGSEGV, signal.SIGBUS, signal.SIGABRT)


def verdict(
    outcome: Outcome, *, cpu_limit: float, memory_limit: int | None, stderr_tail: bytes
) -> str:
    """``memory_limit``: the RLIMIT_AS in bytes, None when the row does not use it."""
    if outcome.cancelled:
        return "CANCELLED"
    if outcome.timed_out:
        return "TLE"
    sig = outcome.signal
    if sig == signal.SIGXCPU or (sig == signal.SIGKILL and outcome.cpu >= cpu_limit):
        return "TLE"
    if outcome.exit_code == 0:
        return "OK"
    tail = stderr_tail.lower()
    if any(sign in tail for sign in OOM_SIGNS):
        return "MLE"
    if sig == signal.SIGKILL:
        return "MLE"  # killed from outside, not by us: the sandbox's memory cgroup
    if memory_limit and sig in CRASHES and outcome.memory >= 0.8 * memory_limit:
        return "MLE"
    return "RE"
