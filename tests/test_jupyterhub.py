"""CodeCall under JupyterHub.

The end-to-end test starts a real JupyterHub (DummyAuthenticator with a password,
SimpleLocalProcessSpawner, configurable-http-proxy from npm in tests/hub/node_modules)
with two users whose servers share one PostgreSQL database, and walks the whole flow
over HTTP and WebSocket through the proxy, each person with their own Hub login:
befriend across servers, a session on Ann's server, Bob admitted and shared in, Bob
editing the session's document and running code there but nothing else, and the end
of the session revoking his access.

The unit tests check the authorizer a single-user server gets under JupyterHub with an
identity provider that stands in for JupyterHub's (as tests/test_external_identity.py).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import re
import secrets
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlencode, urlsplit

import pytest
from jupyter_server.auth.identity import IdentityProvider, User
from server_process import free_port
from tornado.httpclient import AsyncHTTPClient, HTTPResponse
from ydoc_client import YClient, document_room

from codecall_jupyter.hub.authorizer import CodeCallHubAuthorizer
from codecall_jupyter.hub.client import HubClient, HubError, HubServer
from codecall_jupyter.testing import (
    Browser,
    ChannelClient,
    PostgresServer,
    body_json,
    create_session,
    join_session,
)

HUB_DIR = Path(__file__).parent / "hub"
PROXY = HUB_DIR / "node_modules" / ".bin" / "configurable-http-proxy"
EVENTS = "codecall/api/me/events"


# --- the real JupyterHub ----------------------------------------------------------------


class RemoteClient:
    """``Browser``'s HTTP client for a server in another process."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.http = AsyncHTTPClient()

    async def fetch(self, path: str, **kwargs: Any) -> HTTPResponse:
        return await self.http.fetch(self.url + path, **kwargs)


@dataclass
class Hub:
    """A JupyterHub process that can be stopped and started again on the same ports and
    state: its proxy and the users' servers keep running meanwhile (as when the Hub's
    pod restarts in Kubernetes)."""

    work: Path
    env: dict[str, str]
    port: int
    service_token: str
    password: str
    process: subprocess.Popen[bytes] | None = None
    groups: list[int] = field(default_factory=list)  # every process group we started
    http: AsyncHTTPClient = field(default_factory=AsyncHTTPClient)

    @property
    def url(self) -> str:  # the proxy: what browsers reach
        return f"http://127.0.0.1:{self.port}"

    @property
    def api_url(self) -> str:  # the Hub itself, as single-user servers reach it
        return f"http://127.0.0.1:{self.env['CODECALL_TEST_HUB_API_PORT']}/hub/api"

    @property
    def log_path(self) -> Path:
        return self.work / "jupyterhub.log"

    def start(self, timeout: float = 60.0) -> None:
        with self.log_path.open("ab") as log:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "jupyterhub", "-f", str(HUB_DIR / "jupyterhub_config.py")],
                cwd=self.work,
                env=self.env,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        self.groups.append(self.process.pid)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise AssertionError(f"JupyterHub exited:\n{self.log_tail()}")
            try:
                with urllib.request.urlopen(f"{self.api_url}/", timeout=2) as answer:  # noqa: S310
                    if answer.status == 200:
                        return
            except (urllib.error.URLError, OSError):
                pass
            time.sleep(0.3)
        raise AssertionError(f"JupyterHub did not start in {timeout} s:\n{self.log_tail()}")

    def stop(self) -> None:
        """The Hub process only (SIGTERM): the proxy and the servers stay."""
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)

    def _sync_api(self, method: str, path: str) -> Any:
        request = urllib.request.Request(  # noqa: S310 (our own Hub on 127.0.0.1)
            f"{self.api_url}/{path}",
            method=method,
            headers={"Authorization": f"token {self.service_token}"},
        )
        with urllib.request.urlopen(request, timeout=30) as answer:  # noqa: S310
            body = answer.read()
        return json.loads(body) if body else None

    def kill_everything(self) -> None:
        """Teardown: the users' servers (their pids from the Hub), the Hub, and its
        proxy; each runs in a session of its own, kernels included in its server's."""
        groups = list(self.groups)
        with contextlib.suppress(Exception):
            for user in self._sync_api("GET", "users"):
                for server in (user.get("servers") or {}).values():
                    pid = (server.get("state") or {}).get("pid")
                    if pid:
                        groups.append(int(pid))
        with contextlib.suppress(Exception):
            groups.append(int((self.work / "proxy.pid").read_text().strip()))
        self.stop()
        for sig in (signal.SIGTERM, signal.SIGKILL):
            for group in groups:
                with contextlib.suppress(ProcessLookupError, PermissionError):
                    os.killpg(group, sig)
            deadline = time.monotonic() + 5
            while time.monotonic() < deadline and any(_alive(g) for g in groups):
                time.sleep(0.1)

    async def api(self, method: str, path: str, body: Any = None) -> Any:
        """The Hub's REST API as the test's own service (reads shares, checks servers)."""
        response = await self.http.fetch(
            f"{self.api_url}/{path}",
            method=method,
            headers={"Authorization": f"token {self.service_token}"},
            body=None if body is None else json.dumps(body),
            raise_error=False,
        )
        assert response.code < 400, (response.code, response.body, self.log_tail())
        return json.loads(response.body) if response.body else None

    async def shared_with(self, owner: str) -> set[str]:
        page = await self.api("GET", f"shares/{owner}/")
        items = page["items"] if isinstance(page, dict) else page
        return {share["user"]["name"] for share in items if share.get("user")}

    def log_tail(self, lines: int = 60) -> str:
        text = self.log_path.read_text(errors="replace") if self.log_path.exists() else ""
        return "\n".join(text.splitlines()[-lines:])


def _alive(pid: int) -> bool:
    try:
        os.killpg(pid, 0)
    except (ProcessLookupError, PermissionError):
        return False
    return True


@pytest.fixture
def hub(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Hub]:
    if os.environ.get("CODECALL_TEST_SKIP_POSTGRES") == "1":
        pytest.skip("CODECALL_TEST_SKIP_POSTGRES=1")
    if not PROXY.exists():
        pytest.fail(
            "configurable-http-proxy is missing: `make test` installs it (cd tests/hub && npm ci)"
        )
    codecall_postgres: PostgresServer = request.getfixturevalue("codecall_postgres")
    work = tmp_path / "hub"
    (work / "config").mkdir(parents=True)
    db_url = codecall_postgres.url(codecall_postgres.new_database(template="codecall_template"))
    # CodeCall's settings for every user's server: kernels start on demand, small limits.
    (work / "config" / "jupyter_server_config.json").write_text(
        json.dumps(
            {
                "CodeCallApp": {
                    "kernel_pool_sizes": {"python": 0, "polyglot": 0},
                    "run_wall_seconds": 10.0,
                    "hub_sharing_sync_seconds": 30.0,
                },
                "LabApp": {"news_url": None},
            }
        )
    )
    port = free_port()
    password = secrets.token_hex(12)
    service_token = secrets.token_hex(16)
    env = {
        **os.environ,
        "CODECALL_TEST_HUB_DIR": str(work),
        "CODECALL_TEST_HUB_PORT": str(port),
        "CODECALL_TEST_HUB_API_PORT": str(free_port()),
        "CODECALL_TEST_HUB_PROXY_API_PORT": str(free_port()),
        "CODECALL_TEST_HUB_PASSWORD": password,
        "CODECALL_TEST_HUB_SERVICE_TOKEN": service_token,
        "CODECALL_TEST_HUB_DB_URL": db_url,
    }
    for name in ("JUPYTERHUB_API_TOKEN", "JUPYTERHUB_USER", "JUPYTERHUB_API_URL"):
        env.pop(name, None)
    hub = Hub(work, env, port, service_token, password)
    try:
        hub.start()
        yield hub
    finally:
        hub.kill_everything()


@dataclass
class Person:
    """One person's browser: a cookie jar for the Hub, and one per single-user server
    (each server has its own ``_xsrf`` cookie under its own path)."""

    name: str
    hub: Hub
    jars: dict[str, Browser] = field(default_factory=dict)

    def at(self, prefix: str) -> Browser:
        """The browser's view of ``prefix`` (``/hub/`` or ``/user/<owner>/``)."""
        if prefix not in self.jars:
            self.jars[prefix] = Browser(RemoteClient(self.hub.url), prefix)
        return self.jars[prefix]

    @property
    def hub_page(self) -> Browser:
        return self.at("/hub/")

    def server(self, owner: str) -> Browser:
        return self.at(f"/user/{owner}/")

    async def log_in(self) -> None:
        await self.hub_page.fetch("login")  # the Hub's _xsrf cookie
        response = await self.hub_page.fetch(
            "login", "POST", form={"username": self.name, "password": self.hub.password}
        )
        assert response.code == 302, (response.code, response.body)
        assert "jupyterhub-session-id" in self.hub_page.cookies
        # The Hub's XSRF token is bound to the login session: the home page renews it.
        assert (await self.hub_page.fetch("home")).code == 200

    async def start_server(self, timeout: float = 90.0) -> None:
        response = await self.hub_page.fetch(f"api/users/{self.name}/server", "POST", json_body={})
        assert response.code in (201, 202), (response.code, response.body)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            user = await self.hub.api("GET", f"users/{self.name}")
            server = user.get("servers", {}).get("")
            if server and server.get("ready"):
                return
            await asyncio.sleep(0.5)
        raise AssertionError(f"{self.name}'s server did not start:\n{self.hub.log_tail()}")

    async def visit(self, owner: str, path: str, method: str = "GET", **kw: Any) -> HTTPResponse:
        """A request to ``owner``'s server, following the OAuth redirects through the Hub
        (and its "authorize" page, which a shared server shows the first time)."""
        response = await self.server(owner).fetch(path, method, **kw)
        for _ in range(10):
            if response.code not in (301, 302, 303):
                return response
            target = urlsplit(response.headers["Location"])
            relative = target.path + (f"?{target.query}" if target.query else "")
            prefix = "/hub/" if relative.startswith("/hub/") else f"/user/{owner}/"
            if not relative.startswith(prefix):
                return response
            browser = self.at(prefix)
            response = await browser.fetch(relative[len(prefix) :])
            if prefix == "/hub/" and response.code == 200 and b'name="scopes"' in response.body:
                response = await self._authorize(browser, relative[len(prefix) :], response)
        return response

    @staticmethod
    async def _authorize(hub_page: Browser, path: str, page: HTTPResponse) -> HTTPResponse:
        """Press "Authorize" on the Hub's OAuth page: post its hidden fields back."""
        html = page.body.decode()
        fields = re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', html)
        assert fields, html
        return await hub_page.fetch(
            path,
            "POST",
            body=urlencode(fields),
            headers={"Content-Type": "application/x-www-form-urlencoded"},
        )

    async def enter(self, owner: str) -> dict[str, Any]:
        """Log in to ``owner``'s server (OAuth), prime its XSRF cookie, return ``me``."""
        page = await self.visit(owner, "lab")  # JupyterLab's page sets the _xsrf cookie
        assert page.code == 200, (page.code, page.body[:300], self.hub.log_tail())
        assert "_xsrf" in self.server(owner).cookies
        response = await self.server(owner).api("GET", "me")
        assert response.code == 200, (response.code, response.body)
        return body_json(response)  # type: ignore[no-any-return]


async def lab_page_config(who: Browser) -> tuple[str, dict[str, Any]]:
    """Where ``/lab`` takes this person, and the page config JupyterLab gets there."""
    response = await who.fetch("lab")
    location = "lab"
    if response.code == 302:
        location = urlsplit(response.headers["Location"]).path
        response = await who.fetch(location[len(who.base_url) :])
    assert response.code == 200, response.code
    found = re.search(
        rb'<script id="jupyter-config-data" type="application/json">(.*?)</script>',
        response.body,
        re.DOTALL,
    )
    assert found, response.body[:500]
    return location, json.loads(found.group(1))


async def until(check: Any, timeout: float, what: str) -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = await check()
        if result:
            return result
        await asyncio.sleep(0.2)
    raise AssertionError(f"timed out after {timeout} s waiting for {what}")


async def run_code(who: Browser, session_id: str, code: str) -> dict[str, Any]:
    started = await who.api(
        "POST", "runs", {"language": "python", "code": code, "session_id": session_id}
    )
    assert started.code == 202, (started.code, started.body)
    run_id = body_json(started)["id"]
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        response = await who.api("GET", f"runs/{run_id}", params={"wait": "10"})
        assert response.code == 200, response.body
        run = body_json(response)
        if run["status"] == "done":
            return run  # type: ignore[no-any-return]
    raise AssertionError("the run did not finish")


@pytest.mark.jupyterhub
@pytest.mark.postgres
@pytest.mark.timeout(240)
async def test_a_session_on_jupyterhub_shares_the_hosts_server_with_the_admitted_guest(
    hub: Hub,
) -> None:
    ann, bob = Person("ann", hub), Person("bob", hub)
    await asyncio.gather(ann.log_in(), bob.log_in())
    await asyncio.gather(ann.start_server(), bob.start_server())
    ann_me = await ann.enter("ann")
    bob_me = await bob.enter("bob")
    assert ann_me["is_owner"]  # each owns their own server
    # Hub names are CodeCall names: no server's own owner account squats them.
    assert (ann_me["username"], bob_me["username"]) == ("ann", "bob")
    assert bob_me["is_owner"]
    ann_home, bob_home = ann.server("ann"), bob.server("bob")

    # Befriend: Ann's request, sent on her server, reaches Bob's page on his.
    bob_page = await ChannelClient.connect(bob_home, hub.port, EVENTS)
    assert (await bob_page.next())["type"] == "hello"
    sent = await ann_home.api("POST", "friends/requests", {"to": bob_me["username"]})
    assert sent.code in (200, 201), sent.body
    heard = await bob_page.next("changed", timeout=10)
    assert heard["kind"] == "friend_request"
    incoming = body_json(await bob_home.api("GET", "friends/requests"))["incoming"]
    accepted = await bob_home.api("POST", f"friends/requests/{incoming[0]['id']}/accept")
    assert accepted.code == 200, accepted.body
    bob_page.close()

    # A share Ann made by hand (through the Hub, not CodeCall) for Carol.
    await hub.api("POST", "users/carol", {})
    await hub.api("POST", "shares/ann/", {"user": "carol"})

    # Ann's server is not Bob's to reach before she admits him to a session.
    assert bob_me["username"] not in await hub.shared_with("ann")
    refused = await bob.visit("ann", "lab")
    assert refused.code == 403, refused.code

    # A session on Ann's server, with a file of hers beside it that stays hers.
    secret = await ann_home.fetch(
        "api/contents/secret.txt",
        "PUT",
        json_body={"type": "file", "format": "text", "content": "s"},
    )
    assert secret.code in (200, 201), secret.body
    session = await create_session(ann_home, title="Hub pairing", auto_admit=False)
    joined = await join_session(bob_home, session)  # on his own server: one directory
    assert joined.code == 200, joined.body
    assert body_json(joined)["state"] == "waiting"
    admit = await ann_home.api(
        "POST", f"sessions/{session['id']}/participants/{bob_me['id']}/admit"
    )
    assert admit.code in (200, 204), admit.body
    t0 = time.monotonic()
    # Bob's own server tells him where the session's files are; Ann's has them.
    seen = body_json(await bob_home.api("GET", f"sessions/{session['id']}"))
    assert "/user/ann/lab?codecall-join=" in (seen["home_url"] or ""), seen["home_url"]
    assert body_json(await ann_home.api("GET", f"sessions/{session['id']}"))["home_url"] is None

    async def shared() -> bool:
        return "bob" in await hub.shared_with("ann")

    await until(shared, 15, "the Hub share for Bob")
    share_took = time.monotonic() - t0

    # Bob, with his own Hub login, reaches Ann's server: the Hub asks him once.
    bob_there_me = await bob.enter("ann")
    assert bob_there_me["id"] == bob_me["id"]
    assert bob_there_me["is_owner"] is False
    bob_there, ann_there = bob.server("ann"), ann_home

    # His JupyterLab there: a workspace of his own, none of the tools he may not use.
    where, config = await lab_page_config(bob_there)
    assert where.endswith("/lab/workspaces/codecall-bob"), where
    assert config["codecallSessionsDir"] == "codecall-sessions"
    assert "@jupyterlab/terminal-extension" in config["disabledExtensions"]
    assert config["hubUser"] == "bob"  # JupyterHub's own page config is still there
    where, config = await lab_page_config(ann_there)
    assert where == "lab"
    assert "@jupyterlab/terminal-extension" not in (config.get("disabledExtensions") or [])
    folder = f"codecall-sessions/{session['id']}"
    listing = await bob_there.fetch(f"api/contents/{folder}")
    assert listing.code == 200, listing.body
    names = {item["name"] for item in body_json(listing)["content"]}
    solution = next(name for name in names if name.startswith("solution"))

    # Both edit the session's document in its collaboration room, through the proxy.
    room = await document_room(bob_there, f"{folder}/{solution}")
    bobs = await YClient.open(bob_there, hub.port, room)
    anns = await YClient.open(
        ann_there, hub.port, await document_room(ann_there, f"{folder}/{solution}")
    )
    try:
        await bobs.until(lambda: bobs.synced, 10)
        await anns.until(lambda: anns.synced, 10)
        await bobs.append("\nprint('from bob')\n")
        await anns.until(lambda: "from bob" in anns.source, 10)
    finally:
        await bobs.close()
        await anns.close()

    # He runs code in the session on Ann's server.
    run = await run_code(bob_there, session["id"], "print(6 * 7)")
    assert run["verdict"] == "OK", run
    assert run["stdout"].strip() == "42", run

    # Nothing else of Ann's server is his: no terminal, no kernel, no other file.
    for method, path, body in (
        ("POST", "api/terminals", {}),
        ("GET", "api/terminals", None),
        ("GET", "api/kernels", None),
        ("POST", "api/kernels", {"name": "python3"}),
        ("GET", "api/contents/secret.txt", None),
        ("GET", "files/secret.txt", None),
        ("GET", "api/contents", None),
    ):
        answer = await bob_there.fetch(path, method, json_body=body)
        assert answer.code == 403, (method, path, answer.code, answer.body)

    # Ann ends the session: the share goes, and Bob's next request is refused.
    ended = await ann_home.api("POST", f"sessions/{session['id']}/end")
    assert ended.code in (200, 204), ended.body
    refused = await bob_there.api("GET", "me")
    assert refused.code == 403, refused.code

    async def revoked() -> bool:
        return "bob" not in await hub.shared_with("ann")

    await until(revoked, 15, "the Hub share to be revoked")
    # A fresh login to Ann's server is refused by the Hub itself now.
    fresh = Person("bob", hub, jars={"/hub/": bob.hub_page})
    refused = await fresh.visit("ann", "lab")
    assert refused.code == 403, refused.code

    # The Hub goes down (its proxy and the servers stay up). Ann admits Bob to a second
    # session meanwhile: the admission stands, and the share follows once the Hub is back.
    hub.stop()
    second = await create_session(ann_home, title="During an outage")
    joined = await join_session(bob_home, second)
    assert joined.code == 200, joined.body
    admit = await ann_home.api("POST", f"sessions/{second['id']}/participants/{bob_me['id']}/admit")
    assert admit.code in (200, 204), admit.body
    await asyncio.sleep(2)
    assert "Hub shares not in sync" in hub.log_path.read_text(errors="replace")
    hub.start()
    t0 = time.monotonic()
    await until(shared, 40, "the share once the Hub is back")
    print(f"share granted {share_took:.2f} s after the admission")
    print(f"after the Hub's restart, shared in {time.monotonic() - t0:.2f} s")
    assert (await bob_there.api("GET", "me")).code == 200

    # Bob leaves from his own server: Ann's server hears it (PostgreSQL NOTIFY) and
    # revokes the share without waiting for its periodic pass.
    left = await bob_home.api("POST", f"sessions/{second['id']}/leave")
    assert left.code in (200, 204), left.body
    t0 = time.monotonic()
    await until(revoked, 15, "the share to go when Bob left on his server")
    print(f"revoked {time.monotonic() - t0:.2f} s after Bob left on his own server")
    assert (await bob_there.api("GET", "me")).code == 403
    # CodeCall never touched the share it did not make.
    assert await hub.shared_with("ann") == {"carol"}


# --- the authorizer, unit-level ---------------------------------------------------------


class HubHeaderIdentityProvider(IdentityProvider):
    """Stands in for JupyterHub's identity provider: trusts an ``X-Hub-User`` header as
    JupyterHub's trusts its OAuth cookie (the Hub has already checked access:servers)."""

    def get_user(self, handler: Any) -> User | None:
        name = handler.request.headers.get("X-Hub-User")
        return User(username=name, name=name.title()) if name else None


@pytest.fixture
def jp_server_config(codecall_server_config: Any, monkeypatch: pytest.MonkeyPatch) -> Any:
    monkeypatch.setenv("JUPYTERHUB_API_TOKEN", "stand-in")
    monkeypatch.setenv("JUPYTERHUB_USER", "ann")
    monkeypatch.delenv("JUPYTERHUB_API_URL", raising=False)  # no Hub: no sharing here
    codecall_server_config.ServerApp.identity_provider_class = HubHeaderIdentityProvider
    codecall_server_config.ServerApp.authorizer_class = CodeCallHubAuthorizer
    codecall_server_config.ServerApp.jpserver_extensions["jupyter_server_terminals"] = True
    return codecall_server_config


@pytest.fixture
def hub_people(codecall_browser: Any) -> dict[str, Browser]:
    people = {}
    for name in ("ann", "bob", "carol"):
        browser = codecall_browser()
        browser.headers["X-Hub-User"] = name
        people[name] = browser
    return people


@pytest.mark.sqlite_only
async def test_under_the_hub_a_guest_reaches_only_the_session_they_are_admitted_to(
    hub_people: dict[str, Browser], codecall_services: Any, codecall_admit: Any, jp_root_dir: Path
) -> None:
    ann, bob, carol = hub_people["ann"], hub_people["bob"], hub_people["carol"]
    assert body_json(await ann.api("GET", "me"))["is_owner"] is True
    # The owner may do anything on her server, terminals and kernels included.
    assert (await ann.fetch("api/kernels")).code == 200
    assert (await ann.fetch("api/terminals")).code == 200
    (jp_root_dir / "secret.txt").write_text("s")

    # Someone the server is shared with, but in no session here, reaches nothing.
    assert (await bob.api("GET", "me")).code == 403
    assert (await bob.fetch("api/contents/secret.txt")).code == 403

    owner = await codecall_services.external.account_for("ann", "Ann")
    bob_account = await codecall_services.external.account_for("bob", "Bob")
    folder = await codecall_admit(owner.id, [(bob_account.id, "candidate", "admitted")])
    (jp_root_dir / folder).mkdir(parents=True, exist_ok=True)
    (jp_root_dir / folder / "solution.py").write_text("print(1)\n")

    assert (await bob.api("GET", "me")).code == 200
    where, _config = await lab_page_config(bob)  # the page sets the _xsrf cookie
    assert where.endswith("/lab/workspaces/codecall-bob"), where
    assert "_xsrf" in bob.cookies
    assert (await bob.fetch(f"api/contents/{folder}/solution.py")).code == 200
    saved = await bob.fetch(
        f"api/contents/{folder}/solution.py",
        "PUT",
        json_body={"type": "file", "format": "text", "content": "print(2)\n"},
    )
    assert saved.code == 200, saved.body
    for method, path in (
        ("GET", "api/contents/secret.txt"),
        ("GET", "api/kernels"),
        ("POST", "api/kernels"),
        ("GET", "api/terminals"),
        ("POST", "api/terminals"),
    ):
        answer = await bob.fetch(path, method, json_body={} if method == "POST" else None)
        assert answer.code == 403, (method, path, answer.code)
        assert b"not authorized" in answer.body, answer.body  # the authorizer said no
    # Carol, admitted to no session, still nothing.
    assert (await carol.fetch(f"api/contents/{folder}/solution.py")).code == 403

    # A session whose folder is on another server does not open this one.
    carol_account = await codecall_services.external.account_for("carol", "Carol")
    elsewhere = await codecall_admit(owner.id, [(carol_account.id, "candidate", "admitted")])
    assert not (jp_root_dir / elsewhere).exists()
    assert (await carol.api("GET", "me")).code == 403

    # The end of the session shuts the door at once, whatever the Hub's cache says.
    await codecall_services.sessions.end(owner.id, folder.rsplit("/", 1)[-1])
    assert (await bob.api("GET", "me")).code == 403
    assert (await bob.fetch(f"api/contents/{folder}/solution.py")).code == 403


async def test_the_hub_client_reports_an_unreachable_hub_as_retryable() -> None:
    port = free_port()  # nothing listens here
    client = HubClient(HubServer(f"http://127.0.0.1:{port}/hub/api", "t", "ann"), timeout=2)
    with pytest.raises(HubError) as caught:
        await client.shared_users()
    assert caught.value.retryable
    assert caught.value.status is None
