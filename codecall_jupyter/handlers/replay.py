"""Replay, snapshots and export of a session's documents.

Who may: the host and participants (admitted, or who left) see the timeline, any moment
of any document, snapshots and diffs, and download the archive, during the session and
after; everyone else gets 404. Saving and restoring snapshots: the host, interviewers and
candidates while the session lasts (observers 403, ended 409).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from jupyter_server.auth.decorator import authorized
from tornado import web

from ..collab.live import LiveDocuments
from ..collab.replay import DocReplay
from ..schemas.replay import (
    DocStateOut,
    FileDiffOut,
    ReplayTimelineOut,
    RestoreOut,
    SnapshotDiffOut,
    SnapshotFileOut,
    SnapshotIn,
    SnapshotList,
    SnapshotOut,
    SnapshotSummaryOut,
)
from ..services.container import SERVICES_KEY, CodeCallServices
from ..services.errors import InvalidInput
from ..services.export import ExportService, HostExtras
from ..services.replay import IDLE_AFTER, ReplayService
from ..services.sessions import SessionView
from ..services.snapshots import CURRENT, SnapshotService, files_of
from ..store.models import Snapshot, User
from .chat import MemberHandler
from .feedback import notes_service
from .me import public_row
from .operation import Query, operation, whole

API = "/codecall/api"
TAGS = ("replay",)
# Where the replay services live in the server's settings, built on first use.
REPLAY_KEY = "codecall_replay"
# Optional: a ``HostExtras`` callable (services/export.py) listing the host-only files of
# the archive; without one, the host's private notes (services/notes.py).
HOST_EXTRAS_KEY = "codecall_export_host_extras"
LATEST_MOMENT = 1e11  # seconds since the epoch, year 5138: anything later is a mistake


@dataclass
class ReplayKit:
    replay: ReplayService
    snapshots: SnapshotService
    export: ExportService


def replay_kit(settings: dict[str, Any]) -> ReplayKit:
    """The replay, snapshot and export services of this server, made once."""
    kit: ReplayKit | None = settings.get(REPLAY_KEY)
    if kit is None:
        services: CodeCallServices = settings[SERVICES_KEY]
        db = services.history.db
        live = LiveDocuments(settings.get("jupyter_server_ydoc"), settings.get("file_id_manager"))
        sessions_dir = services.access.sessions_dir
        snapshots = SnapshotService(
            db,
            services.activity,
            live,
            sessions_root=services.sessions.rules.sessions_root,
            sessions_dir=sessions_dir,
        )
        kit = ReplayKit(
            replay=ReplayService(
                db, DocReplay(db), sessions_dir=sessions_dir, path_of=live.path_of
            ),
            snapshots=snapshots,
            export=ExportService(db, services.activity, snapshots),
        )
        settings[REPLAY_KEY] = kit
    return kit


def parse_moment(raw: str | None) -> float | None:
    """ "1763800000.5" (seconds since the epoch) or ISO 8601 (UTC unless it says) -> seconds;
    absent or empty -> None (now)."""
    if raw is None or not raw.strip():
        return None
    raw = raw.strip()
    try:
        value = float(raw)
    except ValueError:
        try:
            when = datetime.fromisoformat(raw)
        except ValueError:
            raise InvalidInput(
                "at: seconds since the epoch, or an ISO 8601 time.", code="invalid_time"
            ) from None
        if when.tzinfo is None:
            when = when.replace(tzinfo=UTC)
        value = when.timestamp()
    if not (math.isfinite(value) and 0 <= value <= LATEST_MOMENT):
        raise InvalidInput("at: not a moment.", code="invalid_time")
    return value


class ReplayBase(MemberHandler):
    @property
    def kit(self) -> ReplayKit:
        return replay_kit(self.settings)

    async def session_view(self, session_id: str) -> SessionView:
        """Host, participants, and people who left; else 404."""
        return await self.member_view(session_id, ("admitted", "left"))

    async def summaries(self, snapshots: list[Snapshot]) -> list[SnapshotSummaryOut]:
        ids = {x.created_by for x in snapshots if x.created_by is not None}
        users: dict[int, User] = {}
        if ids:
            users = await self.kit.snapshots.users(ids)
        return [summary_out(x, users.get(x.created_by or 0)) for x in snapshots]

    async def snapshot_out(self, snapshot: Snapshot) -> SnapshotOut:
        [summary] = await self.summaries([snapshot])
        return SnapshotOut(
            **summary.model_dump(),
            contents=[SnapshotFileOut.model_validate(f.as_json()) for f in files_of(snapshot)],
        )


def summary_out(snapshot: Snapshot, author: User | None) -> SnapshotSummaryOut:
    return SnapshotSummaryOut(
        id=snapshot.id,
        name=snapshot.name,
        created_by=public_row(author) if author is not None else None,
        created_at=snapshot.created_at,
        files=[f.path for f in files_of(snapshot)],
    )


class ReplayTimelineHandler(ReplayBase):
    @web.authenticated
    @authorized
    @operation(
        "A session's replay timeline: documents, runs, chat, activity, idle gaps",
        description="Every time is seconds since the epoch. A document's `room` is what "
        "`replay/state` takes. Gaps are stretches longer than `idle` seconds in which "
        "nothing happened, for a player to skip.",
        responses={200: ReplayTimelineOut},
        errors=(404, 422),
        query={"idle": whole(f"Seconds without any event that make a gap, 1 to 3600 "
                             f"(default {IDLE_AFTER:g}).", 3600)},
        tags=TAGS,
    )  # fmt: skip
    async def get(self, session_id: str) -> None:
        view = await self.session_view(session_id)
        idle = self.query_int("idle", int(IDLE_AFTER), 3600) or int(IDLE_AFTER)
        timeline = await self.kit.replay.timeline(view.session, float(idle))
        out = ReplayTimelineOut.model_validate(
            {
                **{k: getattr(timeline, k) for k in ("session_id", "start", "end", "idle_after")},
                "documents": timeline.documents,
                "runs": timeline.runs,
                "chat": timeline.chat,
                "events": timeline.events,
                "gaps": timeline.gaps,
                "people": [public_row(u) for u in timeline.people],
            }
        )
        self.reply(out)


class ReplayStateHandler(ReplayBase):
    @web.authenticated
    @authorized
    @operation(
        "One document of the session as it was at a moment",
        description="Query: `room` (from the timeline's documents, e.g. `file:<file id>`) "
        "and `at`: seconds since the epoch or an ISO 8601 time (UTC unless it says); "
        "without `at`, the latest state. The state is rebuilt from the nearest checkpoint.",
        responses={200: DocStateOut},
        errors=(404, 422),
        query={
            "room": Query("A document's room from the timeline.", {"type": "string"}),
            "at": Query("Seconds since the epoch or an ISO 8601 time.", {"type": "string"}),
        },
        tags=TAGS,
    )
    async def get(self, session_id: str) -> None:
        await self.session_view(session_id)
        room = self.get_query_argument("room", "")
        at = parse_moment(self.get_query_argument("at", None))
        state, author = await self.kit.replay.state(session_id, room, at)
        self.reply(
            DocStateOut(
                room=state.room,
                type=state.doc_type,
                at=at,
                content=state.content,
                upto_id=state.upto_id,
                upto_at=state.at,
                upto_author_id=state.author_id,
                author=public_row(author) if author is not None else None,
                author_id=state.editor_id,
                checkpoint_id=state.checkpoint_id,
                applied=state.applied,
                first_id=state.first_id,
                last_id=state.last_id,
                first_at=state.first_at,
                last_at=state.last_at,
            )
        )


class SnapshotsHandler(ReplayBase):
    @web.authenticated
    @authorized
    @operation(
        "A session's snapshots, oldest first",
        responses={200: SnapshotList},
        errors=(404,),
        tags=TAGS,
    )
    async def get(self, session_id: str) -> None:
        await self.session_view(session_id)
        snapshots = await self.kit.snapshots.of_session(session_id)
        self.reply(SnapshotList(snapshots=await self.summaries(snapshots)))

    @web.authenticated
    @authorized
    @operation(
        "Save a named snapshot of the session's code and whiteboards",
        description="Each document as it is live (its open room, else its file). The host, "
        "interviewers and candidates; observers get 403, an ended session 409.",
        request=SnapshotIn,
        responses={201: SnapshotOut},
        errors=(403, 404, 409, 413),
        tags=TAGS,
    )
    async def post(self, session_id: str) -> None:
        body = self.body(SnapshotIn)
        view = await self.session_view(session_id)
        snapshot = await self.kit.snapshots.create(view, self.user.account_id, body.name)
        self.reply(await self.snapshot_out(snapshot), status=201)


class SnapshotHandler(ReplayBase):
    @web.authenticated
    @authorized
    @operation(
        "A snapshot with its files",
        responses={200: SnapshotOut},
        errors=(404,),
        tags=TAGS,
    )
    async def get(self, session_id: str, snapshot_id: str) -> None:
        await self.session_view(session_id)
        snapshot = await self.kit.snapshots.get(session_id, snapshot_id)
        self.reply(await self.snapshot_out(snapshot))


class SnapshotDiffHandler(ReplayBase):
    @web.authenticated
    @authorized
    @operation(
        "What changed from one snapshot to another, file by file (unified diffs)",
        description=f"Either id may be `{CURRENT}`: the documents as they are now.",
        responses={200: SnapshotDiffOut},
        errors=(404,),
        tags=TAGS,
    )
    async def get(self, session_id: str, snapshot_id: str, other_id: str) -> None:
        view = await self.session_view(session_id)
        files = await self.kit.snapshots.diff(view.session, snapshot_id, other_id)
        self.reply(
            SnapshotDiffOut(
                a=snapshot_id,
                b=other_id,
                files=[FileDiffOut.model_validate(f) for f in files],
            )
        )


class SnapshotRestoreHandler(ReplayBase):
    @web.authenticated
    @authorized
    @operation(
        "Restore a snapshot: every document of it written back, live",
        description="First saves the current state as a snapshot (`backup`: restore it to "
        "undo), then writes each document through its room, so connected editors see "
        "the change and the replay keeps the state before. Logged as `restored`. The host, "
        "interviewers and candidates; observers get 403, an ended session 409.",
        responses={200: RestoreOut},
        errors=(403, 404, 409, 413),
        tags=TAGS,
    )
    async def post(self, session_id: str, snapshot_id: str) -> None:
        view = await self.session_view(session_id)
        restored = await self.kit.snapshots.restore(view, self.user.account_id, snapshot_id)
        snapshot, backup = await self.summaries([restored.snapshot, restored.backup])
        self.reply(
            RestoreOut(
                snapshot=snapshot, backup=backup, files=restored.files, skipped=restored.skipped
            )
        )


class ExportHandler(ReplayBase):
    @web.authenticated
    @authorized
    @operation(
        "The session's archive (application/zip)",
        description="A zip, not JSON: `session.json`, `code/...` (the documents as they "
        "are now), `whiteboards/....json`, `snapshots.json`, `chat.json`, `activity.json`, "
        "`runs.json`, and for the host only `host/...` (host-private files). Host and "
        "participants only.",
        responses={200: None},
        media_type="application/zip",
        errors=(404, 413),
        tags=TAGS,
    )
    async def get(self, session_id: str) -> None:
        view = await self.session_view(session_id)
        # The host's private notes, unless the server says otherwise.
        extras: HostExtras = (
            self.settings.get(HOST_EXTRAS_KEY) or notes_service(self.services).host_extras
        )
        name, data = await self.kit.export.archive(view, host_extras=extras)
        self.set_header("Content-Disposition", f'attachment; filename="{name}"')
        self.set_header("Cache-Control", "no-store")
        self.finish(data, set_content_type="application/zip")  # APIHandler's default: JSON


REPLAY_ROUTES: list[tuple[str, type[web.RequestHandler]]] = [
    (f"{API}/sessions/{{session_id}}/replay", ReplayTimelineHandler),
    (f"{API}/sessions/{{session_id}}/replay/state", ReplayStateHandler),
    (f"{API}/sessions/{{session_id}}/snapshots", SnapshotsHandler),
    (f"{API}/sessions/{{session_id}}/snapshots/{{snapshot_id}}", SnapshotHandler),
    (
        f"{API}/sessions/{{session_id}}/snapshots/{{snapshot_id}}/diff/{{other_id}}",
        SnapshotDiffHandler,
    ),
    (f"{API}/sessions/{{session_id}}/snapshots/{{snapshot_id}}/restore", SnapshotRestoreHandler),
    (f"{API}/sessions/{{session_id}}/export", ExportHandler),
]
