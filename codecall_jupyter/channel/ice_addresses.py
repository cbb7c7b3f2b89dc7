"""Which local addresses the server's own WebRTC peer (the pre-flight check) offers as ICE
host candidates.

aioice, under aiortc, offers every address of every interface except loopback, and reads
them through the module-level function ``aioice.ice.get_host_addresses``: there is no
per-connection option (aiortc's ``RTCConfiguration`` has none either). So the restriction
is process-wide. That is acceptable for a Jupyter server: the only aiortc peers it runs are
its own pre-flight peers, and an operator who restricts them (a server with several
interfaces, only one of them reachable by the browsers) wants every one of them restricted.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable
from typing import Any

import aioice.ice
from aiortc import RTCPeerConnection

_AIOICE_DEFAULT = aioice.ice.get_host_addresses
_restricted: tuple[str, ...] = ()


def check_addresses(addresses: Iterable[str]) -> list[str]:
    """The addresses, normalised (``::0001`` becomes ``::1``); a clear ``ValueError`` for
    anything that is not an IP address or is no use as a host candidate."""
    checked: list[str] = []
    for raw in addresses:
        try:
            address = ipaddress.ip_address(str(raw).strip())
        except ValueError:
            raise ValueError(f"webrtc_host_addresses: {raw!r} is not an IP address") from None
        if address.is_unspecified or address.is_multicast:
            raise ValueError(f"webrtc_host_addresses: {raw!r} cannot be a host candidate")
        if str(address) not in checked:
            checked.append(str(address))
    return checked


def restrict(addresses: Iterable[str]) -> tuple[str, ...]:
    """Offer only ``addresses`` (IPv4 and IPv6 as the peer asks for each) as host
    candidates from now on; an empty list gives back aioice's own choice. Returns the
    previous restriction, so that whoever restricted can put it back."""
    global _restricted
    previous = _restricted
    _restricted = tuple(check_addresses(addresses))
    if _restricted:
        aioice.ice.get_host_addresses = _restricted_host_addresses
    else:
        aioice.ice.get_host_addresses = _AIOICE_DEFAULT
    return previous


def restricted() -> tuple[str, ...]:
    """The addresses host candidates are restricted to; () when aioice chooses."""
    return _restricted


def _restricted_host_addresses(use_ipv4: bool, use_ipv6: bool) -> list[str]:
    # Same signature and meaning as aioice's own: the peer's family switches still apply.
    return [
        address
        for address in _restricted
        if (use_ipv4 if ipaddress.ip_address(address).version == 4 else use_ipv6)
    ]


def nominated_addresses(pc: RTCPeerConnection) -> tuple[str, str] | None:
    """The local and remote address of an aiortc peer connection's nominated candidate
    pair (component 1), when it has one. aiortc has no public API for this: it reads
    aioice's connection through the SCTP or the transceivers' transport."""
    transports: list[Any] = [t.receiver.transport for t in pc.getTransceivers()]
    if pc.sctp is not None:
        transports.insert(0, pc.sctp.transport)
    for dtls in transports:
        connection = getattr(getattr(dtls, "transport", None), "_connection", None)
        pair = getattr(connection, "_nominated", {}).get(1)
        if pair is not None:
            return pair.local_candidate.host, pair.remote_candidate.host
    return None
