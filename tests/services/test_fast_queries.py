"""The fast paths give the same answers as the plain ones they replace.

``gone_cold`` decides in SQL who is past their cadence; ``suggest`` reads only the contacts
that can make the "who next" list; a contact name is first looked for among the names that
can hold it; ``progress`` can compute one practice alone. Each is checked against the plain
computation over every contact or practice, on the demo data and on made-up edge cases.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from netrhythm.domain.cadence import due_state, next_due
from netrhythm.domain.clock import FixedClock
from netrhythm.domain.errors import InputError
from netrhythm.domain.resolve import pick
from netrhythm.services import lookup
from netrhythm.services.contacts.cold import gone_cold
from netrhythm.services.contacts.contact_list import contact_lines
from netrhythm.services.contacts.fresh import fresh_picks
from netrhythm.services.contacts.manage import ContactForm, add_contact, set_archived
from netrhythm.services.contacts.who_next import suggest, who_next
from netrhythm.services.context import Context
from netrhythm.services.tracking.log import LogRequest, log_action
from netrhythm.services.tracking.progress import progress
from netrhythm.storage import contacts as contact_store
from netrhythm.storage.events import upcoming_events
from netrhythm.storage.tables import Event

TODAY = date(2026, 11, 23)


def at(ctx: Context, day: date) -> Context:
    return Context(ctx.location, FixedClock(datetime.combine(day, datetime.min.time())))


def plain_gone_cold(ctx: Context) -> list[tuple[int, str, date | None, int | None, int]]:
    """Who is past their cadence: every active contact's state from ``next_due``, over the
    full contact records (and the Contacts screen's lines agree)."""
    today = ctx.today()
    out = []
    records = {c.id: c for c in contact_store.load_contacts(include_archived=False,
                                                            as_of=today)}
    for line in contact_lines(ctx):
        c = records[line.id]
        assert line.due == due_state(next_due(c.last_contact, c.effective_cadence,
                                              c.cadence_from, c.first_due_on, c.created_on),
                                     c.effective_cadence, today)
        if line.due.state == "overdue":
            since = (today - line.last_contact).days if line.last_contact else None
            out.append((line.id, line.name, line.last_contact, since, line.due.days_overdue))
    out.sort(key=lambda c: (-c[4], c[1].casefold(), c[0]))
    return out


@pytest.mark.parametrize("days_back", [0, 30, 200, 400])
def test_gone_cold_is_everyone_past_their_cadence(demo_ctx: Context, days_back: int) -> None:
    ctx = at(demo_ctx, TODAY - timedelta(days=days_back))
    found = [(c.id, c.name, c.last_contact, c.days_since, c.days_overdue)
             for c in gone_cold(ctx)]
    assert sorted(found, key=lambda c: (-c[4], c[1].casefold(), c[0])) == plain_gone_cold(ctx)
    assert [c[4] for c in found] == sorted((c[4] for c in found), reverse=True)


@pytest.mark.parametrize("days_back", [0, 3, 10, 45, 120, 300])
@pytest.mark.parametrize("limit", [1, 5, 8])
def test_suggest_is_who_next_over_every_contact(demo_ctx: Context, days_back: int,
                                                limit: int) -> None:
    ctx = at(demo_ctx, TODAY - timedelta(days=days_back))
    upcoming = upcoming_events(ctx.today())
    fresh = fresh_picks(ctx)
    expected = who_next(contact_lines(ctx), upcoming, ctx.today(), limit, fresh=fresh)
    assert suggest(ctx, gone_cold(ctx), upcoming, limit, fresh=fresh) == expected


def test_suggest_orders_ties_like_who_next(ctx: Context) -> None:
    """Many people last talked to on the same day tie on "since": the first of them by name
    (case and accents as people type them) make the list, and those sharing a tag with an
    upcoming event come first."""
    names = ["émile", "Emma", "EMMA b", "anna", "Ánna", "Zoë", "zoe", "bob", "Bob", "Øyvind"]
    for n, name in enumerate(names * 3):
        add_contact(ctx, ContactForm(name=f"{name} {n // len(names)}",
                                     tags=["rust"] if n % 4 == 0 else ["gardening"],
                                     last_contact="2026-10-01"))
    Event.insert(name="Rust Meetup", held_on=TODAY + timedelta(days=5), location="", url="",
                 notes="", created_on=TODAY).execute()
    set_archived(ctx, "Emma 0")
    upcoming = upcoming_events(TODAY)
    for limit in (1, 2, 5, 8):
        assert suggest(ctx, gone_cold(ctx), upcoming, limit) == \
            who_next(contact_lines(ctx), upcoming, TODAY, limit)
    log_action(ctx, LogRequest("reach-out", ["#3"], date="2026-11-22"))
    assert suggest(ctx, gone_cold(ctx), upcoming, 5) == \
        who_next(contact_lines(ctx), upcoming, TODAY, 5)


def plain_lookup(text: str, include_archived: bool) -> tuple[str, object]:
    options = [(i, n, f"{n} ({c})" if c else n)
               for i, n, c in contact_store.names_index(include_archived=include_archived)]
    try:
        return "ok", pick(text, options, "--with", "contact")
    except InputError as exc:
        return "error", exc.message


def fast_lookup(text: str, include_archived: bool) -> tuple[str, object]:
    try:
        return "ok", lookup.contact(text, "--with", include_archived)
    except InputError as exc:
        return "error", exc.message


def test_contact_lookup_answers_as_over_every_name(ctx: Context) -> None:
    for name, company in [("Anna Strauß", "Acme"), ("Anna Strauss", ""), ("50% Bob", ""),
                          ("Bob_Smith", "Acme"), ("Bobby", ""), ("Zoë Karimi", ""),
                          ("ZOE K", ""), ("Li\\Wei", ""), ("Maria Chen", "Acme"),
                          ("Maria Chen", "Globex"), ("ﬁona", "")]:
        add_contact(ctx, ContactForm(name=name, company=company))
    set_archived(ctx, "Bobby")
    for text in ["anna strauss", "strauß", "STRAUSS", "50%", "%", "_", "bob_", "bob",
                 "bobby", "zoe", "zoë", "li\\w", "maria chen", "maria", "fiona", "fi",
                 "#1", "#5", "#05", "#99", "nobody", "Chen (Acme)", "  ", "a"]:
        for archived in (False, True):
            assert fast_lookup(text, archived) == plain_lookup(text, archived), text


def test_progress_of_one_practice_is_its_share_of_all(demo_ctx: Context) -> None:
    everything = progress(demo_ctx, include_archived=True)
    for row in everything.practices:
        (alone,) = progress(demo_ctx, include_archived=True,
                            practice_id=row.practice.id).practices
        assert alone == row
