"""Scorecards and peer feedback over REST, on both databases.

- A scorecard (interview mode) is read by its author and the host only: the candidate,
  observers and strangers get 404 on its routes, and its text appears in no response
  they get, before or after the session ends.
- Peer feedback: each side reads the other's once both have submitted, or once the
  session has ended; drafts are never shown to anyone else.
- Bad input is refused with 422 (the API's code for a body that fails validation),
  submitted entries are final, and racing saves and submits leave one row, one event."""

from __future__ import annotations

import asyncio
import json
from dataclasses import dataclass
from typing import Any

import pytest
from sqlalchemy import func, select

from codecall_jupyter.store.models import Feedback
from codecall_jupyter.testing import Browser, body_json, create_session, join_session

FULL = {"problem_solving": 4, "coding": 3, "communication": 2, "testing": 1}
SECRET = "SCORECARD-SECRET-7f3a"


@dataclass
class Trio:
    """Host ann (interviewer), bob (candidate), cat (observer); dan is a stranger."""

    ann: Browser
    bob: Browser
    cat: Browser
    dan: Browser
    session_id: str

    def url(self, tail: str) -> str:
        return f"sessions/{self.session_id}/{tail}"


@pytest.fixture
def trio(people):
    async def make(mode: str = "interview") -> Trio:
        ann, bob, cat, dan = await people("ann", "bob", "cat", "dan")
        session = await create_session(ann, auto_admit=True, max_participants=3, mode=mode)
        roles = []
        for guest in (bob, cat):
            joined = await join_session(guest, session)
            assert joined.code == 200, joined.body
            roles.append(body_json(joined)["session"]["my_role"])
        assert roles == ["candidate", "observer"]
        return Trio(ann, bob, cat, dan, session["id"])

    return make


def error_code(response) -> str:
    return str(body_json(response)["error"]["code"])


async def ok(browser: Browser, method: str, path: str, body: Any = None) -> dict[str, Any]:
    response = await browser.api(method, path, body)
    assert response.code == 200, (method, path, response.code, response.body)
    return dict(body_json(response))


def draft(text: str = "", ratings: dict[str, int] | None = None, **extra: Any) -> dict[str, Any]:
    return {
        "ratings": FULL if ratings is None else ratings,
        "verdict": "yes",
        "text": text,
        **extra,
    }


async def everything_seen_by(browser: Browser, t: Trio) -> str:
    """Every response body this member can get about the session and about themself."""
    urls = [
        t.url(""),
        "sessions",
        "sessions/history",
        t.url("activity"),
        t.url("chat"),
        t.url("runs"),
        t.url("feedback"),
        t.url("scorecard"),
        "me/feedback",
        "me",
    ]
    bodies = []
    for url in urls:
        response = await browser.api("GET", url.rstrip("/"))
        assert response.code < 500, url
        bodies.append(response.body.decode())
    return "\n".join(bodies)


# --- scorecards ---------------------------------------------------------------------------


async def test_the_interviewer_drafts_and_submits_a_scorecard(trio):
    t = await trio()
    empty = await ok(t.ann, "GET", t.url("scorecard"))
    assert empty["mine"] is None
    assert empty["others"] == []
    assert empty["rubric"]["criteria"] == ["problem_solving", "coding", "communication", "testing"]
    assert empty["rubric"]["verdicts"] == ["strong_no", "no", "yes", "strong_yes"]

    partial = {"ratings": {"coding": 3}, "verdict": None, "text": SECRET}
    mine = (await ok(t.ann, "PUT", t.url("scorecard"), partial))["mine"]
    assert mine["kind"] == "scorecard"
    assert mine["subject"]["username"] == "bob"  # the only candidate
    assert mine["ratings"] == {"coding": 3}
    assert mine["submitted_at"] is None

    incomplete = await t.ann.api("POST", t.url("scorecard/submit"))
    assert incomplete.code == 422
    assert error_code(incomplete) == "incomplete"
    missing = body_json(incomplete)["error"]["details"]["missing"]
    assert missing == ["problem_solving", "communication", "testing", "verdict"]

    await ok(t.ann, "PUT", t.url("scorecard"), draft(SECRET, verdict="strong_yes"))
    submitted = (await ok(t.ann, "POST", t.url("scorecard/submit")))["mine"]
    assert submitted["submitted_at"] is not None
    assert submitted["verdict"] == "strong_yes"
    assert submitted["ratings"] == FULL
    # Final: no more changes, no second submit.
    again = await t.ann.api("PUT", t.url("scorecard"), draft("changed"))
    assert again.code == 409
    assert error_code(again) == "already_submitted"
    assert (await t.ann.api("POST", t.url("scorecard/submit"))).code == 409


async def test_the_scorecard_never_reaches_the_candidate_observers_or_strangers(trio):
    t = await trio()
    await ok(t.ann, "PUT", t.url("scorecard"), draft(SECRET))
    await ok(t.ann, "POST", t.url("scorecard/submit"))
    for browser in (t.bob, t.cat, t.dan):
        for method, tail, body in (
            ("GET", "scorecard", None),
            ("PUT", "scorecard", draft("mine")),
            ("POST", "scorecard/submit", None),
        ):
            response = await browser.api(method, t.url(tail), body)
            assert response.code == 404, (method, tail, response.code)
    # Nothing any of them can ask for mentions it, while the session lasts...
    for browser in (t.bob, t.cat, t.dan):
        seen = await everything_seen_by(browser, t)
        assert SECRET not in seen
    # ...or after it ended.
    await ok(t.ann, "POST", t.url("end"))
    for browser in (t.bob, t.cat):
        seen = await everything_seen_by(browser, t)
        assert SECRET not in seen
        assert '"verdict":' not in seen  # no scorecard (nor feedback) was shown at all
    # The host still reads it.
    assert (await ok(t.ann, "GET", t.url("scorecard")))["mine"]["text"] == SECRET


async def test_the_host_reads_other_interviewers_scorecards_and_they_only_their_own(trio):
    t = await trio()
    role = t.url(f"participants/{t.cat.id}/role")  # type: ignore[attr-defined]
    await ok(t.ann, "PUT", role, {"role": "interviewer"})
    await ok(t.cat, "PUT", t.url("scorecard"), draft("cat thinks yes"))
    # A draft is its author's alone.
    assert (await ok(t.ann, "GET", t.url("scorecard")))["others"] == []
    await ok(t.cat, "POST", t.url("scorecard/submit"))
    others = (await ok(t.ann, "GET", t.url("scorecard")))["others"]
    assert [(o["author"]["username"], o["text"]) for o in others] == [("cat", "cat thinks yes")]
    await ok(t.ann, "PUT", t.url("scorecard"), draft(SECRET))
    await ok(t.ann, "POST", t.url("scorecard/submit"))
    cats = await ok(t.cat, "GET", t.url("scorecard"))
    assert cats["others"] == []  # an interviewer who is not the host sees only their own
    assert SECRET not in json.dumps(cats)
    # Back to observer: no scorecard routes for cat any more.
    await ok(t.ann, "PUT", role, {"role": "observer"})
    assert (await t.cat.api("GET", t.url("scorecard"))).code == 404


async def test_no_scorecards_in_peer_mode(trio):
    t = await trio("peer")
    response = await t.ann.api("GET", t.url("scorecard"))
    assert response.code == 409
    assert error_code(response) == "not_interview_mode"
    assert (await t.bob.api("GET", t.url("scorecard"))).code == 404


async def test_a_scorecard_is_about_a_candidate(trio):
    t = await trio()
    for subject in (t.cat.id, t.ann.id, 999_999):  # type: ignore[attr-defined]
        response = await t.ann.api("PUT", t.url("scorecard"), draft(subject_id=subject))
        assert response.code == 422, subject
        assert error_code(response) == "bad_subject"


# --- peer feedback ------------------------------------------------------------------------


@pytest.mark.parametrize("mode", ["interview", "peer"])
async def test_feedback_is_revealed_once_both_submitted(trio, mode):
    t = await trio(mode)
    ann_draft = await ok(t.ann, "PUT", t.url("feedback"), draft("ann about bob"))
    assert ann_draft["mine"]["subject"]["username"] == "bob"
    bob_draft = await ok(t.bob, "PUT", t.url("feedback"), draft("bob about ann", verdict="no"))
    assert bob_draft["mine"]["subject"]["username"] == "ann"
    # Drafts are nobody else's business.
    for me in (t.ann, t.bob):
        state = await ok(me, "GET", t.url("feedback"))
        assert state["received"] == []
        assert state["waiting"] == 0

    await ok(t.ann, "POST", t.url("feedback/submit"))
    bobs = await ok(t.bob, "GET", t.url("feedback"))
    assert bobs["received"] == []
    assert bobs["waiting"] == 1  # ann's is in, shown once bob submits
    assert "ann about bob" not in json.dumps(bobs)
    assert body_json(await t.bob.api("GET", "me/feedback"))["feedback"] == []

    await ok(t.bob, "POST", t.url("feedback/submit"))
    bobs = await ok(t.bob, "GET", t.url("feedback"))
    assert [(r["author"]["username"], r["text"]) for r in bobs["received"]] == [
        ("ann", "ann about bob")
    ]
    assert bobs["waiting"] == 0
    anns = await ok(t.ann, "GET", t.url("feedback"))
    assert [(r["author"]["username"], r["verdict"]) for r in anns["received"]] == [("bob", "no")]

    page = await ok(t.bob, "GET", "me/feedback")
    assert page["total"] == 1
    [received] = page["feedback"]
    assert received["kind"] == "feedback"
    assert received["text"] == "ann about bob"
    assert received["session_title"] == "Two sum"

    events = (await ok(t.cat, "GET", t.url("activity")))["events"]
    submitted = [
        (e["actor"]["username"], e["subject"]["username"])
        for e in events
        if e["kind"] == "feedback_submitted"
    ]
    assert submitted == [("ann", "bob"), ("bob", "ann")]


async def test_feedback_is_revealed_when_the_session_ends(trio):
    t = await trio()
    await ok(t.ann, "PUT", t.url("feedback"), draft("ann about bob"))
    await ok(t.ann, "POST", t.url("feedback/submit"))
    await ok(t.bob, "PUT", t.url("feedback"), draft("bob's unsent draft"))
    assert (await ok(t.bob, "GET", t.url("feedback")))["received"] == []

    await ok(t.ann, "POST", t.url("end"))
    bobs = await ok(t.bob, "GET", t.url("feedback"))
    assert [r["text"] for r in bobs["received"]] == ["ann about bob"]
    assert [f["text"] for f in (await ok(t.bob, "GET", "me/feedback"))["feedback"]] == [
        "ann about bob"
    ]
    # Bob's draft stays his until he submits it, after the end too.
    assert (await ok(t.ann, "GET", t.url("feedback")))["received"] == []
    assert "unsent" not in json.dumps(await ok(t.ann, "GET", "me/feedback"))
    await ok(t.bob, "PUT", t.url("feedback"), draft("bob, after the end"))
    await ok(t.bob, "POST", t.url("feedback/submit"))
    anns = await ok(t.ann, "GET", t.url("feedback"))
    assert [r["text"] for r in anns["received"]] == ["bob, after the end"]


async def test_observers_and_strangers_write_no_feedback(trio):
    t = await trio()
    await ok(t.ann, "PUT", t.url("feedback"), draft("ann about bob"))
    await ok(t.ann, "POST", t.url("feedback/submit"))
    for method, tail, body in (
        ("GET", "feedback", None),
        ("PUT", "feedback", draft("x")),
        ("POST", "feedback/submit", None),
    ):
        assert (await t.cat.api(method, t.url(tail), body)).code == 403
        assert (await t.dan.api(method, t.url(tail), body)).code == 404
    for browser in (t.cat, t.dan):
        assert "ann about bob" not in await everything_seen_by(browser, t)
    # Nobody can aim feedback at an observer.
    cat_id = t.cat.id  # type: ignore[attr-defined]
    response = await t.bob.api("PUT", t.url("feedback"), draft(subject_id=cat_id))
    assert response.code == 422


async def test_unknown_session_is_404(trio):
    t = await trio()
    for tail in ("feedback", "scorecard", "notes"):
        method = "POST" if tail == "notes" else "GET"
        assert (await t.ann.api(method, f"sessions/{'f' * 32}/{tail}")).code == 404


# --- validation ---------------------------------------------------------------------------


BAD_BODIES = [
    {"ratings": {"speed": 3}},
    {"ratings": {"coding": 5}},
    {"ratings": {"coding": 0}},
    {"ratings": {"coding": "3"}},
    {"ratings": {"coding": True}},
    {"ratings": {"coding": 2.5}},
    {"ratings": [3, 3, 3, 3]},
    {"verdict": "maybe"},
    {"verdict": 1},
    {"text": "x" * 10_001},
    {"text": "bad\u0000text"},
    {"subject_id": "2"},
    {"subject_id": 2**40},
    {"secret_field": 1},
]


@pytest.mark.parametrize("kind", ["scorecard", "feedback"])
async def test_bad_input_is_refused(trio, kind):
    t = await trio()
    for body in BAD_BODIES:
        response = await t.ann.api("PUT", t.url(kind), body)
        assert response.code == 422, (body, response.body)
        assert error_code(response) == "invalid_request"
    assert (await ok(t.ann, "GET", t.url(kind)))["mine"] is None


async def test_submit_needs_a_draft(trio):
    t = await trio()
    response = await t.bob.api("POST", t.url("feedback/submit"))
    assert response.code == 409
    assert error_code(response) == "no_draft"


# --- races --------------------------------------------------------------------------------


async def test_racing_saves_and_submits_leave_one_row_and_one_event(trio, codecall_services):
    t = await trio()
    saves = await asyncio.gather(
        *(t.bob.api("PUT", t.url("feedback"), draft(f"take {i}")) for i in range(4))
    )
    assert [r.code for r in saves] == [200] * 4
    submits = await asyncio.gather(*(t.bob.api("POST", t.url("feedback/submit")) for _ in range(4)))
    assert sorted(r.code for r in submits) == [200, 409, 409, 409]
    events = (await ok(t.ann, "GET", t.url("activity")))["events"]
    assert [e["kind"] for e in events].count("feedback_submitted") == 1

    async with codecall_services.accounts.db.session() as s:
        count = await s.scalar(select(func.count()).select_from(Feedback))
    assert count == 1
