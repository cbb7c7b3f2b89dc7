"""The run console of a session, end to end in two real browsers, with the real sandbox.

Rhea (the host) and Glen (the guest) register through invites in two browser profiles.
Rhea creates a session in the "New practice session" dialog, Glen joins it by its invite
link and Rhea admits him. Rhea writes ``main.py`` into the session folder (Jupyter's
contents API, with her own cookie: admitted participants may write there), runs it from
the console with some stdin and sees the verdict and the output; Glen sees the run in the
session's history. A program printing HTML shows it as text and runs none of it; Glen
stops a program that never ends; a judging with test cases passes them all. The tests
run in order and save docs/screenshots/09-run-console.png.

The lab server is shared with the other browser tests: the usernames here are used
nowhere else. Runs need the runner's sandbox (bubblewrap, and as root the kernels'
Python in /var/lib/codecall/kernel-env): without it the first run fails and says why.
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
    api,
    browsers_for,
    create_session,
    dismiss_toasts,
    join_and_admit,
    register,
    session_panel,
)

pytestmark = pytest.mark.browser

SESSION_TITLE = "Pairing: sums"
PANEL_WAIT_MS = 15_000
# The first run may wait for a kernel to start in the sandbox.
RUN_WAIT_MS = 90_000
MAIN_PY = (
    "import sys\n"
    "numbers = [int(x) for x in sys.stdin.read().split()]\n"
    'print("hello from the sandbox")\n'
    'print("sum:", sum(numbers))\n'
)
SUM_PY = "print(sum(int(x) for x in input().split()))\n"
XSS = '<img src=x onerror="window.__xss=1">'
XSS_PY = f"print({XSS!r})\n"
LOOP_PY = "import time\nprint('started', flush=True)\nwhile True:\n    time.sleep(0.1)\n"


@dataclass
class Story(Steps):
    host: Person
    guest: Person
    session_id: str | None = None
    folder: str | None = None
    in_session: bool = False
    ran: bool = False


@pytest.fixture(scope="module")
def story(new_context: Any, lab_server: Any) -> Iterator[Story]:
    host = Person("rhea", "Rhea Runner", "rhea.runner@example.org", lab_server)
    guest = Person("glen", "Glen Guest", "glen.guest@example.org", lab_server)
    with browsers_for(new_context, host, guest):
        yield Story(host=host, guest=guest)


# --- helpers ---------------------------------------------------------------------------


def run_console(page: Any, session_id: str) -> Any:
    console = session_panel(page, session_id).locator(".cc-RunConsole")
    console.wait_for(state="visible", timeout=PANEL_WAIT_MS)
    return console


def write_file(person: Person, story: Story, name: str, text: str) -> None:
    """Save a file into the session folder, as JupyterLab's editor would."""
    status, body = api(
        person,
        "PUT",
        f"api/contents/{story.folder}/{name}",
        {"type": "file", "format": "text", "content": text},
    )
    assert status in (200, 201), (status, body)


def start_run(page: Any, console: Any) -> dict[str, Any]:
    """Press Run; the server must queue the run (202), else its error is the failure."""
    with page.expect_response(
        lambda r: urlsplit(r.url).path.endswith("/codecall/api/runs") and r.request.method == "POST"
    ) as posted:
        console.get_by_test_id("codecall-run").click()
    response = posted.value
    assert response.status == 202, f"POST /codecall/api/runs: {response.status} {response.text()}"
    return response.json()  # type: ignore[no-any-return]


def wait_for_verdict(console: Any, run_id: str) -> Any:
    result = console.locator(f'.cc-RunResult[data-run-id="{run_id}"][data-status="done"]')
    result.wait_for(state="visible", timeout=RUN_WAIT_MS)
    return result


def set_entry(console: Any, entry: str) -> None:
    field_ = console.get_by_test_id("codecall-run-entry")
    field_.fill(entry)
    assert field_.input_value() == entry


# --- the story ---------------------------------------------------------------------------


def test_host_and_guest_register(story: Story, lab_server: Any) -> None:
    for person in (story.host, story.guest):
        register(person, lab_server)


def test_host_creates_a_session_and_admits_the_guest(story: Story) -> None:
    host, guest = story.host, story.guest
    session = create_session(host.page, SESSION_TITLE, "python")
    story.session_id = session["id"]
    story.folder = f"codecall-sessions/{session['id']}"
    # Glen follows the invite link and waits; Rhea lets him in.
    join_and_admit(host, guest, session, PANEL_WAIT_MS)
    story.in_session = True


def test_both_see_the_run_console(story: Story, lab_server: Any) -> None:
    story.require("in_session")
    assert story.session_id
    status, runner = api(story.host, "GET", "codecall/api/runner")
    assert status == 200, f"GET /codecall/api/runner: {status} {runner}"
    status, languages = api(story.host, "GET", "codecall/api/languages")
    assert status == 200, f"GET /codecall/api/languages: {status} {languages}"
    python = next(lang for lang in languages["languages"] if lang["id"] == "python")
    assert python["available"], python
    for person in (story.host, story.guest):
        console = run_console(person.page, story.session_id)
        language = console.get_by_test_id("codecall-run-language")
        # The session's language is chosen, with its entry file.
        page = person.page
        page.wait_for_function(
            "el => el.value === 'python'", arg=language.element_handle(), timeout=PANEL_WAIT_MS
        )
        assert console.get_by_test_id("codecall-run-entry").input_value() == python["file_name"]
        assert console.get_by_test_id("codecall-run").is_enabled() == (
            runner["isolation"] != "unavailable"
        ), runner
        warning = console.get_by_test_id("codecall-runner-warning")
        if runner["warning"]:
            assert runner["warning"] in warning.inner_text()
        else:
            assert warning.count() == 0
        if runner["isolation"] == "unavailable":
            pytest.fail(f"the runner refuses to run code here: {runner['problems']}")
        if runner["isolation"] == "sandboxed":
            isolation = console.get_by_test_id("codecall-run-isolation")
            isolation.wait_for(state="visible", timeout=PANEL_WAIT_MS)
            assert isolation.inner_text().startswith("Sandboxed: no network")


def test_host_runs_main_py_with_stdin(story: Story, screenshots: Path) -> None:
    story.require("in_session")
    assert story.session_id
    page = story.host.page
    write_file(story.host, story, "main.py", MAIN_PY)
    console = run_console(page, story.session_id)
    set_entry(console, "main.py")
    console.get_by_role("button", name="Input (stdin)").click()
    console.get_by_test_id("codecall-run-stdin").fill("2 3 37")
    run = start_run(page, console)
    assert (run["entry"], run["language"]) == ("main.py", "python"), run

    result = wait_for_verdict(console, run["id"])
    verdict = result.get_by_test_id("codecall-run-verdict")
    stdout = result.get_by_test_id("codecall-run-stdout")
    stderr = result.get_by_test_id("codecall-run-stderr")
    details = f"{verdict.inner_text()}: {result.inner_text()}"
    assert verdict.get_attribute("data-verdict") == "OK", details
    assert verdict.inner_text().strip() == "OK"
    assert stdout.inner_text() == "hello from the sandbox\nsum: 42\n", details
    assert stderr.count() == 0, details
    assert "Rhea" not in result.locator(".cc-RunResult-meta").inner_text()  # "You ran …"
    history = console.get_by_test_id("codecall-run-history")
    history.locator(f'[data-run-id="{run["id"]}"]').wait_for()
    story.ran = True

    dismiss_toasts(page)
    console.scroll_into_view_if_needed()
    page.wait_for_timeout(300)
    page.screenshot(path=str(screenshots / "09-run-console.png"))


def test_guest_sees_the_run_in_the_history(story: Story) -> None:
    story.require("ran")
    assert story.session_id
    console = run_console(story.guest.page, story.session_id)
    history = console.get_by_test_id("codecall-run-history")
    item = history.locator(".cc-RunHistory-item").first
    item.wait_for(timeout=PANEL_WAIT_MS)
    text = " ".join(item.inner_text().split())
    for expected in ("Rhea Runner", "OK", "Python"):
        assert expected in text, text
    item.click()
    result = console.locator('.cc-RunResult[data-status="done"]')
    assert result.get_by_test_id("codecall-run-stdout").inner_text().endswith("sum: 42\n")


def test_html_in_the_output_stays_text(story: Story) -> None:
    story.require("ran")
    assert story.session_id
    host, guest = story.host, story.guest
    write_file(host, story, "xss.py", XSS_PY)
    console = run_console(host.page, story.session_id)
    set_entry(console, "xss.py")
    run = start_run(host.page, console)
    result = wait_for_verdict(console, run["id"])
    stdout = result.get_by_test_id("codecall-run-stdout")
    assert stdout.inner_text() == XSS + "\n", result.inner_text()
    assert stdout.locator("img").count() == 0

    guest_console = run_console(guest.page, story.session_id)
    guest_console.locator(f'.cc-RunHistory-list [data-run-id="{run["id"]}"] button').click()
    guest_result = wait_for_verdict(guest_console, run["id"])
    assert guest_result.get_by_test_id("codecall-run-stdout").inner_text() == XSS + "\n"
    for person in (host, guest):
        person.page.wait_for_timeout(500)  # an injected image would have errored by now
        assert person.page.evaluate("() => window.__xss") is None


def test_guest_stops_a_program_that_never_ends(story: Story) -> None:
    story.require("ran")
    assert story.session_id
    guest = story.guest
    write_file(guest, story, "loop.py", LOOP_PY)
    console = run_console(guest.page, story.session_id)
    set_entry(console, "loop.py")
    run = start_run(guest.page, console)
    running = console.locator(f'.cc-RunResult[data-run-id="{run["id"]}"][data-status="running"]')
    running.wait_for(timeout=RUN_WAIT_MS)
    running.get_by_role("status").filter(has_text="Running").wait_for()
    # What it printed streams in over the session channel while it runs.
    running.get_by_test_id("codecall-run-stdout").get_by_text("started").wait_for()
    console.get_by_test_id("codecall-run-stop").click()
    result = wait_for_verdict(console, run["id"])
    verdict = result.get_by_test_id("codecall-run-verdict")
    assert verdict.get_attribute("data-verdict") == "CANCELLED", result.inner_text()


def test_host_judges_a_solution_against_test_cases(story: Story) -> None:
    story.require("ran")
    assert story.session_id
    page = story.host.page
    write_file(story.host, story, "sum.py", SUM_PY)
    console = run_console(page, story.session_id)
    set_entry(console, "sum.py")
    console.get_by_role("radio", name="Run tests").check()
    for i, (given, expected, hidden) in enumerate([("1 2", "3", False), ("40 2", "42", True)]):
        console.get_by_role("button", name="Add a test").click()
        console.get_by_label(f"Input of test {i + 1}").fill(given)
        console.get_by_label(f"Expected output of test {i + 1}").fill(expected)
        if hidden:
            console.get_by_label(f"Hide test {i + 1}").check()
    run = start_run(page, console)
    assert run["mode"] == "judge", run
    result = wait_for_verdict(console, run["id"])
    verdict = result.get_by_test_id("codecall-run-verdict")
    assert verdict.get_attribute("data-verdict") == "OK", result.inner_text()
    result.locator(".cc-Celebrate").get_by_text("All 2 tests passed!").wait_for()
    cases = result.locator(".cc-RunCase")
    assert cases.count() == 2
    hidden = cases.nth(1)
    assert hidden.locator(".cc-RunCase-name").inner_text() == "Test 2 (hidden)"
    assert hidden.locator(".cc-RunCase-verdict").inner_text() == "Passed"
    assert hidden.locator("details, pre").count() == 0  # pass or fail, nothing more


def test_run_solution_from_the_palette_and_its_shortcut(story: Story) -> None:
    story.require("ran")
    assert story.session_id
    page = story.host.page
    console = run_console(page, story.session_id)
    console.get_by_role("radio", name="Run the program").check()
    set_entry(console, "main.py")

    # "CodeCall: Run solution" is in the command palette.
    page.keyboard.press("Control+Shift+C")
    palette = page.locator("#modal-command-palette")
    palette.wait_for(state="visible")
    palette.locator("input").fill("Run solution")
    item = palette.locator(".lm-CommandPalette-item").filter(has_text="Run solution")
    item.wait_for()
    assert "Ctrl+Shift+Enter" in " ".join(item.inner_text().split()), item.inner_text()
    with page.expect_response(
        lambda r: urlsplit(r.url).path.endswith("/codecall/api/runs") and r.request.method == "POST"
    ) as posted:
        item.click()
    assert posted.value.status == 202, posted.value.text()
    wait_for_verdict(console, posted.value.json()["id"])

    # Its shortcut runs again from anywhere, e.g. the entry field.
    console.get_by_test_id("codecall-run-entry").focus()
    with page.expect_response(
        lambda r: urlsplit(r.url).path.endswith("/codecall/api/runs") and r.request.method == "POST"
    ) as posted:
        page.keyboard.press("Control+Shift+Enter")
    run = posted.value.json()
    assert posted.value.status == 202, run
    result = wait_for_verdict(console, run["id"])
    assert result.get_by_test_id("codecall-run-verdict").get_attribute("data-verdict") == "OK"
