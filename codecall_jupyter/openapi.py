"""The OpenAPI 3.1 document, built from the route table and the pydantic models.

The built document is kept in the repository (codecall_jupyter/openapi.json) and
served as is; `python -m codecall_jupyter.openapi` rewrites it, and a test fails
when the file and the code disagree.
"""

from __future__ import annotations

import json
import re
import sys
from functools import cache
from http import HTTPStatus
from pathlib import Path
from typing import Any

from pydantic import BaseModel
from pydantic.json_schema import models_json_schema
from tornado import web

from . import __version__
from .handlers.operation import Operation, Query, operation_of
from .handlers.routes import ROUTES
from .schemas import ErrorEnvelope

DOCUMENT = Path(__file__).parent / "openapi.json"
METHODS = ("get", "post", "put", "patch", "delete")
# Every route can answer these: authentication, rate limits, body size.
# 503: any route may meet the database down or locked, or the sessions' disk full.
COMMON_ERRORS = (403, 413, 429, 503)
_ERROR_DESCRIPTIONS = {
    503: "Service Unavailable: nothing was stored; try again after `Retry-After` seconds. "
    "Codes: `database_unavailable` (the database is down or restarting), `database_busy` "
    "(a SQLite write lock held too long), `storage_full` (the disk is full), "
    "`runner_unavailable`.",
}


def operations(handler: type[web.RequestHandler]) -> dict[str, Operation]:
    found = {}
    for method in METHODS:
        op = operation_of(getattr(handler, method, None))
        if op is not None:
            found[method] = op
    return found


def _models() -> list[type[BaseModel]]:
    models: dict[str, type[BaseModel]] = {"ErrorEnvelope": ErrorEnvelope}
    for _, handler in ROUTES:
        for op in operations(handler).values():
            for model in (op.request, *op.responses.values()):
                if model is not None:
                    models[model.__name__] = model
    return [models[name] for name in sorted(models)]


def _ref(model: type[BaseModel]) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{model.__name__}"}


def _error(status: int) -> dict[str, Any]:
    return {
        "description": _ERROR_DESCRIPTIONS.get(status, HTTPStatus(status).phrase),
        "content": {"application/json": {"schema": _ref(ErrorEnvelope)}},
    }


def _operation(path: str, method: str, op: Operation) -> dict[str, Any]:
    responses: dict[str, Any] = {}
    for status, model in op.responses.items():
        entry: dict[str, Any] = {"description": HTTPStatus(status).phrase}
        if model is not None:
            entry["content"] = {"application/json": {"schema": _ref(model)}}
        elif op.media_type is not None:
            entry["content"] = {op.media_type: {"schema": {"contentMediaType": op.media_type}}}
        elif status != 204:
            entry["content"] = {"application/json": {"schema": {"type": "object"}}}
        responses[str(status)] = entry
    errors = set(op.errors) | set(COMMON_ERRORS)
    if op.request is not None:
        errors |= {400, 422}
    for status in sorted(errors):
        responses[str(status)] = _error(status)
    doc: dict[str, Any] = {
        "operationId": _operation_id(path, method),
        "summary": op.summary,
        "tags": list(op.tags),
        "responses": responses,
    }
    if op.description:
        doc["description"] = op.description
    params: list[dict[str, Any]] = [
        {"name": p, "in": "path", "required": True, "schema": {"type": "string"}}
        for p in re.findall(r"\{(\w+)\}", path)
    ]
    for name, query in op.query.items():
        if isinstance(query, str):  # a whole number from 1
            query = Query(query, {"type": "integer", "minimum": 1})
        params.append(
            {"name": name, "in": "query", "required": False,
             "description": query.description, "schema": query.schema}
        )  # fmt: skip
    if params:
        doc["parameters"] = params
    if op.request is not None:
        doc["requestBody"] = {
            "required": True,
            "content": {"application/json": {"schema": _ref(op.request)}},
        }
    elif op.request_media_type is not None:
        media = op.request_media_type
        doc["requestBody"] = {
            "required": True,
            "content": {media: {"schema": {"contentMediaType": media}}},
        }
    return doc


def _operation_id(path: str, method: str) -> str:
    words = re.sub(r"[{}]", "", path.removeprefix("/codecall/api/")).replace(".", "_")
    return method + "_" + re.sub(r"[^A-Za-z0-9]+", "_", words).strip("_")


def build_document() -> dict[str, Any]:
    _, defs = models_json_schema(
        [(m, "serialization") for m in _models()],
        ref_template="#/components/schemas/{model}",
    )
    paths: dict[str, Any] = {}
    for path, handler in ROUTES:
        paths[path] = {m: _operation(path, m, op) for m, op in operations(handler).items()}
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "CodeCall for Jupyter REST API",
            "version": __version__.split("+")[0],
            "description": (
                "Paths are relative to the Jupyter server's base URL. Every request is "
                "authenticated (CodeCall login cookie with the XSRF header, or the Jupyter "
                "token as `Authorization: token ...`). Every error is "
                '`{"error": {"code": ..., "message": ...}}`.'
            ),
        },
        "servers": [{"url": "/"}],
        "paths": paths,
        "components": {"schemas": defs.get("$defs", {})},
    }


def render() -> str:
    return json.dumps(build_document(), indent=2, sort_keys=True) + "\n"


@cache
def load_document() -> str:
    return DOCUMENT.read_text(encoding="utf-8")


if __name__ == "__main__":
    if "--check" in sys.argv:
        sys.exit(0 if DOCUMENT.read_text(encoding="utf-8") == render() else 1)
    DOCUMENT.write_text(render(), encoding="utf-8")
