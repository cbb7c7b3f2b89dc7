"""CodeCallApp: the Jupyter server extension. Configuration lives here as traitlets."""

from __future__ import annotations

import asyncio
import getpass
import os
from datetime import UTC, datetime, timedelta
from functools import partial
from pathlib import Path
from typing import Any

from jupyter_core.paths import jupyter_data_dir
from jupyter_server.auth.authorizer import AllowAllAuthorizer
from jupyter_server.auth.identity import PasswordIdentityProvider
from jupyter_server.extension.application import ExtensionApp
from jupyter_server.serverapp import ServerApp
from traitlets import Bool, Enum, Float, Int, List, Unicode, default, validate

from . import __version__
from .auth import lab_guard, log_scrub, room_guard
from .auth.authorizer import CodeCallAuthorizer
from .auth.identity import CodeCallIdentityProvider
from .auth.page_config import page_config_hook
from .auth.pages import RegisterHandler
from .channel import ice_addresses
from .channel.handler import HUB_KEY
from .channel.hub import ChannelHub, ChannelLimits
from .collab.history import DocHistory
from .collab.ystore import CodeCallYStore, use_history
from .gc_tuning import tune_collector
from .handlers.routes import api_handlers
from .handlers.runs import RUNNER_KEY
from .hub.authorizer import CodeCallHubAuthorizer
from .hub.client import HubClient, HubServer, service_prefix
from .hub.sharing import HubSharing
from .problems.service import ProblemService
from .runner.service import RunnerService
from .runner.traits import RunnerTraits
from .services.access import AccessService
from .services.accounts import Account, AccountService
from .services.activity import ActivityLog
from .services.blocks import BlockService
from .services.chat import ChatService
from .services.container import SERVICES_KEY, CodeCallServices, Throttles
from .services.external import ExternalUsers, derived_username
from .services.friends import FriendService
from .services.ice import SCHEMES, IceService, check_urls
from .services.invites import InviteService
from .services.logins import LoginService
from .services.proctoring import ProctoringService
from .services.ratelimit import Rate, TokenBucketLimiter
from .services.runs import RunHistory
from .services.session_audience import announce_session_changes
from .services.sessions import SessionRules, SessionService
from .services.user_events import UserEvents
from .services.waiting_room import WaitingRoom
from .store import migrate
from .store.db import Database, redact
from .tasks import cancel_and_wait

HERE = Path(__file__).parent
HUB_SHARING_KEY = "codecall_hub_sharing"


class CodeCallApp(RunnerTraits, ExtensionApp):
    name = "codecall"
    extension_url = "/lab"
    load_other_extensions = True
    static_paths = [str(HERE / "static")]

    # --- storage -------------------------------------------------------------------------
    db_url = Unicode(
        config=True,
        help=(
            "SQLAlchemy URL of CodeCall's database. Default: $CODECALL_DB_URL when set (so "
            "a JupyterHub deployment can pass a secret through the environment), else SQLite "
            "in the Jupyter data dir (sqlite:///<data dir>/codecall.db). For PostgreSQL: "
            "postgresql://user:password@host/dbname (the asyncpg driver is used)."
        ),
    )

    @default("db_url")
    def _default_db_url(self) -> str:
        from_env = os.environ.get("CODECALL_DB_URL", "")
        return from_env or f"sqlite:///{Path(jupyter_data_dir()) / 'codecall.db'}"

    db_busy_timeout = Float(
        5.0,
        config=True,
        help="SQLite only: seconds a write waits, retrying with backoff, while another "
        "connection or process holds the database's write lock (default 5). A lock held "
        "longer answers 503 `database_busy` with Retry-After; nothing is half-written.",
    )

    migrate_on_start = Bool(
        True,
        config=True,
        help="Apply pending database migrations at start-up (default True). When False, "
        "run `jupyter codecall db upgrade` yourself; the server refuses a stale schema.",
    )

    # --- accounts ----------------------------------------------------------------------
    registration = Enum(
        ["open", "invite", "closed"],
        default_value="invite",
        config=True,
        help="Who may register: 'open' (anyone who reaches the server), 'invite' (default: "
        "with an invite link made by a member) or 'closed' (only `jupyter codecall user add`).",
    )
    owner_username = Unicode(
        config=True,
        help="CodeCall username of the server owner (whoever logs in with Jupyter's token or "
        "password). Default: the operating-system user running the server.",
    )

    @default("owner_username")
    def _default_owner_username(self) -> str:
        name = "".join(c for c in getpass.getuser().lower() if c.isalnum() or c in "._-")
        return name if len(name) >= 3 else f"{name}-owner"

    owner_display_name = Unicode(
        "",
        config=True,
        help="Display name of the server owner. Default '' means the owner's username.",
    )
    login_max_age_days = Int(
        14,
        config=True,
        help="Days a CodeCall login stays valid in a browser (default 14).",
    )
    manage_auth = Bool(
        True,
        config=True,
        help="Install CodeCall's identity provider and authorizer (default True) unless "
        "the operator configured other classes. Turn off only if you run your own.",
    )

    # --- limits ------------------------------------------------------------------------
    api_rate_limit_user = Unicode(
        "600/minute",
        config=True,
        help="REST calls allowed per user, as 'N/unit' (burst N), e.g. '600/minute' (default).",
    )
    api_rate_limit_address = Unicode(
        "1200/minute",
        config=True,
        help="REST calls allowed per client address (default '1200/minute').",
    )
    login_rate_limit_account = Unicode(
        "5/15minutes",
        config=True,
        help="Failed logins allowed per account before 429 (default '5/15minutes').",
    )
    login_rate_limit_address = Unicode(
        "20/15minutes",
        config=True,
        help="Failed logins allowed per client address before 429 (default '20/15minutes').",
    )
    register_rate_limit_address = Unicode(
        "10/hour",
        config=True,
        help="Registrations attempted per client address (default '10/hour').",
    )
    max_body_bytes = Int(
        1_048_576,
        config=True,
        help="Largest REST request body in bytes (default 1048576 = 1 MiB); larger gets 413.",
    )

    # --- files -------------------------------------------------------------------------
    document_save_interval = Float(
        5.0,
        config=True,
        help="Least seconds between two automatic saves of a session document's file while "
        "it keeps changing (default 5). Every change is in the history the moment it is "
        "made; the file follows, once the document has been quiet for jupyter-collaboration's "
        "document_save_delay (1 s) and this long after the previous save. 0: after every "
        "quiet spell, as stock jupyter-collaboration. Saving on request (Ctrl+S) is not delayed.",
    )
    # --- the server process -----------------------------------------------------------
    gc_freeze_startup = Bool(
        True,
        config=True,
        help="Once the server has started, move its objects out of the garbage collector's "
        "full collections (gc.freeze), so that a full collection visits only what came "
        "after: with 200 busy rooms it stopped the event loop ~200 ms, every edit waiting, "
        "and ~30 ms with this (see codecall_jupyter/gc_tuning.py). Off: Python's behaviour.",
    )
    gc_young_threshold = Int(
        7000,
        config=True,
        help="Allocations between two young collections of the garbage collector (default "
        "7000; Python's is 700): fewer objects reach the oldest generation, so full "
        "collections are rarer. 0 keeps Python's setting.",
    )

    sessions_dir = Unicode(
        "codecall-sessions",
        config=True,
        help="Folder, relative to the server's root dir, that holds one sub-folder per "
        "practice session (default 'codecall-sessions').",
    )

    problem_dirs = List(
        Unicode(),
        default_value=[],
        config=True,
        help="Extra folders of problems (one sub-folder per problem, as in the bank; see "
        "docs/PROBLEMS.md), offered to every user beside CodeCall's own bank. Relative "
        "paths are taken from the server's root dir. Their generators run as this server's "
        "user, so list only folders you trust.",
    )

    # --- sessions ----------------------------------------------------------------------
    waiting_session_ttl_hours = Float(
        24.0,
        config=True,
        help="Hours after which a WAITING session nobody was admitted to ends (default 24; "
        "counted from its scheduled start when that is later).",
    )
    idle_session_minutes = Float(
        30.0,
        config=True,
        help="Minutes an ACTIVE session may go with nobody connected before it ends (default 30).",
    )
    expiry_check_seconds = Float(
        60.0,
        config=True,
        help="Seconds between two checks for sessions to expire (default 60).",
    )
    session_password_rate_limit = Unicode(
        "5/5minutes",
        config=True,
        help="Wrong session passwords allowed per user and session before 429 "
        "(default '5/5minutes').",
    )

    # --- channel ---------------------------------------------------------------------
    channel_max_message_bytes = Int(
        65_536,
        config=True,
        help="Largest channel message in bytes (default 65536); a bigger one closes the "
        "socket with 1009.",
    )
    channel_queue_size = Int(
        1000,
        config=True,
        help="Messages queued for one socket before it counts as too slow and is closed with "
        "4408 (default 1000).",
    )
    channel_replay_buffer = Int(
        2000,
        config=True,
        help="Events per session kept so a reconnecting client can resume (default 2000).",
    )
    channel_chat_rate = Unicode(
        "20/10seconds",
        config=True,
        help="Chat messages one socket may send (default '20/10seconds'); excess is refused.",
    )
    channel_signal_rate = Unicode(
        "300/10seconds",
        config=True,
        help="Signaling messages (offers, answers, ICE candidates) one socket may send "
        "(default '300/10seconds'); excess is dropped with an error.",
    )

    preflight_seconds = Int(
        60,
        config=True,
        help="Seconds a pre-flight camera/microphone/connection check may last (default 60); "
        "0 switches the check off.",
    )

    @validate(
        "channel_chat_rate",
        "channel_signal_rate",
        "session_password_rate_limit",
        "api_rate_limit_user",
        "api_rate_limit_address",
        "login_rate_limit_account",
        "login_rate_limit_address",
        "register_rate_limit_address",
    )
    def _valid_rate(self, proposal: dict[str, Any]) -> str:
        Rate.parse(proposal["value"])  # raises a clear ValueError
        return str(proposal["value"])

    # --- realtime ----------------------------------------------------------------------
    record_paste_content = Bool(
        False,
        config=True,
        help="Keep the text participants paste (up to 10000 characters per paste) in the "
        "session's activity log, which the host and participants see (default False: only "
        "the size is kept).",
    )
    stun_urls = List(
        Unicode(),
        default_value=[],
        config=True,
        help="STUN server URLs given to browsers, e.g. ['stun:stun.example.org:3478']. "
        "Default [] (no third-party server: peers on one network need none).",
    )
    turn_urls = List(
        Unicode(),
        default_value=[],
        config=True,
        help="TURN server URLs, e.g. ['turn:turn.example.org:3478?transport=udp', "
        "'turns:turn.example.org:5349']. Default []. Used only with turn_secret; without it "
        "TURN is left out and a warning is logged at start-up.",
    )
    turn_secret = Unicode(
        "",
        config=True,
        help="Secret shared with the TURN server (coturn: use-auth-secret and "
        "static-auth-secret) for short-lived credentials in the TURN REST scheme. Default ''.",
    )
    turn_credential_ttl_seconds = Int(
        6 * 3600,
        config=True,
        help="Seconds a TURN credential stays valid (default 21600 = 6 hours).",
    )
    webrtc_host_addresses = List(
        Unicode(),
        default_value=[],
        config=True,
        help="The only local IP addresses the server's own WebRTC peer (the pre-flight "
        "check) offers as host candidates, e.g. ['10.0.0.5'] on a server with several "
        "interfaces of which browsers reach one. Default [] (aiortc's choice: every "
        "interface but loopback). Applies to every aiortc peer of the server process.",
    )

    @validate("stun_urls", "turn_urls")
    def _valid_ice_urls(self, proposal: dict[str, Any]) -> list[str]:
        schemes = SCHEMES[:2] if proposal["trait"].name == "stun_urls" else SCHEMES[2:]
        return check_urls(proposal["value"], schemes)

    @validate("webrtc_host_addresses")
    def _valid_host_addresses(self, proposal: dict[str, Any]) -> list[str]:
        return ice_addresses.check_addresses(proposal["value"])

    @validate("turn_credential_ttl_seconds")
    def _valid_ttl(self, proposal: dict[str, Any]) -> int:
        if proposal["value"] < 60:
            raise ValueError("turn_credential_ttl_seconds: at least 60")
        return int(proposal["value"])

    # --- JupyterHub ---------------------------------------------------------------------
    hub_sharing = Bool(
        None,
        allow_none=True,
        config=True,
        help="Under JupyterHub 5+: share this single-user server (a Hub share of "
        "access:servers, made with the server's own API token) with each guest admitted "
        "to a session hosted here, and revoke it when they leave, are removed or the "
        "session ends. None (default): on when running under JupyterHub "
        "($JUPYTERHUB_API_TOKEN, $JUPYTERHUB_API_URL and $JUPYTERHUB_USER set). The "
        "server's token needs the scopes shares!user and read:users:name (docs/JUPYTERHUB.md).",
    )
    hub_sharing_sync_seconds = Float(
        300.0,
        config=True,
        help="Seconds between two full reconciles of the Hub's shares of this server with "
        "the guests admitted to its live sessions (default 300); changes made here are "
        "applied at once, and a failed call is retried with backoff (1 s doubling to 60 s).",
    )

    # --- wiring ------------------------------------------------------------------------
    def _link_jupyter_server_extension(self, serverapp: ServerApp) -> None:
        super()._link_jupyter_server_extension(serverapp)
        # Runs before the server builds its identity provider and authorizer.
        if self.manage_auth and not os.environ.get("JUPYTERHUB_API_TOKEN"):
            if serverapp.identity_provider_class is PasswordIdentityProvider:
                serverapp.identity_provider_class = CodeCallIdentityProvider
            if serverapp.authorizer_class is AllowAllAuthorizer:
                serverapp.authorizer_class = CodeCallAuthorizer
        if (
            self.manage_auth
            and os.environ.get("JUPYTERHUB_API_TOKEN")
            and os.environ.get("JUPYTERHUB_SERVICE_URL")  # a jupyterhub-singleuser server
            and serverapp.authorizer_class is AllowAllAuthorizer
        ):
            # JupyterHub keeps Jupyter's allow-all authorizer: whoever the server is
            # shared with could do anything. Guests get CodeCall's limits instead.
            serverapp.authorizer_class = CodeCallHubAuthorizer
        # jupyter-collaboration links after us (extensions link in name order) and reads its
        # store class from the server's config: ours, unless the operator chose one.
        ydoc_config = serverapp.config.YDocExtension
        if "ystore_class" not in ydoc_config:
            ydoc_config.ystore_class = CodeCallYStore

    def initialize_settings(self) -> None:
        self.log.info("CodeCall %s: database %s", __version__, redact(self.db_url))
        if self.migrate_on_start:
            migrate.run_blocking(lambda: migrate.upgrade(self.db_url))
        else:
            current = migrate.run_blocking(lambda: migrate.current_revision(self.db_url))
            if current != migrate.head_revision():
                raise RuntimeError(
                    f"CodeCall's database is at {current}, not {migrate.head_revision()}: "
                    "run `jupyter codecall db upgrade`."
                )
        owner = migrate.run_blocking(self._ensure_owner)
        self.database = Database(self.db_url, busy_timeout=self.db_busy_timeout)
        services = self.build_services(self.database, owner)
        use_history(services.history)
        self.settings[SERVICES_KEY] = services
        self.settings[HUB_KEY] = ChannelHub(
            services,
            ChannelLimits(
                max_message_bytes=self.channel_max_message_bytes,
                queue_size=self.channel_queue_size,
                replay_buffer=self.channel_replay_buffer,
                chat_rate=Rate.parse(self.channel_chat_rate),
                signal_rate=Rate.parse(self.channel_signal_rate),
                presence_every=60.0,
                preflight_seconds=self.preflight_seconds,
            ),
        )
        runner = RunnerService(
            RunHistory(self.database),
            self.runner_options(),
            self.run_limits(),
            self.admission_limits(),
            dict(self.kernel_pool_sizes),
        )
        hub = self.settings[HUB_KEY]
        runner.subscribe(hub.broadcast)
        hub.last_run = runner.last_run
        hub.runs_in_progress = runner.runs_in_progress
        # Roles, removals and the end reach collaboration sockets that are already open.
        services.sessions.notifier.subscribe(room_guard.recheck_open_rooms)
        # Invitations, admissions and ends reach the people's sidebars at once.
        services.sessions.notifier.subscribe(
            announce_session_changes(services.sessions.db, services.events)
        )
        self.settings[RUNNER_KEY] = runner
        if self.webrtc_host_addresses:
            # aioice has no per-connection setting: this holds for the whole process (the
            # server's only aiortc peers are its pre-flight peers); undone at stop.
            self._ice_addresses_before = ice_addresses.restrict(self.webrtc_host_addresses)
        if self.manage_auth:
            self.settings["page_config_hook"] = page_config_hook(
                self.serverapp.web_app.settings.get("page_config_hook"),  # type: ignore[union-attr]
                keep_token=bool(os.environ.get("JUPYTERHUB_API_TOKEN")),
            )

    async def _ensure_owner(self) -> Any:
        hub_user = os.environ.get("JUPYTERHUB_USER")
        if hub_user and os.environ.get("JUPYTERHUB_API_TOKEN"):
            # Under JupyterHub every user's server shares one database, and the owner is
            # the Hub user's own account, made on first sight (services/external.py). The
            # one local owner row must stay out of it: named after $USER (the Hub user's
            # name with local spawners), it took their username, and every server start
            # renamed it. This stand-in is only read by CodeCall's identity provider,
            # which JupyterHub's replaces.
            return Account(
                id=0,
                username=derived_username(hub_user, 0),
                email=None,
                display_name=self.owner_display_name or hub_user,
                kind="hub",
                disabled=False,
                created_at=datetime.now(UTC),
            )
        database = Database(self.db_url)
        try:
            accounts = AccountService(database, InviteService(database))
            return await accounts.ensure_owner(
                self.owner_username, self.owner_display_name or self.owner_username
            )
        finally:
            await database.dispose()

    def build_services(self, db: Database, owner: Any) -> CodeCallServices:
        invites = InviteService(db)
        accounts = AccountService(db, invites, reserved={self.owner_username})
        logins = LoginService(db, max_age=timedelta(days=self.login_max_age_days))
        external = ExternalUsers(db, os.environ.get("JUPYTERHUB_USER"))
        accounts.on_change.append(logins.forget_user)
        accounts.on_change.append(external.forget)

        def bucket(rate: str) -> TokenBucketLimiter:
            return TokenBucketLimiter(Rate.parse(rate))

        events = UserEvents(self.db_url, db)
        friends = FriendService(db, events)
        activity = ActivityLog(db)
        root = Path(self.serverapp.root_dir if self.serverapp else os.getcwd())
        problems = ProblemService(db, friends, [root / d for d in self.problem_dirs])
        sessions = SessionService(
            db,
            friends,
            activity,
            SessionRules(
                sessions_root=root / self.sessions_dir,
                waiting_ttl=timedelta(hours=self.waiting_session_ttl_hours),
                idle_ttl=timedelta(minutes=self.idle_session_minutes),
                server_prefix=service_prefix(),
            ),
            problems,
        )
        room = WaitingRoom(
            db, friends, activity, sessions, Rate.parse(self.session_password_rate_limit)
        )
        chat, proctoring, ice = self._realtime_services(db, activity)

        return CodeCallServices(
            accounts=accounts,
            logins=logins,
            invites=invites,
            access=AccessService(db, self.sessions_dir),
            external=external,
            friends=friends,
            blocks=BlockService(db),
            activity=activity,
            sessions=sessions,
            waiting_room=room,
            chat=chat,
            proctoring=proctoring,
            ice=ice,
            history=DocHistory(db),
            problems=problems,
            events=events,
            throttles=Throttles(
                api_per_user=bucket(self.api_rate_limit_user),
                api_per_address=bucket(self.api_rate_limit_address),
                login_per_account=bucket(self.login_rate_limit_account),
                login_per_address=bucket(self.login_rate_limit_address),
                register_per_address=bucket(self.register_rate_limit_address),
            ),
            registration=self.registration,
            max_body_bytes=self.max_body_bytes,
            save_interval=self.document_save_interval,
            owner=owner,
            extra={"hub": bool(os.environ.get("JUPYTERHUB_API_TOKEN"))},
        )

    def _realtime_services(
        self, db: Database, activity: ActivityLog
    ) -> tuple[ChatService, ProctoringService, IceService]:
        if self.turn_urls and not self.turn_secret:
            # Built once at start-up, so this warns once.
            self.log.warning(
                "CodeCall: turn_urls are set but turn_secret is empty: TURN is left out of "
                "the ICE servers. Set CodeCallApp.turn_secret to the TURN server's "
                "static-auth-secret."
            )
        ice = IceService(
            self.stun_urls, self.turn_urls, self.turn_secret, self.turn_credential_ttl_seconds
        )
        return ChatService(db), ProctoringService(db, activity, self.record_paste_content), ice

    def initialize_handlers(self) -> None:
        log_scrub.install(self.serverapp.web_app.settings)  # type: ignore[union-attr]
        self.handlers.extend(api_handlers())
        self.handlers.append(("/codecall/register", RegisterHandler))
        lab_guard.install(self.serverapp.web_app)  # type: ignore[union-attr]
        room_guard.install(self.serverapp.web_app)  # type: ignore[union-attr]

    async def _start_jupyter_server_extension(self, serverapp: ServerApp) -> None:
        services: CodeCallServices = self.settings[SERVICES_KEY]
        await services.events.ensure_started()
        self._expiry = asyncio.create_task(self._expire_sessions(), name="codecall-expiry")
        runner: RunnerService = self.settings[RUNNER_KEY]
        abandoned = await runner.history.abandon_unfinished()
        if abandoned:
            self.log.warning("CodeCall: %d runs did not finish before the restart.", abandoned)
        if any(self.kernel_pool_sizes.values()):
            # Warm the pools now rather than on the first run. Kernels are launched from
            # this, the event-loop thread, which bwrap's --die-with-parent relies on.
            self._runner_start = asyncio.create_task(runner.ensure_started())
        self._start_hub_sharing(services)
        settings = serverapp.web_app.settings
        hook = settings.get("page_config_hook")
        if self.manage_auth and not getattr(hook, "codecall", False):
            # An extension loaded after ours (JupyterHub's single-user extension) put in
            # a hook of its own: ours runs after it.
            settings["page_config_hook"] = page_config_hook(
                hook, keep_token=bool(os.environ.get("JUPYTERHUB_API_TOKEN"))
            )
        # The server is up: what it holds now stays for its whole life. Run from the loop,
        # so that the start hooks of other extensions, run beside this one, are further on.
        asyncio.get_running_loop().call_soon(
            partial(
                tune_collector,
                self.log,
                freeze=self.gc_freeze_startup,
                young_threshold=self.gc_young_threshold,
            )
        )

    def _start_hub_sharing(self, services: CodeCallServices) -> None:
        server = HubServer.from_env()
        if not (self.hub_sharing if self.hub_sharing is not None else server is not None):
            return
        if server is None:
            self.log.warning(
                "CodeCall: hub_sharing is on but $JUPYTERHUB_API_TOKEN, $JUPYTERHUB_API_URL "
                "or $JUPYTERHUB_USER is missing: guests get no Hub share."
            )
            return
        external = services.external

        async def owner_id() -> int:
            return (await external.account_for(server.owner, server.owner)).id

        root = Path(self.serverapp.root_dir if self.serverapp else os.getcwd()).expanduser()
        sharing = HubSharing(
            HubClient(server),
            services.sessions.db,
            owner_id,
            root / self.sessions_dir,
            events=services.events,
            period=self.hub_sharing_sync_seconds,
        )
        # Admissions, removals, leaving and the end of a session, made on this server.
        services.sessions.notifier.subscribe(sharing.session_changed)
        sharing.start()
        self.settings[HUB_SHARING_KEY] = sharing

    async def _expire_sessions(self) -> None:
        sessions: SessionService = self.settings[SERVICES_KEY].sessions
        while True:
            try:
                for session_id in await sessions.expire():
                    self.log.info("CodeCall session %s expired and ended.", session_id)
            except Exception:  # a database outage must not stop future checks
                self.log.exception("CodeCall could not check for expired sessions")
            await asyncio.sleep(self.expiry_check_seconds)

    async def stop_extension(self) -> None:
        if hasattr(self, "_ice_addresses_before"):
            ice_addresses.restrict(self._ice_addresses_before)
        await cancel_and_wait(getattr(self, "_expiry", None))
        hub = self.settings.get(HUB_KEY)
        if hub is not None:
            await hub.stop()
        sharing = self.settings.pop(HUB_SHARING_KEY, None)
        if sharing is not None:
            await sharing.stop()
        runner = self.settings.get(RUNNER_KEY)
        if runner is not None:
            await runner.close()
        services = self.settings.get(SERVICES_KEY)
        if services is not None:
            await services.events.stop()
            await services.history.close()
            use_history(None)
        database = getattr(self, "database", None)
        if database is not None:
            await database.dispose()
