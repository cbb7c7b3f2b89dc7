"""The problem bank in JupyterLab, end to end in two real browsers, with the real sandbox.

Priya (the host) and Quinn (the guest) register through invites in two browser profiles.
Priya opens the Problems panel from the CodeCall sidebar, filters it by the tag
"hashing", reads "Pair Sum Count" (its statement rendered as Markdown, examples and
starters) and starts a session with it from "Practice this problem". Quinn joins by the
invite link and Priya admits him: both see the statement in the session's Problem card.
Priya reveals a hint and Quinn sees it. Quinn writes the reference Python solution into
the session folder (Jupyter's contents API, with his own cookie) and submits it: both see
every case pass, the hidden ones as pass or fail only. Quinn opens My progress and sees
one problem solved, and the session among his past sessions once it ended, with its
replay. Last, Priya writes a small problem of her own in the editor: the server's sandbox
check names her broken starter beside it, she fixes it and it is saved; she exports it as
a zip, deletes it, imports the zip (shared with friends) and edits it again.

The tests run in order and save docs/screenshots/14-problem-bank.png,
15-session-problem-hints.png, 16-progress-dashboard.png and 17-author-problem.png. The
lab server is shared with the other browser tests: the usernames here are used nowhere
else. Submissions and saving a problem need the runner's sandbox.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from lab_people import (
    Person,
    Steps,
    api,
    browsers_for,
    dismiss_toasts,
    join_and_admit,
    open_sidebar,
    register,
    session_panel,
)

pytestmark = pytest.mark.browser

PROBLEM_ID = "pair-sum-count"
PROBLEM_TITLE = "Pair Sum Count"
TAG = "hashing"
# A session panel reloads every 3 s: allow a few beats.
PANEL_WAIT_MS = 15_000
# A submission may wait for a kernel to start in the sandbox, and the large cases'
# inputs are generated first.
RUN_WAIT_MS = 120_000
# Saving a problem runs every starter and solution in the sandbox.
SAVE_WAIT_MS = 180_000
REFERENCE_SOLUTION = (
    Path(__file__)
    .resolve()
    .parents[2]
    .joinpath("codecall_jupyter", "problems", "bank", PROBLEM_ID, "solutions", "solution.py")
)
OWN_ID = "priya-add-two"
OWN_TITLE = "Add Two Numbers"
XSS = '<img src=x onerror="window.__xss=1">'
OWN_STATEMENT = f"Print the sum of **two** integers. {XSS}"
BROKEN_STARTER = "import sys\n\ndef add(a, b)\n    return 0\n"
FIXED_STARTER = (
    "def add(a: int, b: int) -> int:\n"
    "    return 0  # write the sum\n\n\n"
    "a, b = map(int, input().split())\n"
    "print(add(a, b))\n"
)
SOLUTION = "a, b = map(int, input().split())\nprint(a + b)\n"


@dataclass
class Story(Steps):
    host: Person
    guest: Person
    session_id: str | None = None
    folder: str | None = None
    registered: bool = False
    started: bool = False
    in_session: bool = False
    submitted: bool = False
    authored: bool = False


@pytest.fixture(scope="module")
def story(new_context: Any, lab_server: Any) -> Iterator[Story]:
    host = Person("priya", "Priya Problems", "priya.problems@example.org", lab_server)
    guest = Person("quinn", "Quinn Candidate", "quinn.candidate@example.org", lab_server)
    with browsers_for(new_context, host, guest):
        yield Story(host=host, guest=guest)


# --- helpers ---------------------------------------------------------------------------


def write_file(person: Person, story: Story, name: str, text: str) -> None:
    """Save a file into the session folder, as JupyterLab's editor would."""
    status, body = api(
        person,
        "PUT",
        f"api/contents/{story.folder}/{name}",
        {"type": "file", "format": "text", "content": text},
    )
    assert status in (200, 201), (status, body)


def problems_panel(page: Any) -> Any:
    panel = page.locator("#codecall-problems")
    panel.wait_for(state="visible")
    return panel


def problem_card(page: Any, session_id: str) -> Any:
    card = session_panel(page, session_id).locator(".cc-ProblemCard")
    card.wait_for(state="visible", timeout=PANEL_WAIT_MS)
    return card


def run_console(page: Any, session_id: str) -> Any:
    console = session_panel(page, session_id).locator(".cc-RunConsole")
    console.wait_for(state="visible", timeout=PANEL_WAIT_MS)
    return console


def hide_sidebar(page: Any) -> None:
    """Close the CodeCall sidebar (for a wider main area in a screenshot)."""
    if page.locator("#codecall-sidebar").is_visible():
        page.locator('.jp-SideBar.jp-mod-left [data-id="codecall-sidebar"]').click()
        page.locator("#codecall-sidebar").wait_for(state="hidden")


def scroll_to_top(page: Any, selector: str) -> None:
    page.evaluate("s => { document.querySelector(s).scrollTop = 0; }", selector)


def is_path(suffix: str, method: str) -> Any:
    return lambda r: urlsplit(r.url).path.endswith(suffix) and r.request.method == method


# --- the story ---------------------------------------------------------------------------


def test_host_and_guest_register(story: Story, lab_server: Any) -> None:
    for person in (story.host, story.guest):
        register(person, lab_server)
    story.registered = True


def test_host_filters_the_problems_by_tag_and_reads_one(story: Story, screenshots: Path) -> None:
    story.require("registered")
    page = story.host.page
    open_sidebar(page).get_by_role("button", name="Browse problems").click()
    panel = problems_panel(page)
    panel.locator(".cc-ProblemItem").first.wait_for()

    with page.expect_response(
        lambda r: (
            is_path("/codecall/api/problems", "GET")(r)
            and parse_qs(urlsplit(r.url).query).get("tag") == [TAG]
        )
    ) as filtered:
        panel.get_by_label("Tag", exact=True).select_option(TAG)
    assert filtered.value.status == 200, filtered.value.text()
    expected = filtered.value.json()
    assert expected["problems"], expected
    items = panel.locator(".cc-ProblemList > li")
    page.wait_for_function(
        "([el, n]) => el.querySelectorAll(':scope > li').length === n",
        arg=[panel.locator(".cc-ProblemList").element_handle(), len(expected["problems"])],
    )
    for i in range(items.count()):
        tags = items.nth(i).locator(".cc-Tag").all_inner_texts()
        assert TAG in tags, tags
    assert (
        panel.locator(".cc-ProblemCount")
        .inner_text()
        .startswith(f"{len(expected['problems'])} problem")
    )

    item = panel.locator(f'.cc-ProblemList [data-problem-id="{PROBLEM_ID}"] button')
    item.click()
    detail = panel.locator(f'.cc-ProblemDetail[data-problem-id="{PROBLEM_ID}"]')
    detail.wait_for()
    assert item.get_attribute("aria-current") == "true"
    assert detail.locator(".cc-ProblemDetail-title").inner_text() == PROBLEM_TITLE
    assert detail.locator(".cc-DifficultyBadge").inner_text() == "Easy"
    # The statement is rendered Markdown: its sections are headings, its code is code.
    statement = detail.locator(".cc-Statement .jp-RenderedMarkdown")
    statement.wait_for()
    assert statement.get_by_role("heading", name="Input").count() == 1
    assert statement.get_by_role("heading", name="Constraints").count() == 1
    assert statement.locator("code").count() > 0
    assert "Count the pairs of indices" in " ".join(statement.inner_text().split())
    # The examples, then the starters one language at a time.
    examples = detail.locator(".cc-Example")
    assert examples.count() == 2
    assert examples.first.locator(".cc-Example-text").first.inner_text().strip() == "5 6\n1 5 3 3 2"
    tabs = detail.get_by_role("tablist", name="Starter programs by language")
    python = tabs.get_by_role("tab", name="Python", exact=True)
    python.click()
    assert python.get_attribute("aria-selected") == "true"
    python.press("ArrowRight")
    following = tabs.locator('[aria-selected="true"]')
    assert following.inner_text() != "Python"
    python.click()
    code = detail.get_by_role("tabpanel")
    code.get_by_text("def count_pairs").wait_for()

    dismiss_toasts(page)
    hide_sidebar(page)
    scroll_to_top(page, "#codecall-problems .cc-ProblemsPanel")
    page.wait_for_timeout(300)
    page.screenshot(path=str(screenshots / "14-problem-bank.png"))


def test_host_starts_a_session_with_the_problem(story: Story) -> None:
    story.require("registered")
    page = story.host.page
    panel = problems_panel(page)
    panel.get_by_role("button", name="Practice this problem").click()
    dialog = page.locator(".jp-Dialog").filter(has_text="New practice session")
    dialog.wait_for(state="visible")
    chosen = dialog.locator(f'.cc-ProblemPicker-chosen[data-problem-id="{PROBLEM_ID}"]')
    chosen.wait_for()
    assert PROBLEM_TITLE in chosen.inner_text()
    assert dialog.get_by_label("Title").input_value() == PROBLEM_TITLE
    # The picker searches as you type and is driven by the keyboard: Enter picks the
    # problem on show and leaves the dialog open.
    chosen.get_by_role("button", name=f"Remove the problem {PROBLEM_TITLE}").click()
    picker = dialog.get_by_role("combobox", name="Problem from the bank (optional)")
    picker.press_sequentially("pair sum", delay=30)
    option = dialog.locator(f'[role="option"][data-problem-id="{PROBLEM_ID}"]')
    option.wait_for()
    options = dialog.locator('[role="option"]')
    ids = [options.nth(i).get_attribute("data-problem-id") for i in range(options.count())]
    for _ in range(ids.index(PROBLEM_ID)):
        picker.press("ArrowDown")
    assert option.get_attribute("aria-selected") == "true"
    assert "Easy" in option.inner_text()
    picker.press("Enter")
    chosen.wait_for()
    assert dialog.is_visible()
    dialog.get_by_label("Language").select_option("python")
    with page.expect_response(is_path("/codecall/api/sessions", "POST")) as created:
        dialog.get_by_role("button", name="Create session").click()
    assert created.value.status == 201, created.value.text()
    session = created.value.json()
    assert session["problem_id"] == PROBLEM_ID, session
    story.session_id = session["id"]
    story.folder = f"codecall-sessions/{session['id']}"
    header = session_panel(page, session["id"]).locator('.cc-Fact[data-fact="problem"] dd')
    header.get_by_text(PROBLEM_TITLE).wait_for(timeout=PANEL_WAIT_MS)
    story.started = True


def test_guest_joins_and_both_see_the_statement(story: Story) -> None:
    story.require("started")
    assert story.session_id
    host, guest = story.host, story.guest
    status, session = api(host, "GET", f"codecall/api/sessions/{story.session_id}")
    assert status == 200, session
    join_and_admit(host, guest, session, PANEL_WAIT_MS)
    story.in_session = True
    for person in (host, guest):
        card = problem_card(person.page, story.session_id)
        statement = card.locator(".cc-Statement .jp-RenderedMarkdown")
        statement.get_by_text("Count the pairs of indices").wait_for(timeout=PANEL_WAIT_MS)
        assert card.locator(".cc-Example").count() == 2
    # The interviewer's guide is the host's alone: every hint, none revealed yet.
    host_card = problem_card(host.page, story.session_id)
    guide = host_card.get_by_test_id("codecall-problem-guide")
    guide.wait_for()
    assert guide.locator(".cc-HintItem").count() == 3
    assert guide.locator(".cc-HintItem.cc-mod-revealed").count() == 0
    assert guide.locator(".cc-Solution").count() >= 1
    assert guide.get_by_text("Follow-up question").count() == 1
    guest_card = problem_card(guest.page, story.session_id)
    assert guest_card.get_by_test_id("codecall-problem-guide").count() == 0
    assert guest_card.get_by_role("button", name="Reveal next hint").count() == 0
    assert guest_card.get_by_text("No hint has been revealed yet.").count() == 1


def test_host_reveals_a_hint_and_the_guest_sees_it(story: Story, screenshots: Path) -> None:
    story.require("in_session")
    assert story.session_id
    host, guest = story.host, story.guest
    card = problem_card(host.page, story.session_id)
    with host.page.expect_response(is_path("/problem/hints", "POST")) as revealed:
        card.get_by_role("button", name="Reveal next hint").click()
    assert revealed.value.status == 200, revealed.value.text()
    hint = revealed.value.json()["revealed_hints"][0]
    assert hint.startswith("For each position j"), hint
    guide = card.get_by_test_id("codecall-problem-guide")
    revealed_items = guide.locator(".cc-HintItem.cc-mod-revealed")
    revealed_items.get_by_text("For each position j").wait_for(timeout=PANEL_WAIT_MS)
    assert revealed_items.count() == 1
    card.get_by_text("2 hints left to reveal.").wait_for()

    guest_hints = problem_card(guest.page, story.session_id).get_by_test_id(
        "codecall-revealed-hints"
    )
    guest_hints.get_by_text("For each position j").wait_for(timeout=PANEL_WAIT_MS)
    assert guest_hints.locator(".cc-HintItem").count() == 1

    page = host.page
    dismiss_toasts(page)
    guide.scroll_into_view_if_needed()
    page.wait_for_timeout(300)
    page.screenshot(path=str(screenshots / "15-session-problem-hints.png"))


def test_guest_submits_the_reference_solution(story: Story) -> None:
    story.require("in_session")
    assert story.session_id
    host, guest = story.host, story.guest
    status, problem = api(guest, "GET", f"codecall/api/problems/{PROBLEM_ID}")
    assert status == 200, problem
    total = problem["cases"]
    hidden = total - len(problem["examples"])
    write_file(guest, story, "solution.py", REFERENCE_SOLUTION.read_text())

    page = guest.page
    console = run_console(page, story.session_id)
    page.wait_for_function(
        "el => el.value === 'python'",
        arg=console.get_by_test_id("codecall-run-language").element_handle(),
        timeout=PANEL_WAIT_MS,
    )
    assert console.get_by_test_id("codecall-run-entry").input_value() == "solution.py"
    with page.expect_response(is_path("/codecall/api/runs", "POST")) as posted:
        console.get_by_test_id("codecall-run-submit").click()
    assert posted.value.status == 202, posted.value.text()
    run = posted.value.json()
    assert run["mode"] == "judge", run

    for person in (guest, host):
        result = run_console(person.page, story.session_id).locator(
            f'.cc-RunResult[data-run-id="{run["id"]}"][data-status="done"]'
        )
        result.wait_for(timeout=RUN_WAIT_MS)
        verdict = result.get_by_test_id("codecall-run-verdict")
        assert verdict.get_attribute("data-verdict") == "OK", result.inner_text()
        result.locator(".cc-Celebrate").get_by_text(f"All {total} tests passed!").wait_for()
        assert result.locator(".cc-RunCase").count() == total
    # The candidate sees hidden cases as pass or fail only.
    guest_result = run_console(page, story.session_id).locator(
        f'.cc-RunResult[data-run-id="{run["id"]}"]'
    )
    summary = guest_result.get_by_test_id("codecall-run-hidden")
    assert f"Hidden cases: {hidden} of {hidden} passed" in summary.inner_text()
    hidden_rows = guest_result.locator(".cc-RunCase").filter(has_text="(hidden)")
    assert hidden_rows.count() == hidden
    assert hidden_rows.locator("details, pre").count() == 0
    story.submitted = True


def test_guest_sees_one_solved_in_my_progress(story: Story, screenshots: Path) -> None:
    story.require("submitted")
    assert story.session_id
    host, guest = story.host, story.guest
    page = guest.page
    open_sidebar(page).get_by_role("button", name="My progress").click()
    panel = page.locator("#codecall-progress")
    panel.wait_for(state="visible")
    solved = panel.locator('.cc-StatTile[data-stat="solved"] dd')
    solved.wait_for()
    assert solved.inner_text() == "1"
    assert panel.locator('.cc-StatTile[data-stat="current-streak"] dd').inner_text() == "1 day"
    charts = panel.locator('svg[role="img"]')
    labels = [charts.nth(i).get_attribute("aria-label") or "" for i in range(charts.count())]
    assert any(label.startswith("Problems solved by difficulty: Easy 1 of") for label in labels), (
        labels
    )
    assert any("Problems solved: 1." in label for label in labels), labels
    assert any("hashing 1 of" in label for label in labels), labels
    assert panel.locator('.cc-Heatmap-day[data-solved="1"]').count() == 1

    # Once the host ends the session it is among the guest's past sessions, with a replay.
    status, ended = api(host, "POST", f"codecall/api/sessions/{story.session_id}/end")
    assert status == 200, ended
    panel.get_by_role("button", name="Reload my progress").click()
    row = panel.locator(f'.cc-PastSessions tr[data-session-id="{story.session_id}"]')
    row.wait_for(timeout=PANEL_WAIT_MS)
    text = " ".join(row.inner_text().split())
    for expected in (PROBLEM_TITLE, "Candidate", "OK"):
        assert expected in text, text

    dismiss_toasts(page)
    hide_sidebar(page)
    scroll_to_top(page, "#codecall-progress .cc-ProgressPanel")
    page.wait_for_timeout(300)
    page.screenshot(path=str(screenshots / "16-progress-dashboard.png"))

    row.get_by_role("button", name=f"Replay “{PROBLEM_TITLE}”").click()
    page.locator(f"#codecall-replay-{story.session_id}").wait_for(state="visible")


def test_host_writes_a_problem_and_fixes_the_starter_the_sandbox_refused(
    story: Story, screenshots: Path
) -> None:
    story.require("registered")
    page = story.host.page
    open_sidebar(page).get_by_role("button", name="Write a problem").click()
    editor = page.locator(".cc-ProblemEditor")
    editor.get_by_role("heading", name="New problem").wait_for()
    editor.get_by_label("Id", exact=True).fill(OWN_ID)
    editor.get_by_label("Title", exact=True).fill(OWN_TITLE)
    editor.get_by_role("checkbox", name="math", exact=True).check()
    statement = editor.locator(".cc-StatementFields")
    statement.get_by_label("Statement (Markdown)").fill(OWN_STATEMENT)
    statement.get_by_label("Input", exact=True).fill("Two integers `a` and `b` on one line.")
    statement.get_by_label("Output", exact=True).fill("Their sum.")
    statement.get_by_label("Constraints", exact=True).fill("- `-10^9 ≤ a, b ≤ 10^9`")
    examples = editor.locator(".cc-CasesEditor.cc-mod-examples")
    examples.get_by_label("Input", exact=True).fill("2 3")
    examples.get_by_label("Expected output", exact=True).fill("5")
    hidden = editor.locator(".cc-CasesEditor.cc-mod-hidden")
    hidden.get_by_role("button", name="Add a hidden case").click()
    hidden.get_by_label("Input", exact=True).fill("10 -4")
    hidden.get_by_label("Expected output", exact=True).fill("6")
    editor.get_by_label("Python starter code").fill(BROKEN_STARTER)
    editor.get_by_label("Python solution code").fill(SOLUTION)

    save = editor.get_by_role("button", name="Save the problem").first
    posted = is_path("/codecall/api/problems", "POST")
    with page.expect_response(posted, timeout=SAVE_WAIT_MS) as saved:
        save.click()
    assert saved.value.status == 422, saved.value.text()
    faults = saved.value.json()["error"]["details"]["faults"]
    assert [f["file"] for f in faults] == ["starter/solution.py"], faults
    # Named in the list at the top, and beside the starter itself.
    summary = editor.locator('.cc-FaultList[role="alert"]')
    summary.locator('.cc-Fault[data-file="starter/solution.py"]').wait_for()
    starter = editor.locator('.cc-ProgramRow[data-file="starter/solution.py"]')
    starter.locator(".cc-FaultList .cc-Fault").wait_for()
    assert "starter/solution.py" in starter.locator(".cc-Fault-file").inner_text()
    assert starter.get_by_label("Python starter code").get_attribute("aria-invalid") == "true"

    dismiss_toasts(page)
    hide_sidebar(page)
    starter.scroll_into_view_if_needed()
    page.wait_for_timeout(300)
    page.screenshot(path=str(screenshots / "17-author-problem.png"))

    starter.get_by_label("Python starter code").fill(FIXED_STARTER)
    with page.expect_response(posted, timeout=SAVE_WAIT_MS) as saved:
        save.click()
    assert saved.value.status == 201, saved.value.text()
    own = saved.value.json()
    assert (own["id"], own["visibility"]) == (OWN_ID, "private"), own
    assert own["problem"]["title"] == OWN_TITLE
    page.locator(".cc-ProblemEditor").get_by_text("Saved, and proven in the sandbox.").wait_for()
    assert page.locator('.cc-ProblemEditor .cc-FaultList[role="alert"]').count() == 0
    # It is among my problems now, and the id is kept from here on.
    status, mine = api(story.host, "GET", "codecall/api/problems?mine=yes")
    assert status == 200, mine
    assert [p["id"] for p in mine["problems"]] == [OWN_ID], mine
    assert editor.get_by_label("Id", exact=True).get_attribute("readonly") is not None
    story.authored = True


def test_host_exports_deletes_imports_and_edits_her_problem(story: Story, tmp_path: Path) -> None:
    story.require("authored")
    page = story.host.page
    open_sidebar(page).get_by_role("button", name="Browse problems").click()
    panel = problems_panel(page)
    panel.get_by_role("button", name="Clear filters").click()  # the tag chosen earlier
    panel.get_by_label("Only problems I wrote").check()
    panel.locator(f'.cc-ProblemList [data-problem-id="{OWN_ID}"] button').click()
    detail = panel.locator(f'.cc-ProblemDetail[data-problem-id="{OWN_ID}"]')
    detail.wait_for()
    assert "Yours, private" in detail.inner_text()
    # Its statement is Markdown from a user: rendered, and sanitized.
    detail.locator(".cc-Statement strong").get_by_text("two").wait_for()
    page.wait_for_timeout(500)  # an injected image would have errored by now
    assert page.evaluate("() => window.__xss") is None
    assert detail.locator(".cc-Statement img[onerror]").count() == 0

    with page.expect_download() as download:
        detail.get_by_role("button", name="Export zip").click()
    archive = tmp_path / download.value.suggested_filename
    download.value.save_as(archive)
    assert archive.name == f"{OWN_ID}.zip"
    with zipfile.ZipFile(archive) as zipped:
        names = set(zipped.namelist())
    assert {f"{OWN_ID}/problem.md", f"{OWN_ID}/starter/solution.py"} <= names, names

    detail.get_by_role("button", name="Delete").click()
    dialog = page.locator(".jp-Dialog").filter(has_text="Delete the problem")
    with page.expect_response(is_path(f"/codecall/api/problems/{OWN_ID}", "DELETE")) as gone:
        dialog.get_by_role("button", name="Delete").click()
    assert gone.value.status == 204, gone.value.text()
    panel.get_by_text("You have not written a problem that matches.").wait_for()

    with page.expect_file_chooser() as chooser:
        panel.get_by_role("button", name="Import zip…").click()
    chooser.value.set_files(archive)
    dialog = page.locator(".jp-Dialog").filter(has_text="Import a problem")
    dialog.get_by_role("radio", name="Shared with my friends").check()
    posted = is_path("/codecall/api/problems/import", "POST")
    with page.expect_response(posted, timeout=SAVE_WAIT_MS) as imported:
        dialog.get_by_role("button", name="Import").click()
    assert imported.value.status == 201
    status, own = api(story.host, "GET", f"codecall/api/problems/{OWN_ID}/files")
    assert status == 200, own
    assert own["visibility"] == "friends", own
    detail.get_by_text("Yours, shared with friends").wait_for(timeout=PANEL_WAIT_MS)

    # Its editor (closed first: a fresh one reads the files back into the form).
    tab = page.locator(".lm-DockPanel-tabBar .lm-TabBar-tab").filter(has_text=OWN_TITLE)
    tab.locator(".lm-TabBar-tabCloseIcon").click()
    detail.get_by_role("button", name="Edit").click()
    editor = page.locator(f"#codecall-problem-editor-{OWN_ID} .cc-ProblemEditor")
    editor.get_by_role("heading", name=f"Edit problem: {OWN_TITLE}").wait_for()
    assert editor.get_by_label("Id", exact=True).input_value() == OWN_ID
    assert editor.get_by_label("Title", exact=True).input_value() == OWN_TITLE
    assert editor.get_by_role("checkbox", name="math", exact=True).is_checked()
    assert editor.get_by_label("Who may use it").input_value() == "friends"
    statement = editor.locator(".cc-StatementFields")
    assert statement.get_by_label("Statement (Markdown)").input_value() == OWN_STATEMENT
    assert statement.get_by_label("Output", exact=True).input_value() == "Their sum."
    examples = editor.locator(".cc-CasesEditor.cc-mod-examples")
    assert examples.get_by_label("Input", exact=True).input_value() == "2 3"
    hidden = editor.locator(".cc-CasesEditor.cc-mod-hidden")
    assert hidden.get_by_label("Expected output", exact=True).input_value() == "6"
    assert editor.get_by_label("Python starter code").input_value() == FIXED_STARTER
    assert editor.get_by_label("Python solution code").input_value() == SOLUTION
