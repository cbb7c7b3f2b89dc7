"""Pytest fixtures for CodeCall and for projects that build on it.

- ``codecall_postgres``: a throwaway PostgreSQL server on 127.0.0.1 (session-wide).
- ``codecall_db_url``: a fresh migrated database per test, SQLite and PostgreSQL
  (tests using it run once on each; mark a test ``sqlite_only`` to skip PostgreSQL).
- ``codecall_config``: a dict of CodeCallApp traits a test may change before the server starts.
- ``codecall_server_config``: server config enabling the extension; return it from
  your ``jp_server_config`` fixture.
- ``codecall_services``, ``codecall_browser`` (a cookie-keeping client factory),
  ``codecall_member`` (register + log in a member, returns their browser),
  ``codecall_owner`` (the owner's browser, authenticated by the Jupyter token),
  ``codecall_people`` (several members at once, each with its account ``id``),
  ``codecall_admit`` (put a member into a session, for authorization tests).
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Awaitable, Callable, Iterator
from typing import Any

import pytest
from traitlets.config import Config

from .services.container import SERVICES_KEY, CodeCallServices
from .store import migrate
from .store.models import Participant, PracticeSession
from .testing import Browser, PostgresServer

BACKENDS = ("sqlite", "postgresql")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "sqlite_only: run on SQLite only (no database logic)")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Drop the PostgreSQL run of tests marked ``sqlite_only`` rather than skipping it."""
    keep: list[pytest.Item] = []
    drop: list[pytest.Item] = []
    for item in items:
        callspec = getattr(item, "callspec", None)
        backend = callspec.params.get("codecall_backend") if callspec else None
        on_postgres_only_sqlite = backend == "postgresql" and item.get_closest_marker("sqlite_only")
        (drop if on_postgres_only_sqlite else keep).append(item)
    if drop:
        config.hook.pytest_deselected(items=drop)
        items[:] = keep


@pytest.fixture(scope="session")
def codecall_postgres() -> Iterator[PostgresServer]:
    server = PostgresServer().start()
    try:
        template = "codecall_template"
        server.psql(f"CREATE DATABASE {template}")
        migrate.run_blocking(lambda: migrate.upgrade(server.url(template)))
        yield server
    finally:
        server.stop()


@pytest.fixture(params=BACKENDS)
def codecall_backend(request: pytest.FixtureRequest) -> str:
    if request.param == "postgresql" and os.environ.get("CODECALL_TEST_SKIP_POSTGRES") == "1":
        pytest.skip("CODECALL_TEST_SKIP_POSTGRES=1")
    return str(request.param)


@pytest.fixture
def codecall_db_url(codecall_backend: str, tmp_path: Any, request: pytest.FixtureRequest) -> str:
    if codecall_backend == "sqlite":
        return f"sqlite:///{tmp_path / 'codecall.db'}"
    server: PostgresServer = request.getfixturevalue("codecall_postgres")
    return server.url(server.new_database(template="codecall_template"))


@pytest.fixture
def codecall_config() -> dict[str, Any]:
    """CodeCallApp traits for this test's server; change it before the server starts."""
    return {}


@pytest.fixture
def codecall_server_config(codecall_db_url: str, codecall_config: dict[str, Any]) -> Config:
    return Config(
        {
            "ServerApp": {
                # The environment's extension config is hidden from pytest-jupyter's
                # servers: load what CodeCall runs beside in real life.
                "jpserver_extensions": {
                    "codecall_jupyter": True,
                    "jupyterlab": True,
                    "jupyter_server_ydoc": True,
                    "jupyter_server_fileid": True,
                },
                "allow_unauthenticated_access": False,
            },
            "CodeCallApp": {
                "db_url": codecall_db_url,
                "owner_username": "owner",
                # One test process starts many servers: freezing each one's objects would
                # keep them from being collected after it stops.
                "gc_freeze_startup": False,
                # Kernels start on demand in tests: most tests never run code.
                "kernel_pool_sizes": {"python": 0, "polyglot": 0},
                **codecall_config,
            },
        }
    )


@pytest.fixture
def codecall_services(jp_serverapp: Any) -> CodeCallServices:
    return jp_serverapp.web_app.settings[SERVICES_KEY]


@pytest.fixture
def codecall_browser(http_server_client: Any, jp_base_url: str) -> Callable[[], Browser]:
    def make() -> Browser:
        return Browser(http_server_client, jp_base_url)

    return make


@pytest.fixture
def codecall_owner(jp_serverapp: Any, codecall_browser: Callable[[], Browser]) -> Browser:
    browser = codecall_browser()
    browser.headers["Authorization"] = f"token {jp_serverapp.identity_provider.token}"
    return browser


@pytest.fixture
def codecall_member(
    codecall_services: CodeCallServices, codecall_browser: Callable[[], Browser]
) -> Callable[..., Awaitable[Browser]]:
    """``await codecall_member("ann")``: an account made by the operator, logged in."""

    async def make(username: str, password: str = "correct horse 1", **fields: Any) -> Browser:  # noqa: S107
        await codecall_services.accounts.create_local(
            username=username,
            email=fields.get("email", f"{username}@example.test"),
            display_name=fields.get("display_name", username.title()),
            password=password,
        )
        browser = codecall_browser()
        response = await browser.login(username, password)
        assert response.code == 302, response.body
        return browser

    return make


@pytest.fixture
def codecall_people(
    codecall_member: Callable[..., Awaitable[Browser]], codecall_services: CodeCallServices
) -> Callable[..., Awaitable[list[Browser]]]:
    """``ann, bob = await codecall_people("ann", "bob")``: logged-in members; ``.id`` and
    ``.username`` are each one's account id and name."""

    async def make(*names: str) -> list[Browser]:
        browsers = []
        for name in names:
            browser = await codecall_member(name)
            account = await codecall_services.accounts.by_username(name)
            assert account is not None
            browser.id = account.id  # type: ignore[attr-defined]
            browser.username = name  # type: ignore[attr-defined]
            browsers.append(browser)
        return browsers

    return make


@pytest.fixture
def codecall_admit(
    codecall_services: CodeCallServices,
) -> Callable[..., Awaitable[str]]:
    """``await codecall_admit(host_id, [(user_id, role, state)])`` -> the session's folder path."""

    async def admit(host_id: int, members: list[tuple[int, str, str]]) -> str:
        session_id = uuid.uuid4().hex
        db = codecall_services.accounts.db
        async with db.session() as s, s.begin():
            s.add(
                PracticeSession(
                    id=session_id,
                    host_id=host_id,
                    title="t",
                    folder=session_id,
                    invite_token=uuid.uuid4().hex,
                )
            )
            await s.flush()
            s.add(
                Participant(
                    session_id=session_id, user_id=host_id, role="interviewer", state="admitted"
                )
            )
            for user_id, role, state in members:
                s.add(Participant(session_id=session_id, user_id=user_id, role=role, state=state))
        return codecall_services.access.folder_path(session_id)

    return admit
