"""Friends and practice sessions, end to end in two real browsers.

Hana (the host) and Gabe (the guest) register through invites in two independent
browser profiles; Hana befriends Gabe in the CodeCall sidebar, creates a session
through the "New practice session" dialog inviting him, admits him from the waiting
room, and ends the session; Gabe accepts, joins from his invitations, waits, is let
in, and sees the end. A last test joins a password-protected session by its invite
link. The tests run in order and save screenshots 05-08 into docs/screenshots/.

The lab server (and its database) is shared with the other browser tests: the
usernames here are used nowhere else.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from lab_people import (
    Person,
    Steps,
    api,
    browsers_for,
    dismiss_toasts,
    open_sidebar,
    register,
    session_panel,
    wait_for_lab,
)

pytestmark = pytest.mark.browser


SESSION_TITLE = "Mock interview: graphs"
SESSION_DESCRIPTION = "Breadth-first search, then shortest paths. 45 minutes."
# The sidebar reloads every 10 s and a session panel every 3 s: allow a few beats.
SIDEBAR_WAIT_MS = 25_000
PANEL_WAIT_MS = 15_000
# What the server pushes (friend requests, invitations) shows within moments.
EVENT_WAIT_MS = 5_000


@dataclass
class Story(Steps):
    """What the tests of this module share, in order."""

    hana: Person
    gabe: Person
    session_id: str | None = None
    registered: bool = False
    friends: bool = False
    in_session: bool = False


@pytest.fixture(scope="module")
def story(new_context: Any, lab_server: Any) -> Iterator[Story]:
    hana = Person("hana", "Hana Host", "hana.host@example.org", lab_server)
    gabe = Person("gabe", "Gabe Guest", "gabe.guest@example.org", lab_server)
    with browsers_for(new_context, hana, gabe):
        yield Story(hana=hana, gabe=gabe)


# --- helpers ---------------------------------------------------------------------------


def wait_for_status(panel: Any, status: str, timeout: int = PANEL_WAIT_MS) -> None:
    panel.locator(f'.cc-SessionView[data-status="{status}"]').wait_for(
        state="visible", timeout=timeout
    )


def visible_dialogs(page: Any) -> list[str]:
    dialogs = page.locator(".jp-Dialog")
    return [
        " ".join(dialogs.nth(i).inner_text().split())
        for i in range(dialogs.count())
        if dialogs.nth(i).is_visible()
    ]


# --- the story ---------------------------------------------------------------------------


def test_host_and_guest_register(story: Story, lab_server: Any) -> None:
    for person in (story.hana, story.gabe):
        register(person, lab_server)
        page = person.page
        me = page.request.get(person.url("codecall/api/me")).json()
        assert me["username"] == person.username, me
    story.registered = True


def test_friend_request_sent_and_accepted_in_the_sidebar(story: Story, screenshots: Path) -> None:
    story.require("registered")
    hana, gabe = story.hana, story.gabe

    # Hana asks Gabe by username: the server answers 201, the sidebar says so.
    sidebar = open_sidebar(hana.page)
    friends = sidebar.locator(".cc-FriendsSection")
    friends.get_by_label("Add a friend").fill("gabe")
    friends.get_by_role("button", name="Send friend request").click()
    friends.get_by_role("status").filter(has_text="Request sent to Gabe Guest.").wait_for()
    outgoing = friends.get_by_role("list", name="Requests you sent")
    outgoing.locator('.cc-Person[data-username="gabe"]').wait_for()

    # Gabe hears of it at once, from the server (his sidebar is not even open): a
    # notification, well before any poll could have brought it.
    toast = gabe.page.locator(".Toastify__toast")
    toast.filter(has_text="Hana Host sent you a friend request").wait_for(timeout=EVENT_WAIT_MS)

    # Gabe sees the request in his own sidebar and accepts it.
    gabe_sidebar = open_sidebar(gabe.page)
    incoming = gabe_sidebar.get_by_role("list", name="Requests to you")
    incoming.locator('.cc-Person[data-username="hana"]').wait_for(timeout=SIDEBAR_WAIT_MS)
    gabe_sidebar.get_by_role("button", name="Accept the request from Hana Host").click()
    gabe_friends = gabe_sidebar.get_by_role("list", name="Your friends")
    gabe_friends.locator('.cc-Person[data-username="hana"]').wait_for()
    incoming.locator('.cc-Person[data-username="hana"]').wait_for(state="detached")
    hana.page.locator(".Toastify__toast").filter(
        has_text="Gabe Guest and you are now friends"
    ).wait_for(timeout=EVENT_WAIT_MS)

    # Hana also asks the owner (left pending), so her sidebar shows both lists.
    friends.get_by_label("Add a friend").fill("owner")
    friends.get_by_role("button", name="Send friend request").click()
    friends.get_by_role("status").filter(has_text="Request sent to Olive Owner.").wait_for()

    # Within a refresh Gabe is Hana's friend, shown online (a text label, not colour only).
    friend_list = friends.get_by_role("list", name="Your friends")
    gabe_row = friend_list.locator('.cc-Person[data-username="gabe"]')
    gabe_row.wait_for(timeout=SIDEBAR_WAIT_MS)
    assert gabe_row.locator(".cc-PresenceLabel").inner_text().strip() == "Online"
    assert outgoing.locator('.cc-Person[data-username="gabe"]').count() == 0
    outgoing.locator('.cc-Person[data-username="owner"]').wait_for()
    friends.scroll_into_view_if_needed()
    dismiss_toasts(hana.page)
    hana.page.wait_for_timeout(300)  # let the scroll settle
    hana.page.screenshot(path=str(screenshots / "05-friends.png"))
    story.friends = True


def test_host_creates_a_session_inviting_the_guest(story: Story, screenshots: Path) -> None:
    story.require("friends")
    page = story.hana.page
    sidebar = open_sidebar(page)
    sidebar.get_by_role("button", name="New practice session").click()
    dialog = page.locator(".jp-Dialog").filter(has_text="New practice session")
    dialog.wait_for(state="visible")
    dialog.get_by_label("Title").fill(SESSION_TITLE)
    dialog.get_by_label("Description (optional)").fill(SESSION_DESCRIPTION)
    # Every language this server runs is offered, by the name its runner gives it.
    language = dialog.get_by_label("Language")
    offered = language.locator("option").all_inner_texts()
    assert "Go" in offered, offered
    assert "SQL (SQLite)" in offered, offered
    assert len(offered) >= 10, offered
    language.select_option("python")
    dialog.get_by_label("Interview").check()
    dialog.get_by_label("Max participants").select_option("3")
    starts = (datetime.now() + timedelta(hours=1)).replace(second=0, microsecond=0)
    dialog.get_by_label("Scheduled start (optional)").fill(starts.strftime("%Y-%m-%dT%H:%M"))
    gabe_box = dialog.get_by_role("checkbox", name=re.compile("Gabe Guest"))
    gabe_box.check()
    assert (
        dialog.get_by_role("checkbox", name="Admit people without asking me").is_checked() is False
    )
    page.screenshot(path=str(screenshots / "06-new-session.png"))

    with page.expect_response(
        lambda r: (
            urlsplit(r.url).path.endswith("/codecall/api/sessions") and r.request.method == "POST"
        )
    ) as created:
        dialog.get_by_role("button", name="Create session").click()
    response = created.value
    assert response.status == 201, response.text()
    detail = response.json()
    assert detail["title"] == SESSION_TITLE
    assert detail["max_participants"] == 3
    assert detail["language"] == "python"
    assert detail["scheduled_at"] is not None
    assert detail["participants"][0]["is_host"] is True
    story.session_id = detail["id"]

    panel = session_panel(page, story.session_id)
    wait_for_status(panel, "WAITING")
    assert panel.locator(".cc-SessionHeader-title").inner_text().strip() == SESSION_TITLE
    tab = page.locator(".lm-DockPanel-tabBar .lm-TabBar-tab").filter(has_text=SESSION_TITLE)
    tab.wait_for(state="visible")
    assert panel.locator('.cc-Fact[data-fact="role"] dd').inner_text().strip() == "Interviewer"
    panel.get_by_role("heading", name="Waiting room").wait_for()
    assert panel.get_by_role("button", name="Copy invite link").is_visible()
    assert not visible_dialogs(page)


def test_guest_joins_from_his_invitations_and_waits(story: Story) -> None:
    story.require("friends")
    assert story.session_id, "the session was not created"
    page = story.gabe.page
    sidebar = open_sidebar(page)
    item = sidebar.locator(
        f'.cc-SessionList.cc-mod-invitation [data-session-id="{story.session_id}"]'
    )
    item.wait_for(timeout=SIDEBAR_WAIT_MS)
    assert "Hana Host invited you" in item.inner_text()
    item.get_by_role("button", name=f"Join {SESSION_TITLE}").click()

    panel = session_panel(page, story.session_id)
    notice = panel.locator('.cc-PlaceNotice[data-place="waiting"]')
    notice.wait_for()
    assert notice.inner_text().strip() == "Waiting for the host to let you in…"
    wait_for_status(panel, "WAITING")
    # The invitation became one of "My sessions", waiting.
    mine = sidebar.locator(f'.cc-SessionList.cc-mod-mine [data-session-id="{story.session_id}"]')
    mine.wait_for(timeout=SIDEBAR_WAIT_MS)
    assert "Waiting for the host to let you in" in mine.inner_text()


def test_host_admits_the_guest_from_the_waiting_room(story: Story, screenshots: Path) -> None:
    story.require("friends")
    assert story.session_id, "the session was not created"
    hana, gabe = story.hana, story.gabe
    host_panel = session_panel(hana.page, story.session_id)
    waiting_room = host_panel.locator(".cc-WaitingRoom")
    waiting_room.locator('.cc-Person[data-username="gabe"]').wait_for(timeout=PANEL_WAIT_MS)
    dismiss_toasts(hana.page)
    hana.page.screenshot(path=str(screenshots / "07-waiting-room.png"))

    waiting_room.get_by_role("button", name="Admit Gabe Guest").click()
    wait_for_status(host_panel, "ACTIVE")
    participants = host_panel.locator(".cc-Participants")
    gabe_row = participants.locator('.cc-Person[data-username="gabe"]')
    gabe_row.wait_for()
    assert gabe_row.locator(".cc-RoleBadge").get_attribute("data-role") == "candidate"
    assert waiting_room.get_by_text("Nobody is waiting.").is_visible()

    # Gabe's panel follows within a poll: active, and he is the candidate.
    guest_panel = session_panel(gabe.page, story.session_id)
    wait_for_status(guest_panel, "ACTIVE")
    guest_panel.locator('.cc-PlaceNotice[data-place="admitted"]').wait_for()
    assert guest_panel.locator('.cc-Fact[data-fact="role"] dd').inner_text().strip() == "Candidate"
    guest_panel.locator('.cc-Participants .cc-Person[data-username="hana"]').wait_for()

    # The host's activity log tells the story in words.
    log = host_panel.locator(".cc-ActivityLog")
    log.get_by_text("Gabe Guest joined", exact=True).wait_for(timeout=PANEL_WAIT_MS)
    log.get_by_text("Hana Host admitted Gabe Guest as candidate", exact=True).wait_for()
    lines = [" ".join(t.split()) for t in log.locator(".cc-ActivityLog-text").all_inner_texts()]
    assert lines[:2] == ["Hana Host created the session", "Hana Host invited Gabe Guest"], lines
    dismiss_toasts(hana.page)
    hana.page.screenshot(path=str(screenshots / "08-session-active.png"))
    story.in_session = True


def test_guest_layout_survives_a_reload(story: Story) -> None:
    """A member works in a JupyterLab workspace of their own, so a reload restores it."""
    story.require("in_session")
    assert story.session_id
    page = story.gabe.page
    assert "/lab/workspaces/codecall-gabe" in page.url
    # Admitted, his workspace laid itself out: the shared solution opened beside the panel.
    editor_tab = page.locator("#jp-main-dock-panel .lm-TabBar-tab").filter(has_text="solution.py")
    editor_tab.wait_for(timeout=PANEL_WAIT_MS)
    page.locator(".jp-FileEditor .cm-content").first.wait_for(timeout=PANEL_WAIT_MS)
    page.wait_for_timeout(1500)  # JupyterLab saves the layout shortly after a change
    page.reload()
    wait_for_lab(page)
    panel = session_panel(page, story.session_id)
    wait_for_status(panel, "ACTIVE")
    # The reload restored the editor once, not twice.
    assert editor_tab.count() == 1
    # The session's clock runs (m:ss since it started), one tick a second.
    timer = panel.get_by_role("timer")
    first = timer.inner_text()
    assert re.fullmatch(r"\d+:\d\d", first), first
    page.wait_for_function(
        "([node, first]) => node.textContent !== first",
        arg=[timer.element_handle(), first],
        timeout=5_000,
    )


def test_host_ends_the_session_and_the_guest_sees_it(story: Story) -> None:
    story.require("in_session")
    assert story.session_id
    hana, gabe = story.hana, story.gabe
    host_panel = session_panel(hana.page, story.session_id)
    host_panel.get_by_role("button", name="End session").click()
    confirm = hana.page.locator(".jp-Dialog").filter(has_text="End the session")
    confirm.wait_for(state="visible")
    confirm.get_by_role("button", name="End session").click()
    confirm.wait_for(state="detached")
    wait_for_status(host_panel, "ENDED")
    assert host_panel.locator('.cc-PlaceNotice[data-place="ended"]').inner_text().strip() == (
        "You ended this session."
    )

    guest_panel = session_panel(gabe.page, story.session_id)
    wait_for_status(guest_panel, "ENDED")
    notice = guest_panel.locator('.cc-PlaceNotice[data-place="ended"]')
    assert notice.inner_text().strip() == "The host ended this session."
    # The clock stops at how long the session lasted.
    timer = guest_panel.get_by_role("timer")
    assert timer.get_attribute("aria-label", timeout=5_000).startswith("The session lasted ")
    # The ended session leaves both sidebars' "My sessions".
    for person in (hana, gabe):
        sidebar = open_sidebar(person.page)
        sidebar.locator(
            f'.cc-SessionList.cc-mod-mine [data-session-id="{story.session_id}"]'
        ).wait_for(state="detached", timeout=SIDEBAR_WAIT_MS)


def test_guest_joins_by_invite_link_with_the_session_password(story: Story) -> None:
    story.require("friends")
    hana, gabe = story.hana, story.gabe
    status, session = api(
        hana,
        "POST",
        "codecall/api/sessions",
        {"title": "Linked practice", "password": "open sesame", "mode": "peer"},
    )
    assert status == 201, session
    assert session["invite_url"].startswith("/lab?codecall-join="), session["invite_url"]
    try:
        page = gabe.page
        page.goto(gabe.url(session["invite_url"]))
        wait_for_lab(page)
        # The token leaves the address at once: a reload does not join again.
        assert "codecall-join" not in page.url, page.url
        prompt = page.locator(".jp-Dialog").filter(has_text="Session password")
        prompt.wait_for(state="visible")
        prompt.locator("input").fill("open sesame")
        prompt.get_by_role("button", name="Join").click()
        panel = session_panel(page, session["id"])
        panel.locator('.cc-PlaceNotice[data-place="waiting"]').wait_for()
        assert panel.locator(".cc-SessionHeader-title").inner_text().strip() == "Linked practice"
    finally:
        status, _ = api(hana, "DELETE", f"codecall/api/sessions/{session['id']}")
        assert status == 204, status
    # Deleted under him: the guest's panel says so instead of an error dialog.
    panel.locator('.cc-PlaceNotice[data-place="gone"]').wait_for(timeout=PANEL_WAIT_MS)
    assert not visible_dialogs(page)
