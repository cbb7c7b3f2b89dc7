"""Opening document rooms as ``DurableRoom``s.

Upstream builds a ``DocumentRoom`` inside its socket's ``prepare()`` and its extension's
``get_document()``, with no hook to choose the class. We build the room first, under the
same per-room lock and with the same settings, and put it in the websocket server; both
upstream paths then find it and use it.

The files of these rooms are watched by one ``FilePoller`` rather than by upstream's task
per file (see there): a change on disk is still noticed within ``file_poll_interval``.
"""

from __future__ import annotations

import asyncio
import logging
import os
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from jupyter_server_ydoc.loaders import FileLoader
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


@dataclass(slots=True)
class _Watched:
    loaders: Any  # upstream's FileLoaderMapping, which holds the loader while it is in use
    seen: tuple[object, ...] | None = None  # the file as last checked; None: check again
    errors: int = 0  # consecutive failed checks


class FilePoller:
    """Notices changes made to open documents' files behind the rooms' backs.

    Upstream runs a task per file that asks the contents manager for the file's model
    every ``file_poll_interval`` seconds (hidden-file checks, a model, an emitted event):
    with hundreds of open rooms, a steady share of the server's CPU. Here one task
    ``stat``s every watched file per interval, and only when a file's path, size, mtime or
    inode differs from the last check does it run upstream's own check
    (``FileLoader.maybe_notify``), which reloads the rooms on an out-of-band change and
    follows renames exactly as before. The rooms' own saves change the mtime too: those
    cost one upstream check, which finds nothing to report. A contents manager that does
    not keep files on the local disk gets upstream's check every interval, and a file that
    cannot be read (deleted) is checked every interval, its errors logged a few times."""

    MAX_LOGGED_ERRORS = 3

    def __init__(self) -> None:
        self.interval = 1.0
        self._files: dict[FileLoader, _Watched] = {}
        self._task: asyncio.Task[None] | None = None

    def adopt(self, loader: FileLoader, loaders: Any, interval: float) -> None:
        """Take over the watching of ``loader``'s file from its own task; nothing when
        polling is off (``file_poll_interval`` 0) or upstream's watcher already stopped."""
        if loader in self._files:
            return
        watcher = getattr(loader, "_watcher", None)
        if watcher is None or watcher.done() or not interval:
            return
        watcher.cancel()  # ``FileLoader.clean()`` expects a cancelled watcher
        self.interval = interval
        self._files[loader] = _Watched(loaders)
        if self._task is None or self._task.done():
            self._task = asyncio.create_task(self._run(), name="codecall-file-poller")

    async def _run(self) -> None:
        while self._files:
            await asyncio.sleep(self.interval)
            for loader, watched in list(self._files.items()):
                # Every room of the file closed, or the server is stopping.
                if loader.number_of_subscriptions == 0 or loader.file_id not in watched.loaders:
                    del self._files[loader]
                    continue
                await self._check(loader, watched)
                # One file at a time between other work: checking hundreds in one go
                # (a file-id lookup and a stat each) held the loop for 10 ms and more.
                await asyncio.sleep(0)

    @staticmethod
    def _signature(loader: FileLoader, loaders: Any) -> tuple[object, ...] | None:
        os_path_of = getattr(loaders.contents_manager, "_get_os_path", None)
        if os_path_of is None:
            return None
        try:
            path = loader.path  # the file id's path now: a rename changes it
            st = os.stat(os_path_of(path))
        except Exception:
            return None
        return (path, st.st_mtime_ns, st.st_size, st.st_ino)

    async def _check(self, loader: FileLoader, watched: _Watched) -> None:
        # Taken before upstream's check, so a change during the check shows next time.
        signature = self._signature(loader, watched.loaders)
        if signature is not None and signature == watched.seen:
            return
        try:
            await loader.maybe_notify()
        except Exception as exc:
            watched.seen = None
            watched.errors += 1
            if watched.errors <= self.MAX_LOGGED_ERRORS:
                log.error("Error watching file %s: %r", loader.file_id, exc, exc_info=exc)
            elif watched.errors == self.MAX_LOGGED_ERRORS + 1:
                log.warning("Too many errors watching %s; not logging more", loader.file_id)
            return
        watched.seen = signature
        watched.errors = 0


def file_poller(extension: Any) -> FilePoller:
    """The poller of this server's ``YDocExtension`` (one per server, as its loaders)."""
    poller: FilePoller | None = getattr(extension, "_codecall_file_poller", None)
    if poller is None:
        poller = FilePoller()
        extension._codecall_file_poller = poller
    return poller


def _start_done(task: asyncio.Task[Any]) -> None:
    _BACKGROUND.discard(task)
    if not task.cancelled() and task.exception() is not None:
        # Upstream's own socket may have started it first (RuntimeError "already running").
        log.debug("Starting the document server: %r", task.exception())


def is_document_room(room_id: str) -> bool:
    """ "format:type:fileId" rooms hold files; others ("JupyterLab:globalAwareness") don't."""
    return room_id.count(":") >= 2


def _lock(extension: Any, room_id: str) -> asyncio.Lock:
    locks: dict[str, asyncio.Lock] = extension._room_locks
    if room_id not in locks:
        locks[room_id] = asyncio.Lock()
    return locks[room_id]


# The session a new room's file belongs to, looked up only when the room is made: a room
# that is open already was tagged when it opened, so a rejoin costs no query.
SessionLookup = Callable[[], Awaitable[str | None]]


async def ensure_room(
    extension: Any, room_id: str, session_id: str | SessionLookup | None
) -> DurableRoom | None:
    """The open room for ``room_id``, made a ``DurableRoom`` if none is open yet.

    ``extension`` is jupyter-collaboration's ``YDocExtension`` (in the server's settings
    as "jupyter_server_ydoc"). Returns None for rooms that are not documents or that
    upstream opened before us (there should be none). ``session_id`` may be a lookup,
    awaited only if the room is made here."""
    if not is_document_room(room_id):
        return None
    server = extension.ywebsocket_server
    if not server.started.is_set():
        # One start for the sockets that arrive together: each starting it too failed
        # with "already running", logged at exit as a task exception never retrieved.
        task: asyncio.Task[Any] | None = getattr(server, "_codecall_start", None)
        if task is None or task.done():
            task = asyncio.create_task(server.start())
            server._codecall_start = task
            _BACKGROUND.add(task)
            task.add_done_callback(_start_done)
        await server.started.wait()
    async with _lock(extension, room_id):
        if server.room_exists(room_id):
            room = await server.get_room(room_id)
            return room if isinstance(room, DurableRoom) else None
        if callable(session_id):
            session_id = await session_id()
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
        file_poller(extension).adopt(file, extension.file_loaders, extension.file_poll_interval)
        services = extension.serverapp.web_app.settings.get(SERVICES_KEY)
        if services is not None:
            room.save_interval = services.save_interval
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
