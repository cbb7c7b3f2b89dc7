import ipaddress
import re
from typing import Any

import pytest
from ydoc_client import YClient

from codecall_jupyter.channel import ice_addresses
from codecall_jupyter.runner.environment import RunnerOptions, prepare

pytest_plugins = ["pytest_jupyter.jupyter_server"]


@pytest.fixture
def jp_server_config(codecall_server_config):
    return codecall_server_config


@pytest.fixture(scope="module")
def sandbox_settings():
    """Settings of sandboxed runner kernels (for tests that start kernels themselves).
    Per module: a test server's runner removes the process's cgroup parent as it closes,
    and settings made before it would point there."""
    settings, isolation = prepare(RunnerOptions())
    assert settings is not None, isolation.problems
    assert isolation.level == "sandboxed", isolation
    return settings


@pytest.fixture
def people(codecall_people):
    return codecall_people


def pytest_collection_modifyitems(items):
    # Playwright's sync API keeps its own event loop running until the session ends,
    # which pytest-jupyter's in-process servers cannot share: run browser tests last.
    items.sort(key=lambda item: item.get_closest_marker("browser") is not None)


@pytest.fixture
def rooms(jp_http_port):
    """``await rooms(browser, room, **kwargs)``: a synced Yjs client of a collaboration
    room (``YClient.open``'s keywords); closed after the test."""
    opened: list[YClient] = []

    async def open_(browser: Any, room: str, **kwargs: Any) -> YClient:
        client = await YClient.open(browser, jp_http_port, room, **kwargs)
        opened.append(client)
        await client.until(lambda: client.synced)
        return client

    yield open_
    for client in opened:
        client.connection.close()
        client._reader.cancel()


SDP_CANDIDATE = re.compile(r"^a=candidate:\S+ \d+ \S+ \d+ (\S+) \d+ typ", re.MULTILINE)


@pytest.fixture(autouse=True)
def loopback_webrtc():
    """Tests send traffic to loopback only. aioice (under aiortc) offers every interface
    but loopback, so every in-process aiortc peer (test clients and a server's pre-flight
    peer) is restricted to 127.0.0.1; a server configured with ``webrtc_host_addresses``
    overrides it while it runs and puts it back at stop."""
    previous = ice_addresses.restrict(["127.0.0.1"])
    yield
    ice_addresses.restrict(previous)


def sdp_candidate_addresses(sdp: str) -> list[str]:
    """The connection address of every ``a=candidate`` line of an SDP."""
    return SDP_CANDIDATE.findall(sdp)


def assert_on_loopback(pc: Any, address: str = "127.0.0.1") -> None:
    """An aiortc peer connection offered and received only ``address`` candidates and its
    nominated candidate pair runs between two ``address`` endpoints."""
    for description in (pc.localDescription, pc.remoteDescription):
        found = sdp_candidate_addresses(description.sdp)
        assert found, f"no candidates in the {description.type}"
        assert set(found) == {address}, f"{description.type} candidates: {found}"
    pair = ice_addresses.nominated_addresses(pc)
    assert pair is not None, "no nominated candidate pair"
    assert pair == (address, address), pair
    assert all(ipaddress.ip_address(a).is_loopback for a in pair), pair


@pytest.fixture
def on_loopback():
    """``on_loopback(pc, address="127.0.0.1")``: assert an aiortc peer connection used
    ``address`` only (its SDPs' candidates and its nominated pair)."""
    return assert_on_loopback
