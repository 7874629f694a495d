"""Open an older database as netrhythm does, stopping inside its migration (the crash test).

Usage: python migrate_child.py DB TEXT
Inside the migration's transaction, right after the first statement containing TEXT has run,
prints "paused" and waits to be killed. Only the timing is arranged: every statement up to
there is netrhythm's own, run on netrhythm's connection.
"""

from __future__ import annotations

import sys
import time
from datetime import date
from pathlib import Path
from typing import Any

from netrhythm.storage import db as storage_db
from netrhythm.storage.tables import file_database


def main() -> None:
    path, text = Path(sys.argv[1]), sys.argv[2]
    run_migrations, execute = storage_db._run_migrations, file_database.execute_sql
    migrating = False

    def pausing(sql: str, *args: Any, **kwargs: Any) -> Any:
        cursor = execute(sql, *args, **kwargs)
        if migrating and text in sql:
            print("paused", flush=True)
            time.sleep(600)
        return cursor

    def migrations(*args: Any) -> None:
        nonlocal migrating
        migrating = True
        run_migrations(*args)

    file_database.execute_sql = pausing  # type: ignore[method-assign]
    storage_db._run_migrations = migrations
    storage_db.open_database(path, date(2026, 11, 23))
    print("finished without pausing", flush=True)


if __name__ == "__main__":
    main()
