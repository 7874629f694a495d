"""Values read back from a server are those storage gets from a SQLite file: dates as ISO
text, times as the naive local times written, even when the server's time zone is not this
machine's (here the database's is UTC+14); so a nudge claim's time compares equal."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime

import pytest

from netrhythm.storage import db, journal, nudge_log, settings
from netrhythm.storage.dialect import current
from netrhythm.storage.tables import Change, database, file_database
from tests.postgres.server import Server

NOON = datetime(2026, 11, 23, 12, 0, 0, 123456)


@pytest.fixture
def far_zone(pg_server: Server, pg_database: str) -> Iterator[None]:
    import psycopg

    with psycopg.connect(**pg_server.connect_kwargs("postgres"), autocommit=True) as conn:
        conn.execute(f"ALTER DATABASE \"{pg_database}\" SET timezone TO 'Pacific/Kiritimati'")
    db.open_database(pg_server.url(pg_database), date(2026, 11, 23))
    yield
    db.close_database()
    database.initialize(file_database)


def test_times_come_back_as_written_whatever_the_servers_zone(far_zone: None) -> None:
    assert database.execute_sql("SHOW timezone").fetchone() == ("Pacific/Kiritimati",)
    with journal.change("Saved a review", now=NOON):
        settings.save_review(date(2026, 11, 16), date(2026, 11, 22), "good week", NOON)
    assert Change.select(Change.created_at).scalar() == NOON
    assert settings.get_review(date(2026, 11, 16), date(2026, 11, 22)) == ("good week", NOON)
    raw = database.execute_sql("SELECT week_start FROM week_review").fetchone()[0]
    assert raw == "2026-11-16"  # ISO text, as SQLite gives it


def test_a_nudge_claim_is_finished_by_its_own_time(far_zone: None) -> None:
    with database.atomic():
        assert nudge_log.claim("k", "t", "m", by="1@a", now=NOON, lease_start=NOON)
        assert not nudge_log.claim("k", "t", "m", by="2@b", now=NOON, lease_start=NOON)
        assert nudge_log.finish("k", by="1@a", claimed_at=NOON, state="delivered",
                                via="test", now=NOON) is not None


def test_day_numbers_are_pythons_ordinals_on_the_server(far_zone: None) -> None:
    d = current()
    for day in (date(1, 1, 1), date(2024, 2, 29), date(2026, 11, 23), date(9999, 12, 31)):
        sql = f"SELECT {d.day('?1')}, {d.date_from_day('?2')}, {d.add_days('?1', '?3')}"
        assert database.execute_sql(sql, [day.isoformat(), day.toordinal(), 0]).fetchone() \
            == (day.toordinal(), day.isoformat(), day.isoformat())
