"""A review laid out for reading: everything the Review screen and ``netrhythm review`` (text
and Markdown) show, computed once here so that the two faces cannot disagree.

Each face only renders a ``Page``: the screen styles it (names literally, marks coloured), the
text adds headings and bullets. What a face adds of its own is how to act: the screen names
keys, the command line names commands.
"""

from __future__ import annotations

from typing import NamedTuple

from netrhythm.domain.dates import short_date
from netrhythm.domain.weeks import week_last_day, week_name
from netrhythm.services.review.build import HEAT_WEEKS, Review
from netrhythm.services.review.glance import Line, glance
from netrhythm.services.review.heat import HeatMap, heat_map
from netrhythm.services.review.people import PeopleRow, people_rows
from netrhythm.services.review.rows import PracticeRow, practice_rows, trend_floor, trend_legend

HEAT_TITLE = f"Heat map · last {HEAT_WEEKS} weeks"


class Page(NamedTuple):
    """One review, ready to show."""

    title: str  # "Week 2026-W47 (Mon 16 Nov – Sun 22 Nov 2026)"
    score: str  # "90/100", or "–" with nothing to score
    glance: list[Line]
    practices: list[PracticeRow]
    trend_legend: str
    heat: HeatMap
    people: list[PeopleRow]  # none when the week is empty and nobody is worth naming
    empty: str = ""  # why there are no practices to show (then no practices nor heat map)
    go_to: str = ""  # the week worth looking at instead, when there is one


def nothing_yet(r: Review) -> tuple[str, str]:
    """What to say when no practice had started by the week, and which week to see."""
    if r.first_week is None:
        return "There are no practices to review.", ""
    name = week_name(r.first_week, r.week_start)
    last = week_last_day(r.first_week, r.week_start)
    return (f"Nothing to show yet: your practices start in {name}. Its review is complete "
            f"after {short_date(last)}; until then it shows the week so far.", name)


def page(r: Review, cell: int = 1) -> Page:
    """``cell``: columns a week in the heat map."""
    empty, go_to = nothing_yet(r) if not r.practices else ("", "")
    title = f"Week {r.name} ({r.label})" + ("" if r.finished else " — in progress")
    people = people_rows(r)
    if empty and not any(row.items for row in people if row.label != "Give / ask") \
            and not r.actions:
        people = []  # five rows of "none" say nothing: the practices panel says what to do
    return Page(title, f"{r.overall_score:.0f}/100" if r.practices else "–", glance(r),
                practice_rows(r), trend_legend(trend_floor(r)), heat_map(r, cell),
                people, empty, go_to)
