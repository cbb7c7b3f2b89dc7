"""Hostile strings everywhere a person can type one, in two real browsers: none runs.

Mallory (the attacker) registers with a display name that is an ``<img onerror>``; Vera
(the victim) registers normally. Mallory creates a session whose title breaks out of an
attribute and carries ``<svg onload>`` and ``<script>``, gives it a description full of
``javascript:`` links and remote images in HTML and Markdown, and Vera joins; Mallory
admits her. Mallory then puts payloads into the chat, into a program's stdout and stderr,
into a snapshot's name and into her feedback, and sends Vera a friend request. Vera looks
at every place they show: the friend request in her sidebar and its notification, the
session panel's header and people, the chat, the run console and its history, the
snapshots, the feedback about her, the replay, and her past sessions in My progress.

Every payload bumps ``window.__xss`` if it runs, and points at ``evil.example`` if it
loads: the last test asserts, in both browsers, that ``window.__xss`` stayed unset, that
no injected element or attribute is in the DOM (``img[src="x"]``, ``on*`` attributes,
``javascript:`` links, scripts inside CodeCall's widgets) and that no request left for
the attacker's host (a ``request`` listener, which sees a request even though the test
profiles abort everything not bound for 127.0.0.1). Each place also shows the payload as
text, so the test would notice the string being dropped instead of escaped.

Not here, and why: whiteboard text is drawn on a canvas with ``fillText`` and exported
to SVG as text nodes (test_whiteboard_browser.py types markup into a text element);
problem statements and hints go through JupyterLab's sanitizing Markdown renderer
(test_problems_browser.py saves a statement with an ``<img onerror>``; saving a problem
proves it in the sandbox first, minutes this story does not need to spend).

The lab server is shared with the other browser tests: the usernames here are used
nowhere else.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

import pytest
from lab_people import (
    Person,
    Steps,
    api,
    browsers_for,
    create_session,
    join_and_admit,
    open_sidebar,
    register,
    session_panel,
)

pytestmark = pytest.mark.browser

WAIT_MS = 15_000
# The first run may wait for a kernel to start in the sandbox.
RUN_WAIT_MS = 90_000
EVIL = "evil.example"
BUMP = "window.__xss=(window.__xss||0)+1"

# A display name is at most 80 characters.
NAME = f"<img src=x onerror={BUMP}>"
# A title is at most 120: an attribute breaker, an SVG handler and a script.
TITLE = f'"><svg onload={BUMP}><script>{BUMP}</script>'
INVITE_TITLE = f"<a href=javascript:{BUMP}>invite</a><img src=x onerror={BUMP}>"
DESCRIPTION = (
    f"<script>{BUMP}</script> <img src=https://{EVIL}/d.png onerror={BUMP}> "
    f'<a href="javascript:{BUMP}">html link</a> [md link](javascript:{BUMP}) '
    f'![md image](https://{EVIL}/md.png) "><iframe src=javascript:{BUMP}>'
)
CHAT = (
    f"chat: <img src=x onerror={BUMP}> <script>{BUMP}</script> <svg onload={BUMP}> "
    f"[click me](javascript:{BUMP}) ![pixel](https://{EVIL}/chat.png) "
    f"<a href='javascript:{BUMP}'>a</a> [![x](https://{EVIL}/n.png)](javascript:{BUMP})"
)
STDOUT = f"<img src=x onerror={BUMP}><script>{BUMP}</script>"
STDERR = f'"><svg onload={BUMP}><img src=https://{EVIL}/err.png>'
XSS_PY = f"import sys\nprint({STDOUT!r})\nprint({STDERR!r}, file=sys.stderr)\n"
SNAPSHOT = f'"><img src=x onerror={BUMP}>'
FEEDBACK = (
    f"feedback: <img src=x onerror={BUMP}> [link](javascript:{BUMP}) "
    f"<script>{BUMP}</script> ![i](https://{EVIL}/f.png)"
)
PROBLEM_ID = "mallory-adds"
PROBLEM_TITLE = f'"><img src=x onerror={BUMP}> Adds'
PROBLEM_BODY = (
    f"Print the sum. <img src=x onerror={BUMP}> <script>{BUMP}</script> "
    f"<svg onload={BUMP}></svg> [md link](javascript:{BUMP}) "
    f'<a href="javascript:{BUMP}">html link</a> ![pixel](https://{EVIL}/p.png) '
    f'<img src="https://{EVIL}/q.png"> <iframe src="javascript:{BUMP}"></iframe> '
    f'<form action="https://{EVIL}/f"><button>go</button></form>'
)
PROBLEM_HINT = f"<img src=x onerror={BUMP}> [hint](javascript:{BUMP})"
ADDER = "a, b = map(int, input().split())\nprint(a + b)\n"
WHITEBOARD = f"<img src=x onerror={BUMP}> <script>{BUMP}</script> <svg onload={BUMP}>"
RATINGS = {"problem_solving": 1, "coding": 1, "communication": 1, "testing": 1}

# What must not be in a page after it showed the payloads: a script's work, an injected
# element or handler, a javascript: URL, a script element inside CodeCall's widgets.
INJECTED = r"""() => {
    const found = [];
    const describe = el => el.outerHTML.slice(0, 160);
    document.querySelectorAll('img[src="x"], img[src*="evil.example"], iframe, svg[onload]')
        .forEach(el => found.push(describe(el)));
    document.querySelectorAll('a[href], iframe[src], form[action]').forEach(el => {
        const url = (el.getAttribute('href') ?? el.getAttribute('src')
                     ?? el.getAttribute('action') ?? '').trim().toLowerCase();
        // A plain https link to the attacker's host is a link like any other (chat turns
        // images into links on purpose); one that runs or loads something is not.
        const loads = el.tagName !== 'A' && url.includes('evil.example');
        if (/^(javascript|vbscript|data):/.test(url.replace(/\s+/g, '')) || loads) {
            found.push(describe(el));
        }
    });
    document.querySelectorAll('[class*="cc-"]').forEach(widget => {
        widget.querySelectorAll('script').forEach(el => found.push(describe(el)));
        for (const el of [widget, ...widget.querySelectorAll('*')]) {
            for (const attr of el.attributes) {
                if (attr.name.startsWith('on')) {
                    found.push(attr.name + ' on ' + describe(el));
                }
            }
        }
    });
    return { xss: window.__xss ?? null, found: [...new Set(found)] };
}"""


@dataclass
class Story(Steps):
    attacker: Person
    victim: Person
    session_id: str | None = None
    folder: str | None = None
    registered: bool = False
    in_session: bool = False
    ended: bool = False
    attacker_requests: list[str] = field(default_factory=list)


@pytest.fixture(scope="module")
def story(new_context: Any, lab_server: Any) -> Iterator[Story]:
    attacker = Person("mallory", NAME, "mallory.xss@example.org", lab_server)
    victim = Person("viola", "Vera Victim", "viola.victim@example.org", lab_server)
    told = Story(attacker=attacker, victim=victim)
    with browsers_for(new_context, attacker, victim):
        for person in (attacker, victim):
            person.page.on(
                "request",
                lambda r, who=person.username: (
                    told.attacker_requests.append(f"{who}: {r.method} {r.url}")
                    if EVIL in (urlsplit(r.url).hostname or "")
                    else None
                ),
            )
        yield told


# --- helpers ---------------------------------------------------------------------------


def show_tab(page: Any, widget_id: str) -> None:
    page.locator(f'#jp-main-dock-panel .lm-TabBar-tab[data-id="{widget_id}"]').click()


def panel_of(person: Person, story: Story) -> Any:
    assert story.session_id
    show_tab(person.page, f"codecall-session-{story.session_id}")
    return session_panel(person.page, story.session_id)


def assert_inert(person: Person, story: Story, where: str) -> None:
    """Nothing ran, nothing was injected, nothing left for the attacker's host."""
    person.page.wait_for_timeout(300)  # an injected image would have errored by now
    seen = person.page.evaluate(INJECTED)
    assert seen == {"xss": None, "found": []}, f"{person.username}, {where}: {seen}"
    assert story.attacker_requests == [], f"{where}: {story.attacker_requests}"


def shown_as_text(locator: Any, text: str) -> None:
    """``text`` is on show, character for character (whitespace folded)."""
    locator.wait_for(timeout=WAIT_MS)
    shown = " ".join(locator.inner_text().split())
    assert " ".join(text.split()) in shown, shown


# --- the story ---------------------------------------------------------------------------


def test_attacker_and_victim_register(story: Story, lab_server: Any) -> None:
    for person in (story.attacker, story.victim):
        register(person, lab_server)
    status, me = api(story.attacker, "GET", "codecall/api/me")
    assert status == 200, me
    assert me["display_name"] == NAME  # stored as typed, to be shown as text
    # The attacker's own page shows her name as text in the sidebar's user card.
    card = open_sidebar(story.attacker.page).locator(".cc-UserCard")
    shown_as_text(card, NAME)
    assert_inert(story.attacker, story, "the attacker's user card")
    story.registered = True


def test_the_victim_sees_the_friend_request_as_text(story: Story) -> None:
    story.require("registered")
    attacker, victim = story.attacker, story.victim
    status, body = api(attacker, "POST", "codecall/api/friends/requests", {"to": "viola"})
    assert status == 201, body
    # The notification (a JupyterLab toast) and the sidebar's list of requests.
    toast = victim.page.locator(".Toastify__toast").filter(has_text="sent you a friend request")
    shown_as_text(toast, NAME)
    sidebar = open_sidebar(victim.page)
    incoming = sidebar.get_by_role("list", name="Requests to you")
    shown_as_text(incoming.locator('.cc-Person[data-username="mallory"]'), NAME)
    assert_inert(victim, story, "the friend request")
    sidebar.get_by_role("button", name=f"Accept the request from {NAME}").click()
    friends = sidebar.get_by_role("list", name="Your friends")
    shown_as_text(friends.locator('.cc-Person[data-username="mallory"]'), NAME)
    assert_inert(victim, story, "the friends list")


def test_an_invitation_from_the_attacker_is_inert(story: Story) -> None:
    """A session Mallory invites Vera to: its notification and the sidebar's invitations."""
    story.require("registered")
    status, session = api(
        story.attacker,
        "POST",
        "codecall/api/sessions",
        {"title": INVITE_TITLE, "description": DESCRIPTION, "invite": ["viola"]},
    )
    assert status == 201, session
    page = story.victim.page
    toast = page.locator(".Toastify__toast").filter(has_text="invited you")
    toast.first.wait_for(timeout=WAIT_MS)
    sidebar = open_sidebar(page)
    item = sidebar.locator(f'.cc-SessionList.cc-mod-invitation [data-session-id="{session["id"]}"]')
    shown_as_text(item, INVITE_TITLE)
    shown_as_text(item, NAME)
    assert_inert(story.victim, story, "the invitation")
    status, body = api(story.victim, "POST", f"codecall/api/sessions/{session['id']}/decline")
    assert status in (200, 204), body


def test_the_victim_reads_the_attackers_problem_safely(story: Story) -> None:
    """A problem Mallory wrote and shared with friends: title, statement and hints."""
    story.require("registered")
    front = (
        f"---\ntitle: {json.dumps(PROBLEM_TITLE)}\ndifficulty: easy\ntags: [math]\n"
        f"hints: [{json.dumps(PROBLEM_HINT)}]\n---\n\n"
    )
    files = {
        "problem.md": front
        + PROBLEM_BODY
        + "\n\n## Input\nTwo integers.\n\n## Output\nTheir sum.\n",
        "tests/examples/01-small.in": "1 2\n",
        "tests/examples/01-small.out": "3\n",
        "starter/solution.py": "a, b = map(int, input().split())\nprint(0)\n",
        "solutions/solution.py": ADDER,
    }
    status, body = api(
        story.attacker,
        "POST",
        "codecall/api/problems",
        {"id": PROBLEM_ID, "visibility": "friends", "files": files},
    )
    assert status == 201, body
    page = story.victim.page
    open_sidebar(page).get_by_role("button", name="Browse problems").click()
    panel = page.locator("#codecall-problems")
    panel.wait_for(state="visible")
    item = panel.locator(f'.cc-ProblemList [data-problem-id="{PROBLEM_ID}"]')
    shown_as_text(item, PROBLEM_TITLE)
    item.locator("button").click()
    detail = panel.locator(f'.cc-ProblemDetail[data-problem-id="{PROBLEM_ID}"]')
    shown_as_text(detail.locator(".cc-ProblemDetail-title"), PROBLEM_TITLE)
    statement = detail.locator(".cc-Statement .jp-RenderedMarkdown")
    statement.get_by_text("Print the sum.").wait_for(timeout=WAIT_MS)
    page.wait_for_load_state("networkidle")
    assert_inert(story.victim, story, "the problem's statement")


def test_attacker_creates_a_session_and_admits_the_victim(story: Story) -> None:
    story.require("registered")
    attacker, victim = story.attacker, story.victim
    session = create_session(attacker.page, TITLE, "python")
    assert session["title"] == TITLE
    story.session_id = session["id"]
    story.folder = f"codecall-sessions/{session['id']}"
    status, body = api(
        attacker, "PATCH", f"codecall/api/sessions/{session['id']}", {"description": DESCRIPTION}
    )
    assert status == 200, body
    join_and_admit(attacker, victim, session, WAIT_MS)
    story.in_session = True


def test_the_session_problem_and_a_revealed_hint_are_inert(story: Story) -> None:
    story.require("in_session")
    assert story.session_id
    path = f"codecall/api/sessions/{story.session_id}"
    status, body = api(story.attacker, "PATCH", path, {"problem_id": PROBLEM_ID})
    assert status == 200, body
    status, body = api(story.attacker, "POST", f"{path}/problem/hints")
    assert status in (200, 201), body
    card = panel_of(story.victim, story).locator(".cc-ProblemCard")
    card.locator(".cc-Statement").get_by_text("Print the sum.").wait_for(timeout=WAIT_MS)
    hints = card.get_by_test_id("codecall-revealed-hints")
    hints.locator(".cc-HintItem").first.wait_for(timeout=WAIT_MS)
    shown_as_text(card, PROBLEM_TITLE)
    story.victim.page.wait_for_load_state("networkidle")
    assert_inert(story.victim, story, "the session's problem and hint")


def test_the_victim_sees_title_description_and_host_as_text(story: Story) -> None:
    story.require("in_session")
    panel = panel_of(story.victim, story)
    shown_as_text(panel.locator(".cc-SessionHeader"), TITLE)
    shown_as_text(panel.locator(".cc-SessionHeader-description"), DESCRIPTION)
    shown_as_text(panel.locator('.cc-Person[data-username="mallory"]').first, NAME)
    # The dock tab carries the title as its label.
    tab = story.victim.page.locator(
        f'#jp-main-dock-panel .lm-TabBar-tab[data-id="codecall-session-{story.session_id}"]'
    )
    shown_as_text(tab, TITLE)
    # The sidebar's list of sessions.
    shown_as_text(open_sidebar(story.victim.page).locator(".cc-SessionsSection"), TITLE)
    for person in (story.attacker, story.victim):
        assert_inert(person, story, "the session panel")


def test_chat_payloads_stay_text(story: Story) -> None:
    story.require("in_session")
    assert story.session_id
    attacker, victim = story.attacker, story.victim
    card = panel_of(attacker, story).locator(".cc-Chat")
    card.get_by_role("status").filter(has_text="Connecting").wait_for(
        state="detached", timeout=WAIT_MS
    )
    composer = card.get_by_label("Message", exact=True)
    composer.fill(CHAT)
    composer.press("Enter")
    attacker.page.wait_for_function(
        "el => el.value === ''", arg=composer.element_handle(), timeout=WAIT_MS
    )
    victim_chat = panel_of(victim, story).locator(".cc-Chat")
    item = victim_chat.locator(".cc-ChatMessage").filter(has_text="chat:")
    item.wait_for(timeout=WAIT_MS)
    text = item.locator(".cc-ChatMessage-text")
    # Raw HTML is shown as typed; Markdown links to javascript: are not links.
    for typed in (f"<img src=x onerror={BUMP}>", f"<script>{BUMP}</script>", "<svg onload="):
        shown_as_text(text, typed)
    shown_as_text(item.locator(".cc-ChatMessage-author"), NAME)
    for person in (attacker, victim):
        assert_inert(person, story, "the chat")


def test_the_activity_log_names_people_as_text(story: Story) -> None:
    story.require("in_session")
    log = panel_of(story.victim, story).locator(".cc-ActivityLog")
    log.wait_for(timeout=WAIT_MS)
    shown_as_text(log, NAME)
    assert_inert(story.victim, story, "the activity log")


def test_run_output_stays_text(story: Story) -> None:
    story.require("in_session")
    assert story.session_id
    attacker, victim = story.attacker, story.victim
    status, body = api(
        attacker,
        "PUT",
        f"api/contents/{story.folder}/xss.py",
        {"type": "file", "format": "text", "content": XSS_PY},
    )
    assert status in (200, 201), (status, body)
    status, run = api(
        attacker,
        "POST",
        "codecall/api/runs",
        {"language": "python", "entry": "xss.py", "session_id": story.session_id},
    )
    assert status == 202, run
    console = panel_of(victim, story).locator(".cc-RunConsole")
    item = console.locator(f'.cc-RunHistory-list [data-run-id="{run["id"]}"]')
    item.wait_for(timeout=RUN_WAIT_MS)
    shown_as_text(item, NAME)  # who ran it
    item.locator("button").click()
    result = console.locator(f'.cc-RunResult[data-run-id="{run["id"]}"][data-status="done"]')
    result.wait_for(timeout=RUN_WAIT_MS)
    stdout = result.get_by_test_id("codecall-run-stdout")
    assert stdout.inner_text() == STDOUT + "\n", result.inner_text()
    shown_as_text(result.get_by_test_id("codecall-run-stderr"), STDERR)
    assert_inert(victim, story, "the run console")


def test_whiteboard_text_is_inert(story: Story) -> None:
    """Text on the board is drawn on a canvas: typed markup becomes nothing but pixels."""
    story.require("in_session")
    assert story.session_id
    attacker, victim = story.attacker, story.victim
    boards = []
    for person in (attacker, victim):
        panel_of(person, story).locator(
            '.jp-Toolbar [data-command="codecall:open-whiteboard"]'
        ).click()
        node = person.page.locator(".cc-Whiteboard")
        node.wait_for(state="visible", timeout=WAIT_MS)
        boards.append(node)
    board = boards[0]
    board.get_by_role("button", name="Text", exact=True).click()
    box = board.locator(".cc-Whiteboard-stage").bounding_box()
    attacker.page.mouse.click(box["x"] + 90, box["y"] + 120)
    editor = board.locator("textarea.cc-Whiteboard-editor")
    editor.wait_for(state="visible")
    editor.fill(WHITEBOARD)
    editor.press("Enter")
    for person in (attacker, victim):
        person.page.wait_for_selector(
            '.cc-Whiteboard[data-elements~="text:mallory"]', timeout=WAIT_MS
        )
        assert_inert(person, story, "the whiteboard")


def test_snapshot_name_stays_text(story: Story) -> None:
    story.require("in_session")
    assert story.session_id
    status, body = api(
        story.attacker,
        "POST",
        f"codecall/api/sessions/{story.session_id}/snapshots",
        {"name": SNAPSHOT},
    )
    assert status == 201, body
    card = panel_of(story.victim, story).locator(".cc-Snapshots")
    card.wait_for(state="visible", timeout=WAIT_MS)
    item = card.locator(".cc-Snapshots-item").filter(has_text="onerror")
    shown_as_text(item, SNAPSHOT)
    assert_inert(story.victim, story, "the snapshots")


def test_feedback_about_the_victim_stays_text(story: Story) -> None:
    story.require("in_session")
    assert story.session_id
    attacker, victim = story.attacker, story.victim
    path = f"codecall/api/sessions/{story.session_id}/feedback"
    status, body = api(
        attacker, "PUT", path, {"ratings": RATINGS, "verdict": "no", "text": FEEDBACK}
    )
    assert status == 200, body
    status, body = api(attacker, "POST", f"{path}/submit")
    assert status == 200, body
    status, body = api(attacker, "POST", f"codecall/api/sessions/{story.session_id}/end")
    assert status == 200, body
    story.ended = True
    panel = panel_of(victim, story)
    panel.locator('.cc-PlaceNotice[data-place="ended"]').wait_for(timeout=WAIT_MS)
    received = panel.locator('.cc-FeedbackCard .cc-FeedbackEntry[data-author="mallory"]')
    shown_as_text(received, FEEDBACK)
    shown_as_text(received.locator(".cc-FeedbackEntry-author"), NAME)
    assert_inert(victim, story, "the feedback")


def test_the_replay_shows_the_payloads_as_text(story: Story) -> None:
    story.require("ended")
    page = story.victim.page
    panel = panel_of(story.victim, story)
    panel.get_by_role("button", name="Replay", exact=True).click()
    replay = page.locator(f"#codecall-replay-{story.session_id}")
    replay.wait_for(state="visible", timeout=WAIT_MS)
    replay.get_by_label("Document").wait_for(timeout=WAIT_MS)
    # The replay's tab is named after the session.
    tab = page.locator(
        f'#jp-main-dock-panel .lm-TabBar-tab[data-id="codecall-replay-{story.session_id}"]'
    )
    shown_as_text(tab, TITLE)
    page.wait_for_load_state("networkidle")
    assert_inert(story.victim, story, "the replay")


def test_past_sessions_in_my_progress(story: Story) -> None:
    story.require("ended")
    page = story.victim.page
    open_sidebar(page).get_by_role("button", name="My progress").click()
    panel = page.locator("#codecall-progress")
    panel.wait_for(state="visible")
    shown_as_text(panel.locator(".cc-PastSessions"), TITLE)
    assert_inert(story.victim, story, "my progress")


def test_nothing_ran_in_either_browser(story: Story) -> None:
    story.require("registered")
    for person in (story.attacker, story.victim):
        assert_inert(person, story, "at the end")
