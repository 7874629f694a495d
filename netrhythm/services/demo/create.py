"""A realistic year of demo data, the same every time for the same seed and the same "today".

Written through the storage functions inside one ``bulk_load()`` (fast, not journaled, the
search index rebuilt once). "Today" comes from the context's clock: the current week holds
only actions up to today. The year has streaks that break and recover, a paused holiday
fortnight, people who have gone cold, follow-ups coming due and events in the next weeks.
Call it on a new, empty database (the seeded practices are used as they are).
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path

from netrhythm.domain.streaks import PracticeRule, period_bounds
from netrhythm.domain.weeks import week_first_day, week_last_day
from netrhythm.paths import Location
from netrhythm.services.context import Context
from netrhythm.services.demo import words
from netrhythm.services.demo.people import Person, make_people
from netrhythm.storage import actions as action_store
from netrhythm.storage import contacts as contact_store
from netrhythm.storage import events as event_store
from netrhythm.storage import followups as followup_store
from netrhythm.storage import practices as practice_store
from netrhythm.storage import settings as settings_store
from netrhythm.storage.cadence import fill_missing_starts
from netrhythm.storage.journal import bulk_load

WEEKS = 52
HOLIDAY = (-13, -12)  # paused weeks, counted back from the current week
# Weeks (counted back from the current one) in which a practice fell short: streaks break
# there and recover after. Reach out ends on a 6-week streak; follow up missed last week.
MISSES = {
    "reach-out": (-7, -15, -16, -31, -40, -41, -47),
    "give-value": (-3, -9, -10, -20, -21, -22, -33, -45),
    "follow-up": (-1, -5, -17, -18, -26, -38, -50),
    "attend-event": (-21, -33, -45),
}
THIS_WEEK = {"reach-out": 2, "give-value": 1, "follow-up": 2, "attend-event": 0}


DEMO_MARKER = "demo"  # a setting: this database holds demo data and the next demo may replace it


def is_demo_database(where: Location | Path) -> bool:
    """Whether the database ``where`` says is one that ``create_demo`` filled."""
    from netrhythm.storage.db import peek_setting

    return peek_setting(where, DEMO_MARKER) is not None


@dataclass(frozen=True)
class DemoSummary:
    contacts: int
    actions: int
    events: int
    follow_ups: int


class _Writer:
    """Writes one year, oldest first, the way a person would have logged it."""

    def __init__(self, ctx: Context, rnd: random.Random) -> None:
        self.ctx, self.rnd = ctx, rnd
        self.today = ctx.today()
        self.current = ctx.read_current_week()
        self.ws = ctx.read_week_start()
        self.first_day = week_first_day(self.current - WEEKS, self.ws)
        self.actions = self.follow_ups = 0
        self.last_seen: dict[int, date] = {}
        self.promised: dict[int, tuple[date, date]] = {}  # contact id: (made, due) of a promise
        self.practices = {p.slug: p for p in practice_store.list_practices()}
        anchor = self.current - WEEKS + 1
        self.rules = {slug: PracticeRule(p.target, p.period_weeks, anchor)
                      for slug, p in self.practices.items()}

    def day_in(self, week: int) -> date:
        first = week_first_day(week, self.ws)
        last = min(week_last_day(week, self.ws), self.today)
        return first + timedelta(days=self.rnd.randint(0, (last - first).days))

    def log(self, slug: str, day: date, people: list[Person], note: str,
            event_id: int | None = None, follow_up_days: int | None = None) -> None:
        ids = [p.id for p in people]
        practice = self.practices[slug]
        moment = datetime.combine(day, time(self.rnd.randint(8, 19), self.rnd.choice((0, 30))))
        action_id = action_store.insert_action(practice.id, day, note, event_id, ids,
                                               min(moment, self.ctx.now()))
        followup_store.complete_follow_ups(ids, day)
        for person in people:
            self.last_seen[person.id] = max(day, self.last_seen.get(person.id, day))
            if follow_up_days:
                due = day + timedelta(days=follow_up_days)
                followup_store.insert_follow_up(person.id, due, note, day, action_id, event_id)
                self.promised[person.id] = (day, due)
                self.follow_ups += 1
        self.actions += 1


def _count(rnd: random.Random, target: int, missed: bool) -> int:
    if missed:
        return rnd.randint(0, target - 1)
    return target + (1 if rnd.random() < 0.2 else 0)


def _pick(w: _Writer, slug: str, circle: list[Person], people: list[Person],
          week_start: date) -> Person:
    """Reach out to someone not seen for a while; follow up on a promise when one is open."""
    ready = {pid: due for pid, (made, due) in w.promised.items() if made < week_start}
    if slug == "follow-up" and ready:
        person_id = min(ready, key=lambda pid: (ready[pid], pid))
        del w.promised[person_id]
        return next(p for p in people if p.id == person_id)
    if slug == "reach-out" and w.rnd.random() < 0.8:
        def due(p: Person) -> date:
            since = w.last_seen.get(p.id, p.created_on)
            return since + timedelta(days=p.cadence or 365)

        return w.rnd.choice(sorted(circle, key=lambda p: (due(p), p.id))[:4])
    return w.rnd.choice(circle)


def _topic(rnd: random.Random, person: Person) -> str:
    return rnd.choice(person.tags) if person.tags else rnd.choice(words.TAGS)[0]


def _week(w: _Writer, week: int, people: list[Person],
          events: dict[int, tuple[int, str, date]]) -> None:
    """Every practice's actions in ``week`` (only up to today in the current week)."""
    rnd, back = w.rnd, week - w.current
    for slug, practice in w.practices.items():
        if back in HOLIDAY:
            continue
        if practice.period_weeks > 1:
            first = period_bounds(week, w.rules[slug])[0] - w.current
            missed = any(first + i in MISSES.get(slug, ()) for i in range(practice.period_weeks))
            count = 0 if week not in events or missed else 1
        elif back == 0:
            count = THIS_WEEK.get(slug, 0)
        else:
            count = _count(rnd, practice.target, back in MISSES.get(slug, ()))
        end = week_last_day(week, w.ws)
        circle = [p for p in people if p.in_touch(end)]
        for _ in range(count):
            if slug == "attend-event":
                event_id, _, held_on = events[week]
                met = [p for p in people if p.met_at == event_id][:2]
                w.log(slug, held_on, met, rnd.choice(words.EVENT_NOTES), event_id)
                continue
            day = w.day_in(week)
            if not circle:
                break
            person = _pick(w, slug, circle, people, week_first_day(week, w.ws))
            notes = {"reach-out": words.REACH_OUT_NOTES, "give-value": words.GIVE_NOTES,
                     "follow-up": words.FOLLOW_UP_NOTES}[slug]
            note = rnd.choice(notes).format(topic=_topic(rnd, person))
            follow = rnd.choice((7, 14)) if slug == "reach-out" and rnd.random() < 0.3 else None
            w.log(slug, day, [person], note, follow_up_days=follow)


def _events(w: _Writer) -> dict[int, tuple[int, str, date]]:
    """One event in every other week (the fortnights of "Attend an event"), four upcoming."""
    out: dict[int, tuple[int, str, date]] = {}
    anchor = w.current - WEEKS + 1  # fortnights end on the current week's pair
    for n, first in enumerate(range(anchor, w.current + 1, 2)):
        # alternate the week within the fortnight; the current fortnight's was last week
        week = first + (n % 2 if first + 1 < w.current else 0)
        name, place, notes = words.EVENTS[n % len(words.EVENTS)]
        day = w.day_in(week)
        out[week] = (event_store.insert_event(name=name, held_on=day, location=place,
                                              notes=notes, created_on=day), name, day)
    for n, days in enumerate((3, 9, 16, 24)):
        name, place, notes = words.EVENTS[(n * 5 + 1) % len(words.EVENTS)]
        event_store.insert_event(name=name, held_on=w.today + timedelta(days=days),
                                 location=place, notes=notes, created_on=w.today)
    return out


def create_demo(ctx: Context, seed: int = 2026) -> DemoSummary:
    """Fill the (new) database of ``ctx`` with a year of demo data up to ``ctx.today()``."""
    rnd = random.Random(seed)
    with bulk_load():
        settings_store.set_setting(DEMO_MARKER, ctx.today().isoformat())
        w = _Writer(ctx, rnd)
        anchor_day = week_first_day(w.current - WEEKS + 1, w.ws)
        for practice in w.practices.values():
            practice_store.update_practice(practice.id, created_on=anchor_day)
        for tag, cadence in words.TAGS:
            if cadence:
                contact_store.set_tag_cadence(tag, cadence, anchor_day)
        events = _events(w)
        people = make_people(w, rnd, events)
        for week in range(w.current - WEEKS + 1, w.current + 1):
            first = week_first_day(week, w.ws)
            if week - w.current in HOLIDAY:
                settings_store.set_paused(first, week_last_day(week, w.ws), True)
            _week(w, week, people, events)
            if week < w.current and rnd.random() < 0.6:
                text = rnd.choice(words.REFLECTIONS).format(
                    name=rnd.choice(people).name, topic=rnd.choice(words.TAGS)[0])
                settings_store.save_review(first, week_last_day(week, w.ws), text,
                                           datetime.combine(week_last_day(week, w.ws),
                                                            time(18)))
        _due_follow_ups(w, people)
        fill_missing_starts()
    return DemoSummary(len(people), w.actions, len(events) + 4, w.follow_ups)


def _due_follow_ups(w: _Writer, people: list[Person]) -> None:
    """A few promises coming due around today, so the Week screen has some to show."""
    for offset, person in zip((-2, 0, 2), people[3:6], strict=True):
        followup_store.insert_follow_up(person.id, w.today + timedelta(days=offset),
                                        "Send the slides from the talk", w.today -
                                        timedelta(days=9))
        w.follow_ups += 1
