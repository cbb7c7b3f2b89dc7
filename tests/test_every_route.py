"""Bad input on every route of the OpenAPI document: a clear 4xx in the envelope,
never a 500. Each operation gets malformed JSON, an unknown field, wrong types and an
oversize body, with made-up path parameters and with real ones."""

import json
import re

import pytest

from codecall_jupyter.openapi import build_document
from codecall_jupyter.testing import body_json, create_session

OPERATIONS = [
    (path, method, op)
    for path, ops in build_document()["paths"].items()
    for method, op in ops.items()
]
BAD_BODIES = [
    b"{not json",
    b'{"zzz_unknown_field": 1}',
    b'{"title": 5, "to": [], "text": {}, "username": null, "max_uses": "x"}',
    b"\xff\xfe\x00",
    # NUL inside strings, one field at a time: PostgreSQL text cannot hold it.
    *(
        json.dumps({field: "a\u0000b"}).encode()
        for field in ("title", "text", "to", "username", "token", "password", "display_name")
    ),
    json.dumps({"usernames": ["a\u0000b"]}).encode(),
    b"[" * 5000 + b"]" * 5000,
]


@pytest.fixture
def codecall_config():
    return {"max_body_bytes": 4096, "api_rate_limit_user": "100000/minute"}


def fill(path, session_id):
    path = path.removeprefix("/codecall/api/")
    path = path.replace("{session_id}", session_id)
    return re.sub(r"\{\w+\}", "999999", path)


@pytest.mark.parametrize(
    ("path", "method", "op"), OPERATIONS, ids=[f"{m} {p}" for p, m, _ in OPERATIONS]
)
async def test_bad_input_never_breaks_a_route(codecall_people, path, method, op):
    (ann,) = await codecall_people("ann")
    session = await create_session(ann)
    for session_id in ("f" * 32, session["id"]):
        url = fill(path, session_id)
        for body in [*BAD_BODIES, b'{"x": "' + b"y" * 5000 + b'"}']:
            response = await ann.api(
                method.upper(), url, body=body, headers={"Content-Type": "application/json"}
            )
            where = (method, url, body[:30], response.code, response.body[:200])
            assert response.code < 500, where
            if "requestBody" not in op:
                continue  # bodies are ignored where none is expected: only "no 500" holds
            assert 400 <= response.code < 500, where
            if response.body:
                error = body_json(response)["error"]
                assert error["code"]
                assert error["message"]
        if "requestBody" in op:
            oversize = json.dumps({"text": "x" * 8000}).encode()
            response = await ann.api(
                method.upper(), url, body=oversize, headers={"Content-Type": "application/json"}
            )
            assert response.code == 413, (method, url, response.code)
