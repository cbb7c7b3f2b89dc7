"""Admission control: at most N concurrent runs per user, per session and in all; the
rest wait in one first-come queue (a run blocked only by its own user's or session's
limit does not hold back others), or are refused when the queue is full."""

from __future__ import annotations

import asyncio
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from ..services.errors import RateLimited


@dataclass(frozen=True)
class AdmissionLimits:
    total: int = 4
    per_user: int = 2
    per_session: int = 2
    queue: int = 100


@dataclass(eq=False)
class Ticket:
    user_id: int
    session_id: str | None
    on_position: Callable[[int], None] | None = None
    granted: asyncio.Future[None] = field(
        default_factory=lambda: asyncio.get_running_loop().create_future()
    )
    position: int = 0


class Admission:
    def __init__(self, limits: AdmissionLimits) -> None:
        self.limits = limits
        self.waiting: list[Ticket] = []
        self.running: set[Ticket] = set()
        self._users: Counter[int] = Counter()
        self._sessions: Counter[str] = Counter()

    def _fits(self, t: Ticket) -> bool:
        lim = self.limits
        return (
            len(self.running) < lim.total
            and self._users[t.user_id] < lim.per_user
            and (t.session_id is None or self._sessions[t.session_id] < lim.per_session)
        )

    def reserve(self, user_id: int, session_id: str | None) -> Ticket:
        """A place: running at once, or waiting in the queue; 429 when the queue is full.
        Synchronous, so a refused run is refused before anything is stored."""
        ticket = Ticket(user_id, session_id)
        if not self.waiting and self._fits(ticket):
            self._grant(ticket)
            return ticket
        if len(self.waiting) >= self.limits.queue:
            raise RateLimited("The runner is busy; try again in a moment.", retry_after=5)
        self.waiting.append(ticket)
        self._pump()
        return ticket

    async def enter(self, user_id: int, session_id: str | None) -> Ticket:
        """Returns once the run may start."""
        ticket = self.reserve(user_id, session_id)
        try:
            await ticket.granted
        except asyncio.CancelledError:
            self.leave(ticket)
            raise
        return ticket

    def leave(self, ticket: Ticket) -> None:
        if ticket in self.running:
            self.running.discard(ticket)
            self._users[ticket.user_id] -= 1
            if ticket.session_id is not None:
                self._sessions[ticket.session_id] -= 1
        elif ticket in self.waiting:
            self.waiting.remove(ticket)
        self._pump()

    def _grant(self, ticket: Ticket) -> None:
        self.running.add(ticket)
        self._users[ticket.user_id] += 1
        if ticket.session_id is not None:
            self._sessions[ticket.session_id] += 1
        if not ticket.granted.done():
            ticket.granted.set_result(None)

    def _pump(self) -> None:
        for ticket in list(self.waiting):
            if self._fits(ticket):
                self.waiting.remove(ticket)
                self._grant(ticket)
        for position, ticket in enumerate(self.waiting, start=1):
            if ticket.position != position:
                ticket.position = position
                if ticket.on_position is not None:
                    ticket.on_position(position)
