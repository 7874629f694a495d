"""The rows of the user's log: actions, who they were with, follow-ups, reviews and nudges.

Pure and seeded. About 60% of actions name contacts (one, sometimes two or three), chosen
among the people known by then, close ones far more often. Event actions happen on the day of
an event of their week, with people met there. Follow-ups come from actions and from meeting
people at events; almost all of the older ones are done.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from benchmarks import words
from benchmarks.people import Known, People
from netrhythm.domain.weeks import week_first_day, week_index, week_name

ACTION_FIELDS = ("id", "practice", "occurred_on", "day", "occurred_at", "note", "event",
                 "created_at")
FOLLOW_UP_FIELDS = ("contact", "due_on", "note", "done_on", "action", "event", "created_on")
WEEKDAY_WEIGHTS = (5, 5, 5, 5, 4, 1, 1)


@dataclass
class Logbook:
    actions: list[tuple[object, ...]] = field(default_factory=list)
    links: list[tuple[int, int, int]] = field(default_factory=list)  # action, contact, day
    follow_ups: list[tuple[object, ...]] = field(default_factory=list)


def _day(rnd: random.Random, week: int, today: date) -> date:
    first = week_first_day(week, 0)
    while True:
        day = first + timedelta(days=rnd.choices(range(7), weights=WEEKDAY_WEIGHTS)[0])
        if day <= today:
            return day


def write_actions(rnd: random.Random, people: People, counts: dict[tuple[int, int], int],
                  slugs: list[str], practice_ids: list[int], now: datetime) -> Logbook:
    today = now.date()
    known = Known(people)
    events_by_week: dict[int, list[tuple[object, ...]]] = {}
    for event in people.events:
        if event[2] <= today:  # type: ignore[operator]
            events_by_week.setdefault(week_index(event[2], 0), []).append(event)  # type: ignore[arg-type]
    drafts = []
    for (week, i), count in sorted(counts.items()):
        for _ in range(count):
            day, event, with_ids = _day(rnd, week, today), None, []
            if slugs[i] == "attend-event" and week in events_by_week:
                event = rnd.choice(events_by_week[week])
                day = event[2]
                met = people.met_at.get(int(event[0]), [])  # type: ignore[call-overload]
                with_ids = sorted(rnd.sample(met, min(len(met), rnd.randint(0, 2))))
            elif rnd.random() < (0.3 if slugs[i] == "attend-event" else 0.63):
                size = rnd.choices((1, 2, 3), weights=(75, 18, 7))[0]
                with_ids = known.pick(rnd, day.toordinal(), size)
            topic = rnd.choice(words.TAGS)[0].replace("-", " ")
            note = rnd.choice(words.NOTES[slugs[i]]).format(
                topic=topic, event=event[1] if event else "a meetup")
            drafts.append((day, i, note if rnd.random() < 0.8 else "", event, with_ids))
    drafts.sort(key=lambda d: d[0])
    book = Logbook()
    for action_id, (day, i, note, event, with_ids) in enumerate(drafts, start=1):
        at = time(rnd.randint(8, 20), rnd.choice((0, 15, 30, 45)))
        book.actions.append((
            action_id, practice_ids[i], day, day.toordinal(),
            at.strftime("%H:%M") if rnd.random() < 0.3 else None, note,
            event[0] if event else None, min(datetime.combine(day, at), now),
        ))
        book.links += [(action_id, cid, day.toordinal()) for cid in with_ids]
    return book


def _done(rnd: random.Random, created: date, due: date, today: date) -> date | None:
    if rnd.random() > (0.99 if due < today - timedelta(days=60) else 0.6):
        return None
    done = due + timedelta(days=rnd.randint(-4, 6))
    return done if created <= done <= today else (None if done > today else created)


def add_follow_ups(rnd: random.Random, book: Logbook, people: People, count: int,
                   today: date) -> None:
    """``count`` follow-ups: a third from meeting people at events, the rest from actions."""
    notes = {a[0]: a[5] for a in book.actions}
    met = [(cid, e) for e in people.events for cid in people.met_at.get(int(e[0]), [])]  # type: ignore[call-overload]
    from_events = rnd.sample(met, min(len(met), count // 3))
    firsts = list({a: (c, d) for a, c, d in reversed(book.links)}.items())
    from_actions = rnd.sample(firsts, min(len(firsts), count - len(from_events)))
    for cid, event in from_events:
        held_on: date = event[2]  # type: ignore[assignment]
        due = held_on + timedelta(days=3)
        book.follow_ups.append((cid, due, f"Met at {event[1]}", _done(rnd, held_on, due, today),
                                None, event[0], held_on))
    for action_id, (cid, day_number) in from_actions:
        day = date.fromordinal(day_number)
        due = day + timedelta(days=rnd.choice((3, 7, 7, 14)))
        book.follow_ups.append((cid, due, notes[action_id], _done(rnd, day, due, today),
                                action_id, None, day))
    book.follow_ups.sort(key=lambda f: (f[6], f[0]))


def reviews_and_nudges(rnd: random.Random, first: int, current: int, now: datetime
                       ) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]]]:
    """Reflections for about 40% of past weeks, and the nudges sent over the years."""
    reviews, nudges = [], []
    for week in range(first, current):
        start = week_first_day(week, 0)
        moment = datetime.combine(start + timedelta(days=6), time(18, 0))
        if rnd.random() < 0.4:
            reviews.append((start, rnd.choice(words.REFLECTIONS), moment))
        name = week_name(week, 0)
        for key in rnd.sample((f"behind-pace:reach-out:{name}", f"gone-cold:{name}",
                               f"review:{name}", f"streak-at-risk:give-value:{name}"), 2):
            nudges.append((key, min(moment, now), "netrhythm", key, "desktop"))
    return reviews, nudges
