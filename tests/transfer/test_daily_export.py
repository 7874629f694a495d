"""The daily backup of data on a server: the JSON export, once a day, the last 7 kept, 0600 in
a 0700 folder, named after the server and database, never the password. (The export does not
depend on where the data lives: a SQLite file stands in for the server here.)"""

from __future__ import annotations

import json
import stat
from datetime import datetime, timedelta
from pathlib import Path

from netrhythm.domain.clock import FixedClock
from netrhythm.paths import url_stem as export_name
from netrhythm.services.context import Context, open_context
from netrhythm.services.transfer.daily_json import daily_export
from netrhythm.services.transfer.exchange import export_json, import_json
from tests.transfer.conftest import state


def test_the_name_is_the_server_and_database_without_the_password() -> None:
    assert export_name("postgresql://me@db.example:5432/nr?sslmode=require") == \
        "db.example-5432-nr"
    assert export_name("postgres://me:s3cret@db.example/nr") == "db.example-nr"
    assert export_name("postgresql:///nr?host=/run/postgresql") == "nr"
    assert export_name("postgresql://") == "server"


def test_once_a_day_private_and_the_last_seven_kept(demo_ctx: Context, tmp_path: Path) -> None:
    folder = tmp_path / "server-backups"
    other = folder / "elsewhere-nr-2026-01-01.json"  # another database's: never touched
    folder.mkdir(mode=0o700)
    other.write_text("{}")
    stem = export_name(str(demo_ctx.location))
    written = []
    for day in range(9):
        ctx = Context(demo_ctx.location,
                      FixedClock(datetime(2026, 11, 23, 10) + timedelta(days=day)))
        first = daily_export(ctx, folder)
        assert first is not None and daily_export(ctx, folder) is None  # once a day
        written.append(first)
    assert sorted(folder.iterdir()) == sorted([other, *written[2:]])
    assert written[-1].name == f"{stem}-2026-12-01.json"
    assert stat.S_IMODE(written[-1].stat().st_mode) == 0o600
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert json.loads(written[-1].read_text("utf-8"))["exported_at"] == "2026-12-01T10:00:00"
    assert not [p for p in folder.iterdir() if p.name.startswith(".")]  # no temporaries left


def test_a_daily_export_restores_everything(demo_ctx: Context, tmp_path: Path) -> None:
    """Into a SQLite file (whatever held the data): every table of the export comes back,
    and from a file, every row of the database."""
    exported = daily_export(demo_ctx, tmp_path / "server-backups")
    assert exported is not None
    source = json.loads(export_json(demo_ctx))
    restored = open_context(tmp_path / "restored.db", demo_ctx.clock)  # (one database at a time)
    import_json(restored, exported)
    again = json.loads(export_json(restored))
    assert {k: v for k, v in again.items() if k != "exported_at"} == \
        {k: v for k, v in source.items() if k != "exported_at"}
    if demo_ctx.location.path is None:
        return

    def data(ctx: Context) -> list[str]:  # all but the journal (the import) and migration times
        return [line for line in state(ctx.location) if not line.startswith(
            ('INSERT INTO "change"', 'INSERT INTO "change_row"', "INSERT INTO journal_cursor",
             'INSERT INTO "schema_migration"'))]

    assert data(restored) == data(demo_ctx)
