"""The weekly counts the triggers keep, under writers at once: transactions that insert and
delete actions of one practice and week together, each holding its rows until it commits,
lose no increment and meet no unique violation. On PostgreSQL (READ COMMITTED, rows locked as
written) the trigger's ``INSERT … ON CONFLICT DO UPDATE SET n = n + 1`` waits for the other
transaction's row and adds to it; SQLite's writers take turns."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from datetime import date, datetime

import pytest

from netrhythm.paths import Location
from netrhythm.storage import practices
from netrhythm.storage.actions import insert_action
from netrhythm.storage.db import open_database, write_transaction
from netrhythm.storage.tables import Action, database

NOW = datetime(2026, 11, 23, 10, 0)
WEDNESDAY = date(2026, 11, 25)  # nothing logged in this week before the test


@pytest.fixture
def practice(location: Location) -> Iterator[int]:
    """A new database, and the id of one of its practices."""
    open_database(location, NOW.date())
    yield practices.list_practices()[0].id
    database.close()


def together(*jobs: Callable[[], None]) -> list[BaseException]:
    """Each job on a thread (and connection) of its own, all at once; what they raised."""
    errors: list[BaseException] = []

    def run(job: Callable[[], None]) -> None:
        try:
            job()
        except BaseException as exc:  # noqa: BLE001 - reported to the test
            errors.append(exc)
        finally:
            database.close()

    threads = [threading.Thread(target=run, args=(job,)) for job in jobs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert not any(thread.is_alive() for thread in threads), "a writer hangs"
    return errors


def kept_and_counted() -> tuple[dict[int, dict[int, int]], dict[int, dict[int, int]]]:
    """The kept counts and the actions counted, for the week start the counts are kept for."""
    start = int(database.execute_sql(
        "SELECT week_start FROM week_count_start WHERE id = 1").fetchone()[0])
    return practices.weekly_counts(start), practices._count_actions(start, None)


def log(practice: int, note: str, day: date = WEDNESDAY) -> None:
    with write_transaction():
        insert_action(practice, day, note, None, [], NOW)


def test_a_new_weeks_first_actions_at_once_count_every_one(practice: int) -> None:
    """The first action of the week is open (its new count row not committed) while others
    insert into the same week: they wait for it, then add to its row."""
    held, go = threading.Event(), threading.Event()

    def first() -> None:
        with write_transaction():
            insert_action(practice, WEDNESDAY, "first", None, [], NOW)
            held.set()
            go.wait(10)  # its count row is written, not committed, while the others start

    def other(i: int) -> Callable[[], None]:
        def job() -> None:
            held.wait(10)
            log(practice, f"other-{i}")
        return job

    threading.Timer(0.5, go.set).start()
    assert together(first, *(other(i) for i in range(4))) == []
    kept, counted = kept_and_counted()
    assert kept == counted
    assert sum(kept[practice].values()) == 5


def test_writers_inserting_and_deleting_at_once_keep_exact_counts(practice: int) -> None:
    for i in range(20):
        log(practice, f"before-{i}")
    before = [a.id for a in Action.select(Action.id).order_by(Action.id)]
    start = threading.Barrier(6, timeout=10)

    def inserter(n: int) -> Callable[[], None]:
        def job() -> None:
            start.wait()
            for i in range(25):
                log(practice, f"w{n}-{i}", WEDNESDAY if i % 2 else date(2026, 11, 26))
        return job

    def deleter(ids: list[int]) -> Callable[[], None]:
        def job() -> None:
            start.wait()
            for action_id in ids:
                with write_transaction():
                    Action.delete().where(Action.id == action_id).execute()
        return job

    errors = together(*(inserter(n) for n in range(4)), deleter(before[::2]),
                      deleter(before[1::2][:5]))
    assert errors == []
    kept, counted = kept_and_counted()
    assert kept == counted
    assert sum(kept[practice].values()) == 20 + 4 * 25 - 10 - 5 == Action.select().count()
