"""Write tests/data/schema/vN.db: a database of the current schema version with every kind of
row, kept so that later versions prove they open and migrate it with every row intact.

Run once per released schema version: `python scripts/make_schema_fixture.py`.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from netrhythm.storage.db import LATEST_VERSION

ROOT = Path(__file__).resolve().parent.parent
COMMANDS = [
    ["events", "add", "PyCon Lisbon", "--date", "2026-10-10", "--location", "Lisbon"],
    ["contacts", "add", "Maria Chen", "--company", "Acme", "--tag", "gardening", "--every", "30",
     "--met-at", "PyCon", "--how-met", "talk Q&A", "--notes", "Zoë 🌱 [bold]x"],
    ["contacts", "add", "Ana Ruiz", "--company", "Globex", "--tag", "ml", "--every", "14"],
    ["log", "reach-out", "--with", "Maria", "--note", "coffee", "--date", "2026-11-02"],
    ["log", "give-value", "--with", "Ana", "--note", "intro", "--date", "2026-11-10",
     "--follow-up", "5"],
    ["log", "attend-event", "--event", "PyCon", "--date", "2026-10-10"],
    ["practices", "add", "Write a post", "--target", "1", "--kind", "give"],
    ["pause", "2026-W45"],
    ["review", "--week", "2026-W46", "--reflect", "Helped Ana."],
    ["settings", "nudge.quiet-start", "22:00"],
    ["contacts", "add", "Old Friend", "--every", "7", "--met-on", "2026-01-05"],
    ["contacts", "archive", "Old Friend"],
]


def main() -> int:
    target = ROOT / "tests" / "data" / "schema" / f"v{LATEST_VERSION}.db"
    target.unlink(missing_ok=True)
    env = {**os.environ, "NETRHYTHM_NOW": "2026-11-18T10:00:00", "DBUS_SESSION_BUS_ADDRESS": "",
           "NETRHYTHM_MACHINE": "fixture-laptop"}
    script = Path(sys.executable).with_name("netrhythm")
    for args in COMMANDS + [["nudge"]]:
        subprocess.run([str(script), "--db", str(target), *args], check=True, env=env,
                       stdout=subprocess.DEVNULL)
    for leftover in target.parent.glob(f"{target.name}-backups/*"):
        leftover.unlink()
    target.with_name(f"{target.name}-backups").rmdir()
    print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
