"""Claims in the nudge log: one winner per key, by the statement's change count, also on a
connection that inserted rows before; leases taken over once; results recorded only by the
holder; withdrawals claimed once."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from typing import TypeVar

import pytest

from netrhythm.paths import Location
from netrhythm.storage import nudge_log as log
from netrhythm.storage.db import open_database, write_transaction
from netrhythm.storage.tables import NudgeLog, database

T = TypeVar("T")
NOW = datetime(2026, 11, 23, 10, 0)
LEASE = timedelta(seconds=60)


@pytest.fixture
def db(location: Location) -> Iterator[Location]:
    """A new database: a SQLite file, or a PostgreSQL database (READ COMMITTED: each row
    locked as written, where SQLite's writers take turns)."""
    open_database(location, NOW.date())
    yield location
    database.close()


def in_thread(job: Callable[[], T]) -> T:
    """``job()`` on a thread of its own: its own connection (Peewee's are per thread)."""
    out: list[T] = []

    def run() -> None:
        try:
            out.append(job())
        finally:
            database.close()

    thread = threading.Thread(target=run)
    thread.start()
    thread.join(30)
    return out[0]


def claim(key: str, by: str = "1@here", now: datetime = NOW) -> bool:
    with write_transaction():
        return log.claim(key, f"title {key}", "message", by=by, now=now, lease_start=now - LEASE)


def state(key: str) -> tuple[object, ...]:
    row = NudgeLog.get(NudgeLog.key == key)
    return row.state, row.claimed_by, row.attempts


@pytest.mark.sqlite_only("about SQLite's lastrowid after an ignored insert")
def test_an_ignored_insert_is_not_a_claim_on_a_connection_that_inserted_before(
    db: Location,
) -> None:
    assert claim("follow-up:1:2026-11-23")  # this connection inserts a row
    assert in_thread(lambda: claim("follow-up:2:2026-11-23", by="2@there"))  # another claims
    # The insert is ignored; lastrowid would still say 1 (the bug this replaces).
    ignored = NudgeLog.insert(key="follow-up:2:2026-11-23", sent_at=NOW, title="t", message="m",
                              delivered_via="pending").on_conflict_ignore().execute()
    assert ignored == 1  # what record_nudge used to trust
    assert not claim("follow-up:2:2026-11-23")
    assert state("follow-up:2:2026-11-23") == ("claimed", "2@there", 1)


def test_many_threads_claim_a_key_exactly_once(db: Location) -> None:
    for i in range(3):  # every thread's connection has inserted before it races
        assert in_thread(lambda i=i: claim(f"warm:{i}", by=f"{i}@here"))
    wins: list[bool] = []
    barrier = threading.Barrier(6)

    def race(i: int) -> None:
        claim(f"warm-up:{i}", by=f"{i}@here")
        barrier.wait()
        wins.append(claim("gone-cold:2026-W48", by=f"{i}@here"))
        database.close()

    threads = [threading.Thread(target=race, args=(i,)) for i in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert sorted(wins) == [False] * 5 + [True]


def test_a_fresh_claim_is_kept_and_an_old_one_taken_over_once(db: Location) -> None:
    assert claim("review:2026-W47", by="1@killed")
    assert not claim("review:2026-W47", by="2@here", now=NOW + timedelta(seconds=59))
    assert log.busy_or_done(NOW + timedelta(seconds=59) - LEASE) == {"review:2026-W47"}
    later = NOW + timedelta(minutes=2)
    assert log.busy_or_done(later - LEASE) == set()  # the lease ran out: due again
    assert claim("review:2026-W47", by="3@here", now=later)
    assert not in_thread(lambda: claim("review:2026-W47", by="4@there", now=later))
    assert state("review:2026-W47") == ("claimed", "3@here", 2)


def finish(key: str, by: str, state_: str, **kw: object) -> bool | None:
    with write_transaction():
        return log.finish(key, by=by, claimed_at=NOW, state=state_, via="desktop:dbus",
                          now=NOW, **kw)  # type: ignore[arg-type]


def test_failed_and_printed_come_back_delivered_does_not(db: Location) -> None:
    for key, outcome in (("a", log.FAILED), ("b", log.PRINTED), ("c", log.DELIVERED)):
        assert claim(key)
        assert finish(key, "1@here", outcome, server_id=7, error="the server did not answer",
                      printing=outcome != log.DELIVERED) is (outcome != log.DELIVERED)
    assert log.busy_or_done(NOW - LEASE) == {"c"}
    row = NudgeLog.get(NudgeLog.key == "a")
    assert (row.state, row.last_error, row.server_id, row.claimed_by) == (
        "failed", "the server did not answer", None, None)
    assert (NudgeLog.get(NudgeLog.key == "c").server_id, state("c")) == (7, ("delivered", None, 1))
    assert not claim("c", by="2@here")
    assert claim("a", by="2@here") and claim("b", by="2@here")
    assert state("a") == ("claimed", "2@here", 2)


def test_a_text_is_printed_once_whatever_the_retries(db: Location) -> None:
    assert claim("b")
    assert finish("b", "1@here", log.PRINTED, printing=True) is True
    assert claim("b", by="2@here")
    with write_transaction():
        again = log.finish("b", by="2@here", claimed_at=NOW, state=log.FAILED, via="x",
                           now=NOW, error="timed out", printing=True)
    assert again is False


def test_a_run_whose_lease_was_taken_over_records_nothing(db: Location) -> None:
    assert claim("f", by="1@slow")
    later = NOW + timedelta(minutes=5)
    assert claim("f", by="2@here", now=later)
    assert finish("f", "1@slow", log.FAILED, error="late") is None
    assert state("f") == ("claimed", "2@here", 2)


def test_a_summary_claims_and_records_the_nudges_it_groups(db: Location) -> None:
    with write_transaction():
        assert log.claim("group:x+y", "2 more nudges", "Also due: x; y.", by="1@here", now=NOW,
                         lease_start=NOW - LEASE)
        for key in ("x", "y"):
            assert log.claim(key, key, key, by="1@here", now=NOW, lease_start=NOW - LEASE,
                             part_of="group:x+y", named=(3, 4) if key == "y" else ())
    assert finish("group:x+y", "1@here", log.DELIVERED, server_id=12) is False
    assert log.busy_or_done(NOW - LEASE) == {"group:x+y", "x", "y"}
    [shown] = log.shown_since(NOW - timedelta(minutes=60))
    assert shown == log.Shown("group:x+y", 12, ("x", "y"), (3, 4), "2 more nudges")
    assert log.shown_since(NOW) == []  # delivered before that: expired


def test_a_withdrawal_is_claimed_once_and_put_back_when_it_failed(db: Location) -> None:
    assert claim("w")
    finish("w", "1@here", log.DELIVERED, server_id=5)
    with write_transaction():
        assert log.claim_withdrawal("w", NOW)
    assert not in_thread(lambda: log.claim_withdrawal("w", NOW))
    assert log.shown_since(NOW - LEASE) == []
    with write_transaction():
        log.unwithdraw("w", NOW)
    assert [s.key for s in log.shown_since(NOW - LEASE)] == ["w"]


def test_the_last_gone_cold_nudge_says_whom_it_named(db: Location) -> None:
    assert log.last_named("gone-cold:", "gone-cold:2026-W48") is None
    for week, named, outcome in (("2026-W46", (1, 2, 3), log.DELIVERED),
                                 ("2026-W47", (4, 2), log.PRINTED),
                                 ("2026-W48", (9,), log.DELIVERED)):
        key = f"gone-cold:{week}"
        with write_transaction():
            log.claim(key, "t", "m", by="1@here", now=NOW, lease_start=NOW - LEASE, named=named)
        finish(key, "1@here", outcome)
    assert log.last_named("gone-cold:", "gone-cold:2026-W48") == (4, 2)


def claim_group(keys: list[str], by: str, before_last: Callable[[], None]) -> bool:
    """Claim ``keys`` in one transaction, the first a summary and the rest the nudges it
    groups, as ``services.nudges.check`` does (``before_last`` runs before the last one);
    rolled back, and False, when one of them is taken."""

    class Taken(Exception):
        pass

    try:
        with write_transaction():
            for i, key in enumerate(keys):
                if i == len(keys) - 1:
                    before_last()
                if not log.claim(key, key, "m", by=by, now=NOW, lease_start=NOW - LEASE,
                                 part_of=None if i == 0 else keys[0]):
                    raise Taken
    except Taken:
        return False
    return True


def racing(*jobs: Callable[[], T]) -> list[T | BaseException]:
    """Each job on a thread of its own, all at once: what each returned or raised."""
    out: list[T | BaseException] = [RuntimeError("not finished")] * len(jobs)

    def run(i: int) -> None:
        try:
            out[i] = jobs[i]()
        except BaseException as exc:  # noqa: BLE001 - reported to the test
            out[i] = exc
        finally:
            database.close()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(jobs))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    return out


def test_a_claim_waiting_on_another_still_open_loses_once_that_one_commits(db: Location) -> None:
    """The loser waits on the winner's open transaction (PostgreSQL: the row lock; SQLite:
    the write lock), then sees its claim: for a new key and for one open to retry."""
    assert claim("failed-before")
    finish("failed-before", "1@here", log.FAILED, error="no server")
    for key in ("new", "failed-before"):
        claimed, go = threading.Event(), threading.Event()

        def first(key: str = key, claimed: threading.Event = claimed,
                  go: threading.Event = go) -> bool:
            with write_transaction():
                won = log.claim(key, "t", "m", by="1@first", now=NOW, lease_start=NOW - LEASE)
                claimed.set()
                go.wait(10)  # held open while the second one tries
            return won

        def second(key: str = key, claimed: threading.Event = claimed,
                   go: threading.Event = go) -> bool:
            claimed.wait(10)
            threading.Timer(0.5, go.set).start()  # the first commits while this one waits
            return claim(key, by="2@second")

        assert racing(first, second) == [True, False], key
        assert state(key)[:2] == ("claimed", "1@first")


def test_two_summaries_sharing_nudges_in_opposite_orders_do_not_deadlock(db: Location) -> None:
    """Two processes whose plans group the same nudges in another order (their clocks or data
    differ): each holds its first nudges and wants the other's. Only one wins, neither fails
    (PostgreSQL would abort one as a deadlock if each held its rows while waiting)."""
    both_hold = threading.Barrier(2)

    def meet() -> None:
        try:
            both_hold.wait(timeout=1)  # both hold their first nudges here, unless serialized
        except threading.BrokenBarrierError:
            pass

    results = racing(lambda: claim_group(["group:a+b", "a", "b"], "1@one", meet),
                     lambda: claim_group(["group:b+a", "b", "a"], "2@two", meet))
    assert not [r for r in results if isinstance(r, BaseException)], results
    assert sorted(results) == [False, True]  # type: ignore[type-var]
    winner = "1@one" if results[0] else "2@two"
    assert {key: state(key)[1] for key in log.logged_keys()} == {
        "a": winner, "b": winner, "group:a+b" if results[0] else "group:b+a": winner}
