"""The session's video call, end to end in two real browsers with Chromium's fake camera
and microphone.

Vera (the host) and Cato (the guest) register through invites in two browser profiles.
Vera creates a session and admits Cato. Vera runs the pre-flight check against the
server's own WebRTC peer and it passes. Both join the call: each RTCPeerConnection
reaches ``connected`` (the tiles carry the state in ``data-state``) and each browser plays
the other's live video (its size is known and its frames advance). Cato mutes and
Vera's tile for Cato shows it, and so does his camera going off. Cato's session
connection drops (his channel socket runs through a Playwright WebSocket route the test
can cut): both pages drop the peer, his panel reconnects with a new connection id and the
call comes back by itself. Cato leaves the call and his tile goes from Vera's page.
The tests run in order and save docs/screenshots/18-video-call.png.

The server only relays the signaling (docs/CHANNEL.md): media flow browser to browser.
On this loopback server the ICE endpoint returns no servers, so nothing leaves the host.
Every WebRTC connection runs on loopback only: the server and Chromium run in a network
namespace with loopback alone (conftest.loopback_network), the signaling sockets drop
candidates on other interfaces (lab_people.loopback_signaling), the server's pre-flight
peer offers 127.0.0.1 only, and the tests read each RTCPeerConnection's selected candidate
pair from getStats() to check both of its ends are loopback addresses.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from lab_people import (
    CANDIDATES,
    Person,
    Steps,
    browsers_for,
    create_session,
    dismiss_toasts,
    is_loopback,
    join_and_admit,
    live_pairs,
    loopback_signaling,
    record_peer_connections,
    register,
    selected_pairs,
    session_panel,
)

pytestmark = pytest.mark.browser

SESSION_TITLE = "Pairing: a call"
PANEL_WAIT_MS = 15_000
CALL_WAIT_MS = 20_000


@dataclass
class Story(Steps):
    host: Person
    guest: Person
    session_id: str | None = None
    in_session: bool = False
    in_call: bool = False
    # The guest's channel sockets, each (page side, server side) of a Playwright route.
    guest_channels: list[tuple[Any, Any]] = field(default_factory=list)


@pytest.fixture(scope="module")
def story(new_context: Any, lab_server: Any) -> Iterator[Story]:
    host = Person("vera", "Vera Video", "vera.video@example.org", lab_server)
    guest = Person("cato", "Cato Candidate", "cato.candidate@example.org", lab_server)
    story = Story(host=host, guest=guest)

    def relay(page_side: Any) -> None:
        # Through the same loopback-candidate filter as every signaling socket (this route,
        # registered last, replaces the context's); kept so a test can cut it.
        story.guest_channels.append((page_side, loopback_signaling(page_side)))

    with browsers_for(new_context, host, guest):
        for person in (host, guest):
            record_peer_connections(person.context)
        guest.context.route_web_socket(re.compile(r"/codecall/api/sessions/[^/?]+/channel"), relay)
        yield story


# --- helpers ---------------------------------------------------------------------------


def call_card(page: Any, session_id: str) -> Any:
    card = session_panel(page, session_id).locator(".cc-CallCard")
    card.wait_for(state="visible", timeout=PANEL_WAIT_MS)
    return card


def remote_tile(card: Any, username: str, attrs: str = "") -> Any:
    """The tile of ``username`` in a call card; ``attrs`` adds attribute selectors."""
    return card.locator(f'.cc-VideoTile[data-local="false"][data-username="{username}"]{attrs}')


def video_progress(tile: Any) -> dict[str, float]:
    """What the tile's <video> has decoded so far."""
    return tile.locator("video").evaluate(
        """video => ({
            width: video.videoWidth,
            height: video.videoHeight,
            time: video.currentTime,
            frames: video.getVideoPlaybackQuality().totalVideoFrames,
            tracks: video.srcObject ? video.srcObject.getVideoTracks()
                .filter(t => t.readyState === 'live').length : 0,
        })"""
    )


def wait_for_live_video(page: Any, tile: Any) -> dict[str, float]:
    """Wait until the tile's <video> has a size and decodes new frames; what it decoded."""
    video = tile.locator("video")
    video.wait_for(state="visible", timeout=CALL_WAIT_MS)
    handle = video.element_handle()
    page.wait_for_function(
        "video => video.videoWidth > 0 && video.currentTime > 0", arg=handle, timeout=CALL_WAIT_MS
    )
    start = video_progress(tile)["frames"]
    page.wait_for_function(
        "([video, start]) => video.getVideoPlaybackQuality().totalVideoFrames > start + 5",
        arg=[handle, start],
        timeout=CALL_WAIT_MS,
    )
    return video_progress(tile)


def assert_on_loopback(pairs: list[dict[str, Any]], what: str) -> None:
    """Each selected candidate pair runs between two loopback addresses."""
    assert pairs, f"{what}: no connected RTCPeerConnection"
    for entry in pairs:
        pair = entry["pair"]
        assert pair is not None, f"{what}: no selected candidate pair: {entry}"
        ends = (pair["local"]["address"], pair["remote"]["address"])
        assert all(is_loopback(address) for address in ends), f"{what}: {pair}"


def assert_calls_on_loopback(story: Story) -> None:
    for person in (story.host, story.guest):
        pairs = [e for e in live_pairs(person.page) if "preflight" not in e["labels"]]
        assert_on_loopback(pairs, f"{person.username}'s call")
    assert CANDIDATES.passed, "no candidate went through the signaling filter"
    print(  # shown when a test fails: what the filter let through and what it dropped
        f"candidates passed: {sorted(set(CANDIDATES.passed))}, "
        f"dropped: {sorted(set(CANDIDATES.dropped))}"
    )


# --- the story ---------------------------------------------------------------------------


def test_host_and_guest_register(story: Story, lab_server: Any) -> None:
    for person in (story.host, story.guest):
        register(person, lab_server)


def test_host_creates_a_session_and_admits_the_guest(story: Story) -> None:
    session = create_session(story.host.page, SESSION_TITLE, "python")
    story.session_id = session["id"]
    join_and_admit(story.host, story.guest, session, PANEL_WAIT_MS)
    story.in_session = True


def test_the_pre_flight_check_passes(story: Story) -> None:
    story.require("in_session")
    assert story.session_id
    card = call_card(story.host.page, story.session_id)
    check = card.locator(".cc-Preflight")
    assert check.get_attribute("data-result") == "idle"
    check.get_by_role("button", name="Check camera and microphone").click()
    # The camera preview shows while the server's peer answers.
    card.get_by_label("Your camera preview").wait_for(state="visible")
    card.locator('.cc-Preflight[data-result="pass"], .cc-Preflight[data-result="fail"]').wait_for(
        timeout=CALL_WAIT_MS
    )
    report = " ".join(check.inner_text().split())
    assert check.get_attribute("data-result") == "pass", report
    assert "Check passed: you are ready to join." in report, report
    assert "Camera: working." in report, report
    assert "Microphone: working." in report, report
    assert "Connection: passed" in report, report
    # The check ran on loopback: the server's peer offered 127.0.0.1 only.
    checks = [e for e in selected_pairs(story.host.page) if "preflight" in e["labels"]]
    assert_on_loopback(checks, "pre-flight")
    for entry in checks:
        assert entry["pair"]["remote"]["address"] == "127.0.0.1", entry


def test_both_join_and_see_each_other(story: Story, screenshots: Path) -> None:
    story.require("in_session")
    assert story.session_id
    host, guest = story.host, story.guest
    host_card = call_card(host.page, story.session_id)
    guest_card = call_card(guest.page, story.session_id)
    # Joining is a click (the browser's permission prompt needs one).
    host_card.get_by_role("button", name="Join call").click()
    host_card.locator('.cc-VideoTile[data-local="true"]').wait_for(timeout=CALL_WAIT_MS)
    guest_card.get_by_role("button", name="Join call").click()

    host_sees_guest = remote_tile(host_card, guest.username)
    guest_sees_host = remote_tile(guest_card, host.username)
    remote_tile(host_card, guest.username, '[data-state="connected"]').wait_for(
        timeout=CALL_WAIT_MS
    )
    remote_tile(guest_card, host.username, '[data-state="connected"]').wait_for(
        timeout=CALL_WAIT_MS
    )
    assert guest.display_name in host_sees_guest.inner_text()
    assert host.display_name in guest_sees_host.inner_text()
    # Both peers' selected candidate pairs are on loopback.
    assert_calls_on_loopback(story)

    # Each plays the other's live camera: a size, and frames that keep coming.
    for person, tile in ((host, host_sees_guest), (guest, guest_sees_host)):
        first = wait_for_live_video(person.page, tile)
        assert first["width"] > 0, first
        assert first["height"] > 0, first
        assert first["tracks"] == 1, first
        person.page.wait_for_timeout(1000)
        later = video_progress(tile)
        assert later["time"] > first["time"], (first, later)
        assert later["frames"] > first["frames"], (first, later)
    story.in_call = True

    # Chromium's fake microphone beeps: the speaking ring lights up on the other side.
    remote_tile(host_card, guest.username, '[data-speaking="true"]').wait_for(timeout=CALL_WAIT_MS)

    # Connection quality from getStats, on loopback: good.
    remote_tile(host_card, guest.username, '[data-quality="good"]').wait_for(timeout=CALL_WAIT_MS)
    quality = host_sees_guest.get_by_role("img", name="Connection good", exact=False)
    assert "round trip" in (quality.get_attribute("aria-label") or "")

    dismiss_toasts(host.page)
    host_card.scroll_into_view_if_needed()
    host.page.wait_for_timeout(300)
    host.page.screenshot(path=str(screenshots / "18-video-call.png"))


def test_guest_mutes_and_the_host_sees_it(story: Story) -> None:
    story.require("in_call")
    assert story.session_id
    host, guest = story.host, story.guest
    guest_card = call_card(guest.page, story.session_id)
    host_card = call_card(host.page, story.session_id)
    host_sees_guest = remote_tile(host_card, guest.username)
    assert host_sees_guest.get_attribute("data-muted") == "false"
    assert host_sees_guest.get_by_text("Muted", exact=True).count() == 0

    mute = guest_card.get_by_role("button", name="Mute", exact=True)
    mute.focus()
    guest.page.keyboard.press("Enter")  # the controls work from the keyboard
    unmute = guest_card.get_by_role("button", name="Unmute", exact=True)
    assert unmute.get_attribute("aria-pressed") == "true"
    assert guest_card.locator('.cc-VideoTile[data-local="true"]').get_attribute("data-muted") == (
        "true"
    )
    remote_tile(host_card, guest.username, '[data-muted="true"]').wait_for(timeout=CALL_WAIT_MS)
    host_sees_guest.get_by_text("Muted", exact=True).wait_for()

    unmute.click()
    remote_tile(host_card, guest.username, '[data-muted="false"]').wait_for(timeout=CALL_WAIT_MS)

    guest_card.get_by_role("button", name="Turn camera off").click()
    off = remote_tile(host_card, guest.username, '[data-camera-off="true"]')
    off.wait_for(timeout=CALL_WAIT_MS)
    off.locator("video").wait_for(state="hidden")
    guest_card.get_by_role("button", name="Turn camera on").click()
    remote_tile(host_card, guest.username, '[data-camera-off="false"]').wait_for(
        timeout=CALL_WAIT_MS
    )
    wait_for_live_video(host.page, remote_tile(host_card, guest.username))


def test_guest_shares_the_screen(story: Story) -> None:
    story.require("in_call")
    assert story.session_id
    host, guest = story.host, story.guest
    host_card = call_card(host.page, story.session_id)
    guest_card = call_card(guest.page, story.session_id)
    guest_card.get_by_role("button", name="Share screen").click()
    guest_card.get_by_role("button", name="Stop sharing").wait_for(timeout=CALL_WAIT_MS)
    sharing = remote_tile(host_card, guest.username, '[data-sharing="true"]')
    sharing.wait_for(timeout=CALL_WAIT_MS)
    sharing.get_by_text("Sharing screen", exact=True).wait_for()
    wait_for_live_video(host.page, sharing)
    guest_card.get_by_role("button", name="Stop sharing").click()
    remote_tile(host_card, guest.username, '[data-sharing="false"]').wait_for(timeout=CALL_WAIT_MS)
    wait_for_live_video(host.page, remote_tile(host_card, guest.username))


def test_the_call_comes_back_after_the_guest_loses_the_channel(story: Story) -> None:
    story.require("in_call")
    assert story.session_id
    host, guest = story.host, story.guest
    host_card = call_card(host.page, story.session_id)
    guest_card = call_card(guest.page, story.session_id)
    before = remote_tile(host_card, guest.username).get_attribute("data-connection-id")
    assert before
    assert story.guest_channels, "the guest's channel socket was not routed"
    page_side, server_side = story.guest_channels[-1]
    # The network drops: both ends of the guest's socket close.
    server_side.close()
    page_side.close(code=4000, reason="network lost")
    # Both sides end the old peer; the guest's panel reconnects (1 s) and meets Vera again.
    host_card.locator(f'.cc-VideoTile[data-connection-id="{before}"]').wait_for(
        state="detached", timeout=CALL_WAIT_MS
    )
    after = remote_tile(host_card, guest.username, '[data-state="connected"]')
    after.wait_for(timeout=CALL_WAIT_MS)
    assert after.get_attribute("data-connection-id") != before
    remote_tile(guest_card, host.username, '[data-state="connected"]').wait_for(
        timeout=CALL_WAIT_MS
    )
    wait_for_live_video(host.page, remote_tile(host_card, guest.username))
    wait_for_live_video(guest.page, remote_tile(guest_card, host.username))
    assert len(story.guest_channels) >= 2
    assert_calls_on_loopback(story)  # the new connection too


def test_guest_leaves_and_the_host_sees_the_peer_end(story: Story) -> None:
    story.require("in_call")
    assert story.session_id
    host, guest = story.host, story.guest
    host_card = call_card(host.page, story.session_id)
    guest_card = call_card(guest.page, story.session_id)
    guest_card.get_by_role("button", name="Leave call").click()
    # Back before the call, with every track stopped.
    guest_card.get_by_role("button", name="Join call").wait_for()
    assert guest_card.locator(".cc-VideoTile").count() == 0
    remote_tile(host_card, guest.username).wait_for(state="detached", timeout=CALL_WAIT_MS)
    host_card.get_by_text("Nobody else is in the call yet.").wait_for()

    # Joining again connects again.
    guest_card.get_by_role("button", name="Join call").click()
    remote_tile(host_card, guest.username, '[data-state="connected"]').wait_for(
        timeout=CALL_WAIT_MS
    )
    wait_for_live_video(host.page, remote_tile(host_card, guest.username))
    host_card.get_by_role("button", name="Leave call").click()
    remote_tile(guest_card, host.username).wait_for(state="detached", timeout=CALL_WAIT_MS)
