"""Upgrading a server's schema: every row is saved first (JSON, 0600, in the backups folder),
then the steps run in one transaction holding the schema lock; a failing step leaves the
database as it was; a schema this netrhythm has no step for is refused untouched. (Schema 6
is the first a server has, so the step here is the test's own.)"""

from __future__ import annotations

import json
import stat
from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest

from netrhythm.paths import Location, url_stem
from netrhythm.storage import db, server
from netrhythm.storage.errors import CorruptDatabaseError
from netrhythm.storage.file_checks import LATEST_VERSION
from tests.backends import back_to_sqlite
from tests.helpers import query
from tests.postgres.server import Server

TODAY = date(2026, 11, 23)
OLDER = LATEST_VERSION - 1


@pytest.fixture
def older(pg_server: Server, pg_database: str) -> Iterator[str]:
    """A server database whose recorded schema is one version older than this netrhythm's."""
    url = pg_server.url(pg_database)
    db.open_database(url, TODAY)
    db.close_database()
    query(url, "UPDATE netrhythm_schema SET version = ?", (OLDER,))
    yield url
    back_to_sqlite()


def _backups(url: str) -> list[Any]:
    folder, stem = Location.of(url).backups, url_stem(str(Location.of(url)))
    return sorted(folder.glob(f"{stem}-pre-v*.json")) if folder.exists() else []


def test_an_older_schema_is_saved_then_upgraded_once(
        older: str, monkeypatch: pytest.MonkeyPatch) -> None:
    ran: list[int] = []

    def step(target: Any) -> None:
        ran.append(OLDER)
        target.execute_sql("ALTER TABLE contact ADD COLUMN upgraded boolean DEFAULT true")

    monkeypatch.setitem(server.SERVER_STEPS, OLDER, step)
    db.open_database(older, TODAY)
    db.close_database()
    db.open_database(older, TODAY)  # opened again: already upgraded
    db.close_database()
    assert ran == [OLDER]
    assert query(older, "SELECT version FROM netrhythm_schema") == [(LATEST_VERSION,)]
    assert query(older, "SELECT count(*) FROM information_schema.columns WHERE "
                        "column_name = 'upgraded'") == [(1,)]
    (saved,) = _backups(older)
    assert f"-pre-v{LATEST_VERSION}-from-v{OLDER}-" in saved.name
    assert stat.S_IMODE(saved.stat().st_mode) == 0o600
    doc = json.loads(saved.read_text())
    assert doc["schema_version"] == OLDER
    slugs = sorted(row["slug"] for row in doc["tables"]["practice"])
    assert slugs == sorted(slug for (slug,) in query(older, "SELECT slug FROM practice"))


def test_a_failing_step_leaves_the_database_as_it_was(
        older: str, monkeypatch: pytest.MonkeyPatch) -> None:
    def step(target: Any) -> None:
        target.execute_sql("ALTER TABLE contact ADD COLUMN half boolean")
        raise RuntimeError("the step broke")

    monkeypatch.setitem(server.SERVER_STEPS, OLDER, step)
    with pytest.raises(RuntimeError, match="the step broke"):
        db.open_database(older, TODAY)
    assert query(older, "SELECT version FROM netrhythm_schema") == [(OLDER,)]
    assert query(older, "SELECT count(*) FROM information_schema.columns WHERE "
                        "column_name = 'half'") == [(0,)]


def test_a_schema_without_a_step_is_refused_untouched(older: str) -> None:
    assert OLDER not in server.SERVER_STEPS
    with pytest.raises(CorruptDatabaseError) as refused:
        db.open_database(older, TODAY)
    assert str(refused.value) == (
        f"{Location.of(older)} has schema {OLDER}, which this netrhythm cannot upgrade (no step "
        f"from {OLDER}); open it with the netrhythm that wrote it. Nothing was changed.")
    assert query(older, "SELECT version FROM netrhythm_schema") == [(OLDER,)]
    assert _backups(older) == []
