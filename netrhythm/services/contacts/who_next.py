"""Who to reach out to next: networking on shared interests, not at random.

Suggestions come in four groups, in this order:

1. **Gone cold**: contacts past their keep-in-touch cadence, most days overdue first.
2. **Shares an interest with an upcoming event**: contacts with a tag that an event in the
   next 30 days names in its name, location or notes (``rust`` matches "Rust Meetup";
   ``open-source`` matches "Open Source Summit"), soonest event first.
3. **Never contacted**: at most 3 a week, each for a reason (``services.contacts.fresh``
   picks them and keeps their places).
4. **Longest since contact**: everyone else you have talked to, the longest since first.

Each contact appears once; groups 2 and 4 hold only people you have talked to, and not in
the last 7 days. So that a long list of cold contacts does not crowd out shared interests,
the first two groups give at most ``per_group`` suggestions each at first, then more of the
same in the same order; the fourth group fills only the places still free.

``who_next`` decides from a list of contacts; ``suggest`` gives the same answer for every
active contact while reading only those that can make the list (the most overdue, the
longest quiet, the longest quiet sharing an interest with each upcoming event).
"""

from __future__ import annotations

import heapq
import re
from collections.abc import Sequence
from datetime import date, timedelta
from typing import NamedTuple

from netrhythm.domain.dates import short_date
from netrhythm.domain.records import EventRec
from netrhythm.services.contacts.cold import Cold
from netrhythm.services.contacts.contact_list import ContactLine, contact_lines
from netrhythm.services.context import Context
from netrhythm.storage import contact_list as store

EVENT_HORIZON_DAYS = 30
RECENT_DAYS = 7
_NON_WORD = re.compile(r"[\W_]+", re.UNICODE)


class Suggestion(NamedTuple):
    """Someone to reach out to, and why."""

    contact_id: int
    name: str
    reason: str  # "47 days overdue (every 30 days)"
    kind: str  # "cold", "shared", "new" or "longest"
    days: int  # days overdue ("cold"), since the last contact, or since connected ("new")
    tag: str = ""  # the shared interest ("shared")
    event: str = ""  # the upcoming event that names it ("shared")
    brief: str = ""  # the reason in a few words ("new")

    @property
    def short(self) -> str:
        """The reason in a few words: ``47d overdue``, ``rust · Rust Meetup``, ``120d quiet``,
        ``Acme · like Maria Chen``."""
        if self.kind == "cold":
            return f"{self.days}d overdue"
        if self.kind == "shared":
            return f"{self.tag} · {self.event}"
        if self.kind == "new":
            return self.brief
        return f"{self.days}d quiet"


def _words(text: str) -> str:
    return f" {_NON_WORD.sub(' ', text.casefold()).strip()} "


def _event_tags(event: EventRec, tags: set[str]) -> list[str]:
    text = _words(" ".join((event.name, event.location, event.notes)))
    return sorted((t for t in tags if _words(t).strip() and _words(t) in text), key=str.casefold)


def who_next(lines: Sequence[ContactLine], upcoming: Sequence[EventRec], today: date,
             limit: int = 5, per_group: int = 2,
             fresh: Sequence[Suggestion] = ()) -> list[Suggestion]:
    """Up to ``limit`` suggestions from active contacts ``lines``, ``upcoming`` events and
    never-contacted ``fresh`` picks (who keep their places, up to ``limit``)."""
    active = [line for line in lines if not line.archived]
    cold, shared, longest = _groups(active, upcoming, today, want=limit * 3)
    out: list[Suggestion] = []
    seen: set[int] = set()
    room = limit - min(len(fresh), limit)

    def take(group: Sequence[Suggestion], cap: int, until: int) -> None:
        taken = 0
        for s in group:
            if len(out) >= until or taken >= cap:
                return
            if s.contact_id not in seen:
                seen.add(s.contact_id)
                out.append(s)
                taken += 1

    for group, cap in ((cold, per_group), (shared, per_group), (cold, limit), (shared, limit)):
        take(group, cap, room)
    take(fresh, limit, limit)
    take(longest, limit, limit)
    order = {kind: n for n, kind in enumerate(("cold", "shared", "new", "longest"))}
    return sorted(out, key=lambda s: order[s.kind])


def suggest(ctx: Context, cold: Sequence[Cold], upcoming: Sequence[EventRec],
            limit: int = 5, per_group: int = 2,
            fresh: Sequence[Suggestion] = ()) -> list[Suggestion]:
    """``who_next`` over every active contact, today; ``cold`` is ``gone_cold(ctx)``, and
    ``fresh`` the week's never-contacted picks (``fresh.fresh_picks``).

    Each group takes its first ``limit * 3`` in its order, so only those can make the list:
    the most overdue (everyone tied with the last of them too), the longest quiet, and the
    longest quiet holding a tag that each upcoming event names. Only they are read, and the
    same ``who_next`` decides.
    """
    today = ctx.today()
    want = limit * 3
    ids: set[int] = set()
    if cold:
        least = cold[min(want, len(cold)) - 1].days_overdue
        ids.update(c.id for c in cold if c.days_overdue >= least)
    quiet_after = today - timedelta(days=RECENT_DAYS)
    ids.update(_first_quiet(today, quiet_after, want, None))
    tags = store.tag_names()
    names = {name for _, name in tags}
    horizon = today + timedelta(days=EVENT_HORIZON_DAYS)
    for event in upcoming:
        if today <= event.held_on <= horizon:
            named = set(_event_tags(event, names))
            tag_ids = [tag_id for tag_id, name in tags if name in named]
            if tag_ids:
                ids.update(_first_quiet(today, quiet_after, want, tag_ids))
    ids.update(s.contact_id for s in fresh)
    return who_next(contact_lines(ctx, ids=ids), upcoming, today, limit, per_group, fresh)


def _first_quiet(today: date, quiet_after: date, want: int,
                 tag_ids: list[int] | None) -> list[int]:
    """The first ``want`` quiet contacts in ``_groups``' order (since, then name): SQL ranks
    by day, ties are ordered here as ``_groups`` orders them."""
    rows = store.longest_quiet(today, quiet_after, want, tag_ids)
    rows.sort(key=lambda row: (row[2], row[1].casefold()))  # stable: name order within
    return [row[0] for row in rows[:want]]


def _groups(active: list[ContactLine], upcoming: Sequence[EventRec], today: date,
            want: int) -> tuple[list[Suggestion], list[Suggestion], list[Suggestion]]:
    """The first ``want`` of each group, in its order (a contact may be in several)."""
    cold = [Suggestion(x.id, x.name,
                       f"{x.due.days_overdue} days overdue (every {x.cadence_days} days)",
                       "cold", x.due.days_overdue)
            for x in heapq.nsmallest(want, (x for x in active if x.due.state == "overdue"),
                                     key=lambda x: (-x.due.days_overdue, x.name.casefold()))]
    recent = today - timedelta(days=RECENT_DAYS)
    quiet = sorted((x for x in active if x.last_contact and x.last_contact <= recent),
                   key=lambda x: (x.since, x.name.casefold()))
    all_tags = {t for x in quiet for t in x.tags}
    horizon = today + timedelta(days=EVENT_HORIZON_DAYS)
    shared: list[Suggestion] = []
    for event in sorted(upcoming, key=lambda e: (e.held_on, e.id)):
        if not today <= event.held_on <= horizon:
            continue
        tags = {t.casefold() for t in _event_tags(event, all_tags)}
        for x in quiet:
            if len(shared) >= want:
                break
            match = next((t for t in x.tags if t.casefold() in tags), None)
            if match:
                shared.append(Suggestion(
                    x.id, x.name, f"into {match}, like {event.name} "
                    f"({short_date(event.held_on)})", "shared", (today - x.since).days,
                    match, event.name))
    longest = []
    for x in quiet[:want]:
        days = (today - x.since).days
        longest.append(Suggestion(x.id, x.name, f"{days} days since you talked", "longest",
                                  days))
    return cold, shared, longest
