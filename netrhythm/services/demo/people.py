"""The demo's people: varied names, companies, interests, how you met, keep-in-touch cadences."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Protocol

from netrhythm.services.demo import words
from netrhythm.storage import contacts as contact_store

PEOPLE = 140


@dataclass(frozen=True)
class Person:
    id: int
    name: str
    tags: tuple[str, ...]
    created_on: date
    met_at: int | None
    circle: bool  # people you keep in touch with all year
    drift_on: date  # the others drop out of touch on this day and go cold
    cadence: int | None = None

    def in_touch(self, day: date) -> bool:
        return self.created_on <= day and (self.circle or day < self.drift_on)


class _Year(Protocol):
    today: date
    first_day: date


def _names(rnd: random.Random) -> list[str]:
    firsts, lasts = list(words.FIRST_NAMES), list(words.LAST_NAMES)
    rnd.shuffle(firsts)
    rnd.shuffle(lasts)
    out, used = ["Maria Chen"], {"Maria Chen"}
    n = 0
    while len(out) < PEOPLE:
        name = f"{firsts[n % len(firsts)]} {lasts[(n * 7 + n // len(firsts)) % len(lasts)]}"
        n += 1
        if name not in used:
            used.add(name)
            out.append(name)
    return out


def _slug(text: str) -> str:
    return "".join(ch for ch in text.lower() if ch.isascii() and ch.isalnum())


def make_people(year: _Year, rnd: random.Random,
                events: dict[int, tuple[int, str, date]]) -> list[Person]:
    """Insert the demo contacts; those met at an event are added on its day."""
    tag_names = [t for t, _ in words.TAGS]
    past = [e for e in events.values() if e[2] <= year.today]
    span = (year.today - year.first_day).days
    people = []
    for n, name in enumerate(_names(rnd)):
        company = rnd.choice(words.COMPANIES)
        tags = tuple(rnd.sample(tag_names, rnd.choice((1, 1, 2, 2, 3))))
        met = rnd.choice(past) if past and n % 3 == 1 else None
        if met:
            created = met[2]
        elif n % 5 < 2:
            created = year.first_day - timedelta(days=rnd.randint(30, 700))
        else:
            created = year.first_day + timedelta(days=rnd.randint(0, span))
        first, last = name.split(" ", 1)
        topic = rnd.choice(tags)
        circle = n < 8 or (rnd.random() < 0.7 and n < PEOPLE - 2)
        cadences = (None, None, None, None, 30, 60, 90, 90) if circle else (None,) * 5 + (90,)
        contact_id = contact_store.insert_contact(
            tags=tags, name=name, company=company, role=rnd.choice(words.ROLES),
            email=f"{_slug(first)}.{_slug(last)}@{_slug(company)}.example"
            if rnd.random() < 0.7 else "",
            phone=f"+49 30 {rnd.randint(1000000, 9999999)}" if rnd.random() < 0.3 else "",
            url=f"https://{_slug(first)}{_slug(last)}.example" if rnd.random() < 0.2 else "",
            how_met=f"Met at {met[1]}" if met else
            rnd.choice(words.HOW_MET).format(company=rnd.choice(words.COMPANIES)),
            met_at=met[0] if met else None, met_on=created if met else None,
            notes=rnd.choice(words.CONTACT_NOTES).format(topic=topic),
            cadence_days=(cadence := rnd.choice(cadences)),
            archived=n in (PEOPLE - 1, PEOPLE - 2), created_on=created,
        )
        drift = max(created, year.first_day) + timedelta(days=rnd.randint(30, 240))
        people.append(Person(contact_id, name, tags, created, met[0] if met else None, circle,
                             drift, cadence))
    return people
