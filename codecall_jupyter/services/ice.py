"""ICE servers for the participants' WebRTC connections: STUN, and TURN with short-lived
credentials in the TURN REST scheme (coturn's ``use-auth-secret``).

The TURN server shares a secret with us; a credential is HMAC-SHA1(secret, username)
with username ``"<expiry>:<user id>"``, so the TURN server checks it without a database
and it stops working by itself at the expiry. The secret never leaves this object.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import time
from collections.abc import Callable, Sequence
from typing import Any

SCHEMES = ("stun:", "stuns:", "turn:", "turns:")


def check_urls(urls: Sequence[str], schemes: tuple[str, ...]) -> list[str]:
    """The URLs as given, or ValueError naming the first that is not an ICE URL."""
    for url in urls:
        if not url.startswith(schemes):
            raise ValueError(f"{url!r} is not a {' or '.join(schemes)} URL")
    return list(urls)


def turn_credential(secret: str, username: str) -> str:
    digest = hmac.new(secret.encode(), username.encode(), hashlib.sha1).digest()
    return base64.b64encode(digest).decode("ascii")


class IceService:
    def __init__(
        self,
        stun_urls: Sequence[str],
        turn_urls: Sequence[str],
        turn_secret: str,
        ttl: int,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.stun_urls = check_urls(stun_urls, SCHEMES[:2])
        self.turn_urls = check_urls(turn_urls, SCHEMES[2:])
        self._secret = turn_secret
        self.ttl = ttl
        self.clock = clock

    @property
    def turn_enabled(self) -> bool:
        """TURN needs both URLs and the secret: without the secret it is left out."""
        return bool(self.turn_urls and self._secret)

    def __repr__(self) -> str:  # never the secret, even in a debug dump
        return f"IceService(stun={self.stun_urls}, turn={self.turn_urls}, ttl={self.ttl})"

    def servers_for(self, user_id: int) -> tuple[list[dict[str, Any]], int]:
        """The RTCIceServer list for one user, and when its TURN credential expires."""
        expiry = int(self.clock()) + self.ttl
        servers: list[dict[str, Any]] = []
        if self.stun_urls:
            servers.append({"urls": list(self.stun_urls)})
        if self.turn_enabled:
            username = f"{expiry}:{user_id}"
            servers.append(
                {
                    "urls": list(self.turn_urls),
                    "username": username,
                    "credential": turn_credential(self._secret, username),
                }
            )
        return servers, expiry
