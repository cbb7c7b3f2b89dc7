"""Tells each user's open JupyterLab pages that something of theirs changed (a friend
request, an invitation, a session they are in), so the sidebar refreshes at once.

Within one server a publish reaches the local subscribers directly. Servers that share a
PostgreSQL database (JupyterHub: one single-user server per user) each LISTEN on one
channel, and a publish is a NOTIFY sent after the change is committed: a friend request
sent on Ann's server reaches Bob's page on his server without any polling loop.

An event names what to reload, never the data itself: each page asks the REST API
again, so what a user sees is always what the database says and what they may see.
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

import asyncpg
from sqlalchemy import text
from sqlalchemy.engine import make_url

from ..store.db import Database
from ..tasks import cancel_and_wait

log = logging.getLogger(__name__)

# The PostgreSQL channel every CodeCall server of one database listens on.
PG_CHANNEL = "codecall_user_events"
# NOTIFY payloads must stay under 8,000 bytes: big audiences go in several.
_IDS_PER_NOTIFY = 400
_FIRST_RETRY = 0.5
_MAX_RETRY = 30.0


@dataclass(frozen=True)
class UserEvent:
    """``topic``: what to reload (``friends`` or ``sessions``); ``kind`` says why, for a
    notification (``friend_request``, ``friend_accepted``, or ``changed``); ``by`` is
    the display name of who did it, when the notification names them."""

    topic: str
    kind: str = "changed"
    by: str | None = None

    def message(self) -> dict[str, Any]:
        out: dict[str, Any] = {"type": "changed", "topic": self.topic, "kind": self.kind}
        if self.by is not None:
            out["by"] = self.by
        return out


Subscriber = Callable[[UserEvent], None]


@dataclass
class UserEvents:
    """Subscribers per user id on this server, and the bridge to the other servers.

    With a PostgreSQL ``db_url`` the bridge starts on first use (a socket opened or an
    event published), so it runs however the server was started."""

    db_url: str = ""
    database: Database | None = None
    _subscribers: dict[int, set[Subscriber]] = field(default_factory=dict)
    _bridge: PostgresBridge | None = None
    _starting: asyncio.Lock | None = None

    async def ensure_started(self) -> None:
        if self._bridge is not None or self.database is None or not self.db_url:
            return
        if make_url(self.db_url).get_backend_name() != "postgresql":
            return
        self._starting = self._starting or asyncio.Lock()
        async with self._starting:
            if self._bridge is None:
                bridge = PostgresBridge(pg_dsn(self.db_url), self.database, self)
                await bridge.start()
                self._bridge = bridge

    def subscribe(self, user_id: int, subscriber: Subscriber) -> Callable[[], None]:
        """Deliver ``user_id``'s events to ``subscriber``; returns the unsubscribe."""
        self._subscribers.setdefault(user_id, set()).add(subscriber)

        def unsubscribe() -> None:
            mine = self._subscribers.get(user_id)
            if mine is not None:
                mine.discard(subscriber)
                if not mine:
                    del self._subscribers[user_id]

        return unsubscribe

    def subscribed(self, user_id: int) -> int:
        return len(self._subscribers.get(user_id, ()))

    async def publish(self, user_ids: Iterable[int], event: UserEvent) -> None:
        """Announce a committed change to ``user_ids`` on every server. Never raises: the
        change is stored, and pages still catch up on their slow poll."""
        ids = sorted(set(user_ids))
        if not ids:
            return
        await self.ensure_started()
        if self._bridge is None:
            self.deliver(ids, event)
            return
        try:
            await self._bridge.notify(ids, event)
        except Exception as exc:  # the database is down: it comes back, pages catch up
            log.warning("User events: could not announce %s (%s)", event.topic, exc)

    def deliver(self, user_ids: Iterable[int], event: UserEvent) -> None:
        for user_id in user_ids:
            for subscriber in list(self._subscribers.get(user_id, ())):
                try:
                    subscriber(event)
                except Exception:  # one broken page must not keep the others waiting
                    log.exception("User events: a subscriber of user %s failed", user_id)

    def deliver_everyone(self, event: UserEvent) -> None:
        self.deliver(list(self._subscribers), event)

    async def stop(self) -> None:
        if self._bridge is not None:
            await self._bridge.stop()
            self._bridge = None


def pg_dsn(db_url: str) -> str:
    """The URL asyncpg connects to, from an operator's (or SQLAlchemy's) URL."""
    url = make_url(db_url).set(drivername="postgresql")
    return url.render_as_string(hide_password=False)


def _encode(user_ids: list[int], event: UserEvent) -> str:
    return json.dumps({"u": user_ids, **event.message()}, separators=(",", ":"))


def _decode(payload: str) -> tuple[list[int], UserEvent] | None:
    try:
        data = json.loads(payload)
        ids = [int(i) for i in data["u"]]
        by = data.get("by")
        return ids, UserEvent(
            str(data["topic"]), str(data["kind"]), None if by is None else str(by)
        )
    except (ValueError, KeyError, TypeError):
        return None


class PostgresBridge:
    """One LISTEN connection of its own (kept open, re-opened with backoff when it
    drops); NOTIFY goes through the shared pool, after the caller's commit."""

    def __init__(self, dsn: str, database: Database, events: UserEvents) -> None:
        self.dsn = dsn
        self.database = database
        self.events = events
        self._conn: asyncpg.Connection | None = None
        self._task: asyncio.Task[None] | None = None
        self._lost = asyncio.Event()

    async def start(self) -> None:
        try:
            await self._listen()
        except Exception as exc:  # start anyway: the keeper retries
            log.warning("User events: cannot listen yet (%s); retrying", exc)
            self._lost.set()
        self._task = asyncio.create_task(self._keep(), name="codecall-user-events")

    async def stop(self) -> None:
        task, self._task = self._task, None
        await cancel_and_wait(task)
        await self._close()

    async def notify(self, user_ids: list[int], event: UserEvent) -> None:
        async with self.database.session() as s, s.begin():
            for start in range(0, len(user_ids), _IDS_PER_NOTIFY):
                payload = _encode(user_ids[start : start + _IDS_PER_NOTIFY], event)
                await s.execute(
                    text("SELECT pg_notify(:channel, :payload)"),
                    {"channel": PG_CHANNEL, "payload": payload},
                )

    async def _listen(self) -> None:
        conn = await asyncpg.connect(self.dsn, timeout=10)
        # Only the current connection's end counts: closing an old one must not loop.
        conn.add_termination_listener(lambda c: self._lost.set() if c is self._conn else None)
        await conn.add_listener(PG_CHANNEL, self._on_notify)
        self._conn = conn
        self._lost.clear()
        log.info("User events: listening to the other servers through PostgreSQL")

    async def _keep(self) -> None:
        delay = _FIRST_RETRY
        while True:
            await self._lost.wait()
            await self._close()
            try:
                await self._listen()
            except Exception as exc:
                log.warning("User events: listening failed (%s); retry in %.1f s", exc, delay)
                await asyncio.sleep(delay)
                delay = min(delay * 2, _MAX_RETRY)
                continue
            delay = _FIRST_RETRY
            # Whatever was announced while we were deaf is lost: every page reloads.
            log.info("User events: listening again")
            self.events.deliver_everyone(UserEvent("friends"))
            self.events.deliver_everyone(UserEvent("sessions"))

    async def _close(self) -> None:
        conn, self._conn = self._conn, None
        if conn is not None and not conn.is_closed():
            try:
                await conn.close(timeout=2)
            except Exception:
                conn.terminate()

    def _on_notify(self, _conn: Any, _pid: int, _channel: str, payload: str) -> None:
        decoded = _decode(payload)
        if decoded is None:
            log.warning("User events: ignored a malformed notification")
            return
        self.events.deliver(*decoded)
