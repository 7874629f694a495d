"""The services written for the app: who next, the contact list, the week view, demo data."""

from __future__ import annotations

from datetime import date, timedelta

from netrhythm.domain.cadence import due_state, next_due
from netrhythm.domain.records import EventRec
from netrhythm.services.contacts.contact_list import (
    ContactLine,
    contact_lines,
    contact_list,
    filter_lines,
    sort_lines,
)
from netrhythm.services.contacts.manage import ContactForm, add_contact
from netrhythm.services.contacts.who_next import who_next
from netrhythm.services.context import Context
from netrhythm.services.tracking.log import LogRequest, log_action
from netrhythm.services.tracking.status import status
from netrhythm.services.tracking.week_view import week_view

TODAY = date(2026, 11, 23)


def line(i: int, name: str, *, last: date | None = None, cadence: int | None = None,
         tags: tuple[str, ...] = (), created: date = date(2026, 1, 1)) -> ContactLine:
    return ContactLine(i, name, "", "", tags, cadence, last, last or created, False,
                       due_state(next_due(last, cadence, None, None, created), cadence, TODAY))


def event(name: str, days: int, notes: str = "") -> EventRec:
    return EventRec(1, name, TODAY + timedelta(days=days), notes=notes)


def test_who_next_puts_cold_first_then_shared_interests_then_the_longest_quiet() -> None:
    lines = [
        line(1, "Cold", last=date(2026, 9, 1), cadence=30),
        line(2, "Rustacean", last=date(2026, 10, 1), tags=("rust",)),
        line(3, "Quiet", last=date(2026, 3, 1)),
        line(4, "Recent", last=TODAY - timedelta(days=2), tags=("rust",)),
        line(5, "Open", last=date(2026, 10, 5), tags=("open-source",)),
    ]
    found = who_next(lines, [event("Rust Meetup", 3), event("Open Source Summit", 10)], TODAY)
    assert [s.name for s in found] == ["Cold", "Rustacean", "Open", "Quiet"]
    assert [s.kind for s in found] == ["cold", "shared", "shared", "longest"]
    assert found[0].reason == "53 days overdue (every 30 days)"
    assert found[1].short == "rust · Rust Meetup"
    assert found[3].reason == "267 days since you talked"


def test_who_next_does_not_let_many_cold_contacts_crowd_out_the_rest() -> None:
    cold = [line(i, f"Cold {i}", last=date(2026, 1, 1), cadence=30) for i in range(1, 9)]
    shared = line(20, "Gardener", last=date(2026, 10, 1), tags=("gardening",))
    found = who_next([*cold, shared], [event("Urban Gardening Swap", 5)], TODAY, limit=5)
    assert [s.kind for s in found] == ["cold", "cold", "cold", "cold", "shared"]
    assert who_next([], [], TODAY) == []


def test_who_next_ignores_events_beyond_a_month_and_archived_contacts() -> None:
    far = who_next([line(1, "Rusty", last=date(2026, 10, 1), tags=("rust",))],
                   [event("Rust Meetup", 45)], TODAY)
    assert [s.kind for s in far] == ["longest"]
    archived = line(2, "Gone", last=date(2026, 1, 1), cadence=7)
    archived = archived._replace(archived=True)
    assert who_next([archived], [], TODAY) == []


def test_contact_lines_sort_and_filter(ctx: Context) -> None:
    add_contact(ctx, ContactForm(name="Bea", company="Acme", cadence_days="10",
                                 notes="loves gardening"))
    add_contact(ctx, ContactForm(name="Al", tags=["rust"], cadence_days="5"))
    add_contact(ctx, ContactForm(name="Cy"))
    log_action(ctx, LogRequest("reach-out", ["Al"], date="2026-11-01"))
    lines = contact_lines(ctx)
    assert [x.name for x in lines] == ["Al", "Bea", "Cy"]
    assert [x.name for x in sort_lines(lines, "overdue")] == ["Al", "Bea", "Cy"]
    assert [x.name for x in sort_lines(lines, "last")] == ["Bea", "Cy", "Al"]  # never first
    assert lines[0].due.state == "overdue" and lines[0].last_contact == date(2026, 11, 1)
    listed = contact_list(ctx)
    assert list(listed) == lines
    assert [x.name for x in filter_lines(listed, "garden")] == ["Bea"]
    assert [x.name for x in filter_lines(listed, "RUST")] == ["Al"]
    assert list(filter_lines(listed, "  ")) == lines
    assert list(filter_lines(listed, "[]")) == []


def test_week_view_matches_status_and_lists_the_weeks_actions(demo_ctx: Context) -> None:
    view = week_view(demo_ctx)
    assert view.is_current and view.status.name == "2026-W48" and view.span == "Mon–Sun"
    assert view.status.to_json() == status(demo_ctx).to_json()
    assert len(view.actions) == 5 and all(a.occurred_on == TODAY for a in view.actions)
    past = week_view(demo_ctx, view.current_week - 1)
    assert past.weeks_ago == 1 and not past.is_current
    assert all(TODAY - timedelta(days=7) <= a.occurred_on < TODAY for a in past.actions)
    assert week_view(demo_ctx, view.current_week + 3).is_current  # never past this week
