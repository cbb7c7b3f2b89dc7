"""A session's chat: post, edit and delete one's own messages, page history, read marks."""

from __future__ import annotations

import unicodedata
from typing import Any

from sqlalchemy import func, or_, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession

from ..store.db import Database
from ..store.models import ChatMessage, ChatRead, PracticeSession
from ..store.types import utcnow
from .errors import Conflict, Forbidden, InvalidInput, NotFound

MAX_MESSAGE_BYTES = 4096
MAX_PAGE = 100  # messages per history call, whatever a client asks for


def clean_text(text: str) -> str:
    """The text as stored: trailing whitespace dropped; refuses empty, oversized, control."""
    text = text.rstrip()
    if not text:
        raise InvalidInput("The message is empty.", code="empty_message")
    # Cc covers NUL, the other C0 controls, DEL and C1; lone surrogates cannot be stored.
    if any(unicodedata.category(c) in ("Cc", "Cs") and c not in "\n\t" for c in text):
        raise InvalidInput("The message contains control characters.", code="invalid_text")
    if len(text.encode("utf-8")) > MAX_MESSAGE_BYTES:
        raise InvalidInput(
            f"Messages are limited to {MAX_MESSAGE_BYTES} bytes of UTF-8.",
            code="message_too_long",
            limit=MAX_MESSAGE_BYTES,
        )
    return text


class ChatService:
    def __init__(self, db: Database) -> None:
        self.db = db

    # --- writing --------------------------------------------------------------------------

    async def post(self, session_id: str, author_id: int, text: str) -> ChatMessage:
        message = ChatMessage(session_id=session_id, author_id=author_id, text=clean_text(text))
        async with self.db.session() as s, s.begin():
            await _check_open(s, session_id)
            s.add(message)
            await s.flush()
            return await self._load(s, message.id)

    async def edit(
        self, session_id: str, author_id: int, message_id: int, text: str
    ) -> ChatMessage:
        return await self._change(
            session_id, author_id, message_id, text=clean_text(text), edited_at=utcnow()
        )

    async def delete(self, session_id: str, author_id: int, message_id: int) -> ChatMessage:
        """Soft delete: the row stays (ids and read marks hold), its text goes."""
        return await self._change(session_id, author_id, message_id, text="", deleted_at=utcnow())

    async def _change(
        self, session_id: str, author_id: int, message_id: int, **values: Any
    ) -> ChatMessage:
        async with self.db.session() as s, s.begin():
            await _check_open(s, session_id)
            # Conditional, so an edit racing a delete cannot bring deleted text back.
            result = await s.execute(
                update(ChatMessage)
                .where(
                    ChatMessage.id == message_id,
                    ChatMessage.session_id == session_id,
                    ChatMessage.author_id == author_id,
                    ChatMessage.deleted_at.is_(None),
                )
                .values(**values)
                .execution_options(synchronize_session=False)
            )
            if result.rowcount != 1:  # type: ignore[attr-defined]
                await self._refuse(s, session_id, author_id, message_id)
            return await self._load(s, message_id)

    @staticmethod
    async def _refuse(s: AsyncSession, session_id: str, author_id: int, message_id: int) -> None:
        """Say why a change matched no row."""
        message = await s.get(ChatMessage, message_id)
        if message is None or message.session_id != session_id:
            raise NotFound("No such message.")
        if message.author_id != author_id:
            raise Forbidden("Only its author can change a message.", code="not_author")
        raise Conflict("The message was deleted.", code="deleted")

    @staticmethod
    async def _load(s: AsyncSession, message_id: int) -> ChatMessage:
        message = await s.get(ChatMessage, message_id, populate_existing=True)
        assert message is not None
        return message

    # --- reading --------------------------------------------------------------------------

    async def history(
        self, session_id: str, before_id: int | None, limit: int
    ) -> list[ChatMessage]:
        """The ``limit`` newest messages older than ``before_id`` (or the newest), oldest first."""
        return await self._newest(session_id, before_id, max(1, min(limit, MAX_PAGE)))

    async def page(
        self, session_id: str, before_id: int | None, limit: int
    ) -> tuple[list[ChatMessage], bool]:
        """Like ``history``, and whether older messages remain."""
        limit = max(1, min(limit, MAX_PAGE))
        rows = await self._newest(session_id, before_id, limit + 1)
        return rows[-limit:], len(rows) > limit

    async def _newest(
        self, session_id: str, before_id: int | None, count: int
    ) -> list[ChatMessage]:
        query = select(ChatMessage).where(ChatMessage.session_id == session_id)
        if before_id is not None:
            query = query.where(ChatMessage.id < before_id)
        async with self.db.session() as s:
            rows = await s.scalars(query.order_by(ChatMessage.id.desc()).limit(count))
            return list(reversed(list(rows)))

    async def mark_read(self, session_id: str, user_id: int, up_to_id: int) -> None:
        """Move the user's read mark forward, never back, and never past the newest message."""
        async with self.db.session() as s, s.begin():
            newest = await s.scalar(
                select(func.max(ChatMessage.id)).where(ChatMessage.session_id == session_id)
            )
            up_to = min(up_to_id, newest or 0)
            if up_to <= 0:
                return
            # One upsert: concurrent marks (two tabs) neither collide nor go backwards.
            insert = postgresql.insert if self.db.backend == "postgresql" else sqlite.insert
            stmt = insert(ChatRead).values(
                session_id=session_id, user_id=user_id, last_read_id=up_to
            )
            await s.execute(
                stmt.on_conflict_do_update(
                    index_elements=[ChatRead.session_id, ChatRead.user_id],
                    set_={"last_read_id": stmt.excluded.last_read_id},
                    where=ChatRead.last_read_id < stmt.excluded.last_read_id,
                )
            )

    async def unread_count(self, session_id: str, user_id: int) -> int:
        """Others' messages, not deleted, after the user's read mark."""
        read = (
            select(ChatRead.last_read_id)
            .where(ChatRead.session_id == session_id, ChatRead.user_id == user_id)
            .scalar_subquery()
        )
        async with self.db.session() as s:
            count = await s.scalar(
                select(func.count())
                .select_from(ChatMessage)
                .where(
                    ChatMessage.session_id == session_id,
                    ChatMessage.id > func.coalesce(read, 0),
                    ChatMessage.deleted_at.is_(None),
                    or_(ChatMessage.author_id.is_(None), ChatMessage.author_id != user_id),
                )
            )
            return int(count or 0)


async def _check_open(s: AsyncSession, session_id: str) -> None:
    """Chat is written while a session lasts; after it ends the history is a record."""
    session = await s.get(PracticeSession, session_id)
    if session is None:
        raise NotFound("No such session.")
    if session.status == "ENDED":
        raise Conflict("The session has ended.", code="session_ended")
