"""The servers the edit benchmark loads, each started as its own process on 127.0.0.1:
CodeCall's Jupyter server, a stock jupyter-collaboration server, and the two Node Yjs
servers from the npm registry."""

from __future__ import annotations

import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Any

NODE_DIR = Path(__file__).resolve().parents[1] / "node"
KINDS = ("codecall", "stock", "y-websocket", "hocuspocus")


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Server:
    """One server under test: ``start()``, ``make_rooms(names)``, ``stop()``."""

    def __init__(self, kind: str, tmp: Path) -> None:
        self.kind, self.tmp = kind, tmp
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.token = secrets.token_hex(16)
        self.root = tmp / "root"
        self.root.mkdir(parents=True, exist_ok=True)
        self.process: subprocess.Popen[bytes] | None = None
        self.log_path = tmp / f"{kind}.log"

    @property
    def client_kind(self) -> str:
        return "jupyter" if self.kind in ("codecall", "stock") else self.kind

    def start(self) -> None:
        env = dict(os.environ)
        env.pop("JUPYTERHUB_API_TOKEN", None)
        if self.kind in ("codecall", "stock"):
            command = self._jupyter(env)
        else:
            command = ["node", str(NODE_DIR / f"{self.kind}-server.mjs")]
            env["PORT"] = str(self.port)
        with open(self.log_path, "ab") as log:
            self.process = subprocess.Popen(
                command, cwd=self.root, env=env, stdout=log, stderr=subprocess.STDOUT
            )
        self._wait()

    def _jupyter(self, env: dict[str, str]) -> list[str]:
        home = self.tmp / "home"
        for name in ("config", "data", "runtime"):
            (home / name).mkdir(parents=True, exist_ok=True)
        config: dict[str, Any] = {
            "ServerApp": {
                "ip": "127.0.0.1",
                "port": self.port,
                "port_retries": 0,
                "open_browser": False,
                "token": self.token,
                "root_dir": str(self.root),
                "log_level": "WARN",
            },
        }
        if self.kind == "codecall":
            config["CodeCallApp"] = {
                "db_url": f"sqlite:///{self.tmp / 'codecall.db'}",
                "kernel_pool_sizes": {"python": 0, "polyglot": 0},
            }
        else:  # jupyter-collaboration as it ships: its SQLiteYStore, no CodeCall
            config["ServerApp"]["jpserver_extensions"] = {"codecall_jupyter": False}
        (home / "config" / "jupyter_server_config.json").write_text(json.dumps(config))
        env.update(
            JUPYTER_CONFIG_DIR=str(home / "config"),
            JUPYTER_DATA_DIR=str(home / "data"),
            JUPYTER_RUNTIME_DIR=str(home / "runtime"),
        )
        command = [str(Path(sys.executable).with_name("jupyter")), "server"]
        if os.geteuid() == 0:
            command.append("--allow-root")
        return command

    def _wait(self) -> None:
        assert self.process is not None
        deadline = time.monotonic() + 90
        path = "/api/status" if self.client_kind == "jupyter" else "/"
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"{self.kind} exited: {self.log_path.read_text()[-3000:]}")
            try:
                request = urllib.request.Request(  # noqa: S310 - http://127.0.0.1 only
                    self.url + path, headers={"Authorization": f"token {self.token}"}
                )
                with urllib.request.urlopen(request, timeout=2):  # noqa: S310
                    return
            except OSError:
                time.sleep(0.2)
        raise RuntimeError(f"{self.kind} did not start")

    def make_rooms(self, names: list[str]) -> None:
        if self.client_kind == "jupyter":
            for name in names:
                (self.root / name).write_text("")

    def cpu_seconds(self) -> float:
        assert self.process is not None
        fields = Path(f"/proc/{self.process.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def rss_bytes(self) -> int:
        assert self.process is not None
        for line in Path(f"/proc/{self.process.pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
        return 0

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)
