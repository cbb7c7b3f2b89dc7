"""What the two-person browser stories share: a person with their own browser profile,
what their page saw go wrong, and waits on JupyterLab and CodeCall's panels."""

from __future__ import annotations

import ipaddress
import json
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

import pytest


@dataclass
class Person:
    username: str
    display_name: str
    email: str
    server: Any
    context: Any = None
    page: Any = None
    failed_responses: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)

    def url(self, path: str) -> str:
        return self.server.base + path.lstrip("/")

    def diagnostics(self) -> str:
        return (
            f"{self.username}: HTTP errors seen by the page:\n  "
            + ("\n  ".join(self.failed_responses) or "(none)")
            + "\nConsole errors:\n  "
            + ("\n  ".join(self.console_errors) or "(none)")
        )


@contextmanager
def browsers_for(new_context: Any, *people: Person) -> Iterator[None]:
    """A browser for each of a module story's people; at its end, each one's failed
    responses and page errors are printed (pytest shows them when a test failed)."""
    for person in people:
        open_browser(person, new_context)
    yield
    for person in people:
        print(person.diagnostics())


def open_browser(person: Person, new_context: Any) -> None:
    """A fresh profile and page for ``person``, recording failed responses and errors."""
    person.context = new_context()
    person.page = page = person.context.new_page()
    page.on(
        "response",
        lambda r: (
            person.failed_responses.append(f"{r.status} {r.request.method} {r.url}")
            if r.status >= 400
            else None
        ),
    )
    page.on(
        "console",
        lambda m: person.console_errors.append(m.text) if m.type == "error" else None,
    )


def wait_for_lab(page: Any) -> None:
    """JupyterLab has started: the shell is visible, the splash gone, CodeCall's tab there."""
    page.wait_for_url(re.compile(r"/lab(/|\?|#|$)"))
    page.locator("#jp-main-dock-panel").wait_for(state="visible")
    page.locator("#jupyterlab-splash").wait_for(state="detached")
    page.locator('.jp-SideBar.jp-mod-left [data-id="codecall-sidebar"]').wait_for(state="visible")
    page.wait_for_load_state("networkidle")


def open_sidebar(page: Any) -> Any:
    """Open the CodeCall sidebar (a click on an open panel's tab would close it)."""
    panel = page.locator("#codecall-sidebar")
    if not panel.is_visible():
        page.locator('.jp-SideBar.jp-mod-left [data-id="codecall-sidebar"]').click()
    panel.wait_for(state="visible")
    panel.locator(".cc-UserCard").wait_for(state="visible")
    return panel


def session_panel(page: Any, session_id: str) -> Any:
    panel = page.locator(f"#codecall-session-{session_id}")
    panel.wait_for(state="visible")
    return panel


class Steps:
    """A story told by a module's tests in order: a later test skips, saying why, when a
    step it needs failed earlier."""

    def require(self, step: str) -> None:
        if not getattr(self, step):
            pytest.skip(f"an earlier step ({step}) failed: see the first failing test")


PASSWORD = "correct-horse-battery-staple"


def register(person: Person, lab_server: Any) -> None:
    """``person`` registers with an invite link the owner made, and lands in JupyterLab."""
    status, invite = lab_server.owner_request("POST", "codecall/api/invites", {})
    assert status == 201, invite
    page = person.page
    page.goto(person.url(invite["url"]))
    form = page.locator("form#register")
    form.wait_for(state="visible")
    page.fill("#display_name", person.display_name)
    page.fill("#username", person.username)
    page.fill("#email", person.email)
    page.fill("#password", PASSWORD)
    page.fill("#password_confirm", PASSWORD)
    form.locator("button[type=submit]").click()
    wait_for_lab(page)


def create_session(page: Any, title: str, language: str | None = None) -> dict[str, Any]:
    """Create a session with the sidebar's dialog; the server's answer (the session)."""
    open_sidebar(page).get_by_role("button", name="New practice session").click()
    dialog = page.locator(".jp-Dialog").filter(has_text="New practice session")
    dialog.wait_for(state="visible")
    dialog.get_by_label("Title").fill(title)
    if language is not None:
        dialog.get_by_label("Language").select_option(language)
    with page.expect_response(
        lambda r: (
            urlsplit(r.url).path.endswith("/codecall/api/sessions") and r.request.method == "POST"
        )
    ) as created:
        dialog.get_by_role("button", name="Create session").click()
    assert created.value.status == 201, created.value.text()
    return dict(created.value.json())


def join_and_admit(host: Person, guest: Person, session: dict[str, Any], wait_ms: int) -> None:
    """The guest follows the invite link and waits; the host admits them."""
    host_panel = session_panel(host.page, session["id"])
    guest.page.goto(guest.url(session["invite_url"]))
    wait_for_lab(guest.page)
    guest_panel = session_panel(guest.page, session["id"])
    guest_panel.locator('.cc-PlaceNotice[data-place="waiting"]').wait_for()
    waiting_room = host_panel.locator(".cc-WaitingRoom")
    waiting_room.locator(f'.cc-Person[data-username="{guest.username}"]').wait_for(timeout=wait_ms)
    waiting_room.get_by_role("button", name=f"Admit {guest.display_name}").click()
    guest_panel.locator('.cc-PlaceNotice[data-place="admitted"]').wait_for(timeout=wait_ms)


def dismiss_toasts(page: Any) -> None:
    """Close JupyterLab's notification toasts (for clean screenshots). Clicked through the
    DOM in one go: a toast still sliding in is never "stable" to Playwright, and one may
    close itself between finding it and clicking it."""
    for _ in range(5):
        clicked = page.evaluate(
            """() => {
                const buttons = document.querySelectorAll(
                    '.Toastify__toast .jp-toast-dismiss, .Toastify__close-button,'
                    + ' .Toastify__toast [title="Hide notification"]');
                buttons.forEach(button => button.click());
                return buttons.length;
            }"""
        )
        if not clicked:
            return
        page.wait_for_timeout(500)


def api(person: Person, method: str, path: str, body: Any = None) -> tuple[int, Any]:
    """Call a server API from a member's browser profile (cookie + XSRF header)."""
    xsrf = next((c["value"] for c in person.context.cookies() if c["name"] == "_xsrf"), "")
    response = person.page.request.fetch(
        person.url(path),
        method=method,
        headers={"X-XSRFToken": xsrf, "Content-Type": "application/json"},
        data=body,
    )
    text = response.text()
    try:
        return response.status, (response.json() if text else None)
    except ValueError:
        return response.status, text


# --- WebRTC on loopback only -------------------------------------------------------------
# Chromium offers host candidates on every interface (and cannot be told to skip one), so
# the sockets that carry signaling run through Playwright, which drops every ICE candidate
# whose address is not loopback, both ways, before it reaches a peer (a browser or the
# server's pre-flight peer). Chromium runs with --allow-loopback-in-peer-connection so it
# offers 127.0.0.1 at all, and without mDNS candidates (which would hide the address).
# That alone is not enough (Chromium pairs its eth0 candidate with the peer's 127.0.0.1
# one): conftest.loopback_network also runs the server and Chromium where only loopback
# exists. The filter stays as the check where namespaces are not allowed.

SIGNALING = re.compile(r"/codecall/api/(sessions/[^/?]+/channel|preflight)([?#]|$)")
SDP_CANDIDATE_LINE = re.compile(r"^a=candidate:\S+ \d+ \S+ \d+ (\S+) .*$(\r?\n)?", re.MULTILINE)


@dataclass
class CandidateLog:
    """What the signaling filter let through and dropped: candidate addresses."""

    passed: list[str] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)


CANDIDATES = CandidateLog()


def is_loopback(address: str) -> bool:
    try:
        return ipaddress.ip_address(address).is_loopback
    except ValueError:
        return False  # an mDNS name (xxxx.local) or anything else: not loopback


def _only_loopback_sdp(sdp: str) -> str:
    def keep(match: re.Match[str]) -> str:
        address = match.group(1)
        if is_loopback(address):
            CANDIDATES.passed.append(address)
            return match.group(0)
        CANDIDATES.dropped.append(address)
        return ""

    return SDP_CANDIDATE_LINE.sub(keep, sdp)


def only_loopback(message: str | bytes) -> str | bytes | None:
    """A signaling message with its non-loopback candidates removed; None to drop it."""
    if isinstance(message, bytes):
        return message
    try:
        parsed = json.loads(message)
    except ValueError:
        return message
    if not (isinstance(parsed, dict) and parsed.get("type") == "signal"):
        return message
    data = parsed.get("data")
    if not isinstance(data, dict):
        return message
    if parsed.get("kind") == "candidate" and isinstance(data.get("candidate"), str):
        fields = data["candidate"].split()
        if len(fields) < 5:  # "" is the end of candidates: nothing to connect to
            return message
        if not is_loopback(fields[4]):
            CANDIDATES.dropped.append(fields[4])
            return None
        CANDIDATES.passed.append(fields[4])
        return message
    if isinstance(data.get("sdp"), str):
        data["sdp"] = _only_loopback_sdp(data["sdp"])
        return json.dumps(parsed)
    return message


def loopback_signaling(page_side: Any) -> Any:
    """Connect a routed signaling socket to the server through the loopback filter, both
    ways; the server side (a test may close either side to cut the connection)."""
    server_side = page_side.connect_to_server()

    def to_server(message: str | bytes) -> None:
        filtered = only_loopback(message)
        if filtered is not None:
            server_side.send(filtered)

    def to_page(message: str | bytes) -> None:
        filtered = only_loopback(message)
        if filtered is not None:
            page_side.send(filtered)

    page_side.on_message(to_server)
    server_side.on_message(to_page)
    return server_side  # closing one side still closes the other (no on_close handler)


# Every RTCPeerConnection a page makes is kept, and its selected candidate pair read from
# getStats() as soon as ICE connects (the pre-flight check closes its own within a second).
RECORD_PEERS = """
(() => {
  const Native = window.RTCPeerConnection;
  if (!Native || window.__ccPairs) return;
  window.__ccPairs = [];
  window.__ccPeers = [];
  const address = c => c ? { address: c.address ?? c.ip, port: c.port, protocol: c.protocol,
                             type: c.candidateType } : null;
  async function selected(pc) {
    const stats = await pc.getStats();
    let pair = null;
    stats.forEach(s => {
      if (s.type === 'transport' && s.selectedCandidatePairId) {
        pair = stats.get(s.selectedCandidatePairId);
      }
    });
    if (!pair) return null;
    return { local: address(stats.get(pair.localCandidateId)),
             remote: address(stats.get(pair.remoteCandidateId)), state: pair.state };
  }
  window.__ccSelected = selected;
  class Recorded extends Native {
    constructor(...args) {
      super(...args);
      const entry = { labels: [], pair: null };
      this.__ccEntry = entry;
      window.__ccPairs.push(entry);
      window.__ccPeers.push(this);
      this.addEventListener('iceconnectionstatechange', async () => {
        if (this.iceConnectionState === 'connected' || this.iceConnectionState === 'completed') {
          try { entry.pair = (await selected(this)) ?? entry.pair; } catch (e) { }
        }
      });
    }
    createDataChannel(label, ...rest) {
      this.__ccEntry.labels.push(label);
      return super.createDataChannel(label, ...rest);
    }
  }
  window.RTCPeerConnection = Recorded;
})();
"""


def record_peer_connections(context: Any) -> None:
    """Keep every page's RTCPeerConnections and their selected candidate pairs."""
    context.add_init_script(RECORD_PEERS)


def selected_pairs(page: Any) -> list[dict[str, Any]]:
    """The selected candidate pair of each RTCPeerConnection the page made, as recorded
    when ICE connected: ``{"labels": [data channel labels], "pair": {"local": {...},
    "remote": {...}}}`` (addresses, ports, protocols, candidate types)."""
    return list(page.evaluate("() => window.__ccPairs ?? []"))


def live_pairs(page: Any) -> list[dict[str, Any]]:
    """The selected candidate pair, read now, of each of the page's connected
    RTCPeerConnections: ``{"labels": [...], "pair": {...}}``."""
    return list(
        page.evaluate(
            """async () => {
                const out = [];
                for (const pc of window.__ccPeers ?? []) {
                    if (pc.connectionState !== 'connected') continue;
                    out.push({ labels: pc.__ccEntry.labels, pair: await window.__ccSelected(pc) });
                }
                return out;
            }"""
        )
    )
