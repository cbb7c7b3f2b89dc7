"""The OpenAPI document: valid, current, served, and covering every route."""

import json

import pytest
from openapi_spec_validator import validate

from codecall_jupyter.openapi import DOCUMENT, METHODS, build_document, render
from codecall_jupyter.testing import body_json

pytestmark = pytest.mark.sqlite_only


def test_document_is_valid_openapi_31():
    document = json.loads(DOCUMENT.read_text())
    assert document["openapi"].startswith("3.1")
    validate(document)


def test_committed_document_matches_the_code():
    assert DOCUMENT.read_text() == render(), "run `make openapi` and commit openapi.json"


async def test_every_registered_route_is_documented(jp_serverapp, jp_base_url):
    document = build_document()
    documented = {(path, method) for path, ops in document["paths"].items() for method in ops}
    api_prefix = f"{jp_base_url}codecall/api/"
    seen = 0
    for rule in _rules(jp_serverapp.web_app.default_router.rules):
        pattern = rule.matcher.regex.pattern
        handler = rule.target
        if not pattern.startswith(api_prefix) or getattr(handler, "openapi_exclude", False):
            continue
        path = "/" + pattern[len(jp_base_url) :].rstrip("$")
        path = _template(path)
        for method in METHODS:
            implemented = getattr(handler, method, None)
            if (
                implemented is not None
                and implemented.__qualname__.split(".")[0] != "RequestHandler"
            ):
                seen += 1
                assert (path, method) in documented, (
                    f"{method.upper()} {path} is not in openapi.json"
                )
    assert seen >= len(documented)


async def test_document_is_served(codecall_owner):
    response = await codecall_owner.api("GET", "openapi.json")
    assert response.code == 200
    assert body_json(response) == json.loads(DOCUMENT.read_text())


def test_every_operation_documents_the_error_envelope():
    for path, ops in build_document()["paths"].items():
        for method, op in ops.items():
            for status in ("403", "429"):
                schema = op["responses"][status]["content"]["application/json"]["schema"]
                assert schema == {"$ref": "#/components/schemas/ErrorEnvelope"}, (path, method)


def _rules(rules):
    from tornado.routing import RuleRouter

    for rule in rules:
        if isinstance(rule.target, RuleRouter):
            yield from _rules(rule.target.rules)
        else:
            yield rule


def _template(path):
    import re

    return re.sub(r"\(\?P<(\w+)>\[\^/\]\+\)", r"{\1}", path)
