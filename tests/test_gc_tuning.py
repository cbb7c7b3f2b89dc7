"""The garbage collector's settings (codecall_jupyter/gc_tuning.py), in a real server
process: the started server's objects are frozen out of full collections and young
collections are rarer, unless turned off. What they buy, the 200-room edit latency, is
measured by bench/bench_edits.py."""

from __future__ import annotations

import re
import time

from server_process import ServerProcess

FROZEN = re.compile(
    r"CodeCall: (\d+) objects of the started server frozen .* every (\d+) allocations"
)


def logged(server: ServerProcess, pattern: re.Pattern[str], timeout: float = 10.0) -> re.Match[str]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = pattern.search(server.log())
        if found:
            return found
        time.sleep(0.1)
    raise AssertionError(f"not in the server's log: {pattern.pattern}\n{server.log()[-3000:]}")


def test_a_started_server_freezes_what_it_holds_and_still_serves(tmp_path):
    server = ServerProcess(tmp_path)
    server.start()
    try:
        found = logged(server, FROZEN)
        assert int(found[1]) > 100_000  # modules, JupyterLab's metadata, ...
        assert int(found[2]) == 7000
        status, body = server.request("GET", "/codecall/api/me")
        assert status == 200, body
    finally:
        server.stop()


def test_the_settings_can_be_turned_off(tmp_path):
    server = ServerProcess(
        tmp_path, CodeCallApp__gc_freeze_startup=False, CodeCallApp__gc_young_threshold=0
    )
    server.start()
    try:
        status, _ = server.request("GET", "/codecall/api/me")
        assert status == 200
        time.sleep(1.0)  # the settings are applied right after the start hooks
        assert "frozen" not in server.log()
    finally:
        server.stop()
