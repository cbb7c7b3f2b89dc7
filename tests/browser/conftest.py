"""A real ``jupyter lab`` with CodeCall, driven by Debian's headless Chromium (never downloaded)."""

from __future__ import annotations

import json
import os
import re
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
VIEWPORT = {"width": 1280, "height": 800}
START_TIMEOUT = 60.0
TIMEOUT_MS = 30_000

# JupyterLab asks "get notified about Jupyter news?" in a toast: answer "never" up front.
SETTING_OVERRIDES = {"@jupyterlab/apputils-extension:notification": {"fetchNews": "false"}}


@dataclass
class LabServer:
    base: str  # "http://127.0.0.1:PORT/" (ends with the base URL's slash)
    token: str
    root: Path
    log_path: Path

    def log(self) -> str:
        try:
            return self.log_path.read_text(errors="replace")
        except OSError:
            return ""

    def owner_request(self, method: str, path: str, body: Any = None) -> tuple[int, Any]:
        """Call the REST API as the server owner (Jupyter's token)."""
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(  # noqa: S310 - self.base is http://127.0.0.1
            self.base + path.lstrip("/"),
            data=data,
            method=method,
            headers={"Authorization": f"token {self.token}", "Content-Type": "application/json"},
        )
        try:
            with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310 - http only
                raw = response.read()
                return response.status, json.loads(raw) if raw else None
        except urllib.error.HTTPError as exc:
            raw = exc.read()
            try:
                return exc.code, json.loads(raw)
            except ValueError:
                return exc.code, raw.decode(errors="replace")


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait_until_up(base: str, process: subprocess.Popen[bytes], server: LabServer) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    last_error: object = None
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(
                f"jupyter lab exited with {process.returncode} before answering:\n{server.log()}"
            )
        try:
            request = urllib.request.Request(  # noqa: S310 - base is http://127.0.0.1
                base + "api/status", headers={"Authorization": f"token {server.token}"}
            )
            with urllib.request.urlopen(request, timeout=5) as response:  # noqa: S310 - http only
                if response.status == 200:
                    return
        except (urllib.error.URLError, OSError) as exc:
            last_error = exc
        time.sleep(0.25)
    pytest.fail(
        f"jupyter lab did not answer {base}api/status in {START_TIMEOUT:.0f} s "
        f"(last error: {last_error!r}):\n{server.log()}"
    )


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is not None:
        return
    process.send_signal(signal.SIGTERM)  # two SIGINTs would be needed; SIGTERM stops at once
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=10)


@pytest.fixture(scope="session")
def lab_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LabServer]:
    if not os.path.exists(CHROMIUM):
        pytest.skip(f"{CHROMIUM} is missing (apt-get install chromium)")
    tmp = tmp_path_factory.mktemp("lab")
    root = tmp / "root"
    root.mkdir()
    home = {name: tmp / name for name in ("config", "data", "runtime", "settings", "workspaces")}
    for path in home.values():
        path.mkdir()
    labconfig = home["config"] / "labconfig"
    labconfig.mkdir()
    (labconfig / "default_setting_overrides.json").write_text(json.dumps(SETTING_OVERRIDES))

    port = _free_port()
    token = secrets.token_hex(24)
    env = dict(os.environ)
    env.pop("JUPYTERHUB_API_TOKEN", None)
    env.update(
        JUPYTER_CONFIG_DIR=str(home["config"]),
        JUPYTER_DATA_DIR=str(home["data"]),
        JUPYTER_RUNTIME_DIR=str(home["runtime"]),
        JUPYTERLAB_SETTINGS_DIR=str(home["settings"]),
        JUPYTERLAB_WORKSPACES_DIR=str(home["workspaces"]),
        NO_PROXY="127.0.0.1,localhost",
        no_proxy="127.0.0.1,localhost",
    )
    jupyter = Path(sys.executable).with_name("jupyter")
    command = [
        str(jupyter),
        "lab",
        "--no-browser",
        "--ip=127.0.0.1",
        f"--port={port}",
        "--ServerApp.port_retries=0",
        f"--ServerApp.root_dir={root}",
        f"--ServerApp.token={token}",
        "--ServerApp.allow_unauthenticated_access=False",
        f"--CodeCallApp.db_url=sqlite:///{tmp / 'codecall.db'}",
        "--CodeCallApp.owner_username=owner",
        # Every browser registers from 127.0.0.1: lift the per-address registration limit.
        "--CodeCallApp.register_rate_limit_address=1000/hour",
        "--CodeCallApp.owner_display_name=Olive Owner",
        "--LabApp.news_url=None",
        "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
    ]
    if os.geteuid() == 0:
        command.append("--allow-root")
    log_path = tmp / "jupyter.log"
    base = f"http://127.0.0.1:{port}/"
    with open(log_path, "wb") as log:
        process = subprocess.Popen(
            command,
            cwd=root,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    server = LabServer(base=base, token=token, root=root, log_path=log_path)
    try:
        _wait_until_up(base, process, server)
        yield server
    finally:
        _stop(process)
        # Shown by pytest only when a test fails: the server's side of the story.
        sys.stdout.write(f"\n--- jupyter lab log ({log_path}) ---\n{server.log()[-20000:]}\n")


# tests/conftest.py loads pytest-jupyter, whose autouse fixtures close "the" event loop and
# clean up an in-process ServerApp after each test. Here the server is a subprocess and the
# thread's event loop is Playwright's, still running: turn them off for these tests.
@pytest.fixture(autouse=True)
def jp_asyncio_loop() -> None:
    return None


@pytest.fixture(autouse=True)
def jp_server_cleanup() -> None:
    return None


@pytest.fixture(scope="session")
def browser(lab_server: LabServer) -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        try:
            yield chromium
        finally:
            chromium.close()


# Anything not bound for the server under test (news feeds, CDNs, update checks) is dropped.
NOT_LOCAL = re.compile(r"^(?!http://127\.0\.0\.1:|data:|blob:)")


@pytest.fixture(scope="session")
def new_context(browser: Any, lab_server: LabServer) -> Iterator[Callable[[], Any]]:
    """Make fresh browser profiles (no cookies) that only ever talk to 127.0.0.1."""
    made: list[Any] = []

    def make() -> Any:
        ctx = browser.new_context(viewport=VIEWPORT, base_url=lab_server.base)
        ctx.set_default_timeout(TIMEOUT_MS)
        ctx.set_default_navigation_timeout(TIMEOUT_MS)
        ctx.route(NOT_LOCAL, lambda route: route.abort())
        made.append(ctx)
        return ctx

    try:
        yield make
    finally:
        for ctx in made:
            ctx.close()


@pytest.fixture(scope="session")
def screenshots() -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS
