"""The session whiteboard, end to end in two real browsers.

Wren (the host) and Cole (the candidate) register through invites in two browser
profiles; Wren creates a session and admits Cole. Both open the session's whiteboard from
the session panel's toolbar (``codecall-sessions/<id>/whiteboard.whiteboard``, made with
the session). Wren draws a freehand stroke, a rectangle and a text whose characters look
like markup; Cole's board shows all three. Cole draws an ellipse, then Wren a line: each
sees the other's. Cole presses Undo: only Cole's own ellipse goes, on both boards, though
Wren's line came after it, and Redo brings it back. Cole exports the board as SVG (the
text escaped) and PNG. Wren moves the rectangle and colours it red, and takes back each
change with its own Undo (the saved file follows every step). The tests run in order and
save docs/screenshots/10-whiteboard.png.

The boards expose what they hold on their root node: ``data-element-count`` and
``data-elements`` ("kind:author" in stacking order). The lab server is shared with the
other browser tests: the usernames here are used nowhere else.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from lab_people import (
    Person,
    Steps,
    browsers_for,
    create_session,
    join_and_admit,
    register,
    session_panel,
)

pytestmark = pytest.mark.browser

SESSION_TITLE = "Design: a URL shortener"
WAIT_MS = 15_000
MARKUP = "Cache <b>here</b>"


@dataclass
class Story(Steps):
    host: Person
    guest: Person
    session_id: str | None = None
    in_session: bool = False
    drawn: bool = False
    both_drew: bool = False


@pytest.fixture(scope="module")
def story(new_context: Any, lab_server: Any) -> Iterator[Story]:
    host = Person("wren", "Wren Whiteboard", "wren.whiteboard@example.org", lab_server)
    guest = Person("cole", "Cole Candidate", "cole.candidate@example.org", lab_server)
    with browsers_for(new_context, host, guest):
        yield Story(host=host, guest=guest)


# --- helpers ---------------------------------------------------------------------------


def board(page: Any) -> Any:
    node = page.locator(".cc-Whiteboard")
    node.wait_for(state="visible", timeout=WAIT_MS)
    return node


def wait_for_elements(page: Any, count: int) -> None:
    page.wait_for_selector(f'.cc-Whiteboard[data-element-count="{count}"]', timeout=WAIT_MS)


def elements(page: Any) -> list[str]:
    return (board(page).get_attribute("data-elements") or "").split()


def open_whiteboard(person: Person, session_id: str) -> Any:
    panel = session_panel(person.page, session_id)
    panel.locator('.jp-Toolbar [data-command="codecall:open-whiteboard"]').click()
    return board(person.page)


def tool(page: Any, label: str) -> None:
    button = board(page).get_by_role("button", name=label, exact=True)
    button.click()
    assert button.get_attribute("aria-pressed") == "true"


def drag(page: Any, points: list[tuple[float, float]]) -> None:
    """Press at the first point of the stage, move through the others, release."""
    box = board(page).locator(".cc-Whiteboard-stage").bounding_box()
    (x0, y0), rest = points[0], points[1:]
    page.mouse.move(box["x"] + x0, box["y"] + y0)
    page.mouse.down()
    for x, y in rest:
        page.mouse.move(box["x"] + x, box["y"] + y, steps=4)
    page.mouse.up()


def click_stage(page: Any, x: float, y: float) -> None:
    box = board(page).locator(".cc-Whiteboard-stage").bounding_box()
    page.mouse.click(box["x"] + x, box["y"] + y)


# --- the story ---------------------------------------------------------------------------


def test_host_and_guest_register(story: Story, lab_server: Any) -> None:
    for person in (story.host, story.guest):
        register(person, lab_server)


def test_host_creates_a_session_and_admits_the_guest(story: Story) -> None:
    host, guest = story.host, story.guest
    session = create_session(host.page, SESSION_TITLE)
    story.session_id = session["id"]
    join_and_admit(host, guest, session, WAIT_MS)
    story.in_session = True


def test_host_draws_and_the_guest_sees_it(story: Story, lab_server: Any) -> None:
    story.require("in_session")
    assert story.session_id
    host, guest = story.host.page, story.guest.page
    open_whiteboard(story.host, story.session_id)
    wait_for_elements(host, 0)
    # The session's board is a collaborative document: a whiteboard room, not the REST API.
    assert board(host).get_attribute("data-read-only") == "false"

    tool(host, "Pen")
    drag(host, [(80, 80), (110, 120), (150, 100), (190, 140), (230, 90)])
    wait_for_elements(host, 1)
    tool(host, "Rectangle")
    drag(host, [(280, 80), (420, 180)])
    wait_for_elements(host, 2)
    tool(host, "Text")
    click_stage(host, 90, 220)
    editor = board(host).locator("textarea.cc-Whiteboard-editor")
    editor.wait_for(state="visible")
    editor.fill(MARKUP)
    editor.press("Enter")
    wait_for_elements(host, 3)
    assert elements(host) == ["stroke:wren", "rect:wren", "text:wren"]

    open_whiteboard(story.guest, story.session_id)
    wait_for_elements(guest, 3)
    assert elements(guest) == ["stroke:wren", "rect:wren", "text:wren"]
    # Text is drawn on the canvas: nothing typed became markup on either page.
    for page in (host, guest):
        assert page.locator(".cc-Whiteboard b").count() == 0

    # The file on disk is the board as JSON, saved by the server.
    path = lab_server.root / "codecall-sessions" / story.session_id / "whiteboard.whiteboard"
    deadline_checks = 50
    while deadline_checks:
        data = json.loads(path.read_text())
        if len(data["elements"]) == 3:
            break
        host.wait_for_timeout(200)
        deadline_checks -= 1
    assert [e["kind"] for e in data["elements"]] == ["stroke", "rect", "text"]
    assert data["elements"][2]["text"] == MARKUP
    story.drawn = True


def test_each_sees_the_others_drawing(story: Story) -> None:
    story.require("drawn")
    host, guest = story.host.page, story.guest.page
    tool(guest, "Ellipse")
    drag(guest, [(460, 220), (600, 320)])
    wait_for_elements(host, 4)
    tool(host, "Line")
    drag(host, [(100, 340), (400, 360)])
    wait_for_elements(guest, 5)
    expected = ["stroke:wren", "rect:wren", "text:wren", "ellipse:cole", "line:wren"]
    assert elements(host) == elements(guest) == expected
    story.both_drew = True


def test_undo_takes_back_only_ones_own_drawing(story: Story, screenshots: Path) -> None:
    story.require("both_drew")
    host, guest = story.host.page, story.guest.page
    board(guest).get_by_role("button", name="Undo", exact=True).click()
    wait_for_elements(guest, 4)
    wait_for_elements(host, 4)
    expected = ["stroke:wren", "rect:wren", "text:wren", "line:wren"]
    assert elements(host) == elements(guest) == expected
    # Only the host may clear the board.
    assert board(host).get_by_role("button", name="Clear the board").is_visible()
    assert not board(guest).get_by_role("button", name="Clear the board").is_visible()
    # Redo brings the ellipse back for everyone.
    board(guest).get_by_role("button", name="Redo", exact=True).click()
    wait_for_elements(host, 5)
    host.mouse.move(0, 0)
    host.screenshot(path=str(screenshots / "10-whiteboard.png"))


def test_the_board_exports_as_svg_and_png(story: Story) -> None:
    story.require("both_drew")
    page = story.guest.page
    with page.expect_download() as svg_download:
        board(page).get_by_role("button", name="Export as SVG").click()
    assert svg_download.value.suggested_filename == "whiteboard.svg"
    svg = Path(svg_download.value.path()).read_text()
    assert svg.startswith("<svg")
    assert svg.count("<path") == 2  # the stroke and the line
    assert "<rect" in svg
    assert "<ellipse" in svg
    # The text is a text node: its markup-like characters are escaped.
    assert "Cache &lt;b&gt;here&lt;/b&gt;" in svg
    assert "<b>" not in svg
    with page.expect_download() as png_download:
        board(page).get_by_role("button", name="Export as PNG").click()
    assert png_download.value.suggested_filename == "whiteboard.png"
    assert Path(png_download.value.path()).read_bytes().startswith(b"\x89PNG")


def on_disk(lab_server: Any, session_id: str, holds: Any) -> dict[str, Any]:
    """The board the server saved, once ``holds(its rectangle)``."""
    path = lab_server.root / "codecall-sessions" / session_id / "whiteboard.whiteboard"
    rect: dict[str, Any] = {}
    for _ in range(75):
        data = json.loads(path.read_text())
        rect = next(e for e in data["elements"] if e["kind"] == "rect")
        if holds(rect):
            return rect
        time.sleep(0.2)
    raise AssertionError(f"the saved rectangle is still {rect}")


def test_moving_and_recolouring_reach_everyone_and_undo_in_steps(
    story: Story, lab_server: Any
) -> None:
    story.require("both_drew")
    assert story.session_id
    host, guest = story.host.page, story.guest.page
    before = on_disk(lab_server, story.session_id, lambda rect: True)
    tool(host, "Select and move")
    drag(host, [(280, 130), (305, 150), (330, 170)])  # by the rectangle's left edge
    moved = on_disk(lab_server, story.session_id, lambda rect: rect["x"] != before["x"])
    assert (moved["x"] - before["x"], moved["y"] - before["y"]) == (50, 40)
    # The rectangle is still selected: a colour applies to it, as a second change.
    board(host).get_by_role("button", name="Colour: Red", exact=True).click()
    on_disk(lab_server, story.session_id, lambda rect: rect.get("color") == "#e53935")
    assert elements(guest) == elements(host)  # nothing added or lost on either board

    # Each change is one undo step: the colour goes first, then the move.
    board(host).get_by_role("button", name="Undo", exact=True).click()
    recoloured_back = on_disk(
        lab_server, story.session_id, lambda rect: rect.get("color") == before.get("color")
    )
    assert recoloured_back["x"] == moved["x"]
    board(host).get_by_role("button", name="Undo", exact=True).click()
    back = on_disk(lab_server, story.session_id, lambda rect: rect["x"] == before["x"])
    assert back == before
