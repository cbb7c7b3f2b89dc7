"""Snapshots and the session replay, end to end in two real browsers.

Rosa (the host) and Cody (the candidate) register through invites in two browser profiles;
Rosa creates a session and admits Cody. Both open the session's ``solution.py`` in
JupyterLab's editor (a collaborative room) and type a line into it. Rosa saves the
snapshot "first try" from the session panel's Snapshots card, types another line, and
"Compare with now" shows that line as added, in a diff rendered as text. Rosa restores the
snapshot after a confirmation: Cody's editor loses the later line. Rosa ends the session;
Cody opens its replay from his session panel, moves the scrubber to the start (nothing
typed yet) and to the end (the restored code), and the timeline carries markers for the
activity (the snapshot, the restore, the end). The tests run in order and save
docs/screenshots/11-snapshots.png and 12-replay.png.

The lab server is shared with the other browser tests: the usernames here are used
nowhere else.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from lab_people import (
    Person,
    Steps,
    browsers_for,
    create_session,
    dismiss_toasts,
    join_and_admit,
    register,
    session_panel,
)

pytestmark = pytest.mark.browser

SESSION_TITLE = "Mock interview: two sums"
WAIT_MS = 20_000
CANDIDATE_LINE = "# cody was here"
SAVED_LINE = "# rosa: first try"
LATER_LINE = "# rosa: a later idea <b>bold</b>"
SNAPSHOT = "first try"


@dataclass
class Story(Steps):
    host: Person
    guest: Person
    session_id: str | None = None
    in_session: bool = False
    typed: bool = False
    restored: bool = False
    ended: bool = False


@pytest.fixture(scope="module")
def story(new_context: Any, lab_server: Any) -> Iterator[Story]:
    host = Person("rosa", "Rosa Replay", "rosa.replay@example.org", lab_server)
    guest = Person("cody", "Cody Candidate", "cody.candidate@example.org", lab_server)
    with browsers_for(new_context, host, guest):
        yield Story(host=host, guest=guest)


# --- helpers ---------------------------------------------------------------------------


def show_tab(page: Any, widget_id: str) -> None:
    page.locator(f'#jp-main-dock-panel .lm-TabBar-tab[data-id="{widget_id}"]').click()


def open_solution(person: Person, session_id: str) -> Any:
    """Open the session's solution.py with "Open from Path…" in the command palette."""
    page = person.page
    page.keyboard.press("Control+Shift+C")
    palette = page.locator("#command-palette")
    palette.wait_for(state="visible")
    palette.locator("input").fill("Open from Path")
    palette.locator(".lm-CommandPalette-item").filter(has_text="Open from Path").first.click()
    dialog = page.locator(".jp-Dialog")
    dialog.wait_for(state="visible")
    dialog.locator("input").fill(f"codecall-sessions/{session_id}/solution.py")
    dialog.locator("input").press("Enter")
    editor = page.locator(".jp-FileEditor .cm-content").first
    editor.wait_for(state="visible", timeout=WAIT_MS)
    return editor


def type_first_line(page: Any, text: str) -> None:
    editor = page.locator(".jp-FileEditor .cm-content").first
    editor.click()
    page.keyboard.press("Control+Home")
    page.keyboard.type(text)
    page.keyboard.press("Enter")


def wait_for_editor(page: Any, present: list[str], absent: list[str] | None = None) -> None:
    page.wait_for_function(
        """([present, absent]) => {
            const node = document.querySelector('.jp-FileEditor .cm-content');
            if (!node) { return false; }
            const text = Array.from(node.querySelectorAll('.cm-line'))
                .map(line => line.textContent).join('\\n');
            return present.every(p => text.includes(p)) && absent.every(a => !text.includes(a));
        }""",
        arg=[present, absent or []],
        timeout=WAIT_MS,
    )


def show_editor(page: Any) -> None:
    editor_id = page.locator(".jp-FileEditor").first.evaluate(
        "node => node.closest('.jp-MainAreaWidget').id"
    )
    show_tab(page, editor_id)


def snapshots_card(page: Any, session_id: str) -> Any:
    show_tab(page, f"codecall-session-{session_id}")
    card = session_panel(page, session_id).locator(".cc-Snapshots")
    card.wait_for(state="visible", timeout=WAIT_MS)
    return card


# --- the story ---------------------------------------------------------------------------


def test_host_and_guest_register(story: Story, lab_server: Any) -> None:
    for person in (story.host, story.guest):
        register(person, lab_server)


def test_host_creates_a_session_and_admits_the_guest(story: Story) -> None:
    host, guest = story.host, story.guest
    session = create_session(host.page, SESSION_TITLE, "python")
    story.session_id = session["id"]
    join_and_admit(host, guest, session, WAIT_MS)
    # Both may save snapshots: the card offers the form to both, and no snapshot yet.
    for person in (host, guest):
        card = snapshots_card(person.page, story.session_id)
        card.get_by_label("Snapshot name").wait_for()
        card.get_by_text("No snapshot yet").wait_for()
    story.in_session = True


def test_both_type_in_the_shared_solution(story: Story) -> None:
    story.require("in_session")
    assert story.session_id
    host, guest = story.host.page, story.guest.page
    open_solution(story.guest, story.session_id)
    open_solution(story.host, story.session_id)
    type_first_line(guest, CANDIDATE_LINE)
    wait_for_editor(host, [CANDIDATE_LINE])
    type_first_line(host, SAVED_LINE)
    wait_for_editor(guest, [SAVED_LINE, CANDIDATE_LINE])
    story.typed = True


def test_each_sees_the_others_named_cursor_and_undo_takes_back_only_ones_own_edit(
    story: Story,
) -> None:
    story.require("typed")
    host, guest = story.host.page, story.guest.page
    # Each editor shows the other's cursor; pointing at it shows their name (awareness).
    for page, other in ((host, "Cody Candidate"), (guest, "Rosa Replay")):
        cursor = page.locator(".jp-FileEditor .jp-remote-cursor").first
        cursor.wait_for(state="attached", timeout=WAIT_MS)
        cursor.hover(force=True)
        flag = page.locator(".jp-remote-userFlag-name").filter(has_text=other)
        flag.first.wait_for(state="attached", timeout=WAIT_MS)

    # Rosa's undo takes back Rosa's line, in both browsers, and leaves Cody's.
    editor = host.locator(".jp-FileEditor .cm-content").first
    editor.click()
    host.keyboard.press("Control+z")
    wait_for_editor(host, [CANDIDATE_LINE], [SAVED_LINE])
    wait_for_editor(guest, [CANDIDATE_LINE], [SAVED_LINE])
    # And redo brings it back for everyone (the rest of the story needs it).
    host.keyboard.press("Control+Shift+z")
    wait_for_editor(guest, [SAVED_LINE, CANDIDATE_LINE])
    wait_for_editor(host, [SAVED_LINE, CANDIDATE_LINE])


def test_host_saves_a_snapshot_and_compares_it_with_now(story: Story, screenshots: Path) -> None:
    story.require("typed")
    assert story.session_id
    page = story.host.page
    card = snapshots_card(page, story.session_id)
    name = card.get_by_label("Snapshot name")
    name.fill(SNAPSHOT)
    with page.expect_response(
        lambda r: urlsplit(r.url).path.endswith("/snapshots") and r.request.method == "POST"
    ) as saved:
        name.press("Enter")  # Enter submits
    assert saved.value.status == 201, saved.value.text()
    item = card.locator(f'.cc-Snapshots-item[data-name="{SNAPSHOT}"]')
    item.wait_for(timeout=WAIT_MS)
    assert "by you" in item.inner_text()
    assert name.input_value() == ""
    # Cody's panel lists it too, with Rosa's name.
    guest_item = snapshots_card(story.guest.page, story.session_id).locator(
        f'.cc-Snapshots-item[data-name="{SNAPSHOT}"]'
    )
    guest_item.wait_for(timeout=WAIT_MS)
    assert "Rosa Replay" in guest_item.inner_text()

    # Rosa goes on typing; the diff against the snapshot shows her new line.
    show_editor(page)
    type_first_line(page, LATER_LINE)
    wait_for_editor(story.guest.page, [LATER_LINE])
    card = snapshots_card(page, story.session_id)
    item.get_by_role("button", name=f"Compare “{SNAPSHOT}” with now").click()
    diff = card.locator(".cc-SnapshotDiff")
    diff.wait_for(timeout=WAIT_MS)
    title = diff.locator(".cc-SnapshotDiff-title").inner_text()
    assert title == f"Changes from “{SNAPSHOT}” to now"
    changed = diff.locator('.cc-SnapshotDiff-file[data-path="solution.py"]')
    assert changed.get_attribute("data-status") == "changed"
    added = [t.strip() for t in changed.locator('.cc-Diff-line[data-kind="add"]').all_inner_texts()]
    assert added == [f"+{LATER_LINE}"]
    # The diff is text: the markup typed into the code is not an element.
    assert diff.locator("b").count() == 0
    dismiss_toasts(page)
    card.scroll_into_view_if_needed()
    diff.scroll_into_view_if_needed()
    page.mouse.move(0, 0)
    page.screenshot(path=str(screenshots / "11-snapshots.png"))


def test_host_restores_the_snapshot_for_everyone(story: Story) -> None:
    story.require("typed")
    assert story.session_id
    page = story.host.page
    card = snapshots_card(page, story.session_id)
    item = card.locator(f'.cc-Snapshots-item[data-name="{SNAPSHOT}"]')
    item.get_by_role("button", name=f"Restore “{SNAPSHOT}”").click()
    confirm = page.locator(".jp-Dialog").filter(has_text=f"Restore “{SNAPSHOT}”")
    confirm.wait_for(state="visible")
    with page.expect_response(
        lambda r: urlsplit(r.url).path.endswith("/restore") and r.request.method == "POST"
    ) as restored:
        confirm.get_by_role("button", name="Restore", exact=True).click()
    assert restored.value.status == 200, restored.value.text()
    backup = restored.value.json()["backup"]["name"]
    # Cody's editor shows the restored code: the later line is gone.
    wait_for_editor(story.guest.page, [SAVED_LINE, CANDIDATE_LINE], [LATER_LINE])
    wait_for_editor(page, [SAVED_LINE, CANDIDATE_LINE], [LATER_LINE])
    # The backup of the code before is listed, and the diff was closed.
    card.locator(f'.cc-Snapshots-item[data-name="{backup}"]').wait_for(timeout=WAIT_MS)
    assert card.locator(".cc-SnapshotDiff").count() == 0
    story.restored = True


def test_interviewer_opens_notes_and_scores_the_candidate(story: Story, screenshots: Path) -> None:
    story.require("restored")
    assert story.session_id
    page, guest = story.host.page, story.guest.page
    panel = session_panel(page, story.session_id)
    # Private notes: the interviewer's, never the candidate's.
    with page.expect_response(
        lambda r: urlsplit(r.url).path.endswith("/notes") and r.request.method == "POST"
    ) as made:
        panel.get_by_role("button", name="Notes", exact=True).click()
    assert made.value.status == 200, made.value.text()
    notes_path = made.value.json()["path"]
    name = notes_path.rsplit("/", 1)[-1]
    page.locator("#jp-main-dock-panel .lm-TabBar-tab").filter(has_text=name).wait_for(
        timeout=WAIT_MS
    )
    show_tab(page, f"codecall-session-{story.session_id}")
    guest_panel = session_panel(guest, story.session_id)
    guest_panel.get_by_role("button", name="Replay", exact=True).wait_for()
    assert guest_panel.get_by_role("button", name="Notes", exact=True).count() == 0
    assert guest_panel.locator(".cc-FeedbackCard").count() == 0

    # The scorecard: a draft first, then submitted and read only.
    card = panel.locator(".cc-FeedbackCard.cc-mod-scorecard")
    card.wait_for(timeout=WAIT_MS)
    submit = card.get_by_role("button", name="Submit", exact=True)
    assert submit.is_disabled()
    for criterion, rating in (
        ("problem_solving", "3"),
        ("coding", "4 (strong)"),
        ("communication", "3"),
        ("testing", "2"),
    ):
        card.locator(f'[data-criterion="{criterion}"]').get_by_label(rating, exact=True).check()
    card.get_by_label("Verdict").select_option("yes")
    card.get_by_label("Notes for the decision").fill("Clear thinking; <i>tests</i> came late.")
    with page.expect_response(
        lambda r: urlsplit(r.url).path.endswith("/scorecard") and r.request.method == "PUT"
    ) as drafted:
        card.get_by_role("button", name="Save draft").click()
    assert drafted.value.status == 200, drafted.value.text()
    card.get_by_role("button", name="Submit", exact=True).click()
    confirm = page.locator(".jp-Dialog").filter(has_text="Submit the scorecard")
    confirm.wait_for(state="visible")
    with page.expect_response(
        lambda r: urlsplit(r.url).path.endswith("/scorecard/submit")
    ) as submitted:
        confirm.get_by_role("button", name="Submit", exact=True).click()
    assert submitted.value.status == 200, submitted.value.text()
    assert submitted.value.json()["mine"]["ratings"] == {
        "problem_solving": 3,
        "coding": 4,
        "communication": 3,
        "testing": 2,
    }
    page.locator('.cc-FeedbackCard.cc-mod-scorecard[data-submitted="true"]').wait_for(
        timeout=WAIT_MS
    )
    assert card.get_by_role("button", name="Save draft").count() == 0
    assert card.locator('[data-criterion="coding"]').get_by_label("4 (strong)").is_disabled()
    assert card.get_by_label("Notes for the decision").input_value() == (
        "Clear thinking; <i>tests</i> came late."
    )
    card.scroll_into_view_if_needed()
    dismiss_toasts(page)
    page.mouse.move(0, 0)
    page.screenshot(path=str(screenshots / "13-scorecard.png"))


def test_host_ends_the_session(story: Story) -> None:
    story.require("restored")
    assert story.session_id
    page = story.host.page
    panel = session_panel(page, story.session_id)
    panel.get_by_role("button", name="End session").click()
    confirm = page.locator(".jp-Dialog").filter(has_text="End the session")
    confirm.wait_for(state="visible")
    confirm.get_by_role("button", name="End session").click()
    panel.locator('.cc-PlaceNotice[data-place="ended"]').wait_for(timeout=WAIT_MS)
    guest_panel = session_panel(story.guest.page, story.session_id)
    show_tab(story.guest.page, f"codecall-session-{story.session_id}")
    guest_panel.locator('.cc-PlaceNotice[data-place="ended"]').wait_for(timeout=WAIT_MS)
    # Once ended, snapshots are read only: listed, compared, never saved nor restored.
    card = snapshots_card(story.guest.page, story.session_id)
    card.locator(f'.cc-Snapshots-item[data-name="{SNAPSHOT}"]').wait_for()
    assert card.get_by_label("Snapshot name").count() == 0
    assert card.get_by_role("button", name=f"Restore “{SNAPSHOT}”").count() == 0
    story.ended = True


def test_feedback_after_the_session(story: Story) -> None:
    story.require("ended")
    assert story.session_id
    guest, host = story.guest.page, story.host.page
    card = session_panel(guest, story.session_id).locator(".cc-FeedbackCard.cc-mod-feedback")
    card.wait_for(timeout=WAIT_MS)
    for criterion in ("problem_solving", "coding", "communication", "testing"):
        card.locator(f'[data-criterion="{criterion}"]').get_by_label("3", exact=True).check()
    card.get_by_label("Verdict").select_option("strong_yes")
    card.get_by_label("What went well, what to work on").fill("Kind <b>hints</b>, good pace.")
    card.get_by_role("button", name="Submit", exact=True).click()
    confirm = guest.locator(".jp-Dialog").filter(has_text="Submit the feedback")
    confirm.wait_for(state="visible")
    confirm.get_by_role("button", name="Submit", exact=True).click()
    guest.locator('.cc-FeedbackCard.cc-mod-feedback[data-submitted="true"]').wait_for(
        timeout=WAIT_MS
    )
    # The session has ended: Rosa sees Cody's feedback about her, as text.
    show_tab(host, f"codecall-session-{story.session_id}")
    received = session_panel(host, story.session_id).locator(
        '.cc-FeedbackCard.cc-mod-feedback .cc-FeedbackEntry[data-author="cody"]'
    )
    received.wait_for(timeout=WAIT_MS)
    assert "Kind <b>hints</b>, good pace." in received.inner_text()
    assert received.locator("b").count() == 0


def test_candidate_replays_the_ended_session(story: Story, screenshots: Path) -> None:
    story.require("ended")
    assert story.session_id
    page = story.guest.page
    panel = session_panel(page, story.session_id)
    panel.get_by_role("button", name="Replay", exact=True).click()
    replay = page.locator(f"#codecall-replay-{story.session_id}")
    replay.wait_for(state="visible", timeout=WAIT_MS)
    document = replay.get_by_label("Document")
    document.wait_for(timeout=WAIT_MS)
    assert document.locator("option:checked").inner_text() == "solution.py"
    scrubber = replay.get_by_label("Moment of the replay")

    # The start: nobody had typed yet.
    scrubber.focus()
    scrubber.press("Home")
    assert scrubber.input_value() == "0"
    page.wait_for_function(
        """node => {
            const code = node.querySelector('.cc-ReplayCode');
            const hint = node.querySelector('.cc-ReplayDocument [role=status]');
            const doc = node.querySelector('.cc-ReplayDocument');
            return doc && doc.dataset.status === 'ready' && (
                (code && !code.textContent.includes('cody was here')) ||
                (!code && hint && hint.textContent.includes('Nobody had edited')));
        }""",
        arg=replay.element_handle(),
        timeout=WAIT_MS,
    )

    # The end: the restored code, without the line the restore took back.
    scrubber.press("End")
    code = replay.locator(".cc-ReplayCode")
    page.wait_for_function(
        """([node, present, absent]) => {
            const code = node.querySelector('.cc-ReplayCode');
            return code && present.every(p => code.textContent.includes(p))
                && !code.textContent.includes(absent);
        }""",
        arg=[replay.element_handle(), [SAVED_LINE, CANDIDATE_LINE], LATER_LINE],
        timeout=WAIT_MS,
    )
    assert code.locator("b").count() == 0

    # Markers: the activity is on the timeline, each a labelled button.
    markers = replay.locator('.cc-Replay-marker[data-kind="event"]')
    titles = [markers.nth(i).get_attribute("title") or "" for i in range(markers.count())]
    assert any(f"Rosa Replay saved the snapshot “{SNAPSHOT}”" in t for t in titles), titles
    assert any(f"Rosa Replay restored the snapshot “{SNAPSHOT}”" in t for t in titles), titles
    assert any("Rosa Replay ended the session" in t for t in titles), titles

    # A marker takes the player to its moment: the one of the later line's diff is gone,
    # but the snapshot's shows the code as it was saved.
    saved_marker = next(i for i, t in enumerate(titles) if f"saved the snapshot “{SNAPSHOT}”" in t)
    markers.nth(saved_marker).focus()
    markers.nth(saved_marker).press("Enter")
    page.wait_for_function(
        """([node, present]) => {
            const code = node.querySelector('.cc-ReplayCode');
            return code && present.every(p => code.textContent.includes(p));
        }""",
        arg=[replay.element_handle(), [SAVED_LINE, CANDIDATE_LINE]],
        timeout=WAIT_MS,
    )
    assert float(scrubber.input_value()) > 0

    # Play at 32x runs to the end and stops there.
    replay.get_by_label("Speed").select_option("32")
    replay.get_by_role("button", name="Play", exact=True).click()
    player = replay.locator(".cc-Replay")
    player.and_(page.locator('[data-playing="true"]')).wait_for(timeout=WAIT_MS)
    player.and_(page.locator('[data-playing="false"]')).wait_for(timeout=WAIT_MS)
    assert float(scrubber.input_value()) == pytest.approx(float(scrubber.get_attribute("max")))
    page.mouse.move(0, 0)
    page.screenshot(path=str(screenshots / "12-replay.png"))
