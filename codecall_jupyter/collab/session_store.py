"""jupyter-collaboration's session store, written when its record changes rather than on
every document socket.

Each time a document socket opens, upstream (``YDocWebSocketHandler.open``) reads
``.jupyter/collaboration_sessions.json`` under the server's root, parses it and writes it
back with this server's session id and versions: a synchronous read, JSON round trip and
write on the event loop, about 0.9 ms per socket here (a fifth of the server's CPU for a
reconnect, by py-spy), more on the network file systems JupyterHub home folders often
are, and once per socket in a reconnect storm after a restart. What it writes differs
from the previous write only in its timestamp. Here the write happens when the record
(the store, the server's session, the versions) differs from the last one this process
wrote, or the file is gone. The file then holds what upstream would have written; its
``created_at`` says when this server first wrote that record, which only decides which
records of other runs are pruned past ten.
"""

from __future__ import annotations

import asyncio
import functools
from pathlib import Path
from typing import Any

import jupyter_server_ydoc.handlers as ydoc_handlers

_upstream: Any = ydoc_handlers.save_current_session
STORE_NAME = ".jupyter/collaboration_sessions.json"


@functools.lru_cache(maxsize=16)
def store_file(root_dir: str, session_store_path: str | None) -> Path:
    """Where upstream keeps the store (its rule, without creating anything)."""
    if session_store_path:
        return Path(session_store_path).expanduser()
    return Path(root_dir).expanduser().resolve() / STORE_NAME


class SessionStoreWriter:
    """Stands in for upstream's ``save_current_session`` (same arguments)."""

    def __init__(self) -> None:
        self.last: tuple[Any, ...] | None = None
        self.writes = 0  # read by the tests

    async def __call__(
        self,
        root_dir: str,
        session_id: str,
        version: str,
        lock: asyncio.Lock,
        document_version: str | None = None,
        session_store_path: str | None = None,
    ) -> None:
        record = (root_dir, session_id, version, document_version, session_store_path)
        if record == self.last and store_file(root_dir, session_store_path).exists():
            return
        await _upstream(
            root_dir,
            session_id,
            version,
            lock,
            document_version=document_version,
            session_store_path=session_store_path,
        )
        self.last = record
        self.writes += 1


WRITER = SessionStoreWriter()


def install() -> None:
    """Route upstream's socket ``open`` through ``WRITER`` (it calls the function by its
    module-level name)."""
    ydoc_handlers.save_current_session = WRITER
