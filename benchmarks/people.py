"""Who the generated user knows: contacts with companies, tags and cadences, and events.

Pure and seeded: the same ``random.Random`` state gives the same rows. Contact ids follow the
date they were added, so "everyone known on day D" is a prefix of the list (see ``Known``).
"""

from __future__ import annotations

import bisect
import itertools
import random
from dataclasses import dataclass, field
from datetime import date, timedelta

from benchmarks import words

CONTACT_FIELDS = ("id", "name", "company", "role", "email", "phone", "url", "how_met",
                  "met_at", "met_on", "notes", "cadence_days", "archived", "created_on")
EVENT_FIELDS = ("id", "name", "held_on", "location", "url", "notes", "created_on")
CADENCES = (14, 30, 30, 45, 60, 90, 90, 180, 365)
UPCOMING_EVENTS = 8  # events still ahead, within two months
TAG_IDS = range(1, len(words.TAGS) + 1)
# Interests are popular in a long tail; the tags that carry a cadence are rarer.
TAG_CUMULATIVE = list(itertools.accumulate(
    0.08 if cadence else 1 / (rank + 1) ** 0.7 for rank, (_, cadence) in enumerate(words.TAGS)))


@dataclass
class People:
    events: list[tuple[object, ...]] = field(default_factory=list)
    contacts: list[tuple[object, ...]] = field(default_factory=list)
    contact_tags: list[tuple[int, int]] = field(default_factory=list)
    met_at: dict[int, list[int]] = field(default_factory=dict)  # event id: contact ids
    added: list[int] = field(default_factory=list)  # day number each contact was added, by id
    closeness: list[float] = field(default_factory=list)  # how often you act with them


class Known:
    """Weighted choice among the contacts already known on a given day."""

    def __init__(self, people: People) -> None:
        self.added = people.added
        self.cumulative = list(itertools.accumulate(people.closeness))

    def pick(self, rnd: random.Random, day: int, count: int) -> list[int]:
        known = bisect.bisect_right(self.added, day)
        if known == 0:
            return []
        total = self.cumulative[known - 1]
        found = {bisect.bisect_left(self.cumulative, rnd.random() * total, 0, known) + 1
                 for _ in range(count)}
        return sorted(found)


def _events(rnd: random.Random, first: date, today: date, count: int) -> list[tuple[object, ...]]:
    span = (today - first).days
    past = count - min(UPCOMING_EVENTS, count // 4)
    days = sorted(first + timedelta(days=rnd.randrange(span)) for _ in range(past))
    days += sorted(today + timedelta(days=rnd.randint(1, 60)) for _ in range(count - past))
    out = []
    for number, held_on in enumerate(days, start=1):
        topic = rnd.choice(words.TAGS)[0].replace("-", " ").title()
        city = rnd.choice(words.CITIES)
        name = f"{topic} {rnd.choice(words.EVENT_KINDS)} {city} {held_on.year}"
        url = f"https://events.example.org/{number}" if rnd.random() < 0.5 else ""
        out.append((number, name, held_on, city, url, "", min(held_on, today)))
    return out


def make_people(rnd: random.Random, first: date, today: date, contacts: int,
                events: int) -> People:
    """``contacts`` people and ``events`` events between ``first`` and ``today``."""
    people = People(events=_events(rnd, first, today, events))
    span = (today - first).days
    past_events = [e for e in people.events if e[2] <= today]  # type: ignore[operator]
    starts: list[tuple[date, float, int | None]] = []
    for _ in range(contacts):
        if past_events and rnd.random() < 0.3:
            event = rnd.choice(past_events)
            starts.append((event[2], rnd.random(), int(event[0])))  # type: ignore[arg-type]
        else:  # more people are added as the years go by
            day = first + timedelta(days=int(span * rnd.random() ** 0.7))
            starts.append((day, rnd.random(), None))
    starts.sort(key=lambda s: (s[0], s[1]))
    names = [f"{a} {b}" for a in words.FIRST_NAMES for b in words.LAST_NAMES]
    rnd.shuffle(names)
    companies = [f"{a} {b}" for a in words.COMPANY_WORDS for b in words.COMPANY_KINDS]
    rnd.shuffle(companies)
    companies = companies[:max(10, contacts // 12)]
    for cid, (day, _, event_id) in enumerate(starts, start=1):
        name = names[(cid - 1) % len(names)] + ("" if cid <= len(names) else f" {cid}")
        company = rnd.choice(companies) if rnd.random() < 0.85 else ""
        slug = name.lower().replace(" ", ".").replace("'", "")
        domain = company.lower().replace(" ", "") + ".example" if company else "mail.example"
        tag_ids = sorted(set(rnd.choices(TAG_IDS, cum_weights=TAG_CUMULATIVE,
                                         k=rnd.choice((0, 1, 1, 2, 2, 3)))))
        people.contact_tags += [(cid, t) for t in tag_ids]
        how = (f"met at {people.events[event_id - 1][1]}" if event_id
               else rnd.choice(words.HOW_MET))
        interests = ", ".join(words.TAGS[t - 1][0] for t in tag_ids)
        people.contacts.append((
            cid, name, company, rnd.choice(words.ROLES) if company else "", f"{slug}@{domain}",
            f"+1 555 {rnd.randrange(10_000):04d}" if rnd.random() < 0.5 else "",
            f"https://example.com/in/{slug}" if rnd.random() < 0.3 else "", how,
            event_id, day if event_id else (day if rnd.random() < 0.4 else None),
            f"Into {interests}." if interests and rnd.random() < 0.5 else "",
            None, rnd.random() < 0.03, day,
        ))
        if event_id:
            people.met_at.setdefault(event_id, []).append(cid)
        people.added.append(day.toordinal())
        close = 8.0 if {1, 2} & set(tag_ids) else 1.0
        people.closeness.append(min(rnd.paretovariate(1.3), 40.0) * close)
    return people


def fit_cadences(rnd: random.Random, people: People, links: list[tuple[int, int, int]],
                 today: date) -> None:
    """Give keep-in-touch cadences the way people set them: mostly to those they already see
    regularly (a little longer than their usual gap), and a few hopeful ones that lapse."""
    recent = today.toordinal() - 730
    seen: dict[int, int] = {}
    for _, contact_id, day in links:
        if day > recent:
            seen[contact_id] = seen.get(contact_id, 0) + 1
    steps = sorted(set(CADENCES))
    for index, row in enumerate(people.contacts):
        times = seen.get(int(row[0]), 0)  # type: ignore[call-overload]
        if times >= 3 and rnd.random() < 0.6:
            cadence = next((c for c in steps if c >= 1.5 * 730 / times), steps[-1])
        elif rnd.random() < 0.04:
            cadence = rnd.choice(CADENCES)
        else:
            continue
        people.contacts[index] = (*row[:11], cadence, *row[12:])
