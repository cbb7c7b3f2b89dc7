"""JupyterHub server sharing for CodeCall guests.

A session lives on its host's single-user server; a guest's browser reaches it through
a JupyterHub share (``access:servers`` on this server, granted to the guest's Hub user).
``HubSharing`` keeps the Hub's shares of this server equal to the guests admitted to
its live sessions: on every session change here, on every "sessions" event for the
owner from another server (a guest who left or was auto-admitted there), at start-up
and every ``period`` seconds. Each pass is a full reconcile, so a Hub outage loses
nothing: the admission is stored, and the next pass (retried with backoff) catches up.

Only shares to people CodeCall knows through this server's sessions (or granted since
start-up) are ever revoked: a share the owner made by hand for someone else stays.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import or_, select

from ..services.user_events import UserEvent, UserEvents
from ..store.db import Database
from ..store.models import Participant, PracticeSession, User
from ..tasks import cancel_and_wait
from .client import HubClient, HubError

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Guests:
    """Hub names of this server's sessions' people: ``admitted`` to a live session, and
    everyone ``known`` from any of them (past ones too), the revocable."""

    admitted: frozenset[str]
    known: frozenset[str]


@dataclass
class SyncResult:
    granted: list[str] = field(default_factory=list)
    revoked: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)


class HubSharing:
    def __init__(
        self,
        client: HubClient,
        db: Database,
        owner_id: Callable[[], Awaitable[int]],
        sessions_root: Path,
        *,
        events: UserEvents | None = None,
        period: float = 300.0,
        first_retry: float = 1.0,
        max_retry: float = 60.0,
    ) -> None:
        self.client = client
        self.db = db
        self.owner_id = owner_id
        self.sessions_root = sessions_root
        self.period = period
        self.events = events
        self._unsubscribe: Callable[[], None] | None = None
        self.first_retry = first_retry
        self.max_retry = max_retry
        # Shares this process granted: revocable even if their session was deleted.
        self.granted: set[str] = set()
        self.passes = 0  # reconcile passes that reached the Hub (for status and tests)
        self._wanted = asyncio.Event()
        self._task: asyncio.Task[None] | None = None

    # --- triggers -------------------------------------------------------------------
    def request_sync(self) -> None:
        """Ask for a reconcile soon; many requests in a burst make one pass."""
        self._wanted.set()

    async def session_changed(self, _session_id: str) -> None:
        """A ``SessionNotifier`` listener: never waits for the Hub."""
        self.request_sync()

    def owner_event(self, event: UserEvent) -> None:
        """A ``UserEvents`` subscriber for the owner: a change made on another server."""
        if event.topic == "sessions":
            self.request_sync()

    def start(self) -> None:
        if self._task is None:
            self.request_sync()  # reconcile at start-up
            self._task = asyncio.create_task(self._run(), name="codecall-hub-sharing")

    async def stop(self) -> None:
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None
        task, self._task = self._task, None
        await cancel_and_wait(task)

    async def _run(self) -> None:
        delay = self.first_retry
        while True:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wanted.wait(), timeout=self.period)
            self._wanted.clear()
            try:
                result = await self.reconcile()
            except Exception as exc:  # the Hub or the database is down: try again
                log.warning("CodeCall: Hub shares not in sync (%s); retry in %.0f s", exc, delay)
                await asyncio.sleep(delay)
                delay = min(delay * 2, self.max_retry)
                self._wanted.set()
                continue
            if result.failed:
                await asyncio.sleep(delay)
                delay = min(delay * 2, self.max_retry)
                self._wanted.set()
            else:
                delay = self.first_retry

    # --- the reconcile --------------------------------------------------------------
    async def guests(self) -> Guests:
        owner_id = await self.owner_id()
        if self.events is not None and self._unsubscribe is None:
            self._unsubscribe = self.events.subscribe(owner_id, self.owner_event)
        async with self.db.session() as s:
            owned = or_(
                PracticeSession.host_id == owner_id,
                PracticeSession.id.in_(
                    select(Participant.session_id).where(Participant.user_id == owner_id)
                ),
            )
            sessions = (
                await s.execute(
                    select(
                        PracticeSession.id,
                        PracticeSession.folder,
                        PracticeSession.status,
                        PracticeSession.host_id,
                    ).where(owned)
                )
            ).all()
            # The files are what pins a session to a server: a handed-over session
            # stays on the server that holds its folder.
            here = {
                sid: (status != "ENDED", host_id)
                for sid, folder, status, host_id in sessions
                if (self.sessions_root / folder).is_dir()
            }
            if not here:
                return Guests(frozenset(), frozenset())
            people = (
                await s.execute(
                    select(Participant.session_id, Participant.state, User.id, User.external_id)
                    .join(User, User.id == Participant.user_id)
                    .where(Participant.session_id.in_(here), User.external_id.is_not(None))
                )
            ).all()
            hosts = dict(
                (
                    await s.execute(
                        select(User.id, User.external_id).where(
                            User.id.in_({host for _live, host in here.values()}),
                            User.external_id.is_not(None),
                        )
                    )
                ).all()
            )
        admitted: set[str] = set()
        known: set[str] = set()
        for session_id, state, user_id, name in people:
            if user_id == owner_id or name is None:
                continue
            known.add(name)
            if state == "admitted" and here[session_id][0]:
                admitted.add(name)
        for live, host in here.values():
            name = hosts.get(host)
            if name is not None and host != owner_id:
                known.add(name)
                if live:
                    admitted.add(name)  # the session was handed to them: they host it here
        owner = self.client.server.owner
        return Guests(frozenset(admitted - {owner}), frozenset(known - {owner}))

    async def reconcile(self) -> SyncResult:
        """Make the Hub's shares of this server match the admitted guests. Raises when
        the Hub or the database cannot be read; a single refused grant or revoke is
        logged and reported in ``failed`` (retried on the next pass)."""
        guests = await self.guests()
        shared = await self.client.shared_users()
        self.passes += 1
        result = SyncResult()
        for name in sorted(guests.admitted - shared):
            try:
                await self.client.share_with(name)
            except HubError as exc:
                log.error("CodeCall: could not share this server with %s: %s", name, exc)
                result.failed.append(name)
                continue
            self.granted.add(name)
            result.granted.append(name)
            log.info("CodeCall: shared this server with %s (admitted to a session)", name)
        revocable = guests.known | self.granted
        for name in sorted((shared & revocable) - guests.admitted):
            try:
                await self.client.revoke(name)
            except HubError as exc:
                log.error("CodeCall: could not revoke %s's share: %s", name, exc)
                result.failed.append(name)
                continue
            self.granted.discard(name)
            result.revoked.append(name)
            log.info("CodeCall: revoked %s's share (no longer in a session here)", name)
        return result
