"""Private notes, scorecards and peer feedback: requests and responses."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Annotated, Literal

from pydantic import Field

from ..services.feedback import CRITERIA, RATING_MAX, RATING_MIN, VERDICTS
from .accounts import PublicUserOut
from .base import Request, Response, Text

if TYPE_CHECKING:
    Criterion = str
    Verdict = str
else:  # the rubric as the service defines it
    Criterion = Literal[CRITERIA]
    Verdict = Literal[VERDICTS]
Kind = Literal["scorecard", "feedback"]
Rating = Annotated[int, Field(ge=RATING_MIN, le=RATING_MAX)]


class NotesOut(Response):
    path: str = Field(
        description="The contents path of my private notes: open it like any file "
        "(contents API, collaboration room). Nobody else can."
    )


class FeedbackDraft(Request):
    """The whole draft: what is left out is cleared. Ratings may be partial until submit."""

    ratings: dict[Criterion, Rating] = Field(
        default_factory=dict, description="Criterion -> rating from 1 (poor) to 4 (strong)."
    )
    verdict: Verdict | None = None
    text: Text = Field(default="", max_length=10_000)
    subject_id: int | None = Field(
        default=None,
        ge=1,
        le=2**31 - 1,
        description="Whom it is about; by default the only possible person (a scorecard's "
        "candidate, feedback's other side), and then kept.",
    )


class RubricOut(Response):
    criteria: list[Criterion]
    verdicts: list[Verdict] = Field(description="From the worst to the best.")
    min_rating: int
    max_rating: int


class FeedbackOut(Response):
    kind: Kind
    session_id: str
    author: PublicUserOut
    subject: PublicUserOut | None
    ratings: dict[Criterion, int]
    verdict: Verdict | None
    text: str
    updated_at: datetime
    submitted_at: datetime | None = Field(description="null while it is a draft.")


class ScorecardStateOut(Response):
    rubric: RubricOut
    mine: FeedbackOut | None = Field(description="My scorecard: a draft, submitted, or null.")
    others: list[FeedbackOut] = Field(
        description="The host only: other interviewers' submitted scorecards."
    )


class FeedbackStateOut(Response):
    rubric: RubricOut
    mine: FeedbackOut | None = Field(description="My feedback: a draft, submitted, or null.")
    received: list[FeedbackOut] = Field(
        description="Feedback about me, once I submitted mine about its author or the "
        "session ended."
    )
    waiting: int = Field(
        description="Feedback about me that is submitted but shown only once I submit mine "
        "or the session ends."
    )


class ReceivedFeedbackOut(FeedbackOut):
    session_title: str
    session_ended_at: datetime | None


class ReceivedFeedbackPage(Response):
    feedback: list[ReceivedFeedbackOut] = Field(description="Newest first.")
    page: int
    per_page: int
    total: int
