"""Generate the benchmark data sets, deterministically, and cache them by a version key.

``heavy`` is ten years of heavy use: 5,000 contacts, 60,000 actions, 500 events, 2,000
follow-ups. ``tiny`` is the same shape, small enough for a test. Rows are written with
``insert_many`` in chunks inside ``bulk_load()`` (not journaled; the search index is rebuilt
once). The cache file name holds a hash of the generator's sources, the size and the schema
(migrations and triggers), so a change to any of them builds a new file.
"""

from __future__ import annotations

import hashlib
import random
import shutil
import tempfile
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from benchmarks.activity import PracticePlan, plan_weeks, weekly_counts
from benchmarks.logbook import add_follow_ups, reviews_and_nudges, write_actions
from benchmarks.people import CONTACT_FIELDS, EVENT_FIELDS, fit_cadences, make_people

NOW = datetime(2026, 11, 23, 10, 0)  # a Monday: NETRHYTHM_NOW for every measure
SEED = 20261123
PRACTICES = [
    PracticePlan("reach-out", 3, 1, 0.36), PracticePlan("give-value", 2, 1, 0.22),
    PracticePlan("follow-up", 2, 1, 0.22), PracticePlan("attend-event", 1, 2, 0.08),
    PracticePlan("ask-advice", 1, 4, 0.06, first_year=1),
    PracticePlan("write-post", 1, 2, 0.06, first_year=2, last_year=6),
]
EXTRA_PRACTICES = {  # slug: (name, reciprocity, archived)
    "ask-advice": ("Ask for advice", "ask", False),
    "write-post": ("Write a post", "give", True),
}


@dataclass(frozen=True)
class Size:
    name: str
    years: int
    contacts: int
    actions: int
    events: int
    follow_ups: int
    vcards: int  # for the import measure
    ics_events: int  # for the calendar import measure


HEAVY = Size("heavy", 10, 5_000, 60_000, 500, 2_000, 10_000, 5_000)
TINY = Size("tiny", 1, 60, 400, 12, 30, 100, 50)


def version_key(size: Size) -> str:
    """A hash of the size, the generator's sources and the schema (migrations, triggers)."""
    import netrhythm.storage

    storage = Path(netrhythm.storage.__file__).parent
    digest = hashlib.sha256(f"{size}|{SEED}|{NOW}".encode())
    sources = [Path(__file__).with_name(f"{name}.py")
               for name in ("generate", "people", "activity", "logbook", "words")]
    sources += [storage / "triggers.py", *sorted((storage / "migrations").glob("[0-9]*.py"))]
    for source in sources:
        digest.update(source.read_bytes())
    return digest.hexdigest()[:12]


def dataset(size: Size, data_dir: Path) -> Path:
    """The cached database of ``size``, built first if missing."""
    target = data_dir / f"{size.name}-{version_key(size)}.db"
    if not target.exists():
        data_dir.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(dir=data_dir) as tmp:
            built = Path(tmp) / "build.db"
            generate(built, size)
            shutil.move(built, target)
    return target


def _first_day(size: Size, now: datetime) -> date:
    """``size.years`` before ``now`` (the first day that can hold an action)."""
    return date(now.year - size.years, now.month, min(now.day, 28))


def generate(where: Path | str, size: Size, now: datetime = NOW) -> None:
    """Create a database holding the data set ``size``: a file at ``where``, or in the empty
    server database a ``postgresql://`` URL names (the same rows)."""
    from netrhythm.domain.clock import FixedClock
    from netrhythm.services.context import open_context
    from netrhythm.storage.journal import bulk_load
    from netrhythm.storage.tables import database

    rnd = random.Random(SEED)
    first = _first_day(size, now)
    ctx = open_context(where, FixedClock(now))
    try:
        with bulk_load():
            _write(rnd, size, first, now)
        if isinstance(where, Path):
            database.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        ctx.close()


def _write(rnd: random.Random, size: Size, first: date, now: datetime) -> None:
    from peewee import chunked

    from benchmarks import words
    from netrhythm.storage import tables as t
    from netrhythm.storage.dialect import current

    today = now.date()
    ids = _practices(first)
    people = make_people(rnd, first, today, size.contacts, size.events)
    weeks = plan_weeks(rnd, first, today)
    counts = weekly_counts(rnd, weeks, PRACTICES, size.actions, today)
    book = write_actions(rnd, people, counts, [p.slug for p in PRACTICES], ids, now)
    add_follow_ups(rnd, book, people, size.follow_ups, today)
    fit_cadences(rnd, people, book.links, today)
    reviews, nudges = reviews_and_nudges(rnd, weeks.first, weeks.current, now)
    paused = [(date.fromordinal(w * 7 + 1),) for w in sorted(weeks.paused)]
    tags = [(i, name, cadence) for i, (name, cadence) in enumerate(words.TAGS, start=1)]
    for model, fields, rows in (
        (t.Event, EVENT_FIELDS, people.events), (t.Tag, ("id", "name", "cadence_days"), tags),
        (t.Contact, CONTACT_FIELDS, people.contacts),
        (t.ContactTag, ("contact", "tag"), people.contact_tags),
        (t.Action, ("id", "practice", "occurred_on", "day", "occurred_at", "note", "event",
                    "created_at"), book.actions),
        (t.ActionContact, ("action", "contact", "day"), book.links),
        (t.FollowUp, ("contact", "due_on", "note", "done_on", "action", "event", "created_on"),
         book.follow_ups),
        (t.WeekReview, ("week_start", "reflection", "written_at"), reviews),
        (t.PausedWeek, ("week_start",), paused),
        (t.NudgeLog, ("key", "sent_at", "title", "message", "delivered_via"), nudges),
    ):
        columns = [getattr(model, name) for name in fields]
        for chunk in chunked(rows, 500):
            model.insert_many(chunk, fields=columns).execute()
        if "id" in fields and current().ids_taken:  # a server's id sequence moves past them
            t.database.execute_sql(current().ids_taken.format(model._meta.table_name))


def _practices(first: date) -> list[int]:
    """Ids of PRACTICES, in order: the seeded ones dated back, the extra ones added."""
    from netrhythm.storage.tables import Practice

    Practice.update(created_on=first).execute()
    by_slug = {p.slug: p.id for p in Practice.select(Practice.slug, Practice.id)}
    for position, plan in enumerate(PRACTICES):
        if plan.slug in by_slug:
            continue
        name, reciprocity, archived = EXTRA_PRACTICES[plan.slug]
        by_slug[plan.slug] = int(Practice.insert(
            name=name, slug=plan.slug, target=plan.target, period_weeks=plan.period_weeks,
            reciprocity=reciprocity, position=position, archived=archived,
            created_on=date(first.year + plan.first_year, first.month, first.day),
        ).execute())
    return [by_slug[p.slug] for p in PRACTICES]
