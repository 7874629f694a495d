"""The daily backup of data kept on a database server: the versioned JSON export
(``netrhythm export``), once a day, in a folder on this machine; the last 7 are kept.

A SQLite file is backed up by copying it (:mod:`netrhythm.storage.backups`); a server cannot
be copied from here, so its data is exported instead. Each file is named after the server and
database (never the password) and the day, written whole or not at all, readable by the owner
only (0600), in a folder only the owner can enter (0700). Backups of the server itself remain
the server's job.
"""

from __future__ import annotations

from pathlib import Path

from netrhythm.files.atomic import write_replacing
from netrhythm.paths import url_stem
from netrhythm.services.context import Context

KEEP_DAILY_EXPORTS = 7


def daily_export(ctx: Context, folder: Path) -> Path | None:
    """Today's export into ``folder``, unless there is one already; then only the newest
    ``KEEP_DAILY_EXPORTS`` of this database's are kept. Returns the file written, if any."""
    stem = url_stem(str(ctx.location))
    target = folder / f"{stem}-{ctx.today().isoformat()}.json"
    if target.exists():
        return None
    from netrhythm.services.transfer.exchange import export_json  # once a day: 0.18x of `status`

    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    write_replacing(target, export_json(ctx).encode("utf-8"))
    kept = sorted(folder.glob(f"{stem}-????-??-??.json"))
    for old in kept[:-KEEP_DAILY_EXPORTS]:
        old.unlink(missing_ok=True)
    return target
