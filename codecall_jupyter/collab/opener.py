"""Opening document rooms as ``DurableRoom``s.

Upstream builds a ``DocumentRoom`` inside its socket's ``prepare()`` and its extension's
``get_document()``, with no hook to choose the class. We build the room first, under the
same per-room lock and with the same settings, and put it in the websocket server; both
upstream paths then find it and use it.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from jupyter_server_ydoc.utils import decode_file_path

from ..services.container import SERVICES_KEY, CodeCallServices
from .room import DurableRoom
from .ystore import CodeCallYStore

log = logging.getLogger(__name__)
_BACKGROUND: set[asyncio.Task[Any]] = set()  # tasks kept alive until they finish


def _exception_logger(room_id: str) -> Any:
    def handle(exception: Exception, logger: logging.Logger) -> bool:
        # Logged, not raised: a room must outlive one bad message or save.
        logger.error("Document room %s: %r", room_id, exception, exc_info=exception)
        return True

    return handle


def is_document_room(room_id: str) -> bool:
    """ "format:type:fileId" rooms hold files; others ("JupyterLab:globalAwareness") don't."""
    return room_id.count(":") >= 2


def _lock(extension: Any, room_id: str) -> asyncio.Lock:
    locks: dict[str, asyncio.Lock] = extension._room_locks
    if room_id not in locks:
        locks[room_id] = asyncio.Lock()
    return locks[room_id]


async def ensure_room(extension: Any, room_id: str, session_id: str | None) -> DurableRoom | None:
    """The open room for ``room_id``, made a ``DurableRoom`` if none is open yet.

    ``extension`` is jupyter-collaboration's ``YDocExtension`` (in the server's settings
    as "jupyter_server_ydoc"). Returns None for rooms that are not documents or that
    upstream opened before us (there should be none)."""
    if not is_document_room(room_id):
        return None
    server = extension.ywebsocket_server
    if not server.started.is_set():
        task = asyncio.create_task(server.start())
        _BACKGROUND.add(task)
        task.add_done_callback(_BACKGROUND.discard)
        await server.started.wait()
    async with _lock(extension, room_id):
        if server.room_exists(room_id):
            room = await server.get_room(room_id)
            return room if isinstance(room, DurableRoom) else None
        file_format, file_type, file_id = decode_file_path(room_id)
        file = extension.file_loaders[file_id]
        store = CodeCallYStore(path=f".{file_type}:{file_id}.y", log=log, session_id=session_id)
        room = DurableRoom(
            room_id,
            file_format,
            file_type,
            file,
            extension.serverapp.event_logger,
            store,
            log,
            exception_handler=_exception_logger(room_id),
            save_delay=extension.document_save_delay,
            document_load_progressively=extension.document_load_progressively,
            notebook_output_delay_threshold_mb=extension.notebook_output_delay_threshold_mb,
        )
        try:
            await server.start_room(room)
        except Exception:
            await room.stop()
            if file.number_of_subscriptions == 0:
                await extension.file_loaders.remove(file_id)
            raise
        server.add_room(room_id, room)
        services = extension.serverapp.web_app.settings.get(SERVICES_KEY)
        if services is not None and session_id is not None:
            room.disk_change_listeners.append(_report_to(services, session_id))
        return room


def _report_to(services: CodeCallServices, session_id: str) -> Any:
    async def report(room: DurableRoom) -> None:
        path = room._file.path
        folder = services.access.folder_path(session_id) + "/"
        name = path[len(folder) :] if path.startswith(folder) else path
        async with services.activity.db.session() as s, s.begin():
            services.activity.add(s, session_id, None, "file_changed_on_disk", path=name)
        await services.sessions.notifier.changed(session_id)

    return report
