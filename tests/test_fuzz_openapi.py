"""Property-based fuzzing of every operation in the OpenAPI document with schemathesis.

A real ``jupyter server`` with CodeCall runs in its own process (schemathesis' tests are
synchronous, hypothesis-driven, so they cannot share pytest-jupyter's event loop). The
fuzzer is a registered member, ann, who owns real things: a session with an admitted
candidate, chat, notes, a scorecard and snapshots; a friend; a pending friend request; a
block; an invite; a problem and a run when the sandbox can run them. Each path parameter
is either what the fuzzer made up or one of those real ids, so the fuzzer reaches the
code behind the 404s. Every response must be no 5xx, use a documented status code and
match its documented schema.
"""

from __future__ import annotations

import asyncio
import io
import json
import re
import time
import zipfile
from collections.abc import Iterator
from typing import Any

import pytest
import requests
import schemathesis
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)
from server_process import ServerProcess

from codecall_jupyter.openapi import DOCUMENT
from codecall_jupyter.problems.service import ProblemService
from codecall_jupyter.store.db import Database

# One server on SQLite: the PostgreSQL-only faults (NUL, integer range) are asserted on both
# backends by tests/test_hostile_input.py.
pytestmark = [pytest.mark.sqlite_only, pytest.mark.timeout(600)]

# Enough to reach every branch a handler has for its parameters, few enough that the
# whole file stays within about three minutes on a loaded two-core machine.
MAX_EXAMPLES = 20

# Left out: both start real sandboxed kernels (seconds each); the runner has its own
# hostile-input tests (tests/test_runner_hostile.py, tests/test_problem_authoring.py).
SLOW = {("POST", "/codecall/api/runs"), ("POST", "/codecall/api/problems/{problem_id}/check")}

# Operations that, given a real id, end, hand over or delete what the rest of the run
# fuzzes: each of their examples gets a session of its own; the world is mended after.
OWN_SESSION = re.compile(
    r"^(DELETE /codecall/api/sessions/\{session_id\}"
    r"|POST /codecall/api/sessions/\{session_id\}/(end|leave|host|swap-roles|decline)"
    r"|(DELETE|POST|PUT) /codecall/api/sessions/\{session_id\}/participants/.*)$"
)
REAL = "REALID"  # a path parameter the test replaces with a real id (no escaping needed)

schema = schemathesis.openapi.from_path(DOCUMENT)
schema.config.generation.update(database="none", deterministic=True)
schema = schema.exclude(func=lambda ctx: (ctx.operation.method.upper(), ctx.operation.path) in SLOW)


def _zip(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return buffer.getvalue()


# Problem imports are zips: random bytes, and real zips with made-up (and hostile) names.
ZIP_NAMES = st.one_of(
    st.text(min_size=1, max_size=40),
    st.sampled_from(["../evil.md", "/abs.md", "p/problem.md", "p/../../x", "p/tests/a.in"]),
)
schemathesis.openapi.media_type(
    "application/zip",
    st.one_of(
        st.binary(max_size=2048),
        st.dictionaries(ZIP_NAMES, st.binary(max_size=256), max_size=6).map(_zip),
    ),
)


@schema.hook
def flatmap_path_parameters(context: Any, path_parameters: dict[str, Any]) -> Any:
    """Each path parameter: what the fuzzer made, or (marked) a real id of ann's world."""
    if not path_parameters:
        return st.just(path_parameters)
    return st.fixed_dictionaries(
        {name: st.sampled_from([REAL, value]) for name, value in path_parameters.items()}
    )


PROBLEM_FILES = {
    "problem.md": "---\ntitle: Echo Twice\ndifficulty: easy\ntags: [strings]\n---\n\n"
    "Print the line twice.\n\n## Input\nOne line.\n\n## Output\nThe line, twice.\n",
    "tests/examples/01.in": "ab\n",
    "tests/examples/01.out": "abab\n",
    "starter/solution.py": "s = input()\nprint(s)\n",
    "solutions/solution.py": "s = input()\nprint(s + s)\n",
}
PASSWORD = "correct horse 1"


class Person:
    """A member's browser: the login cookie, the XSRF cookie and header."""

    def __init__(self, server: ServerProcess, username: str) -> None:
        self.server = server
        self.username = username
        self.http = requests.Session()
        self.http.trust_env = False  # loopback only, never a proxy
        self.http.get(f"{server.url}/login", timeout=10)
        xsrf = self.http.cookies.get("_xsrf", "")
        response = self.http.post(
            f"{server.url}/codecall/register",
            data={
                "username": username,
                "email": f"{username}@example.test",
                "display_name": username.title(),
                "password": PASSWORD,
                "password_confirm": PASSWORD,
                "_xsrf": xsrf,
            },
            allow_redirects=False,
            timeout=30,
        )
        assert response.status_code == 302, response.text[:500]
        self.http.headers["X-XSRFToken"] = xsrf
        self.id = int(self.api("GET", "me")["id"])

    def call(self, method: str, path: str, body: Any = None) -> requests.Response:
        return self.http.request(
            method,
            f"{self.server.url}/codecall/api/{path}",
            data=None if body is None else json.dumps(body),
            headers={"Content-Type": "application/json"},
            timeout=60,
        )

    def api(self, method: str, path: str, body: Any = None, expect: int | None = None) -> Any:
        response = self.call(method, path, body)
        ok = response.status_code == expect if expect else response.status_code < 300
        assert ok, (method, path, response.status_code, response.text[:500])
        return response.json() if response.content else None

    def chat(self, session_id: str, text: str) -> None:
        """One chat message through the session channel, as the browser sends it."""
        from tornado.httpclient import HTTPRequest
        from tornado.websocket import websocket_connect

        headers = {
            "Origin": self.server.url,
            "Cookie": "; ".join(f"{k}={v}" for k, v in self.http.cookies.items()),
        }
        url = self.server.url.replace("http", "ws") + f"/codecall/api/sessions/{session_id}/channel"

        async def send() -> None:
            socket = await websocket_connect(HTTPRequest(url, headers=headers))
            await socket.write_message(json.dumps({"type": "chat", "text": text}))
            deadline = time.monotonic() + 10
            while time.monotonic() < deadline:
                raw = await asyncio.wait_for(socket.read_message(), 10)
                assert raw is not None, "the channel closed"
                if json.loads(raw).get("type") == "chat":
                    break
            socket.close()

        asyncio.run(send())


class World:
    """Ann's things, by path parameter, and the people around her."""

    def __init__(self, server: ServerProcess) -> None:
        self.server = server
        self.ann, self.bob, self.cat, self.dan = (
            Person(server, name) for name in ("ann", "bob", "cat", "dan")
        )
        self.ids: dict[str, str] = {}
        self.seen: dict[str, set[int]] = {}  # operation -> status codes answered
        self.mend()
        self.ids["invite_id"] = str(self.ann.api("POST", "invites", {})["id"])
        self.ids["run_id"] = self._run()

    # --- the things ------------------------------------------------------------------

    def session(self) -> str:
        """A session of ann's with bob admitted as the candidate."""
        session = self.ann.api("POST", "sessions", {"title": "Fuzzed"})
        token = session["invite_url"].split("codecall-join=")[1]
        self.bob.api("POST", "sessions/join", {"token": token})
        self.ann.api("POST", f"sessions/{session['id']}/participants/{self.bob.id}/admit")
        return str(session["id"])

    def rich_session(self) -> str:
        session_id = self.session()
        ann = self.ann
        ann.chat(session_id, "hello <b>bob</b>")
        ann.api("POST", f"sessions/{session_id}/notes")
        ann.api("PUT", f"sessions/{session_id}/scorecard", {"ratings": {"coding": 3}, "text": "ok"})
        self.bob.api("PUT", f"sessions/{session_id}/feedback", {"text": "nice"})
        first = ann.api("POST", f"sessions/{session_id}/snapshots", {"name": "first"})
        second = ann.api("POST", f"sessions/{session_id}/snapshots", {"name": "second"})
        self.ids["snapshot_id"] = str(first["id"])
        self.ids["other_id"] = str(second["id"])
        return session_id

    def _problem(self) -> str:
        """Straight into the store: saving over REST proves it in the sandbox (seconds)."""

        async def save() -> None:
            db = Database(self.server.db_url)
            try:
                service = ProblemService(db, None, [])  # type: ignore[arg-type]  # unused here
                problem = service.validate("echo-twice", PROBLEM_FILES, self.ann.id)
                await service.save(self.ann.id, problem, PROBLEM_FILES, "private", create=True)
            finally:
                await db.engine.dispose()

        asyncio.run(save())
        return "echo-twice"

    def _run(self) -> str:
        response = self.ann.call("POST", "runs", {"language": "python", "code": "print(1)"})
        return str(response.json()["id"]) if response.status_code == 202 else "no-run"

    # --- keeping it whole ---------------------------------------------------------------

    def mend(self) -> None:
        """Put back what a fuzzed call may have ended, deleted or handed over."""
        ann, bob, cat, dan = self.ann, self.bob, self.cat, self.dan
        if ann.call("GET", "problems/echo-twice").status_code != 200:
            self.ids["problem_id"] = self._problem()
        session_id = self.ids.get("session_id")
        if session_id is None or not self._session_whole(session_id):
            self.ids["session_id"] = self.rich_session()
        friends = {f["user"]["username"] for f in ann.api("GET", "friends")["friends"]}
        if "bob" not in friends:
            ann.call("DELETE", f"blocks/{bob.id}")
            bob.call("DELETE", f"blocks/{ann.id}")
            request = ann.api("POST", "friends/requests", {"to": "bob"})
            if "request" in (request or {}):
                bob.call("POST", f"friends/requests/{request['request']['id']}/accept")
        self.ids["user_id"] = str(bob.id)
        incoming = ann.api("GET", "friends/requests")["incoming"]
        from_cat = [r for r in incoming if r["from_user"]["username"] == "cat"]
        if not from_cat:
            ann.call("DELETE", f"blocks/{cat.id}")
            ann.call("DELETE", f"friends/{cat.id}")
            cat.api("POST", "friends/requests", {"to": "ann"})
            incoming = ann.api("GET", "friends/requests")["incoming"]
            from_cat = [r for r in incoming if r["from_user"]["username"] == "cat"]
        self.ids["request_id"] = str(from_cat[0]["id"])
        blocked = {b["user"]["username"] for b in ann.api("GET", "blocks")["blocked"]}
        if "dan" not in blocked:
            ann.api("POST", "blocks", {"username": "dan"})
        self.blocked_id = str(dan.id)

    def _session_whole(self, session_id: str) -> bool:
        response = self.ann.call("GET", f"sessions/{session_id}")
        if response.status_code != 200:
            return False
        session = response.json()
        admitted = {
            p["user"]["username"]
            for p in session.get("participants", [])
            if p["state"] == "admitted" and p["role"] == "candidate"
        }
        return (
            session["status"] != "ended" and session["host"]["username"] == "ann"
        ) and admitted == {"bob"}

    def real(self, case: Any) -> None:
        """Replace the marked path parameters with real ids (a fresh session where the
        operation would spend the shared one)."""
        params = case.path_parameters or {}
        if REAL not in params.values():
            return
        label = f"{case.method.upper()} {case.path}"
        for name, value in params.items():
            if value != REAL:
                continue
            if name == "session_id" and OWN_SESSION.match(label):
                params[name] = self.session()
            elif name == "user_id" and case.path.startswith("/codecall/api/blocks/"):
                params[name] = self.blocked_id
            elif name == "user_id" and case.path.startswith("/codecall/api/friends/"):
                params[name] = str(self.bob.id)
            else:
                params[name] = self.ids[name]


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    server = ServerProcess(
        tmp_path_factory.mktemp("fuzz"),
        CodeCallApp__registration="open",
        CodeCallApp__api_rate_limit_user="1000000/minute",
        CodeCallApp__api_rate_limit_address="1000000/minute",
        CodeCallApp__register_rate_limit_address="1000/minute",
        CodeCallApp__run_wall_seconds=3.0,
    )
    server.start()
    try:
        world = World(server)
        yield world
        # Deep, not just 404s: most operations succeeded at least once with real ids (the
        # rest need a body no fuzzer guesses, such as a friend's username; 70% when written).
        succeeded = {op for op, codes in world.seen.items() if min(codes) < 300}
        fuzzed = {
            f"{m.upper()} {p}"
            for p, ops in schema.raw_schema["paths"].items()
            for m in ops
            if (m.upper(), p) not in SLOW
        }
        assert len(succeeded & fuzzed) >= 0.6 * len(fuzzed), sorted(fuzzed - succeeded)
    finally:
        server.stop()
        # An uncaught exception is a bug even where the response looked fine.
        faults = [line for line in server.log().splitlines() if "Uncaught exception" in line]
        assert not faults, faults


CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]


@schema.parametrize()
@settings(
    max_examples=MAX_EXAMPLES,
    deadline=None,
    derandomize=True,
    suppress_health_check=list(HealthCheck),
)
def test_every_operation_answers_as_documented(case: Any, world: World) -> None:
    world.real(case)
    response = case.call_and_validate(
        base_url=world.server.url, session=world.ann.http, checks=CHECKS
    )
    world.seen.setdefault(f"{case.method.upper()} {case.path}", set()).add(response.status_code)
    if case.method.upper() != "GET" and response.status_code < 300:
        world.mend()
