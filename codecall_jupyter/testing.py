"""Test helpers shipped with the package: a throwaway PostgreSQL server and a
cookie-keeping browser-like HTTP client. Used by ``codecall_jupyter.pytest_plugin``."""

from __future__ import annotations

import glob
import json
import os
import shutil
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from typing import Any
from urllib.parse import urlencode

from tornado.httpclient import HTTPResponse


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def postgres_bin_dir() -> str | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if found:
        return os.path.dirname(found[-1])
    initdb = shutil.which("initdb")
    return os.path.dirname(initdb) if initdb else None


class PostgresServer:
    """A PostgreSQL cluster in a temporary folder, listening on 127.0.0.1 only."""

    superuser = "codecall"

    def __init__(self) -> None:
        bin_dir = postgres_bin_dir()
        if bin_dir is None:
            raise RuntimeError(
                "PostgreSQL is not installed: run `make test` (it installs Debian's postgresql)"
            )
        self.bin = bin_dir
        self.port = free_port()
        self.root = tempfile.mkdtemp(prefix="codecall-pg-")
        self.data = os.path.join(self.root, "data")
        self._counter = 0

    def _run(self, *args: str) -> subprocess.CompletedProcess[str]:
        cmd = list(args)
        if os.geteuid() == 0:  # initdb and postgres refuse to run as root
            cmd = ["runuser", "-u", "postgres", "--", *cmd]
        return subprocess.run(cmd, check=True, capture_output=True, text=True, timeout=120)

    def start(self) -> PostgresServer:
        if os.geteuid() == 0:
            shutil.chown(self.root, "postgres")
        self._run(
            f"{self.bin}/initdb", "-D", self.data, "-U", self.superuser,
            "--auth=trust", "-E", "UTF8", "--no-locale",
        )  # fmt: skip
        options = (
            f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1 "
            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off "
            "-c max_connections=1000"
        )
        self._run(
            f"{self.bin}/pg_ctl", "-D", self.data, "-o", options, "-w",
            "-l", os.path.join(self.root, "server.log"), "start",
        )  # fmt: skip
        return self

    def stop(self) -> None:
        try:
            self._run(f"{self.bin}/pg_ctl", "-D", self.data, "-m", "immediate", "stop")
        finally:
            shutil.rmtree(self.root, ignore_errors=True)

    def restart(self) -> None:
        self._run(f"{self.bin}/pg_ctl", "-D", self.data, "-w", "-m", "fast", "restart")

    def psql(self, sql: str, dbname: str = "postgres") -> str:
        return self._run(
            f"{self.bin}/psql", "-h", "127.0.0.1", "-p", str(self.port), "-U", self.superuser,
            "-d", dbname, "-v", "ON_ERROR_STOP=1", "-At", "-c", sql,
        ).stdout  # fmt: skip

    def url(self, dbname: str) -> str:
        return f"postgresql://{self.superuser}@127.0.0.1:{self.port}/{dbname}"

    def new_database(self, template: str | None = None) -> str:
        self._counter += 1
        name = f"test_{os.getpid()}_{self._counter}_{int(time.time() * 1000) % 100000}"
        clause = f" TEMPLATE {template}" if template else ""
        for attempt in range(4):
            try:
                self.psql(f'CREATE DATABASE "{name}"{clause}')
                return name
            except subprocess.CalledProcessError as exc:
                # Copying a template fails while another session still holds it (a pool
                # of the previous test closing); that passes in a moment.
                if attempt == 3:
                    raise RuntimeError(f"CREATE DATABASE failed: {exc.stderr}") from exc
                time.sleep(0.5 * (attempt + 1))
        return name


@dataclass
class Browser:
    """A cookie-keeping HTTP client for one person, like a browser tab.

    Sends the XSRF token Jupyter expects for cookie-authenticated writes.
    """

    client: Any  # pytest-jupyter's http_server_client
    base_url: str
    cookies: dict[str, str] = field(default_factory=dict)
    headers: dict[str, str] = field(default_factory=dict)

    def _absorb(self, response: HTTPResponse) -> None:
        for header in response.headers.get_list("Set-Cookie"):
            jar: SimpleCookie = SimpleCookie()
            jar.load(header)
            for name, morsel in jar.items():
                expired = (morsel["expires"] and "1970" in morsel["expires"]) or morsel[
                    "max-age"
                ] == "0"
                if expired or (morsel.value == "" and morsel["expires"]):
                    self.cookies.pop(name, None)
                else:
                    self.cookies[name] = morsel.value

    async def fetch(
        self,
        path: str,
        method: str = "GET",
        *,
        body: bytes | str | None = None,
        json_body: Any = None,
        form: dict[str, str] | None = None,
        headers: dict[str, str] | None = None,
        params: dict[str, str] | None = None,
    ) -> HTTPResponse:
        url = self.base_url + path.lstrip("/")
        if params:
            url += "?" + urlencode(params)
        all_headers = {**self.headers, **(headers or {})}
        if "_xsrf" in self.cookies:
            all_headers.setdefault("X-XSRFToken", self.cookies["_xsrf"])
        if self.cookies:
            all_headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if json_body is not None:
            body = json.dumps(json_body)
            all_headers.setdefault("Content-Type", "application/json")
        if form is not None:
            body = urlencode({**form, "_xsrf": self.cookies.get("_xsrf", "")})
            all_headers["Content-Type"] = "application/x-www-form-urlencoded"
        if body is None and method in ("POST", "PUT", "PATCH"):
            body = b""
        response = await self.client.fetch(
            url,
            method=method,
            body=body,
            headers=all_headers,
            raise_error=False,
            follow_redirects=False,
            allow_nonstandard_methods=True,
            request_timeout=30,
        )
        self._absorb(response)
        return response

    async def api(self, method: str, path: str, json_body: Any = None, **kw: Any) -> HTTPResponse:
        return await self.fetch(
            f"codecall/api/{path.lstrip('/')}", method, json_body=json_body, **kw
        )

    async def prime_xsrf(self) -> None:
        await self.fetch("login")

    async def login(self, login: str, password: str) -> HTTPResponse:
        await self.prime_xsrf()
        return await self.fetch(
            "login", "POST", form={"form": "account", "login": login, "password": password}
        )

    async def register(self, invite: str | None = None, **fields: str) -> HTTPResponse:
        await self.prime_xsrf()
        params = {"invite": invite} if invite else None
        return await self.fetch("codecall/register", "POST", form=fields, params=params)


def body_json(response: HTTPResponse) -> Any:
    return json.loads(response.body or b"null")


class ChannelClient:
    """A session-channel WebSocket as a browser tab would hold it."""

    def __init__(self, connection: Any) -> None:
        self.connection = connection
        self.inbox: list[dict[str, Any]] = []
        self.close_code: int | None = None

    @classmethod
    async def open(
        cls,
        browser: Browser,
        port: int,
        session_id: str,
        *,
        resume: str | None = None,
        origin: str | None = "same",
    ) -> ChannelClient:
        query = f"?resume={resume}" if resume else ""
        path = f"codecall/api/sessions/{session_id}/channel{query}"
        return await cls.connect(browser, port, path, origin=origin)

    @classmethod
    async def connect(
        cls, browser: Browser, port: int, path: str, *, origin: str | None = "same"
    ) -> ChannelClient:
        """Any of our sockets at ``path`` (under the base URL), with the browser's cookies;
        ``origin``: "same" for the page's own, None for none, or a foreign one."""
        from tornado.httpclient import HTTPRequest
        from tornado.websocket import websocket_connect

        headers = {**browser.headers}
        if browser.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in browser.cookies.items())
        if origin == "same":
            headers["Origin"] = f"http://127.0.0.1:{port}"
        elif origin is not None:
            headers["Origin"] = origin
        request = HTTPRequest(f"ws://127.0.0.1:{port}{browser.base_url}{path}", headers=headers)
        return cls(await websocket_connect(request))

    async def send(self, message: dict[str, Any] | str) -> None:
        await self.connection.write_message(
            message if isinstance(message, str) else json.dumps(message)
        )

    async def next(self, kind: str | None = None, timeout: float = 10.0) -> dict[str, Any]:
        """The next message (of ``kind``), skipping others; raises at close or timeout."""
        import asyncio

        for i, message in enumerate(self.inbox):
            if kind is None or message.get("type") == kind:
                return self.inbox.pop(i)
        deadline = asyncio.get_running_loop().time() + timeout
        while True:
            left = deadline - asyncio.get_running_loop().time()
            if left <= 0:
                raise TimeoutError(f"no {kind!r} message; had {self.inbox}")
            raw = await asyncio.wait_for(self.connection.read_message(), left)
            if raw is None:
                self.close_code = self.connection.close_code
                raise ConnectionError(f"closed with {self.close_code} waiting for {kind!r}")
            message = json.loads(raw)
            if kind is None or message.get("type") == kind:
                return message
            self.inbox.append(message)

    async def closed(self, timeout: float = 10.0) -> int | None:
        """Read until the server closes the socket; returns the close code."""
        import asyncio

        while True:
            raw = await asyncio.wait_for(self.connection.read_message(), timeout)
            if raw is None:
                self.close_code = self.connection.close_code
                return self.close_code
            self.inbox.append(json.loads(raw))

    def close(self) -> None:
        self.connection.close()


async def create_session(host: Browser, **spec: Any) -> dict[str, Any]:
    """Create a session over REST as ``host``; returns its detail (with ``invite_url``)."""
    response = await host.api("POST", "sessions", {"title": "Two sum", **spec})
    assert response.code == 201, response.body
    return body_json(response)


def invite_token(session: dict[str, Any]) -> str:
    return str(session["invite_url"].split("codecall-join=")[1])


async def join_session(guest: Browser, session: dict[str, Any], **extra: Any) -> HTTPResponse:
    """Join through the session's invite link; returns the raw response."""
    return await guest.api("POST", "sessions/join", {"token": invite_token(session), **extra})
