"""Times imported into a server keep their moment when this machine's time zone is not the
server's: a backup taken at 18:00 here is 18:00 here after `import`, not the server's 18:00."""

from __future__ import annotations

import json
import os
from pathlib import Path

from tests.helpers import run_cli
from tests.postgres.server import Server

BACKUP = Path(__file__).resolve().parents[1] / "data" / "import" / "backup-small.json"
TIMES = {"actions": ("created_at",), "reviews": ("written_at",), "nudge_log": ("sent_at",)}


def _times(doc: dict[str, list[dict[str, object]]]) -> list[object]:
    return [row[field] for table, fields in TIMES.items() for row in doc[table]
            for field in fields]


def test_an_import_in_another_time_zone_keeps_every_time(pg_server: Server, pg_database: str,
                                                         tmp_path: Path) -> None:
    zone = {"TZ": "America/New_York", "XDG_DATA_HOME": str(tmp_path)}
    assert os.environ.get("TZ") != zone["TZ"]  # the server runs in the tests' zone, not this
    url = pg_server.url(pg_database)
    done = run_cli(url, "import", str(BACKUP), env=zone)
    assert done.code == 0, done.err
    exported = run_cli(url, "export", env=zone)
    assert exported.code == 0, exported.err
    assert _times(json.loads(exported.out)) == _times(json.loads(BACKUP.read_text()))
