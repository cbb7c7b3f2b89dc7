"""The session chat and activity reporting, end to end in two real browsers.

Chloe (the host) and Boris (the guest) register through invites in two browser profiles;
Chloe creates a session and admits Boris. They chat both ways over the session channel:
each sees the other's message without a reload, and Chloe sees "Boris Guest is typing…"
while he types. A message holding markup (an ``<img onerror>``, a ``<script>``) shows as
the text typed and runs nothing, while its Markdown (bold) is rendered. Boris edits one
message and deletes another: Chloe sees the edit marked and the deletion. Boris opens the
session's whiteboard (his panel hidden): a message from Chloe reaches him as a JupyterLab
notification, and the read marks follow what each has seen. A message over 4 KB stays in
the composer. His paste in the whiteboard, his tab going hidden and coming back, and his
window losing and regaining the focus appear in Chloe's activity log. The tests run in
order and save docs/screenshots/19-chat.png. Last, Boris's channel drops: what he sends
then stays in his composer with an error, and goes once he is back.

The lab server is shared with the other browser tests: the usernames here are used
nowhere else.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from lab_people import (
    Person,
    Steps,
    api,
    browsers_for,
    create_session,
    dismiss_toasts,
    join_and_admit,
    register,
    session_panel,
    wait_for_lab,
)

pytestmark = pytest.mark.browser

SESSION_TITLE = "Mock interview: graphs"
WAIT_MS = 15_000
# The log is reloaded when someone's activity arrives over the channel (and every 3 s).
LOG_WAIT_MS = 10_000
HELLO = "Hello Boris, can you hear me?"
REPLY_LINES = ("Hi Chloe!", "Ready when you are.")
XSS_IMG = '<img src=x onerror="window.__chatXss = 1">'
XSS_SCRIPT = "<script>window.__chatXss = 2</script>"
XSS_LINK = "[click me](javascript:window.__chatXss=3)"
PIXEL = "![pixel](http://127.0.0.1:9/pixel.png)"
XSS = f"Look: {XSS_IMG} and {XSS_SCRIPT} **bold** `<b>code</b>` {XSS_LINK} {PIXEL}"
TYPO = "I wil use BFS"
FIXED = "I will use BFS, then Dijkstra for weighted edges"
OOPS = "oops, wrong window"
PASTED = "def bfs(graph, start): ..."


@dataclass
class Story(Steps):
    host: Person
    guest: Person
    session_id: str | None = None
    in_session: bool = False
    chatted: bool = False


@pytest.fixture(scope="module")
def story(new_context: Any, lab_server: Any) -> Iterator[Story]:
    host = Person("chloe", "Chloe Chat", "chloe.chat@example.org", lab_server)
    guest = Person("boris", "Boris Guest", "boris.guest@example.org", lab_server)
    with browsers_for(new_context, host, guest):
        yield Story(host=host, guest=guest)


# --- helpers ---------------------------------------------------------------------------


def chat(person: Person, session_id: str) -> Any:
    card = session_panel(person.page, session_id).locator(".cc-Chat")
    card.wait_for(state="visible", timeout=WAIT_MS)
    # Connected: the composer no longer says it is connecting.
    card.get_by_role("status").filter(has_text="Connecting").wait_for(
        state="detached", timeout=WAIT_MS
    )
    return card


def post(person: Person, session_id: str, text: str) -> None:
    composer = chat(person, session_id).get_by_label("Message", exact=True)
    composer.fill(text)
    composer.press("Enter")
    # Sent: the composer is empty again.
    person.page.wait_for_function(
        "el => el.value === ''", arg=composer.element_handle(), timeout=WAIT_MS
    )


def message(card: Any, text: str) -> Any:
    """The message holding ``text``, once it is there."""
    item = card.locator(".cc-ChatMessage").filter(has_text=text)
    item.wait_for(timeout=WAIT_MS)
    return item


def activity_log(person: Person, session_id: str) -> Any:
    return session_panel(person.page, session_id).locator(".cc-ActivityLog")


def chat_unread(person: Person, session_id: str) -> int:
    status, page = api(person, "GET", f"codecall/api/sessions/{session_id}/chat")
    assert status == 200, (status, page)
    return int(page["unread"])


def wait_until(check: Any, page: Any, what: str, timeout_ms: int = WAIT_MS) -> None:
    waited = 0
    while not check():
        if waited >= timeout_ms:
            pytest.fail(f"timed out waiting for {what}")
        page.wait_for_timeout(200)
        waited += 200


def set_tab_visibility(page: Any, hidden: bool) -> None:
    """What the browser does when the tab goes to the background (or comes back)."""
    page.evaluate(
        """hidden => {
            Object.defineProperty(document, 'visibilityState', {
                configurable: true, get: () => hidden ? 'hidden' : 'visible'});
            Object.defineProperty(document, 'hidden', {
                configurable: true, get: () => hidden});
            document.dispatchEvent(new Event('visibilitychange'));
        }""",
        hidden,
    )


# --- the story ---------------------------------------------------------------------------


def test_host_and_guest_register(story: Story, lab_server: Any) -> None:
    for person in (story.host, story.guest):
        register(person, lab_server)


def test_host_creates_a_session_and_admits_the_guest(story: Story) -> None:
    session = create_session(story.host.page, SESSION_TITLE)
    story.session_id = session["id"]
    join_and_admit(story.host, story.guest, session, WAIT_MS)
    story.in_session = True


def test_they_chat_both_ways_live(story: Story) -> None:
    story.require("in_session")
    assert story.session_id
    host, guest = story.host, story.guest
    host_chat = chat(host, story.session_id)
    guest_chat = chat(guest, story.session_id)
    for card in (host_chat, guest_chat):
        card.get_by_text("No messages yet").wait_for()

    post(host, story.session_id, HELLO)
    got = message(guest_chat, HELLO)
    assert got.locator(".cc-ChatMessage-author").inner_text() == "Chloe Chat"
    assert message(host_chat, HELLO).locator(".cc-ChatMessage-author").inner_text() == "You"

    # Boris types (Chloe is told), then Shift+Enter makes a second line, Enter sends.
    composer = guest_chat.get_by_label("Message", exact=True)
    composer.press_sequentially(REPLY_LINES[0], delay=20)
    typing = host_chat.locator(".cc-Chat-typing")
    typing.get_by_text("Boris Guest is typing…").wait_for(timeout=WAIT_MS)
    composer.press("Shift+Enter")
    composer.press_sequentially(REPLY_LINES[1], delay=5)
    assert composer.input_value() == "\n".join(REPLY_LINES)
    composer.press("Enter")
    reply = message(host_chat, REPLY_LINES[1])
    assert reply.locator(".cc-ChatMessage-author").inner_text() == "Boris Guest"
    assert REPLY_LINES[0] in reply.inner_text()
    # A message from the typist ends "is typing…".
    wait_until(lambda: typing.inner_text().strip() == "", host.page, "the typing line to clear")
    # Both read everything they can see.
    for person in (host, guest):
        wait_until(
            lambda p=person: chat_unread(p, story.session_id or "") == 0,
            person.page,
            f"{person.username}'s chat to be read",
        )
    story.chatted = True


def test_markup_in_chat_stays_text(story: Story) -> None:
    story.require("chatted")
    assert story.session_id
    host, guest = story.host, story.guest
    post(guest, story.session_id, XSS)
    for person in (host, guest):
        item = message(chat(person, story.session_id), "Look:")
        text = item.locator(".cc-ChatMessage-text")
        shown = text.inner_text()
        assert XSS_IMG in shown, shown
        assert XSS_SCRIPT in shown, shown
        assert text.locator("img, script").count() == 0
        # Markdown still works: **bold** is bold, code is code (its markup as typed).
        assert text.locator("strong").inner_text() == "bold"
        assert text.locator("code").inner_text() == "<b>code</b>"
        # A javascript: link loses its target; an image is only a link to it.
        for link in text.locator("a").all():
            href = link.get_attribute("href") or ""
            assert not href.lower().startswith("javascript:"), href
        assert "pixel" in shown
        assert not any("pixel.png" in r for r in person.failed_responses)
    for person in (host, guest):
        person.page.wait_for_timeout(500)  # an injected image would have errored by now
        assert person.page.evaluate("() => window.__chatXss") is None
        assert not any(r.endswith("/x") for r in person.failed_responses), person.failed_responses


def test_guest_edits_and_deletes_and_the_host_sees_it(story: Story) -> None:
    story.require("chatted")
    assert story.session_id
    host, guest = story.host, story.guest
    guest_chat = chat(guest, story.session_id)
    host_chat = chat(host, story.session_id)
    post(guest, story.session_id, TYPO)
    post(guest, story.session_id, OOPS)
    message(host_chat, OOPS)

    # Only one's own messages have Edit and Delete.
    hello = message(guest_chat, HELLO)
    assert hello.get_by_role("button").count() == 0

    # By id: while it is edited, its text is in a field (no longer the item's text).
    mine_id = message(guest_chat, TYPO).get_attribute("data-id")
    mine = guest_chat.locator(f'.cc-ChatMessage[data-id="{mine_id}"]')
    mine.get_by_role("button", name=re.compile(r"^Edit your message from")).click()
    editor = mine.get_by_label("Edit your message")
    editor.fill(FIXED)
    editor.press("Enter")
    edited = message(host_chat, FIXED)
    edited.locator('[data-mark="edited"]').wait_for(timeout=WAIT_MS)
    assert edited.locator('[data-mark="edited"]').inner_text() == "(edited)"
    assert host_chat.locator(".cc-ChatMessage").filter(has_text=TYPO).count() == 0

    gone = message(guest_chat, OOPS)
    gone_id = gone.get_attribute("data-id")
    gone.get_by_role("button", name=re.compile(r"^Delete your message from")).click()
    dialog = guest.page.locator(".jp-Dialog").filter(has_text="Delete this message?")
    dialog.get_by_role("button", name="Delete").click()
    deleted = host_chat.locator(f'.cc-ChatMessage[data-id="{gone_id}"]')
    deleted.locator('[data-mark="deleted"]').wait_for(timeout=WAIT_MS)
    assert OOPS not in deleted.inner_text()
    assert deleted.inner_text().endswith("This message was deleted.")
    # Chloe cannot change Boris's messages.
    assert host_chat.locator(f'.cc-ChatMessage[data-id="{gone_id}"] button').count() == 0


def test_a_message_the_guest_cannot_see_is_a_notification(story: Story) -> None:
    story.require("chatted")
    assert story.session_id
    host, guest = story.host, story.guest
    # Boris opens the session's whiteboard: his session panel is behind it.
    panel = session_panel(guest.page, story.session_id)
    panel.locator('.jp-Toolbar [data-command="codecall:open-whiteboard"]').click()
    guest.page.locator(".cc-Whiteboard").wait_for(state="visible", timeout=WAIT_MS)
    assert not panel.is_visible()
    dismiss_toasts(guest.page)

    post(host, story.session_id, "Can you draw the graph for me?")
    toast = guest.page.locator(".Toastify__toast").filter(
        has_text=f"Chloe Chat in “{SESSION_TITLE}”: Can you draw the graph for me?"
    )
    toast.wait_for(timeout=WAIT_MS)
    # Not seen yet: one unread (the badge in his hidden panel, and the server's count);
    # Chloe has read her own.
    badge = panel.get_by_test_id("codecall-chat-unread")
    assert badge.text_content() == "1"
    assert chat_unread(guest, story.session_id) == 1
    assert chat_unread(host, story.session_id) == 0

    # His paste in the session's whiteboard is reported (its size, not its text).
    guest.page.locator(".cc-Whiteboard").evaluate(
        """(node, text) => {
            const data = new DataTransfer();
            data.setData('text/plain', text);
            node.dispatchEvent(new ClipboardEvent('paste', {
                clipboardData: data, bubbles: true, cancelable: true}));
        }""",
        PASTED,
    )
    log = activity_log(host, story.session_id)
    log.get_by_text(f"Boris Guest pasted {len(PASTED)} characters").wait_for(timeout=LOG_WAIT_MS)

    # "Open chat" brings the panel back; the message is read then.
    toast.get_by_role("button", name="Open chat").click()
    panel.wait_for(state="visible", timeout=WAIT_MS)
    message(chat(guest, story.session_id), "Can you draw the graph for me?")
    badge.wait_for(state="detached", timeout=WAIT_MS)
    wait_until(
        lambda: chat_unread(guest, story.session_id or "") == 0,
        guest.page,
        "the message to be read once shown",
    )
    # The composer has the focus, ready for an answer.
    assert guest.page.evaluate("() => document.activeElement?.dataset.testid") == (
        "codecall-chat-input"
    )


def test_the_composer_keeps_a_message_over_4_kb(story: Story) -> None:
    story.require("chatted")
    assert story.session_id
    guest = story.guest
    card = chat(guest, story.session_id)
    composer = card.get_by_label("Message", exact=True)
    too_long = "é" * 2049  # 4098 bytes of UTF-8
    composer.fill(too_long)
    counter = card.locator(".cc-Chat-counter")
    assert counter.inner_text() == "Too long: 4098 of 4096 bytes"
    assert composer.get_attribute("aria-invalid") == "true"
    assert card.get_by_role("button", name="Send").is_disabled()
    before = card.locator(".cc-ChatMessage").count()
    composer.press("Enter")
    guest.page.wait_for_timeout(500)
    assert composer.input_value() == too_long  # kept, not sent
    assert card.locator(".cc-ChatMessage").count() == before
    composer.press("Backspace")
    assert counter.inner_text() == "4096 of 4096 bytes"
    assert card.get_by_role("button", name="Send").is_enabled()
    # Emptied, the composer tells the others he stopped typing.
    host_typing = chat(story.host, story.session_id).locator(".cc-Chat-typing")
    host_typing.get_by_text("Boris Guest is typing…").wait_for(timeout=WAIT_MS)
    composer.fill("")
    wait_until(lambda: host_typing.inner_text().strip() == "", story.host.page, "typing to stop")


def test_the_guests_hidden_tab_shows_in_the_hosts_activity_log(
    story: Story, screenshots: Path
) -> None:
    story.require("chatted")
    assert story.session_id
    host, guest = story.host, story.guest
    log = activity_log(host, story.session_id)
    set_tab_visibility(guest.page, hidden=True)
    log.get_by_text("Boris Guest hid the tab").wait_for(timeout=LOG_WAIT_MS)
    set_tab_visibility(guest.page, hidden=False)
    log.get_by_text("Boris Guest came back to the tab").wait_for(timeout=LOG_WAIT_MS)
    # The window losing the focus (another application in front) and getting it back.
    guest.page.evaluate("() => window.dispatchEvent(new Event('blur'))")
    log.get_by_text("Boris Guest left the window").wait_for(timeout=LOG_WAIT_MS)
    guest.page.evaluate("() => window.dispatchEvent(new Event('focus'))")
    log.get_by_text("Boris Guest came back to the window").wait_for(timeout=LOG_WAIT_MS)
    # The log says it to Boris too (practice is transparent).
    activity_log(guest, story.session_id).get_by_text("Boris Guest hid the tab").wait_for(
        timeout=LOG_WAIT_MS
    )
    # Chloe's own tab stayed in front: nothing of hers is reported.
    assert log.get_by_text("Chloe Chat hid the tab").count() == 0

    page = host.page
    dismiss_toasts(page)
    card = chat(host, story.session_id)
    card.scroll_into_view_if_needed()
    page.wait_for_timeout(300)
    page.screenshot(path=str(screenshots / "19-chat.png"))


def test_a_message_written_while_disconnected_stays_in_the_composer(story: Story) -> None:
    story.require("chatted")
    assert story.session_id
    host, guest = story.host, story.guest
    page = guest.page
    # Boris's channel goes through a route that can cut it: while "down", a socket opens
    # but the server never greets it, as when the network drops under a reconnect.
    down = {"value": False}
    routes: list[Any] = []

    def channel_route(ws: Any) -> None:
        routes.append(ws)
        if not down["value"]:
            ws.connect_to_server()

    page.route_web_socket(re.compile(r"/codecall/api/sessions/[^/]+/channel"), channel_route)
    page.reload()
    wait_for_lab(page)
    tab = page.locator(".lm-DockPanel-tabBar .lm-TabBar-tab").filter(has_text=SESSION_TITLE)
    tab.click()
    card = chat(guest, story.session_id)  # connected through the route
    message(card, HELLO)

    down["value"] = True
    routes[-1].close()
    card.get_by_role("status").filter(has_text="Connecting to the session").wait_for(
        timeout=WAIT_MS
    )
    composer = card.get_by_label("Message", exact=True)
    composer.fill("Sorry, my network dropped")
    composer.press("Enter")
    card.get_by_role("alert").filter(has_text="Not connected to the session").wait_for(
        timeout=WAIT_MS
    )
    assert composer.input_value() == "Sorry, my network dropped"

    # Back online: the same draft goes with Enter, and Chloe gets it.
    down["value"] = False
    routes[-1].close()
    card.get_by_role("status").filter(has_text="Connecting").wait_for(
        state="detached", timeout=WAIT_MS
    )
    composer.press("Enter")
    message(chat(host, story.session_id), "Sorry, my network dropped")
    assert composer.input_value() == ""
    assert card.get_by_role("alert").count() == 0


# Sends chat messages over fresh channel sockets of the page (its cookie, its origin), 20
# per socket (the per-socket chat budget), each socket closed once all its messages came
# back stored.
POST_OVER_CHANNEL = """async ({url, texts}) => {
    for (let i = 0; i < texts.length; i += 20) {
        const batch = texts.slice(i, i + 20);
        await new Promise((resolve, reject) => {
            const ws = new WebSocket(url);
            let echoed = 0;
            ws.onmessage = event => {
                const m = JSON.parse(event.data);
                if (m.type === 'hello') {
                    batch.forEach(text => ws.send(JSON.stringify({type: 'chat', text})));
                } else if (m.type === 'chat' && batch.includes(m.message.text)) {
                    if (++echoed === batch.length) { ws.close(); resolve(); }
                } else if (m.type === 'error') {
                    ws.close(); reject(new Error(m.code + ': ' + m.message));
                }
            };
            ws.onerror = () => reject(new Error('the channel socket failed'));
        });
    }
}"""


def test_older_messages_load_when_scrolled_to_the_top(story: Story) -> None:
    story.require("chatted")
    assert story.session_id
    host = story.host
    page = host.page
    url = host.url(f"codecall/api/sessions/{story.session_id}/channel").replace("http", "ws", 1)
    page.evaluate(POST_OVER_CHANNEL, {"url": url, "texts": [f"note {i}" for i in range(60)]})
    status, newest = api(host, "GET", f"codecall/api/sessions/{story.session_id}/chat?limit=100")
    assert status == 200, newest
    total = len(newest["messages"])
    assert 50 < total <= 100, total
    assert not newest["has_more"]

    # A fresh page gets the latest 50 in the channel's snapshot...
    page.reload()
    wait_for_lab(page)
    tab = page.locator(".lm-DockPanel-tabBar .lm-TabBar-tab").filter(has_text=SESSION_TITLE)
    tab.click()
    card = chat(host, story.session_id)
    message(card, "note 59")
    items = card.locator(".cc-ChatMessage")
    assert items.count() == 50
    assert card.locator(".cc-ChatMessage").filter(has_text=HELLO).count() == 0
    more = card.get_by_role("button", name="Load earlier messages")
    assert more.is_visible()

    # ...and scrolling to the top of the list brings the older ones, the view held still.
    chat_list = card.get_by_role("log", name="Chat messages")
    chat_list.evaluate("el => { el.scrollTop = 0; }")
    message(card, HELLO)
    assert items.count() == total
    more.wait_for(state="detached", timeout=WAIT_MS)
    assert chat_list.evaluate("el => el.scrollTop") > 0
