"""Noticing other machines' writes on a PostgreSQL server, as ``PRAGMA data_version`` does for
a SQLite file: a number that moves whenever another connection commits a write.

Every write to the user's data ends in a ``NOTIFY netrhythm_changed`` (statement triggers; the
server sends it when the transaction commits, once per transaction). The app's first
:func:`changes` starts a listener: a daemon thread with its own connection that ``LISTEN``\\ s
and counts what arrives, so the app's half-second check reads a number in memory, never a
table. When that connection breaks (a laptop asleep, a server restarted), the listener
connects again, listens again and moves the number once more: what was missed meanwhile is
reloaded. TCP keepalives notice a connection that died silently within about a minute.
"""

from __future__ import annotations

import threading
import time
from typing import Any

from netrhythm.storage.triggers import JOURNALED

CHANNEL = "netrhythm_changed"
# A server's triggers (created with the schema: ``server_schema``).
NOTIFY_TRIGGERS = [
    f"""CREATE FUNCTION nr_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('{CHANNEL}', '');
  RETURN NULL;
END $$""",
    *(f"CREATE TRIGGER {table}_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "
      f"{table} FOR EACH STATEMENT EXECUTE FUNCTION nr_changed()" for table in JOURNALED),
]
KEEPALIVES: dict[str, Any] = {"keepalives": 1, "keepalives_idle": 30, "keepalives_interval": 10,
              "keepalives_count": 3}
RETRY_SECONDS = (0.5, 1, 2, 5, 10, 30)  # between attempts to connect again, then every 30 s

_listeners: dict[str, Listener] = {}
_lock = threading.Lock()


class Listener:
    """A thread that counts the server's change notifications (and reconnections)."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.count = 0
        self.connected = threading.Event()  # set once listening (tests wait on it)
        self._thread = threading.Thread(target=self._run, name="netrhythm-listen", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        import psycopg

        failures = 0
        while True:
            try:
                with psycopg.connect(self.url, autocommit=True, **KEEPALIVES) as conn:
                    conn.execute(f"LISTEN {CHANNEL}")
                    if self.connected.is_set():
                        self.count += 1  # connected again: changes may have been missed
                    self.connected.set()
                    failures = 0
                    for _ in conn.notifies():
                        self.count += 1
            except psycopg.Error:
                pass
            time.sleep(RETRY_SECONDS[min(failures, len(RETRY_SECONDS) - 1)])
            failures += 1


def changes(server: Any) -> int:
    """The number of changes committed on ``server``'s database (a ``ServerDatabase``) since
    this process first asked; the first call starts listening."""
    url = str(server.database)  # the address it was opened with
    with _lock:
        listener = _listeners.get(url)
        if listener is None:
            listener = _listeners[url] = Listener(url)
    return listener.count
