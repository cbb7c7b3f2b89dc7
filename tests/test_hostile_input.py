"""Hostile input to the server, beyond tests/test_every_route.py's malformed bodies:

- every JSON-body route (from the OpenAPI document) gets 100,000-deep nesting, NUL bytes
  (raw and escaped) in each of its string fields, invalid UTF-8, lone surrogates, non-object
  bodies and an oversize body: a 4xx in the error envelope, never a 500, nothing stored;
- every WebSocket endpoint we serve refuses a foreign Origin, and an oversize frame on
  ours closes with 1009;
- IDOR: a stranger probing every route that takes one of another member's ids, with
  every method, gets 404 (never 200, 403 or 500);
- a cross-site form post (no XSRF token, foreign Origin) to every state-changing route and
  to the login and registration pages is refused, and changes nothing.

Routes come from the route table and the OpenAPI document, so a new route is covered
without touching this file (a new request model needs one valid example below).
"""

from __future__ import annotations

import asyncio
import json
import re
from dataclasses import dataclass
from typing import Any

import pytest
from sqlalchemy import func, select
from tornado.httpclient import HTTPClientError, HTTPRequest
from tornado.routing import RuleRouter
from tornado.websocket import WebSocketHandler, websocket_connect
from ydoc_client import document_room

from codecall_jupyter.auth.room_guard import RoomSocket
from codecall_jupyter.channel.handler import ChannelHandler
from codecall_jupyter.channel.preflight_handler import PreflightHandler
from codecall_jupyter.channel.protocol import CLOSE_TOO_BIG
from codecall_jupyter.channel.user_events_handler import UserEventsHandler
from codecall_jupyter.handlers.routes import ROUTES
from codecall_jupyter.openapi import METHODS, build_document
from codecall_jupyter.store.models import Base
from codecall_jupyter.testing import (
    Browser,
    ChannelClient,
    body_json,
    create_session,
    join_session,
)

DOCUMENT = build_document()
SCHEMAS = DOCUMENT["components"]["schemas"]
OPERATIONS = [
    (path, method, op) for path, ops in DOCUMENT["paths"].items() for method, op in ops.items()
]
JSON_OPERATIONS = [
    (path, method, op)
    for path, method, op in OPERATIONS
    if "application/json" in op.get("requestBody", {}).get("content", {})
]
WRITES = [(path, method) for path, method, _ in OPERATIONS if method != "get"]

# One valid body per request model: hostile variants change one field of it, so the
# refusal is about that field and not about a missing one.
EXAMPLES: dict[str, dict[str, Any]] = {
    "BlockCreate": {"username": "nobody-here"},
    "ChatReadMark": {"up_to": 0},
    "FeedbackDraft": {"ratings": {"coding": 3}, "text": "fine"},
    "FriendRequestCreate": {"to": "nobody-here"},
    "HostHandoff": {"user_id": 1},
    "InviteCreate": {"max_uses": 1},
    "JoinById": {},
    "JoinByToken": {"token": "not-a-token"},
    "MeUpdate": {"display_name": "Ann"},
    "PasswordChange": {"current_password": "wrong password", "new_password": "a new one!"},
    "ProblemFilesIn": {"id": "no-such-problem", "files": {"problem.md": "# x\n"}},
    "RoleChange": {"role": "observer"},
    # No code: the run is refused before any kernel starts.
    "RunIn": {"language": "no-such-language"},
    "SessionCreate": {"title": "Hostile"},
    "SessionInvite": {"usernames": ["nobody-here"]},
    "SessionUpdate": {"title": "Renamed"},
    "SnapshotIn": {"name": "snap"},
}


def model_of(op: dict[str, Any]) -> str | None:
    content = op.get("requestBody", {}).get("content", {})
    ref = content.get("application/json", {}).get("schema", {}).get("$ref", "")
    return ref.rsplit("/", 1)[-1] or None


def test_every_request_model_has_an_example():
    models = {model_of(op) for _, _, op in JSON_OPERATIONS}
    assert models <= set(EXAMPLES), f"add a valid example for {models - set(EXAMPLES)}"


def _accepts(schema: dict[str, Any], kind: str) -> bool:
    options = schema.get("anyOf", [schema])
    return any(option.get("type") == kind for option in options)


def _option(schema: dict[str, Any], kind: str) -> dict[str, Any]:
    return next(o for o in schema.get("anyOf", [schema]) if o.get("type") == kind)


def with_text(model: str, text: str) -> list[tuple[str, dict[str, Any]]]:
    """The model's example with ``text`` put into one string field at a time (string
    properties, lists of strings, and both keys and values of string maps)."""
    example = EXAMPLES[model]
    variants = []
    for name, prop in SCHEMAS[model].get("properties", {}).items():
        if _accepts(prop, "string"):
            variants.append((name, {**example, name: text}))
        if _accepts(prop, "array") and _option(prop, "array").get("items", {}).get("type") == (
            "string"
        ):
            variants.append((name, {**example, name: [text]}))
        if _accepts(prop, "object"):
            values = _option(prop, "object").get("additionalProperties", {})
            if values.get("type") == "string":
                variants.append((name, {**example, name: {"ok.txt": text}}))
                variants.append((f"{name} key", {**example, name: {text: "x"}}))
    return variants


# --- the world: ann owns one of everything ----------------------------------------------------


@dataclass
class World:
    ann: Browser
    bob: Browser  # a registered member: not ann's friend, in none of her sessions
    cat: Browser  # ann's admitted guest
    ids: dict[str, str]


async def row_counts(services: Any) -> dict[str, int]:
    async with services.accounts.db.session() as s:
        return {
            table.name: (await s.execute(select(func.count()).select_from(table))).scalar_one()
            for table in Base.metadata.sorted_tables
        }


@pytest.fixture
def world(people, codecall_services, jp_serverapp):
    async def make() -> World:
        ann, bob, cat, dan, eve = await people("ann", "bob", "cat", "dan", "eve")
        session = await create_session(ann, max_participants=3)
        sid = session["id"]
        assert (await join_session(cat, session)).code == 200
        admitted = await ann.api("POST", f"sessions/{sid}/participants/{cat.id}/admit")
        assert admitted.code == 200, admitted.body
        await codecall_services.chat.post(sid, ann.id, "hello cat")
        assert (await ann.api("POST", f"sessions/{sid}/notes")).code == 200
        scorecard = {"ratings": {"coding": 3}, "text": "ok"}
        assert (await ann.api("PUT", f"sessions/{sid}/scorecard", scorecard)).code == 200
        assert (await cat.api("PUT", f"sessions/{sid}/feedback", {"text": "hi"})).code == 200
        snapshots = []
        for name in ("first", "second"):
            made = await ann.api("POST", f"sessions/{sid}/snapshots", {"name": name})
            assert made.code == 201, made.body
            snapshots.append(body_json(made)["id"])
        invite = body_json(await ann.api("POST", "invites", {}))
        asked = body_json(await ann.api("POST", "friends/requests", {"to": "eve"}))
        request = await dan.api("POST", "friends/requests", {"to": "ann"})
        accepted = await ann.api(
            "POST", f"friends/requests/{body_json(request)['request']['id']}/accept"
        )
        assert accepted.code == 200, accepted.body
        assert (await ann.api("POST", "blocks", {"username": "eve"})).code in (201, 204)
        # A run and a problem straight into the store: saving them over REST needs the
        # sandbox, and here only their rows matter.
        runner = jp_serverapp.web_app.settings["codecall_runner"]
        run = runner.history.new(ann.id, sid, "python", "run", "main.py")
        await runner.history.add(run)
        problems = codecall_services.problems
        files = {
            "problem.md": "---\ntitle: Anns Secret\ndifficulty: easy\ntags: [strings]\n---\n\n"
            "Echo.\n\n"
            "## Input\nA line.\n\n## Output\nThe line.\n",
            "tests/examples/01.in": "a\n",
            "tests/examples/01.out": "a\n",
            "starter/solution.py": "print()\n",
            "solutions/solution.py": "print(input())\n",
        }
        problem = problems.validate("anns-secret", files, ann.id)
        await problems.save(ann.id, problem, files, "private", create=True)
        ids = {
            "session_id": sid,
            "user_id": str(cat.id),
            "request_id": str(asked["request"]["id"]),
            "invite_id": str(invite["id"]),
            "snapshot_id": snapshots[0],
            "other_id": snapshots[1],
            "run_id": run.id,
            "problem_id": "anns-secret",
        }
        return World(ann, bob, cat, ids)

    return make


def fill(template: str, ids: dict[str, str]) -> str:
    path = template.removeprefix("/codecall/api/")
    for name, value in ids.items():
        path = path.replace(f"{{{name}}}", value)
    assert "{" not in path, f"no id of ann's for {template}: add one to the world"
    return path


def is_envelope(response: Any) -> bool:
    try:
        error = body_json(response)["error"]
    except (ValueError, KeyError, TypeError):
        return False
    return bool(error.get("code") and error.get("message"))


# --- bodies -------------------------------------------------------------------------------------

DEEP_ARRAYS = b"[" * 100_000 + b"]" * 100_000
DEEP_OBJECTS = b'{"a":' * 100_000 + b"1" + b"}" * 100_000


def hostile_bodies(model: str) -> list[tuple[str, bytes]]:
    example = json.dumps(EXAMPLES[model]).encode()
    bodies = [
        ("100,000 nested arrays", DEEP_ARRAYS),
        ("100,000 nested objects", DEEP_OBJECTS),
        ("nested inside the example", example[:-1] + b', "zz": ' + DEEP_ARRAYS + b"}"),
        ("raw NUL byte", b'{"x": "a\x00b"}'),
        ("raw NUL outside a string", b"{\x00}"),
        ("invalid UTF-8 in a string", b'{"x": "\xc3\x28"}'),
        ("overlong UTF-8", b'{"x": "\xc0\xaf"}'),
        ("UTF-16 body", json.dumps(EXAMPLES[model]).encode("utf-16")),
        ("array", b"[]"),
        ("string", b'"text"'),
        ("number", b"1"),
        ("null", b"null"),
        ("true", b"true"),
    ]
    for name, prop in SCHEMAS[model].get("properties", {}).items():
        if _accepts(prop, "integer"):  # past 64 bits: no database integer holds it
            for big in (2**70, -(2**70), 2**63):
                bodies.append(
                    (f"{big} in {name}", json.dumps({**EXAMPLES[model], name: big}).encode())
                )
    for text, label in (("a\u0000b", "escaped NUL"), ("\ud800", "lone surrogate"),
                        ("a\u001bb", "escape character")):  # fmt: skip
        for field, body in with_text(model, text):
            bodies.append((f"{label} in {field}", json.dumps(body).encode()))
    return bodies


async def visible_state(w: World) -> dict[str, Any]:
    """What rows do not count: ann's profile and her session's settings and people."""
    me = body_json(await w.ann.api("GET", "me"))
    session = body_json(await w.ann.api("GET", f"sessions/{w.ids['session_id']}"))
    keep = ("title", "description", "language", "problem_id", "status", "has_password",
            "max_participants", "auto_admit", "scheduled_at", "participants")  # fmt: skip
    return {"me": me, "session": {k: session.get(k) for k in keep}}


async def test_json_routes_refuse_hostile_bodies_and_store_nothing(world, codecall_services):
    w = await world()
    faults = []
    for path, method, op in JSON_OPERATIONS:
        model = model_of(op)
        assert model is not None
        url = fill(path, w.ids)
        before = await row_counts(codecall_services)
        state_before = await visible_state(w)
        for label, body in hostile_bodies(model):
            response = await w.ann.api(
                method.upper(), url, body=body, headers={"Content-Type": "application/json"}
            )
            if not (400 <= response.code < 500 and is_envelope(response)):
                faults.append((method, path, label, response.code, response.body[:200]))
        oversize = b'{"x": "' + b"y" * (1_048_576 + 10) + b'"}'
        response = await w.ann.api(
            method.upper(), url, body=oversize, headers={"Content-Type": "application/json"}
        )
        if response.code != 413 or body_json(response)["error"]["code"] != "payload_too_large":
            faults.append((method, path, "oversize", response.code, response.body[:200]))
        if await row_counts(codecall_services) != before:
            faults.append((method, path, "stored something", before))
        state_after = await visible_state(w)
        if state_after != state_before:
            faults.append((method, path, "changed", state_before, state_after))
    assert not faults, "\n".join(map(str, faults))


# --- WebSockets -----------------------------------------------------------------------------


def _rules(rules):
    for rule in rules:
        if isinstance(rule.target, RuleRouter):
            yield from _rules(rule.target.rules)
        else:
            yield rule


def websocket_handlers(jp_serverapp) -> set[type]:
    """Every WebSocket handler of ours in the server's routing table."""
    found = set()
    for rule in _rules(jp_serverapp.web_app.default_router.rules):
        target = rule.target
        ours = isinstance(target, type) and target.__module__.startswith("codecall_jupyter")
        if ours and issubclass(target, WebSocketHandler):
            found.add(target)
    return found


@pytest.fixture
def sockets(jp_serverapp, jp_http_port, jp_base_url, codecall_services):
    """``url = await sockets(handler, world)``: a WebSocket URL of that endpoint that
    ann may open (her session's channel, a room of its documents, the pre-flight)."""

    async def url_for(handler: type, w: World) -> str:
        base = f"ws://127.0.0.1:{jp_http_port}{jp_base_url}"
        if handler is ChannelHandler:
            return f"{base}codecall/api/sessions/{w.ids['session_id']}/channel"
        if handler is PreflightHandler:
            return f"{base}codecall/api/preflight"
        if handler is UserEventsHandler:
            return f"{base}codecall/api/me/events"
        if handler is RoomSocket:
            folder = codecall_services.access.folder_path(w.ids["session_id"])
            room = await document_room(w.ann, f"{folder}/solution.py")
            return f"{base}api/collaboration/room/{room}"
        raise AssertionError(f"{handler.__name__}: teach this test how to open it")

    return url_for


def test_the_websockets_we_serve(jp_serverapp):
    ours = {ChannelHandler, PreflightHandler, RoomSocket, UserEventsHandler}
    assert websocket_handlers(jp_serverapp) == ours


async def open_socket(url: str, browser: Browser, origin: str | None, port: int):
    headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in browser.cookies.items())}
    if origin == "same":
        headers["Origin"] = f"http://127.0.0.1:{port}"
    elif origin is not None:
        headers["Origin"] = origin
    return await websocket_connect(HTTPRequest(url, headers=headers))


async def closed(socket: Any) -> None:
    """Close and wait for the server's answer, so no handler outlives the test's server."""
    socket.close()
    while await asyncio.wait_for(socket.read_message(), 10) is not None:
        pass


FOREIGN = ["http://evil.example", "null", "http://127.0.0.1.evil.example"]


@pytest.mark.sqlite_only
@pytest.mark.parametrize("origin", [*FOREIGN, None])
async def test_every_websocket_refuses_a_foreign_origin(
    world, sockets, jp_serverapp, jp_http_port, origin
):
    w = await world()
    refused = {}
    for handler in sorted(websocket_handlers(jp_serverapp), key=lambda h: h.__name__):
        url = await sockets(handler, w)
        if origin is None and handler is RoomSocket:
            continue  # Jupyter's rule: see test_a_room_follows_jupyters_rule_for_no_origin
        try:
            socket = await open_socket(url, w.ann, origin, jp_http_port)
        except HTTPClientError as exc:
            refused[handler.__name__] = exc.code
        else:
            await closed(socket)
            refused[handler.__name__] = "accepted"
        # Refused before the upgrade: an HTTP 403, so no WebSocket close code exists.
    assert set(refused.values()) == {403}, refused
    # The same sockets open from the page's own origin.
    for handler in websocket_handlers(jp_serverapp):
        socket = await open_socket(await sockets(handler, w), w.ann, "same", jp_http_port)
        await closed(socket)


@pytest.mark.sqlite_only
async def test_a_room_refuses_a_cookie_without_an_origin(world, sockets, jp_http_port):
    """A browser always sends an Origin, so a cookie-authenticated room socket without one
    is no page of ours: refused, like our own sockets. (jupyter_server lets Origin-less
    clients through; rooms keep that only for scripts holding a token.)"""
    w = await world()
    url = await sockets(RoomSocket, w)
    for person in (w.ann, w.bob):
        with pytest.raises(HTTPClientError) as refused:
            await open_socket(url, person, None, jp_http_port)
        assert refused.value.code == 403
    socket = await open_socket(url, w.ann, "same", jp_http_port)  # her page may
    await closed(socket)


@pytest.mark.sqlite_only
@pytest.mark.parametrize("codecall_config", [{"channel_max_message_bytes": 4096}], indirect=True)
async def test_oversize_frames_close_our_sockets_with_1009(
    world, sockets, jp_serverapp, jp_http_port
):
    w = await world()
    codes = {}
    for handler in (ChannelHandler, PreflightHandler, UserEventsHandler):
        socket = await open_socket(await sockets(handler, w), w.ann, "same", jp_http_port)
        await socket.write_message("x" * 10_000)
        while await socket.read_message() is not None:
            pass
        codes[handler.__name__] = socket.close_code
    assert set(codes.values()) == {CLOSE_TOO_BIG}, codes


@pytest.fixture
def codecall_config(request):
    # Thousands of requests from one member and one address: rate limits are not the subject.
    unlimited = {"api_rate_limit_user": "100000/minute", "api_rate_limit_address": "100000/minute"}
    return {**unlimited, **getattr(request, "param", {})}


async def test_hostile_channel_messages_get_errors_and_store_nothing(
    world, codecall_services, jp_http_port
):
    """What the REST bodies are refused, the channel refuses message by message; the
    socket survives (PostgreSQL refuses NUL, lone surrogates and integers past 64 bits)."""
    w = await world()
    sid = w.ids["session_id"]
    socket = await ChannelClient.open(w.ann, jp_http_port, sid)
    await socket.next("snapshot")
    before = await row_counts(codecall_services)
    messages = [
        {"type": "chat", "text": "a\u0000b"},
        {"type": "chat", "text": "\ud800"},
        {"type": "chat", "text": "\udfff\ud800"},
        {"type": "chat.edit", "id": 2**70, "text": "x"},
        {"type": "chat.edit", "id": -(2**63) - 1, "text": "x"},
        {"type": "chat.delete", "id": 2**64},
        {"type": "chat.read", "up_to": 2**64},
        {"type": "chat", "text": "x", "sender": "cat"},
        {"type": "signal", "to": "a\u0000b", "kind": "offer", "data": {}},
        {"type": "signal", "to": "\ud800", "kind": "offer", "data": {"sdp": "\ud800"}},
    ]
    try:
        for message in messages:
            await socket.send(message)
            reply = await socket.next("error")
            assert reply["code"], message
            await socket.send({"type": "ping"})
            await socket.next("pong")  # still open
        socket.inbox.clear()
    finally:
        socket.close()
        await socket.closed()
    assert await row_counts(codecall_services) == before


async def test_a_channel_id_with_nul_names_nothing(world, jp_http_port):
    w = await world()
    with pytest.raises(HTTPClientError) as refused:
        await ChannelClient.open(w.ann, jp_http_port, "a%00b")
    assert refused.value.code == 404


# --- IDOR ---------------------------------------------------------------------------------


def _implemented(handler: type, method: str) -> bool:
    found = getattr(handler, method, None)
    return found is not None and found.__qualname__.split(".")[0] != "RequestHandler"


ID_ROUTES = [(path, handler) for path, handler in ROUTES if "{" in path]


async def test_a_stranger_gets_404_for_everything_of_anns(world, codecall_services):
    w = await world()
    assert ID_ROUTES
    before = await row_counts(codecall_services)
    faults = []
    bodies = {
        (path, method): EXAMPLES[model_of(op) or ""] if model_of(op) else None
        for path, method, op in OPERATIONS
    }
    for path, handler in ID_ROUTES:
        url = fill(path, w.ids)
        for method in METHODS:
            body = bodies.get((path, method))
            if path.endswith("/host"):
                body = {"user_id": w.bob.id}  # hand ann's session to the stranger
            response = await w.bob.api(method.upper(), url, body)
            expected = 404 if _implemented(handler, method) else 405
            if response.code != expected or not is_envelope(response):
                faults.append((method.upper(), url, response.code, response.body[:160]))
    assert not faults, "\n".join(map(str, faults))
    assert await row_counts(codecall_services) == before
    # ...and everything is still there for ann.
    for path in ("sessions/{session_id}", "runs/{run_id}", "problems/{problem_id}"):
        response = await w.ann.api("GET", fill("/codecall/api/" + path, w.ids))
        assert response.code == 200, (path, response.body)


HOSTILE_IDS = ["a%00b", "%00", "%ff%fe", "%ED%A0%80", "%C0%AF", "x" * 3000, "..%2F..", "1e9999"]


async def test_hostile_ids_in_paths_name_nothing(world):
    """Path ids with NUL, invalid UTF-8, surrogates, huge or traversing values: 4xx in the
    envelope (PostgreSQL refuses NUL in text: it must never reach a query)."""
    w = await world()
    faults = []
    for path, handler in ID_ROUTES:
        for bad in HOSTILE_IDS:
            url = re.sub(r"\{\w+\}", bad, path.removeprefix("/codecall/api/"))
            for method in METHODS:
                if not _implemented(handler, method):
                    continue
                response = await w.ann.api(method.upper(), url, {} if method != "get" else None)
                if not (400 <= response.code < 500 and is_envelope(response)):
                    faults.append((method.upper(), url[:80], response.code, response.body[:160]))
    assert not faults, "\n".join(map(str, faults))


# --- CSRF ----------------------------------------------------------------------------------

FORMS = [
    ("application/x-www-form-urlencoded", b"title=x&to=ann&name=x&text=x"),
    ("multipart/form-data; boundary=XX", b'--XX\r\nContent-Disposition: form-data; name="title"'
     b"\r\n\r\nx\r\n--XX--\r\n"),
    ("text/plain", b'{"title": "x"}'),
]  # fmt: skip


@pytest.mark.parametrize("origin", ["http://evil.example", None], ids=["foreign", "no-origin"])
@pytest.mark.parametrize(("content_type", "form"), FORMS, ids=["urlencoded", "multipart", "text"])
async def test_cross_site_form_posts_are_refused(
    world, codecall_services, content_type, form, origin
):
    """What a page on another site can make a browser send with the member's cookies:
    a simple form post (no custom header, so no XSRF token), with its Origin or, from
    older browsers, none. Jupyter answers a cross-origin API request 404 (it hides the
    route) and one without the XSRF token 403; either way nothing changes."""
    w = await world()
    cross_site = {"Content-Type": content_type}
    if origin:
        cross_site["Origin"] = origin
    victim = w.ann
    xsrf = victim.cookies.pop("_xsrf")  # the attacker cannot read or send it
    before = await row_counts(codecall_services)
    faults = []
    try:
        for path, method in WRITES:
            url = fill(path, w.ids)
            response = await victim.api(method.upper(), url, body=form, headers=cross_site)
            if response.code not in (403, 404) or not is_envelope(response):
                faults.append((method.upper(), url, response.code, response.body[:160]))
        for page in ("login", "codecall/register"):
            response = await victim.fetch(page, "POST", body=form, headers=cross_site)
            if response.code not in (403, 404):
                faults.append(("POST", page, response.code, response.body[:160]))
    finally:
        victim.cookies["_xsrf"] = xsrf
    assert not faults, "\n".join(map(str, faults))
    assert await row_counts(codecall_services) == before
    assert (await victim.api("GET", "me")).code == 200  # still logged in
