"""Never-contacted people for "who next": a few a week, each for a reason.

A large import should become a steady trickle of reconnections, not a wall. Each week, "who
next" offers at most ``PER_WEEK`` people you have never talked to, chosen by what they share
with what you did in the ``RECENT_DAYS`` before the week began, best first:

1. met at an event you went to then (an action at that event);
2. at the company of someone you talked to then;
3. holding a tag of someone you talked to then (not a tag that more than a fifth of your
   contacts hold, such as an import's: it says nothing about a person);
4. otherwise your oldest connections (met, else connected on LinkedIn, else added).

Ties go to the most recent activity, then the oldest connection. The picks are worked out
from the week's start, so they stay the same all week; one you talk to drops off.
"""

from __future__ import annotations

from datetime import date

from netrhythm.domain.dates import short_date
from netrhythm.domain.weeks import week_first_day, week_index
from netrhythm.formats.records import fold
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
    candidates = store.never_contacted(until)
    if not candidates:
        return []
    people = {i: (name, company, day) for i, name, company, day in
              store.recent_people(since, until)}
    events = {i: (name, day) for i, name, day in store.recent_events(since, until)}
    companies: dict[str, tuple[str, str, int]] = {}
    for name, company, day in people.values():
        key = fold(company)
        if key and day > companies.get(key, ("", "", -1))[2]:
            companies[key] = (company, name, day)
    big = max(BIG_TAG_MIN, store.active_count() // BIG_TAG_SHARE)
    tags: dict[int, tuple[str, str, int]] = {}  # tag id: (tag, who, day)
    for contact_id, tag_id, tag, held_by in store.tags_of(sorted(people)):
        day = people[contact_id][2]
        if held_by <= big and day > tags.get(tag_id, ("", "", -1))[2]:
            tags[tag_id] = (tag, people[contact_id][0], day)
    ranked = sorted((_pick(c, today, events, companies, tags) for c in candidates),
                    key=lambda pick: pick[0])
    return [suggestion for _, suggestion, contacted in ranked[:per_week] if not contacted]


def _pick(c: FreshRow, today: date, events: dict[int, tuple[str, int]],
          companies: dict[str, tuple[str, str, int]],
          tags: dict[int, tuple[str, str, int]]) -> tuple[tuple[object, ...], Suggestion, bool]:
    """(rank, suggestion, talked to since the week began) of one candidate."""
    day = date.min
    if c.met_at_id in events:
        event, on = events[c.met_at_id]
        day = date.fromordinal(on)
        rank, reason, brief = 0, f"met at {event}, which you went to on {short_date(day)}", event
    elif fold(c.company) in companies:
        company, who, on = companies[fold(c.company)]
        day = date.fromordinal(on)
        rank, reason = 1, f"at {company}, like {who} (you talked {short_date(day)})"
        brief = f"{company} · like {who}"
    elif shared := [tags[t] for t in c.tag_ids if t in tags]:
        tag, who, on = max(shared, key=lambda x: x[2])
        day = date.fromordinal(on)
        rank, reason, brief = 2, f"into {tag}, like {who} (you talked {short_date(day)})", \
            f"{tag} · like {who}"
    else:
        rank = 3
        reason = f"{c.how} {short_date(c.connected, with_year=True)}, not contacted yet"
        brief = f"{c.how} {c.connected.year}"
    key = (rank, -day.toordinal(), c.connected, c.id)
    days = (today - c.connected).days
    return key, Suggestion(c.id, c.name, reason, "new", days, brief=brief), c.contacted
