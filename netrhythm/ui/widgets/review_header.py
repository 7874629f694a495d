"""What the Review screen loads (a review and where it sits in time) and its header line."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from textual.content import Content

from netrhythm.domain.weeks import weeks_from
from netrhythm.services.review.build import Review
from netrhythm.services.review.page import Page


@dataclass(frozen=True)
class Loaded:
    """A review, laid out as a page, with what the screen needs to place it."""

    review: Review
    page: Page
    current_week: int
    today: date
    week_start: int

    @property
    def weeks_ago(self) -> int:
        return self.current_week - self.review.week


def when(loaded: Loaded) -> tuple[str, str]:
    """``last week``, ``this week`` (in progress) or ``5 weeks ago``, with its style."""
    return (weeks_from(loaded.review.week, loaded.current_week),
            "bold" if loaded.weeks_ago == 1 else "bold $text-warning")


def header_text(loaded: Loaded) -> tuple[Content, Content]:
    """The header's left side (week, dates, how long ago) and right side (rhythm score)."""
    r = loaded.review
    left = Content.assemble(("Review ", "bold"), (r.name, "bold $text-accent"),
                            f" · {r.label} · ", when(loaded))
    score, slash, scale = loaded.page.score.partition("/")
    right = Content.assemble(("Rhythm ", "$text-muted"), (score, "bold"),
                             (slash + scale, "$text-muted"))
    return left, right
