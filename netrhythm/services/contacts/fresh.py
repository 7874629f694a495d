"""Never-contacted people for "who next": a few a week, each for a reason.

A large import should become a steady trickle of reconnections, not a wall. Each week, "who
next" offers at most ``PER_WEEK`` people you have never talked to, chosen by what they share
with what you did in the ``RECENT_DAYS`` before the week began, best first:

1. met at an event you went to then (an action at that event);
2. at the company of someone you talked to then;
3. holding a tag of someone you talked to then (not a tag that more than a fifth of your
   contacts hold, such as an import's: it says nothing about a person);
4. otherwise your oldest connections (met, else connected on LinkedIn, else added).

Ties go to the oldest connection. The picks are worked out from the week's start, so they
stay the same all week; one you talk to drops off.
"""

from __future__ import annotations

from datetime import date

from netrhythm.domain.dates import short_date
from netrhythm.domain.weeks import week_first_day, week_index
from netrhythm.services.contacts.who_next import Suggestion
from netrhythm.services.context import Context
from netrhythm.storage import fresh as store
from netrhythm.storage.fresh import FreshRow

PER_WEEK = 3
RECENT_DAYS = 28
BIG_TAG_SHARE, BIG_TAG_MIN = 5, 20  # a tag held by over a fifth (and over 20) of contacts


def fresh_picks(ctx: Context, per_week: int = PER_WEEK) -> list[Suggestion]:
    """This week's never-contacted people (those talked to since the week began left out)."""
    today = ctx.today()
    week_start = ctx.read_week_start()
    until = week_first_day(week_index(today, week_start), week_start).toordinal()
    since = until - RECENT_DAYS
    people = {i: (name, company, day) for i, name, company, day in
              store.recent_people(since, until)}
    events = {i: (name, day) for i, name, day in store.recent_events(since, until)}
    companies: dict[str, tuple[str, str, int]] = {}  # key: (company, who, day)
    for name, company, day in people.values():
        key = store.company_key(company)
        if key and day > companies.get(key, ("", "", -1))[2]:
            companies[key] = (company, name, day)
    tags: dict[int, tuple[str, str, int]] = {}  # tag id: (tag, who, day)
    for contact_id, tag_id, tag in store.tags_of(sorted(people)):
        day = people[contact_id][2]
        if day > tags.get(tag_id, ("", "", -1))[2]:
            tags[tag_id] = (tag, people[contact_id][0], day)
    big = max(BIG_TAG_MIN, store.active_count() // BIG_TAG_SHARE)
    for tag_id, held_by in store.tag_sizes(sorted(tags)).items():
        if held_by > big:
            del tags[tag_id]
    found = store.ranked(until, events, companies, tags, per_week)
    return [_suggestion(row, today, events, companies, tags) for row in found
            if not row.contacted]


def _suggestion(row: FreshRow, today: date, events: dict[int, tuple[str, int]],
                companies: dict[str, tuple[str, str, int]],
                tags: dict[int, tuple[str, str, int]]) -> Suggestion:
    """A pick, with the reason ``store.ranked`` ranked it by (``row.kind``)."""
    if row.kind == 0 and row.met_at_id in events:
        event, on = events[row.met_at_id]
        reason = f"met at {event}, where you were on {short_date(date.fromordinal(on))}"
        brief = f"met at {event}"
    elif row.kind == 1 and store.company_key(row.company) in companies:
        company, who, on = companies[store.company_key(row.company)]
        reason = f"at {company}, like {who} (you talked {short_date(date.fromordinal(on))})"
        brief = f"at {company}"
    elif row.kind == 2 and (shared := [tags[t] for t in row.tag_ids if t in tags]):
        tag, who, on = max(shared, key=lambda x: x[2])
        reason = f"into {tag}, like {who} (you talked {short_date(date.fromordinal(on))})"
        brief = f"into {tag}"
    else:
        reason = f"never contacted; {row.how} {short_date(row.connected, with_year=True)}"
        brief = f"new; {row.how} {row.connected.year}"
    return Suggestion(row.id, row.name, reason, "new", (today - row.connected).days,
                      brief=brief)
