"""A real ``jupyter server`` with CodeCall in a process of its own, for tests that kill it,
restart it, or otherwise need a server the test process does not host."""

from __future__ import annotations

import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

START_TIMEOUT = 60.0


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class ServerProcess:
    """One server configuration (port, token, folders, database) that can be started,
    SIGKILLed and started again."""

    def __init__(self, tmp: Path, db_url: str | None = None, **traits: Any) -> None:
        self.tmp = tmp
        self.root = tmp / "root"
        self.root.mkdir(parents=True, exist_ok=True)
        self.port = free_port()
        self.token = secrets.token_hex(16)
        self.url = f"http://127.0.0.1:{self.port}"
        self.db_url = db_url or f"sqlite:///{tmp / 'codecall.db'}"
        self.log_path = tmp / "server.log"
        self.process: subprocess.Popen[bytes] | None = None
        self.config = tmp / "jupyter_server_config.json"
        config: dict[str, Any] = {
            "ServerApp": {
                "ip": "127.0.0.1",
                "port": self.port,
                "port_retries": 0,
                "open_browser": False,
                "token": self.token,
                "root_dir": str(self.root),
                "allow_unauthenticated_access": False,
            },
            "CodeCallApp": {
                "db_url": self.db_url,
                "owner_username": "owner",
                "kernel_pool_sizes": {"python": 0, "polyglot": 0},
            },
        }
        for key, value in traits.items():
            section, name = key.split("__", 1)
            config.setdefault(section, {})[name] = value
        home = tmp / "home"
        for name in ("config", "data", "runtime"):
            (home / name).mkdir(parents=True, exist_ok=True)
        (home / "config" / "jupyter_server_config.json").write_text(json.dumps(config))
        self.env = dict(os.environ)
        self.env.pop("JUPYTERHUB_API_TOKEN", None)
        self.env.update(
            JUPYTER_CONFIG_DIR=str(home / "config"),
            JUPYTER_DATA_DIR=str(home / "data"),
            JUPYTER_RUNTIME_DIR=str(home / "runtime"),
            NO_PROXY="127.0.0.1,localhost",
            no_proxy="127.0.0.1,localhost",
        )

    def start(self) -> None:
        command = [str(Path(sys.executable).with_name("jupyter")), "server"]
        if os.geteuid() == 0:
            command.append("--allow-root")
        with open(self.log_path, "ab") as log:
            self.process = subprocess.Popen(
                command,
                cwd=self.root,
                env=self.env,
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        self.wait_until_up()

    def wait_until_up(self) -> None:
        assert self.process is not None
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"server exited with {self.process.returncode}:\n{self.log()}")
            try:
                status, _ = self.request("GET", "api/status")
                if status == 200:
                    return
            except OSError:
                pass
            time.sleep(0.1)
        raise RuntimeError(f"server did not answer in {START_TIMEOUT} s:\n{self.log()}")

    def kill(self) -> None:
        """SIGKILL: no shutdown hook runs, nothing is flushed."""
        assert self.process is not None
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=10)

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)

    def request(self, method: str, path: str, body: Any = None) -> tuple[int, Any]:
        """Call the server as its owner (the token)."""
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(  # noqa: S310 - always http://127.0.0.1
            f"{self.url}/{path.lstrip('/')}",
            data=data,
            method=method,
            headers={"Authorization": f"token {self.token}", "Content-Type": "application/json"},
        )
        try:
            with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
                raw = response.read()
                return response.status, json.loads(raw) if raw else None
        except urllib.error.HTTPError as exc:
            return exc.code, exc.read().decode(errors="replace")

    def log(self) -> str:
        try:
            return self.log_path.read_text(errors="replace")[-20000:]
        except OSError:
            return ""
