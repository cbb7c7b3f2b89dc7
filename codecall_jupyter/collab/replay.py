"""Replay: a collaborative document as it was at any moment, rebuilt from its history.

A moment ``t`` of a room is a prefix of its updates in the order they were stored (by id):
every update up to the first one stamped after ``t``. Times are stamped by the one writer
in order, so this is "every update made by ``t``".

Rebuilding from the first update would cost a 2-hour session tens of thousands of
updates per seek, so the room's full state is kept every ``every`` updates in
``doc_checkpoints``. Checkpoints are made lazily, the first time a replay of the room is
asked for (and again once ``every`` new updates have come), in a worker thread so the
event loop never decodes Yjs. A seek then applies one checkpoint and at most ``every``
updates.

Checkpoints sit at fixed positions (the ``every``-th, ``2 * every``-th... update of the
room), so two builders (two requests, two servers) make the same rows; rows are inserted
if absent, on the ``(room, upto_id)`` unique key. A checkpoint's ``at`` is the latest time
of the updates it holds, so "the latest checkpoint with ``at <= t``" is always a prefix
of the moment ``t``.

The ids of a room's committed updates are assumed gapless at the time a checkpoint is
made (one writer commits batches one after another), which ``DocHistory`` guarantees.
"""

from __future__ import annotations

import asyncio
import json
import weakref
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import jupyter_ydoc
from pycrdt import Array, Doc, Map, Text, merge_updates
from sqlalchemy import func, select
from sqlalchemy.dialects import postgresql, sqlite

from ..store.db import Database
from ..store.models import DocCheckpoint, DocUpdate

CHECKPOINT_EVERY = 500
_BUILD_PAGE = 20  # checkpoints' worth of updates read per query while building


@dataclass(frozen=True, slots=True)
class DocState:
    """A room's document at one moment, and where that moment lies in its history."""

    room: str
    doc_type: str  # "file", "whiteboard", ...: the room's first part
    content: Any  # the text of a file; JSON-able data for other types
    upto_id: int  # the last update applied (0: none yet at that moment)
    at: float | None  # ...its time
    author_id: int | None  # ...its author (None: the server, e.g. loading the file)
    editor_id: int | None  # the last person who changed it by then (server updates skipped)
    checkpoint_id: int  # the checkpoint started from (its upto_id; 0: none)
    applied: int  # updates applied on top of the checkpoint
    first_id: int  # the room's timeline: first and last update, and their times
    last_id: int
    first_at: float | None
    last_at: float | None


def doc_type_of(room: str) -> str:
    """ "file:1234-abcd" -> "file"."""
    return room.split(":", 1)[0]


def content_of(doc: Doc, doc_type: str) -> Any:
    """The document's content as jupyter_ydoc's class for its type reads it (a file's
    text, a notebook's dict...), or, for a type nobody registered, each root as data."""
    ydoc_class = jupyter_ydoc.ydocs.get(doc_type)
    if ydoc_class is not None:
        return ydoc_class(doc).get()
    return _roots(doc)


def _roots(doc: Doc) -> dict[str, Any]:
    """Every root of a document of unknown type. An update does not say what type a
    root is, so each is read as a map, then text, then an array, whichever holds data."""
    state = doc.get_update()
    out: dict[str, Any] = {}
    for name in sorted(doc.keys()):
        value: Any = None
        for kind in (Map, Text, Array):
            probe: Doc[Any] = Doc()
            probe.apply_update(state)
            root = probe.get(name, type=kind)
            if kind is Text:
                if str(root):
                    value = str(root)
                    break
            elif len(root):
                value = root.to_py()
                break
        out[name] = value
    return out


def json_content(content: Any) -> str:
    """Content as text: a file's text as is, anything else as JSON."""
    if isinstance(content, str):
        return content
    return json.dumps(content, ensure_ascii=False, sort_keys=True, default=str)


# -- the Yjs work, in worker threads (a pycrdt Doc stays in the thread that made it) ------


# Updates are merged before they are applied: on a large document, applying 500 small
# updates one by one (or in one transaction) costs about ten times more than applying
# their merge, and merging blocks of that size is cheap (merging 25,000 at once is not).


def _apply(doc: Doc, updates: Sequence[bytes]) -> None:
    if len(updates) == 1:
        doc.apply_update(updates[0])
    elif updates:
        doc.apply_update(merge_updates(*updates))


def _rebuild(checkpoint: bytes | None, updates: Sequence[bytes], doc_type: str) -> Any:
    doc: Doc[Any] = Doc()
    if checkpoint:
        doc.apply_update(checkpoint)
    _apply(doc, updates)
    return content_of(doc, doc_type)


def _build_checkpoints(
    base: bytes | None, base_at: float, rows: Sequence[tuple[int, float, bytes]], every: int
) -> list[tuple[int, float, bytes]]:
    """The states after each full block of ``every`` rows: (upto_id, at, state)."""
    doc: Doc[Any] = Doc()
    if base:
        doc.apply_update(base)
    made: list[tuple[int, float, bytes]] = []
    latest = base_at
    for start in range(0, len(rows) - every + 1, every):
        block = rows[start : start + every]
        _apply(doc, [data for _id, _at, data in block])
        latest = max(latest, *(at for _id, at, _data in block))
        made.append((block[-1][0], latest, doc.get_update()))
    return made


class DocReplay:
    """Rooms' states at any moment, with checkpoints made on first use."""

    def __init__(self, db: Database, *, every: int = CHECKPOINT_EVERY) -> None:
        if every < 2:
            raise ValueError("every: at least 2 updates between checkpoints")
        self.db = db
        self.every = every
        self.made = 0  # checkpoints this process inserted (tests, benchmarks)
        self._locks: weakref.WeakValueDictionary[str, asyncio.Lock] = weakref.WeakValueDictionary()

    # -- checkpoints -----------------------------------------------------------------

    async def ensure_checkpoints(self, room: str) -> int:
        """Make the checkpoints ``room`` lacks; how many this call inserted. Requests
        for the same room in this process wait for one builder."""
        lock = self._locks.get(room)
        if lock is None:
            lock = self._locks[room] = asyncio.Lock()
        async with lock:
            return await self._build(room)

    async def _build(self, room: str) -> int:
        inserted = 0
        while True:
            async with self.db.session() as s:
                after = await s.scalar(
                    select(func.max(DocCheckpoint.upto_id)).where(DocCheckpoint.room == room)
                )
                after = int(after or 0)
                # Counted on the (room, id) index before reading anything heavier.
                pending = await s.scalar(
                    select(func.count()).where(DocUpdate.room == room, DocUpdate.id > after)
                )
                if int(pending or 0) < self.every:
                    return inserted
                base_at, base = 0.0, None
                if after:
                    last = (
                        await s.execute(
                            select(DocCheckpoint.at, DocCheckpoint.state).where(
                                DocCheckpoint.room == room, DocCheckpoint.upto_id == after
                            )
                        )
                    ).one()
                    base_at, base = last.at, last.state
                rows = [
                    (r.id, r.at, r.data)
                    for r in await s.execute(
                        select(DocUpdate.id, DocUpdate.at, DocUpdate.data)
                        .where(DocUpdate.room == room, DocUpdate.id > after)
                        .order_by(DocUpdate.id)
                        .limit(self.every * _BUILD_PAGE)
                    )
                ]
            made = await asyncio.to_thread(_build_checkpoints, base, base_at, rows, self.every)
            inserted += await self._insert(room, made)

    async def _insert(self, room: str, made: list[tuple[int, float, bytes]]) -> int:
        if not made:
            return 0
        values = [{"room": room, "upto_id": u, "at": at, "state": state} for u, at, state in made]
        dialect = self.db.engine.dialect.name
        insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
        statement = insert(DocCheckpoint).on_conflict_do_nothing(index_elements=["room", "upto_id"])
        async with self.db.engine.begin() as conn:
            result = await conn.execute(statement, values)
        # Drivers report -1 for executemany; count what we asked for then.
        count = result.rowcount if result.rowcount >= 0 else len(values)
        self.made += count
        return count

    # -- seeking ---------------------------------------------------------------------

    async def state_at(self, room: str, t: float | None = None) -> DocState:
        """``room``'s document at time ``t`` (seconds since the epoch; None: now)."""
        await self.ensure_checkpoints(room)
        async with self.db.session() as s:
            bounds = await self._bounds(s, room)
            query = select(DocCheckpoint.upto_id, DocCheckpoint.at, DocCheckpoint.state).where(
                DocCheckpoint.room == room
            )
            if t is not None:
                query = query.where(DocCheckpoint.at <= t)
            checkpoint = (
                await s.execute(query.order_by(DocCheckpoint.upto_id.desc()).limit(1))
            ).first()
            after = checkpoint.upto_id if checkpoint else 0
            rows: list[Any] = []
            page = self.every + 1
            while True:
                batch = list(
                    await s.execute(
                        select(DocUpdate.id, DocUpdate.at, DocUpdate.author_id, DocUpdate.data)
                        .where(DocUpdate.room == room, DocUpdate.id > after)
                        .order_by(DocUpdate.id)
                        .limit(page)
                    )
                )
                stop = next((i for i, r in enumerate(batch) if t is not None and r.at > t), None)
                if stop is not None:
                    rows += batch[:stop]
                    break
                rows += batch
                if len(batch) < page:
                    break
                after = batch[-1].id
            if rows:
                upto_id, at, author_id = rows[-1].id, rows[-1].at, rows[-1].author_id
            elif checkpoint:
                upto_id = checkpoint.upto_id
                last = (
                    await s.execute(
                        select(DocUpdate.at, DocUpdate.author_id).where(DocUpdate.id == upto_id)
                    )
                ).first()
                at, author_id = (last.at, last.author_id) if last else (checkpoint.at, None)
            else:
                upto_id, at, author_id = 0, None, None
            # The server's own updates (loading, marking a save) say nobody edited.
            editor_id = next((r.author_id for r in reversed(rows) if r.author_id is not None), None)
            if editor_id is None and checkpoint:
                editor_id = await s.scalar(
                    select(DocUpdate.author_id)
                    .where(
                        DocUpdate.room == room,
                        DocUpdate.id <= checkpoint.upto_id,
                        DocUpdate.author_id.is_not(None),
                    )
                    .order_by(DocUpdate.id.desc())
                    .limit(1)
                )
        doc_type = doc_type_of(room)
        content = await asyncio.to_thread(
            _rebuild, checkpoint.state if checkpoint else None, [r.data for r in rows], doc_type
        )
        first_id, first_at, last_id, last_at = bounds
        return DocState(
            room=room,
            doc_type=doc_type,
            content=content,
            upto_id=upto_id,
            at=at,
            author_id=author_id,
            editor_id=editor_id,
            checkpoint_id=checkpoint.upto_id if checkpoint else 0,
            applied=len(rows),
            first_id=first_id,
            last_id=last_id,
            first_at=first_at,
            last_at=last_at,
        )

    @staticmethod
    async def _bounds(s: Any, room: str) -> tuple[int, float | None, int, float | None]:
        """The room's first and last update (id, time), each one index lookup."""
        ends = []
        for order in (DocUpdate.id.asc(), DocUpdate.id.desc()):
            row = (
                await s.execute(
                    select(DocUpdate.id, DocUpdate.at)
                    .where(DocUpdate.room == room)
                    .order_by(order)
                    .limit(1)
                )
            ).first()
            ends.append((row.id, row.at) if row else (0, None))
        return ends[0][0], ends[0][1], ends[1][0], ends[1][1]
