"""A real ``jupyter lab`` with CodeCall, driven by Debian's headless Chromium (never downloaded)."""

from __future__ import annotations

import ctypes
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
import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from lab_people import SIGNALING, loopback_signaling

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    # The call: cameras and microphones are Chromium's fake devices, allowed without a prompt.
    "--use-fake-ui-for-media-stream",
    "--use-fake-device-for-media-stream",
    # WebRTC on loopback only (tests send traffic to 127.0.0.1 / ::1 and nowhere else):
    # Chromium leaves loopback out of ICE unless told, and hides host addresses behind
    # mDNS names (multicast) unless this feature is off. Its other interfaces' candidates
    # are dropped from the signaling (lab_people.loopback_signaling).
    "--allow-loopback-in-peer-connection",
]
MDNS_FEATURE = "WebRtcHideLocalIpsWithMdns"
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


CLONE_NEWNET = 0x40000000


@pytest.fixture(scope="session")
def loopback_network() -> Iterator[bool]:
    """Run the browser tests' lab server, Playwright's driver and Chromium in a network
    namespace of their own, where loopback is the only interface.

    Dropping other interfaces' candidates from the signaling is not enough: Chromium still
    pairs its own eth0 candidate with the remote peer's 127.0.0.1 one, sends ICE checks from
    192.0.2.2 to 127.0.0.1, and the peer answers to 192.0.2.2 (seen: the pre-flight check
    selected 192.0.2.2 -> 127.0.0.1). Chromium cannot be told to skip an interface, so it
    gets none. The main thread enters the namespace (processes it starts from then on inherit
    it: browser tests run last, tests/conftest.py) and leaves it at the end of the session.
    Where namespaces are not allowed (not root) this is skipped with a warning; the
    candidate filter stays, and the call test's checks of the selected pairs decide."""
    libc = ctypes.CDLL(None, use_errno=True)
    home = os.open("/proc/thread-self/ns/net", os.O_RDONLY)
    try:
        if libc.unshare(CLONE_NEWNET) != 0:
            warnings.warn(
                f"no network namespace for the browser tests ({os.strerror(ctypes.get_errno())}): "
                "WebRTC may use interfaces other than loopback",
                stacklevel=1,
            )
            yield False
            return
        try:
            subprocess.run(["ip", "link", "set", "lo", "up"], check=True, timeout=10)
            yield True
        finally:
            if libc.setns(home, CLONE_NEWNET) != 0:
                raise OSError(ctypes.get_errno(), "could not leave the browser tests' namespace")
    finally:
        os.close(home)


@pytest.fixture(scope="session")
def lab_server(
    tmp_path_factory: pytest.TempPathFactory, loopback_network: bool
) -> Iterator[LabServer]:
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
        # The server's pre-flight peer (aiortc) offers 127.0.0.1 only, not eth0's addresses.
        "--CodeCallApp.webrtc_host_addresses=127.0.0.1",
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


def _playwright_disabled_features() -> list[str]:
    """The features Playwright switches off in Chromium (background requests to Google,
    media-router discovery, ...), read from its driver. Chromium keeps only the *last*
    --disable-features switch, so ours must repeat them (checked: with a bare
    --disable-features=WebRtcHideLocalIpsWithMdns the renderers lost all of them)."""
    import playwright

    lib = Path(playwright.__file__).parent / "driver" / "package" / "lib"
    for source in (lib / "server" / "chromium" / "chromiumSwitches.js", lib / "coreBundle.js"):
        if source.is_file():
            found = re.search(
                r"disabledFeatures = \[(.*?)\]", source.read_text(errors="replace"), re.DOTALL
            )
            if found:
                return re.findall(r'"(\w+)"', re.sub(r"//[^\n]*", "", found.group(1)))
    pytest.fail(
        "Playwright's list of disabled Chromium features was not found in its driver: "
        "adding --disable-features would switch them back on (and its requests to the "
        "network with them)."
    )


def chromium_args() -> list[str]:
    disabled = [*_playwright_disabled_features(), MDNS_FEATURE]
    return [*CHROMIUM_ARGS, "--disable-features=" + ",".join(disabled)]


@pytest.fixture(scope="session")
def browser(lab_server: LabServer) -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=chromium_args()
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
        # Signaling sockets pass through a filter that keeps only loopback ICE candidates.
        ctx.route_web_socket(SIGNALING, loopback_signaling)
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
