"""Large inputs made by a problem's generator script, once, then kept.

Only trusted folders (the package's bank, the operator's ``problem_dirs``) may have
generators: the script runs as the server's user, like the server's own config files.
"""

from __future__ import annotations

import functools
import subprocess
import sys

GENERATE_TIMEOUT = 60.0  # seconds; a generator prints a few MB at most


class GeneratorFailed(RuntimeError):
    pass


@functools.lru_cache(maxsize=24)
def generated(source: str) -> str:
    """What ``source`` prints (isolated mode: no site packages, no user environment)."""
    try:
        done = subprocess.run(
            [sys.executable, "-I", "-c", source],
            capture_output=True,
            text=True,
            timeout=GENERATE_TIMEOUT,
            check=False,
        )
    except subprocess.TimeoutExpired as e:
        raise GeneratorFailed(f"did not finish in {GENERATE_TIMEOUT:.0f} s") from e
    if done.returncode != 0:
        raise GeneratorFailed(done.stderr.strip()[-500:] or f"exit code {done.returncode}")
    return done.stdout
