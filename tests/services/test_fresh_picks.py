"""Who next's never-contacted people: at most 3 a week, each for a reason, the same all week.

Best first: met at an event you went to in the four weeks before the week began, at the
company of someone you talked to then, holding one of their tags (not one that most of your
contacts hold); else the oldest connections.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from netrhythm.domain.clock import FixedClock
from netrhythm.services.contacts.fresh import fresh_picks
from netrhythm.services.contacts.manage import ContactForm, add_contact
from netrhythm.services.context import Context
from netrhythm.services.events import EventForm, add_event
from netrhythm.services.tracking.log import LogRequest, log_action
from netrhythm.services.transfer.exchange import import_contacts

OLD_CONNECTIONS = (
    "name,company,connected_on,tags\n"
    "Newer Link,,2020-05-05,linkedin\n"
    "Oldest Link,,2012-01-01,linkedin\n"
    "Older Link,,2015-03-03,linkedin\n"
)


def on(ctx: Context, when: str) -> Context:
    return Context(ctx.location, FixedClock(datetime.fromisoformat(when)))


def people(ctx: Context, tmp_path: Path) -> None:
    """Set up on Mon 9 Nov: who you know, whom you never talked to, and 25 imported."""
    setup = on(ctx, "2026-11-09T09:00")
    add_event(setup, EventForm(name="PyData Berlin", held_on="2026-11-05"))
    for form in (ContactForm(name="Rita Recent", company="Hooli", tags=["rust", "linkedin"]),
                 ContactForm(name="Adam Acme", company="Acme"),
                 ContactForm(name="Mona Met", met_at="PyData Berlin"),
                 ContactForm(name="Alice Acme", company="ACME"),
                 ContactForm(name="Rob Rust", tags=["rust"]),
                 ContactForm(name="Lea Linked", tags=["linkedin"]),
                 *[ContactForm(name=f"Bulk {i}", tags=["linkedin"]) for i in range(25)]):
        add_contact(setup, form)
    path = tmp_path / "old.csv"
    path.write_text(OLD_CONNECTIONS, encoding="utf-8")
    import_contacts(setup, path)
    log_action(on(ctx, "2026-11-05T20:00"), LogRequest("attend-event", event="PyData Berlin"))
    log_action(on(ctx, "2026-11-10T12:00"), LogRequest("reach-out", ["Adam Acme"]))
    log_action(on(ctx, "2026-11-16T12:00"), LogRequest("give-value", ["Rita Recent"]))


def test_picks_go_event_then_company_then_tag_each_with_its_reason(ctx: Context,
                                                                   tmp_path: Path) -> None:
    people(ctx, tmp_path)
    picks = fresh_picks(on(ctx, "2026-11-23T10:00"))
    assert [(s.name, s.kind, s.reason, s.short) for s in picks] == [
        ("Mona Met", "new", "met at PyData Berlin, where you were on Thu 5 Nov",
         "met at PyData Berlin"),
        ("Alice Acme", "new", "at Acme, like Adam Acme (you talked Tue 10 Nov)", "at Acme"),
        ("Rob Rust", "new", "into rust, like Rita Recent (you talked Mon 16 Nov)", "into rust"),
    ]  # "linkedin", held by most contacts, says nothing about Lea Linked


def test_picks_stay_the_same_all_week_and_one_you_talk_to_drops_off(ctx: Context,
                                                                   tmp_path: Path) -> None:
    people(ctx, tmp_path)
    monday = [s.name for s in fresh_picks(on(ctx, "2026-11-23T10:00"))]
    log_action(on(ctx, "2026-11-25T10:00"), LogRequest("reach-out", ["Lea Linked"]))
    log_action(on(ctx, "2026-11-26T10:00"), LogRequest("reach-out", ["Alice Acme"]))
    friday = [s.name for s in fresh_picks(on(ctx, "2026-11-27T10:00"))]
    assert friday == [n for n in monday if n != "Alice Acme"] == ["Mona Met", "Rob Rust"]
    # a new week: matched with what you did the four weeks before it
    assert [s.name for s in fresh_picks(on(ctx, "2026-11-30T10:00"))] == \
        ["Mona Met", "Rob Rust", "Oldest Link"]


def test_without_recent_activity_the_oldest_connections_come_first(ctx: Context,
                                                                  tmp_path: Path) -> None:
    path = tmp_path / "old.csv"
    path.write_text(OLD_CONNECTIONS, encoding="utf-8")
    import_contacts(ctx, path)
    picks = fresh_picks(ctx)
    assert [(s.name, s.reason, s.short) for s in picks] == [
        ("Oldest Link", "never contacted; connected Sun 1 Jan 2012", "new; connected 2012"),
        ("Older Link", "never contacted; connected Tue 3 Mar 2015", "new; connected 2015"),
        ("Newer Link", "never contacted; connected Tue 5 May 2020", "new; connected 2020"),
    ]
    assert fresh_picks(ctx, per_week=1)[0].name == "Oldest Link"
