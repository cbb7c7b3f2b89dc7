"""The long-lived services of one server, built once at start-up and kept in settings."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..collab.history import DocHistory
from ..problems.service import ProblemService
from .access import AccessService
from .accounts import Account, AccountService
from .activity import ActivityLog
from .blocks import BlockService
from .chat import ChatService
from .external import ExternalUsers
from .friends import FriendService
from .ice import IceService
from .invites import InviteService
from .logins import LoginService
from .proctoring import ProctoringService
from .ratelimit import TokenBucketLimiter
from .sessions import SessionService
from .user_events import UserEvents
from .waiting_room import WaitingRoom

# The key under which handlers find the services in the tornado settings.
SERVICES_KEY = "codecall_services"


@dataclass
class Throttles:
    """Every throttle, each a token bucket keyed by user, address or account."""

    api_per_user: TokenBucketLimiter
    api_per_address: TokenBucketLimiter
    login_per_account: TokenBucketLimiter
    login_per_address: TokenBucketLimiter
    register_per_address: TokenBucketLimiter


@dataclass
class CodeCallServices:
    accounts: AccountService
    logins: LoginService
    invites: InviteService
    access: AccessService
    external: ExternalUsers
    friends: FriendService
    blocks: BlockService
    activity: ActivityLog
    sessions: SessionService
    waiting_room: WaitingRoom
    chat: ChatService
    proctoring: ProctoringService
    ice: IceService
    history: DocHistory
    problems: ProblemService
    throttles: Throttles
    registration: str
    max_body_bytes: int
    owner: Account
    save_interval: float = 5.0  # least seconds between automatic saves of a document
    extra: dict[str, object] = field(default_factory=dict)
    # Tells users' pages what to reload, across servers that share PostgreSQL.
    events: UserEvents = field(default_factory=UserEvents)
